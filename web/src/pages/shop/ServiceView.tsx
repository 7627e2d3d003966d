// A service's content as the public sees it: price with VAT and the deduction estimate, the
// description, languages, area, opening hours. The service page, the editor's preview and the
// coordinator's review all show it, so what is reviewed is what is published.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Language, ServiceContent } from '../../api/types';
import type { DirectoryNames } from '../../lib/directoryData';
import { formatPrice, formatRate, householdDeductionEstimate, labourPart, HOUSEHOLD_DEDUCTION_RATE_BP } from '../../lib/price';
import { formatClock, formatList, langAttr, listLanguages, pickText, weekdayName } from '../../lib/serviceText';
import { useSession } from '../../session/SessionContext';
import { RatingText, VoucherBadge } from './ServiceBits';

function Heading({ level, children, id }: { level: 2 | 3; children: ReactNode; id?: string }) {
  return level === 2 ? <h2 id={id}>{children}</h2> : <h3 id={id}>{children}</h3>;
}

/** The price box: amount per unit, VAT, minimum charge and what the household deduction gives back. */
export function PriceDetails({ content, level }: { content: ServiceContent; level: 2 | 3 }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const price = content.price;
  if (!price) return null;
  const money = (cents: number) => formatPrice(cents, price.currency, language);
  const back = householdDeductionEstimate(price, content.area);
  return (
    <div className="price-box" data-testid="price-box">
      <Heading level={level}>{t('service.price')}</Heading>
      <p className="price-big">
        <strong>{money(price.amount)}</strong> <span>{t(`shop.unit.${price.model}`)}</span>
      </p>
      <p className="small">
        {price.vat_rate_bp ? t('service.vatIncluded', { rate: formatRate(price.vat_rate_bp, language) }) : t('service.noVat')}
      </p>
      {price.minimum_charge ? <p className="small">{t('service.minimumCharge', { amount: money(price.minimum_charge) })}</p> : null}
      {back !== null ? (
        <div className="deduction-box" data-testid="deduction">
          <p>
            <strong>{t(`shop.deduction.${price.model}`, { amount: money(back) })}</strong>
          </p>
          <p className="small">
            {t('service.deductionExplained', {
              rate: formatRate(HOUSEHOLD_DEDUCTION_RATE_BP, language),
              share: formatRate(price.labour_share_bp ?? 0, language),
              labour: money(labourPart(price.amount, price.labour_share_bp ?? 0)),
              after: money(price.amount - back),
            })}
          </p>
        </div>
      ) : null}
    </div>
  );
}

/** Opening hours per weekday, Monday first; a day without hours says it is closed. */
export function HoursTable({ content, caption }: { content: ServiceContent; caption: string }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const hours = content.hours ?? [];
  return (
    <table className="hours-table">
      <caption className="visually-hidden">{caption}</caption>
      <tbody>
        {[0, 1, 2, 3, 4, 5, 6].map((day) => {
          const periods = hours.filter((h) => h.weekday === day).sort((a, b) => a.opens.localeCompare(b.opens));
          return (
            <tr key={day}>
              <th scope="row">{weekdayName(day, language)}</th>
              <td>
                {periods.length === 0
                  ? t('service.closed')
                  : periods.map((p) => `${formatClock(p.opens, language)}–${formatClock(p.closes, language)}`).join(', ')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Municipalities and districts by name, postal codes as they are. */
export function areaText(content: ServiceContent, names: DirectoryNames, lang: Language): string {
  const area = content.area ?? {};
  const parts = [
    ...(area.municipalities ?? []).map((c) => names.placeName(c)),
    ...(area.districts ?? []).map((c) => {
      const place = names.place(c);
      const town = place ? names.placeName(place.municipality_code) : '';
      return town ? `${names.placeName(c)} (${town})` : names.placeName(c);
    }),
    ...(area.postal_codes ?? []),
  ];
  return formatList(parts, lang);
}

export function ServiceView({
  content,
  provider,
  names,
  rating,
  level = 2,
  children,
}: {
  content: ServiceContent;
  provider: { id: string; name: string };
  names: DirectoryNames;
  rating?: number | null | undefined;
  level?: 2 | 3;
  /** Shown after the price (the order button on the public page). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const description = pickText(content.description, language);
  const hasHours = (content.hours ?? []).length > 0;
  return (
    <div className="service-view">
      <p className="service-provider">
        {t('service.providedBy')} <Link to={`/providers/${provider.id}`}>{provider.name}</Link>
      </p>
      <p className="service-badges">
        {content.category ? <span className="badge">{names.categoryName(content.category)}</span> : null}
        {content.vouchers && content.vouchers.length > 0 ? <VoucherBadge /> : null}
        {rating !== undefined ? (
          <span className="service-rating">
            <RatingText rating={rating} />
          </span>
        ) : null}
      </p>
      <div className="service-grid">
        <div className="service-side">
          <PriceDetails content={content} level={level} />
          {children}
        </div>
        <div className="service-body">
          <Heading level={level}>{t('service.about')}</Heading>
          {description.text ? (
            <div lang={langAttr(description, language)} className="service-description">
              {description.text.split(/\n{2,}|\r\n\r\n/).map((para, i) => (
                <p key={i}>{para}</p>
              ))}
            </div>
          ) : (
            <p className="muted">{t('service.noDescription')}</p>
          )}
          <dl className="facts service-details">
            <div>
              <dt>{t('shop.languages')}</dt>
              <dd>{listLanguages(content.languages ?? [], language) || '–'}</dd>
            </div>
            <div>
              <dt>{t('service.area')}</dt>
              <dd data-testid="service-area">{areaText(content, names, language) || '–'}</dd>
            </div>
            <div>
              <dt>{t('service.leadTime')}</dt>
              <dd>
                {content.lead_time_days
                  ? t('service.leadTimeDays', { count: content.lead_time_days })
                  : t('service.leadTimeNone')}
              </dd>
            </div>
            {content.vouchers && content.vouchers.length > 0 ? (
              <div>
                <dt>{t('service.voucher')}</dt>
                <dd>{t('service.voucherAccepted')}</dd>
              </div>
            ) : null}
          </dl>
          <Heading level={level}>{t('service.hours')}</Heading>
          {hasHours ? <HoursTable content={content} caption={t('service.hours')} /> : <p>{t('service.hoursByAgreement')}</p>}
        </div>
      </div>
    </div>
  );
}

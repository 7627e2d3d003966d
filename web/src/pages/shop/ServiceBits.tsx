// Small pieces the shop's pages share: a price with its unit, the deduction estimate, badges, the
// comparison checkbox and the result card.
import './shop.css';
import './service.css';
import './compare.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ServicePrice, ServiceSummary } from '../../api/types';
import { MAX_COMPARE, useCompare } from '../../lib/compare';
import { formatPrice, householdDeductionEstimate, type PlaceCodes } from '../../lib/price';
import { formatRating, langAttr, listLanguages, pickText, summarizeDays } from '../../lib/serviceText';
import { useSession } from '../../session/SessionContext';

/** "32,50 € / hour" with the amount strong; "from" a minimum charge when there is one. */
export function PriceText({ price }: { price: ServicePrice }) {
  const { t } = useTranslation();
  const { language } = useSession();
  return (
    <span className="price-text">
      <strong className="price-amount">{formatPrice(price.amount, price.currency, language)}</strong>{' '}
      <span className="price-unit">{t(`shop.unit.${price.model}`)}</span>
    </span>
  );
}

/** "About 8,53 € back per hour in household deduction (estimate)"; nothing when it does not apply. */
export function DeductionText({
  price,
  area,
  short = false,
}: {
  price: ServicePrice;
  area?: PlaceCodes | null;
  short?: boolean;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const back = householdDeductionEstimate(price, area);
  if (back === null) return null;
  const amount = formatPrice(back, price.currency, language);
  return (
    <span className="deduction-text">
      {short ? t(`shop.deductionShort.${price.model}`, { amount }) : t(`shop.deduction.${price.model}`, { amount })}
    </span>
  );
}

export function VoucherBadge() {
  const { t } = useTranslation();
  return <span className="badge badge-ok">{t('shop.voucherBadge')}</span>;
}

export function RatingText({ rating }: { rating: number | null | undefined }) {
  const { t } = useTranslation();
  const { language } = useSession();
  if (rating === null || rating === undefined) return <span className="muted">{t('shop.noRating')}</span>;
  return (
    <span>
      <span aria-hidden="true" className="star">
        ★
      </span>{' '}
      {t('shop.rating', { rating: formatRating(rating, language) })}
    </span>
  );
}

/** A checkbox that puts the service into the comparison (at most three; says so when full). */
export function CompareToggle({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  const compare = useCompare();
  const [full, setFull] = useState(false);
  const checked = compare.ids.includes(id);
  return (
    <div className="compare-toggle">
      <label className="compare-check">
        <input
          type="checkbox"
          checked={checked}
          data-testid="compare-toggle"
          onChange={() => setFull(!compare.toggle(id))}
        />
        <span>
          {t('shop.compare')}
          <span className="visually-hidden">: {name}</span>
        </span>
      </label>
      <span role="status" className="compare-full small">
        {full && !checked ? t('shop.compareFull', { max: MAX_COMPARE }) : ''}
      </span>
    </div>
  );
}

/** One result: name, provider, price per unit, languages, open days, voucher, rating. */
export function ServiceCard({ service, headingLevel = 3 }: { service: ServiceSummary; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const name = pickText(service.name, language);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const days = summarizeDays(service.open_days, language);
  return (
    <li className="service-card" data-service-id={service.id}>
      <div className="service-card-main">
        <Heading className="service-card-title">
          <Link to={`/services/${service.id}`} lang={langAttr(name, language)} data-testid="service-link">
            {name.text || t('shop.unnamed')}
          </Link>
        </Heading>
        <p className="service-card-provider">{service.provider.name}</p>
        <p className="service-card-price">
          <PriceText price={service.price} />
        </p>
        {householdDeductionEstimate(service.price, service.area) !== null ? (
          <p className="small service-card-deduction">
            <DeductionText price={service.price} area={service.area} short />
          </p>
        ) : null}
        <dl className="service-facts">
          <div>
            <dt>{t('shop.languages')}</dt>
            <dd>{listLanguages(service.languages, language)}</dd>
          </div>
          <div>
            <dt>{t('shop.openDays')}</dt>
            <dd>{days || t('shop.byAgreement')}</dd>
          </div>
          <div>
            <dt>{t('shop.ratingLabel')}</dt>
            <dd>
              <RatingText rating={service.rating} />
            </dd>
          </div>
        </dl>
        {service.vouchers && service.vouchers.length > 0 ? (
          <p className="service-card-badges">
            <VoucherBadge />
          </p>
        ) : null}
      </div>
      <CompareToggle id={service.id} name={name.text} />
    </li>
  );
}

/** "2 services chosen – Compare": shown while the comparison has services. */
export function CompareBar() {
  const { t } = useTranslation();
  const compare = useCompare();
  if (compare.ids.length === 0) return null;
  return (
    <div className="compare-bar" data-testid="compare-bar">
      <p>{t('shop.compareChosen', { count: compare.ids.length })}</p>
      <Link className="button button-primary" to={`/compare?ids=${compare.ids.join(',')}`} data-testid="open-compare">
        {t('shop.openCompare')}
      </Link>
    </div>
  );
}

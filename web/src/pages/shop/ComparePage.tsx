import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import * as directory from '../../api/directory';
import type { PublicService } from '../../api/types';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { parseIds, useCompare } from '../../lib/compare';
import { useDirectoryNames } from '../../lib/directoryData';
import { formatPrice, formatRate, householdDeductionEstimate, HOUSEHOLD_DEDUCTION_RATE_BP, priceAfterDeduction } from '../../lib/price';
import { langAttr, listLanguages, pickText, summarizeDays } from '../../lib/serviceText';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { lastSearch } from './lastSearch';
import { PriceText, RatingText, VoucherBadge } from './ServiceBits';

type Loaded = { id: string; service: PublicService | null };

/**
 * Up to three services side by side. Each property is a heading row over the services' values,
 * so three columns fit a 360 px phone and every cell is announced with its property and service.
 */
export function ComparePage() {
  const { t } = useTranslation();
  const { language } = useSession();
  const [params, setParams] = useSearchParams();
  const compare = useCompare();
  const names = useDirectoryNames();
  const fromUrl = params.get('ids');
  const ids = fromUrl !== null ? parseIds(fromUrl) : compare.ids;
  const key = ids.join(',');

  // A shared address decides what is compared: the tab remembers it from now on.
  useEffect(() => {
    if (fromUrl !== null && key !== compare.ids.join(',')) compare.set(ids);
  }, [key]);

  const loaded = useAsync(
    () =>
      Promise.all(
        ids.map((id): Promise<Loaded> => directory.getPublicService(id).then((service) => ({ id, service }), () => ({ id, service: null }))),
      ),
    [key],
  );

  const remove = (id: string) => {
    const next = ids.filter((x) => x !== id);
    compare.set(next);
    setParams(next.length ? { ids: next.join(',') } : {}, { replace: true });
  };

  const back = lastSearch() ?? '/services';
  if (ids.length === 0) {
    return (
      <Page title={t('compare.title')}>
        <p className="empty" data-testid="compare-empty">
          {t('compare.empty')} <Link to={back}>{t('compare.findServices')}</Link>
        </p>
      </Page>
    );
  }
  if (loaded.error) {
    return (
      <Page title={t('compare.title')}>
        <LoadError error={loaded.error} onRetry={() => void loaded.reload()} />
      </Page>
    );
  }
  if (!loaded.data) return <Loading />;
  const services = loaded.data;

  const rows: { key: string; label: string; value: (s: PublicService) => ReactNode }[] = [
    { key: 'provider', label: t('compare.provider'), value: (s) => <Link to={`/providers/${s.provider.id}`}>{s.provider.name}</Link> },
    { key: 'price', label: t('service.price'), value: (s) => (s.price ? <PriceText price={s.price} /> : '–') },
    {
      key: 'deduction',
      label: t('compare.deduction'),
      value: (s) => {
        const back = s.price ? householdDeductionEstimate(s.price, s.area) : null;
        return back === null || !s.price ? t('compare.noDeduction') : formatPrice(back, s.price.currency, language);
      },
    },
    {
      key: 'after',
      label: t('compare.afterDeduction'),
      value: (s) => (s.price ? formatPrice(priceAfterDeduction(s.price), s.price.currency, language) : '–'),
    },
    { key: 'languages', label: t('shop.languages'), value: (s) => listLanguages(s.languages ?? [], language) || '–' },
    {
      key: 'days',
      label: t('shop.openDays'),
      value: (s) => summarizeDays([...new Set((s.hours ?? []).map((h) => h.weekday))], language) || t('shop.byAgreement'),
    },
    { key: 'rating', label: t('shop.ratingLabel'), value: (s) => <RatingText rating={s.rating} /> },
    {
      key: 'voucher',
      label: t('service.voucher'),
      value: (s) => (s.vouchers && s.vouchers.length > 0 ? <VoucherBadge /> : t('compare.noVoucher')),
    },
    { key: 'category', label: t('shop.category'), value: (s) => (s.category ? names.categoryName(s.category) : '–') },
    {
      key: 'lead',
      label: t('service.leadTime'),
      value: (s) => (s.lead_time_days ? t('service.leadTimeDays', { count: s.lead_time_days }) : t('service.leadTimeNone')),
    },
  ];

  return (
    <Page title={t('compare.title')} intro={t('compare.intro')} wide>
      <p className="back-link">
        <Link to={back}>{t('service.backToResults')}</Link>
      </p>
      <table className="compare-table" data-testid="compare-table">
        <caption className="visually-hidden">{t('compare.caption')}</caption>
        <thead>
          <tr>
            {services.map(({ id, service }) => {
              const name = service ? pickText(service.name, language) : null;
              return (
                <th key={id} scope="col" id={`cmp-${id}`} className="compare-service">
                  {service && name ? (
                    <Link to={`/services/${id}`} lang={langAttr(name, language)} data-testid="compare-service-link">
                      {name.text || t('shop.unnamed')}
                    </Link>
                  ) : (
                    <span>{t('compare.gone')}</span>
                  )}
                  <button
                    type="button"
                    className="button button-link compare-remove"
                    onClick={() => remove(id)}
                    data-testid="compare-remove"
                  >
                    {t('compare.remove')}
                    <span className="visually-hidden">: {name?.text ?? id}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        {rows.map((row) => (
          <tbody key={row.key}>
            <tr className="compare-property">
              <th scope="colgroup" colSpan={services.length} id={`cmp-row-${row.key}`}>
                {row.label}
              </th>
            </tr>
            <tr>
              {services.map(({ id, service }) => (
                <td key={id} headers={`cmp-row-${row.key} cmp-${id}`}>
                  {service ? row.value(service) : '–'}
                </td>
              ))}
            </tr>
          </tbody>
        ))}
      </table>
      <p className="small muted">{t('compare.deductionNote', { rate: formatRate(HOUSEHOLD_DEDUCTION_RATE_BP, language) })}</p>
    </Page>
  );
}

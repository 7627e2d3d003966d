import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { GrantWithBalance } from '../../api/types';
import { useDirectoryNames } from '../../lib/directoryData';
import { describeAllowance, describeValue, formatBalanceAmount, grantKindName } from '../../lib/funding';
import { formatCivilDate } from '../../lib/schedule';
import { useSession } from '../../session/SessionContext';

/** A client's funding decisions with what is left of each now, and the way to order with one. */
export function GrantList({
  grants,
  clientId,
  orderLink = true,
  emptyText,
}: {
  grants: readonly GrantWithBalance[];
  clientId: string;
  orderLink?: boolean;
  emptyText: string;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const names = useDirectoryNames();
  if (grants.length === 0) return <p className="empty">{emptyText}</p>;
  return (
    <ul className="item-list" data-testid="grants">
      {grants.map((g) => {
        const b = g.balance;
        const categories = (g.categories ?? []).map((c) => names.categoryName(c)).join(', ');
        const active = g.state === 'active';
        const allowance = [describeAllowance(t, g, language), describeValue(t, g, language)].filter(Boolean).join(' · ');
        return (
          <li key={g.id} className="item grant" data-testid="grant" data-grant-id={g.id} data-kind={g.kind}>
            <div className="item-main">
              <h3 className="item-title">
                {t('funding.grantTitle', { kind: grantKindName(t, g), categories })}
              </h3>
              <p data-testid="grant-payer">
                <strong>{g.payer_name}</strong>
                {g.care_grade ? ` · ${t('funding.careGrade', { grade: g.care_grade })}` : null}
                {g.insurance_number ? ` · ${t('funding.insuranceNumber', { number: g.insurance_number })}` : null}
              </p>
              {allowance ? <p>{allowance}</p> : null}
              {b && b.granted !== undefined && b.remaining !== undefined ? (
                <p className="balance" data-testid="balance">
                  <strong>
                    {t('funding.left', {
                      left: formatBalanceAmount(t, b, b.remaining, g.currency, language),
                      of: formatBalanceAmount(t, b, b.granted, g.currency, language),
                    })}
                  </strong>{' '}
                  {b.period_start && b.period_end ? (
                    <span className="muted">
                      {t('funding.period', {
                        from: formatCivilDate(b.period_start, language, false),
                        to: formatCivilDate(b.period_end, language, false),
                      })}
                    </span>
                  ) : null}
                  <meter
                    className="balance-meter"
                    min={0}
                    max={Math.max(1, b.granted)}
                    value={Math.max(0, b.remaining)}
                    aria-label={t('funding.leftMeter')}
                  />
                </p>
              ) : null}
              {b && b.used !== undefined ? (
                <p className="small" data-testid="used">
                  {t('funding.used', { amount: formatBalanceAmount(t, b, b.used, g.currency, language) })}
                </p>
              ) : null}
              {b?.lapses && b.lapses.length > 0 ? (
                <p className="small">
                  {b.lapses.map((l) => (
                    <span key={l.on} data-testid="lapse">
                      {t('funding.lapses', {
                        amount: formatBalanceAmount(t, b, l.amount_cents ?? 0, g.currency, language),
                        date: formatCivilDate(l.on, language, false),
                      })}{' '}
                    </span>
                  ))}
                </p>
              ) : null}
              <p className="muted small">
                {t('funding.validity', {
                  from: formatCivilDate(g.valid_from, language, false),
                  until: g.valid_until ? formatCivilDate(g.valid_until, language, false) : t('funding.untilFurtherNotice'),
                })}
                {' · '}
                {t('funding.decision', { reference: g.decision_reference ?? '', payer: g.payer_name ?? '' })}
                {!active ? ` · ${t('funding.ended')}` : null}
              </p>
            </div>
            {orderLink && active ? (
              <div className="item-actions">
                <Link
                  className="button button-primary"
                  to={
                    g.kind === 'periodic_budget'
                      ? `/services?category=${encodeURIComponent(g.categories?.[0] ?? '')}`
                      : `/orders/new?client=${encodeURIComponent(clientId)}&grant=${encodeURIComponent(g.id)}`
                  }
                  data-testid="order-with-grant"
                >
                  {t('funding.orderWith', { categories })}
                </Link>
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

import './referrals.css';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Grant, Referral } from '../../api/types';
import { formatDate } from '../../lib/format';
import { grantKindName } from '../../lib/funding';
import { stateKey } from '../../lib/referrals';
import { useSession } from '../../session/SessionContext';

/** A decision in a line: "Service voucher: Shopping · PSHVA/2026/3001". */
export function describeGrant(
  t: TFunction,
  g: Pick<Grant, 'kind' | 'care_grade' | 'categories' | 'decision_reference'>,
  categoryName: (code: string) => string,
): string {
  return t('referrals.decide.grantLabel', {
    kind: grantKindName(t, g),
    categories: (g.categories ?? []).map(categoryName).join(', '),
    reference: g.decision_reference ?? '',
  });
}

/** The state in words, in a badge whose colour repeats what the words say. */
export function ReferralBadge({ state }: { state: Referral['state'] }) {
  const { t } = useTranslation();
  const tone = state === 'granted' ? ' badge-ok' : state === 'declined' ? ' badge-warn' : '';
  return (
    <span className={`badge referral-state${tone}`} data-state={state} data-testid="referral-state">
      {t(stateKey(state))}
    </span>
  );
}

/** "Referred by Mikko Neuvoja on 28 Nov 2026". */
export function ReferredBy({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const { language, timeZone } = useSession();
  return (
    <span data-testid="referral-by">
      {t('referrals.referredBy', { name: referral.created_by_name, date: formatDate(referral.created_at, language, { timeZone }) })}
    </span>
  );
}

/**
 * One referral: its title (and a line under it), state, who referred and when, the reason, and once decided the outcome
 * (`granted` says what it became where the reader can know; the note and who decided when).
 * `children` come after it: the officer's outcome form, a link.
 */
export function ReferralCard({
  referral,
  title,
  heading,
  subtitle,
  granted,
  children,
}: {
  referral: Referral;
  title: ReactNode;
  /** a line under the title (the type of service when the title names the client) */
  subtitle?: ReactNode;
  heading: 'h2' | 'h3' | 'h4';
  granted?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { language, timeZone } = useSession();
  const H = heading;
  const r = referral;
  const headingId = `referral-${r.id}`;
  return (
    <li className="item referral" data-testid="referral" data-referral-id={r.id} data-state={r.state} aria-labelledby={headingId}>
      <div className="item-main">
        <div className="referral-head">
          <H className="item-title" id={headingId}>
            {title}
          </H>
          <ReferralBadge state={r.state} />
        </div>
        {subtitle ? <p className="referral-subtitle">{subtitle}</p> : null}
        <p className="small muted">
          <ReferredBy referral={r} />
        </p>
        <dl className="facts">
          <div>
            <dt>{t('referrals.reason')}</dt>
            <dd className="referral-text" data-testid="referral-reason">
              {r.reason}
            </dd>
          </div>
        </dl>
        {r.state !== 'open' ? (
          <div className={`referral-outcome referral-outcome-${r.state}`} data-testid="referral-outcome">
            <p>
              <strong>{r.state === 'granted' ? (granted ?? t('referrals.own.grantedNoDetails')) : t('referrals.own.declined')}</strong>
            </p>
            {r.decision_note ? (
              <dl className="facts">
                <div>
                  <dt>{t('referrals.note')}</dt>
                  <dd className="referral-text" data-testid="referral-note">
                    {r.decision_note}
                  </dd>
                </div>
              </dl>
            ) : null}
            {r.decided_by_name && r.decided_at ? (
              <p className="small muted" data-testid="referral-decided-by">
                {t('referrals.decidedBy', { name: r.decided_by_name, date: formatDate(r.decided_at, language, { timeZone }) })}
              </p>
            ) : null}
          </div>
        ) : null}
        {children}
      </div>
    </li>
  );
}

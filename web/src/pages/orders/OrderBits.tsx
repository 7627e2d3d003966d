// Small pieces every order page shows: state badges, a deadline that counts down, a split of
// who pays, the schedule in words.
import { useTranslation } from 'react-i18next';
import type { FundingShare, OrderState, Schedule, VisitState } from '../../api/types';
import { formatDateTime, formatMoney } from '../../lib/format';
import { describeShare } from '../../lib/funding';
import { minutesLeft, splitMinutes, useNow } from '../../lib/countdown';
import { describeSchedule } from '../../lib/schedule';
import { useSession } from '../../session/SessionContext';

const ORDER_TONE: Partial<Record<OrderState, string>> = {
  escalated: 'badge badge-danger',
  disputed: 'badge badge-danger',
  failed: 'badge badge-danger',
  offered: 'badge badge-warn',
  routing: 'badge badge-warn',
  submitted: 'badge badge-warn',
  accepted: 'badge badge-ok',
  scheduled: 'badge badge-ok',
  in_progress: 'badge badge-ok',
  delivered: 'badge badge-ok',
  confirmed: 'badge badge-ok',
  cancelled: 'badge badge-muted',
  declined: 'badge badge-muted',
  expired: 'badge badge-muted',
};

export function OrderStateBadge({ state }: { state: OrderState }) {
  const { t } = useTranslation();
  return (
    <span className={ORDER_TONE[state] ?? 'badge'} data-state={state}>
      {t(`orderStates.${state}`)}
    </span>
  );
}

const VISIT_TONE: Record<VisitState, string> = {
  planned: 'badge',
  in_progress: 'badge badge-warn',
  delivered: 'badge badge-ok',
  confirmed: 'badge badge-ok',
  failed: 'badge badge-danger',
  cancelled: 'badge badge-muted',
  disputed: 'badge badge-danger',
};

export function VisitStateBadge({ state }: { state: VisitState }) {
  const { t } = useTranslation();
  return (
    <span className={VISIT_TONE[state]} data-state={state}>
      {t(`visitStates.${state}`)}
    </span>
  );
}

/** "Answer within 3 h 20 min (by 27.11. 17.41)"; "The deadline has passed" once it has. */
export function Deadline({ at, label }: { at: string | null | undefined; label?: 'answer' | 'offer' }) {
  const { t } = useTranslation();
  const { language, timeZone } = useSession();
  const now = useNow();
  const left = minutesLeft(at, now);
  if (left === null || !at) return null;
  const when = formatDateTime(at, language, { timeZone });
  if (left < 0) {
    return (
      <span className="deadline deadline-passed" data-testid="deadline">
        {t('deadline.passed', { when })}
      </span>
    );
  }
  const { hours, minutes } = splitMinutes(left);
  const remaining = hours > 0 ? t('deadline.hoursMinutes', { hours, minutes }) : t('deadline.minutes', { minutes });
  return (
    <span className={left < 60 ? 'deadline deadline-soon' : 'deadline'} data-testid="deadline">
      {t(label === 'offer' ? 'deadline.offerExpires' : 'deadline.answerWithin', { remaining, when })}
    </span>
  );
}

/** The shares of a delivery's price, each in words, and the client's part. */
export function SplitList({
  shares,
  currency,
  priceCents,
  testId,
  forClient = true,
}: {
  shares: readonly FundingShare[];
  currency: string;
  priceCents?: number | null | undefined;
  testId?: string;
  /** worded for the client ("you pay"), else for someone else reading it ("the client pays") */
  forClient?: boolean;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  return (
    <dl className="split" data-testid={testId}>
      {priceCents !== null && priceCents !== undefined ? (
        <div className="split-row split-total">
          <dt>{t('split.price')}</dt>
          <dd>{formatMoney(priceCents, currency, language)}</dd>
        </div>
      ) : null}
      {shares.map((s, i) => (
        <div key={`${s.rule ?? ''}-${i}`} className={s.client ? 'split-row split-client' : 'split-row'} data-rule={s.rule}>
          <dt>{s.client ? t(forClient ? 'split.clientPays' : 'split.clientPaysOther') : t(forClient ? 'split.payerPays' : 'split.payerPaysOther')}</dt>
          <dd>{describeShare(t, s, currency, language, forClient)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ScheduleText({ schedule }: { schedule: Schedule | undefined }) {
  const { t } = useTranslation();
  const { language } = useSession();
  return <>{describeSchedule(t, schedule, language)}</>;
}

// Pieces the feedback and complaint pages share: a case's state badge and its four steps, a case
// as a row of a list, the quality score with its explanation in words.
import './quality.css';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CaseEvent, CaseState, QualityCaseSummary, QualityScore } from '../../api/quality';
import { DateTime } from '../../components/DateTime';
import { caseNumber, caseSteps, categoryKey, describeScore, kindKey, scoreHeadline, severityKey, stateKey } from '../../lib/quality';
import { useSession } from '../../session/SessionContext';

const STATE_TONE: Record<CaseState, string> = {
  received: 'badge badge-warn',
  investigating: 'badge badge-warn',
  action_taken: 'badge badge-ok',
  closed: 'badge badge-muted',
};

export function CaseStateBadge({ state }: { state: CaseState }) {
  const { t } = useTranslation();
  return (
    <span className={STATE_TONE[state]} data-state={state} data-testid="case-state">
      {t(stateKey(state))}
    </span>
  );
}

/** "Complaint #12". */
export function caseTitle(t: TFunction, c: Pick<QualityCaseSummary, 'kind' | 'number'>): string {
  return t('quality.caseTitle', { kind: t(kindKey(c.kind)), number: caseNumber(c) });
}

/**
 * The case's way from received to closed as an ordered list of steps: the ones passed with their
 * date, the current one marked (aria-current="step"), those closed without said so. `compact`
 * leaves the dates out (lists).
 */
export function CaseStepper({
  c,
  events,
  compact = false,
}: {
  c: Pick<QualityCaseSummary, 'state' | 'created_at' | 'closed_at'>;
  events?: readonly CaseEvent[];
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const steps = caseSteps(c, events);
  return (
    <ol className={compact ? 'case-steps case-steps-compact' : 'case-steps'} data-testid="case-steps" data-state={c.state}>
      {steps.map((s) => (
        <li
          key={s.state}
          className={`case-step case-step-${s.status}`}
          aria-current={s.status === 'current' ? 'step' : undefined}
          data-step={s.state}
          data-status={s.status}
        >
          <span className="case-step-mark" aria-hidden="true" />
          <span className="case-step-text">
            <span className="case-step-name">{t(stateKey(s.state))}</span>
            <span className="visually-hidden">: {t(`quality.stepStatus.${s.status}`)}</span>
            {!compact && s.at ? (
              <span className="case-step-date small">
                <DateTime value={s.at} dateOnly />
              </span>
            ) : null}
            {!compact && s.status === 'skipped' ? <span className="case-step-date small muted">{t('quality.stepStatus.skipped')}</span> : null}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** One case in a list: its name (a link), state, what it is about, dates; overdue ones marked for staff. */
export function CaseRow({ c, showOverdue = false, showClient = true }: { c: QualityCaseSummary; showOverdue?: boolean; showClient?: boolean }) {
  const { t } = useTranslation();
  const overdue = showOverdue && c.overdue && c.state !== 'closed';
  const about = [showClient ? c.client_name : null, c.provider_name].filter(Boolean).join(' · ');
  return (
    <li
      className={`item case-item${overdue ? ' case-overdue' : ''}`}
      data-testid="case-row"
      data-case-id={c.id}
      data-kind={c.kind}
      data-state={c.state}
      data-overdue={overdue ? 'true' : 'false'}
    >
      <div className="item-main">
        <h3 className="item-title">
          <Link to={`/cases/${c.id}`} data-testid="case-link">
            {caseTitle(t, c)}
          </Link>{' '}
          <span className="case-category">{t(categoryKey(c.category))}</span>
        </h3>
        <p>
          <CaseStateBadge state={c.state} />{' '}
          {overdue ? (
            <span className="badge badge-danger" data-testid="case-overdue">
              {t('quality.overdue')}
            </span>
          ) : null}{' '}
          <span className="small muted">{t(severityKey(c.severity))}</span>
        </p>
        {about ? <p className="small">{about}</p> : null}
        <p className="small muted">
          {t('quality.filedOn')} <DateTime value={c.created_at} dateOnly />
          {c.state === 'closed' && c.closed_at ? (
            <>
              {' · '}
              {t('quality.closedOn')} <DateTime value={c.closed_at} dateOnly />
            </>
          ) : (
            <>
              {' · '}
              {t('quality.dueBy')} <DateTime value={c.due_at} />
            </>
          )}
        </p>
        {showOverdue ? (
          <p className="small">
            {c.assignee_name ? t('quality.assignedTo', { name: c.assignee_name }) : t('quality.unassigned')}
          </p>
        ) : null}
        <CaseStepper c={c} compact />
      </div>
    </li>
  );
}

/**
 * The provider's quality score: the score out of 100, the rating with its count, and the
 * explanation built from the components (with how few ratings pull toward the region's average).
 */
export function ScoreView({ score, headingLevel = 2 }: { score: QualityScore; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const head = scoreHeadline(t, score, language);
  const sentences = describeScore(t, score, language);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="card quality-score" aria-labelledby="quality-score-heading" data-testid="quality-score">
      <Heading id="quality-score-heading">{t('quality.score.title')}</Heading>
      <p className="quality-headline">
        <strong className="quality-score-number" data-testid="quality-score-number" data-score={Math.round(score.score)}>
          {head.score}
        </strong>
        <span className="quality-rating" data-testid="quality-rating">
          {score.rating !== null ? (
            <span aria-hidden="true" className="star">
              ★{' '}
            </span>
          ) : null}
          {head.rating}
        </span>
      </p>
      <ul className="quality-explanation" data-testid="quality-explanation">
        {sentences.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
    </section>
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import * as desk from '../../api/desk';
import { ApiError } from '../../api/problem';
import type { AdviceChannel, ClientRecord, LookAlike, OrderView } from '../../api/types';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Page';
import { canMerge } from '../../lib/clientMerge';
import { addressLine, formatBirthDate, formatElapsed } from '../../lib/desk';
import { generalMessage } from '../../lib/errors';
import { languageName } from '../../lib/serviceText';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { ContactsPanel } from './ContactsPanel';
import { DeskAssessment } from './DeskAssessment';
import { DeskOrder, type CategoryAsked } from './DeskOrder';
import { MergeRecords } from './MergeRecords';
import { PlanPanel } from './PlanPanel';
import { ReferralsPanel } from './ReferralsPanel';
import { TasksPanel } from './TasksPanel';

/** Milliseconds since `start`, refreshed every second while shown. */
function useElapsed(start: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return Math.max(0, now - start);
}

/** The masked identity code with "Show": each showing is written in the client's access log. */
function IdentityCode({ record, purpose }: { record: ClientRecord; purpose: string }) {
  const { t } = useTranslation();
  const [code, setCode] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!record.identity_code_masked) return <span className="muted">{t('desk.record.noIdentityCode')}</span>;
  const reveal = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      setCode(await desk.revealIdentityCode(record.id, purpose));
    } catch (e) {
      setProblem(generalMessage(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="desk-identity">
      <code data-testid="identity-code" aria-live="polite">
        {code ?? record.identity_code_masked}
      </code>{' '}
      {code ? (
        <button type="button" className="button button-link" onClick={() => setCode(null)}>
          {t('desk.record.hideCode')}
        </button>
      ) : (
        <button type="button" className="button button-link" onClick={() => void reveal()} aria-disabled={busy || undefined} data-testid="reveal-code">
          {t('desk.record.showCode')}
        </button>
      )}
      <span className="small muted desk-identity-note">{t('desk.record.showCodeLogged')}</span>
      {problem ? (
        <span className="field-error" role="alert">
          {problem}
        </span>
      ) : null}
    </span>
  );
}

/**
 * Other records that may be the same person, each with a way to open it instead; for a coordinator
 * of the region also "Compare and merge", which opens the comparison below the warning.
 */
function LookAlikeWarning({
  record,
  linkTo,
  mayMerge,
  merging,
  onMerge,
}: {
  record: ClientRecord;
  linkTo: (clientId: string) => string;
  mayMerge: boolean;
  /** the look-alike whose comparison is open */
  merging: string | null;
  onMerge: (alike: LookAlike) => void;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const alike = record.look_alikes ?? [];
  if (alike.length === 0) return null;
  return (
    <div role="alert" className="alert alert-warning desk-alike" data-testid="look-alike-warning">
      <p>
        <strong>{t('desk.record.alikeTitle', { count: alike.length })}</strong>
      </p>
      <ul className="desk-alike-list">
        {alike.map((a) => (
          <li key={a.id} data-testid="look-alike" data-client-id={a.id}>
            <span>{[a.name, formatBirthDate(a.birth_date, language), a.municipality_name].filter(Boolean).join(', ')}</span>{' '}
            <span className="muted">({t(`desk.reasons.${a.reason}`)})</span>{' '}
            <span className="desk-alike-actions">
              <Link to={linkTo(a.id)} data-testid="open-look-alike">
                {t('desk.record.openOther', { name: a.name })}
              </Link>
              {mayMerge ? (
                <button
                  type="button"
                  className="button button-secondary desk-merge-open"
                  onClick={() => onMerge(a)}
                  aria-expanded={merging === a.id}
                  data-testid="merge-open"
                  data-merge-for={a.id}
                >
                  {t('clientMerge.open')}
                  <span className="visually-hidden">
                    {' '}
                    {[a.name, formatBirthDate(a.birth_date, language), a.municipality_name].filter(Boolean).join(', ')}
                  </span>
                </button>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      <p>{t('desk.record.alikeText')}</p>
    </div>
  );
}

/**
 * The caller's record on the call screen: who they are (with the look-alike warning), the call's
 * note and the history of contacts, and the search and order on their behalf. The purpose the
 * advisor works for goes with every read into the client's access log.
 */
export function DeskRecord({
  clientId,
  purpose,
  channel,
  linkTo,
  notice,
  onMerged,
}: {
  clientId: string;
  purpose: string;
  channel: AdviceChannel;
  linkTo: (clientId: string) => string;
  /** a status to show at the top ("registered") */
  notice?: string | null;
  /**
   * A merge done here: the record that stays and the one that went, with a status to show. The
   * page opens the one that stays when it is not this one, and drops the other from the results.
   */
  onMerged?: (merge: { kept: string; gone: string; notice: string }) => void;
}) {
  const { t } = useTranslation();
  const { language, viewer } = useSession();
  // The purpose of the first read stays with this record: a language switch does not read it again.
  const [readPurpose] = useState(purpose);
  const record = useAsync(() => desk.getClientRecord(clientId, readPurpose), [clientId, readPurpose]);
  const [startedAt] = useState(() => Date.now());
  const elapsed = useElapsed(startedAt);
  const [placed, setPlaced] = useState<OrderView | null>(null);
  // A type of service the assessment suggested, for the search (a new object each press).
  const [category, setCategory] = useState<CategoryAsked | null>(null);
  const searchCategory = useCallback((code: string) => setCategory({ code }), []);
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = Boolean(record.data);
  // The look-alike being compared for a merge (coordinators), and the status after one.
  const [merging, setMerging] = useState<LookAlike | null>(null);
  const [merged, setMerged] = useState<string | null>(null);
  const mergeOpener = useRef<string | null>(null);

  const closeMerge = useCallback(() => {
    const opener = mergeOpener.current;
    setMerging(null);
    // The focus goes back to the button that opened the comparison.
    window.setTimeout(() => {
      if (opener) document.querySelector<HTMLElement>(`[data-merge-for="${CSS.escape(opener)}"]`)?.focus();
    }, 0);
  }, []);

  // The record opened takes the focus, so the warning and the name are read first.
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded]);

  if (record.error) {
    const missing = record.error instanceof ApiError && record.error.status === 404;
    return (
      <section className="desk-panel desk-record" aria-labelledby="record-heading">
        <h2 id="record-heading">{t('desk.record.title')}</h2>
        {missing ? (
          <p className="alert alert-error" role="alert">
            {t('desk.record.notFound')}
          </p>
        ) : (
          <LoadError error={record.error} onRetry={() => void record.reload()} />
        )}
      </section>
    );
  }
  if (!record.data) {
    return (
      <section className="desk-panel desk-record" aria-label={t('desk.record.title')}>
        <Loading />
      </section>
    );
  }
  const r = record.data;
  const address = addressLine(r.address);
  if (r.merged_into) {
    // A record merged into another: nothing more is noted or ordered on it, the other is one click away.
    return (
      <section className="desk-panel desk-record" aria-labelledby="record-heading" data-testid="client-record" data-client-id={r.id}>
        <h2 id="record-heading" ref={heading} tabIndex={-1}>
          {r.name}
        </h2>
        <p className="alert alert-warning" data-testid="record-merged">
          {t('clientMerge.mergedInto')} <Link to={linkTo(r.merged_into)}>{t('clientMerge.openMergedInto')}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="desk-record" aria-labelledby="record-heading" data-testid="client-record" data-client-id={r.id}>
      <div className="desk-record-main">
      <div className="desk-panel">
        <div className="desk-record-head">
          <h2 id="record-heading" ref={heading} tabIndex={-1}>
            {r.name}
          </h2>
          <p className="desk-timer" data-testid="call-timer">
            {t('desk.record.callTime')} <span className="desk-clock">{formatElapsed(elapsed)}</span>
          </p>
        </div>
        {notice ? (
          <p className="alert alert-success" role="status">
            {notice}
          </p>
        ) : null}
        <div role="status" className={merged ? 'alert alert-success' : 'alert-empty'} data-testid="merge-done">
          {merged ? <p>{merged}</p> : null}
        </div>
        <LookAlikeWarning
          record={r}
          linkTo={linkTo}
          mayMerge={canMerge(viewer, r.region_id)}
          merging={merging?.id ?? null}
          onMerge={(a) => {
            mergeOpener.current = a.id;
            setMerged(null);
            setMerging((now) => (now?.id === a.id ? null : a));
          }}
        />
        {merging ? (
          <MergeRecords
            key={merging.id}
            record={r}
            alike={merging}
            purpose={readPurpose}
            onClose={closeMerge}
            onMerged={(kept, gone) => {
              const text = t('clientMerge.done', { gone });
              setMerging(null);
              if (kept.id === r.id) {
                record.setData(() => kept);
                setMerged(text);
                heading.current?.focus();
              }
              onMerged?.({ kept: kept.id, gone: kept.id === r.id ? merging.id : r.id, notice: text });
            }}
          />
        ) : null}
        <dl className="facts desk-facts">
          <div>
            <dt>{t('desk.record.birthDate')}</dt>
            <dd data-testid="record-birth-date">{formatBirthDate(r.birth_date, language) || t('desk.record.unknown')}</dd>
          </div>
          <div>
            <dt>{t('desk.record.address')}</dt>
            <dd data-testid="record-address">
              {address || t('desk.record.unknown')}
              {r.address?.municipality_name && r.address.municipality_name !== r.address.city ? ` (${r.address.municipality_name})` : ''}
            </dd>
          </div>
          <div>
            <dt>{t('desk.record.phone')}</dt>
            <dd>{r.phone ? <a href={`tel:${r.phone}`}>{r.phone}</a> : t('desk.record.unknown')}</dd>
          </div>
          <div>
            <dt>{t('desk.record.email')}</dt>
            <dd>{r.email ?? t('desk.record.noEmail')}</dd>
          </div>
          <div>
            <dt>{t('desk.record.language')}</dt>
            <dd>{languageName(r.language, language)}</dd>
          </div>
          <div>
            <dt>{t('desk.record.identityCode')}</dt>
            <dd>
              <IdentityCode record={r} purpose={readPurpose} />
            </dd>
          </div>
          {r.relations.length > 0 ? (
            <div className="desk-fact-wide">
              <dt>{t('desk.record.servedBy')}</dt>
              <dd>
                {r.relations
                  .map((x) => `${x.organization_name} (${t(`desk.relations.${x.relation}`)})`)
                  .join(', ')}
              </dd>
            </div>
          ) : null}
        </dl>
        <p className="small muted">{t('desk.record.logged', { purpose: readPurpose })}</p>
        <nav className="desk-jump" aria-label={t('desk.record.parts')}>
          <a href="#desk-contact">{t('desk.contact.title')}</a>
          <a href="#desk-history">{t('desk.contact.history')}</a>
          <a href="#desk-tasks">{t('tasks.title')}</a>
          <a href="#desk-plan">{t('plan.desk.title')}</a>
          <a href="#desk-assessment">{t('assessment.deskTitle')}</a>
          <a href="#desk-referrals">{t('referrals.desk.title')}</a>
          <a href="#desk-order">{t('desk.order.title')}</a>
        </nav>
      </div>
      <ContactsPanel record={r} purpose={readPurpose} channel={channel} elapsedMs={elapsed} orderPlaced={placed !== null} />
      <TasksPanel record={r} purpose={readPurpose} />
      <PlanPanel record={r} purpose={readPurpose} />
      <ReferralsPanel record={r} purpose={readPurpose} />
      </div>
      <div className="desk-record-side">
        <DeskAssessment record={r} purpose={readPurpose} onSearchCategory={searchCategory} />
        <DeskOrder record={r} channel={channel} onPlaced={setPlaced} category={category} />
      </div>
    </section>
  );
}

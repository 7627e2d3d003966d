import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as api from '../../api/orders';
import { ApiError } from '../../api/problem';
import type { VisitView } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { useDirectoryNames } from '../../lib/directoryData';
import { generalMessage } from '../../lib/errors';
import { mayRetry, newIdempotencyKey, withRetries } from '../../lib/idempotency';
import { describeFailure } from '../../lib/orderText';
import { formatClock } from '../../lib/serviceText';
import { useSession } from '../../session/SessionContext';
import { VisitStateBadge } from './OrderBits';

type Step = 'check-in' | 'check-out' | 'not-at-home';

/** A step sent (or being sent) with the key and body a retry must repeat exactly. */
interface Pending {
  step: Step;
  body: Record<string, unknown> | undefined;
  key: string;
}

/** What the worker has ticked and written, kept on the phone until the visit is checked out. */
interface Draft {
  done: string[];
  note: string;
  deviation: string;
}

const draftKey = (id: string) => `allmende.visit.${id}`;

function loadDraft(v: VisitView): Draft {
  try {
    const raw = window.sessionStorage.getItem(draftKey(v.id));
    if (raw) return JSON.parse(raw) as Draft;
  } catch {
    // No storage (private mode): the draft lives in the page only.
  }
  return { done: (v.tasks ?? []).filter((x) => x.done).map((x) => x.label ?? ''), note: v.note ?? '', deviation: v.deviation ?? '' };
}

function saveDraft(id: string, d: Draft | null) {
  try {
    if (d) window.sessionStorage.setItem(draftKey(id), JSON.stringify(d));
    else window.sessionStorage.removeItem(draftKey(id));
  } catch {
    // As above.
  }
}

/** The hour and minute of a time in the region's zone, "12:00". */
function clock(at: string, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(at));
}

/**
 * One visit of the worker's day, made for a phone in one hand: where (address, door code,
 * phone), what (needs, tasks as big checkboxes), and one big button for the next step. A step
 * that does not get through is retried with the same Idempotency-Key and body, and stays on
 * the screen with "Try again" until it does.
 */
export function VisitCard({ initial, index }: { initial: VisitView; index: number }) {
  const { t } = useTranslation();
  const { language, timeZone } = useSession();
  const names = useDirectoryNames();
  const [v, setV] = useState<VisitView>(initial);
  const [draft, setDraft] = useState<Draft>(() => loadDraft(initial));
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ text: string; retry: boolean } | null>(null);
  const [askingNotHome, setAskingNotHome] = useState(false);
  const [notHomeNote, setNotHomeNote] = useState('');
  const headingId = useId();
  const noteId = useId();
  const deviationId = useId();
  const notHomeId = useId();

  useEffect(() => {
    if (v.state === 'planned' || v.state === 'in_progress') saveDraft(v.id, draft);
  }, [draft, v.id, v.state]);

  const tasks = (v.tasks ?? []).map((x) => x.label ?? '').filter(Boolean);
  const open = v.state === 'planned' || v.state === 'in_progress';

  async function send(step: Step, body: Record<string, unknown> | undefined) {
    // The same change again reuses its key; a different one (edited ticks) gets a new key.
    const same = pending && pending.step === step && JSON.stringify(pending.body) === JSON.stringify(body);
    const p: Pending = same ? pending : { step, body, key: newIdempotencyKey() };
    setPending(p);
    setBusy(true);
    setProblem(null);
    try {
      const answer = await withRetries(() => api.stepVisit(p.step, v.id, p.body, p.key));
      // The step's answer carries no address: the day's list showed it once.
      setV((old) => ({
        ...old,
        ...answer,
        client_name: old.client_name,
        address: old.address,
        door_code: old.door_code,
        contact_phone: old.contact_phone,
      }));
      setPending(null);
      setAskingNotHome(false);
      if (answer.state !== 'planned' && answer.state !== 'in_progress') saveDraft(v.id, null);
    } catch (e) {
      const retry = mayRetry(e);
      if (!retry) setPending(null);
      const text =
        e instanceof ApiError && e.status === 0
          ? t('myDay.offlineStep')
          : e instanceof ApiError && e.status === 409
            ? t('myDay.changedMeanwhile')
            : generalMessage(t, e);
      setProblem({ text, retry });
    } finally {
      setBusy(false);
    }
  }

  const checkOutBody = () => ({
    done_tasks: draft.done.filter((d) => tasks.includes(d)),
    note: draft.note.trim(),
    ...(draft.deviation.trim() ? { deviation: draft.deviation.trim() } : {}),
  });

  return (
    <li className="visit-card" data-testid="day-visit" data-visit-id={v.id} data-visit-state={v.state} aria-labelledby={headingId}>
      <h2 id={headingId} className="visit-card-title">
        <span className="visit-number">{index + 1}.</span>{' '}
        <span className="visit-time">
          {formatClock(clock(v.starts_at, timeZone), language)}–{formatClock(clock(v.ends_at, timeZone), language)}
        </span>{' '}
        <span className="visit-what">{names.categoryName(v.category ?? '')}</span>
      </h2>
      <p>
        <VisitStateBadge state={v.state} />
      </p>
      <dl className="visit-where">
        {v.client_name ? (
          <div>
            <dt>{t('myDay.client')}</dt>
            <dd data-testid="visit-client">{v.client_name}</dd>
          </div>
        ) : null}
        {v.address ? (
          <div>
            <dt>{t('myDay.address')}</dt>
            <dd data-testid="visit-address">{v.address}</dd>
          </div>
        ) : null}
        {v.door_code ? (
          <div>
            <dt>{t('myDay.doorCode')}</dt>
            <dd className="door-code" data-testid="visit-door-code">
              {v.door_code}
            </dd>
          </div>
        ) : null}
        {v.contact_phone ? (
          <div>
            <dt>{t('myDay.phone')}</dt>
            <dd>
              <a className="phone-link" href={`tel:${v.contact_phone}`}>
                {v.contact_phone}
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
      {v.needs ? (
        <div className="visit-needs">
          <h3>{t('myDay.needs')}</h3>
          <p className="needs">{v.needs}</p>
        </div>
      ) : null}
      {tasks.length > 0 ? (
        <fieldset className="task-list" disabled={!open || busy}>
          <legend>{t('myDay.tasks')}</legend>
          {tasks.map((label) => (
            <label key={label} className="task-check">
              <input
                type="checkbox"
                checked={draft.done.includes(label)}
                onChange={(e) =>
                  setDraft((d) => ({ ...d, done: e.target.checked ? [...d.done, label] : d.done.filter((x) => x !== label) }))
                }
              />
              <span>{label}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {v.state === 'in_progress' ? (
        <div className="visit-notes">
          <div className="field">
            <label htmlFor={noteId}>{t('myDay.note')}</label>
            <textarea id={noteId} rows={2} maxLength={2000} value={draft.note} onChange={(e) => setDraft((d) => ({ ...d, note: e.target.value }))} />
          </div>
          <div className="field">
            <label htmlFor={deviationId}>{t('myDay.deviation')}</label>
            <p className="field-hint" id={`${deviationId}-hint`}>
              {t('myDay.deviationHint')}
            </p>
            <textarea
              id={deviationId}
              rows={2}
              maxLength={500}
              aria-describedby={`${deviationId}-hint`}
              value={draft.deviation}
              onChange={(e) => setDraft((d) => ({ ...d, deviation: e.target.value }))}
            />
          </div>
        </div>
      ) : null}
      {v.checked_in_at ? (
        <p className="small muted">
          {t('myDay.checkedInAt')} <DateTime value={v.checked_in_at} />
          {v.checked_out_at ? (
            <>
              {' · '}
              {t('myDay.checkedOutAt')} <DateTime value={v.checked_out_at} />
            </>
          ) : null}
        </p>
      ) : null}
      {v.state === 'failed' ? <p className="visit-result">{describeFailure(t, v.failure_reason) || t('visitStates.failed')}</p> : null}
      {v.state === 'delivered' || v.state === 'confirmed' ? <p className="visit-result">{t('myDay.done')}</p> : null}
      <div role="alert" className={problem ? 'alert alert-error' : 'alert-empty'}>
        {problem ? (
          <>
            <p>{problem.text}</p>
            {problem.retry && pending ? (
              <button type="button" className="button button-secondary day-button" disabled={busy} onClick={() => void send(pending.step, pending.body)} data-testid="retry-step">
                {t('common.tryAgain')}
              </button>
            ) : null}
          </>
        ) : null}
      </div>
      {open ? (
        <div className="day-actions">
          {v.state === 'planned' ? (
            <button type="button" className="button button-primary day-button" disabled={busy} onClick={() => void send('check-in', undefined)} data-testid="check-in">
              {busy && pending?.step === 'check-in' ? t('orders.sending') : t('myDay.checkIn')}
            </button>
          ) : (
            <button type="button" className="button button-primary day-button" disabled={busy} onClick={() => void send('check-out', checkOutBody())} data-testid="check-out">
              {busy && pending?.step === 'check-out' ? t('orders.sending') : t('myDay.checkOut')}
            </button>
          )}
          {askingNotHome ? (
            <div className="not-home card">
              <div className="field">
                <label htmlFor={notHomeId}>{t('myDay.notHomeNote')}</label>
                <textarea id={notHomeId} rows={2} maxLength={2000} value={notHomeNote} onChange={(e) => setNotHomeNote(e.target.value)} />
              </div>
              <p className="small">{t('myDay.notHomeRule')}</p>
              <button
                type="button"
                className="button button-danger day-button"
                disabled={busy}
                onClick={() => void send('not-at-home', notHomeNote.trim() ? { note: notHomeNote.trim() } : {})}
                data-testid="confirm-not-home"
              >
                {busy && pending?.step === 'not-at-home' ? t('orders.sending') : t('myDay.confirmNotHome')}
              </button>
              <button type="button" className="button button-secondary day-button" disabled={busy} onClick={() => setAskingNotHome(false)}>
                {t('common.cancel')}
              </button>
            </div>
          ) : (
            <button type="button" className="button button-secondary day-button" disabled={busy} onClick={() => setAskingNotHome(true)} data-testid="not-home">
              {t('myDay.notHome')}
            </button>
          )}
        </div>
      ) : null}
    </li>
  );
}

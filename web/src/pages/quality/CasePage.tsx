import './quality.css';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import * as api from '../../api/quality';
import type { CaseEvent, MessageVisibility, QualityCase } from '../../api/quality';
import { ApiError } from '../../api/problem';
import { FormAlert, Status } from '../../components/Alert';
import { DateTime } from '../../components/DateTime';
import { ChoiceGroup, TextAreaField, focusFirstInvalid } from '../../components/Field';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { describeRole } from '../../lib/accessLog';
import { accessPurpose } from '../../lib/desk';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { useIdempotencyKey } from '../../lib/idempotency';
import {
  caseReader,
  categoryKey,
  eventKey,
  filedAsKey,
  formatBytes,
  formatLocalDate,
  MAX_ATTACHMENTS,
  readsAsStaff,
  severityHintKey,
  severityKey,
  stateKey,
  type CaseReader,
} from '../../lib/quality';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { NotFoundPage } from '../errors/NotFoundPage';
import { AttachmentPicker, type PickedFile } from './AttachmentPicker';
import type { FiledState } from './NewCasePage';
import { uploadProblem } from './NewCasePage';
import { CaseStateBadge, CaseStepper, caseTitle } from './QualityBits';
import { StaffControls } from './StaffControls';

const MESSAGE_MAX = 4000;

/** The reason a staff member's read goes into the client's access log with. */
export function useQualityPurpose(): string {
  const { t, i18n } = useTranslation();
  const { language } = useSession();
  return accessPurpose(t('quality.purpose'), i18n.getFixedT('en')('quality.purpose'), language);
}

/**
 * /cases/:id: the case as its reader may see it: its four steps with dates, what it is about, the
 * description, the outcome once closed, the timeline (the client's side gets the public events
 * only), the files, and the way to add to it. A coordinator of the region also assigns it, moves it
 * on and closes it (StaffControls); the provider's admins add their statement. Anyone who may not
 * read it gets the not-found page, as the server answers 404.
 */
export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const session = useSession();
  const viewer = session.viewer!;
  const purpose = useQualityPurpose();
  const staffPurpose = readsAsStaff(viewer) ? purpose : undefined;
  const found = useAsync(() => api.getCase(id, staffPurpose), [id]);
  const [status, setStatus] = useState<string | null>(null);
  const filed = (location.state as FiledState | null)?.filed ? (location.state as FiledState) : null;

  if (found.error instanceof ApiError && found.error.status === 404) return <NotFoundPage />;
  if (found.error && !found.data) {
    return (
      <Page title={t('quality.case.title')}>
        <LoadError error={found.error} onRetry={() => void found.reload()} />
      </Page>
    );
  }
  if (!found.data) {
    return (
      <Page title={t('quality.case.title')}>
        <Loading />
      </Page>
    );
  }
  const c = found.data;
  const reader = caseReader(viewer, session.user!.id, c);
  const update = (next: QualityCase, said?: string) => {
    found.setData(() => next);
    setStatus(said ?? null);
  };

  return (
    <Page title={caseTitle(t, c)}>
      <div data-testid="case-page" data-case-id={c.id} data-state={c.state} data-reader={reader}>
        {filed ? (
          <div className="alert alert-success" role="status" data-testid="case-filed">
            <p>{t(c.kind === 'complaint' ? 'quality.case.filedComplaint' : 'quality.case.filedOther', { number: `#${c.number}` })}</p>
            {filed.failed.length > 0 ? (
              <p data-testid="case-files-failed">
                {t('quality.files.someFailed', { files: filed.failed.map((f) => `${f.name} (${f.reason})`).join(', ') })}
              </p>
            ) : null}
          </div>
        ) : null}
        <Status>{status}</Status>
        <p>
          <CaseStateBadge state={c.state} />{' '}
          {c.overdue && c.state !== 'closed' && reader === 'coordinator' ? (
            <span className="badge badge-danger" data-testid="case-overdue">
              {t('quality.overdue')}
            </span>
          ) : null}
        </p>
        <h2 className="visually-hidden">{t('quality.case.progress')}</h2>
        <CaseStepper c={c} events={c.events} />
        <CaseFacts c={c} reader={reader} />
        <section className="section" aria-labelledby="case-description-heading">
          <h2 id="case-description-heading">{t('quality.case.description')}</h2>
          <p className="case-description" data-testid="case-description">
            {c.description}
          </p>
        </section>
        {c.state === 'closed' ? <Resolution c={c} /> : null}
        {reader === 'coordinator' ? (
          <StaffControls c={c} onChanged={update} onReload={async () => found.reload()} />
        ) : null}
        <Timeline events={c.events} reader={reader} />
        <Attachments c={c} reader={reader} onAdded={() => void found.reload()} />
        {c.state !== 'closed' && reader !== 'reader' ? (
          <MessageForm c={c} reader={reader} onSent={update} />
        ) : c.state === 'closed' && reader === 'filer' ? (
          <p className="muted" data-testid="case-closed-note">
            {t('quality.case.closedNote')}{' '}
            <Link to="/cases/new">{t('quality.mine.new')}</Link>
          </p>
        ) : null}
        <p>
          <Link to={reader === 'coordinator' ? '/coordinator/cases' : reader === 'provider' ? '/provider/quality' : '/cases'} data-testid="case-back">
            {reader === 'coordinator' ? t('quality.case.backToQueue') : reader === 'provider' ? t('quality.case.backToProvider') : t('quality.case.backToMine')}
          </Link>
        </p>
      </div>
    </Page>
  );
}

/** What the case is about, who filed it when, and by when it is to be closed. */
function CaseFacts({ c, reader }: { c: QualityCase; reader: CaseReader }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const staff = reader === 'coordinator' || reader === 'provider';
  return (
    <dl className="facts" data-testid="case-facts">
      <div>
        <dt>{t('quality.case.category')}</dt>
        <dd>{t(categoryKey(c.category))}</dd>
      </div>
      <div>
        <dt>{t('quality.case.severity')}</dt>
        <dd>
          {t(severityKey(c.severity))} <span className="muted small">{t(severityHintKey(c.severity))}</span>
        </dd>
      </div>
      {c.state !== 'closed' ? (
        <div>
          <dt>{t('quality.case.due')}</dt>
          <dd data-testid="case-due">
            <DateTime value={c.due_at} />
          </dd>
        </div>
      ) : null}
      {c.client_name ? (
        <div>
          <dt>{t('quality.case.client')}</dt>
          <dd data-testid="case-client">{c.client_name}</dd>
        </div>
      ) : null}
      {c.provider_name ? (
        <div>
          <dt>{t('quality.case.provider')}</dt>
          <dd data-testid="case-provider">{c.provider_name}</dd>
        </div>
      ) : null}
      {c.order_id && reader !== 'reader' ? (
        <div>
          <dt>{t('quality.case.order')}</dt>
          <dd>
            <Link to={`/orders/${encodeURIComponent(c.order_id)}`} data-testid="case-order-link">
              {t('quality.case.openOrder')}
            </Link>
          </dd>
        </div>
      ) : null}
      {c.visit_date ? (
        <div>
          <dt>{t('quality.case.visit')}</dt>
          <dd>{formatLocalDate(c.visit_date, language)}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('quality.case.filedBy')}</dt>
        <dd data-testid="case-filed-by">
          {c.filed_by_me ? t('quality.case.you') : c.filed_by_name} <span className="muted small">({t(filedAsKey(c.filed_as))})</span>,{' '}
          <DateTime value={c.created_at} />
        </dd>
      </div>
      {staff || c.assignee_name ? (
        <div>
          <dt>{t('quality.case.handler')}</dt>
          <dd data-testid="case-assignee">{c.assignee_name ?? t('quality.unassigned')}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/** The outcome: the resolution in the coordinator's words, and whether the complaint was upheld. */
function Resolution({ c }: { c: QualityCase }) {
  const { t } = useTranslation();
  return (
    <section className="section card case-resolution" aria-labelledby="case-resolution-heading" data-testid="case-resolution">
      <h2 id="case-resolution-heading">{t('quality.case.resolution')}</h2>
      {c.upheld !== null ? (
        <p data-testid="case-upheld" data-upheld={c.upheld ? 'true' : 'false'}>
          <strong>{c.upheld ? t('quality.case.upheld') : t('quality.case.notUpheld')}</strong>
        </p>
      ) : null}
      {c.resolution ? <p className="case-resolution-text">{c.resolution}</p> : null}
      {c.closed_at ? (
        <p className="small muted">
          {t('quality.closedOn')} <DateTime value={c.closed_at} />
        </p>
      ) : null}
    </section>
  );
}

/** What happened, oldest first; staff see the internal events marked as such. */
function Timeline({ events, reader }: { events: readonly CaseEvent[]; reader: CaseReader }) {
  const { t } = useTranslation();
  const staff = reader === 'coordinator' || reader === 'provider' || reader === 'reader';
  const what = (e: CaseEvent) => {
    switch (e.kind) {
      case 'state':
        return e.to_state ? t('quality.events.stateTo', { state: t(stateKey(e.to_state)) }) : t(eventKey(e.kind));
      case 'assigned':
        return e.body ? t('quality.events.assignedTo', { name: e.body }) : t(eventKey(e.kind));
      case 'reply':
        return e.actor_role === 'coordinator' || e.actor_role === 'advisor'
          ? t('quality.events.replyFromStaff')
          : e.actor_role === 'provider_admin'
            ? t('quality.events.statement')
            : t('quality.events.addition');
      case 'note':
        return e.actor_role === 'provider_admin' ? t('quality.events.statement') : t(eventKey(e.kind));
      default:
        return t(eventKey(e.kind));
    }
  };
  // The body of these kinds is said in `what` already (a state) or is the file's name.
  const showsBody = (e: CaseEvent) => !!e.body && e.kind !== 'assigned' && e.kind !== 'state';
  return (
    <section className="section" aria-labelledby="case-timeline-heading">
      <h2 id="case-timeline-heading">{t('quality.case.timeline')}</h2>
      {events.length === 0 ? <p className="empty">{t('quality.case.noEvents')}</p> : null}
      <ol className="case-timeline" data-testid="case-timeline">
        {events.map((e) => (
          <li
            key={e.id}
            className={`case-event case-event-${e.kind}${e.visibility === 'staff' ? ' case-event-staff' : ''}`}
            data-testid="case-event"
            data-kind={e.kind}
            data-visibility={e.visibility}
          >
            <div className="case-event-head">
              <span className="case-event-what">{what(e)}</span>
              {staff && e.visibility === 'staff' ? <span className="badge">{t('quality.events.staffOnly')}</span> : null}
              <span className="small muted">
                <DateTime value={e.at} />
                {e.actor_name ? ` · ${e.actor_name}` : ''}
                {e.actor_role ? ` (${describeRole(t, e.actor_role)})` : ''}
              </span>
            </div>
            {showsBody(e) ? <p className="case-event-body">{e.body}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The case's files, each a download; more may be added while it is open. */
function Attachments({ c, reader, onAdded }: { c: QualityCase; reader: CaseReader; onAdded: () => void }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [said, setSaid] = useState<string | null>(null);
  const mayAdd = c.state !== 'closed' && reader !== 'reader' && c.attachments.length < MAX_ATTACHMENTS;

  async function send() {
    const good = files.filter((f) => f.problem === null);
    if (good.length === 0 || busy) return;
    setBusy(true);
    setErrors([]);
    setSaid(null);
    const failed: string[] = [];
    for (const f of good) {
      try {
        await api.uploadAttachment(c.id, f.file);
      } catch (err) {
        failed.push(`${f.file.name}: ${uploadProblem(t, err)}`);
      }
    }
    setBusy(false);
    setFiles([]);
    setErrors(failed);
    if (failed.length < good.length) setSaid(t('quality.files.added', { count: good.length - failed.length }));
    onAdded();
  }

  if (c.attachments.length === 0 && !mayAdd) return null;
  return (
    <section className="section" aria-labelledby="case-files-heading">
      <h2 id="case-files-heading">{t('quality.files.title')}</h2>
      {c.attachments.length === 0 ? (
        <p className="muted">{t('quality.files.none')}</p>
      ) : (
        <ul className="case-attachments" data-testid="case-attachments">
          {c.attachments.map((a) => (
            <li key={a.id} data-testid="case-attachment">
              <a href={api.attachmentUrl(a.id)} download={a.file_name}>
                {a.file_name}
              </a>{' '}
              <span className="small muted">
                {formatBytes(a.byte_size, language)} · <DateTime value={a.created_at} />
              </span>
            </li>
          ))}
        </ul>
      )}
      <Status>{said}</Status>
      {mayAdd ? (
        <div className="form">
          <AttachmentPicker files={files} onChange={setFiles} already={c.attachments.length} errors={errors.length ? errors : undefined} label={t('quality.files.addLabel')} />
          {files.some((f) => f.problem === null) ? (
            <div className="actions">
              <button type="button" className="button button-secondary" aria-disabled={busy ? 'true' : undefined} onClick={() => void send()} data-testid="attachments-send">
                {busy ? t('quality.files.sending') : t('quality.files.send')}
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/**
 * Adding to the case: coordinators reply to whoever filed it (seen by them, e-mailed) or write an
 * internal note; the provider's admins add their statement (staff only); the person who filed it
 * and the client's side add to it (all).
 */
function MessageForm({ c, reader, onSent }: { c: QualityCase; reader: CaseReader; onSent: (c: QualityCase, said?: string) => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<MessageVisibility>(reader === 'provider' ? 'staff' : 'all');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const formRef = useRef<HTMLFormElement>(null);
  const keys = useIdempotencyKey();

  useEffect(() => {
    if (errors.alert) focusFirstInvalid(formRef.current);
  }, [errors]);

  const title =
    reader === 'coordinator' ? t('quality.message.titleStaff') : reader === 'provider' ? t('quality.message.titleProvider') : t('quality.message.titleFiler');
  const label =
    reader === 'coordinator'
      ? visibility === 'all'
        ? t('quality.message.reply')
        : t('quality.message.note')
      : reader === 'provider'
        ? t('quality.message.statement')
        : t('quality.message.addition');
  const hint =
    reader === 'coordinator'
      ? visibility === 'all'
        ? t('quality.message.replyHint', { name: c.filed_by_name })
        : t('quality.message.noteHint')
      : reader === 'provider'
        ? t('quality.message.statementHint')
        : t('quality.message.additionHint');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!body.trim()) {
      setErrors({ byField: { body: [t('quality.message.empty')] }, alert: t('errors.checkFields') });
      return;
    }
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const next = await api.addCaseMessage(c.id, body.trim(), reader === 'filer' ? undefined : visibility, keys.key());
      keys.settle();
      setBody('');
      onSent(next, visibility === 'staff' ? t('quality.message.savedNote') : t('quality.message.sent'));
    } catch (err) {
      keys.settle(err);
      setErrors(formErrors(t, err, ['body', 'visibility'], { 409: t('quality.message.closed') }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section" aria-labelledby="case-message-heading">
      <h2 id="case-message-heading">{title}</h2>
      <form ref={formRef} className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="case-message-form">
        <FormAlert message={errors.alert} requestId={errors.requestId} />
        {reader === 'coordinator' ? (
          <ChoiceGroup legend={t('quality.message.who')} errors={errors.byField.visibility}>
            <div className="case-visibility">
              <label className="choice">
                <input type="radio" name="visibility" value="all" checked={visibility === 'all'} onChange={() => setVisibility('all')} data-testid="visibility-all" />
                <span>
                  {t('quality.message.toFiler', { name: c.filed_by_name })}
                  <span className="choice-hint">{t('quality.message.toFilerHint')}</span>
                </span>
              </label>
              <label className="choice">
                <input type="radio" name="visibility" value="staff" checked={visibility === 'staff'} onChange={() => setVisibility('staff')} data-testid="visibility-staff" />
                <span>
                  {t('quality.message.internal')}
                  <span className="choice-hint">{t('quality.message.internalHint')}</span>
                </span>
              </label>
            </div>
          </ChoiceGroup>
        ) : null}
        <TextAreaField
          label={label}
          hint={hint}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          errors={errors.byField.body}
          maxLength={MESSAGE_MAX}
          rows={4}
          data-testid="case-message"
        />
        <div className="actions">
          <button type="submit" className="button button-primary" aria-disabled={busy ? 'true' : undefined} data-testid="case-message-send">
            {busy
              ? t('quality.form.sending')
              : reader === 'coordinator'
                ? visibility === 'all'
                  ? t('quality.message.sendReply')
                  : t('quality.message.saveNote')
                : t('quality.message.send')}
          </button>
        </div>
      </form>
    </section>
  );
}

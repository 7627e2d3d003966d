import './webhooks.css';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import * as api from '../../api/client';
import { ApiError } from '../../api/problem';
import type { NewWebhook, Webhook, WebhookEvent } from '../../api/types';
import { WEBHOOK_EVENTS } from '../../api/types';
import * as hooksApi from '../../api/webhooks';
import { FormAlert, Status } from '../../components/Alert';
import { ConfirmButton } from '../../components/Confirm';
import { DateTime } from '../../components/DateTime';
import { ChoiceGroup, TextField } from '../../components/Field';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { formErrors, generalMessage, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { useAsync } from '../../lib/useAsync';
import { byKnownOrder, eventKey } from '../../lib/webhookText';
import { NotFoundPage } from '../errors/NotFoundPage';
import { WebhookDeliveries } from './WebhookDeliveries';
import { WebhookReceiverHelp } from './WebhookReceiverHelp';

/** The signing secret of a webhook just added: shown here once, with a copy button. */
function NewSecret({ hook, secret, onDone }: { hook: Webhook; secret: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="card highlight" data-testid="new-webhook-secret">
      <h3 tabIndex={-1} ref={heading}>
        {t('webhooks.secretTitle')}
      </h3>
      <p>{t('webhooks.secretIntro', { url: hook.url })}</p>
      <p>
        <code className="secret" data-webhook-secret>
          {secret}
        </code>
      </p>
      <div className="actions">
        <button
          type="button"
          className="button button-secondary"
          data-testid="copy-secret"
          onClick={() => void navigator.clipboard?.writeText(secret).then(() => setCopied(true))}
        >
          {t('common.copy')}
        </button>
        <button type="button" className="button button-primary" onClick={onDone}>
          {t('webhooks.secretStored')}
        </button>
      </div>
      <Status>{copied ? t('common.copied') : null}</Status>
    </div>
  );
}

/** One receiver: its address, events and secret's beginning; send it a test event or remove it. */
function WebhookItem({
  hook,
  onPing,
  onRemove,
}: {
  hook: Webhook;
  onPing: (hook: Webhook) => Promise<void>;
  onRemove: (hook: Webhook) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const eventNames = byKnownOrder(hook.events).map((e) => t(`webhooks.events.${eventKey(e)}`, { defaultValue: e }));
  return (
    <li className="item" data-testid="webhook" data-webhook-id={hook.id}>
      <div className="item-main">
        <h3 className="item-title">
          <code className="webhook-url">{hook.url}</code>
        </h3>
        {hook.description ? <p>{hook.description}</p> : null}
        <p className="small">
          <span className={hook.active ? 'badge badge-ok' : 'badge badge-warn'}>
            {hook.active ? t('webhooks.active') : t('webhooks.inactive')}
          </span>{' '}
          {t('webhooks.eventsList', { events: eventNames.join(', ') })}
        </p>
        <p className="muted small">
          {t('webhooks.secretHint', { hint: hook.secret_hint })} · {t('webhooks.added')} <DateTime value={hook.created_at} />
        </p>
      </div>
      <div className="item-actions webhook-actions">
        <button
          type="button"
          className="button button-secondary"
          aria-disabled={busy ? 'true' : undefined}
          data-testid="ping-webhook"
          onClick={async () => {
            if (busy) return;
            setBusy(true);
            try {
              await onPing(hook);
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('webhooks.sendTest')}
        </button>
        <ConfirmButton
          label={t('webhooks.remove')}
          question={t('webhooks.removeQuestion', { url: hook.url })}
          confirmLabel={t('webhooks.removeConfirm')}
          onConfirm={() => onRemove(hook)}
        />
      </div>
    </li>
  );
}

/** The form that adds a receiver; every event is chosen to start with. */
function NewWebhookForm({ organizationId, onCreated }: { organizationId: string; onCreated: (hook: NewWebhook) => Promise<void> }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([...WEBHOOK_EVENTS]);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    // The first field the server named takes the focus, so its message is read out and fixed first.
    const first = ['url', 'description', 'events'].find((f) => errors.byField[f]);
    if (!first) return;
    form.current?.querySelector<HTMLElement>(`[name="${first === 'events' ? 'webhook_events' : `webhook_${first}`}"]`)?.focus();
  }, [errors]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // The server takes no events as all of them; someone who unticked every box meant otherwise.
    if (events.length === 0) {
      setErrors({ byField: { events: [t('webhooks.chooseEvent')] }, alert: t('errors.checkFields') });
      return;
    }
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      // Every box ticked means every event, also those the server adds later: then none are named.
      const all = WEBHOOK_EVENTS.every((ev) => events.includes(ev));
      const hook = await hooksApi.createWebhook(organizationId, {
        url: url.trim(),
        description: description.trim(),
        ...(all ? {} : { events }),
      });
      setUrl('');
      setDescription('');
      setEvents([...WEBHOOK_EVENTS]);
      await onCreated(hook);
    } catch (err) {
      setErrors(formErrors(t, err, ['url', 'description', 'events'], { 409: t('webhooks.tooMany') }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="new-webhook-heading" ref={form} data-testid="webhook-form">
      <h3 id="new-webhook-heading">{t('webhooks.newTitle')}</h3>
      <FormAlert message={errors.alert} requestId={errors.requestId} />
      <TextField
        label={t('webhooks.url')}
        hint={t('webhooks.urlHint')}
        name="webhook_url"
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        maxLength={2000}
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        errors={errors.byField.url}
        required
      />
      <TextField
        label={t('webhooks.description')}
        hint={t('webhooks.descriptionHint')}
        name="webhook_description"
        maxLength={200}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        errors={errors.byField.description}
      />
      <ChoiceGroup legend={t('webhooks.eventsLegend')} hint={t('webhooks.eventsHint')} errors={errors.byField.events}>
        {WEBHOOK_EVENTS.map((ev) => (
          <label key={ev} className="choice">
            <input
              type="checkbox"
              name="webhook_events"
              value={ev}
              checked={events.includes(ev)}
              onChange={(e) => setEvents((old) => (e.target.checked ? [...old, ev] : old.filter((x) => x !== ev)))}
            />
            <span>
              {t(`webhooks.events.${eventKey(ev)}`)} <code className="small">{ev}</code>
              <span className="choice-hint">{t(`webhooks.eventHints.${eventKey(ev)}`)}</span>
            </span>
          </label>
        ))}
      </ChoiceGroup>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="add-webhook">
          {t('webhooks.add')}
        </button>
      </div>
    </form>
  );
}

/**
 * An organization's webhooks (its org_admin or provider_admin): the receivers, a form to add one
 * with its secret shown once, a test event, and the deliveries with the failed ones to send again.
 */
export function WebhooksPage() {
  const { t } = useTranslation();
  const { organizationId = '' } = useParams();
  const org = useAsync(() => api.getOrganization(organizationId), [organizationId]);
  const hooks = useAsync(() => hooksApi.listWebhooks(organizationId), [organizationId]);
  const [created, setCreated] = useState<NewWebhook | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  // Bumped after a test event, so the deliveries show it at once.
  const [sent, setSent] = useState(0);

  if (org.error instanceof ApiError && org.error.status === 404) return <NotFoundPage />;
  if (org.error) {
    return (
      <Page title={t('webhooks.title')}>
        <LoadError error={org.error} onRetry={() => void org.reload()} />
      </Page>
    );
  }
  if (!org.data) return <Loading />;
  const o = org.data;

  const ping = async (hook: Webhook) => {
    setAlert(null);
    setStatus(null);
    try {
      await hooksApi.pingWebhook(o.id, hook.id);
      setStatus(t('webhooks.testSent', { url: hook.url }));
      setSent((n) => n + 1);
    } catch (err) {
      setAlert(generalMessage(t, err));
    }
  };

  const remove = async (hook: Webhook) => {
    setAlert(null);
    setStatus(null);
    try {
      await hooksApi.deleteWebhook(o.id, hook.id);
      if (created?.id === hook.id) setCreated(null);
      setStatus(t('webhooks.removed', { url: hook.url }));
      await hooks.reload();
    } catch (err) {
      setAlert(generalMessage(t, err));
    }
  };

  const forbidden = hooks.error instanceof ApiError && hooks.error.status === 403;

  return (
    <Page title={t('webhooks.titleOf', { name: o.name })} intro={t('webhooks.intro')} wide>
      <p>
        <Link to={`/organizations/${o.id}`}>{t('webhooks.back', { name: o.name })}</Link>
      </p>
      <Status>{status}</Status>
      <FormAlert message={alert} />
      {forbidden ? (
        <div className="alert alert-warning" role="alert">
          <p>{t('webhooks.forbidden')}</p>
        </div>
      ) : (
        <>
          <section className="section" aria-labelledby="webhooks-heading">
            <h2 id="webhooks-heading">{t('webhooks.listTitle')}</h2>
            {hooks.error ? <LoadError error={hooks.error} onRetry={() => void hooks.reload()} /> : null}
            {hooks.loading && !hooks.data ? <Loading /> : null}
            {hooks.data && hooks.data.length === 0 ? <p className="empty">{t('webhooks.empty')}</p> : null}
            {hooks.data && hooks.data.length > 0 ? (
              <ul className="item-list" data-testid="webhooks">
                {hooks.data.map((h) => (
                  <WebhookItem key={h.id} hook={h} onPing={ping} onRemove={remove} />
                ))}
              </ul>
            ) : null}
            {created?.secret ? <NewSecret hook={created} secret={created.secret} onDone={() => setCreated(null)} /> : null}
            <NewWebhookForm
              organizationId={o.id}
              onCreated={async (hook) => {
                setStatus(null);
                setAlert(null);
                setCreated(hook);
                await hooks.reload();
              }}
            />
          </section>
          <WebhookDeliveries organizationId={o.id} reloadKey={sent} />
          <WebhookReceiverHelp />
        </>
      )}
    </Page>
  );
}

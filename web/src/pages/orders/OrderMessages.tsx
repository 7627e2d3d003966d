import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as api from '../../api/orders';
import type { OrderMessage } from '../../api/types';
import { FormAlert } from '../../components/Alert';
import { DateTime } from '../../components/DateTime';
import { TextAreaField } from '../../components/Field';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Page';
import { describeRole } from '../../lib/accessLog';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { useIdempotencyKey } from '../../lib/idempotency';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';

/** Whether anyone but the author has read a message. */
export function readByOthers(m: Pick<OrderMessage, 'author_id' | 'read_by'>): boolean {
  return (m.read_by ?? []).some((id) => id !== m.author_id);
}

/** The order's message thread between the client's side, the provider and the coordinators. */
export function OrderMessages({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const me = session.user?.id;
  const thread = useAsync(() => api.listMessages(orderId), [orderId]);
  const send = useIdempotencyKey();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!body.trim()) {
      setErrors({ byField: { body: [t('order.messageEmpty')] }, alert: null });
      return;
    }
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const m = await api.postMessage(orderId, body.trim(), send.key());
      send.settle();
      thread.setData((old) => [...(old ?? []), m]);
      setBody('');
    } catch (err) {
      send.settle(err);
      setErrors(formErrors(t, err, ['body']));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section" aria-labelledby="messages-heading">
      <h2 id="messages-heading">{t('order.messages')}</h2>
      {thread.error ? <LoadError error={thread.error} onRetry={() => void thread.reload()} /> : null}
      {thread.loading && !thread.data ? <Loading /> : null}
      {thread.data && thread.data.length === 0 ? <p className="empty">{t('order.noMessages')}</p> : null}
      {thread.data && thread.data.length > 0 ? (
        <ol className="message-list" data-testid="messages">
          {thread.data.map((m) => {
            const mine = m.author_id === me;
            return (
              <li key={m.id} className={mine ? 'message message-mine' : 'message'} data-testid="message">
                <p className="message-meta">
                  <strong>{mine ? t('order.you') : m.author_name}</strong>
                  {m.author_role ? <span className="muted"> · {describeRole(t, m.author_role)}</span> : null}
                  <span className="muted">
                    {' · '}
                    <DateTime value={m.at} />
                  </span>
                </p>
                <p className="message-body">{m.body}</p>
                {mine ? (
                  <p className="message-receipt small" data-testid="receipt">
                    {readByOthers(m) ? t('order.read') : t('order.notRead')}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : null}
      <form className="form message-form" onSubmit={(e) => void submit(e)} noValidate>
        <TextAreaField
          label={t('order.writeMessage')}
          hint={t('order.writeMessageHint')}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          errors={errors.byField.body}
          maxLength={4000}
          rows={3}
          name="message"
        />
        <FormAlert message={errors.alert} requestId={errors.requestId} />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy} data-testid="send-message">
            {busy ? t('orders.sending') : t('order.send')}
          </button>
        </div>
      </form>
    </section>
  );
}

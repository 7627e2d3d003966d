import { useTranslation } from 'react-i18next';

const BODY_EXAMPLE = `{
  "id": "msg_…",
  "type": "order.changed",
  "created_at": "2026-11-27T10:00:00Z",
  "organization_id": "org_…",
  "data": { … }
}`;

const VERIFY_EXAMPLE = `import { createHmac, timingSafeEqual } from 'node:crypto';

// rawBody: the request body exactly as it arrived (bytes, not re-serialised JSON)
function verify(rawBody, header, secret) {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=')));
  const expected = createHmac('sha256', secret).update(\`\${parts.t}.\${rawBody}\`).digest('hex');
  const fresh = Math.abs(Date.now() / 1000 - Number(parts.t)) < 300;
  return fresh && parts.v1?.length === expected.length &&
    timingSafeEqual(Buffer.from(parts.v1), Buffer.from(expected));
}`;

/** For the organization's developers: what a receiver gets and how it proves the sender. */
export function WebhookReceiverHelp() {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="receiver-help-heading">
      <h2 id="receiver-help-heading">{t('webhooks.help.title')}</h2>
      <p>{t('webhooks.help.intro')}</p>
      <pre className="code-block">
        <code>{BODY_EXAMPLE}</code>
      </pre>
      <p>{t('webhooks.help.headers')}</p>
      <dl className="facts webhook-headers">
        <div>
          <dt>
            <code>Allmende-Webhook-Id</code>
          </dt>
          <dd>{t('webhooks.help.id')}</dd>
        </div>
        <div>
          <dt>
            <code>Allmende-Event</code>
          </dt>
          <dd>{t('webhooks.help.event')}</dd>
        </div>
        <div>
          <dt>
            <code>Allmende-Signature: t=…,v1=…</code>
          </dt>
          <dd>{t('webhooks.help.signature')}</dd>
        </div>
      </dl>
      <p>{t('webhooks.help.verify')}</p>
      <p>{t('webhooks.help.answer')}</p>
      <details>
        <summary>{t('webhooks.help.example')}</summary>
        <pre className="code-block">
          <code>{VERIFY_EXAMPLE}</code>
        </pre>
      </details>
    </section>
  );
}

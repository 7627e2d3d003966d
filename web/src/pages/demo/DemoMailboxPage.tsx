import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import * as api from '../../api/client';
import type { DemoMail } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { splitMailText } from '../../lib/mailLinks';
import { useAsync } from '../../lib/useAsync';
import './DemoMailboxPage.css';

// How often the list looks for new mail while the page is open and visible.
const POLL_MS = 5000;

/** One message: who, when, and its text with the links back into this web UI clickable. */
function MailView({ mail }: { mail: DemoMail }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [mail.id]);
  return (
    <article className="card mail-view" aria-labelledby="mail-subject" data-testid="demo-mail">
      <h2 id="mail-subject" tabIndex={-1} ref={heading}>
        {mail.subject || t('demo.noSubject')}
      </h2>
      <dl className="facts">
        <div>
          <dt>{t('demo.from')}</dt>
          <dd>{mail.from}</dd>
        </div>
        <div>
          <dt>{t('demo.to')}</dt>
          <dd>{mail.to}</dd>
        </div>
        <div>
          <dt>{t('demo.received')}</dt>
          <dd>
            <DateTime value={mail.received_at} />
          </dd>
        </div>
      </dl>
      <div className="mail-text">
        {splitMailText(mail.text, window.location.origin).map((piece, i) =>
          piece.href ? (
            <a key={i} href={piece.href}>
              {piece.text}
            </a>
          ) : (
            <span key={i}>{piece.text}</span>
          ),
        )}
      </div>
    </article>
  );
}

/**
 * The demo mailbox: the e-mail this demo server sent, as the local mailbox (allmende-mailbox)
 * received it over SMTP. Reached from the header when the server says it is a demo.
 */
export function DemoMailboxPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const selected = params.get('message');
  const list = useAsync(() => api.listDemoMailbox(), []);
  const mail = useAsync(() => (selected ? api.getDemoMail(selected) : Promise.resolve(null)), [selected]);
  const { reload } = list;

  useEffect(() => {
    const id = window.setInterval(() => {
      if (document.visibilityState === 'visible') void reload();
    }, POLL_MS);
    return () => window.clearInterval(id);
  }, [reload]);

  const messages = list.data ?? [];
  return (
    <Page title={t('demo.mailboxTitle')} intro={t('demo.mailboxIntro')} wide>
      <div className="mailbox-tools">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => void list.reload()}
          data-testid="mailbox-refresh"
        >
          {t('demo.refresh')}
        </button>
        <p className="muted" role="status">
          {list.data ? t('demo.count', { count: messages.length }) : ''}
        </p>
      </div>
      {list.loading && !list.data ? <Loading /> : null}
      {list.error ? <LoadError error={list.error} onRetry={() => void list.reload()} /> : null}
      {list.data && messages.length === 0 ? <p className="empty">{t('demo.empty')}</p> : null}
      <div className="mailbox">
        {messages.length > 0 ? (
          <nav className="mailbox-list" aria-label={t('demo.listLabel')}>
            <ul className="item-list" data-testid="mailbox-list">
              {messages.map((m) => (
                <li key={m.id}>
                  <Link
                    className="mail-item"
                    to={`?message=${encodeURIComponent(m.id)}`}
                    aria-current={m.id === selected ? 'true' : undefined}
                    data-mail={m.id}
                  >
                    <span className="mail-subject">{m.subject || t('demo.noSubject')}</span>
                    <span className="mail-meta">
                      {t('demo.toLine', { to: m.to })} · <DateTime value={m.received_at} />
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {selected ? (
          <div className="mailbox-view">
            {mail.loading && !mail.data ? <Loading /> : null}
            {mail.error ? <LoadError error={mail.error} onRetry={() => void mail.reload()} /> : null}
            {mail.data && mail.data.id === selected ? <MailView mail={mail.data} /> : null}
          </div>
        ) : null}
      </div>
    </Page>
  );
}

import './notifications.css';
import { useCallback, useEffect, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import * as api from '../../api/notifications';
import type { AppNotification } from '../../api/types';
import { FormAlert, Status } from '../../components/Alert';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { useNow } from '../../lib/countdown';
import { useDirectoryNames } from '../../lib/directoryData';
import { generalMessage } from '../../lib/errors';
import { formatDateTime, formatRelative } from '../../lib/format';
import { useLiveEvents } from '../../lib/liveEvents';
import { describeNotification, notificationLink } from '../../lib/notificationText';
import { editedProviders, isProviderWorker } from '../../lib/roles';
import { MOST_SHOWN, setUnreadCount, useUnreadCount } from '../../lib/unreadNotifications';
import { useSession } from '../../session/SessionContext';

const PAGE_SIZE = 20;
/** How long opening a notification waits for "read" to be stored before it leads on anyway. */
const MARK_WAIT_MS = 1500;
const DAY_MS = 24 * 60 * 60 * 1000;

/** "5 minutes ago" within a day, the date and time after that; the exact time is always in the markup. */
function When({ value, now }: { value: string; now: Date }) {
  const { language, timeZone } = useSession();
  const exact = formatDateTime(value, language, { timeZone });
  const age = now.getTime() - Date.parse(value);
  const text = age >= 0 && age < DAY_MS ? formatRelative(value, language, now) : exact;
  return (
    <time dateTime={value} title={exact}>
      {text}
    </time>
  );
}

/** The signed-in person's notifications, newest first: each leads to its matter and is read once opened. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const names = useDirectoryNames();
  const navigate = useNavigate();
  const unread = useUnreadCount();
  const now = useNow(60_000);
  const [params, setParams] = useSearchParams();
  const onlyUnread = params.get('unread') === '1';
  const [items, setItems] = useState<AppNotification[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loaded, setLoaded] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [arrived, setArrived] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const generation = useRef(0);
  const pagesShown = useRef(1);
  const focusId = useRef<string | null>(null);
  const list = useRef<HTMLUListElement>(null);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const page = await api.listNotifications({ limit: PAGE_SIZE, unread: onlyUnread });
      if (mine !== generation.current) return;
      setItems(page.items);
      setCursor(page.next_cursor);
      setUnreadCount(page.unread_count);
      setError(null);
      setArrived(false);
      setLoaded(true);
      pagesShown.current = 1;
    } catch (e) {
      if (mine === generation.current) setError(e);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [onlyUnread]);

  // Another filter starts from an empty list: what the other one showed is not what was asked for.
  useEffect(() => {
    setLoaded(false);
    setItems([]);
    setCursor(null);
    void load();
  }, [load]);

  // New notifications while the page is open: the first page is simply loaded again; someone
  // reading further down is told instead, so the list does not move under them.
  useLiveEvents(['notification'], () => {
    if (pagesShown.current <= 1) void load();
    else setArrived(true);
  });

  // After "Load more", the first new notification takes the focus (keyboard and screen-reader users go on from there).
  useEffect(() => {
    if (!focusId.current) return;
    const link = list.current?.querySelector<HTMLElement>(`[data-notification-id="${focusId.current}"] a`);
    focusId.current = null;
    link?.focus();
  }, [items]);

  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    setAlert(null);
    try {
      const page = await api.listNotifications({ limit: PAGE_SIZE, cursor, unread: onlyUnread });
      setItems((old) => {
        const seen = new Set(old.map((n) => n.id));
        const added = page.items.filter((n) => !seen.has(n.id));
        focusId.current = added[0]?.id ?? null;
        return [...old, ...added];
      });
      setCursor(page.next_cursor);
      pagesShown.current += 1;
    } catch (e) {
      setAlert(generalMessage(t, e));
    } finally {
      setLoadingMore(false);
    }
  };

  const markAll = async () => {
    setBusy(true);
    setAlert(null);
    setStatus(null);
    try {
      setUnreadCount(await api.markRead({ all: true }));
      setItems((old) => old.map((n) => ({ ...n, read: true })));
      setStatus(t('notifications.markedAllRead'));
      if (onlyUnread) await load();
    } catch (e) {
      setAlert(generalMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  const viewer = session.viewer;
  const linkContext = {
    providerAdmin: viewer ? editedProviders(viewer).length > 0 : false,
    providerWorker: viewer ? isProviderWorker(viewer) : false,
  };

  /** Opening an unread one marks it read; the page follows once that is stored (or after a moment). */
  const open = async (n: AppNotification, to: string, e: MouseEvent<HTMLAnchorElement>) => {
    if (n.read) return;
    setItems((old) => old.map((x) => (x.id === n.id ? { ...x, read: true } : x)));
    const marking = api.markRead({ ids: [n.id] }).then(setUnreadCount, () => undefined);
    // A new tab or window opens by itself; this page stays.
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    await Promise.race([marking, new Promise((resolve) => window.setTimeout(resolve, MARK_WAIT_MS))]);
    navigate(to);
  };

  const toggleUnread = (checked: boolean) => {
    const next = new URLSearchParams(params);
    if (checked) next.set('unread', '1');
    else next.delete('unread');
    setParams(next, { replace: true });
    setStatus(null);
  };

  const countText =
    unread === 0
      ? t('notifications.noneUnread')
      : unread > MOST_SHOWN
        ? t('notifications.unreadCountMany')
        : t('notifications.unreadCount', { count: unread });

  return (
    <Page title={t('notifications.title')} intro={t('notifications.intro')}>
      <div className="notification-tools">
        <p className="notification-count" data-testid="unread-count">
          {countText}
        </p>
        <label className="choice notification-filter">
          <input type="checkbox" checked={onlyUnread} onChange={(e) => toggleUnread(e.target.checked)} data-testid="only-unread" />
          <span>{t('notifications.onlyUnread')}</span>
        </label>
        {/* aria-disabled, not disabled: the button keeps the focus it had when everything became read. */}
        <button
          type="button"
          className="button button-secondary mark-all-read"
          onClick={() => {
            if (!busy && unread > 0) void markAll();
          }}
          aria-disabled={busy || unread === 0 ? 'true' : undefined}
          data-testid="mark-all-read"
        >
          {t('notifications.markAllRead')}
        </button>
      </div>
      <Status>{status}</Status>
      <FormAlert message={alert} />
      {arrived ? (
        <div className="alert alert-info notification-arrived">
          <p>{t('notifications.newArrived')}</p>
          <button type="button" className="button button-secondary" onClick={() => void load()}>
            {t('notifications.showNew')}
          </button>
        </div>
      ) : null}
      {error && !loaded ? (
        <LoadError error={error} onRetry={() => void load()} />
      ) : !loaded ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="empty" data-testid="notifications-empty">
          {onlyUnread ? t('notifications.emptyUnread') : t('notifications.empty')}
        </p>
      ) : (
        <ul className="notification-list" data-testid="notifications" aria-busy={loading} ref={list}>
          {items.map((n) => {
            const to = notificationLink(n, linkContext);
            return (
              <li
                key={n.id}
                className={n.read ? 'notification' : 'notification notification-unread'}
                data-testid="notification"
                data-notification-id={n.id}
                data-kind={n.kind}
                data-subject-id={n.subject_id}
                data-read={n.read ? 'true' : 'false'}
              >
                <span className="notification-dot" aria-hidden="true" />
                <div className="notification-main">
                  <Link to={to} className="notification-link" onClick={(e) => void open(n, to, e)}>
                    {n.read ? null : <span className="visually-hidden">{t('notifications.unread')}: </span>}
                    {describeNotification(t, n, { lang: session.language, timeZone: session.timeZone, names })}
                  </Link>
                  <p className="small muted notification-when">
                    <When value={n.created_at} now={now} />
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {error && loaded ? <LoadError error={error} onRetry={() => void load()} /> : null}
      {loaded && cursor ? (
        <div className="actions">
          <button type="button" className="button button-secondary" onClick={() => void loadMore()} disabled={loadingMore} data-testid="load-more">
            {loadingMore ? t('common.loading') : t('notifications.loadMore')}
          </button>
        </div>
      ) : null}
    </Page>
  );
}

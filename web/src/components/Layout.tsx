import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useDemoInfo } from '../lib/demo';
import { navigationFor } from '../lib/roles';
import { badgeText, MOST_SHOWN, useUnreadCount, useUnreadWatch } from '../lib/unreadNotifications';
import { useSession } from '../session/SessionContext';
import { LanguageSelect } from './LanguageSelect';

/** Moves focus to the new page's heading after an in-app navigation, as a page load would. */
function useFocusOnNavigate() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const id = window.requestAnimationFrame(() => {
      // A page that put the focus into one of its fields (the advice desk's search) keeps it there.
      const active = document.activeElement;
      if (active instanceof HTMLElement && active.matches('#main input, #main textarea, #main select')) return;
      const h1 = document.querySelector<HTMLElement>('#main h1');
      (h1 ?? document.getElementById('main'))?.focus();
    });
    return () => window.cancelAnimationFrame(id);
  }, [location.pathname]);
}

/** The header's bell: the way to the notifications, with the unread count in its badge and its name. */
function NotificationBell() {
  const { t } = useTranslation();
  const unread = useUnreadCount();
  const label =
    unread === 0
      ? t('notifications.bell')
      : unread > MOST_SHOWN
        ? t('notifications.bellUnreadMany')
        : t('notifications.bellUnread', { count: unread });
  return (
    <NavLink to="/notifications" className="button button-quiet bell" aria-label={label} data-testid="notifications-link" data-unread={unread}>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="24" height="24" focusable="false">
        <path
          d="M12 3.2a5.6 5.6 0 0 0-5.6 5.6v3.3c0 1-.4 2-1.1 2.8l-1 1.1h15.4l-1-1.1a4.2 4.2 0 0 1-1.1-2.8V8.8A5.6 5.6 0 0 0 12 3.2Z"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.9"
          strokeLinejoin="round"
        />
        <path d="M9.6 19a2.5 2.5 0 0 0 4.8 0" fill="none" stroke="currentColor" strokeWidth="1.9" strokeLinecap="round" />
      </svg>
      {unread > 0 ? (
        <span className="bell-badge" aria-hidden="true" data-testid="unread-badge">
          {badgeText(unread)}
        </span>
      ) : null}
    </NavLink>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const demo = useDemoInfo();
  useFocusOnNavigate();
  useUnreadWatch(session.user?.id ?? null);
  useEffect(() => setMenuOpen(false), [location.pathname]);

  const nav = session.viewer ? navigationFor(session.viewer) : [];
  const orgName = (id: string) =>
    session.memberships.find((m) => `org-${m.organization_id}` === id)?.organization_name ?? '';

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            <svg aria-hidden="true" viewBox="0 0 32 32" width="32" height="32">
              <rect width="32" height="32" rx="7" fill="currentColor" />
              <path d="M8 23 16 8l8 15" fill="none" stroke="#f4efe4" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
              <path d="M11.5 18h9" stroke="#e9a23b" strokeWidth="3" strokeLinecap="round" />
            </svg>
            <span>{t('common.appName')}</span>
          </Link>
          {session.user ? <NotificationBell /> : null}
          <div className="header-tools">
            {demo?.mailbox ? (
              <NavLink className="button button-quiet" to="/demo/mailbox" data-testid="demo-mailbox-link">
                {t('nav.demoMailbox')}
              </NavLink>
            ) : null}
            {session.user ? (
              <NavLink className="button button-quiet" to="/services" data-testid="shop-link">
                {t('nav.services')}
              </NavLink>
            ) : null}
            <LanguageSelect />
            {session.user ? (
              <button
                type="button"
                className="button button-quiet"
                data-testid="sign-out"
                onClick={async () => {
                  await session.signOut().catch(() => undefined);
                  navigate('/login', { replace: true, state: { signedOut: true } });
                }}
              >
                {t('nav.signOut')}
              </button>
            ) : location.pathname !== '/login' ? (
              <Link className="button button-quiet" to="/login">
                {t('nav.signIn')}
              </Link>
            ) : null}
          </div>
        </div>
        {nav.length > 0 ? (
          <nav className="main-nav" aria-label={t('nav.mainNavigation')}>
            <div className="nav-inner">
              <button
                type="button"
                className="menu-toggle"
                aria-expanded={menuOpen}
                aria-controls="nav-list"
                onClick={() => setMenuOpen((o) => !o)}
              >
                <span aria-hidden="true" className="menu-icon" />
                {t('nav.menu')}
              </button>
              <ul id="nav-list" className={menuOpen ? 'open' : ''}>
                {nav.map((item) => (
                  <li key={item.id}>
                    <NavLink to={item.to} end={item.to === '/'} data-nav={item.id}>
                      {t(item.label, { name: orgName(item.id), ...item.values })}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          </nav>
        ) : null}
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>
          {session.user ? t('nav.signedInAs', { name: session.user.name, email: session.user.email }) : t('footer.tagline')}
        </p>
      </footer>
    </div>
  );
}

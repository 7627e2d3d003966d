import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';

/** The three parts of "my profile". */
export function ProfileNav() {
  const { t } = useTranslation();
  return (
    <nav className="sub-nav" aria-label={t('profile.sections')}>
      <ul>
        <li>
          <NavLink to="/profile" end>
            {t('profile.details')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/profile/security">{t('mfa.title')}</NavLink>
        </li>
        <li>
          <NavLink to="/profile/sessions">{t('sessions.title')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}

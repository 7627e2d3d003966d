import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Notice } from '../../components/Alert';
import { Page } from '../../components/Page';
import { administeredOrganizations, isKnownRole, navigationFor, rolesToGreet } from '../../lib/roles';
import { useSession } from '../../session/SessionContext';

/** What each navigation entry is for, in a sentence on the start page. */
const CARD_TEXT: Record<string, string> = {
  profile: 'home.cards.profile',
  'access-log': 'home.cards.accessLog',
  delegations: 'home.cards.delegations',
  organizations: 'home.cards.organizations',
  'provider-services': 'home.cards.providerServices',
  review: 'home.cards.review',
  'my-orders': 'home.cards.myOrders',
  'my-payments': 'home.cards.myPayments',
  assessment: 'home.cards.assessment',
  plan: 'home.cards.plan',
  'my-cases': 'home.cards.myCases',
  'case-queue': 'home.cards.caseQueue',
  'provider-quality': 'home.cards.providerQuality',
  'provider-billing': 'home.cards.providerBilling',
  'purchaser-clients': 'home.cards.purchaserClients',
  'purchaser-referrals': 'home.cards.purchaserReferrals',
  'purchaser-billing': 'home.cards.purchaserBilling',
  board: 'home.cards.board',
  desk: 'home.cards.desk',
  offers: 'home.cards.offers',
  'my-day': 'home.cards.myDay',
};

export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const viewer = session.viewer!;
  const user = session.user!;
  const greet = rolesToGreet(viewer);
  const cards = navigationFor(viewer).filter((n) => n.id !== 'home');
  const orgs = administeredOrganizations(viewer);
  const needsMfa = user.mfa?.required && !user.mfa.enabled;

  return (
    <Page title={t('home.greeting', { name: user.name.split(' ')[0] })} intro={t('home.intro')}>
      {needsMfa ? (
        <Notice tone="warning">
          <p>{t('mfa.requiredNotice')}</p>
          <Link to="/profile/security">{t('mfa.setUpNow')}</Link>
        </Notice>
      ) : null}
      <section aria-labelledby="roles-heading" className="section">
        <h2 id="roles-heading">{greet.length > 1 ? t('home.yourRoles') : t('home.yourRole')}</h2>
        <ul className="role-list">
          {greet.map((g, i) => (
            <li key={`${g.role}-${g.organization ?? ''}-${i}`} className="role-item" data-role={g.role}>
              <strong>
                {g.organization
                  ? t('home.roleAt', {
                      role: t(`roles.${isKnownRole(g.role) ? g.role : 'unknown'}`, g.role),
                      organization: g.organization,
                    })
                  : t(`roles.${g.role}`)}
              </strong>
              <p>{t(`roleIntro.${isKnownRole(g.role) || g.role === 'client' || g.role === 'platform_admin' ? g.role : 'unknown'}`)}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="cards-heading" className="section">
        <h2 id="cards-heading">{t('home.whatYouCanDo')}</h2>
        <ul className="card-grid">
          {cards.map((c) => {
            const isOrg = c.id.startsWith('org-');
            const isAudit = c.id.startsWith('audit-');
            const title = isOrg
              ? t('home.cards.organizationTitle', { name: orgs[0]?.name ?? '' })
              : t(c.label, { name: '' });
            const text = isOrg
              ? t('home.cards.organization')
              : isAudit
                ? t('home.cards.auditLog')
                : t(CARD_TEXT[c.id] ?? 'home.cards.organizations');
            return (
              <li key={c.id}>
                <Link to={c.to} className="nav-card" data-card={c.id}>
                  <span className="nav-card-title">{title}</span>
                  <span className="nav-card-text">{text}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </section>
      <p className="muted">{t('home.more')}</p>
    </Page>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import * as api from '../../api/client';
import type { Organization, Region } from '../../api/types';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { administeredOrganizations, isPlatformAdmin } from '../../lib/roles';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';

/** Organizations to administer: a platform admin's every region, or the person's own. */
export function OrganizationsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const viewer = session.viewer!;
  const platform = isPlatformAdmin(viewer);
  const all = useAsync<{ region: Region; organizations: Organization[] }[]>(async () => {
    if (!platform) return [];
    const regions = session.regions.length > 0 ? session.regions : await api.listRegions();
    return Promise.all(regions.map(async (region) => ({ region, organizations: await api.listOrganizations(region.id) })));
  }, [platform]);
  const own = administeredOrganizations(viewer);

  return (
    <Page title={t('orgs.title')} intro={platform ? t('orgs.introPlatform') : t('orgs.intro')}>
      {!platform ? (
        <ul className="card-grid">
          {own.map((o) => (
            <li key={o.id}>
              <Link className="nav-card" to={`/organizations/${o.id}`}>
                <span className="nav-card-title">{o.name}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {platform && all.error ? <LoadError error={all.error} onRetry={() => void all.reload()} /> : null}
      {platform && all.loading && !all.data ? <Loading /> : null}
      {platform && all.data
        ? all.data.map(({ region, organizations }) => (
            <section key={region.id} className="section" aria-labelledby={`r-${region.id}`}>
              <h2 id={`r-${region.id}`}>{region.name}</h2>
              {organizations.length === 0 ? (
                <p className="empty">{t('orgs.empty')}</p>
              ) : (
                <ul className="plain-list link-list">
                  {organizations.map((o) => (
                    <li key={o.id}>
                      <Link to={`/organizations/${o.id}`}>{o.name}</Link>{' '}
                      <span className="muted small">· {t(`org.kinds.${o.kind}`)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))
        : null}
    </Page>
  );
}

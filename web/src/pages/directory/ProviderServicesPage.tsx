import './directory.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import * as directory from '../../api/directory';
import type { ManagedService, ServiceState } from '../../api/types';
import { Notice } from '../../components/Alert';
import { DateTime } from '../../components/DateTime';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { editedProviders } from '../../lib/roles';
import { langAttr, pickText } from '../../lib/serviceText';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { StateBadge, workingContent } from './StateBadge';

/** The order of the groups: what needs the provider first. */
const GROUPS: ServiceState[] = ['changes_requested', 'draft', 'in_review', 'published'];

function ServiceRow({ s }: { s: ManagedService }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const name = pickText(workingContent(s).name, language);
  return (
    <li className="item" data-service-id={s.id}>
      <div className="item-main">
        <h3 className="item-title">
          <Link to={`/provider/services/${s.id}`} lang={langAttr(name, language)}>
            {name.text || t('shop.unnamed')}
          </Link>
        </h3>
        <p className="small">
          <StateBadge state={s.state} />
          {s.published && s.state !== 'published' && s.state !== 'archived' ? (
            <span className="muted"> · {t('editor.publishedStaysVisible')}</span>
          ) : null}
        </p>
        {s.updated_at ? (
          <p className="muted small">
            {t('editor.lastChanged')} <DateTime value={s.updated_at} />
          </p>
        ) : null}
      </div>
    </li>
  );
}

/** A provider admin's services by state, with a way to start a new one. */
export function ProviderServicesPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params] = useSearchParams();
  const providers = session.viewer ? editedProviders(session.viewer) : [];
  const orgId = params.get('org') ?? providers[0]?.id ?? '';
  const provider = providers.find((p) => p.id === orgId);
  const services = useAsync(() => (orgId ? directory.listProviderServices(orgId) : Promise.resolve([])), [orgId]);
  const [showArchived, setShowArchived] = useState(false);
  const archived = useAsync(
    () => (orgId && showArchived ? directory.listProviderServices(orgId, 'archived') : Promise.resolve([])),
    [orgId, showArchived],
  );

  if (!orgId) {
    return (
      <Page title={t('editor.listTitle')}>
        <Notice>
          <p>{t('editor.notProviderAdmin')}</p>
        </Notice>
      </Page>
    );
  }
  const title = provider ? t('editor.listTitleOf', { name: provider.name }) : t('editor.listTitle');
  return (
    <Page title={title} intro={t('editor.listIntro')} wide>
      {providers.length > 1 ? (
        <nav className="sub-nav" aria-label={t('editor.providers')}>
          <ul>
            {providers.map((p) => (
              <li key={p.id}>
                <Link to={`/provider/services?org=${p.id}`} className={p.id === orgId ? 'active' : ''} aria-current={p.id === orgId ? 'page' : undefined}>
                  {p.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <p className="actions">
        <Link className="button button-primary" to={`/provider/services/new?org=${orgId}`} data-testid="new-service">
          {t('editor.newService')}
        </Link>
        <Link className="button button-secondary" to={`/providers/${orgId}`}>
          {t('editor.publicProfile')}
        </Link>
      </p>
      {services.error ? <LoadError error={services.error} onRetry={() => void services.reload()} /> : null}
      {services.loading && !services.data ? <Loading /> : null}
      {services.data && services.data.length === 0 ? <p className="empty">{t('editor.noServices')}</p> : null}
      {services.data
        ? GROUPS.map((state) => {
            const list = services.data!.filter((s) => s.state === state);
            if (list.length === 0) return null;
            return (
              <section key={state} className="section" aria-labelledby={`group-${state}`} data-group={state}>
                <h2 id={`group-${state}`}>
                  {t(`editor.groups.${state}`)} <span className="muted">({list.length})</span>
                </h2>
                {state === 'changes_requested' ? <p>{t('editor.changesRequestedIntro')}</p> : null}
                <ul className="item-list">
                  {list.map((s) => (
                    <ServiceRow key={s.id} s={s} />
                  ))}
                </ul>
              </section>
            );
          })
        : null}
      <section className="section" aria-labelledby="group-archived">
        <h2 id="group-archived">{t('editor.groups.archived')}</h2>
        {!showArchived ? (
          <button type="button" className="button button-secondary" onClick={() => setShowArchived(true)}>
            {t('editor.showArchived')}
          </button>
        ) : archived.loading ? (
          <Loading />
        ) : archived.error ? (
          <LoadError error={archived.error} onRetry={() => void archived.reload()} />
        ) : archived.data && archived.data.length > 0 ? (
          <ul className="item-list">
            {archived.data.map((s) => (
              <ServiceRow key={s.id} s={s} />
            ))}
          </ul>
        ) : (
          <p className="empty">{t('editor.noArchived')}</p>
        )}
      </section>
    </Page>
  );
}

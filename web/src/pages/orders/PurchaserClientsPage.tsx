import './orders.css';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import * as api from '../../api/orders';
import type { OrganizationClient } from '../../api/types';
import { Notice } from '../../components/Alert';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { purchasingOrganizations } from '../../lib/roles';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';

/** Case- and accent-insensitive text for finding a name as it is typed ("sjoberg" finds Sjöberg). */
function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase();
}

/** The purchaser officer's clients: those the organization pays for, found by name. */
export function PurchaserClientsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params] = useSearchParams();
  const orgs = session.viewer ? purchasingOrganizations(session.viewer) : [];
  const orgId = params.get('org') ?? orgs[0]?.id ?? '';
  const org = orgs.find((o) => o.id === orgId);
  const clients = useAsync(() => (orgId ? api.listOrganizationClients(orgId) : Promise.resolve([] as OrganizationClient[])), [orgId]);
  const [q, setQ] = useState('');
  const searchId = useId();

  if (!orgId) {
    return (
      <Page title={t('purchaser.title')}>
        <Notice>
          <p>{t('purchaser.notPurchaser')}</p>
        </Notice>
      </Page>
    );
  }
  const collator = new Intl.Collator(session.language);
  const shown = (clients.data ?? [])
    .filter((c) => c.relation === 'purchaser' && fold(c.name).includes(fold(q.trim())))
    .sort((a, b) => collator.compare(a.name, b.name));
  return (
    <Page title={org ? t('purchaser.titleOf', { name: org.name }) : t('purchaser.title')} intro={t('purchaser.intro')}>
      <div className="field client-search">
        <label htmlFor={searchId}>{t('purchaser.search')}</label>
        <input id={searchId} type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" data-testid="client-search" />
      </div>
      {clients.error ? <LoadError error={clients.error} onRetry={() => void clients.reload()} /> : null}
      {clients.loading && !clients.data ? <Loading /> : null}
      {clients.data && shown.length === 0 ? (
        <p className="empty" data-testid="clients-empty">
          {q.trim() ? t('purchaser.noMatch', { q: q.trim() }) : t('purchaser.noClients')}
        </p>
      ) : null}
      {shown.length > 0 ? (
        <ul className="item-list client-list" data-testid="clients">
          {shown.map((c) => (
            <li key={c.client_id} className="item" data-client-id={c.client_id}>
              <div className="item-main">
                <h2 className="item-title">
                  <Link to={`/purchaser/clients/${c.client_id}${orgs.length > 1 ? `?org=${orgId}` : ''}`} data-testid="client-link">
                    {c.name}
                  </Link>
                </h2>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </Page>
  );
}

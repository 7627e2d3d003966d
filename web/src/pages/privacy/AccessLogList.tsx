import { useTranslation } from 'react-i18next';
import type { AccessLogEntry } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { describeAction, describePurpose, describeRole } from '../../lib/accessLog';

/** Access-log entries as plain sentences: when, who (role, organization), what, why. */
export function AccessLogList({
  items,
  showClient = false,
  onPickActor,
}: {
  items: AccessLogEntry[];
  showClient?: boolean;
  onPickActor?: (actorId: string, name: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <ol className="log-list" data-testid="access-log-list">
      {items.map((e) => (
        <li key={e.id} className="log-entry">
          <p className="log-when">
            <DateTime value={e.at} />
          </p>
          <p className="log-who">
            <strong>{e.actor_name}</strong>
            {e.actor_role ? <span className="muted"> · {describeRole(t, e.actor_role)}</span> : null}
            {e.organization_name ? <span className="muted"> · {e.organization_name}</span> : null}
          </p>
          <dl className="facts facts-inline">
            <div>
              <dt>{t('accessLog.action')}</dt>
              <dd>{describeAction(t, e.action)}</dd>
            </div>
            <div>
              <dt>{t('accessLog.purpose')}</dt>
              <dd>{describePurpose(t, e.purpose)}</dd>
            </div>
            {showClient && e.client_name ? (
              <div>
                <dt>{t('accessLog.client')}</dt>
                <dd>{e.client_name}</dd>
              </div>
            ) : null}
            {showClient && e.request_id ? (
              <div>
                <dt>{t('accessLog.requestId')}</dt>
                <dd>
                  <code>{e.request_id}</code>
                </dd>
              </div>
            ) : null}
          </dl>
          {onPickActor && e.actor_id ? (
            <button type="button" className="button button-link" onClick={() => onPickActor(e.actor_id!, e.actor_name)}>
              {t('audit.onlyThisPerson', { name: e.actor_name })}
            </button>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

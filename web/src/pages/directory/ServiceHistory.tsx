import { useTranslation } from 'react-i18next';
import * as directory from '../../api/directory';
import { DateTime } from '../../components/DateTime';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Page';
import { useAsync } from '../../lib/useAsync';

/** Who did what to a service and when, newest first, with the coordinators' comments. */
export function ServiceHistory({ serviceId, reloadKey }: { serviceId: string; reloadKey: number }) {
  const { t } = useTranslation();
  const history = useAsync(() => directory.getServiceHistory(serviceId), [serviceId, reloadKey]);
  return (
    <section className="section" aria-labelledby="history-heading" data-testid="history">
      <h2 id="history-heading">{t('editor.history')}</h2>
      {history.error ? <LoadError error={history.error} onRetry={() => void history.reload()} /> : null}
      {history.loading && !history.data ? <Loading /> : null}
      {history.data && history.data.length === 0 ? <p className="empty">{t('editor.historyEmpty')}</p> : null}
      {history.data && history.data.length > 0 ? (
        <ol className="log-list">
          {[...history.data].reverse().map((e) => (
            <li key={e.id} className="log-entry" data-action={e.action}>
              <p className="log-when">
                <DateTime value={e.at} />
              </p>
              <p className="log-who">{t(`editor.events.${e.action}`, { name: e.actor_name })}</p>
              {e.comment ? <blockquote className="history-comment">{e.comment}</blockquote> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import * as api from '../../api/tasks';
import { ApiError } from '../../api/problem';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Page';
import { todayIn } from '../../lib/tasks';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { TaskDue } from '../desk/TaskBits';

/**
 * The coordinators' list of the advice desk's overdue follow-ups in the region, on the board: the
 * oldest first, each with the client (a link to their record on the desk), what was to be done, for
 * whom, and how many days late.
 */
export function OverdueTasks({ regionId }: { regionId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const tasks = useAsync(() => api.overdueTasks(regionId), [regionId]);
  const zone = session.regions.find((r) => r.id === regionId)?.time_zone ?? session.timeZone;
  const today = todayIn(zone);
  const forbidden = tasks.error instanceof ApiError && tasks.error.status === 403;
  return (
    <section aria-labelledby="overdue-tasks-heading" className="section" data-testid="overdue-tasks">
      <h2 id="overdue-tasks-heading">{t('tasks.board.title')}</h2>
      <p className="muted">{t('tasks.board.intro')}</p>
      {forbidden ? <p className="empty">{t('tasks.board.forbidden')}</p> : null}
      {tasks.error && !forbidden ? <LoadError error={tasks.error} onRetry={() => void tasks.reload()} /> : null}
      {tasks.loading && !tasks.data ? <Loading /> : null}
      {tasks.data && tasks.data.length === 0 ? (
        <p className="empty" data-testid="overdue-tasks-empty">
          {t('tasks.board.none')}
        </p>
      ) : null}
      {tasks.data && tasks.data.length > 0 ? (
        <ul className="item-list task-grid">
          {tasks.data.map((task) => (
            <li key={task.id} className="item task-item" data-testid="overdue-task" data-task-id={task.id}>
              <div className="item-main">
                <p className="task-client">
                  <Link to={`/desk?client=${encodeURIComponent(task.client_id)}`}>{task.client_name}</Link>
                </p>
                <p className="task-title">{task.title}</p>
                <p>
                  <TaskDue task={task} today={today} timeZone={zone} />
                </p>
                <p className="small">{t('tasks.forWhom', { name: task.assigned_to_name })}</p>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

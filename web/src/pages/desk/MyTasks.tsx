import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import * as api from '../../api/tasks';
import type { AdviceTask } from '../../api/types';
import { FormAlert, Status } from '../../components/Alert';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Page';
import { todayIn } from '../../lib/tasks';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { DoneButton, TaskDue } from './TaskBits';

/**
 * "My tasks" on the desk before a record is opened: the advisor's open reminders by due day, each
 * with the client's name (which opens their record), what to do, when, a marker on a late one,
 * and "Done".
 */
export function MyTasks({ purpose, linkTo }: { purpose: string; linkTo: (clientId: string) => string }) {
  const { t } = useTranslation();
  const session = useSession();
  const heading = useRef<HTMLHeadingElement>(null);
  const tasks = useAsync(() => api.myTasks(), []);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // The desk's region's zone (a task carries no region; the desk's regions share the first one's zone).
  const zone = session.timeZone;
  const today = todayIn(zone);

  const done = (task: AdviceTask) => {
    tasks.setData((old) => (old ?? []).filter((x) => x.id !== task.id));
    setProblem(null);
    setStatus(t('tasks.markedDone', { title: task.title }));
    heading.current?.focus();
  };

  return (
    <section className="desk-panel desk-my-tasks" aria-labelledby="my-tasks-heading" data-testid="my-tasks">
      <h2 id="my-tasks-heading" ref={heading} tabIndex={-1}>
        {t('tasks.mine.title')}
      </h2>
      <p className="muted">{t('tasks.mine.intro')}</p>
      <Status>{status}</Status>
      <FormAlert message={problem} />
      {tasks.error ? <LoadError error={tasks.error} onRetry={() => void tasks.reload()} /> : null}
      {tasks.loading && !tasks.data ? <Loading /> : null}
      {tasks.data && tasks.data.length === 0 ? (
        <p className="empty" data-testid="my-tasks-empty">
          {t('tasks.mine.none')}
        </p>
      ) : null}
      {tasks.data && tasks.data.length > 0 ? (
        <ul className="item-list task-grid">
          {tasks.data.map((task) => (
            <li key={task.id} className="item task-item" data-testid="my-task" data-task-id={task.id} data-overdue={task.overdue}>
              <div className="item-main">
                <p className="task-client">
                  <Link to={linkTo(task.client_id)} aria-label={t('tasks.mine.openRecord', { name: task.client_name })} data-testid="task-client">
                    {task.client_name}
                  </Link>
                </p>
                <p className="task-title">{task.title}</p>
                <p>
                  <TaskDue task={task} today={today} timeZone={zone} />
                </p>
              </div>
              <div className="item-actions">
                <DoneButton task={task} purpose={purpose} onDone={done} onProblem={setProblem} />
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

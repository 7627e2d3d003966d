import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as api from '../../api/tasks';
import type { AdviceTask, ClientRecord } from '../../api/types';
import { FormAlert, Status } from '../../components/Alert';
import { TextField, focusFirstInvalid } from '../../components/Field';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Page';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { useIdempotencyKey } from '../../lib/idempotency';
import { DEFAULT_DUE_DAYS, dueIn, QUICK_DUE_WEEKS, TASK_FIELDS, TASK_TITLE_MAX, todayIn, withTask } from '../../lib/tasks';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { DoneButton, TaskDue } from './TaskBits';

function TaskItem({
  task,
  today,
  timeZone,
  purpose,
  onDone,
  onProblem,
}: {
  task: AdviceTask;
  today: string;
  timeZone: string | undefined;
  purpose: string;
  onDone: (task: AdviceTask) => void;
  onProblem: (message: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <li className="item task-item" data-testid="task" data-task-id={task.id} data-state={task.state} data-overdue={task.overdue}>
      <div className="item-main">
        <p className="task-title">{task.title}</p>
        <p>
          <TaskDue task={task} today={today} timeZone={timeZone} />
        </p>
        <p className="small muted">{t('tasks.forWhom', { name: task.assigned_to_name })}</p>
      </div>
      {task.state === 'open' ? (
        <div className="item-actions">
          <DoneButton task={task} purpose={purpose} onDone={onDone} onProblem={onProblem} />
        </div>
      ) : null}
    </li>
  );
}

/**
 * "Follow-up" on the open record: a reminder about the client with a title and a due day (two
 * weeks ahead unless chosen otherwise; "in 1 week" and "in 2 weeks" at one press), and the
 * client's open and done reminders with "Done" on the open ones. The server's messages stand at
 * their fields.
 */
export function TasksPanel({ record, purpose }: { record: ClientRecord; purpose: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const timeZone = session.regions.find((r) => r.id === record.region_id)?.time_zone ?? session.timeZone;
  const today = todayIn(timeZone);
  const keys = useIdempotencyKey();
  const formRef = useRef<HTMLFormElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const tasks = useAsync(() => api.listClientTasks(record.id, purpose), [record.id, purpose]);
  const [title, setTitle] = useState('');
  const [due, setDue] = useState(() => dueIn(DEFAULT_DUE_DAYS, timeZone));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!errors.alert) return;
    focusFirstInvalid(formRef.current);
  }, [errors]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors(NO_ERRORS);
    setStatus(null);
    setProblem(null);
    try {
      const task = await api.addClientTask(record.id, { title: title.trim(), due_date: due }, keys.key(), purpose);
      keys.settle();
      tasks.setData((old) => withTask(old ?? [], task));
      setTitle('');
      setDue(dueIn(DEFAULT_DUE_DAYS, timeZone));
      setStatus(t('tasks.saved', { title: task.title }));
    } catch (err) {
      keys.settle(err);
      setErrors(formErrors(t, err, TASK_FIELDS));
    } finally {
      setBusy(false);
    }
  }

  const done = (task: AdviceTask) => {
    tasks.setData((old) => withTask(old ?? [], task));
    setStatus(t('tasks.markedDone', { title: task.title }));
    heading.current?.focus();
  };

  const list = tasks.data ?? [];
  const open = list.filter((x) => x.state === 'open');
  const closed = list.filter((x) => x.state === 'done');
  const item = (task: AdviceTask) => (
    <TaskItem key={task.id} task={task} today={today} timeZone={timeZone} purpose={purpose} onDone={done} onProblem={setProblem} />
  );
  return (
    <section className="desk-panel desk-tasks" id="desk-tasks" aria-labelledby="tasks-heading" tabIndex={-1} data-testid="desk-tasks">
      <h2 id="tasks-heading" ref={heading} tabIndex={-1}>
        {t('tasks.title')}
      </h2>
      <p className="muted">{t('tasks.intro', { name: record.name })}</p>
      <form ref={formRef} className="form task-form" onSubmit={(e) => void submit(e)} noValidate data-testid="task-form">
        <h3 className="task-form-title">{t('tasks.add')}</h3>
        <TextField
          label={t('tasks.what')}
          hint={t('tasks.whatHint')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          errors={errors.byField.title}
          maxLength={TASK_TITLE_MAX}
          name="title"
          autoComplete="off"
        />
        <div className="task-due-row">
          <TextField
            type="date"
            label={t('tasks.due')}
            hint={t('tasks.dueHint')}
            value={due}
            min={today}
            onChange={(e) => setDue(e.target.value)}
            errors={errors.byField.due_date}
            name="due_date"
          />
          <div className="task-quick" role="group" aria-label={t('tasks.quick')}>
            {QUICK_DUE_WEEKS.map((weeks) => {
              const day = dueIn(weeks * 7, timeZone);
              return (
                <button
                  key={weeks}
                  type="button"
                  className="button button-secondary"
                  aria-pressed={due === day}
                  onClick={() => setDue(day)}
                  data-testid={`task-in-${weeks}-weeks`}
                >
                  {t('tasks.inWeeks', { count: weeks })}
                </button>
              );
            })}
          </div>
        </div>
        <FormAlert message={errors.alert} requestId={errors.requestId} />
        <div className="actions">
          <button type="submit" className="button button-primary" aria-disabled={busy || undefined} data-testid="task-submit">
            {busy ? t('tasks.saving') : t('tasks.save')}
          </button>
        </div>
      </form>
      <Status>{status}</Status>
      <FormAlert message={problem} />
      {tasks.error ? <LoadError error={tasks.error} onRetry={() => void tasks.reload()} /> : null}
      {tasks.loading && !tasks.data ? <Loading /> : null}
      {tasks.data ? (
        <>
          <h3 className="task-list-title">{t('tasks.open')}</h3>
          {open.length === 0 ? (
            <p className="empty" data-testid="tasks-empty">
              {t('tasks.noneOpen', { name: record.name })}
            </p>
          ) : (
            <ul className="item-list" data-testid="tasks-open">
              {open.map(item)}
            </ul>
          )}
          {closed.length > 0 ? (
            <>
              <h3 className="task-list-title">{t('tasks.done')}</h3>
              <ul className="item-list" data-testid="tasks-done">
                {closed.map(item)}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

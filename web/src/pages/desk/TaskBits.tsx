import './tasks.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as api from '../../api/tasks';
import type { AdviceTask } from '../../api/types';
import { generalMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { formatCivilDate } from '../../lib/schedule';
import { daysOverdue } from '../../lib/tasks';
import { useSession } from '../../session/SessionContext';

/**
 * When a task is due, in words: "Due Fri 4 Dec 2026", "Due today", or for a late one a marker that
 * says so in text ("Overdue by 3 days") beside the day; a done one says when it was done.
 */
export function TaskDue({ task, today, timeZone }: { task: AdviceTask; today: string; timeZone: string | undefined }) {
  const { t } = useTranslation();
  const { language } = useSession();
  if (task.state === 'done') {
    return <span className="muted">{t('tasks.doneOn', { date: formatDate(task.done_at, language, { timeZone }) })}</span>;
  }
  const day = formatCivilDate(task.due_date, language);
  if (task.overdue) {
    const late = daysOverdue(task, today);
    return (
      <span className="task-due">
        <span className="badge badge-warn task-overdue" data-testid="task-overdue">
          <span aria-hidden="true">! </span>
          {late > 0 ? t('tasks.overdue', { count: late }) : t('tasks.overdueShort')}
        </span>{' '}
        <span>{t('tasks.dueOn', { date: day })}</span>
      </span>
    );
  }
  return <span className="task-due">{task.due_date === today ? t('tasks.dueToday') : t('tasks.dueOn', { date: day })}</span>;
}

/**
 * "Done" for an open task: the visible word, with the task's title for screen readers. Marks it
 * done and hands the answer (or a sentence on failure) back.
 */
export function DoneButton({
  task,
  purpose,
  onDone,
  onProblem,
}: {
  task: AdviceTask;
  purpose?: string | undefined;
  onDone: (task: AdviceTask) => void;
  onProblem: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const mark = async () => {
    if (busy) return;
    setBusy(true);
    try {
      onDone(await api.completeTask(task.id, purpose));
    } catch (e) {
      onProblem(generalMessage(t, e));
      setBusy(false);
    }
  };
  return (
    <button type="button" className="button button-secondary" onClick={() => void mark()} aria-disabled={busy || undefined} data-testid="task-done">
      {busy ? t('tasks.marking') : t('tasks.markDone')}
      <span className="visually-hidden">: {task.title}</span>
    </button>
  );
}

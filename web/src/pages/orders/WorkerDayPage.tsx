import './orders.css';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import * as api from '../../api/orders';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { addDays, formatCivilDate, localDate } from '../../lib/schedule';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { VisitCard } from './VisitCard';

/** Whether the phone has a network, as the browser knows it. */
function useOnline(): boolean {
  const [online, setOnline] = useState(() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

/** The worker's visits of one day, in order, on a phone; today unless another day is chosen. */
export function WorkerDayPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const today = localDate(new Date(), session.timeZone);
  const asked = params.get('date');
  const date = asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : today;
  const visits = useAsync(() => api.myVisits(date), [date]);
  const online = useOnline();
  const dateId = useId();
  const go = (d: string | undefined) => d && setParams(d === today ? {} : { date: d });
  const sorted = [...(visits.data ?? [])].sort((a, b) => a.starts_at.localeCompare(b.starts_at));
  const label = date === today ? t('myDay.today') : formatCivilDate(date, session.language);

  return (
    <Page title={t('myDay.title')} intro={t('myDay.intro')}>
      {!online ? (
        <div className="alert alert-warning" role="status" data-testid="offline">
          <p>{t('myDay.offline')}</p>
        </div>
      ) : null}
      <nav className="day-switch" aria-label={t('myDay.chooseDay')}>
        <div className="field day-date">
          <label htmlFor={dateId}>{t('myDay.day')}</label>
          <input id={dateId} type="date" value={date} onChange={(e) => go(e.target.value)} data-testid="day-date" />
        </div>
        <button type="button" className="button button-secondary day-button" onClick={() => go(addDays(date, -1))} data-testid="previous-day">
          <span aria-hidden="true" className="day-arrow">
            ‹
          </span>
          {t('myDay.previous')}
        </button>
        <button type="button" className="button button-secondary day-button" onClick={() => go(addDays(date, 1))} data-testid="next-day">
          {t('myDay.next')}
          <span aria-hidden="true" className="day-arrow">
            ›
          </span>
        </button>
        {date !== today ? (
          <Link className="button button-secondary day-button day-today" to="/my-day">
            {t('myDay.backToToday')}
          </Link>
        ) : null}
      </nav>
      <h2 className="day-heading" aria-live="polite">
        {visits.data ? t('myDay.visitsOn', { day: label, count: sorted.length }) : label}
      </h2>
      {visits.error ? <LoadError error={visits.error} onRetry={() => void visits.reload()} /> : null}
      {visits.loading && !visits.data ? <Loading /> : null}
      {visits.data && sorted.length === 0 ? (
        <p className="empty" data-testid="day-empty">
          {t('myDay.empty')}
        </p>
      ) : null}
      {sorted.length > 0 ? (
        <ol className="visit-cards" data-testid="day-visits" aria-busy={visits.loading}>
          {sorted.map((v, i) => (
            <VisitCard key={`${date}-${v.id}`} initial={v} index={i} />
          ))}
        </ol>
      ) : null}
    </Page>
  );
}

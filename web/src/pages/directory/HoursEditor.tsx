import { useTranslation } from 'react-i18next';
import type { OpeningHours } from '../../api/types';
import { formatClock, weekdayName } from '../../lib/serviceText';
import { useSession } from '../../session/SessionContext';

const MAX_PERIODS = 3;

/** Opening hours per weekday: up to three periods a day; a day without periods is closed. */
export function HoursEditor({
  hours,
  onChange,
  errors,
  rowErrors,
}: {
  hours: OpeningHours[];
  onChange: (next: OpeningHours[]) => void;
  errors?: string[] | undefined;
  /** Messages per row index of `hours`. */
  rowErrors: (index: number) => string[] | undefined;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const set = (index: number, change: Partial<OpeningHours>) => onChange(hours.map((h, i) => (i === index ? { ...h, ...change } : h)));
  return (
    <fieldset className={`field hours-editor${errors?.length ? ' field-invalid' : ''}`} data-testid="hours-editor">
      <legend>{t('editor.hours')}</legend>
      <p className="field-hint">{t('editor.hoursHint')}</p>
      {errors?.length ? <p className="field-error">{errors.join(' ')}</p> : null}
      {[0, 1, 2, 3, 4, 5, 6].map((day) => {
        const dayName = weekdayName(day, language);
        const rows = hours.map((h, i) => ({ h, i })).filter(({ h }) => h.weekday === day);
        return (
          <div key={day} className="hours-day" data-weekday={day}>
            <p className="hours-day-name">{dayName}</p>
            {rows.length === 0 ? <p className="muted small hours-closed">{t('service.closed')}</p> : null}
            {rows.map(({ h, i }) => {
              const problems = rowErrors(i);
              return (
                <div key={i} className={`hours-row${problems?.length ? ' field-invalid' : ''}`}>
                  <label className="hours-time">
                    <span>
                      {t('editor.opens')}
                      <span className="visually-hidden"> ({dayName})</span>
                    </span>
                    <input type="time" value={h.opens} onChange={(e) => set(i, { opens: e.target.value })} aria-invalid={problems?.length ? true : undefined} />
                  </label>
                  <label className="hours-time">
                    <span>
                      {t('editor.closes')}
                      <span className="visually-hidden"> ({dayName})</span>
                    </span>
                    <input type="time" value={h.closes} onChange={(e) => set(i, { closes: e.target.value })} aria-invalid={problems?.length ? true : undefined} />
                  </label>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => onChange(hours.filter((_, j) => j !== i))}
                  >
                    {t('editor.removeHours')}
                    <span className="visually-hidden">
                      : {dayName} {formatClock(h.opens, language)}–{formatClock(h.closes, language)}
                    </span>
                  </button>
                  {problems?.length ? <p className="field-error hours-error">{problems.join(' ')}</p> : null}
                </div>
              );
            })}
            {rows.length < MAX_PERIODS ? (
              <button
                type="button"
                className="button button-link"
                onClick={() => {
                  const last = rows.at(-1)?.h;
                  onChange([...hours, last ? { weekday: day, opens: last.closes, closes: last.closes < '20:00' ? '20:00' : '24:00' } : { weekday: day, opens: '08:00', closes: '16:00' }]);
                }}
              >
                {rows.length === 0 ? t('editor.addHours', { day: dayName }) : t('editor.addPeriod', { day: dayName })}
              </button>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}

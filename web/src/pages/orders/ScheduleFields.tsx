import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceGroup, SelectField, TextField } from '../../components/Field';
import { isoWeekday, isoWeekdayName, type ScheduleChoice } from '../../lib/schedule';
import { useSession } from '../../session/SessionContext';

/**
 * An order's "When": once or every n weeks on chosen weekdays, the first date, the time window
 * and public holidays. The order form of a decision and the shop's order form share it.
 */
export function ScheduleFields({
  schedule: s,
  onChange,
  errors,
  minDate,
  children,
  headingLevel = 2,
}: {
  schedule: ScheduleChoice;
  onChange: (change: Partial<ScheduleChoice>) => void;
  errors: Record<string, string[]>;
  /** the first date that may be chosen */
  minDate: string;
  /** shown at the end of the fieldset (the first visit in words) */
  children?: ReactNode;
  /** the level of the "When" heading in its page (3 inside a panel with its own heading) */
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  return (
    <fieldset className="plain-fieldset form-section">
      <legend className="visually-hidden">{t('orderForm.when')}</legend>
      <Heading>{t('orderForm.when')}</Heading>
      <ChoiceGroup legend={t('orderForm.repeat')}>
        {(['once', 'weekly'] as const).map((r) => (
          <label key={r} className="choice">
            <input type="radio" name="repeat" value={r} checked={s.repeat === r} onChange={() => onChange({ repeat: r })} />
            <span>{t(`orderForm.repeats.${r}`)}</span>
          </label>
        ))}
      </ChoiceGroup>
      {s.repeat === 'weekly' ? (
        <>
          <SelectField label={t('orderForm.interval')} value={String(s.interval)} onChange={(e) => onChange({ interval: Number(e.target.value) })} name="interval">
            {[1, 2, 3, 4].map((n) => (
              <option key={n} value={n}>
                {t('orderForm.everyNWeeks', { count: n })}
              </option>
            ))}
          </SelectField>
          <ChoiceGroup legend={t('orderForm.weekdays')} errors={errors['schedule.weekdays']}>
            <div className="weekday-grid">
              {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                <label key={d} className="choice">
                  <input
                    type="checkbox"
                    checked={s.weekdays.includes(d)}
                    onChange={(e) => onChange({ weekdays: e.target.checked ? [...s.weekdays, d] : s.weekdays.filter((x) => x !== d) })}
                  />
                  <span>{isoWeekdayName(d, language)}</span>
                </label>
              ))}
            </div>
          </ChoiceGroup>
        </>
      ) : null}
      <div className="field-pair">
        <TextField
          type="date"
          label={s.repeat === 'once' ? t('orderForm.date') : t('orderForm.firstDate')}
          value={s.startDate}
          min={minDate}
          onChange={(e) => {
            const startDate = e.target.value;
            // A weekly order's day follows the first date while only one day is chosen.
            const weekdays = s.repeat === 'weekly' && s.weekdays.length <= 1 && startDate ? [isoWeekday(startDate)] : s.weekdays;
            onChange({ startDate, weekdays });
          }}
          errors={errors['schedule.start_date']}
          name="start_date"
        />
        <TextField
          type="time"
          label={t('orderForm.windowStart')}
          value={s.windowStart}
          onChange={(e) => onChange({ windowStart: e.target.value })}
          errors={errors['schedule.window_start']}
          name="window_start"
        />
        <TextField
          type="time"
          label={t('orderForm.windowEnd')}
          value={s.windowEnd}
          onChange={(e) => onChange({ windowEnd: e.target.value })}
          errors={errors['schedule.window_end']}
          name="window_end"
        />
      </div>
      {s.repeat === 'weekly' ? (
        <label className="choice">
          <input type="checkbox" checked={s.skipHolidays} onChange={(e) => onChange({ skipHolidays: e.target.checked })} />
          <span>{t('orderForm.skipHolidays')}</span>
        </label>
      ) : null}
      {children}
    </fieldset>
  );
}

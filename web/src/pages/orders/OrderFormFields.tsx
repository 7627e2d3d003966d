import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Place } from '../../api/types';
import { ChoiceGroup, SelectField, TextAreaField, TextField } from '../../components/Field';
import { LANGUAGES } from '../../i18n/languages';
import { useDirectoryNames } from '../../lib/directoryData';
import { formatMinutes } from '../../lib/funding';
import { placeOfAddress } from '../../lib/orderForm';
import { isoWeekday, isoWeekdayName, type ScheduleChoice } from '../../lib/schedule';
import { languageName, pickText } from '../../lib/serviceText';
import { useSession } from '../../session/SessionContext';

export interface FormValues {
  category: string;
  /** a provider id, 'any' for no preference, '' before a choice */
  providerId: string;
  municipality: string;
  district: string;
  language: string;
  needs: string;
  address: string;
  doorCode: string;
  phone: string;
  schedule: ScheduleChoice;
  durationMinutes: number;
  tasks: string;
}

/** Visit lengths offered, in minutes. */
const DURATIONS = [60, 90, 120, 150, 180, 240, 300, 360, 480];

/** The order's what, when and where; `children` (the provider choice) comes after the when. */
export function OrderFormFields({
  values,
  onChange,
  errors,
  categories,
  today,
  children,
}: {
  values: FormValues;
  onChange: (change: Partial<FormValues>) => void;
  errors: Record<string, string[]>;
  categories: readonly string[];
  today: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const names = useDirectoryNames();
  const s = values.schedule;
  const setSchedule = (change: Partial<ScheduleChoice>) => onChange({ schedule: { ...s, ...change } });
  const districts: Place[] = names.places.filter((p) => p.kind === 'district' && p.municipality_code === values.municipality);
  const durations = DURATIONS.includes(values.durationMinutes) ? DURATIONS : [...DURATIONS, values.durationMinutes].sort((a, b) => a - b);

  return (
    <>
      <fieldset className="plain-fieldset form-section">
        <legend className="visually-hidden">{t('orderForm.what')}</legend>
        <h2>{t('orderForm.what')}</h2>
        {categories.length > 1 ? (
          <SelectField label={t('orderForm.category')} value={values.category} onChange={(e) => onChange({ category: e.target.value, providerId: '' })}>
            {categories.map((c) => (
              <option key={c} value={c}>
                {names.categoryName(c)}
              </option>
            ))}
          </SelectField>
        ) : null}
        <SelectField
          label={t('orderForm.duration')}
          hint={t('orderForm.durationHint')}
          value={String(values.durationMinutes)}
          onChange={(e) => onChange({ durationMinutes: Number(e.target.value) })}
          errors={errors.duration_minutes}
          name="duration"
        >
          {durations.map((m) => (
            <option key={m} value={m}>
              {formatMinutes(m, language)}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label={t('orderForm.needs')}
          hint={t('orderForm.needsHint')}
          value={values.needs}
          onChange={(e) => onChange({ needs: e.target.value })}
          errors={errors.needs}
          maxLength={2000}
          rows={3}
          name="needs"
        />
        <TextAreaField
          label={t('orderForm.tasks')}
          hint={t('orderForm.tasksHint')}
          value={values.tasks}
          onChange={(e) => onChange({ tasks: e.target.value })}
          errors={errors.tasks}
          rows={4}
          name="tasks"
        />
      </fieldset>

      <fieldset className="plain-fieldset form-section">
        <legend className="visually-hidden">{t('orderForm.when')}</legend>
        <h2>{t('orderForm.when')}</h2>
        <ChoiceGroup legend={t('orderForm.repeat')}>
          {(['once', 'weekly'] as const).map((r) => (
            <label key={r} className="choice">
              <input type="radio" name="repeat" value={r} checked={s.repeat === r} onChange={() => setSchedule({ repeat: r })} />
              <span>{t(`orderForm.repeats.${r}`)}</span>
            </label>
          ))}
        </ChoiceGroup>
        {s.repeat === 'weekly' ? (
          <>
            <SelectField label={t('orderForm.interval')} value={String(s.interval)} onChange={(e) => setSchedule({ interval: Number(e.target.value) })} name="interval">
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
                      onChange={(e) =>
                        setSchedule({ weekdays: e.target.checked ? [...s.weekdays, d] : s.weekdays.filter((x) => x !== d) })
                      }
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
            min={today}
            onChange={(e) => {
              const startDate = e.target.value;
              // A weekly order's day follows the first date while only one day is chosen.
              const weekdays = s.repeat === 'weekly' && s.weekdays.length <= 1 && startDate ? [isoWeekday(startDate)] : s.weekdays;
              setSchedule({ startDate, weekdays });
            }}
            errors={errors['schedule.start_date']}
            name="start_date"
          />
          <TextField
            type="time"
            label={t('orderForm.windowStart')}
            value={s.windowStart}
            onChange={(e) => setSchedule({ windowStart: e.target.value })}
            errors={errors['schedule.window_start']}
            name="window_start"
          />
          <TextField
            type="time"
            label={t('orderForm.windowEnd')}
            value={s.windowEnd}
            onChange={(e) => setSchedule({ windowEnd: e.target.value })}
            errors={errors['schedule.window_end']}
            name="window_end"
          />
        </div>
        {s.repeat === 'weekly' ? (
          <label className="choice">
            <input type="checkbox" checked={s.skipHolidays} onChange={(e) => setSchedule({ skipHolidays: e.target.checked })} />
            <span>{t('orderForm.skipHolidays')}</span>
          </label>
        ) : null}
      </fieldset>

      {children}

      <fieldset className="plain-fieldset form-section">
        <legend className="visually-hidden">{t('orderForm.where')}</legend>
        <h2>{t('orderForm.where')}</h2>
        <TextField
          label={t('orderForm.address')}
          hint={t('orderForm.addressHint')}
          value={values.address}
          onChange={(e) => onChange({ address: e.target.value })}
          onBlur={() => {
            if (values.municipality) return;
            const place = placeOfAddress(values.address, names.places);
            if (place) onChange({ municipality: place.municipality, district: place.district });
          }}
          errors={errors.address}
          autoComplete="street-address"
          maxLength={200}
          name="address"
        />
        <div className="field-pair">
          <SelectField
            label={t('orderForm.municipality')}
            value={values.municipality}
            onChange={(e) => onChange({ municipality: e.target.value, district: '', providerId: '' })}
            errors={errors.municipality_code}
            name="municipality"
          >
            <option value="">{t('orderForm.chooseMunicipality')}</option>
            {names.municipalities.map((m) => (
              <option key={m.code} value={m.code}>
                {pickText(m.name, language).text}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('orderForm.district')}
            value={values.district}
            onChange={(e) => onChange({ district: e.target.value })}
            errors={errors.district_code}
            name="district"
          >
            <option value="">{t('orderForm.noDistrict')}</option>
            {districts.map((d) => (
              <option key={d.code} value={d.code}>
                {pickText(d.name, language).text}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="field-pair">
          <TextField
            label={t('orderForm.doorCode')}
            hint={t('orderForm.doorCodeHint')}
            value={values.doorCode}
            onChange={(e) => onChange({ doorCode: e.target.value })}
            errors={errors.door_code}
            maxLength={50}
            autoComplete="off"
            name="door_code"
          />
          <TextField
            type="tel"
            label={t('orderForm.phone')}
            hint={t('orderForm.phoneHint')}
            value={values.phone}
            onChange={(e) => onChange({ phone: e.target.value })}
            errors={errors.contact_phone}
            autoComplete="tel"
            name="phone"
          />
        </div>
        <SelectField
          label={t('orderForm.language')}
          value={values.language}
          onChange={(e) => onChange({ language: e.target.value })}
          errors={errors.language}
          name="language"
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {languageName(l, language)}
            </option>
          ))}
        </SelectField>
      </fieldset>
    </>
  );
}

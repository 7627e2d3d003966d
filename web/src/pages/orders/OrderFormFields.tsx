import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Place } from '../../api/types';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { LANGUAGES } from '../../i18n/languages';
import { useDirectoryNames } from '../../lib/directoryData';
import { placeOfAddress } from '../../lib/orderForm';
import type { ScheduleChoice } from '../../lib/schedule';
import { languageName, pickText } from '../../lib/serviceText';
import { useSession } from '../../session/SessionContext';
import { ScheduleFields } from './ScheduleFields';
import { DoorCodeAndPhoneFields, DurationField, NeedsField } from './VisitFields';

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
        <DurationField
          value={values.durationMinutes}
          onChange={(durationMinutes) => onChange({ durationMinutes })}
          errors={errors.duration_minutes}
          hint={t('orderForm.durationHint')}
        />
        <NeedsField value={values.needs} onChange={(needs) => onChange({ needs })} errors={errors.needs} />
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

      <ScheduleFields schedule={s} onChange={setSchedule} errors={errors} minDate={today} />

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
        <DoorCodeAndPhoneFields values={values} onChange={onChange} errors={errors} />
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

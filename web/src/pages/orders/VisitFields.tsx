// The fields every order form asks the same way (the order form of a decision, the shop's and the
// advice desk's): the visit's length, what the provider should know, the door code and the phone.
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { formatMinutes } from '../../lib/funding';
import { useSession } from '../../session/SessionContext';

/** Visit lengths offered, in minutes. */
const DURATIONS = [60, 90, 120, 150, 180, 240, 300, 360, 480];

/** The visit's length: the usual lengths, and the one chosen before when it is none of them. */
export function DurationField({
  value,
  onChange,
  errors,
  hint,
}: {
  /** in minutes */
  value: number;
  onChange: (minutes: number) => void;
  errors?: string[] | undefined;
  hint?: string | undefined;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const durations = DURATIONS.includes(value) ? DURATIONS : [...DURATIONS, value].sort((a, b) => a - b);
  return (
    <SelectField label={t('orderForm.duration')} hint={hint} value={String(value)} onChange={(e) => onChange(Number(e.target.value))} errors={errors} name="duration">
      {durations.map((m) => (
        <option key={m} value={m}>
          {formatMinutes(m, language)}
        </option>
      ))}
    </SelectField>
  );
}

/** What the provider should know about the home and the work. */
export function NeedsField({ value, onChange, errors }: { value: string; onChange: (needs: string) => void; errors?: string[] | undefined }) {
  const { t } = useTranslation();
  return (
    <TextAreaField
      label={t('orderForm.needs')}
      hint={t('orderForm.needsHint')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      errors={errors}
      maxLength={2000}
      rows={3}
      name="needs"
    />
  );
}

/** How the worker gets in and whom they call: the door code and the contact phone, side by side. */
export function DoorCodeAndPhoneFields({
  values,
  onChange,
  errors,
  autoFill = true,
}: {
  values: { doorCode: string; phone: string };
  onChange: (change: { doorCode?: string; phone?: string }) => void;
  /** the form's errors by the server's field names (door_code, contact_phone) */
  errors: Record<string, string[]>;
  /** false where one types another person's details (the advice desk): the browser's own phone would be wrong */
  autoFill?: boolean;
}) {
  const { t } = useTranslation();
  return (
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
        autoComplete={autoFill ? 'tel' : 'off'}
        name="phone"
      />
    </div>
  );
}

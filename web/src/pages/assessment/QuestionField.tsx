import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentQuestion } from '../../api/types';
import { TextAreaField, TextField } from '../../components/Field';
import { localized, TEXT_MAX } from '../../lib/assessment';
import { useSession } from '../../session/SessionContext';

/** A message under a legend or label, as Field.tsx writes it. */
function FieldError({ id, errors }: { id: string; errors: string[] | undefined }) {
  if (!errors || errors.length === 0) return null;
  return (
    <p className="field-error" id={id}>
      <span aria-hidden="true" className="field-error-icon">
        !
      </span>{' '}
      {errors.join(' ')}
    </p>
  );
}

/**
 * One question of a form: a choice as a group of radios with the options' labels, yes/no as two
 * radios, a number with its range, a text as a text area. Radio groups are fieldsets whose legend
 * is the question; the message of a refused answer stands under it and marks its inputs invalid.
 */
export function QuestionField({
  q,
  n,
  value,
  onChange,
  errors,
}: {
  q: AssessmentQuestion;
  /** the question's number in the form, from 1 */
  n: number;
  value: string;
  onChange: (value: string) => void;
  errors: string[] | undefined;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const id = useId();
  const text = localized(q.text, language);
  const lang = text.lang === language ? undefined : text.lang;
  const words = `${n}. ${q.required ? text.text : t('assessment.optional', { text: text.text })}`;
  const label = <span lang={lang}>{words}</span>;
  const invalid = !!errors && errors.length > 0;

  if (q.type === 'number') {
    return (
      <div className="assessment-question" data-question={q.id} data-type={q.type}>
        <TextField
          type="number"
          label={label}
          hint={t('assessment.numberHint', { min: q.min, max: q.max })}
          value={value}
          min={q.min}
          max={q.max}
          step={1}
          inputMode="numeric"
          onChange={(e) => onChange(e.target.value)}
          errors={errors}
          name={q.id}
          className="assessment-number"
        />
      </div>
    );
  }
  if (q.type === 'text') {
    return (
      <div className="assessment-question" data-question={q.id} data-type={q.type}>
        <TextAreaField
          label={label}
          hint={t('assessment.textHint')}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          errors={errors}
          maxLength={TEXT_MAX}
          rows={3}
          name={q.id}
        />
      </div>
    );
  }

  const choices =
    q.type === 'choice'
      ? q.options.map((o) => ({ value: o.value, label: localized(o.label, language) }))
      : [
          { value: 'yes', label: { text: t('assessment.yes'), lang: language } },
          { value: 'no', label: { text: t('assessment.no'), lang: language } },
        ];
  return (
    <fieldset
      className={`field choice-group assessment-question${invalid ? ' field-invalid' : ''}`}
      aria-describedby={invalid ? `${id}-error` : undefined}
      data-question={q.id}
      data-type={q.type}
    >
      <legend>{label}</legend>
      <FieldError id={`${id}-error`} errors={errors} />
      <div className={q.type === 'yes_no' ? 'assessment-options assessment-options-two' : 'assessment-options'}>
        {choices.map((c) => (
          <label key={c.value} className="choice">
            <input
              type="radio"
              name={`${id}-${q.id}`}
              value={c.value}
              checked={value === c.value}
              onChange={() => onChange(c.value)}
              aria-invalid={invalid || undefined}
            />
            <span lang={c.label.lang === language ? undefined : c.label.lang}>{c.label.text}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface Common {
  /** Text, or text with a part only screen readers read (a row's name in a list). */
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[] | undefined;
}

function Described({ id, hint, errors }: { id: string; hint?: ReactNode; errors?: string[] | undefined }) {
  return (
    <>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {errors && errors.length > 0 ? (
        <p className="field-error" id={`${id}-error`}>
          <span aria-hidden="true" className="field-error-icon">
            !
          </span>{' '}
          {errors.join(' ')}
        </p>
      ) : null}
    </>
  );
}

function describedBy(id: string, hint: unknown, errors?: string[]): string | undefined {
  const parts = [];
  if (errors && errors.length > 0) parts.push(`${id}-error`);
  if (hint) parts.push(`${id}-hint`);
  return parts.length ? parts.join(' ') : undefined;
}

/** A labelled input with its hint and the server's messages for it. */
export function TextField({ label, hint, errors, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const invalid = !!errors && errors.length > 0;
  return (
    <div className={`field${invalid ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <Described id={id} hint={hint} errors={errors} />
      <input id={id} aria-invalid={invalid || undefined} aria-describedby={describedBy(id, hint, errors)} {...input} />
    </div>
  );
}

/** A labelled multi-line text with its hint and the server's messages for it. */
export function TextAreaField({ label, hint, errors, ...area }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  const invalid = !!errors && errors.length > 0;
  return (
    <div className={`field${invalid ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <Described id={id} hint={hint} errors={errors} />
      <textarea id={id} aria-invalid={invalid || undefined} aria-describedby={describedBy(id, hint, errors)} {...area} />
    </div>
  );
}

export function SelectField({
  label,
  hint,
  errors,
  children,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  const id = useId();
  const invalid = !!errors && errors.length > 0;
  return (
    <div className={`field${invalid ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <Described id={id} hint={hint} errors={errors} />
      <select id={id} aria-invalid={invalid || undefined} aria-describedby={describedBy(id, hint, errors)} {...select}>
        {children}
      </select>
    </div>
  );
}

/** A group of checkboxes or radios with one legend and one error slot. */
export function ChoiceGroup({
  legend,
  hint,
  errors,
  children,
}: {
  legend: string;
  hint?: ReactNode;
  errors?: string[] | undefined;
  children: ReactNode;
}) {
  const id = useId();
  const invalid = !!errors && errors.length > 0;
  return (
    <fieldset
      className={`field choice-group${invalid ? ' field-invalid' : ''}`}
      aria-describedby={describedBy(id, hint, errors)}
    >
      <legend>{legend}</legend>
      <Described id={id} hint={hint} errors={errors} />
      {children}
    </fieldset>
  );
}

/**
 * Moves focus to the first field with an error, in the form's order: an input marked invalid, or
 * the first choice of a group of choices (checkboxes, radios) that has an error.
 */
export function focusFirstInvalid(root: HTMLElement | null) {
  root?.querySelector<HTMLElement>('[aria-invalid="true"], .choice-group.field-invalid input')?.focus();
}

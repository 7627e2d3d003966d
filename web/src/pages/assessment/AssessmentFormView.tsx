import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as api from '../../api/assessments';
import type { Assessment, AssessmentForm } from '../../api/types';
import { FormAlert } from '../../components/Alert';
import { answerFields, answerProblems, answersOf, localized, type AnswerDraft } from '../../lib/assessment';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { useIdempotencyKey } from '../../lib/idempotency';
import { useSession } from '../../session/SessionContext';
import { QuestionField } from './QuestionField';

/**
 * A form's questions to answer for the client, sent as one assessment. Unanswered required
 * questions and numbers out of range are said at the question before sending; the server's
 * messages (`answers.<id>`) stand at their question too, and the first question with a message
 * takes the focus.
 */
export function AssessmentFormView({
  form,
  clientId,
  purpose,
  heading: Heading,
  onSaved,
  onCancel,
}: {
  form: AssessmentForm;
  clientId: string;
  purpose?: string | undefined;
  heading: 'h2' | 'h3';
  onSaved: (assessment: Assessment) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const keys = useIdempotencyKey();
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState<AnswerDraft>({});
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const title = localized(form.title, language);

  // The form opened takes the focus at its heading, so the first question is the next Tab.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!errors.alert) return;
    const first = formRef.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]');
    if (!first) return;
    // In a radio group the chosen radio, if any, is the one Tab would reach.
    const group = first.type === 'radio' ? formRef.current?.querySelector<HTMLInputElement>(`input[name="${first.name}"]:checked`) : null;
    (group ?? first).focus();
  }, [errors]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const problems = answerProblems(form, draft);
    if (Object.keys(problems).length > 0) {
      const byField: Record<string, string[]> = {};
      for (const q of form.questions) {
        const p = problems[q.id];
        if (!p) continue;
        const range = q.type === 'number' ? { min: q.min, max: q.max } : {};
        byField[`answers.${q.id}`] = [t(`assessment.problems.${p}`, range)];
      }
      setErrors({ byField, alert: t('errors.checkFields') });
      return;
    }
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const saved = await api.addAssessment(clientId, { form_id: form.id, answers: answersOf(form, draft) }, keys.key(), purpose);
      keys.settle();
      onSaved(saved);
    } catch (err) {
      keys.settle(err);
      const found = formErrors(t, err, ['form_id', ...answerFields(form)]);
      setErrors(found.byField.form_id ? { ...found, alert: t('assessment.formGone') } : found);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} className="form assessment-form" onSubmit={(e) => void submit(e)} noValidate data-testid="assessment-form" data-form-id={form.id}>
      <div>
        <Heading ref={headingRef} tabIndex={-1} className="assessment-form-title" lang={title.lang === language ? undefined : title.lang}>
          {title.text}
        </Heading>
        <p className="small muted">
          {t('assessment.history.version', { version: form.version })} · {t('assessment.formIntro')}
        </p>
      </div>
      {form.questions.map((q, i) => (
        <QuestionField
          key={q.id}
          q={q}
          n={i + 1}
          value={draft[q.id] ?? ''}
          onChange={(v) => setDraft((d) => ({ ...d, [q.id]: v }))}
          errors={errors.byField[`answers.${q.id}`]}
        />
      ))}
      <FormAlert message={errors.alert} requestId={errors.requestId} />
      <div className="actions">
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined} data-testid="assessment-submit">
          {busy ? t('assessment.saving') : t('assessment.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('assessment.cancel')}
        </button>
      </div>
    </form>
  );
}

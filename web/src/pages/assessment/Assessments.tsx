import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as api from '../../api/assessments';
import type { Assessment } from '../../api/types';
import { Status } from '../../components/Alert';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Page';
import { defaultForm, latestVersions, localized } from '../../lib/assessment';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { AssessmentHistory, AssessmentResult, type SuggestionAction } from './AssessmentBits';
import { AssessmentFormView } from './AssessmentFormView';

/**
 * A client's needs assessments, for the advice desk's panel and the client's own page: start one
 * on the region's form (the latest version; a choice when the region has several), answer and
 * save it, see its score and suggested services, and the earlier ones, newest first.
 */
export function Assessments({
  clientId,
  clientName,
  regionId,
  purpose,
  ownPage,
  action,
  heading,
}: {
  clientId: string;
  clientName: string;
  regionId: string;
  /** the advisor's reason for looking, for the client's access log */
  purpose?: string | undefined;
  /** the signed-in person's own assessments ("filled in by yourself") */
  ownPage: boolean;
  action: SuggestionAction;
  /** the level of this part's headings */
  heading: 'h2' | 'h3';
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const selectId = useId();
  const forms = useAsync(() => api.listRegionForms(regionId), [regionId]);
  const history = useAsync(() => api.listAssessments(clientId, purpose), [clientId, purpose]);
  const [formId, setFormId] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<Assessment | null>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const focusStart = useRef(false);
  const Sub = heading === 'h2' ? 'h3' : 'h4';

  const list = forms.data ?? [];
  const form = list.find((f) => f.id === formId) ?? defaultForm(list);
  const latest = latestVersions(list);

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);
  useEffect(() => {
    if (!open && focusStart.current) startRef.current?.focus();
    focusStart.current = false;
  }, [open]);

  const H = heading;
  return (
    <div className="assessments">
      <Status>{result ? (ownPage ? t('assessment.savedOwn') : t('assessment.saved', { name: clientName })) : null}</Status>
      {result ? <AssessmentResult ref={resultRef} assessment={result} clientName={clientName} action={action} heading={heading} /> : null}
      {forms.error ? <LoadError error={forms.error} onRetry={() => void forms.reload()} /> : null}
      {forms.loading && !forms.data ? <Loading /> : null}
      {forms.data && !form ? (
        <p className="empty" data-testid="assessment-no-forms">
          {t('assessment.noForms')}
        </p>
      ) : null}
      {form && open ? (
        <AssessmentFormView
          key={form.id}
          form={form}
          clientId={clientId}
          purpose={purpose}
          heading={heading}
          onSaved={(a) => {
            history.setData((old) => [a, ...(old ?? []).filter((x) => x.id !== a.id)]);
            setResult(a);
            setOpen(false);
          }}
          onCancel={() => {
            focusStart.current = true;
            setOpen(false);
          }}
        />
      ) : null}
      {form && !open ? (
        <div className="assessment-start">
          {list.length > 1 ? (
            <div className="field field-inline">
              <label htmlFor={selectId}>{t('assessment.form')}</label>
              <select id={selectId} value={form.id} onChange={(e) => setFormId(e.target.value)} data-testid="assessment-form-choice">
                {list.map((f) => (
                  <option key={f.id} value={f.id}>
                    {t('assessment.formVersion', { title: localized(f.title, language).text, version: f.version })}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <p className="muted">{t('assessment.formVersion', { title: localized(form.title, language).text, version: form.version })}</p>
          )}
          <button
            ref={startRef}
            type="button"
            className="button button-primary"
            onClick={() => {
              setResult(null);
              setOpen(true);
            }}
            data-testid="assessment-start"
          >
            {result || (history.data && history.data.length > 0) ? t('assessment.startAgain') : t('assessment.start')}
          </button>
        </div>
      ) : null}
      <H className="assessment-history-title">{ownPage ? t('assessment.history.titleOwn') : t('assessment.history.title')}</H>
      {history.error ? <LoadError error={history.error} onRetry={() => void history.reload()} /> : null}
      {history.loading && !history.data ? <Loading /> : null}
      {history.data && history.data.length === 0 ? (
        <p className="empty" data-testid="assessments-empty">
          {ownPage ? t('assessment.history.noneOwn') : t('assessment.history.none', { name: clientName })}
        </p>
      ) : null}
      {history.data && history.data.length > 0 ? (
        <AssessmentHistory items={history.data} latest={latest} ownPage={ownPage} action={action} heading={Sub} />
      ) : null}
    </div>
  );
}

import { forwardRef, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import * as api from '../../api/assessments';
import type { Assessment, AssessmentForm, SuggestedCategory } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { Loading } from '../../components/Page';
import { answerText, filledByKey, localized, versionOf } from '../../lib/assessment';
import { generalMessage } from '../../lib/errors';
import { useSession } from '../../session/SessionContext';

const formsAsked = new Map<string, Promise<AssessmentForm>>();

/** A form in one version, asked once per page load (versions never change). */
function askForm(id: string): Promise<AssessmentForm> {
  let asked = formsAsked.get(id);
  if (!asked) {
    asked = api.getForm(id).catch((e: unknown) => {
      formsAsked.delete(id);
      throw e;
    });
    formsAsked.set(id, asked);
  }
  return asked;
}

/**
 * What a suggested category leads to: on the advice desk a button that searches services of that
 * type for the client; on the client's own page a link to those services in the shop.
 */
export type SuggestionAction = { kind: 'search'; onChoose: (category: string) => void } | { kind: 'shop' };

/** The suggested categories as buttons or links, by their names in the reader's language. */
export function Suggestions({ items, action }: { items: SuggestedCategory[]; action: SuggestionAction }) {
  const { t } = useTranslation();
  const { language } = useSession();
  return (
    <ul className="assessment-suggestions">
      {items.map((c) => {
        const name = localized(c.names, language);
        const words = <span lang={name.lang === language ? undefined : name.lang}>{name.text || c.code}</span>;
        return (
          <li key={c.code}>
            {action.kind === 'search' ? (
              <button
                type="button"
                className="button button-secondary assessment-suggestion"
                onClick={() => action.onChoose(c.code)}
                data-testid="suggestion"
                data-category={c.code}
              >
                <span className="visually-hidden">{t('assessment.result.search')} </span>
                {words}
              </button>
            ) : (
              <Link
                to={`/services?${new URLSearchParams({ category: c.code }).toString()}`}
                className="button button-secondary assessment-suggestion"
                data-testid="suggestion"
                data-category={c.code}
              >
                <span className="visually-hidden">{t('assessment.result.see')} </span>
                {words}
              </Link>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The assessment just saved: its score out of the form's maximum and the services it suggests. */
export const AssessmentResult = forwardRef<
  HTMLHeadingElement,
  { assessment: Assessment; clientName: string; action: SuggestionAction; heading: 'h2' | 'h3' }
>(function AssessmentResult({ assessment: a, clientName, action, heading: Heading }, ref) {
  const { t } = useTranslation();
  return (
    <div className="assessment-result" data-testid="assessment-result" data-assessment-id={a.id}>
      <Heading ref={ref} tabIndex={-1} className="assessment-result-title">
        {t('assessment.result.title')}
      </Heading>
      <p className="assessment-score" data-testid="assessment-score">
        {t('assessment.result.score', { score: a.score, max: a.max_score })}
      </p>
      <p className="assessment-label">{t('assessment.result.suggestions')}</p>
      {a.suggested_categories.length > 0 ? (
        <>
          <Suggestions items={a.suggested_categories} action={action} />
          <p className="small muted">
            {action.kind === 'search' ? t('assessment.result.searchHint', { name: clientName }) : t('assessment.result.shopHint')}
          </p>
        </>
      ) : (
        <p>{t('assessment.result.none')}</p>
      )}
    </div>
  );
});

/** The answers of an earlier assessment, with the questions of the version it was given on. */
function AnswersList({ a }: { a: Assessment }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const [form, setForm] = useState<AssessmentForm | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    askForm(a.form_id).then(
      (f) => live && setForm(f),
      (e: unknown) => live && setFailed(e ?? new Error('failed')),
    );
    return () => {
      live = false;
    };
  }, [a.form_id]);
  const problem = failed ? `${t('assessment.history.answersFailed')} ${generalMessage(t, failed)}` : null;
  if (problem) {
    return (
      <p className="field-error" role="alert">
        {problem}
      </p>
    );
  }
  if (!form) return <Loading />;
  const yesNo = { yes: t('assessment.yes'), no: t('assessment.no') };
  return (
    <dl className="facts assessment-answers" data-testid="assessment-answers">
      {form.questions.map((q) => {
        const text = localized(q.text, language);
        const answer = answerText(q, a.answers[q.id], language, yesNo);
        return (
          <div key={q.id}>
            <dt lang={text.lang === language ? undefined : text.lang}>{text.text}</dt>
            <dd className={answer ? undefined : 'muted'}>{answer || t('assessment.history.noAnswer')}</dd>
          </div>
        );
      })}
    </dl>
  );
}

/** One earlier assessment: when, who filled it in, on which version of which form, score, suggestions. */
function AssessmentItem({
  a,
  latest,
  ownPage,
  action,
  heading: Heading,
}: {
  a: Assessment;
  latest: Readonly<Record<string, number>>;
  ownPage: boolean;
  action: SuggestionAction;
  heading: 'h3' | 'h4';
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const [open, setOpen] = useState(false);
  const title = localized(a.form_title, language);
  const v = versionOf(a, latest);
  const versionText = v.latest
    ? t('assessment.history.versionOlder', { version: v.version, latest: v.latest })
    : v.older
      ? t('assessment.history.versionOld', { version: v.version })
      : t('assessment.history.version', { version: v.version });
  const answersId = `answers-${a.id}`;
  return (
    <li className="item assessment-item" data-testid="assessment" data-assessment-id={a.id} data-version={a.form_version}>
      <div className="item-main">
        <Heading className="item-title">
          <span lang={title.lang === language ? undefined : title.lang}>{title.text}</span>{' '}
          <span className={v.older ? 'badge badge-warn' : 'badge'} data-testid="assessment-version">
            {versionText}
          </span>
        </Heading>
        <dl className="facts facts-inline">
          <div>
            <dt>{t('assessment.history.date')}</dt>
            <dd>
              <DateTime value={a.created_at} />
            </dd>
          </div>
          <div>
            <dt>{t('assessment.history.filledBy')}</dt>
            <dd data-testid="assessment-filled-by">{t(filledByKey(a.filled_as, ownPage), { name: a.filled_by_name })}</dd>
          </div>
          <div>
            <dt>{t('assessment.history.score')}</dt>
            <dd>{t('assessment.result.score', { score: a.score, max: a.max_score })}</dd>
          </div>
        </dl>
        <p className="assessment-label">{t('assessment.history.suggested')}</p>
        {a.suggested_categories.length > 0 ? (
          <Suggestions items={a.suggested_categories} action={action} />
        ) : (
          <p className="muted">{t('assessment.history.noSuggestions')}</p>
        )}
        <button type="button" className="button button-link" aria-expanded={open} aria-controls={answersId} onClick={() => setOpen(!open)}>
          {open ? t('assessment.history.hideAnswers') : t('assessment.history.showAnswers')}
        </button>
        <div id={answersId}>{open ? <AnswersList a={a} /> : null}</div>
      </div>
    </li>
  );
}

/** The client's assessments, newest first; one on an older version of its form says so. */
export function AssessmentHistory({
  items,
  latest,
  ownPage,
  action,
  heading,
}: {
  items: Assessment[];
  latest: Readonly<Record<string, number>>;
  ownPage: boolean;
  action: SuggestionAction;
  heading: 'h3' | 'h4';
}) {
  return (
    <ol className="item-list assessment-history" data-testid="assessments">
      {items.map((a) => (
        <AssessmentItem key={a.id} a={a} latest={latest} ownPage={ownPage} action={action} heading={heading} />
      ))}
    </ol>
  );
}

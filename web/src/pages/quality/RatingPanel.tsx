import './quality.css';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import * as api from '../../api/quality';
import type { VisitRating } from '../../api/quality';
import { ApiError } from '../../api/problem';
import { FormAlert, Notice, Status } from '../../components/Alert';
import { TextAreaField } from '../../components/Field';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { STARS, starKey, whyNotRatable } from '../../lib/quality';
import { useSession } from '../../session/SessionContext';

/** The longest comment the server takes. */
const COMMENT_MAX = 1000;

/**
 * The one question after a visit: five big buttons, 1 to 5 stars each with its words, and one tap
 * sends the rating (PUT). Then "Anything to add?" with its own Send, and a thank-you; a rating of
 * 1 or 2 says that a coordinator will be in touch. A given rating shows pressed and may be changed
 * while the visit can be rated; otherwise the reason is said in words.
 */
export function RatingPanel({
  view,
  onChange,
  headingLevel = 'h2',
  question,
}: {
  view: VisitRating;
  onChange: (view: VisitRating) => void;
  /** the question's element: the page's own h1 says the title, the inline panel has an h3 */
  headingLevel?: 'h2' | 'h3';
  /** the question's text; "How did the visit go?" by default */
  question?: string;
}) {
  const { t } = useTranslation();
  const { language, timeZone } = useSession();
  const questionId = useId();
  const [pending, setPending] = useState<number | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [said, setSaid] = useState<string | null>(null);
  const [comment, setComment] = useState(view.rating?.comment ?? '');
  const [commentBusy, setCommentBusy] = useState(false);
  const [commentSaved, setCommentSaved] = useState(false);
  const given = view.rating;
  const why = whyNotRatable(view);
  const Heading = headingLevel;

  // Another visit (or a reloaded one) starts from its own comment.
  useEffect(() => setComment(view.rating?.comment ?? ''), [view.visit_id, view.rating?.comment]);

  async function rate(stars: number) {
    if (pending !== null || commentBusy) return;
    setPending(stars);
    setErrors(NO_ERRORS);
    setSaid(null);
    setCommentSaved(false);
    try {
      // The comment already given stays with the new stars.
      const { view: next } = await api.rateVisit(view.visit_id, stars, given?.comment ? given.comment : undefined);
      onChange(next);
      setSaid(t('quality.rate.thanks', { stars }));
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setErrors({ byField: {}, alert: t('quality.rate.conflict') });
        void api.getVisitRating(view.visit_id).then(onChange, () => undefined);
      } else {
        setErrors(formErrors(t, e, ['stars', 'comment']));
      }
    } finally {
      setPending(null);
    }
  }

  async function sendComment() {
    if (!given || commentBusy) return;
    setCommentBusy(true);
    setErrors(NO_ERRORS);
    setCommentSaved(false);
    try {
      const { view: next } = await api.rateVisit(view.visit_id, given.stars, comment.trim());
      onChange(next);
      setCommentSaved(true);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setErrors({ byField: {}, alert: t('quality.rate.conflict') });
        void api.getVisitRating(view.visit_id).then(onChange, () => undefined);
      } else {
        setErrors(formErrors(t, e, ['stars', 'comment']));
      }
    } finally {
      setCommentBusy(false);
    }
  }

  if (why) {
    return (
      <div className="rating-panel" data-testid="rating-panel" data-can-rate="false">
        <Notice>
          <p data-testid="rating-why-not">
            {t(why, { date: formatDateTime(view.rate_until, language, { timeZone }) })}
          </p>
        </Notice>
        {given ? (
          <p className="rating-given" data-testid="rating-given" data-stars={given.stars}>
            <span aria-hidden="true" className="rating-given-stars">
              {'★'.repeat(given.stars)}
            </span>{' '}
            {t('quality.rate.youGave', { stars: given.stars, words: t(starKey(given.stars)) })}
            {given.comment ? (
              <q className="rating-given-comment">{given.comment}</q>
            ) : null}
          </p>
        ) : null}
      </div>
    );
  }

  return (
    <div className="rating-panel" data-testid="rating-panel" data-can-rate="true" data-stars={given?.stars ?? ''}>
      <Heading id={questionId} className="rating-question">
        {question ?? t('quality.rate.question')}
      </Heading>
      {given ? (
        <p className="rating-hint">{t('quality.rate.changeHint', { date: formatDateTime(view.rate_until, language, { timeZone }) })}</p>
      ) : question ? null : (
        <p className="rating-hint">{t('quality.rate.hint')}</p>
      )}
      <div className="star-buttons" role="group" aria-labelledby={questionId} data-testid="star-buttons">
        {STARS.map((n) => (
          <button
            key={n}
            type="button"
            className={`star-button${given?.stars === n ? ' star-button-chosen' : ''}`}
            aria-pressed={given?.stars === n}
            aria-disabled={pending !== null ? 'true' : undefined}
            onClick={() => void rate(n)}
            data-testid={`star-${n}`}
            data-stars={n}
          >
            <span className="star-icons" aria-hidden="true">
              {'★'.repeat(n)}
            </span>
            <span className="star-words">
              <span className="star-number">{n}</span> <span className="star-label">{t(starKey(n))}</span>
            </span>
            {pending === n ? <span className="visually-hidden">{t('quality.rate.sending')}</span> : null}
          </button>
        ))}
      </div>
      <FormAlert message={errors.alert} requestId={errors.requestId} />
      {errors.byField.stars ? <p className="field-error">{errors.byField.stars.join(' ')}</p> : null}
      <Status>{said}</Status>
      {given?.follow_up ? (
        <Notice>
          <p data-testid="rating-follow-up">{t('quality.rate.followUp')}</p>
        </Notice>
      ) : null}
      {given ? (
        <div className="rating-comment">
          <TextAreaField
            label={t('quality.rate.commentLabel')}
            hint={t('quality.rate.commentHint')}
            value={comment}
            onChange={(e) => {
              setComment(e.target.value);
              setCommentSaved(false);
            }}
            errors={errors.byField.comment}
            maxLength={COMMENT_MAX}
            rows={3}
            data-testid="rating-comment"
          />
          <div className="actions">
            <button
              type="button"
              className="button button-primary rating-send"
              aria-disabled={commentBusy ? 'true' : undefined}
              onClick={() => void sendComment()}
              data-testid="rating-send"
            >
              {commentBusy ? t('quality.rate.sending') : t('quality.rate.send')}
            </button>
          </div>
          <Status>{commentSaved ? t('quality.rate.commentSaved') : null}</Status>
          <p className="small muted rating-complain">
            {t('quality.rate.complainHint')}{' '}
            <Link to={`/cases/new?order=${encodeURIComponent(view.order_id)}&visit=${encodeURIComponent(view.visit_id)}`} data-testid="rating-complain">
              {t('quality.rate.complain')}
            </Link>
          </p>
        </div>
      ) : null}
    </div>
  );
}

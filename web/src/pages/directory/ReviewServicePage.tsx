import './directory.css';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import * as directory from '../../api/directory';
import { ApiError } from '../../api/problem';
import type { ServiceContent } from '../../api/types';
import { FormAlert, Notice } from '../../components/Alert';
import { TextAreaField } from '../../components/Field';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { useDirectoryNames } from '../../lib/directoryData';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { changedParts } from '../../lib/serviceForm';
import { langAttr, pickText } from '../../lib/serviceText';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { NotFoundPage } from '../errors/NotFoundPage';
import { ServiceView } from '../shop/ServiceView';
import { ServiceHistory } from './ServiceHistory';
import { StateBadge } from './StateBadge';

function Version({ title, content, provider, testId }: { title: string; content: ServiceContent; provider: { id: string; name: string }; testId: string }) {
  const { language } = useSession();
  const { t } = useTranslation();
  const names = useDirectoryNames();
  const name = pickText(content.name, language);
  return (
    <section className="review-version card" aria-label={title} data-testid={testId}>
      <p className="review-version-title">{title}</p>
      <h2 className="review-name" lang={langAttr(name, language)}>
        {name.text || t('shop.unnamed')}
      </h2>
      <ServiceView content={content} provider={provider} names={names} level={3} />
    </section>
  );
}

/** One service in review: the proposal beside what is published, then publish or send back with a comment. */
export function ReviewServicePage() {
  const { t } = useTranslation();
  const { serviceId = '' } = useParams();
  const navigate = useNavigate();
  const { language } = useSession();
  const loaded = useAsync(() => directory.getManagedService(serviceId), [serviceId]);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  if (loaded.error instanceof ApiError && loaded.error.status === 404) return <NotFoundPage />;
  if (loaded.error) {
    return (
      <Page title={t('review.title')}>
        <LoadError error={loaded.error} onRetry={() => void loaded.reload()} />
      </Page>
    );
  }
  if (!loaded.data) return <Loading />;
  const { value: s, etag } = loaded.data;
  const proposal = s.draft;
  const name = pickText((s.draft ?? s.published)?.name, language);
  const changed = changedParts(s.published, s.draft);
  const inReview = s.state === 'in_review';

  const decide = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      await work();
      navigate('/review', { state: { status: done } });
    } catch (err) {
      setErrors(formErrors(t, err, ['comment'], { 409: t('review.notInReviewAnymore'), 412: t('editor.stale') }));
    } finally {
      setBusy(false);
    }
  };

  const publish = () => decide(() => directory.stepService('publish', s.id, etag), t('review.published', { name: name.text }));

  const sendBack = (e: FormEvent) => {
    e.preventDefault();
    if (!comment.trim()) {
      setErrors({ byField: { comment: [t('review.commentRequired')] }, alert: t('errors.checkFields') });
      return;
    }
    void decide(() => directory.requestServiceChanges(s.id, etag, comment.trim()), t('review.sentBack', { name: name.text }));
  };

  return (
    <Page title={name.text || t('shop.unnamed')} titleLang={langAttr(name, language)} wide>
      <p className="back-link">
        <Link to="/review">{t('review.backToQueue')}</Link>
      </p>
      <p>
        {s.provider.name} · <StateBadge state={s.state} />
      </p>
      {!inReview ? (
        <Notice tone="warning">
          <p>{t('review.notInReview')}</p>
        </Notice>
      ) : null}
      <section className="card" aria-labelledby="changed-heading">
        <h2 id="changed-heading">{s.published ? t('review.whatChanged') : t('review.newServiceTitle')}</h2>
        {s.published ? (
          changed.length ? (
            <ul className="chips" data-testid="changed-parts">
              {changed.map((p) => (
                <li key={p} className="chip">
                  {t(`review.parts.${p}`)}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('review.nothingChanged')}</p>
          )
        ) : (
          <p>{t('review.newServiceIntro')}</p>
        )}
      </section>
      <div className={s.published && proposal ? 'review-columns' : 'review-single'}>
        {proposal ? <Version title={t('review.proposal')} content={proposal} provider={s.provider} testId="review-proposal" /> : null}
        {s.published ? <Version title={t('review.publishedNow')} content={s.published} provider={s.provider} testId="review-published" /> : null}
      </div>
      {inReview ? (
        <section className="card decision" aria-labelledby="decision-heading">
          <h2 id="decision-heading">{t('review.decision')}</h2>
          <FormAlert message={errors.alert} requestId={errors.requestId} />
          <div className="actions">
            <button
              type="button"
              className="button button-primary"
              aria-disabled={busy || undefined}
              onClick={() => {
                if (!busy) void publish();
              }}
              data-testid="publish"
            >
              {t('review.publish')}
            </button>
          </div>
          <form className="form request-changes" onSubmit={sendBack} noValidate aria-labelledby="changes-heading">
            <h3 id="changes-heading">{t('review.requestChangesTitle')}</h3>
            <TextAreaField
              label={t('review.comment')}
              hint={t('review.commentHint')}
              name="comment"
              rows={5}
              maxLength={4000}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              errors={errors.byField.comment}
              required
              data-testid="review-comment-input"
            />
            <div className="actions">
              <button type="submit" className="button button-secondary" aria-disabled={busy || undefined} data-testid="request-changes">
                {t('review.requestChanges')}
              </button>
            </div>
          </form>
        </section>
      ) : null}
      <ServiceHistory serviceId={s.id} reloadKey={0} />
    </Page>
  );
}

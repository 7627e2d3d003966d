import './quality.css';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import * as api from '../../api/quality';
import { ApiError } from '../../api/problem';
import { Notice } from '../../components/Alert';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { useDirectoryNames } from '../../lib/directoryData';
import { formatLocalDate } from '../../lib/quality';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { NotFoundPage } from '../errors/NotFoundPage';
import { RatingPanel } from './RatingPanel';

/**
 * /visits/:id/rate, the link of the rating notification and e-mail: the visit in large type (what,
 * who, which day), the question and its five buttons. For the client or a delegate; anyone else
 * is told in words that the visit is not theirs to rate (the server's 403), or gets the not-found
 * page for a visit that does not exist.
 */
export function RateVisitPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { language } = useSession();
  const names = useDirectoryNames();
  const visit = useAsync(() => api.getVisitRating(id), [id]);

  if (visit.error instanceof ApiError && visit.error.status === 404) return <NotFoundPage />;
  if (visit.error instanceof ApiError && visit.error.status === 403) {
    return (
      <Page title={t('quality.rate.title')}>
        <Notice>
          <p data-testid="rate-not-yours">{t('quality.rate.notYours')}</p>
        </Notice>
      </Page>
    );
  }
  if (visit.error) {
    return (
      <Page title={t('quality.rate.title')}>
        <LoadError error={visit.error} onRetry={() => void visit.reload()} />
      </Page>
    );
  }
  if (!visit.data) {
    return (
      <Page title={t('quality.rate.title')}>
        <Loading />
      </Page>
    );
  }
  const v = visit.data;
  return (
    <Page title={t('quality.rate.question')}>
      <div className="rate-page" data-testid="rate-page" data-visit-id={v.visit_id}>
        <dl className="rate-visit" data-testid="rate-visit">
          <div>
            <dt>{t('quality.rate.service')}</dt>
            <dd data-testid="rate-category">{names.categoryName(v.category)}</dd>
          </div>
          {v.provider_name ? (
            <div>
              <dt>{t('quality.rate.provider')}</dt>
              <dd data-testid="rate-provider">{v.provider_name}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('quality.rate.date')}</dt>
            <dd data-testid="rate-date">{formatLocalDate(v.local_date, language)}</dd>
          </div>
        </dl>
        <RatingPanel view={v} onChange={(next) => visit.setData(() => next)} question={t('quality.rate.tapOne')} />
        <p className="rate-back">
          <Link to={`/orders/${encodeURIComponent(v.order_id)}`} data-testid="rate-order-link">
            {t('quality.rate.toOrder')}
          </Link>
        </p>
      </div>
    </Page>
  );
}

import './directory.css';
import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import * as directory from '../../api/directory';
import { Notice, Status } from '../../components/Alert';
import { DateTime } from '../../components/DateTime';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { reviewedRegions } from '../../lib/roles';
import { langAttr, pickText } from '../../lib/serviceText';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';

function RegionQueue({ regionId, heading }: { regionId: string; heading: string | null }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const queue = useAsync(() => directory.reviewQueue(regionId), [regionId]);
  // Under the page's h1 directly, or under the region's h2 when there are several regions.
  const ItemHeading = heading ? 'h3' : 'h2';
  return (
    <section className="section" aria-label={heading ?? t('review.queue')} data-testid="review-queue">
      {heading ? <h2>{heading}</h2> : null}
      {queue.error ? <LoadError error={queue.error} onRetry={() => void queue.reload()} /> : null}
      {queue.loading && !queue.data ? <Loading /> : null}
      {queue.data && queue.data.length === 0 ? <p className="empty">{t('review.empty')}</p> : null}
      {queue.data && queue.data.length > 0 ? (
        <>
          <p className="muted">{t('review.count', { count: queue.data.length })}</p>
          <ol className="item-list">
            {queue.data.map((s) => {
              const name = pickText((s.draft ?? s.published)?.name, language);
              return (
                <li key={s.id} className="item" data-service-id={s.id}>
                  <div className="item-main">
                    <ItemHeading className="item-title">
                      <Link to={`/review/${s.id}`} lang={langAttr(name, language)}>
                        {name.text || t('shop.unnamed')}
                      </Link>
                    </ItemHeading>
                    <p className="small">
                      {s.provider.name} ·{' '}
                      <span className={s.published ? 'badge' : 'badge badge-info'}>
                        {s.published ? t('review.changeToPublished') : t('review.newService')}
                      </span>
                    </p>
                    {s.updated_at ? (
                      <p className="muted small">
                        {t('review.sent')} <DateTime value={s.updated_at} />
                      </p>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      ) : null}
    </section>
  );
}

/** The coordinator's queue: services waiting for review in their region, oldest first. */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const regions = session.viewer ? reviewedRegions(session.viewer) : [];
  const navigate = useNavigate();
  const [status, setStatus] = useState<string | null>(null);
  // The outcome of the decision just made; shown once, then forgotten (a reload does not repeat it).
  useEffect(() => {
    const s = (location.state as { status?: string } | null)?.status;
    if (!s) return;
    setStatus(s);
    navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate]);
  return (
    <Page title={t('review.title')} intro={t('review.intro')} wide>
      <Status>{status}</Status>
      {regions.length === 0 ? (
        <Notice>
          <p>{t('review.notCoordinator')}</p>
        </Notice>
      ) : null}
      {regions.map((r) => (
        <RegionQueue
          key={r}
          regionId={r}
          heading={regions.length > 1 ? session.regions.find((x) => x.id === r)?.name ?? r : null}
        />
      ))}
    </Page>
  );
}

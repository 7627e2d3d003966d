import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import * as directory from '../../api/directory';
import { ApiError } from '../../api/problem';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { useDirectoryNames } from '../../lib/directoryData';
import { langAttr, pickText } from '../../lib/serviceText';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { NotFoundPage } from '../errors/NotFoundPage';
import { lastSearch } from './lastSearch';
import { CompareBar, CompareToggle } from './ServiceBits';
import { ServiceView } from './ServiceView';

/** A published service for anyone: every detail, the deduction estimate and the way to order it. */
export function ServicePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { language, status } = useSession();
  const visitor = status === 'anonymous';
  const names = useDirectoryNames();
  const service = useAsync(() => directory.getPublicService(id), [id]);

  if (service.error instanceof ApiError && service.error.status === 404) return <NotFoundPage />;
  if (service.error) {
    return (
      <Page title={t('service.title')}>
        <LoadError error={service.error} onRetry={() => void service.reload()} />
      </Page>
    );
  }
  if (!service.data) return <Loading />;
  const s = service.data;
  const name = pickText(s.name, language);
  return (
    <Page title={name.text || t('shop.unnamed')} titleLang={langAttr(name, language)} wide>
      <p className="back-link">
        <Link to={lastSearch() ?? '/services'}>{t('service.backToResults')}</Link>
      </p>
      <ServiceView content={s} provider={s.provider} names={names} rating={s.rating ?? null}>
        <div className="order-box">
          <Link
            to={`/services/${s.id}/order`}
            className="button button-primary button-large order-link"
            aria-describedby={visitor ? 'order-note' : undefined}
            data-testid="order-button"
          >
            {t('service.order')}
          </Link>
          {visitor ? (
            <p id="order-note" className="small" data-testid="order-note">
              {t('service.orderNote')}
            </p>
          ) : null}
          <CompareToggle id={s.id} name={name.text} />
        </div>
      </ServiceView>
      <CompareBar />
    </Page>
  );
}

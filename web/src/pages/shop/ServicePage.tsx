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

/** A published service for anyone: every detail, the deduction estimate and the order button. */
export function ServicePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { language } = useSession();
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
          <button
            type="button"
            className="button button-primary button-large"
            disabled
            aria-describedby="order-note"
            data-testid="order-button"
          >
            {t('service.order')}
          </button>
          <p id="order-note" className="small" data-testid="order-note">
            {t('service.orderSoon')}
          </p>
          <CompareToggle id={s.id} name={name.text} />
        </div>
      </ServiceView>
      <CompareBar />
    </Page>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Page } from '../../components/Page';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('errors.notFoundTitle')} intro={t('errors.notFoundText')}>
      <p className="big-code" aria-hidden="true">
        404
      </p>
      <p>
        <Link className="button button-primary" to="/">
          {t('errors.goHome')}
        </Link>
      </p>
    </Page>
  );
}

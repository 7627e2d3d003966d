import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem';
import { generalMessage } from '../lib/errors';

/** A failed load, in words, with a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const requestId = error instanceof ApiError && error.status >= 500 ? error.problem.request_id : undefined;
  return (
    <div className="alert alert-error" role="alert">
      <p>{generalMessage(t, error)}</p>
      {requestId ? <p className="muted small">{t('errors.requestId', { id: requestId })}</p> : null}
      {onRetry ? (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      ) : null}
    </div>
  );
}

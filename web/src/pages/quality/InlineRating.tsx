import { useTranslation } from 'react-i18next';
import * as api from '../../api/quality';
import { useAsync } from '../../lib/useAsync';
import { RatingPanel } from './RatingPanel';

/**
 * The rating right where the client confirmed the visit: the same five buttons, one tap. Nothing
 * shows when the visit cannot be read for rating (the link to the rating page stays).
 */
export function InlineRating({ visitId }: { visitId: string }) {
  const { t } = useTranslation();
  const view = useAsync(() => api.getVisitRating(visitId), [visitId]);
  if (!view.data || !view.data.can_rate) return null;
  return (
    <div className="visit-rating" data-testid="inline-rating">
      <p className="small">{t('quality.rate.afterConfirm')}</p>
      <RatingPanel view={view.data} onChange={(next) => view.setData(() => next)} headingLevel="h3" />
    </div>
  );
}

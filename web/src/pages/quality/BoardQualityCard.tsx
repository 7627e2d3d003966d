import './quality.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import * as api from '../../api/quality';
import { useAsync } from '../../lib/useAsync';
import { useQualityPurpose } from './CasePage';

/**
 * On the coordinators' board: how many complaints, deviations and follow-ups are open in the
 * region and how many are past their deadline, with the way to the queue. Loaded once with the
 * board (a page of one case: only the counts are shown).
 */
export function BoardQualityCard({ regionId }: { regionId: string }) {
  const { t } = useTranslation();
  const purpose = useQualityPurpose();
  const page = useAsync(() => api.listRegionCases(regionId, { state: 'open', limit: 0 }, purpose), [regionId]);
  const counts = page.data?.counts;
  const open = counts ? counts.received + counts.investigating + counts.action_taken : null;
  return (
    <section className={`card board-quality${counts && counts.overdue > 0 ? ' highlight' : ''}`} aria-labelledby="board-quality-heading" data-testid="board-quality">
      <div>
        <h2 id="board-quality-heading">{t('quality.board.title')}</h2>
        {page.error ? (
          <p className="muted">{t('quality.board.unavailable')}</p>
        ) : open === null ? (
          <p className="muted">{t('common.loading')}</p>
        ) : (
          <p data-testid="board-quality-counts" data-open={open} data-overdue={counts!.overdue}>
            {t('quality.board.open', { count: open })}
            {counts!.overdue > 0 ? (
              <>
                {' '}
                <strong className="board-quality-overdue">{t('quality.board.overdue', { count: counts!.overdue })}</strong>
              </>
            ) : null}
          </p>
        )}
      </div>
      <Link className="button button-secondary" to="/coordinator/cases" data-testid="board-quality-link">
        {t('quality.board.link')}
      </Link>
    </section>
  );
}

import './quality.css';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import * as api from '../../api/quality';
import type { ProviderRating, QualityCaseSummary, QueueState } from '../../api/quality';
import { ApiError } from '../../api/problem';
import { FormAlert, Notice } from '../../components/Alert';
import { SelectField } from '../../components/Field';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { useDirectoryNames } from '../../lib/directoryData';
import { generalMessage } from '../../lib/errors';
import { formatMonth, starKey } from '../../lib/quality';
import { editedProviders } from '../../lib/roles';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { useQualityPurpose } from './CasePage';
import { CaseRow, ScoreView } from './QualityBits';

/** A cursor-paged list: the items so far, the next cursor, loading and failing. */
function usePaged<T>(load: (cursor: string | null) => Promise<{ items: T[]; next_cursor: string | null }>, deps: readonly unknown[]) {
  const [items, setItems] = useState<T[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const first = useCallback(load, deps);
  const reload = useCallback(async () => {
    setItems(null);
    setError(null);
    try {
      const page = await first(null);
      setItems(page.items);
      setCursor(page.next_cursor);
    } catch (e) {
      setError(e);
    }
  }, [first]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const more = async () => {
    if (!cursor) return;
    setBusy(true);
    setMoreError(null);
    try {
      const page = await first(cursor);
      setItems((old) => [...(old ?? []), ...page.items]);
      setCursor(page.next_cursor);
    } catch (e) {
      setMoreError(generalMessage(t, e));
    } finally {
      setBusy(false);
    }
  };
  return { items, cursor, error, moreError, busy, reload, more };
}

/**
 * /provider/quality: a provider's admins see their quality score explained as the public sees it,
 * their ratings (newest first, no client named) and the complaints, deviations and follow-ups about
 * them; each case opens where they add their statement. An admin of several providers chooses
 * which (`?org=`).
 */
export function ProviderQualityPage() {
  const { t } = useTranslation();
  const session = useSession();
  const names = useDirectoryNames();
  const purpose = useQualityPurpose();
  const [params, setParams] = useSearchParams();
  const providers = session.viewer ? editedProviders(session.viewer) : [];
  const asked = params.get('org');
  const orgId = asked && providers.some((p) => p.id === asked) ? asked : (providers[0]?.id ?? '');
  const org = providers.find((p) => p.id === orgId);
  const [caseState, setCaseState] = useState<QueueState>('open');
  const score = useAsync(() => (orgId ? api.getProviderQuality(orgId) : Promise.resolve(null)), [orgId]);
  const ratings = usePaged<ProviderRating>((cursor) => api.listProviderRatings(orgId, cursor), [orgId]);
  const cases = usePaged<QualityCaseSummary>((cursor) => api.listOrganizationCases(orgId, caseState, purpose, cursor), [orgId, caseState, purpose]);

  if (!orgId) {
    return (
      <Page title={t('quality.provider.title')}>
        <Notice>
          <p>{t('quality.provider.notAdmin')}</p>
        </Notice>
      </Page>
    );
  }
  return (
    <Page title={t('quality.provider.titleOf', { name: org?.name ?? '' })} intro={t('quality.provider.intro')} wide>
      {providers.length > 1 ? (
        <SelectField label={t('quality.provider.organization')} value={orgId} onChange={(e) => setParams({ org: e.target.value })}>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {score.error && !(score.error instanceof ApiError && score.error.status === 404) ? (
        <LoadError error={score.error} onRetry={() => void score.reload()} />
      ) : score.data ? (
        <ScoreView score={score.data} />
      ) : score.loading ? (
        <Loading />
      ) : (
        <p className="empty">{t('quality.score.none')}</p>
      )}

      <section className="section" aria-labelledby="provider-cases-heading">
        <h2 id="provider-cases-heading">{t('quality.provider.cases')}</h2>
        <p className="muted">{t('quality.provider.casesIntro')}</p>
        <SelectField label={t('quality.provider.show')} value={caseState} onChange={(e) => setCaseState(e.target.value as QueueState)} data-testid="provider-case-state">
          {(['open', 'closed', 'all'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`quality.queue.tab.${s}`)}
            </option>
          ))}
        </SelectField>
        {cases.error ? <LoadError error={cases.error} onRetry={() => void cases.reload()} /> : null}
        {!cases.items && !cases.error ? <Loading /> : null}
        {cases.items && cases.items.length === 0 ? (
          <p className="empty" data-testid="provider-cases-empty">
            {t(`quality.queue.empty.${caseState}`)}
          </p>
        ) : null}
        {cases.items && cases.items.length > 0 ? (
          <ul className="item-list" data-testid="provider-cases">
            {cases.items.map((c) => (
              <CaseRow key={c.id} c={c} />
            ))}
          </ul>
        ) : null}
        <FormAlert message={cases.moreError} />
        {cases.items && cases.cursor ? (
          <button type="button" className="button button-secondary" onClick={() => void cases.more()} disabled={cases.busy}>
            {t('common.showMore')}
          </button>
        ) : null}
      </section>

      <section className="section" aria-labelledby="provider-ratings-heading">
        <h2 id="provider-ratings-heading">{t('quality.provider.ratings')}</h2>
        <p className="muted">{t('quality.provider.ratingsIntro')}</p>
        {ratings.error ? <LoadError error={ratings.error} onRetry={() => void ratings.reload()} /> : null}
        {!ratings.items && !ratings.error ? <Loading /> : null}
        {ratings.items && ratings.items.length === 0 ? (
          <p className="empty" data-testid="provider-ratings-empty">
            {t('quality.provider.noRatings')}
          </p>
        ) : null}
        {ratings.items && ratings.items.length > 0 ? (
          <ul className="item-list rating-list" data-testid="provider-ratings">
            {ratings.items.map((r, i) => (
              <li key={i} className="item" data-testid="provider-rating" data-stars={r.stars}>
                <div className="item-main">
                  <p className="item-title">
                    <span className="stars" aria-hidden="true">
                      {'★'.repeat(r.stars)}
                      {'☆'.repeat(5 - r.stars)}
                    </span>{' '}
                    {t('quality.provider.stars', { stars: r.stars, words: t(starKey(r.stars)) })}
                  </p>
                  <p className="small muted">
                    {names.categoryName(r.category)} · {t('quality.provider.visitIn', { month: formatMonth(r.month, session.language) })}
                  </p>
                  {r.comment ? (
                    <p className="case-description">
                      <q>{r.comment}</q>
                    </p>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        ) : null}
        <FormAlert message={ratings.moreError} />
        {ratings.items && ratings.cursor ? (
          <button type="button" className="button button-secondary" onClick={() => void ratings.more()} disabled={ratings.busy}>
            {t('common.showMore')}
          </button>
        ) : null}
      </section>
    </Page>
  );
}

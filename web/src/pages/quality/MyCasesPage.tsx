import './quality.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import * as api from '../../api/quality';
import type { QualityCaseSummary } from '../../api/quality';
import { FormAlert } from '../../components/Alert';
import { LoadError } from '../../components/LoadError';
import { Loading, Page } from '../../components/Page';
import { generalMessage } from '../../lib/errors';
import { CaseRow } from './QualityBits';

/**
 * /cases: the complaints the person made, and those the client's side made about the clients they
 * act for, newest first, each with its steps; "show more" by cursor. The way to a new one is first.
 */
export function MyCasesPage() {
  const { t } = useTranslation();
  const [items, setItems] = useState<QualityCaseSummary[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const focusId = useRef<string | null>(null);
  const list = useRef<HTMLUListElement>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const page = await api.listMyCases();
      setItems(page.items);
      setCursor(page.next_cursor);
    } catch (e) {
      setError(e);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // After "show more", the first new case takes the focus.
  useEffect(() => {
    if (!focusId.current) return;
    list.current?.querySelector<HTMLElement>(`[data-case-id="${focusId.current}"] a`)?.focus();
    focusId.current = null;
  }, [items]);

  const more = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await api.listMyCases(cursor);
      setItems((old) => {
        const seen = new Set((old ?? []).map((c) => c.id));
        const added = page.items.filter((c) => !seen.has(c.id));
        focusId.current = added[0]?.id ?? null;
        return [...(old ?? []), ...added];
      });
      setCursor(page.next_cursor);
    } catch (e) {
      setMoreError(generalMessage(t, e));
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Page title={t('quality.mine.title')} intro={t('quality.mine.intro')}>
      <p className="case-new-link">
        <Link className="button button-primary" to="/cases/new" data-testid="new-case">
          {t('quality.mine.new')}
        </Link>
      </p>
      <section className="section" aria-labelledby="my-cases-heading">
        <h2 id="my-cases-heading">{t('quality.mine.listTitle')}</h2>
        {error && !items ? <LoadError error={error} onRetry={() => void load()} /> : null}
        {!items && !error ? <Loading /> : null}
        {items && items.length === 0 ? (
          <p className="empty" data-testid="cases-empty">
            {t('quality.mine.empty')}
          </p>
        ) : null}
        {items && items.length > 0 ? (
          <ul className="item-list" data-testid="cases" ref={list}>
            {items.map((c) => (
              <CaseRow key={c.id} c={c} />
            ))}
          </ul>
        ) : null}
        <FormAlert message={moreError} />
        {items && cursor ? (
          <button type="button" className="button button-secondary" onClick={() => void more()} disabled={loadingMore} data-testid="cases-more">
            {loadingMore ? t('common.loading') : t('common.showMore')}
          </button>
        ) : null}
      </section>
    </Page>
  );
}

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import * as api from '../../api/client';
import type { AccessLogEntry } from '../../api/types';
import { FormAlert } from '../../components/Alert';
import { SelectField, TextField } from '../../components/Field';
import { Loading, Page } from '../../components/Page';
import { KNOWN_ACTIONS, describeAction } from '../../lib/accessLog';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { endOfLocalDay, startOfLocalDay } from '../../lib/format';
import { useSession } from '../../session/SessionContext';
import { AccessLogList } from './AccessLogList';

interface Filters {
  actor_id: string;
  client_id: string;
  action: string;
  from: string;
  to: string;
}

const NONE: Filters = { actor_id: '', client_id: '', action: '', from: '', to: '' };
const FIELDS = ['actor_id', 'client_id', 'action', 'from', 'to'];

/** The auditor's search of a whole region's access log. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const { regionId = '' } = useParams();
  const session = useSession();
  const region = session.regions.find((r) => r.id === regionId);
  const [draft, setDraft] = useState<Filters>(NONE);
  const [applied, setApplied] = useState<Filters>(NONE);
  const [items, setItems] = useState<AccessLogEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  const load = useCallback(
    async (from: string | null, append: boolean) => {
      setLoading(true);
      setErrors(NO_ERRORS);
      try {
        const page = await api.regionAccessLog(regionId, {
          actor_id: applied.actor_id.trim() || undefined,
          client_id: applied.client_id.trim() || undefined,
          action: applied.action || undefined,
          from: startOfLocalDay(applied.from) ?? undefined,
          to: endOfLocalDay(applied.to) ?? undefined,
          limit: 50,
          cursor: from,
        });
        setItems((old) => (append ? [...old, ...page.items] : page.items));
        setCursor(page.next_cursor);
      } catch (err) {
        setErrors(formErrors(t, err, FIELDS));
        if (!append) setItems([]);
      } finally {
        setLoading(false);
      }
    },
    [regionId, applied, t],
  );

  useEffect(() => {
    void load(null, false);
  }, [load]);

  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setApplied(draft);
  };

  return (
    <Page title={t('audit.title')} intro={region ? t('audit.introRegion', { region: region.name }) : t('audit.intro')} wide>
      <form className="card form filters" onSubmit={submit} noValidate aria-labelledby="filters-heading">
        <h2 id="filters-heading">{t('audit.filters')}</h2>
        <FormAlert message={errors.alert} requestId={errors.requestId} />
        <div className="filter-grid">
          <TextField label={t('audit.actorId')} hint={t('audit.actorIdHint')} name="actor_id" value={draft.actor_id} onChange={set('actor_id')} errors={errors.byField.actor_id} spellCheck={false} />
          <TextField label={t('audit.clientId')} name="client_id" value={draft.client_id} onChange={set('client_id')} errors={errors.byField.client_id} spellCheck={false} />
          <SelectField label={t('audit.action')} name="action" value={draft.action} onChange={set('action')} errors={errors.byField.action}>
            <option value="">{t('audit.anyAction')}</option>
            {KNOWN_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {describeAction(t, a)}
              </option>
            ))}
          </SelectField>
          <TextField label={t('audit.from')} name="from" type="date" value={draft.from} onChange={set('from')} errors={errors.byField.from} />
          <TextField label={t('audit.to')} name="to" type="date" value={draft.to} onChange={set('to')} errors={errors.byField.to} />
        </div>
        <div className="actions">
          <button type="submit" className="button button-primary">
            {t('audit.search')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setDraft(NONE);
              setApplied(NONE);
            }}
          >
            {t('audit.clear')}
          </button>
        </div>
      </form>
      <section aria-labelledby="results-heading" className="section">
        <h2 id="results-heading">{t('audit.results')}</h2>
        {!loading && items.length === 0 && !errors.alert ? <p className="empty">{t('audit.empty')}</p> : null}
        {items.length > 0 ? (
          <AccessLogList
            items={items}
            showClient
            onPickActor={(actorId) => {
              const next = { ...draft, actor_id: actorId };
              setDraft(next);
              setApplied(next);
            }}
          />
        ) : null}
        {loading ? <Loading /> : null}
        {cursor && !loading ? (
          <button type="button" className="button button-secondary" onClick={() => void load(cursor, true)}>
            {t('common.showMore')}
          </button>
        ) : null}
      </section>
    </Page>
  );
}

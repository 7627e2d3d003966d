import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as desk from '../../api/desk';
import { ApiError } from '../../api/problem';
import type { ClientRecord, LookAlike } from '../../api/types';
import { FormAlert } from '../../components/Alert';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Page';
import { COMPARED, defaultKeep, differs, HAS_ACCOUNT_DETAIL, MERGE_CONFLICTS, type Compared } from '../../lib/clientMerge';
import { addressLine, formatBirthDate } from '../../lib/desk';
import { generalMessage, translateFieldMessage } from '../../lib/errors';
import { useIdempotencyKey } from '../../lib/idempotency';
import { languageName } from '../../lib/serviceText';
import { useSession } from '../../session/SessionContext';

/** A record's value in a row of the comparison, as the record shows it. */
function useShown() {
  const { t } = useTranslation();
  const { language } = useSession();
  return (r: ClientRecord, row: Compared): string => {
    switch (row) {
      case 'name':
        return r.name;
      case 'birthDate':
        return formatBirthDate(r.birth_date, language) || t('desk.record.unknown');
      case 'identityCode':
        return r.identity_code_masked ?? t('desk.record.noIdentityCode');
      case 'address':
        return addressLine(r.address) || t('desk.record.unknown');
      case 'municipality':
        return r.address?.municipality_name || t('desk.record.unknown');
      case 'phone':
        return r.phone || t('desk.record.unknown');
      case 'email':
        return r.email || t('desk.record.noEmail');
      case 'language':
        return languageName(r.language, language);
      case 'servedBy':
        return r.relations.length > 0 ? r.relations.map((x) => x.organization_name).join(', ') : t('clientMerge.noneServing');
    }
  };
}

/** The name with the place that tells two records of one name apart: "Aino Virtanen (Nokia)". */
function label(r: ClientRecord): string {
  const place = r.address?.municipality_name || r.address?.city;
  return place ? `${r.name} (${place})` : r.name;
}

/**
 * "Compare and merge" for a coordinator, in place below the look-alike warning: the open record and
 * the look-alike side by side, which one stays (by default the one whose person signs in, else the
 * one opened), what moves and that it cannot be undone; the merge goes with the desk's purpose into
 * both access logs. Escape or Cancel closes it and gives the focus back to the button that opened it.
 */
export function MergeRecords({
  record,
  alike,
  purpose,
  onClose,
  onMerged,
}: {
  record: ClientRecord;
  alike: LookAlike;
  purpose: string;
  onClose: () => void;
  /** The record that stays, and the name and place of the one that went. */
  onMerged: (kept: ClientRecord, gone: string) => void;
}) {
  const { t } = useTranslation();
  const shown = useShown();
  const keys = useIdempotencyKey();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [other, setOther] = useState<ClientRecord | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  // The look-alike is read as any record the desk opens: with the purpose, into its access log.
  useEffect(() => {
    let live = true;
    setLoadError(null);
    desk.getClientRecord(alike.id, purpose).then(
      (r) => live && setOther(r),
      (e: unknown) => live && setLoadError(e),
    );
    return () => {
      live = false;
    };
  }, [alike.id, purpose, attempt]);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const keepId = chosen ?? (other ? defaultKeep(record, other) : record.id);
  const kept = keepId === record.id ? record : other;
  const gone = keepId === record.id ? other : record;

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !busy) {
      e.stopPropagation();
      onClose();
    }
  };

  async function merge() {
    if (busy || !kept || !gone) return;
    setBusy(true);
    setProblem(null);
    try {
      const result = await desk.mergeClients(kept.id, gone.id, purpose, keys.key());
      keys.settle();
      onMerged(result, label(gone));
    } catch (err) {
      keys.settle(err);
      setProblem(mergeProblem(err));
      if (err instanceof ApiError && err.status === 409 && err.problem.detail === HAS_ACCOUNT_DETAIL) setChosen(gone.id);
    } finally {
      setBusy(false);
    }
  }

  function mergeProblem(err: unknown): string {
    if (!(err instanceof ApiError)) return generalMessage(t, err);
    if (err.status === 403 && !err.isMfaRequired) return t('clientMerge.errors.forbidden');
    if (err.status === 409) {
      const key = MERGE_CONFLICTS[err.problem.detail];
      return key ? t(key, { kept: kept ? label(kept) : '', gone: gone ? label(gone) : '' }) : t('clientMerge.errors.conflict');
    }
    if (err.status === 422 && err.problem.errors?.length) {
      return err.problem.errors.map((e) => translateFieldMessage(t, e.message)).join(' ');
    }
    if (err.status === 404) return t('clientMerge.errors.notFound');
    return generalMessage(t, err);
  }

  const columns: { r: ClientRecord; role: 'opened' | 'alike' }[] = other
    ? [
        { r: record, role: 'opened' },
        { r: other, role: 'alike' },
      ]
    : [];

  return (
    <section className="merge-records" aria-labelledby={headingId} onKeyDown={onKeyDown} data-testid="merge-records">
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {t('clientMerge.title', { name: alike.name })}
      </h3>
      <p className="muted">{t('clientMerge.intro')}</p>
      {loadError ? <LoadError error={loadError} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {!other && !loadError ? <Loading /> : null}
      {other && kept && gone ? (
        <>
          <div className="merge-table-wrap">
            <table className="merge-table" data-testid="merge-compare">
              <caption className="visually-hidden">{t('clientMerge.compareCaption')}</caption>
              <thead>
                <tr>
                  <td />
                  {columns.map(({ r, role }) => (
                    <th key={r.id} scope="col" data-client-id={r.id}>
                      <span className="merge-col-title">{t(`clientMerge.columns.${role}`)}</span>{' '}
                      <span className={`badge ${r.id === keepId ? 'badge-ok' : 'badge-warn'}`} data-testid="merge-fate">
                        {r.id === keepId ? t('clientMerge.stays') : t('clientMerge.goes')}
                      </span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {COMPARED.map((row) => {
                  const a = shown(record, row);
                  const b = shown(other, row);
                  const differ = differs(a, b);
                  return (
                    <tr key={row} className={differ ? 'merge-differs' : undefined} data-row={row}>
                      <th scope="row">
                        {t(`clientMerge.rows.${row}`)}
                        {differ ? <span className="merge-differs-mark"> · {t('clientMerge.differs')}</span> : null}
                      </th>
                      <td>{a}</td>
                      <td>{b}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <fieldset className="field choice-group merge-keep">
            <legend>{t('clientMerge.keepLegend')}</legend>
            {columns.map(({ r, role }) => (
              <label key={r.id} className="choice" data-testid="merge-keep" data-client-id={r.id}>
                <input type="radio" name="merge-keep" value={r.id} checked={keepId === r.id} onChange={() => setChosen(r.id)} disabled={busy} />
                <span>
                  {t('clientMerge.keepOption', { name: label(r) })}
                  <span className="choice-hint">
                    {t(`clientMerge.columns.${role}`)}
                    {r.email ? ` · ${t('clientMerge.hasEmail')}` : ` · ${t('clientMerge.noEmail')}`}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="alert alert-warning merge-warning" data-testid="merge-warning">
            <p>
              <strong>{t('clientMerge.cannotUndo')}</strong>
            </p>
            <p>{t('clientMerge.moves', { kept: label(kept), gone: label(gone) })}</p>
            <p>{t('clientMerge.details', { kept: label(kept), gone: label(gone) })}</p>
            <p className="small">{t('clientMerge.logged', { purpose })}</p>
          </div>
          <FormAlert message={problem} />
          <div className="actions">
            <button type="button" className="button button-danger" onClick={() => void merge()} aria-disabled={busy || undefined} data-testid="merge-confirm">
              {busy ? t('clientMerge.merging') : t('clientMerge.confirm', { gone: label(gone), kept: label(kept) })}
            </button>
            <button type="button" className="button button-secondary" onClick={onClose} disabled={busy} data-testid="merge-cancel">
              {t('common.cancel')}
            </button>
          </div>
        </>
      ) : (
        <div className="actions">
          <button type="button" className="button button-secondary" onClick={onClose} data-testid="merge-cancel">
            {t('common.cancel')}
          </button>
        </div>
      )}
    </section>
  );
}

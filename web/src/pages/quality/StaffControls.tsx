import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as api from '../../api/quality';
import type { CaseTarget, QualityCase } from '../../api/quality';
import { ApiError } from '../../api/problem';
import { FormAlert, Status } from '../../components/Alert';
import { ChoiceGroup, TextAreaField, focusFirstInvalid } from '../../components/Field';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { nextStates, stateKey, targetKey, upheldRequired } from '../../lib/quality';
import { useSession } from '../../session/SessionContext';

const TEXT_MAX = 4000;

/**
 * The coordinator's part of a case: who handles it ("Assign to me"), the next steps its state
 * allows as buttons (with an optional note for staff), and closing with the resolution the person
 * who filed it reads and, for a complaint or deviation, whether it was upheld. Every change sends
 * If-Match with the case's version: a 412 says someone changed it meanwhile and offers a reload;
 * a 409 (the step is no longer allowed) reloads it.
 */
export function StaffControls({
  c,
  onChanged,
  onReload,
}: {
  c: QualityCase;
  onChanged: (c: QualityCase, said?: string) => void;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const me = session.user!.id;
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [stale, setStale] = useState(false);
  const [reloaded, setReloaded] = useState(false);
  const [note, setNote] = useState('');
  const [closing, setClosing] = useState(false);
  const [resolution, setResolution] = useState('');
  const [upheld, setUpheld] = useState<'yes' | 'no' | ''>('');
  const closeRef = useRef<HTMLFormElement>(null);
  const steps = nextStates(c.state);
  const moves = steps.filter((s) => s !== 'closed');
  const mayClose = steps.includes('closed');
  const needUpheld = upheldRequired(c.kind);

  useEffect(() => {
    if (errors.alert && closing) focusFirstInvalid(closeRef.current);
  }, [errors, closing]);

  /** A change's failure in words; 412 and 409 reload or offer to. */
  function failed(err: unknown, fields: readonly string[]) {
    if (err instanceof ApiError && err.status === 412) {
      setStale(true);
      setErrors({ byField: {}, alert: t('quality.staff.stale') });
      return;
    }
    if (err instanceof ApiError && err.status === 409) {
      setErrors({ byField: {}, alert: t('quality.staff.conflict') });
      void onReload();
      return;
    }
    setErrors(formErrors(t, err, fields));
  }

  async function assignToMe() {
    if (busy) return;
    setBusy('assign');
    setErrors(NO_ERRORS);
    setReloaded(false);
    try {
      const next = await api.assignCase(c, me);
      onChanged(next, t('quality.staff.assignedToYou'));
    } catch (err) {
      failed(err, ['assignee_id']);
    } finally {
      setBusy(null);
    }
  }

  async function move(to: CaseTarget) {
    if (busy) return;
    setBusy(to);
    setErrors(NO_ERRORS);
    setReloaded(false);
    try {
      const next = await api.transitionCase(c, { to, ...(note.trim() ? { note: note.trim() } : {}) });
      setNote('');
      onChanged(next, t('quality.staff.moved', { state: t(stateKey(to)) }));
    } catch (err) {
      failed(err, ['to', 'note']);
    } finally {
      setBusy(null);
    }
  }

  async function close(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const byField: Record<string, string[]> = {};
    if (!resolution.trim()) byField.resolution = [t('quality.staff.resolutionMissing')];
    if (needUpheld && !upheld) byField.upheld = [t('quality.staff.upheldMissing')];
    if (Object.keys(byField).length > 0) {
      setErrors({ byField, alert: t('errors.checkFields') });
      return;
    }
    setBusy('closed');
    setErrors(NO_ERRORS);
    try {
      const next = await api.transitionCase(c, {
        to: 'closed',
        resolution: resolution.trim(),
        ...(upheld ? { upheld: upheld === 'yes' } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setClosing(false);
      setNote('');
      onChanged(next, t('quality.staff.closed'));
    } catch (err) {
      failed(err, ['resolution', 'upheld', 'note']);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="section card staff-controls" aria-labelledby="staff-controls-heading" data-testid="staff-controls">
      <h2 id="staff-controls-heading">{t('quality.staff.title')}</h2>
      <FormAlert message={errors.alert} requestId={errors.requestId} />
      <Status>{reloaded ? t('quality.staff.reloaded') : null}</Status>
      {stale ? (
        <p>
          <button
            type="button"
            className="button button-secondary"
            onClick={async () => {
              await onReload();
              setStale(false);
              setErrors(NO_ERRORS);
              setReloaded(true);
            }}
            data-testid="case-reload"
          >
            {t('quality.staff.reload')}
          </button>
        </p>
      ) : null}
      <h3>{t('quality.staff.handler')}</h3>
      <p data-testid="staff-assignee">{c.assignee_name ? t('quality.assignedTo', { name: c.assignee_name }) : t('quality.unassigned')}</p>
      {c.assignee_id !== me && c.state !== 'closed' ? (
        <button type="button" className="button button-secondary" aria-disabled={busy ? 'true' : undefined} onClick={() => void assignToMe()} data-testid="assign-to-me">
          {busy === 'assign' ? t('quality.form.sending') : t('quality.staff.assignToMe')}
        </button>
      ) : null}
      {steps.length > 0 ? (
        <>
          <h3>{t('quality.staff.nextStep')}</h3>
          <TextAreaField
            label={t('quality.staff.note')}
            hint={t('quality.staff.noteHint')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            errors={errors.byField.note}
            maxLength={TEXT_MAX}
            rows={2}
            data-testid="step-note"
          />
          <div className="actions case-moves">
            {moves.map((to) => (
              <button
                key={to}
                type="button"
                className="button button-primary"
                aria-disabled={busy ? 'true' : undefined}
                onClick={() => void move(to)}
                data-testid={`move-${to}`}
              >
                {busy === to ? t('quality.form.sending') : t(targetKey(to))}
              </button>
            ))}
            {mayClose && !closing ? (
              <button type="button" className="button button-secondary" onClick={() => setClosing(true)} data-testid="move-closed">
                {t(targetKey('closed'))}
              </button>
            ) : null}
          </div>
        </>
      ) : null}
      {closing ? (
        <form ref={closeRef} className="form case-close" onSubmit={(e) => void close(e)} noValidate data-testid="close-form">
          <h3>{t('quality.staff.closeTitle')}</h3>
          <TextAreaField
            label={t('quality.staff.resolution')}
            hint={t('quality.staff.resolutionHint', { name: c.filed_by_name })}
            value={resolution}
            onChange={(e) => setResolution(e.target.value)}
            errors={errors.byField.resolution}
            maxLength={TEXT_MAX}
            rows={4}
            data-testid="close-resolution"
          />
          <ChoiceGroup
            legend={needUpheld ? t('quality.staff.upheld') : t('quality.staff.upheldOptional')}
            hint={t('quality.staff.upheldHint')}
            errors={errors.byField.upheld}
          >
            <label className="choice">
              <input type="radio" name="upheld" value="yes" checked={upheld === 'yes'} onChange={() => setUpheld('yes')} data-testid="upheld-yes" />
              <span>{t('quality.staff.upheldYes')}</span>
            </label>
            <label className="choice">
              <input type="radio" name="upheld" value="no" checked={upheld === 'no'} onChange={() => setUpheld('no')} data-testid="upheld-no" />
              <span>{t('quality.staff.upheldNo')}</span>
            </label>
          </ChoiceGroup>
          <div className="actions">
            <button type="submit" className="button button-primary" aria-disabled={busy ? 'true' : undefined} data-testid="close-send">
              {busy === 'closed' ? t('quality.form.sending') : t('quality.staff.closeSend')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setClosing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

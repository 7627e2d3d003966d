import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import * as ordersApi from '../../api/orders';
import { ApiError } from '../../api/problem';
import * as api from '../../api/referrals';
import type { GrantWithBalance, Referral, ReferralDecision as Decision } from '../../api/types';
import { FormAlert } from '../../components/Alert';
import { ChoiceGroup, SelectField, TextAreaField, focusFirstInvalid } from '../../components/Field';
import { Loading } from '../../components/Page';
import { useDirectoryNames } from '../../lib/directoryData';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { useIdempotencyKey } from '../../lib/idempotency';
import { DECISION_FIELDS, defaultGrant, grantChoices, REFERRAL_TEXT_MAX } from '../../lib/referrals';
import { todayIn } from '../../lib/tasks';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { describeGrant } from './ReferralBits';

type Outcome = '' | 'granted' | 'declined';

/**
 * The officer's outcome of one open referral: "Granted" with the decision the organization
 * recorded for the client (the newest one covering the type of service is chosen until another is
 * picked), or "Declined" with the reasons, which the client and the desk read. The client's
 * decisions come from the page (`grants`, kept fresh after one is recorded there) or are loaded
 * here. Each server message stands at its field; a referral decided meanwhile (409) is said so and
 * handed to `onConflict`.
 */
export function ReferralDecisionForm({
  referral,
  grants,
  clientPage,
  onDecided,
  onConflict,
  onCancel,
}: {
  referral: Referral;
  /** the client's decisions when the page has them; undefined: loaded here */
  grants?: readonly GrantWithBalance[] | undefined;
  /** where the officer records a decision for the client: the client's page, or "#id" of the form on this page */
  clientPage?: string | undefined;
  onDecided: (referral: Referral) => void;
  onConflict: () => void;
  onCancel?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const names = useDirectoryNames();
  const keys = useIdempotencyKey();
  const formRef = useRef<HTMLFormElement>(null);
  const [outcome, setOutcome] = useState<Outcome>('');
  const [picked, setPicked] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const own = useAsync(
    () => (grants === undefined && outcome === 'granted' ? ordersApi.listGrants(referral.client_id) : Promise.resolve(undefined)),
    [grants === undefined, outcome === 'granted', referral.client_id],
  );
  const session = useSession();
  // The day in the officer's region (the client's), as the server checks "in force".
  const today = todayIn(session.timeZone);
  const all = grants ?? own.data;
  const choices = all ? grantChoices(all, referral, today) : [];
  const grantId = picked && choices.some((g) => g.id === picked) ? picked : all ? defaultGrant(all, referral, today) : '';
  const name = referral.client_name;
  const recordLink = !clientPage ? null : clientPage.startsWith('#') ? (
    <a href={clientPage}>{t('referrals.decide.recordBelow')}</a>
  ) : (
    <Link to={clientPage}>{t('referrals.decide.recordFirst', { name })}</Link>
  );

  useEffect(() => {
    if (!errors.alert) return;
    focusFirstInvalid(formRef.current);
  }, [errors]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors(NO_ERRORS);
    const decision: Decision = { outcome: outcome as Decision['outcome'] };
    if (outcome === 'granted' && grantId) decision.grant_id = grantId;
    if (outcome === 'declined' && note.trim()) decision.note = note.trim();
    try {
      const decided = await api.decideReferral(referral.id, decision, keys.key());
      keys.settle();
      onDecided(decided);
    } catch (err) {
      keys.settle(err);
      if (err instanceof ApiError && err.status === 409) {
        setErrors({ byField: {}, alert: t('referrals.decide.conflict') });
        onConflict();
      } else {
        setErrors(formErrors(t, err, DECISION_FIELDS));
      }
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} className="form referral-decide" onSubmit={(e) => void submit(e)} noValidate data-testid="referral-decide">
      <ChoiceGroup legend={t('referrals.decide.outcome')} errors={errors.byField.outcome}>
        <div className="referral-outcomes">
          {(['granted', 'declined'] as const).map((o) => (
            <label key={o} className="choice">
              <input
                type="radio"
                name={`outcome-${referral.id}`}
                value={o}
                checked={outcome === o}
                onChange={() => setOutcome(o)}
                aria-invalid={errors.byField.outcome ? true : undefined}
                data-testid={`outcome-${o}`}
              />
              <span>{t(`referrals.decide.${o}`)}</span>
            </label>
          ))}
        </div>
      </ChoiceGroup>
      {outcome === 'granted' ? (
        own.loading && !all ? (
          <Loading />
        ) : own.error ? (
          <p className="alert alert-error">{t('referrals.decide.grantsFailed', { name })}</p>
        ) : choices.length === 0 ? (
          <div className={`field${errors.byField.grant_id ? ' field-invalid' : ''}`} data-testid="no-grants">
            <p>{t('referrals.decide.noGrants', { name })}</p>
            {errors.byField.grant_id ? <p className="field-error">{errors.byField.grant_id.join(' ')}</p> : null}
            {recordLink}
          </div>
        ) : (
          <>
            <SelectField
              label={t('referrals.decide.grant')}
              hint={t('referrals.decide.grantHint', { name })}
              value={grantId}
              onChange={(e) => setPicked(e.target.value)}
              errors={errors.byField.grant_id}
              name="grant_id"
              data-testid="referral-grant"
            >
              <option value="">{t('referrals.decide.chooseGrant')}</option>
              {choices.map((g) => {
                const label = describeGrant(t, g, names.categoryName);
                return (
                  <option key={g.id} value={g.id}>
                    {label}
                  </option>
                );
              })}
            </SelectField>
            {recordLink ? <p className="small">{recordLink}</p> : null}
          </>
        )
      ) : null}
      {outcome === 'declined' ? (
        <TextAreaField
          label={t('referrals.decide.note')}
          hint={t('referrals.decide.noteHint')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          errors={errors.byField.note}
          maxLength={REFERRAL_TEXT_MAX}
          rows={3}
          name="note"
          data-testid="referral-note-input"
        />
      ) : null}
      <FormAlert message={errors.alert} requestId={errors.requestId} />
      <div className="actions">
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined} data-testid="referral-decide-submit">
          {busy ? t('referrals.decide.saving') : t('referrals.decide.submit')}
        </button>
        {onCancel ? (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('referrals.decide.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

import '../referrals/referrals.css';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem';
import * as api from '../../api/referrals';
import type { ClientRecord } from '../../api/types';
import { FormAlert, Status } from '../../components/Alert';
import { SelectField, TextAreaField, focusFirstInvalid } from '../../components/Field';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Page';
import { useDirectoryNames } from '../../lib/directoryData';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { useIdempotencyKey } from '../../lib/idempotency';
import { defaultPurchaser, orderPurchasers, REFERRAL_FIELDS, REFERRAL_TEXT_MAX, withReferral } from '../../lib/referrals';
import { useAsync } from '../../lib/useAsync';
import { useSession } from '../../session/SessionContext';
import { ReferralCard } from '../referrals/ReferralBits';

/**
 * "Referral for a service-need assessment" on the open record: the advisor refers the caller to
 * the welfare area (or a municipality or care insurer of the region) for a type of service with
 * the reason, and sees the client's referrals with their outcome. The server's messages stand at
 * their fields; a referral the purchaser has open already (409) is said so in words.
 */
export function ReferralsPanel({ record, purpose }: { record: ClientRecord; purpose: string }) {
  const { t } = useTranslation();
  const { language } = useSession();
  const names = useDirectoryNames();
  const keys = useIdempotencyKey();
  const formRef = useRef<HTMLFormElement>(null);
  const purchasers = useAsync(() => api.listRegionPurchasers(record.region_id), [record.region_id]);
  const referrals = useAsync(() => api.listClientReferrals(record.id, purpose), [record.id, purpose]);
  const [picked, setPicked] = useState('');
  const [category, setCategory] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  const offered = orderPurchasers(purchasers.data ?? [], language);
  const purchaserId = picked || defaultPurchaser(offered, record.relations);
  const purchaserName = offered.find((o) => o.id === purchaserId)?.name ?? '';

  useEffect(() => {
    if (!errors.alert) return;
    focusFirstInvalid(formRef.current);
  }, [errors]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors(NO_ERRORS);
    setStatus(null);
    try {
      const made = await api.referClient(record.id, { purchaser_id: purchaserId, category, reason: reason.trim() }, keys.key(), purpose);
      keys.settle();
      referrals.setData((old) => withReferral(old ?? [], made));
      setCategory('');
      setReason('');
      setStatus(t('referrals.desk.sent', { name: record.name, purchaser: made.purchaser_name }));
    } catch (err) {
      keys.settle(err);
      const conflict = err instanceof ApiError && err.status === 409;
      setErrors(
        formErrors(t, err, REFERRAL_FIELDS, { 409: t('referrals.desk.conflict', { name: record.name, purchaser: purchaserName }) }),
      );
      if (conflict) void referrals.reload();
    } finally {
      setBusy(false);
    }
  }

  const list = referrals.data ?? [];
  return (
    <section className="desk-panel desk-referrals" id="desk-referrals" aria-labelledby="referrals-heading" tabIndex={-1} data-testid="desk-referrals">
      <h2 id="referrals-heading">{t('referrals.desk.title')}</h2>
      <p className="muted">{t('referrals.desk.intro', { name: record.name })}</p>
      {purchasers.error ? <LoadError error={purchasers.error} onRetry={() => void purchasers.reload()} /> : null}
      {purchasers.data && offered.length === 0 ? (
        <p className="empty" data-testid="referral-no-purchasers">
          {t('referrals.desk.noPurchasers')}
        </p>
      ) : null}
      {offered.length > 0 ? (
        <form ref={formRef} className="form referral-form" onSubmit={(e) => void submit(e)} noValidate data-testid="referral-form">
          <h3 className="referral-form-title">{t('referrals.desk.form')}</h3>
          <div className="field-pair">
            <SelectField
              label={t('referrals.desk.purchaser')}
              value={purchaserId}
              onChange={(e) => setPicked(e.target.value)}
              errors={errors.byField.purchaser_id}
              name="purchaser_id"
              data-testid="referral-purchaser"
            >
              {offered.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('referrals.desk.category')}
              value={category}
              onChange={(e) => setCategory(e.target.value)}
              errors={errors.byField.category}
              name="category"
              data-testid="referral-category"
            >
              <option value="">{t('referrals.desk.chooseCategory')}</option>
              {names.categories.map((c) => (
                <option key={c.code} value={c.code}>
                  {names.categoryName(c.code)}
                </option>
              ))}
            </SelectField>
          </div>
          <TextAreaField
            label={t('referrals.desk.reason')}
            hint={t('referrals.desk.reasonHint')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            errors={errors.byField.reason}
            maxLength={REFERRAL_TEXT_MAX}
            rows={3}
            name="reason"
            data-testid="referral-reason-input"
          />
          <FormAlert message={errors.alert} requestId={errors.requestId} />
          <div className="actions">
            <button type="submit" className="button button-primary" aria-disabled={busy || undefined} data-testid="referral-submit">
              {busy ? t('referrals.desk.sending') : t('referrals.desk.submit')}
            </button>
          </div>
        </form>
      ) : purchasers.loading ? (
        <Loading />
      ) : null}
      <Status>{status}</Status>
      <h3 className="referral-list-title">{t('referrals.desk.list')}</h3>
      {referrals.error ? <LoadError error={referrals.error} onRetry={() => void referrals.reload()} /> : null}
      {referrals.loading && !referrals.data ? <Loading /> : null}
      {referrals.data && list.length === 0 ? (
        <p className="empty" data-testid="referrals-empty">
          {t('referrals.desk.none', { name: record.name })}
        </p>
      ) : null}
      {list.length > 0 ? (
        <ul className="item-list" data-testid="referrals">
          {list.map((r) => (
            <ReferralCard
              key={r.id}
              referral={r}
              heading="h4"
              title={t('referrals.to', { category: names.categoryName(r.category), purchaser: r.purchaser_name })}
              granted={t('referrals.desk.grantedText')}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

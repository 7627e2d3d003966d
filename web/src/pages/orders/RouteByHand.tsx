import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as api from '../../api/orders';
import type { Agreement, Order } from '../../api/types';
import { FormAlert } from '../../components/Alert';
import { Loading } from '../../components/Page';
import { useDirectoryNames } from '../../lib/directoryData';
import { formErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { formatMoney } from '../../lib/format';
import { formatMinutes } from '../../lib/funding';
import { useIdempotencyKey } from '../../lib/idempotency';
import { listLanguages } from '../../lib/serviceText';
import { useSession } from '../../session/SessionContext';

/** Agreements of the purchaser, asked once per purchaser while the board is open. */
const agreementsAsked = new Map<string, Promise<Agreement[]>>();
export function purchaserAgreements(purchaserId: string): Promise<Agreement[]> {
  let p = agreementsAsked.get(purchaserId);
  if (!p) {
    p = api.listAgreements(purchaserId).catch((e: unknown) => {
      agreementsAsked.delete(purchaserId);
      throw e;
    });
    agreementsAsked.set(purchaserId, p);
  }
  return p;
}

/** Providers of the purchaser's agreements for the order's category, those serving its place first. */
export function routeCandidates(order: Pick<Order, 'category' | 'municipality_code'>, agreements: readonly Agreement[]): Agreement[] {
  const fits = (a: Agreement) => (a.municipalities ?? []).includes(order.municipality_code ?? '');
  return agreements
    .filter((a) => (a.state ?? 'active') === 'active' && (a.categories ?? []).includes(order.category))
    .sort((a, b) => Number(fits(b)) - Number(fits(a)) || (a.rank ?? 99) - (b.rank ?? 99));
}

/**
 * The coordinator offers an order to one provider of the purchaser's agreements, or starts the
 * automatic routing again: the choice names what the provider covers so she sees why it fits.
 */
export function RouteByHand({
  order,
  agreements,
  onRouted,
  onCancel,
}: {
  order: Order;
  agreements: Agreement[] | null;
  onRouted: (providerName: string | null) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const names = useDirectoryNames();
  const keys = useIdempotencyKey();
  const [provider, setProvider] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const legendId = useId();
  const candidates = agreements ? routeCandidates(order, agreements) : [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!provider) {
      setErrors({ byField: { provider_id: [t('board.chooseProvider')] }, alert: null });
      return;
    }
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      await api.stepOrder('route', order.id, provider === 'auto' ? {} : { provider_id: provider }, keys.key());
      keys.settle();
      onRouted(provider === 'auto' ? null : (candidates.find((a) => a.provider_id === provider)?.provider_name ?? ''));
    } catch (err) {
      keys.settle(err);
      setErrors(formErrors(t, err, ['provider_id'], { 409: t('board.routeConflict') }));
      setBusy(false);
    }
  }

  if (!agreements) return <Loading />;
  return (
    <form className="route-form" onSubmit={(e) => void submit(e)} noValidate data-testid="route-form">
      <fieldset className={`field choice-group${errors.byField.provider_id ? ' field-invalid' : ''}`} aria-describedby={errors.byField.provider_id ? `${legendId}-error` : undefined}>
        <legend id={legendId}>{t('board.routeTo')}</legend>
        {errors.byField.provider_id ? (
          <p className="field-error" id={`${legendId}-error`}>
            {errors.byField.provider_id.join(' ')}
          </p>
        ) : null}
        {candidates.length === 0 ? <p className="empty">{t('board.noAgreements')}</p> : null}
        {candidates.map((a) => {
          const servesPlace = (a.municipalities ?? []).includes(order.municipality_code ?? '');
          const speaks = (a.languages ?? []).includes(order.language ?? '');
          return (
            <label key={a.id} className="choice" data-testid="route-option" data-provider-id={a.provider_id}>
              <input type="radio" name={`route-${order.id}`} value={a.provider_id} checked={provider === a.provider_id} onChange={() => setProvider(a.provider_id ?? '')} />
              <span>
                <strong>{a.provider_name}</strong>
                <span className="choice-hint">
                  {[
                    servesPlace ? t('board.servesPlace', { place: names.placeName(order.municipality_code ?? '') }) : t('board.notInPlace', { place: names.placeName(order.municipality_code ?? '') }),
                    speaks ? null : t('board.otherLanguages', { languages: listLanguages(a.languages ?? [], language) }),
                    t('board.capacity', { time: formatMinutes(a.weekly_capacity_minutes ?? 0, language) }),
                    a.price_model === 'hourly' ? t('board.hourly', { money: formatMoney(a.price_cents ?? 0, a.currency ?? 'EUR', language) }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </span>
            </label>
          );
        })}
        <label className="choice" data-testid="route-option" data-provider-id="auto">
          <input type="radio" name={`route-${order.id}`} value="auto" checked={provider === 'auto'} onChange={() => setProvider('auto')} />
          <span>
            <strong>{t('board.routeAgain')}</strong>
            <span className="choice-hint">{t('board.routeAgainHint')}</span>
          </span>
        </label>
      </fieldset>
      <FormAlert message={errors.alert} requestId={errors.requestId} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="send-route">
          {busy ? t('orders.sending') : t('board.sendRoute')}
        </button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

// The shop order's payment: the client's grants that can pay, which of them pays ("Pay from"),
// and the funding engine's split of one visit before the order is sent
// (POST /clients/{id}/funding-quote). The advice desk's order form shares it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as ordersApi from '../../api/orders';
import type { FundingSplit, GrantWithBalance, PublicService } from '../../api/types';
import { ChoiceGroup } from '../../components/Field';
import { formatMoney } from '../../lib/format';
import { formatBalanceAmount, grantKindName } from '../../lib/funding';
import { payableGrants, visitEstimate } from '../../lib/shopOrder';
import { useSession } from '../../session/SessionContext';
import { SplitList } from '../orders/OrderBits';

/**
 * The client's grants that can pay for an order of this category today, and the one chosen to
 * pay: chosen by itself when there is just one. Nothing while there is no client ('').
 */
export function usePayableGrants(clientId: string, category: string, today: string, acceptedPayers: readonly string[] = []) {
  const [grants, setGrants] = useState<GrantWithBalance[]>([]);
  const [payFrom, setPayFrom] = useState('');
  useEffect(() => {
    setGrants([]);
    setPayFrom('');
    if (!clientId) return;
    let live = true;
    void ordersApi
      .listGrants(clientId)
      .catch(() => [] as GrantWithBalance[])
      .then((all) => {
        if (!live) return;
        const payable = payableGrants(all, category, today);
        setGrants(payable);
        // The only grant is chosen by itself, unless it is a voucher the service does not say it
        // takes: the provider may not be approved for it, and the form would only fail at the end.
        const only = payable.length === 1 ? payable[0]! : null;
        const self = only && (only.kind !== 'voucher' || acceptedPayers.includes(only.payer_id)) ? only.id : '';
        setPayFrom(self);
      });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the accepted payers are the service's, fixed with it
  }, [clientId, category, today]);
  return { grants, payFrom, setPayFrom };
}

/**
 * The form's "Payment": which grant pays and, for a grant, who pays what for one visit; nothing
 * when no grant can pay.
 */
export function PaymentFields({
  grants,
  value,
  onChange,
  errors,
  clientId,
  service,
  minutes,
  date,
  forClient,
  headingLevel = 2,
}: {
  grants: readonly GrantWithBalance[];
  /** the chosen grant's id, '' for paying oneself */
  value: string;
  onChange: (grantId: string) => void;
  errors?: string[] | undefined;
  clientId: string;
  service: PublicService;
  /** the visit's length */
  minutes: number;
  /** the first visit's day */
  date: string;
  /** the client orders (else someone for the client) */
  forClient: boolean;
  /** the level of the heading in its page (3 inside a panel with its own heading) */
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  if (grants.length === 0) return null;
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  return (
    <fieldset className="plain-fieldset form-section" data-testid="payment">
      <legend className="visually-hidden">{t('shopOrder.payment')}</legend>
      <Heading>{t('shopOrder.payment')}</Heading>
      <PayFromChoice grants={grants} value={value} onChange={onChange} errors={errors} forClient={forClient} />
      {value ? <FundingQuote clientId={clientId} grantId={value} service={service} minutes={minutes} date={date} forClient={forClient} /> : null}
    </fieldset>
  );
}

/** "Pay from": each grant that can pay for the order, or paying the full price oneself. */
export function PayFromChoice({
  grants,
  value,
  onChange,
  errors,
  forClient,
}: {
  grants: readonly GrantWithBalance[];
  /** the chosen grant's id, '' for paying oneself */
  value: string;
  onChange: (grantId: string) => void;
  errors?: string[] | undefined;
  /** the client orders (else someone for the client) */
  forClient: boolean;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  return (
    <ChoiceGroup legend={t('shopOrder.payFrom')} hint={t(forClient ? 'shopOrder.payFromHint' : 'shopOrder.payFromHintOther')} errors={errors}>
      {grants.map((g) => {
        const b = g.balance;
        return (
          <label key={g.id} className="choice pay-option" data-testid="pay-from-grant" data-grant-id={g.id}>
            <input type="radio" name="pay_from" value={g.id} checked={value === g.id} onChange={() => onChange(g.id)} />
            <span className="provider-option-text">
              <strong>{grantKindName(t, g)}</strong>
              <span className="choice-hint">{g.payer_name}</span>
              {b && b.remaining !== undefined ? (
                <span className="choice-hint" data-testid="pay-from-available">
                  {t('funding.available', { amount: formatBalanceAmount(t, b, b.remaining, g.currency, language) })}
                </span>
              ) : null}
            </span>
          </label>
        );
      })}
      <label className="choice pay-option" data-testid="pay-from-self">
        <input type="radio" name="pay_from" value="" checked={value === ''} onChange={() => onChange('')} />
        <span className="provider-option-text">
          <strong>{t(forClient ? 'shopOrder.payOwn' : 'shopOrder.payOwnOther')}</strong>
        </span>
      </label>
    </ChoiceGroup>
  );
}

type QuoteState = { split: FundingSplit | null; problem: 'loading' | 'failed' | null };

/**
 * Who pays what for one visit of `minutes` on `date` with the chosen grant, as the server counts
 * it; asked again (after a pause for typing) when the visit changes.
 */
export function FundingQuote({
  clientId,
  grantId,
  service,
  minutes,
  date,
  forClient,
}: {
  clientId: string;
  grantId: string;
  service: PublicService;
  minutes: number;
  date: string;
  forClient: boolean;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const [state, setState] = useState<QuoteState>({ split: null, problem: 'loading' });
  const price = service.price;

  useEffect(() => {
    if (!price) return;
    const controller = new AbortController();
    setState({ split: null, problem: 'loading' });
    const visit = visitEstimate(price, minutes);
    const timer = window.setTimeout(() => {
      ordersApi
        .quoteFunding(
          clientId,
          {
            grants: [grantId],
            category: service.category ?? '',
            provider_id: service.provider.id,
            date,
            price_cents: visit.priceCents,
            billable_minutes: visit.billableMinutes,
            currency: price.currency,
          },
          controller.signal,
        )
        .then(
          (split) => setState({ split, problem: null }),
          (e: unknown) => {
            if (e instanceof DOMException && e.name === 'AbortError') return;
            setState({ split: null, problem: 'failed' });
          },
        );
    }, 250);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [clientId, grantId, service.id, service.category, service.provider.id, price, minutes, date]);

  if (!price) return null;
  const split = state.split;
  const currency = split?.currency ?? price.currency;
  const hasClientShare = (split?.shares ?? []).some((s) => s.client);
  return (
    <section className="estimate-box split-preview" aria-labelledby="pay-split-heading" aria-live="polite" data-testid="funding-quote">
      <h3 id="pay-split-heading">{t('orderForm.splitTitle')}</h3>
      {split ? (
        <>
          <SplitList shares={split.shares} currency={currency} priceCents={split.price_cents} testId="pay-split" forClient={forClient} />
          {!hasClientShare ? (
            <dl className="split">
              <div className="split-row split-client" data-testid="client-part">
                <dt>{t(forClient ? 'split.clientPays' : 'split.clientPaysOther')}</dt>
                <dd>{t(forClient ? 'split.yourShare' : 'split.clientShare', { amount: formatMoney(0, currency, language) })}</dd>
              </div>
            </dl>
          ) : null}
          <p className="muted small">{t('shopOrder.splitNote')}</p>
        </>
      ) : (
        <p className="muted">{state.problem === 'failed' ? t('orderForm.noQuote') : t('common.loading')}</p>
      )}
    </section>
  );
}

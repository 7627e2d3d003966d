import { useTranslation } from 'react-i18next';
import type { FundingSplit } from '../../api/types';
import { ChoiceGroup } from '../../components/Field';
import { formatMoney } from '../../lib/format';
import type { ProviderOption } from '../../lib/orderForm';
import { listLanguages } from '../../lib/serviceText';
import { useSession } from '../../session/SessionContext';

export interface Quoted {
  option: ProviderOption;
  quote: FundingSplit | null;
  /** why there is no quote: no price known, the quote failed, or it is still coming */
  problem: 'noPrice' | 'failed' | 'loading' | null;
}

/** Net of the grant first, then by price; options without a price last. */
export function byNetPrice(a: Quoted, b: Quoted): number {
  const na = a.quote?.client_cents ?? Number.MAX_SAFE_INTEGER;
  const nb = b.quote?.client_cents ?? Number.MAX_SAFE_INTEGER;
  if (na !== nb) return na - nb;
  return (a.quote?.price_cents ?? Number.MAX_SAFE_INTEGER) - (b.quote?.price_cents ?? Number.MAX_SAFE_INTEGER);
}

/**
 * The providers as radio cards compared by what the client pays per visit after the grant:
 * "You pay 29,80 € (price 85,80 €, voucher 56,00 €)".
 */
export function ProviderChoice({
  options,
  value,
  onChange,
  errors,
  allowNoPreference,
  forClient,
}: {
  options: readonly Quoted[];
  value: string;
  onChange: (providerId: string) => void;
  errors?: string[] | undefined;
  allowNoPreference: boolean;
  /** the client orders (else someone for the client) */
  forClient: boolean;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const sorted = [...options].sort(byNetPrice);
  return (
    <ChoiceGroup legend={t('orderForm.provider')} hint={t(forClient ? 'orderForm.providerHint' : 'orderForm.providerHintOther')} errors={errors}>
      {sorted.length === 0 ? <p className="empty">{t('orderForm.noProviders')}</p> : null}
      {sorted.map(({ option, quote, problem }) => {
        const currency = quote?.currency ?? option.pricing?.currency ?? 'EUR';
        const disabled = !option.pricing;
        const payer = (quote?.shares ?? []).filter((s) => !s.client).reduce((sum, s) => sum + (s.amount_cents ?? 0), 0);
        return (
          <label
            key={option.providerId}
            className={`choice provider-option${disabled ? ' choice-disabled' : ''}`}
            data-testid="provider-option"
            data-provider-id={option.providerId}
          >
            <input
              type="radio"
              name="provider"
              value={option.providerId}
              checked={value === option.providerId}
              disabled={disabled}
              onChange={() => onChange(option.providerId)}
            />
            <span className="provider-option-text">
              <strong>{option.providerName}</strong>
              {quote ? (
                <>
                  <span className="net-price" data-testid="net-price">
                    {t(forClient ? 'orderForm.youPay' : 'orderForm.clientPays', { money: formatMoney(quote.client_cents ?? 0, currency, language) })}
                  </span>
                  <span className="choice-hint">
                    {t(forClient ? 'orderForm.priceAndFunding' : 'orderForm.priceAndFundingOther', {
                      price: formatMoney(quote.price_cents ?? 0, currency, language),
                      funded: formatMoney(payer, currency, language),
                    })}
                  </span>
                </>
              ) : (
                <span className="choice-hint">
                  {problem === 'loading'
                    ? t('common.loading')
                    : problem === 'failed'
                      ? t('orderForm.noQuote')
                      : t('orderForm.noPrice')}
                </span>
              )}
              {option.pricing?.model === 'hourly' ? (
                <span className="choice-hint">
                  {t('orderForm.hourly', { money: formatMoney(option.pricing.amount_cents, currency, language) })}
                  {option.languages.length > 0 ? ` · ${listLanguages(option.languages, language)}` : ''}
                </span>
              ) : null}
              {option.servesArea === false ? <span className="choice-hint">{t('orderForm.notInArea')}</span> : null}
            </span>
          </label>
        );
      })}
      {allowNoPreference ? (
        <label className="choice provider-option" data-testid="provider-option" data-provider-id="">
          <input type="radio" name="provider" value="" checked={value === 'any'} onChange={() => onChange('any')} />
          <span className="provider-option-text">
            <strong>{t('orderForm.anyProvider')}</strong>
            <span className="choice-hint">{t('orderForm.anyProviderHint')}</span>
          </span>
        </label>
      ) : null}
    </ChoiceGroup>
  );
}

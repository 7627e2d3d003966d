// Parts of the shop's order form: the price estimate of one visit, the place from the postal code
// (or a choice of the service's area), and the account a visitor creates with the order.
import { useTranslation } from 'react-i18next';
import type { PublicService } from '../../api/types';
import { Notice } from '../../components/Alert';
import { SelectField, TextField } from '../../components/Field';
import { LANGUAGES, NATIVE_NAMES } from '../../i18n/languages';
import type { DirectoryNames } from '../../lib/directoryData';
import { formatMinutes } from '../../lib/funding';
import { formatPrice, type PlaceCodes } from '../../lib/price';
import { areaChoices, visitEstimate, type AccountValues } from '../../lib/shopOrder';
import { useSession } from '../../session/SessionContext';

/** One visit's price by the published price and the visit's length, and the deduction estimate. */
export function VisitEstimate({
  price,
  minutes,
  area,
  deduction = true,
}: {
  price: NonNullable<PublicService['price']>;
  minutes: number;
  /** the service's area: the Finnish household deduction only for a service given in Finland */
  area?: PlaceCodes | null;
  /** false when a grant pays: the household deduction does not apply to what it pays */
  deduction?: boolean;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const money = (cents: number) => formatPrice(cents, price.currency, language);
  const e = visitEstimate(price, minutes, area);
  const time = formatMinutes(minutes, language);
  return (
    <section className="estimate-box" aria-labelledby="estimate-heading" data-testid="estimate">
      <h3 id="estimate-heading">{t('shopOrder.estimate')}</h3>
      <dl className="split">
        <div className="split-row split-total">
          <dt>{t('shopOrder.estimateVisit', { time })}</dt>
          <dd data-testid="estimate-price">{money(e.priceCents)}</dd>
        </div>
        {price.model === 'hourly' ? (
          <div className="split-row">
            <dt className="visually-hidden">{t('service.price')}</dt>
            <dd className="estimate-detail">
              {t('shopOrder.estimateRate', {
                rate: `${money(price.amount)} ${t('shop.unit.hourly')}`,
                time: formatMinutes(e.billableMinutes, language),
              })}
              {e.minimumApplies ? ` ${t('shopOrder.estimateMinimum', { amount: money(price.minimum_charge ?? 0) })}` : ''}
            </dd>
          </div>
        ) : null}
        {deduction && e.deductionCents !== null ? (
          <div className="split-row split-client" data-testid="estimate-deduction">
            <dt>{t('shopOrder.estimateDeduction', { amount: money(e.deductionCents) })}</dt>
            <dd>{t('shopOrder.estimateAfter', { amount: money(e.priceCents - e.deductionCents) })}</dd>
          </div>
        ) : null}
      </dl>
      {deduction ? <p className="muted small">{t('shopOrder.estimateNote')}</p> : null}
    </section>
  );
}

/**
 * Where the address is: its postal code names the place (shown in words), else the person
 * chooses among the service's municipalities and districts.
 */
export function PlaceFields({
  service,
  names,
  derived,
  municipality,
  district,
  onChange,
  errors,
  show,
}: {
  service: PublicService;
  names: DirectoryNames;
  /** the place the postal code names, or null */
  derived: { municipality: string; district: string } | null;
  municipality: string;
  district: string;
  onChange: (place: { municipality: string; district: string }) => void;
  errors: Record<string, string[]>;
  /** false until the address has been typed: nothing to say yet */
  show: boolean;
}) {
  const { t } = useTranslation();
  const choices = areaChoices(service.area, names.places);
  const chosen = choices.find((c) => c.municipality.code === municipality);
  if (derived) {
    const place = [derived.district || district, derived.municipality].filter(Boolean).map((c) => names.placeName(c)).join(', ');
    const needsDistrict = !derived.district && chosen?.districtRequired;
    return (
      <>
        <p className="place-line" data-testid="order-place">
          {t('shopOrder.placeFromPostal', { place })}
        </p>
        {needsDistrict && chosen ? (
          <SelectField
            label={t('orderForm.district')}
            value={district}
            onChange={(e) => onChange({ municipality, district: e.target.value })}
            errors={errors.district_code}
            name="district"
          >
            <option value="">{t('orderForm.chooseMunicipality')}</option>
            {chosen.districts.map((d) => (
              <option key={d.code} value={d.code}>
                {names.placeName(d.code)}
              </option>
            ))}
          </SelectField>
        ) : null}
      </>
    );
  }
  if (!show) return null;
  return (
    <div className="field-pair">
      <SelectField
        label={t('orderForm.municipality')}
        value={municipality}
        onChange={(e) => onChange({ municipality: e.target.value, district: '' })}
        errors={errors.municipality_code}
        name="municipality"
      >
        <option value="">{t('orderForm.chooseMunicipality')}</option>
        {choices.map((c) => (
          <option key={c.municipality.code} value={c.municipality.code}>
            {names.placeName(c.municipality.code)}
          </option>
        ))}
      </SelectField>
      {chosen && chosen.districts.length > 0 ? (
        <SelectField
          label={t('orderForm.district')}
          value={district}
          onChange={(e) => onChange({ municipality, district: e.target.value })}
          errors={errors.district_code}
          name="district"
        >
          <option value="">{chosen.districtRequired ? t('orderForm.chooseMunicipality') : t('orderForm.noDistrict')}</option>
          {chosen.districts.map((d) => (
            <option key={d.code} value={d.code}>
              {names.placeName(d.code)}
            </option>
          ))}
        </SelectField>
      ) : null}
    </div>
  );
}

/** The account a visitor creates with the order; "sign in instead" keeps what was typed. */
export function AccountFields({
  account,
  onChange,
  errors,
  takenEmail,
  onSignIn,
}: {
  account: AccountValues;
  onChange: (change: Partial<AccountValues>) => void;
  errors: Record<string, string[]>;
  /** the address the server said has an account already */
  takenEmail: string | null;
  onSignIn: () => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="plain-fieldset form-section" data-testid="account-fields">
      <legend className="visually-hidden">{t('shopOrder.account')}</legend>
      <h2>{t('shopOrder.account')}</h2>
      <p>{t('shopOrder.accountIntro')}</p>
      {takenEmail ? (
        <Notice tone="warning">
          <p data-testid="email-taken">{t('shopOrder.emailTaken', { email: takenEmail })}</p>
          <button type="button" className="button button-secondary" onClick={onSignIn} data-testid="sign-in-instead">
            {t('shopOrder.signIn')}
          </button>
        </Notice>
      ) : null}
      <TextField
        label={t('shopOrder.name')}
        value={account.name}
        onChange={(e) => onChange({ name: e.target.value })}
        errors={errors['account.name']}
        autoComplete="name"
        maxLength={200}
        name="account_name"
      />
      <TextField
        type="email"
        label={t('shopOrder.email')}
        value={account.email}
        onChange={(e) => onChange({ email: e.target.value })}
        errors={errors['account.email']}
        autoComplete="email"
        autoCapitalize="off"
        spellCheck={false}
        name="account_email"
      />
      <TextField
        type="password"
        label={t('shopOrder.password')}
        hint={t('reset.passwordHint')}
        value={account.password}
        onChange={(e) => onChange({ password: e.target.value })}
        errors={errors['account.password']}
        autoComplete="new-password"
        name="account_password"
      />
      <SelectField
        label={t('shopOrder.accountLanguage')}
        value={account.language}
        onChange={(e) => onChange({ language: e.target.value as AccountValues['language'] })}
        errors={errors['account.language']}
        name="account_language"
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {NATIVE_NAMES[l]}
          </option>
        ))}
      </SelectField>
      <p className="small muted">{t('shopOrder.phoneShared')}</p>
      {takenEmail ? null : (
        <p className="have-account">
          {t('shopOrder.haveAccount')}{' '}
          <button type="button" className="button-link" onClick={onSignIn} data-testid="have-account">
            {t('shopOrder.signIn')}
          </button>
        </p>
      )}
    </fieldset>
  );
}

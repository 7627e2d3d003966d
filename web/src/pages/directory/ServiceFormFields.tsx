import { useTranslation } from 'react-i18next';
import type { Organization, PriceModel } from '../../api/types';
import { ChoiceGroup, SelectField, TextAreaField, TextField } from '../../components/Field';
import type { DirectoryNames } from '../../lib/directoryData';
import { formatPrice, householdDeductionEstimate, parseMoney, parsePercent } from '../../lib/price';
import { TEXT_LANGUAGES, type ServiceForm, type TextLanguage } from '../../lib/serviceForm';
import { languageName } from '../../lib/serviceText';
import { useSession } from '../../session/SessionContext';
import { AreaPicker } from './AreaPicker';
import { HoursEditor } from './HoursEditor';
import { LanguageTabs } from './LanguageTabs';

const MODELS: PriceModel[] = ['hourly', 'per_visit', 'fixed'];

/** Every field of a service, grouped in cards; messages from the server beside each field. */
export function ServiceFormFields({
  form,
  onChange,
  byField,
  names,
  purchasers,
  tab,
  onTab,
}: {
  form: ServiceForm;
  onChange: (change: Partial<ServiceForm>) => void;
  byField: Record<string, string[]>;
  names: DirectoryNames;
  /** The region's purchasers whose vouchers a service may accept; null while loading. */
  purchasers: Organization[] | null;
  tab: TextLanguage;
  onTab: (lang: TextLanguage) => void;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const amount = parseMoney(form.amount);
  const labour = form.labourShare.trim() ? parsePercent(form.labourShare) : 0;
  const estimate =
    amount !== null && labour !== null ? householdDeductionEstimate({ amount, currency: form.currency, labour_share_bp: labour }) : null;
  const tabInvalid = (l: TextLanguage) => !!byField[`name.${l}`] || !!byField[`description.${l}`];
  const purchaserIds = new Set((purchasers ?? []).map((p) => p.id));
  const unknownVouchers = form.vouchers.filter((v) => !purchaserIds.has(v));

  return (
    <>
      <section className="card form-section" aria-labelledby="sec-texts">
        <h2 id="sec-texts">{t('editor.sections.texts')}</h2>
        <p className="field-hint">{t('editor.textsHint')}</p>
        {byField.name ? (
          <p className="field-error" id="service-name-error" data-testid="name-error">
            <span aria-hidden="true" className="field-error-icon">
              !
            </span>{' '}
            {byField.name.join(' ')}
          </p>
        ) : null}
        <LanguageTabs
          label={t('editor.textLanguages')}
          selected={tab}
          onSelect={onTab}
          filled={(l) => form.name[l].trim() !== '' || form.description[l].trim() !== ''}
          invalid={tabInvalid}
        >
          {TEXT_LANGUAGES.filter((l) => l === tab).map((l) => (
            <div key={l} className="form">
              <TextField
                label={t('editor.name', { language: languageName(l, language) })}
                name={`name.${l}`}
                lang={l}
                value={form.name[l]}
                maxLength={120}
                onChange={(e) => onChange({ name: { ...form.name, [l]: e.target.value } })}
                errors={byField[`name.${l}`]}
                data-testid="service-name"
                // "A name in at least one language" belongs to every name field: read it with this one.
                {...(byField.name && !byField[`name.${l}`]
                  ? { 'aria-invalid': true, 'aria-describedby': 'service-name-error' }
                  : {})}
              />
              <TextAreaField
                label={t('editor.description', { language: languageName(l, language) })}
                hint={t('editor.descriptionHint')}
                name={`description.${l}`}
                lang={l}
                rows={6}
                value={form.description[l]}
                maxLength={4000}
                onChange={(e) => onChange({ description: { ...form.description, [l]: e.target.value } })}
                errors={byField[`description.${l}`]}
                data-testid="service-description"
              />
            </div>
          ))}
        </LanguageTabs>
      </section>

      <section className="card form-section" aria-labelledby="sec-what">
        <h2 id="sec-what">{t('editor.sections.what')}</h2>
        <SelectField
          label={t('editor.category')}
          name="category"
          value={form.category}
          onChange={(e) => onChange({ category: e.target.value })}
          errors={byField.category}
          data-testid="service-category"
        >
          <option value="">{t('editor.chooseCategory')}</option>
          {names.categories.map((c) => (
            <option key={c.code} value={c.code}>
              {names.categoryName(c.code)}
            </option>
          ))}
        </SelectField>
        <ChoiceGroup legend={t('editor.languages')} hint={t('editor.languagesHint')} errors={byField.languages}>
          <div className="choice-row">
            {TEXT_LANGUAGES.map((l) => (
              <label key={l} className="choice choice-compact">
                <input
                  type="checkbox"
                  checked={form.languages.includes(l)}
                  onChange={() =>
                    onChange({
                      languages: form.languages.includes(l) ? form.languages.filter((x) => x !== l) : [...form.languages, l],
                    })
                  }
                  data-testid={`service-language-${l}`}
                />
                <span>{languageName(l, language)}</span>
              </label>
            ))}
          </div>
        </ChoiceGroup>
      </section>

      <section className="card form-section" aria-labelledby="sec-area">
        <h2 id="sec-area">{t('editor.sections.area')}</h2>
        <AreaPicker
          names={names}
          municipalities={form.municipalities}
          districts={form.districts}
          onChange={(next) => onChange(next)}
          errors={byField.area}
        />
        <TextField
          label={t('editor.postalCodes')}
          hint={t('editor.postalCodesHint')}
          name="postal_codes"
          inputMode="numeric"
          value={form.postalCodes}
          onChange={(e) => onChange({ postalCodes: e.target.value })}
          errors={byField['area.postal_codes']}
        />
      </section>

      <section className="card form-section" aria-labelledby="sec-price">
        <h2 id="sec-price">{t('editor.sections.price')}</h2>
        <SelectField
          label={t('editor.priceModel')}
          name="price_model"
          value={form.priceModel}
          onChange={(e) => onChange({ priceModel: e.target.value as PriceModel })}
          errors={byField['price.model']}
        >
          {MODELS.map((m) => (
            <option key={m} value={m}>
              {t(`editor.models.${m}`)}
            </option>
          ))}
        </SelectField>
        <div className="field-pair">
          <TextField
            label={t('editor.amount')}
            hint={t('editor.amountHint')}
            name="price_amount"
            inputMode="decimal"
            value={form.amount}
            onChange={(e) => onChange({ amount: e.target.value })}
            errors={byField['price.amount']}
            data-testid="service-amount"
          />
          <SelectField
            label={t('editor.currency')}
            name="currency"
            value={form.currency}
            onChange={(e) => onChange({ currency: e.target.value as ServiceForm['currency'] })}
            errors={byField['price.currency']}
          >
            <option value="EUR">EUR (€)</option>
            <option value="SEK">SEK (kr)</option>
            <option value="DKK">DKK (kr)</option>
          </SelectField>
        </div>
        <TextField
          label={t('editor.minimumCharge')}
          hint={t('editor.minimumChargeHint')}
          name="minimum_charge"
          inputMode="decimal"
          value={form.minimumCharge}
          onChange={(e) => onChange({ minimumCharge: e.target.value })}
          errors={byField['price.minimum_charge']}
        />
        <div className="field-pair">
          <TextField
            label={t('editor.vatRate')}
            hint={t('editor.vatRateHint')}
            name="vat_rate"
            inputMode="decimal"
            value={form.vatRate}
            onChange={(e) => onChange({ vatRate: e.target.value })}
            errors={byField['price.vat_rate_bp']}
          />
          <TextField
            label={t('editor.labourShare')}
            hint={t('editor.labourShareHint')}
            name="labour_share"
            inputMode="decimal"
            value={form.labourShare}
            onChange={(e) => onChange({ labourShare: e.target.value })}
            errors={byField['price.labour_share_bp']}
            data-testid="service-labour-share"
          />
        </div>
        <p className="deduction-preview" aria-live="polite">
          {estimate !== null
            ? t('editor.deductionPreview', {
                text: t(`shop.deduction.${form.priceModel}`, { amount: formatPrice(estimate, form.currency, language) }),
              })
            : t('editor.noDeductionPreview')}
        </p>
      </section>

      <section className="card form-section" aria-labelledby="sec-vouchers">
        <h2 id="sec-vouchers">{t('editor.sections.vouchers')}</h2>
        <ChoiceGroup legend={t('editor.vouchers')} hint={t('editor.vouchersHint')} errors={byField.vouchers}>
          {purchasers === null ? <p className="muted">{t('common.loading')}</p> : null}
          {purchasers !== null && purchasers.length === 0 && unknownVouchers.length === 0 ? (
            <p className="muted">{t('editor.noPurchasers')}</p>
          ) : null}
          {[...(purchasers ?? []).map((p) => ({ id: p.id, name: p.name })), ...unknownVouchers.map((id) => ({ id, name: id }))].map((p) => (
            <label key={p.id} className="choice">
              <input
                type="checkbox"
                checked={form.vouchers.includes(p.id)}
                onChange={() =>
                  onChange({
                    vouchers: form.vouchers.includes(p.id) ? form.vouchers.filter((v) => v !== p.id) : [...form.vouchers, p.id],
                  })
                }
                data-testid="service-voucher"
              />
              <span>{p.name}</span>
            </label>
          ))}
        </ChoiceGroup>
      </section>

      <section className="card form-section" aria-labelledby="sec-hours">
        <h2 id="sec-hours">{t('editor.sections.hours')}</h2>
        <HoursEditor
          hours={form.hours}
          onChange={(hours) => onChange({ hours })}
          errors={byField.hours}
          rowErrors={(i) => byField[`hours.${i}`]}
        />
      </section>

      <section className="card form-section" aria-labelledby="sec-capacity">
        <h2 id="sec-capacity">{t('editor.sections.capacity')}</h2>
        <div className="field-pair">
          <TextField
            label={t('editor.capacity')}
            hint={t('editor.capacityHint')}
            name="capacity_per_week"
            inputMode="numeric"
            value={form.capacityPerWeek}
            onChange={(e) => onChange({ capacityPerWeek: e.target.value })}
            errors={byField.capacity_per_week}
          />
          <TextField
            label={t('editor.leadTime')}
            hint={t('editor.leadTimeHint')}
            name="lead_time_days"
            inputMode="numeric"
            value={form.leadTimeDays}
            onChange={(e) => onChange({ leadTimeDays: e.target.value })}
            errors={byField.lead_time_days}
          />
        </div>
      </section>
    </>
  );
}

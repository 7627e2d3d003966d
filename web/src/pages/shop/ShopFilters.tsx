import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceSearchResult } from '../../api/types';
import { ChoiceGroup, SelectField } from '../../components/Field';
import { LANGUAGES } from '../../i18n/languages';
import type { DirectoryNames } from '../../lib/directoryData';
import { formatNumber } from '../../lib/format';
import { formatPrice } from '../../lib/price';
import { activeFilterCount, priceLimits, type ShopState } from '../../lib/shopQuery';
import { WEEKDAY_CODES, languageName, weekdayName, type WeekdayCode } from '../../lib/serviceText';
import { useSession } from '../../session/SessionContext';

type Facets = ServiceSearchResult['facets'];

function countOf(list: { value: string; count: number }[] | undefined, value: string): number | undefined {
  return list?.find((f) => f.value === value)?.count;
}

/**
 * The shop's filters with the facet counts of the current search. Each change applies at once
 * (and becomes a new address, so the back button undoes it).
 */
export function ShopFilters({
  state,
  facets,
  names,
  knownVouchers,
  onChange,
  onDone,
  total,
}: {
  state: ShopState;
  facets: Facets | undefined;
  names: DirectoryNames;
  /** Purchaser ids whose vouchers services of this region accept, as far as the results told. */
  knownVouchers: string[];
  onChange: (change: Partial<ShopState>) => void;
  /** On a phone: closes the filters and shows the results (nothing on wide screens). */
  onDone?: (() => void) | undefined;
  total?: number | undefined;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const id = useId();
  const withCount = (label: string, count: number | undefined) =>
    count === undefined ? label : t('shop.withCount', { label, count });

  // Categories and municipalities that have results, and the chosen one even when it has none.
  const categories = names.categories
    .map((c) => c.code)
    .filter((code) => code === state.category || (countOf(facets?.category, code) ?? 0) > 0 || !facets?.category);
  for (const f of facets?.category ?? []) if (!categories.includes(f.value) && f.count > 0) categories.push(f.value);
  const municipalities = names.municipalities
    .map((m) => m.code)
    .filter(
      (code) => code === state.municipality || (countOf(facets?.municipality, code) ?? 0) > 0 || !facets?.municipality,
    );
  const languages = [...LANGUAGES] as string[];
  for (const f of facets?.language ?? []) if (!languages.includes(f.value)) languages.push(f.value);
  const limits = priceLimits(facets?.price_band ?? []);
  if (state.maxPrice !== null && !limits.some((l) => l.euros === state.maxPrice)) {
    limits.push({ euros: state.maxPrice, count: -1 });
    limits.sort((a, b) => a.euros - b.euros);
  }
  const vouchers = state.vouchers.length ? state.vouchers : knownVouchers;

  return (
    <div className="filters" data-testid="filters">
      <SelectField
        label={t('shop.category')}
        value={state.category}
        onChange={(e) => onChange({ category: e.target.value })}
        data-testid="filter-category"
      >
        <option value="">{t('shop.allCategories')}</option>
        {categories.map((code) => (
          <option key={code} value={code}>
            {withCount(names.categoryName(code), countOf(facets?.category, code))}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('shop.municipality')}
        value={state.municipality}
        onChange={(e) => onChange({ municipality: e.target.value })}
        data-testid="filter-municipality"
      >
        <option value="">{t('shop.allMunicipalities')}</option>
        {municipalities.map((code) => (
          <option key={code} value={code}>
            {withCount(names.placeName(code), countOf(facets?.municipality, code))}
          </option>
        ))}
      </SelectField>
      <ChoiceGroup legend={t('shop.language')}>
        <div className="choice-row">
          {languages.map((code) => {
            const count = countOf(facets?.language, code) ?? 0;
            const checked = state.languages.includes(code);
            return (
              <label key={code} className="choice choice-compact">
                <input
                  type="checkbox"
                  name="language"
                  value={code}
                  checked={checked}
                  data-testid={`filter-language-${code}`}
                  onChange={() =>
                    onChange({
                      languages: checked ? state.languages.filter((l) => l !== code) : [...state.languages, code],
                    })
                  }
                />
                <span>
                  {languageName(code, language)} <span className="count">({count})</span>
                </span>
              </label>
            );
          })}
        </div>
      </ChoiceGroup>
      <SelectField
        label={t('shop.openOn')}
        value={state.openOn ?? ''}
        onChange={(e) => onChange({ openOn: (e.target.value || null) as WeekdayCode | null })}
        data-testid="filter-open-on"
      >
        <option value="">{t('shop.anyDay')}</option>
        {WEEKDAY_CODES.map((code, i) => (
          <option key={code} value={code}>
            {weekdayName(i, language)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('shop.maxPrice')}
        hint={t('shop.maxPriceHint')}
        value={state.maxPrice === null ? '' : String(state.maxPrice)}
        onChange={(e) => onChange({ maxPrice: e.target.value ? Number(e.target.value) : null })}
        data-testid="filter-max-price"
      >
        <option value="">{t('shop.anyPrice')}</option>
        {limits.map((l) => (
          <option key={l.euros} value={l.euros}>
            {withCount(t('shop.upTo', { price: formatPrice(l.euros * 100, 'EUR', language) }), l.count >= 0 ? l.count : undefined)}
          </option>
        ))}
      </SelectField>
      {vouchers.length > 0 ? (
        <div className="field">
          <label className="choice" htmlFor={`${id}-voucher`}>
            <input
              id={`${id}-voucher`}
              type="checkbox"
              checked={state.vouchers.length > 0}
              data-testid="filter-voucher"
              onChange={() => onChange({ vouchers: state.vouchers.length > 0 ? [] : knownVouchers })}
            />
            <span>
              {t('shop.voucherFilter')}
              <span className="choice-hint">{t('shop.voucherFilterHint')}</span>
            </span>
          </label>
        </div>
      ) : null}
      <div className="filter-actions">
        {onDone && total !== undefined ? (
          <button type="button" className="button button-primary filters-done" onClick={onDone} data-testid="filters-done">
            {t('shop.showResults', { count: total, formatted: formatNumber(total, language) })}
          </button>
        ) : null}
        {activeFilterCount(state) > 0 ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() =>
              onChange({ category: '', municipality: '', languages: [], vouchers: [], maxPrice: null, openOn: null })
            }
            data-testid="clear-filters"
          >
            {t('shop.clearFilters')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

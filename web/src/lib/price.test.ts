import { describe, expect, it } from 'vitest';
import {
  HOUSEHOLD_DEDUCTION_RATE_BP,
  deductionApplies,
  formatPrice,
  formatRate,
  householdDeductionEstimate,
  labourPart,
  moneyForInput,
  parseMoney,
  parsePercent,
  percentForInput,
  priceAfterDeduction,
} from './price';

// Intl puts no-break spaces between number and sign; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('household deduction estimate', () => {
  it('is 35 % of the labour part, in 2026', () => {
    expect(HOUSEHOLD_DEDUCTION_RATE_BP).toBe(3500);
    // 40.00 € an hour, 80 % labour: 32.00 € labour, 35 % of it 11.20 €.
    expect(householdDeductionEstimate({ amount: 4000, currency: 'EUR', labour_share_bp: 8000 })).toBe(1120);
    expect(priceAfterDeduction({ amount: 4000, currency: 'EUR', labour_share_bp: 8000 })).toBe(2880);
    expect(labourPart(4000, 8000)).toBe(3200);
  });

  it('is only for services given in Finland', () => {
    const price = { amount: 3600, currency: 'EUR' as const, labour_share_bp: 10000 };
    expect(householdDeductionEstimate(price, { municipalities: ['de-08417008'] })).toBeNull();
    expect(householdDeductionEstimate(price, { municipalities: [], districts: ['fi-837-hervanta'] })).toBe(1260);
    expect(householdDeductionEstimate(price, null)).toBe(1260);
  });

  it('rounds to the cent', () => {
    // 33.90 × 0.75 × 0.35 = 8.89875 → 8.90
    expect(householdDeductionEstimate({ amount: 3390, currency: 'EUR', labour_share_bp: 7500 })).toBe(890);
  });

  it('does not apply without a labour share or outside euros', () => {
    expect(householdDeductionEstimate({ amount: 4000, currency: 'EUR', labour_share_bp: 0 })).toBeNull();
    expect(householdDeductionEstimate({ amount: 4000, currency: 'EUR' })).toBeNull();
    expect(householdDeductionEstimate({ amount: 4000, currency: 'SEK', labour_share_bp: 8000 })).toBeNull();
    expect(deductionApplies({ currency: 'DKK', labour_share_bp: 10000 })).toBe(false);
    expect(priceAfterDeduction({ amount: 4000, currency: 'SEK', labour_share_bp: 8000 })).toBe(4000);
  });
});

describe('formatting prices and rates', () => {
  it('writes money as each language does', () => {
    expect(plain(formatPrice(3250, 'EUR', 'fi'))).toBe('32,50 €');
    expect(plain(formatPrice(3250, 'EUR', 'sv'))).toBe('32,50 €');
    expect(formatPrice(3250, 'EUR', 'en')).toBe('€32.50');
  });

  it('writes basis points as a percentage', () => {
    expect(plain(formatRate(2550, 'fi'))).toBe('25,5 %');
    expect(formatRate(2550, 'en')).toBe('25.5%');
    expect(plain(formatRate(3500, 'de'))).toBe('35 %');
  });
});

describe('reading what a person typed', () => {
  it('reads euros with a comma or a point as cents', () => {
    expect(parseMoney('32,50')).toBe(3250);
    expect(parseMoney('32.5')).toBe(3250);
    expect(parseMoney(' 1 200 € ')).toBe(120000);
    expect(parseMoney('0')).toBe(0);
    expect(parseMoney('32,505')).toBeNull();
    expect(parseMoney('-5')).toBeNull();
    expect(parseMoney('abc')).toBeNull();
    expect(parseMoney('')).toBeNull();
  });

  it('reads percentages as basis points', () => {
    expect(parsePercent('25,5')).toBe(2550);
    expect(parsePercent('25.5 %')).toBe(2550);
    expect(parsePercent('100')).toBe(10000);
    expect(parsePercent('0,01')).toBe(1);
    expect(parsePercent('101')).toBeNull();
    expect(parsePercent('0,001')).toBeNull();
    expect(parsePercent('x')).toBeNull();
  });

  it('writes cents and basis points back for the input fields', () => {
    expect(moneyForInput(3250, 'fi')).toBe('32,50');
    expect(moneyForInput(3250, 'en')).toBe('32.50');
    expect(moneyForInput(4000, 'fi')).toBe('40');
    expect(moneyForInput(5, 'sv')).toBe('0,05');
    expect(percentForInput(2550, 'fi')).toBe('25,5');
    expect(percentForInput(2550, 'en')).toBe('25.5');
    expect(percentForInput(8000, 'de')).toBe('80');
    expect(parseMoney(moneyForInput(123456, 'da'))).toBe(123456);
  });
});

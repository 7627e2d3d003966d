// "My payments" texts: each language has exactly the keys of English with the same
// {{placeholders}}, and the keys the page builds from values (what was charged, the plural of the
// month's visits) exist in every language: the general test finds only keys written out in t('…').
import { describe, expect, it } from 'vitest';
import { BILLING_CHARGES } from '../pages/billing/billingText';
import { paymentChargeKey } from '../pages/billing/paymentsText';
import { hasText } from './hasText';
import { LANGUAGES } from './languages';
import paymentsDa from './locales/payments/da';
import paymentsDe from './locales/payments/de';
import paymentsEn from './locales/payments/en';
import paymentsFi from './locales/payments/fi';
import paymentsSv from './locales/payments/sv';
import { resources } from './resources';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const byLanguage = { fi: paymentsFi, sv: paymentsSv, en: paymentsEn, de: paymentsDe, da: paymentsDa };
const english = flatten(paymentsEn as unknown as Tree);

describe('payments texts', () => {
  it.each(Object.entries(byLanguage))('%s has the keys and placeholders of English', (_lang, texts) => {
    const flat = flatten(texts as unknown as Tree);
    expect([...flat.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of flat) expect(placeholders(text), key).toEqual(placeholders(english.get(key)!));
  });

  const built = [...BILLING_CHARGES.map((c) => paymentChargeKey(c)), 'payments.month.visits_one', 'payments.month.visits_other', 'nav.myPayments', 'home.cards.myPayments'];
  it.each(LANGUAGES)('%s has the keys built from values', (lang) => {
    const missing = built.filter((k) => !hasText(resources[lang].translation, k));
    expect(missing).toEqual([]);
  });
});

// Billing's texts: each language has exactly the keys of English with the same {{placeholders}},
// and the keys billing builds from values (states, charges, line kinds, why a visit is not billed,
// the access log's actions) exist in every language: the general test finds only keys written out in t('…').
import { describe, expect, it } from 'vitest';
import { BILLING_CHARGES, BILLING_STATES, chargeKey, CORRECTION_KINDS, stateKey } from '../pages/billing/billingText';
import { hasText } from './hasText';
import { LANGUAGES } from './languages';
import billingDa from './locales/billing/da';
import billingDe from './locales/billing/de';
import billingEn from './locales/billing/en';
import billingFi from './locales/billing/fi';
import billingSv from './locales/billing/sv';
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
const byLanguage = { fi: billingFi, sv: billingSv, en: billingEn, de: billingDe, da: billingDa };
const english = flatten(billingEn as unknown as Tree);

describe('billing texts', () => {
  it.each(Object.entries(byLanguage))('%s has the keys and placeholders of English', (_lang, texts) => {
    const flat = flatten(texts as unknown as Tree);
    expect([...flat.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of flat) expect(placeholders(text), key).toEqual(placeholders(english.get(key)!));
  });

  const built = [
    ...BILLING_STATES.map((s) => stateKey(s)),
    ...BILLING_CHARGES.map((c) => chargeKey(c)),
    ...CORRECTION_KINDS.map((k) => `billing.lineKinds.${k}`),
    ...(['disputed', 'delivered'] as const).map((s) => `billing.unbilled.states.${s}`),
    ...['billing_run_create', 'billing_run_collect', 'billing_run_lock', 'billing_run_discard', 'billing_lines_read', 'billing_export'].map(
      (a) => `actions.${a}`,
    ),
  ];
  it.each(LANGUAGES)('%s has the keys built from values', (lang) => {
    const missing = built.filter((k) => !hasText(resources[lang].translation, k));
    expect(missing).toEqual([]);
  });
});

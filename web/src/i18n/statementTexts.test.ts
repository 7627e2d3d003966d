// The provider's billing statements' texts: each language has exactly the keys of English with the
// same {{placeholders}}, and the keys the statement pages borrow from billing (its column headings
// and totals, so that the purchaser and the provider read the same words) and the access log's
// action exist in every language: the general test finds only keys written out in t('…').
import { describe, expect, it } from 'vitest';
import { actionKey } from '../lib/accessLog';
import { hasText } from './hasText';
import { LANGUAGES } from './languages';
import statementDa from './locales/statement/da';
import statementDe from './locales/statement/de';
import statementEn from './locales/statement/en';
import statementFi from './locales/statement/fi';
import statementSv from './locales/statement/sv';
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
const byLanguage = { fi: statementFi, sv: statementSv, en: statementEn, de: statementDe, da: statementDa };
const english = flatten(statementEn as unknown as Tree);

describe('billing statement texts', () => {
  it.each(Object.entries(byLanguage))('%s has the keys and placeholders of English', (_lang, texts) => {
    const flat = flatten(texts as unknown as Tree);
    expect([...flat.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of flat) expect(placeholders(text), key).toEqual(placeholders(english.get(key)!));
  });

  const built = [actionKey('billing.statement.read')!, 'nav.providerBilling', 'home.cards.providerBilling'];
  it.each(LANGUAGES)('%s has the keys built from values', (lang) => {
    const missing = built.filter((k) => !hasText(resources[lang].translation, k));
    expect(missing).toEqual([]);
  });
});

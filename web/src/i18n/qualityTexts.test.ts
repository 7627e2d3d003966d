// Feedback and complaints' texts: each language has exactly the keys of English with the same
// {{placeholders}}, and the keys the pages build from values (kinds, states, categories,
// severities, stars, events, who filed, the staff's steps, why a visit cannot be rated, the
// access log's actions and purpose) exist in every language: the general test finds only keys
// written out in t('…').
import { describe, expect, it } from 'vitest';
import {
  CASE_CATEGORIES,
  CASE_KINDS,
  CASE_SEVERITIES,
  CASE_STATES,
  categoryKey,
  EVENT_KINDS,
  eventKey,
  FILED_AS,
  filedAsKey,
  kindKey,
  nextStates,
  severityHintKey,
  severityKey,
  starKey,
  STARS,
  stateKey,
  targetKey,
} from '../lib/quality';
import { hasText } from './hasText';
import { LANGUAGES } from './languages';
import qualityDa from './locales/quality/da';
import qualityDe from './locales/quality/de';
import qualityEn from './locales/quality/en';
import qualityFi from './locales/quality/fi';
import qualitySv from './locales/quality/sv';
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
const byLanguage = { fi: qualityFi, sv: qualitySv, en: qualityEn, de: qualityDe, da: qualityDa };
const english = flatten(qualityEn as unknown as Tree);

describe('feedback and complaint texts', () => {
  it.each(Object.entries(byLanguage))('%s has the keys and placeholders of English', (_lang, texts) => {
    const flat = flatten(texts as unknown as Tree);
    expect([...flat.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of flat) expect(placeholders(text), key).toEqual(placeholders(english.get(key)!));
  });

  const targets = [...new Set(CASE_STATES.flatMap((s) => nextStates(s)))];
  const built = [
    ...CASE_KINDS.map(kindKey),
    ...CASE_STATES.map(stateKey),
    ...CASE_CATEGORIES.map(categoryKey),
    ...CASE_SEVERITIES.map(severityKey),
    ...CASE_SEVERITIES.map(severityHintKey),
    ...STARS.map(starKey),
    ...EVENT_KINDS.map(eventKey),
    ...FILED_AS.map(filedAsKey),
    ...targets.map(targetKey),
    ...['done', 'current', 'skipped', 'todo'].map((s) => `quality.stepStatus.${s}`),
    ...['type', 'size', 'count'].map((p) => `quality.files.problem.${p}`),
    ...['complaint', 'deviation'].map((k) => `quality.form.kindHint.${k}`),
    ...['open', 'closed', 'all'].flatMap((s) => [`quality.queue.tab.${s}`, `quality.queue.heading.${s}`, `quality.queue.empty.${s}`]),
    ...['notYet', 'cancelled', 'failed', 'tooLate', 'cannot'].map((k) => `quality.rate.${k}`),
    ...['rating_write', 'quality_case_file', 'quality_case_read', 'quality_case_manage', 'quality_provider'].map((a) => `actions.${a}`),
    'purposes.quality',
  ];
  it.each(LANGUAGES)('%s has the keys built from values', (lang) => {
    const missing = built.filter((k) => !hasText(resources[lang].translation, k));
    expect(missing).toEqual([]);
  });

  it('names the five stars in every language, the worst first', () => {
    expect(STARS.map((n) => (qualityEn.quality.stars as Record<string, string>)[String(n)])).toEqual(['Very poor', 'Poor', 'Okay', 'Good', 'Very good']);
    expect((qualityFi.quality.stars as Record<string, string>)['5']).toBe('Erinomainen');
  });
});

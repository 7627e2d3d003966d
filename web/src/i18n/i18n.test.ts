import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LANGUAGES, initialLanguage } from './languages';
import { resources } from './resources';
import { KNOWN_ACTIONS, KNOWN_PURPOSES, actionKey } from '../lib/accessLog';
import { ROLES } from '../lib/roles';

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

const flat = Object.fromEntries(LANGUAGES.map((l) => [l, flatten(resources[l].translation as unknown as Tree)]));
const en = flat.en!;
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it.each(LANGUAGES)('%s has every key of English and no other', (lang) => {
    const keys = [...flat[lang]!.keys()].sort();
    expect(keys).toEqual([...en.keys()].sort());
  });

  it.each(LANGUAGES)('%s has no empty text and the same {{placeholders}} as English', (lang) => {
    for (const [key, text] of flat[lang]!) {
      expect(text.trim(), `${lang}:${key}`).not.toBe('');
      expect(placeholders(text), `${lang}:${key}`).toEqual(placeholders(en.get(key)!));
    }
  });

  it('has every key the code asks for', () => {
    // t('a.b.c') calls in the sources, and the keys made from role, action and purpose names.
    const src = path.resolve(__dirname, '..');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name) && !/\.test\.ts$/.test(e.name) && !p.includes(`${path.sep}locales${path.sep}`)) files.push(p);
      }
    };
    walk(src);
    const asked = new Set<string>();
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_]+(?:\.[a-zA-Z0-9_]+)+)'/g)) asked.add(m[1]!);
      for (const m of text.matchAll(/(?:label|[a-zA-Z]+Key|key): '((?:nav|home|fieldMessages)\.[a-zA-Z0-9_.]+)'/g)) asked.add(m[1]!);
      for (const m of text.matchAll(/'((?:fieldMessages|home\.cards|nav)\.[a-zA-Z0-9_]+)'/g)) asked.add(m[1]!);
    }
    for (const r of [...ROLES, 'client', 'platform_admin', 'unknown']) asked.add(`roles.${r}`);
    for (const r of [...ROLES, 'client', 'platform_admin', 'unknown']) asked.add(`roleIntro.${r}`);
    for (const a of KNOWN_ACTIONS) asked.add(actionKey(a)!);
    for (const p of KNOWN_PURPOSES) asked.add(`purposes.${p}`);
    const missing = [...asked].filter((k) => !en.has(k) && !en.has(`${k}_one`));
    expect(missing).toEqual([]);
    expect(asked.size).toBeGreaterThan(150);
  });

  it('chooses the first language before sign-in from storage, then the browser', () => {
    expect(initialLanguage('sv', ['de-DE'])).toBe('sv');
    expect(initialLanguage(null, ['fr-FR', 'da-DK'])).toBe('da');
    expect(initialLanguage('xx', ['fi'])).toBe('fi');
    expect(initialLanguage(null, ['fr'])).toBe('en');
  });
});

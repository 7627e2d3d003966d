// Shared helpers of the browser tests: Debian's Chromium through playwright-core, axe checks,
// screenshots at phone and desktop size, log-in, TOTP codes. Started by scripts/browser-test.sh,
// which passes ALLMENDE_URL and ALLMENDE_DEMO_PASSWORD.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The packages live in web/node_modules (one lockfile for the web UI and its tests).
const require = createRequire(new URL('../../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const { default: AxeBuilder } = await import(require.resolve('@axe-core/playwright'));

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, '../..');
export const OUT = path.join(REPO, 'test-output');
export const SHOTS = path.join(OUT, 'screenshots');
export const AXE_SUMMARY = path.join(OUT, 'axe-summary.tsv');
mkdirSync(SHOTS, { recursive: true });

export const BASE_URL = process.env.ALLMENDE_URL ?? 'http://127.0.0.1:8080';
export const PASSWORD = process.env.ALLMENDE_DEMO_PASSWORD ?? '';
if (!PASSWORD) throw new Error('ALLMENDE_DEMO_PASSWORD is not set: run the tests through scripts/browser-test.sh');

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };

/** The demo people (src/main.cpp DemoUsers) and what their start page must offer. */
export const DEMO = {
  pia: { email: 'pia.admin@allmende.demo', role: 'platform_admin', nav: ['organizations'] },
  aino: { email: 'aino.virtanen@allmende.demo', role: 'client', nav: [] },
  liisa: { email: 'liisa.virtanen@allmende.demo', role: 'client', nav: [] },
  ebba: { email: 'ebba.lindqvist@allmende.demo', role: 'client', nav: [] },
  mikko: { email: 'mikko.neuvoja@allmende.demo', role: 'advisor', nav: ['desk'] },
  sari: { email: 'sari.tilaaja@allmende.demo', role: 'purchaser_officer', nav: [] },
  outi: { email: 'outi.koordinaattori@allmende.demo', role: 'coordinator', nav: ['board', 'desk'] },
  jussi: { email: 'jussi.siivous@allmende.demo', role: 'provider_admin', nav: ['org-'] },
  aleksi: { email: 'aleksi.tyontekija@allmende.demo', role: 'provider_worker', nav: [] },
  hanna: { email: 'hanna.vapaaehtoinen@allmende.demo', role: 'provider_admin', nav: ['org-'] },
  tuomas: { email: 'tuomas.hr@allmende.demo', role: 'employer_hr', nav: [] },
  jonas: { email: 'jonas.mitarbeiter@allmende.demo', role: 'employee', nav: [] },
  kirsi: { email: 'kirsi.tietosuoja@allmende.demo', role: 'auditor', nav: ['audit-'] },
};

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A browser with a fresh profile; close it in `after`. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** A new browser context (own cookies and storage) and page, English unless told otherwise. */
export async function newPage(browser, { locale = 'en-GB', viewport = DESKTOP } = {}) {
  const context = await browser.newContext({ baseURL: BASE_URL, locale, viewport, timezoneId: 'Europe/Helsinki' });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.pageErrors = errors;
  return page;
}

/** Signs in through the log-in page and waits for the start page. */
export async function login(page, email, password = PASSWORD) {
  await page.goto('/login');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.locator('[data-testid="sign-out"]').waitFor();
  await page.locator('#main h1').waitFor();
}

export async function signOut(page) {
  await page.locator('[data-testid="sign-out"]').click();
  await page.waitForURL('**/login');
}

/** Sets the UI language through the header's language switch. */
export async function switchLanguage(page, lang) {
  await page.locator('[data-testid="language-select"]').selectOption(lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

const axeSeen = new Set();

/**
 * Runs axe (WCAG 2.1 A and AA rules) on the page as it is, records the counts by impact in
 * test-output/axe-summary.tsv, and fails on any serious or critical violation.
 */
export async function checkA11y(page, name) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const counts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const v of result.violations) counts[v.impact ?? 'minor'] += v.nodes.length;
  const width = page.viewportSize()?.width ?? 0;
  const key = `${name}@${width}`;
  if (!axeSeen.has(key)) {
    axeSeen.add(key);
    appendFileSync(
      AXE_SUMMARY,
      [name, width, result.passes.length, counts.critical, counts.serious, counts.moderate, counts.minor,
        result.violations.map((v) => `${v.id}(${v.impact})`).join(' ')].join('\t') + '\n',
    );
  }
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })),
    [],
    `axe found serious or critical violations on ${name} at ${width}px`,
  );
  return result;
}

/**
 * The page at phone and desktop size: a full-page screenshot of each into
 * test-output/screenshots/<name>-360.png and -1280.png, and axe at both sizes.
 */
export async function capture(page, name) {
  const before = page.viewportSize() ?? DESKTOP;
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    await page.evaluate(() => document.fonts?.ready);
    await checkA11y(page, name);
    // Nothing may stick out sideways: a phone user should never scroll horizontally.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name} is ${overflow}px wider than ${size.width}px`);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${size.width}.png`), fullPage: true });
  }
  await page.setViewportSize(before);
}

/** Does the running server document this operation? (Endpoints of issue 4 arrive one by one.) */
export async function serverHas(method, apiPath) {
  const res = await fetch(`${BASE_URL}/api/v1/openapi.json`);
  const doc = await res.json();
  return Boolean(doc.paths?.[apiPath]?.[method.toLowerCase()]);
}

// --- TOTP (RFC 6238, SHA-1, 6 digits, 30 s), to act as the authenticator app ----------------

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of text.replace(/[\s=]/g, '').toUpperCase()) {
    const v = alphabet.indexOf(c);
    if (v < 0) throw new Error(`not base32: ${c}`);
    bits += v.toString(2).padStart(5, '0');
  }
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

export function totp(secret, step = Math.floor(Date.now() / 30_000)) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(value).padStart(6, '0');
}

/**
 * A code of a time step not used before (servers refuse a code twice): polls until the clock
 * reaches a new step, at most 35 s.
 */
export async function freshCode(secret, used) {
  const deadline = Date.now() + 35_000;
  for (;;) {
    const step = Math.floor(Date.now() / 30_000);
    if (!used.has(step)) {
      used.add(step);
      return totp(secret, step);
    }
    if (Date.now() > deadline) throw new Error('no fresh TOTP step within 35 s');
    await new Promise((r) => setTimeout(r, 250));
  }
}

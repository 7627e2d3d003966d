// Journey 6, month end: Sari, purchaser officer of the welfare area, bills the month that has
// ended in Finnish. She opens Billing from the menu, starts the run for the previous month, reads
// its totals (the welfare area's voucher share and the clients' own shares), finds Aino's disputed
// visit with her reason among the visits not billed, pages through the lines, locks the run after
// a question that names the month and the total, and downloads its CSV. A second run for the same
// month has no lines, is refused while it is open (409 at the month), says to reload when it was
// collected again in another window (412), and is discarded. The locked run reads in Swedish and
// German as well, and downloads as an Excel workbook too. Jussi, a provider's admin, has no
// purchaser's billing page but his statement of the locked run, with the numbers Sari saw for his
// company; Aino, on her tablet with large text, sees only her own share of it, the clients' own
// shares Sari saw to the cent; Liisa sees the same for her mother on her phone. The demo's previous
// month holds Aino's weekly cleaning: two confirmed visits on her voucher, one disputed, one where
// she was not at home (charged).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { DEMO, DESKTOP, PHONE, SHOTS, capture, checkA11y, launch, login, newPage, serverHas, switchLanguage } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const ZONE = 'Europe/Helsinki';
/** The month before this one in the region's zone, as the API writes it ("2026-10"), and as Finnish names it ("lokakuu 2026"). */
const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number);
const prev = month === 1 ? { y: year - 1, m: 12 } : { y: year, m: month - 1 };
const PERIOD = `${prev.y}-${String(prev.m).padStart(2, '0')}`;
const THIS_MONTH = `${year}-${String(month).padStart(2, '0')}`;
const MONTH_FI = new Intl.DateTimeFormat('fi-FI', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(prev.y, prev.m - 1, 15)));
/** Text with money as Finnish writes it, spaces of any width: "5 riviä, 253,50 €". */
const euros = (text) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s/g, '\\s'));
/** "253,50 €" → 253.5 */
const amount = (text) => Number(text.replace(/[^\d,-]/g, '').replace(',', '.'));
/** "253,50 €" → 25350 */
const cents = (text) => Math.round(amount(text) * 100);
/** Every amount of money in a text as Finnish writes it ("1 234,50 €"), in cents. */
const amountsIn = (text) => [...text.matchAll(/-?\d[\d\s]*,\d{2}\s€/g)].map((m) => cents(m[0]));
const TABLET = { width: 820, height: 1180 };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What Sari saw of the locked run, for the provider's and the client's side to agree with. */
const shared = {};

async function requireEndpoints(...ops) {
  for (const [method, path] of ops) assert.ok(await serverHas(method, path), `the server has no ${method} ${path}`);
}

/**
 * The page at 360 px with the browser's text size doubled (as Aino's tablet or a reader's setting
 * would have it, rem-based breakpoints moving with it): nothing sticks out sideways; a screenshot.
 */
async function withLargeText(page, name) {
  const before = page.viewportSize() ?? DESKTOP;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
  try {
    await page.setViewportSize(PHONE);
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('#main *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
        .slice(0, 5),
    );
    assert.deepEqual(wide, [], `${name} with large text sticks out at 360 px`);
    // A full-page screenshot would emulate the page's size again and lose the text size: views of the
    // parts instead (the totals, the visits not billed, the first line), each as the reader sees it.
    for (const [part, selector] of [
      ['totals', '[data-testid="billing-by-payer"]'],
      ['not-billed', '[data-testid="billing-not-billed"]'],
      ['lines', '[data-testid="billing-line"]'],
    ]) {
      await page.locator(selector).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: path.join(SHOTS, `${name}-large-text-${part}-360.png`) });
    }
  } finally {
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16, fixed: 13 } });
    await cdp.detach();
    await page.setViewportSize(before);
  }
}

/** Sari's billing page, reached from the menu as she would. */
async function openBilling(page) {
  await page.locator('nav.main-nav a[data-nav="purchaser-billing"]').click();
  await page.locator('h1', { hasText: 'Laskutus: Pirkanmaan hyvinvointialue' }).waitFor();
}

test('SariBillsTheMonthThatEndedFindsTheDisputedVisitLocksTheRunAndDownloadsIt', async () => {
  await requireEndpoints(
    ['POST', '/api/v1/organizations/{id}/billing-runs'],
    ['GET', '/api/v1/billing-runs/{id}/export.csv'],
    ['GET', '/api/v1/billing-runs/{id}/export.xlsx'],
  );
  const page = await newPage(browser);
  // Lines come two to a page here, so that five lines take "show more" twice; the server pages them by its cursor.
  const purposes = [];
  await page.route('**/api/v1/billing-runs/*/lines*', (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set('limit', '2');
    purposes.push(route.request().headers()['x-access-purpose'] ?? '');
    return route.continue({ url: url.toString() });
  });
  await login(page, DEMO.sari.email);
  await openBilling(page);
  await page.getByTestId('billing-runs-empty').waitFor();
  // The month that ended is chosen already; only ended months are offered.
  const chooser = page.getByLabel('Kuukausi');
  assert.equal(await chooser.inputValue(), PERIOD);
  assert.ok(!(await chooser.locator('option').evaluateAll((os) => os.map((o) => o.value))).includes(THIS_MONTH), 'the running month is offered');
  await capture(page, 'billing-start');

  await page.getByRole('button', { name: 'Aloita laskutusajo' }).click();
  await page.waitForURL(/[?&]run=brun_/);
  await page.locator('h1', { hasText: `Laskutusajo: ${MONTH_FI}` }).waitFor();
  // The run's heading takes the focus when it opens.
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  assert.match(await page.getByTestId('billing-status').innerText(), euros(`Laskutusajo on valmis (${MONTH_FI}): 5 riviä, 253,50 €.`));
  assert.equal(await page.getByTestId('billing-run-head').getByTestId('billing-state').innerText(), 'Luonnos');

  // Totals by payer and by provider, each adding up to the run's total.
  assert.match(await page.getByTestId('billing-grand-total').innerText(), euros('253,50 €'));
  const byPayer = page.getByRole('table', { name: `Maksajittain, ${MONTH_FI}` });
  const welfare = byPayer.getByRole('row').filter({ hasText: 'Pirkanmaan hyvinvointialue' });
  assert.match(await welfare.innerText(), euros('112,00 €'));
  const own = byPayer.locator('[data-testid="billing-total-row"][data-kind="client"]');
  assert.match(await own.innerText(), /^Asiakkaiden omavastuu\u00adosuudet/);
  assert.match(await own.innerText(), euros('141,50 €'));
  assert.match(await byPayer.locator('tfoot').innerText(), euros('253,50 €'));
  const byProvider = page.getByRole('table', { name: `Palveluntuottajittain, ${MONTH_FI}` });
  const hervanta = byProvider.getByRole('row').filter({ hasText: 'Hervannan Kotisiivous Oy' });
  assert.match(await hervanta.innerText(), /5\s+253,50\s€/);
  shared.runId = new URL(page.url()).searchParams.get('run');
  shared.totalCents = cents(await page.getByTestId('billing-grand-total').locator('strong').innerText());
  shared.providerCents = cents(await hervanta.getByTestId('billing-total-amount').innerText());
  shared.welfareCents = cents(await welfare.getByTestId('billing-total-amount').innerText());
  shared.ownCents = cents(await own.getByTestId('billing-total-amount').innerText());
  shared.ownLines = Number((await own.locator('td').first().innerText()).trim());

  // The disputed visit stands out among those not billed, with Aino's reason in her words.
  const disputed = page.getByTestId('billing-disputed');
  await disputed.getByRole('heading', { name: 'Kiistetty: 1 käynti' }).waitFor();
  const visit = disputed.getByTestId('billing-unbilled');
  assert.equal(await visit.count(), 1);
  assert.match(await visit.innerText(), /Hervannan Kotisiivous Oy/);
  assert.match(await visit.innerText(), /Asiakas kiisti käynnin/);
  assert.match(await visit.getByTestId('billing-unbilled-reason').innerText(), /^Kylpyhuone jäi pesemättä/);

  // The lines, two at a time: "show more" follows the server's cursor until all five are shown.
  const lines = page.getByTestId('billing-lines');
  const rows = lines.getByTestId('billing-line');
  await rows.nth(1).waitFor();
  assert.equal(await rows.count(), 2);
  assert.match(await lines.locator('caption').innerText(), /näkyvissä 2\/5/);
  const more = page.getByRole('button', { name: /Näytä lisää rivejä/ });
  await more.click();
  await rows.nth(3).waitFor();
  // The first new line takes the focus: a keyboard user goes on where the list went on.
  await page.waitForFunction(() => document.activeElement?.closest('[data-testid="billing-line"]') !== null);
  await more.click();
  await rows.nth(4).waitFor();
  assert.equal(await rows.count(), 5);
  assert.equal(await more.count(), 0);
  const total = (await lines.getByTestId('billing-line-amount').allInnerTexts()).reduce((sum, a) => sum + amount(a), 0);
  assert.equal(Math.round(total * 100), 25350, 'the lines add up to the total');
  const noShow = rows.filter({ has: page.locator('[data-testid="billing-line-charge"]', { hasText: 'Asiakas ei ollut kotona' }) });
  assert.ok((await noShow.count()) >= 1, 'the visit where Aino was not at home is charged');
  assert.match(await lines.innerText(), /Palveluseteli 28,00\s€\/t × 2\st = 56,00\s€/);
  assert.match(await lines.innerText(), /Aino Virtanen \(asiakas\)/);
  assert.ok(purposes.length === 3 && purposes.every((p) => p.startsWith('Laskutusajon tarkistus')), `purposes sent: ${purposes}`);
  await capture(page, 'billing-run-draft');
  await withLargeText(page, 'billing-run-draft');

  // Lock, by keyboard: the question names the month, the lines and the total, and says it is for good.
  await page.getByRole('button', { name: 'Lukitse ajo…' }).click();
  const question = page.getByTestId('billing-lock-question');
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'billing-lock-question');
  const asked = await question.innerText();
  assert.match(asked, new RegExp(`Lukitaanko laskutusajo \\(${MONTH_FI}\\) lopullisesti\\?`));
  assert.match(asked, euros('5 riviä, 253,50 €'));
  await capture(page, 'billing-lock-question');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), `Kyllä, lukitse ${MONTH_FI}`);
  await page.keyboard.press('Enter');
  const status = page.getByTestId('billing-status');
  await status.getByText(`Laskutusajo (${MONTH_FI}) on lukittu`).waitFor();
  // The lock button is gone with the draft: the message has the focus.
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'billing-status');
  assert.equal(await page.getByTestId('billing-run-head').getByTestId('billing-state').innerText(), 'Lukittu');
  assert.equal(await page.getByRole('button', { name: 'Lukitse ajo…' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Kerää uudelleen' }).count(), 0);
  assert.equal(await page.getByTestId('billing-not-billed').count(), 0);
  await capture(page, 'billing-run-locked');

  // The CSV of the locked run: a header and one row per line.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('billing-csv').click()]);
  const csv = await readFile(await download.path(), 'utf8');
  const csvLines = csv.split(/\r?\n/).filter((l) => l !== '');
  assert.match(csvLines[0], /^run,period_start/);
  assert.equal(csvLines.length, 6);

  // The Excel workbook beside it: downloaded as Sari would, and read as the server answers it.
  const xlsx = page.getByTestId('billing-xlsx');
  assert.equal(await xlsx.innerText(), `Lataa Excel-tiedostona (XLSX, ${MONTH_FI})`);
  const [workbook] = await Promise.all([page.waitForEvent('download'), xlsx.click()]);
  assert.match(workbook.suggestedFilename(), new RegExp(`^billing-${PERIOD}-.*\\.xlsx$`));
  assert.equal((await readFile(await workbook.path())).subarray(0, 2).toString('latin1'), 'PK', 'the download is a zip (XLSX)');
  const answer = await page.request.get(await xlsx.getAttribute('href'));
  assert.equal(answer.status(), 200);
  assert.equal(answer.headers()['content-type'], XLSX);
  assert.equal((await answer.body()).subarray(0, 2).toString('latin1'), 'PK', 'the body starts with the zip magic');

  // Back in the list, the month is locked with its total.
  await page.getByTestId('billing-back').click();
  const run = page.locator(`[data-testid="billing-run"][data-period="${PERIOD}"]`);
  await run.waitFor();
  assert.equal(await run.getByTestId('billing-state').innerText(), 'Lukittu');
  assert.match(await run.getByTestId('billing-run-total').innerText(), euros('253,50 €'));
  await capture(page, 'billing-list');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('ASecondRunForTheLockedMonthHasNoLinesIsRefusedWhileOpenSaysToReloadWhenChangedElsewhereAndIsDiscarded', async () => {
  const page = await newPage(browser);
  await login(page, DEMO.sari.email);
  await openBilling(page);
  // Once the runs are read, the locked month says so in the chooser and under it.
  await page.getByTestId('billing-month-locked').waitFor();
  const chooser = page.getByLabel('Kuukausi');
  assert.match(await chooser.locator(`option[value="${PERIOD}"]`).innerText(), / – lukittu$/);

  // A month that has not ended (sent as if chosen): the server's refusal stands at the month, in Finnish.
  await page.route('**/api/v1/organizations/*/billing-runs', (route) =>
    route.request().method() === 'POST' ? route.continue({ postData: JSON.stringify({ period: THIS_MONTH }) }) : route.continue(),
  );
  await page.getByRole('button', { name: 'Aloita laskutusajo' }).click();
  await page.waitForFunction((el) => el?.getAttribute('aria-invalid') === 'true', await chooser.elementHandle());
  await page.getByText(/on laskutettavissa \d+\.\d+\.\d{4} alkaen\./).waitFor();
  await page.unroute('**/api/v1/organizations/*/billing-runs');

  await page.getByRole('button', { name: 'Aloita laskutusajo' }).click();
  await page.locator('h1', { hasText: `Laskutusajo: ${MONTH_FI}` }).waitFor();
  await page.getByTestId('billing-no-lines').waitFor();
  assert.equal(await page.getByTestId('billing-lines').count(), 0);
  assert.match(await page.getByTestId('billing-grand-total').innerText(), euros('0,00 €'));
  await capture(page, 'billing-run-empty');

  // While this draft is open another run is refused, and the form says which draft and links to it.
  await page.getByTestId('billing-back').click();
  await page.getByTestId('billing-draft-open').waitFor();
  await page.getByRole('button', { name: 'Aloita laskutusajo' }).click();
  await page.waitForFunction((el) => el?.getAttribute('aria-invalid') === 'true', await chooser.elementHandle());
  await page.getByText(`Edellinen luonnos (${MONTH_FI}) on vielä auki`).waitFor();
  await capture(page, 'billing-draft-conflict');

  await page.getByTestId('billing-open-draft').click();
  await page.locator('h1', { hasText: `Laskutusajo: ${MONTH_FI}` }).waitFor();

  // Meanwhile the draft is collected again in another window: locking what this one shows is refused (412), and it says to reload.
  const other = await newPage(browser);
  await login(other, DEMO.sari.email);
  await other.goto(page.url());
  await other.getByRole('button', { name: 'Kerää uudelleen' }).click();
  await other.getByTestId('billing-status').getByText('Ajo kerättiin uudelleen').waitFor();
  await other.context().close();
  await page.getByRole('button', { name: 'Lukitse ajo…' }).click();
  await page.getByRole('button', { name: `Kyllä, lukitse ${MONTH_FI}` }).click();
  await page.getByTestId('billing-problem').getByText('Joku muutti tätä ajoa').waitFor();
  assert.equal(await page.getByTestId('billing-run-head').getByTestId('billing-state').innerText(), 'Luonnos');
  await page.getByRole('button', { name: 'Lataa ajo uudelleen' }).click();
  await page.getByTestId('billing-status').getByText('Ajo näytetään nyt sellaisena kuin se on.').waitFor();
  assert.equal(await page.getByTestId('billing-problem').innerText(), '');
  await page.getByRole('button', { name: 'Ei, pidä luonnoksena' }).click();

  await page.getByRole('button', { name: 'Hylkää luonnos' }).click();
  await page.getByRole('button', { name: 'Kyllä, hylkää luonnos' }).click();
  await page.locator('h1', { hasText: 'Laskutus: Pirkanmaan hyvinvointialue' }).waitFor();
  await page.getByTestId('billing-status').getByText(`Luonnos (${MONTH_FI}) hylättiin.`).waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'billing-status');
  // Only the locked run is left.
  const runs = page.getByTestId('billing-run');
  await runs.first().waitFor();
  assert.deepEqual(await runs.evaluateAll((rs) => rs.map((r) => r.dataset.state)), ['locked']);
  assert.equal(await page.getByTestId('billing-draft-open').count(), 0);
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('TheLockedRunReadsInSwedishAndGermanToo', async () => {
  const page = await newPage(browser);
  await login(page, DEMO.sari.email);
  const name = (lang) => new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(prev.y, prev.m - 1, 15)));
  try {
    for (const [lang, heading, clientShares] of [
      ['sv', 'Faktureringskörning', 'Klienternas självriskandelar'],
      ['de', 'Abrechnungslauf', 'Eigenanteile der Klientinnen und Klienten'],
    ]) {
      await switchLanguage(page, lang);
      await page.goto('/purchaser/billing');
      await page.locator(`[data-testid="billing-run"][data-period="${PERIOD}"] a`).click();
      await page.locator('h1', { hasText: `${heading}: ${name(lang)}` }).waitFor();
      await page.getByTestId('billing-line').nth(4).waitFor();
      assert.match(await page.getByTestId('billing-by-payer').innerText(), new RegExp(clientShares));
      await capture(page, `billing-run-locked-${lang}`);
    }
  } finally {
    // Sari works in Finnish in the other journeys.
    await switchLanguage(page, 'fi');
  }
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('JussiAProvidersAdminHasNoPurchasersBillingPage', async () => {
  const page = await newPage(browser);
  await login(page, DEMO.jussi.email);
  const nav = await page.locator('nav.main-nav a[data-nav]').evaluateAll((as) => as.map((a) => a.dataset.nav));
  assert.ok(!nav.includes('purchaser-billing'), `Jussi's menu: ${nav}`);
  await page.goto('/purchaser/billing');
  await page.getByTestId('billing-not-purchaser').waitFor();
  assert.equal(await page.getByTestId('billing-new').count(), 0);
  await capture(page, 'billing-not-purchaser');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

/** Opens a page of the person's role from the start page: one click on its card (as Aino does on her tablet). */
async function openFromStart(page, card) {
  await page.goto('/');
  await page.locator(`[data-card="${card}"]`).click();
  await page.locator('#main h1').waitFor();
}

/**
 * The browser's text size doubled, as on Aino's tablet (rem-based sizes and breakpoints grow with
 * it); `fn` runs with it and it is put back afterwards.
 */
async function withBigText(page, fn) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
  try {
    return await fn();
  } finally {
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16, fixed: 13 } });
    await cdp.detach();
  }
}

/** At `size`: nothing in the page sticks out sideways, axe passes, a screenshot of the part `selector` begins. */
async function checkAtSize(page, name, size, selector) {
  await page.setViewportSize(size);
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('#main *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
      .slice(0, 5),
  );
  assert.deepEqual(wide, [], `${name} sticks out at ${size.width} px`);
  await checkA11y(page, name);
  await page.locator(selector).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: path.join(SHOTS, `${name}-${size.width}.png`) });
}

test('JussiReadsHisStatementOfTheLockedRunWithTheNumbersSariSaw', async () => {
  await requireEndpoints(
    ['GET', '/api/v1/organizations/{id}/billing-statements'],
    ['GET', '/api/v1/organizations/{id}/billing-statements/{run_id}'],
    ['GET', '/api/v1/organizations/{id}/billing-statements/{run_id}/lines'],
  );
  assert.ok(shared.runId, 'Sari has locked the run');
  const page = await newPage(browser);
  // Two lines to a page, as on Sari's run: five lines take "show more" twice.
  const purposes = [];
  await page.route('**/api/v1/organizations/*/billing-statements/*/lines*', (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set('limit', '2');
    purposes.push(route.request().headers()['x-access-purpose'] ?? '');
    return route.continue({ url: url.toString() });
  });
  await login(page, DEMO.jussi.email);
  await page.locator('nav.main-nav a[data-nav="provider-billing"]').click();
  await page.locator('h1', { hasText: 'Laskutuserittelyt: Hervannan Kotisiivous Oy' }).waitFor();

  // The statement of Sari's locked run heads the list (newest month first), with her total for his company.
  const statements = page.getByTestId('statement');
  await statements.first().waitFor();
  const statement = statements.first();
  assert.equal(await statement.getAttribute('data-run-id'), shared.runId);
  assert.equal(await statement.getAttribute('data-period'), PERIOD);
  assert.match(await statement.innerText(), /Pirkanmaan hyvinvointialue/);
  assert.equal(cents(await statement.getByTestId('statement-total').innerText()), shared.providerCents);
  await capture(page, 'statement-list');

  await statement.getByTestId('statement-link').click();
  await page.waitForURL(/[?&]run=brun_/);
  await page.locator('h1', { hasText: `Laskutuserittely: ${MONTH_FI}` }).waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  const head = page.getByTestId('statement-head');
  assert.equal(await head.getByTestId('statement-purchaser').innerText(), 'Pirkanmaan hyvinvointialue');
  assert.match(await head.getByTestId('statement-period').innerText(), new RegExp(`^1\\.${prev.m}\\.${prev.y}\\s*–\\s*\\d+\\.${prev.m}\\.${prev.y}$`));
  assert.match(await head.getByTestId('statement-locked-at').innerText(), /\d{4}/);

  // The total and the totals per payer are Sari's to the cent, and the payers add up to the total.
  assert.equal(cents(await page.getByTestId('statement-grand-total').locator('strong').innerText()), shared.providerCents);
  const byPayer = page.getByRole('table', { name: `Maksajittain, ${MONTH_FI}` });
  const rows = byPayer.getByTestId('statement-total-row');
  const payerCents = (await rows.getByTestId('statement-total-amount').allInnerTexts()).map(cents);
  const sum = cents(await byPayer.getByTestId('statement-total-sum').getByTestId('statement-total-amount').innerText());
  assert.equal(sum, shared.providerCents);
  assert.equal(payerCents.reduce((a, b) => a + b, 0), sum, 'the payers add up to the statement’s total');
  // Every line of the run is his company's (Sari's totals per provider), so the payers' amounts are hers too.
  assert.equal(shared.providerCents, shared.totalCents);
  const welfare = rows.filter({ hasText: 'Pirkanmaan hyvinvointialue' });
  assert.equal(cents(await welfare.getByTestId('statement-total-amount').innerText()), shared.welfareCents);
  const own = byPayer.locator('[data-testid="statement-total-row"][data-kind="client"]');
  assert.match(await own.innerText(), /^Asiakkaiden omavastuu\u00adosuudet/);
  assert.equal(cents(await own.getByTestId('statement-total-amount').innerText()), shared.ownCents);

  // The lines, two at a time by the server's cursor; the request states why clients' names are read.
  const lines = page.getByTestId('statement-lines');
  const lineRows = lines.getByTestId('statement-line');
  await lineRows.nth(1).waitFor();
  assert.equal(await lineRows.count(), 2);
  assert.match(await lines.locator('caption').innerText(), /näkyvissä 2\/5/);
  const more = page.getByRole('button', { name: /Näytä lisää rivejä/ });
  await more.click();
  await lineRows.nth(3).waitFor();
  await page.waitForFunction(() => document.activeElement?.closest('[data-testid="statement-line"]') !== null);
  await more.click();
  await lineRows.nth(4).waitFor();
  assert.equal(await lineRows.count(), 5);
  assert.equal(await more.count(), 0);
  const linesTotal = (await lines.getByTestId('statement-line-amount').allInnerTexts()).map(cents).reduce((a, b) => a + b, 0);
  assert.equal(linesTotal, shared.providerCents, 'the lines add up to the statement’s total');
  assert.match(await lines.innerText(), /Aino Virtanen/);
  assert.match(await lines.innerText(), /Palveluseteli 28,00\s€\/t × 2\st = 56,00\s€/);
  assert.ok((await lineRows.filter({ has: page.locator('[data-testid="statement-line-charge"]', { hasText: 'Asiakas ei ollut kotona' }) }).count()) >= 1);
  assert.ok(purposes.length === 3 && purposes.every((p) => p.startsWith('Laskutuserittelyn tarkistus')), `purposes sent: ${purposes}`);
  await capture(page, 'statement-view');

  await page.getByTestId('statement-back').click();
  await statements.first().waitFor();
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('AProviderWithNoLockedVisitsHasNoStatementsYet', async () => {
  const page = await newPage(browser);
  await login(page, DEMO.hanna.email);
  await page.locator('nav.main-nav a[data-nav="provider-billing"]').click();
  await page.getByTestId('statements-empty').waitFor();
  await capture(page, 'statement-list-empty');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

/**
 * "Omat maksut" as Aino or Liisa reads it for the run Sari locked: only the client's own shares,
 * adding up to the clients' own shares Sari saw, and no amount of the welfare area's anywhere.
 */
async function checkOwnShares(page) {
  const month = page.locator(`[data-testid="payments-month"][data-period="${PERIOD}"]`);
  await month.waitFor();
  assert.equal(await page.getByTestId('payments-month').count(), 1, 'one month billed');
  assert.match(await month.getByRole('heading', { level: 2 }).innerText(), new RegExp(`^${MONTH_FI}`, 'i'));
  const payments = month.getByTestId('payment');
  assert.equal(await payments.count(), shared.ownLines);
  const each = (await payments.getByTestId('payment-amount').allInnerTexts()).map(cents);
  assert.equal(each.reduce((a, b) => a + b, 0), shared.ownCents, 'the shares add up to the clients’ own shares of the run');
  assert.equal(cents(await month.getByTestId('payments-month-amount').innerText()), shared.ownCents);
  // Each is paid to the provider (her share is not a client fee), and the visit she missed is said in plain words.
  for (const paidTo of await payments.getByTestId('payment-paid-to').allInnerTexts()) assert.equal(paidTo, 'Hervannan Kotisiivous Oy');
  assert.ok((await payments.filter({ has: page.locator('[data-testid="payment-charge"]', { hasText: 'Ei kotona sovittuna aikana' }) }).count()) >= 1);
  // The visits paid partly with her voucher give no household tax credit, and the page says so in words.
  const visits = payments.filter({ has: page.locator('[data-testid="payment-charge"]', { hasText: /^Käynti/ }) });
  assert.equal(await visits.count(), 2);
  assert.equal(await visits.getByTestId('payment-tax-credit').count(), 2);
  for (const credit of await visits.getByTestId('payment-tax-credit').all()) {
    assert.equal(await credit.getAttribute('data-kind'), 'public_support');
    assert.match(await credit.innerText(), /^Ei kotitalousvähennystä: .*palvelusetelillä/);
  }
  // No amount of the welfare area's: every sum of money on the page is her own share, its total or
  // her tax-credit estimate, and neither the voucher nor the welfare area is named.
  const text = await page.locator('#main').innerText();
  const estimates = (await page.locator('[data-testid="payment-tax-credit"][data-kind="estimate"], [data-testid="payments-month-tax-credit"]').allInnerTexts()).flatMap(amountsIn);
  const hers = new Set([...each, shared.ownCents, ...estimates]);
  for (const c of amountsIn(text)) assert.ok(hers.has(c), `an amount not her own on the page: ${c / 100}`);
  assert.ok(!hers.has(shared.welfareCents) && !amountsIn(text).includes(shared.welfareCents), 'the welfare area’s total is on the page');
  assert.doesNotMatch(text, /Palveluseteli \d|Pirkanmaan hyvinvointialue/);
}

test('AinoOnHerTabletWithLargeTextSeesOnlyHerOwnShare', async () => {
  await requireEndpoints(['GET', '/api/v1/clients/{id}/billing-shares']);
  assert.ok(shared.ownCents, 'Sari has locked the run');
  const page = await newPage(browser, { viewport: TABLET });
  await login(page, DEMO.aino.email);
  await withBigText(page, async () => {
    await openFromStart(page, 'my-payments');
    await page.locator('h1', { hasText: 'Omat maksut' }).waitFor();
    await checkOwnShares(page);
    // Nobody to choose: she acts for no one else.
    assert.equal(await page.getByTestId('whose-payments').count(), 0);
    await checkAtSize(page, 'payments-aino-large-text', TABLET, '[data-testid="payments-month"]');
    await checkAtSize(page, 'payments-aino-large-text', PHONE, '[data-testid="payment"]');
    await page.getByTestId('payments-month-total').evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await page.screenshot({ path: path.join(SHOTS, 'payments-aino-large-text-total-360.png') });
  });
  await page.setViewportSize(DESKTOP);
  await capture(page, 'payments-aino');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('LiisaSeesHerMothersShareOnHerPhone', async () => {
  const page = await newPage(browser, { viewport: PHONE });
  await login(page, DEMO.liisa.email);
  await page.locator('.menu-toggle').click();
  await page.locator('nav.main-nav a[data-nav="my-payments"]').click();
  await page.locator('h1', { hasText: 'Omat maksut' }).waitFor();
  // Her own: nothing billed.
  await page.getByTestId('payments-empty').waitFor();
  await capture(page, 'payments-empty');
  // She picks her mother, as on "Omat tilaukset".
  await page.getByLabel('Kenen maksut').selectOption({ label: 'Aino Virtanen' });
  await page.locator('h1', { hasText: 'Maksut: Aino Virtanen' }).waitFor();
  await checkOwnShares(page);
  await capture(page, 'payments-delegate');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

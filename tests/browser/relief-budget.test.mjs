// The funding issue's journey in the German demo region: Monika Schmid, on a 360 px phone in
// German, sees her mother Helga's relief amount (Entlastungsbetrag, § 45b SGB XI), orders household
// help from Alltagshilfe Balingen in the shop paid from it (the split shown before sending), and
// after the visit sees the balance lower by exactly the visit's price: 2 h × 36,00 € = 72,00 €.
// Lena's acceptance and the visit's check-in and check-out go through the API; a shop order needs
// two days' notice and a visit is worked only from 12 h before it, so the test moves the accepted
// visit to now (and its check-in two hours back) in the server's database, as a clock would.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { BASE_URL, PASSWORD, PHONE, capture, launch, login, newPage, serverHas } from './lib.mjs';

const MONIKA = 'monika.schmid@allmende.demo';
const LENA = 'lena.alltagshilfe@allmende.demo';
const PROVIDER = 'Alltagshilfe Balingen gGmbH';
const SERVICE = 'Haushaltshilfe (Entlastungsbetrag § 45b)';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Money as German writes it, spaces of any width: "72,00 €". */
const euros = (text) => new RegExp(text.replace(/\s/g, '\\s'));

/** "1.369,00 € von 1.441,00 € übrig" → 136900: the first amount of a German text, in cents. */
function firstCents(text) {
  const m = text.match(/(\d{1,3}(?:\.\d{3})*),(\d{2})\s*€/);
  assert.ok(m, `no amount in "${text}"`);
  return Number(m[1].replace(/\./g, '')) * 100 + Number(m[2]);
}

/** A signed-in API session of one person (cookie and CSRF token), as the web UI keeps it. */
async function apiSession(email) {
  const res = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  assert.equal(res.status, 200, `log-in of ${email}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrf_token: csrf } = await res.json();
  return async (method, apiPath, body) => {
    const headers = { cookie, 'X-CSRF-Token': csrf };
    if (method === 'POST') headers['Idempotency-Key'] = crypto.randomUUID();
    if (body !== undefined) headers['content-type'] = 'application/json';
    const r = await fetch(`${BASE_URL}${apiPath}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: r.status, body: await r.json().catch(() => null) };
  };
}

/**
 * The SQLite file of the server under test, which scripts/browser-test.sh names in
 * ALLMENDE_BROWSER_DB (the test moves a visit to today: nobody can wait two days in a test).
 */
function serverDatabase() {
  const db = process.env.ALLMENDE_BROWSER_DB;
  if (!db) throw new Error('ALLMENDE_BROWSER_DB is not set: run this through scripts/browser-test.sh');
  return db;
}

/** Runs one UPDATE with bound text parameters in the server's database (sqlite3, 5 s busy timeout). */
function updateDatabase(sql, params) {
  const db = serverDatabase();
  const sets = Object.entries(params).map(([k, v]) => {
    assert.match(v, /^[\w:.+-]+$/, 'a plain value');
    return `.parameter set :${k} "'${v}'"`;
  });
  const out = execFileSync('sqlite3', [db, '.timeout 5000', ...sets, sql, 'SELECT changes();'], { encoding: 'utf8' });
  assert.equal(out.trim().split('\n').at(-1), '1', `one row changed by ${sql}`);
}

const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '.000Z');
const berlinToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** Helga's relief budget as Monika's "My orders" shows it, and as the API says it. */
async function openHelgasBudget(page) {
  await page.goto('/');
  await page.locator('[data-card="my-orders"]').click();
  await page.getByTestId('whose-orders').selectOption({ label: 'Helga Schmid' });
  await page.locator('h1', { hasText: 'Aufträge: Helga Schmid' }).waitFor();
  const grant = page.getByTestId('grant').filter({ hasText: 'Entlastungsbetrag (§ 45b SGB XI)' });
  await grant.getByTestId('balance').waitFor();
  return grant;
}

test('MonikaSeesHelgasReliefAmountOrdersHouseholdHelpPaidFromItAndSeesTheBalanceDropByTheVisitsPrice', async () => {
  assert.ok(await serverHas('POST', '/api/v1/clients/{id}/funding-quote'), 'the server has no funding quote');
  const page = await newPage(browser, { locale: 'de-DE', viewport: PHONE });
  await login(page, MONIKA);

  // The relief amount: payer, care grade, what is left, what was used, what lapses when.
  const grant = await openHelgasBudget(page);
  const grantId = await grant.getAttribute('data-grant-id');
  assert.match(await grant.getByTestId('grant-payer').innerText(), /Pflegekasse Zollernalb \(Demo\) · Pflegegrad 2/);
  const helgaId = new URL(page.url()).searchParams.get('client');
  const fromApi = await page.request.get(`/api/v1/clients/${helgaId}/grants`);
  assert.equal(fromApi.status(), 200);
  const before = (await fromApi.json()).items.find((g) => g.id === grantId).balance;
  const balanceBefore = await grant.getByTestId('balance').innerText();
  assert.equal(firstCents(balanceBefore), before.remaining, `the page shows what the API has left: ${balanceBefore}`);
  assert.match(balanceBefore, /übrig/);
  assert.equal(firstCents(await grant.getByTestId('used').innerText()), before.used);
  const lapse = grant.getByTestId('lapse').first();
  assert.match(await lapse.innerText(), /verfällt am 30\. Juni \d{4}/);
  await capture(page, 'relief-balance-de');

  // The service in the shop.
  await page.goto('/services?q=Haushaltshilfe+Balingen');
  const card = page.locator('[data-testid="results"] .service-card', { hasText: PROVIDER }).first();
  await card.waitFor();
  await card.getByTestId('service-link').click();
  await page.waitForURL('**/services/svc_*');
  await page.locator('h1', { hasText: SERVICE }).waitFor();
  await capture(page, 'relief-service-de');

  // The order for Helga, paid from her relief amount (the only grant: chosen already).
  await page.getByTestId('order-button').click();
  await page.waitForURL('**/services/svc_*/order');
  const form = page.getByTestId('shop-order-form');
  await form.getByLabel('Für wen ist der Auftrag?').selectOption({ label: 'Helga Schmid' });
  const payFrom = form.getByTestId('pay-from-grant');
  await payFrom.waitFor();
  assert.equal(await payFrom.count(), 1);
  assert.equal(await payFrom.getAttribute('data-grant-id'), grantId);
  assert.equal(await payFrom.locator('input').isChecked(), true, 'the one grant is chosen');
  assert.match(await payFrom.innerText(), /Entlastungsbetrag \(§ 45b SGB XI\)/);
  assert.match(await payFrom.innerText(), /Pflegekasse Zollernalb/);

  const date = form.getByLabel('Datum', { exact: true });
  const earliest = await date.getAttribute('min');
  await date.fill(earliest);
  await form.getByLabel('Frühester Beginn').fill('09:00');
  await form.getByLabel('Spätestes Ende').fill('11:00');
  assert.equal(await form.getByLabel('Dauer eines Besuchs').inputValue(), '120');
  await form.getByLabel('Adresse', { exact: true }).fill('Friedrichstraße 12, 72336 Balingen');
  await form.getByTestId('order-place').waitFor();
  assert.equal(await form.getByLabel('Sprache der Leistung').inputValue(), 'de');

  // The split before sending: the relief amount pays all of it, Helga nothing.
  const quote = form.getByTestId('funding-quote');
  await quote.getByTestId('pay-split').waitFor();
  const split = await quote.innerText();
  assert.match(split, euros('Entlastungsbetrag 72,00 €'));
  assert.match(await quote.getByTestId('client-part').innerText(), euros('Eigenanteil der Klientin 0,00 €'));
  assert.equal(await form.getByTestId('estimate-deduction').count(), 0, 'no household deduction on what the budget pays');
  await capture(page, 'relief-order-de');

  const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/orders'));
  await form.getByTestId('place-order').click();
  const request = await sent;
  assert.match(request.headers()['idempotency-key'] ?? '', UUID);
  const body = request.postDataJSON();
  assert.deepEqual(body.grants, [grantId]);
  assert.equal(body.client_id, helgaId);
  assert.equal(body.schedule.start_date, earliest);
  await page.waitForURL('**/orders/*/placed');
  await page.locator('h1', { hasText: 'Danke, der Auftrag für Helga Schmid wurde gesendet' }).waitFor();
  assert.equal(await page.getByTestId('placed-provider').innerText(), PROVIDER);
  assert.equal(await page.getByTestId('placed-state').getAttribute('data-state'), 'offered');
  const orderId = page.url().split('/').at(-2);
  await capture(page, 'relief-order-placed-de');

  // Lena accepts; the visit happens (moved to now), checked in and out two hours apart.
  const lena = await apiSession(LENA);
  const accepted = await lena('POST', `/api/v1/orders/${orderId}/accept`);
  assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
  const visit = accepted.body.visits?.[0];
  assert.ok(visit, 'the accepted order has its visit');
  const early = await lena('POST', `/api/v1/visits/${visit.id}/check-in`);
  assert.equal(early.status, 409, 'a visit two days ahead is not worked yet');
  const now = Date.now();
  updateDatabase('UPDATE visits SET starts_at = :s, ends_at = :e, local_date = :d WHERE id = :id;', {
    s: iso(now - 60_000),
    e: iso(now + 7_140_000),
    d: berlinToday(),
    id: visit.id,
  });
  const checkedIn = await lena('POST', `/api/v1/visits/${visit.id}/check-in`);
  assert.equal(checkedIn.status, 200, JSON.stringify(checkedIn.body));
  updateDatabase('UPDATE visits SET checked_in_at = :t WHERE id = :id;', { t: iso(Date.now() - 7_200_000), id: visit.id });
  const checkedOut = await lena('POST', `/api/v1/visits/${visit.id}/check-out`, { done_tasks: [], note: 'Küche und Bad geputzt.' });
  assert.equal(checkedOut.status, 200, JSON.stringify(checkedOut.body));
  assert.equal(checkedOut.body.state, 'delivered');
  assert.equal(checkedOut.body.price_cents, 7200, 'two hours at 36,00 €');

  // Monika's page again: exactly 72,00 € less left, 72,00 € more used.
  const again = await openHelgasBudget(page);
  await page.reload();
  await again.getByTestId('balance').waitFor();
  const balanceAfter = await again.getByTestId('balance').innerText();
  assert.equal(firstCents(balanceBefore) - firstCents(balanceAfter), 7200, `${balanceBefore} → ${balanceAfter}`);
  assert.equal(firstCents(await again.getByTestId('used').innerText()) - before.used, 7200);
  const afterApi = (await (await page.request.get(`/api/v1/clients/${helgaId}/grants`)).json()).items.find((g) => g.id === grantId).balance;
  assert.equal(before.remaining - afterApi.remaining, 7200, 'the API agrees');
  assert.equal(firstCents(balanceAfter), afterApi.remaining);
  await capture(page, 'relief-balance-after-de');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

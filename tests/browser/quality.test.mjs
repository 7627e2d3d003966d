// Journey 7, feedback that matters: Aleksi does Aino's weekly cleaning (checked in and out
// through the API); Aino, on her tablet with large text, confirms the visit and rates it 2 with
// one tap, then adds "Tuli tunnin myöhässä"; the rating asks for the coordinators' follow-up, which
// Outi finds from her board in her queue. Liisa, on a 360 px phone, makes a complaint about her
// mother's order (with a photo) and sees it received. Jussi, the provider's admin, reads it as the
// provider (no handling, only his statement), and Ebba, another client, gets the not-found page.
// Outi takes the complaint through investigation (a second tab of hers meets the 412 of a stale
// case), replies, notes internally, marks action taken and closes it as upheld; Liisa sees each
// status, the reply and the outcome, never the internal note or Jussi's statement. The provider's
// public page explains its score in words, and it has changed: read before and after.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { BASE_URL, DEMO, DESKTOP, PASSWORD, PHONE, SHOTS, capture, checkA11y, launch, login, newPage, serverHas, switchLanguage } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const PROVIDER = 'Hervannan Kotisiivous Oy';
const TABLET = { width: 820, height: 1180 };
const COMMENT = 'Tuli tunnin myöhässä';
/** A 1×1 PNG, the photo Liisa attaches. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

// What one step of the journey hands to the next (the file's tests run in order).
const shared = { providerId: '', scoreBefore: null, pageBefore: '', visitId: '', orderId: '', ainoId: '', caseId: '', caseNumber: '' };

async function requireEndpoints(...ops) {
  for (const [method, apiPath] of ops) assert.ok(await serverHas(method, apiPath), `the server has no ${method} ${apiPath}`);
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
  return async (method, apiPath, body, extra = {}) => {
    const headers = { cookie, 'X-CSRF-Token': csrf, ...extra };
    if (method === 'POST') headers['Idempotency-Key'] = crypto.randomUUID();
    if (body !== undefined) headers['content-type'] = 'application/json';
    const r = await fetch(`${BASE_URL}${apiPath}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: r.status, body: await r.json().catch(() => null) };
  };
}

/** The public score as anyone reads it (null while the provider has none). */
async function publicScore(providerId) {
  const r = await fetch(`${BASE_URL}/api/v1/providers/${providerId}/quality`, { headers: { 'Cache-Control': 'no-cache' } });
  if (r.status === 404) return null;
  assert.equal(r.status, 200, 'the public score');
  return r.json();
}

/**
 * The browser's text size doubled, as on Aino's tablet (rem-based sizes grow with it); `fn` runs
 * with it and it is put back afterwards.
 */
async function withLargeText(page, fn) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
  try {
    return await fn();
  } finally {
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16, fixed: 13 } });
    await cdp.detach();
  }
}

/** With large text at 360 px: nothing in the page sticks out sideways, axe passes, a screenshot of the part. */
async function checkLargeText(page, name, selector) {
  const before = page.viewportSize() ?? DESKTOP;
  await page.setViewportSize(PHONE);
  try {
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('#main *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
        .slice(0, 5),
    );
    assert.deepEqual(wide, [], `${name} with large text sticks out at 360 px`);
    await checkA11y(page, `${name}-large-text`);
    await page.locator(selector).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(SHOTS, `${name}-large-text-360.png`) });
  } finally {
    await page.setViewportSize(before);
  }
}

/** Opens a page of the person's role from the start page: one click on its card. */
async function openFromStart(page, card) {
  await page.goto('/');
  await page.locator(`[data-card="${card}"]`).click();
  await page.locator('#main h1').waitFor();
}

/** The case page of the journey's complaint, loaded afresh. */
async function openCase(page) {
  await page.goto(`/cases/${shared.caseId}`);
  await page.getByTestId('case-page').waitFor();
}

test('TheProvidersPublicPageExplainsItsScoreBeforeTheVisit', async () => {
  await requireEndpoints(['GET', '/api/v1/providers/{id}/quality'], ['PUT', '/api/v1/visits/{id}/rating'], ['POST', '/api/v1/quality-cases']);
  const search = await (await fetch(`${BASE_URL}/api/v1/services?q=siivous&limit=50`)).json();
  const service = search.items.find((s) => s.provider?.name === PROVIDER);
  assert.ok(service, `the shop lists ${PROVIDER}`);
  shared.providerId = service.provider.id;
  shared.scoreBefore = await publicScore(shared.providerId);

  const page = await newPage(browser);
  const answered = page.waitForResponse((r) => r.url().includes(`/api/v1/providers/${shared.providerId}/quality`));
  await page.goto(`/providers/${shared.providerId}`);
  await page.locator('h1', { hasText: PROVIDER }).waitFor();
  await answered;
  if (shared.scoreBefore) {
    const score = page.getByTestId('quality-score');
    await score.waitFor();
    shared.pageBefore = await score.innerText();
    assert.match(shared.pageBefore, new RegExp(`Quality score ${Math.round(shared.scoreBefore.score)}/100`));
    assert.match(shared.pageBefore, /With few ratings the score leans toward the region’s average/);
    await capture(page, 'quality-provider-before');
  } else {
    // No score yet: the page leaves the section out rather than showing an empty one.
    assert.equal(await page.getByTestId('quality-score').count(), 0);
  }
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

/**
 * Runs SQL with bound text parameters in the server's database, which scripts/browser-test.sh
 * names in ALLMENDE_BROWSER_DB; the output of its last statement.
 */
function serverSql(sql, params) {
  const db = process.env.ALLMENDE_BROWSER_DB;
  if (!db) throw new Error('ALLMENDE_BROWSER_DB is not set: run this through scripts/browser-test.sh');
  const sets = Object.entries(params).map(([k, v]) => {
    assert.match(v, /^[\w:.@+-]+$/, 'a plain value');
    return `.parameter set :${k} "'${v}'"`;
  });
  return execFileSync('sqlite3', [db, '.timeout 5000', ...sets, sql], { encoding: 'utf8' }).trim();
}

/**
 * Aino's weekly cleaning on Aleksi's day. The browser files share one server, and journey 4
 * (orders.test.mjs) may have done today's visit already: then her next one is moved to now, as if
 * the week had passed.
 */
async function ainosVisitToday(aleksi) {
  const find = async () => {
    const day = await aleksi('GET', '/api/v1/me/visits');
    assert.equal(day.status, 200);
    return {
      visit: day.body.items.find((v) => v.client_name === 'Aino Virtanen' && v.state === 'planned' && v.category === 'cleaning'),
      seen: day.body.items.map((v) => [v.client_name, v.state]),
    };
  };
  let found = await find();
  if (!found.visit) {
    const next = serverSql(
      "SELECT v.id FROM visits v JOIN orders o ON o.id = v.order_id JOIN users u ON u.id = o.client_id WHERE u.email = :email AND v.state = 'planned' AND v.worker_id IS NOT NULL AND o.category = 'cleaning' ORDER BY v.starts_at LIMIT 1;",
      { email: DEMO.aino.email },
    );
    assert.match(next, /^vis_/, 'Aino has a next planned cleaning');
    const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '.000Z');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    const changed = serverSql('UPDATE visits SET starts_at = :s, ends_at = :e, local_date = :d WHERE id = :id; SELECT changes();', {
      s: iso(Date.now() - 90 * 60_000),
      e: iso(Date.now() + 30 * 60_000),
      d: today,
      id: next,
    });
    assert.equal(changed.split('\n').at(-1), '1');
    found = await find();
  }
  assert.ok(found.visit, `Aino's cleaning is on Aleksi's day: ${JSON.stringify(found.seen)}`);
  return found.visit;
}

test('AinoConfirmsTheLateVisitAndRatesItTwoWithOneTapInLargeText', async () => {
  // Aleksi's day, through the API: today's weekly cleaning at Aino's, checked in and out.
  const aleksi = await apiSession(DEMO.aleksi.email);
  const visit = await ainosVisitToday(aleksi);
  shared.visitId = visit.id;
  shared.orderId = visit.order_id;
  const checkedIn = await aleksi('POST', `/api/v1/visits/${visit.id}/check-in`);
  assert.equal(checkedIn.status, 200, JSON.stringify(checkedIn.body));
  const checkedOut = await aleksi('POST', `/api/v1/visits/${visit.id}/check-out`, { done_tasks: ['Imurointi'], note: '' });
  assert.equal(checkedOut.status, 200, JSON.stringify(checkedOut.body));
  assert.equal(checkedOut.body.state, 'delivered');

  const page = await newPage(browser, { viewport: TABLET });
  await withLargeText(page, async () => {
    await login(page, DEMO.aino.email);
    await page.goto(`/orders/${shared.orderId}`);
    const item = page.locator(`[data-testid="visit"][data-visit-id="${shared.visitId}"]`);
    await item.locator('[data-state="delivered"]').first().waitFor();
    await item.getByTestId('confirm-visit').click();
    await page.locator(`[data-testid="visit"][data-visit-id="${shared.visitId}"][data-visit-state="confirmed"]`).waitFor();

    // Right after confirming: the one question in place, five big buttons.
    const inline = item.getByTestId('inline-rating');
    await inline.waitFor();
    await inline.getByRole('heading', { name: 'Miten käynti onnistui?' }).waitFor();
    const two = inline.getByTestId('star-2');
    assert.equal(await two.getAttribute('aria-pressed'), 'false');
    assert.match(await two.innerText(), /2\s+Huono/);
    for (const n of [1, 2, 3, 4, 5]) {
      const box = await inline.getByTestId(`star-${n}`).boundingBox();
      assert.ok(box && box.height >= 48 && box.width >= 48, `the ${n}-star button is a big target`);
    }
    await checkLargeText(page, 'quality-rate-inline', '[data-testid="inline-rating"]');

    // One tap sends it: exactly one PUT with 2 stars.
    const puts = [];
    page.on('request', (r) => {
      if (r.method() === 'PUT' && r.url().endsWith(`/api/v1/visits/${shared.visitId}/rating`)) puts.push(r.postDataJSON());
    });
    const rated = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/rating'));
    await two.click();
    assert.equal((await rated).status(), 201);
    await page.waitForFunction((el) => el.getAttribute('aria-pressed') === 'true', await two.elementHandle());
    assert.deepEqual(puts, [{ stars: 2 }]);
    await inline.getByText('Kiitos! Annoit käynnille arvosanan 2/5.').waitFor();
    await inline.getByTestId('rating-follow-up').waitFor();
    assert.match(await inline.getByTestId('rating-follow-up').innerText(), /Koordinaattori ottaa sinuun yhteyttä/);

    // Then, if she likes, a few words.
    await inline.getByLabel('Haluatko lisätä jotain? (vapaaehtoinen)').fill(COMMENT);
    const commented = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/rating'));
    await inline.getByTestId('rating-send').click();
    assert.equal((await commented).status(), 200);
    assert.deepEqual(puts.at(-1), { stars: 2, comment: COMMENT });
    await inline.getByText('Kiitos, sanasi on tallennettu.').waitFor();
    await checkLargeText(page, 'quality-rate-thanks', '[data-testid="inline-rating"]');

    // The rating request in her bell leads to the rating page, her answer shown and changeable.
    await page.goto('/notifications');
    const ask = page.locator(`[data-testid="notification"][data-kind="visit.rate"][data-subject-id="${shared.visitId}"]`);
    await ask.waitFor();
    assert.equal(await ask.locator('a').getAttribute('href'), `/visits/${shared.visitId}/rate`);
    await ask.locator('a').click();
    await page.waitForURL(`**/visits/${shared.visitId}/rate`);
    await page.locator('h1', { hasText: 'Miten käynti onnistui?' }).waitFor();
    assert.equal(await page.getByTestId('rate-provider').innerText(), PROVIDER);
    assert.equal(await page.getByTestId('rate-category').innerText(), 'Siivous');
    assert.equal(await page.getByTestId('star-2').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.getByTestId('rating-comment').inputValue(), COMMENT);
    await checkLargeText(page, 'quality-rate-page', '[data-testid="rate-page"]');
  });
  await capture(page, 'quality-rate-page');

  // The API agrees: 2 stars, her words, a follow-up opened.
  const api = await (await page.request.get(`/api/v1/visits/${shared.visitId}/rating`)).json();
  assert.deepEqual([api.rating.stars, api.rating.comment, api.rating.follow_up], [2, COMMENT, true]);
  const order = await (await page.request.get(`/api/v1/orders/${shared.orderId}`)).json();
  shared.ainoId = order.client_id;
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('OutiFindsTheFollowUpOfTheLowRatingFromHerBoard', async () => {
  const page = await newPage(browser);
  await login(page, DEMO.outi.email);
  // Outi works in Finnish; profile.test.mjs, on the same server, leaves her language English.
  await switchLanguage(page, 'fi');
  await openFromStart(page, 'board');
  const card = page.getByTestId('board-quality');
  await card.getByTestId('board-quality-counts').waitFor();
  assert.ok(Number(await card.getByTestId('board-quality-counts').getAttribute('data-open')) >= 1, 'the board counts the open follow-up');
  await card.getByTestId('board-quality-link').click();
  await page.waitForURL('**/coordinator/cases');
  await page.locator('h1', { hasText: 'Valitukset ja seurannat' }).waitFor();
  const followUp = page.locator('[data-testid="case-row"][data-kind="follow_up"]', { hasText: 'Aino Virtanen' }).first();
  await followUp.waitFor();
  assert.match(await followUp.innerText(), /Seuranta #\d+/);
  assert.match(await followUp.innerText(), /Huono arvio/);
  assert.match(await followUp.innerText(), new RegExp(PROVIDER));
  await capture(page, 'quality-queue');

  // Only follow-ups, then the case itself: the low rating, handled by nobody yet.
  await page.getByTestId('queue-kind').selectOption('follow_up');
  await page.waitForURL(/kind=follow_up/);
  await page.getByTestId('queue').waitFor();
  const kinds = await page.locator('[data-testid="case-row"]').evaluateAll((rows) => rows.map((r) => r.dataset.kind));
  assert.ok(kinds.length >= 1 && kinds.every((k) => k === 'follow_up'), `only follow-ups: ${kinds}`);
  await followUp.getByTestId('case-link').click();
  await page.waitForURL(/\/cases\/[^/]+$/);
  await page.locator('[data-testid="case-page"][data-reader="coordinator"]').waitFor();
  assert.equal(await page.getByTestId('case-assignee').innerText(), 'Kukaan ei vielä käsittele tätä');
  await page.getByTestId('assign-to-me').click();
  await page.getByText('Käsittelet nyt tätä asiaa.').waitFor();
  assert.equal(await page.getByTestId('case-assignee').innerText(), 'Outi Koordinaattori');
  // Only the next steps its state allows.
  assert.equal(await page.getByTestId('move-investigating').count(), 1);
  assert.equal(await page.getByTestId('move-action_taken').count(), 0);
  await capture(page, 'quality-follow-up');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('LiisaOnHerPhoneMakesAComplaintAboutHerMothersOrderAndSeesItReceived', async () => {
  const page = await newPage(browser, { viewport: PHONE });
  await login(page, DEMO.liisa.email);
  await openFromStart(page, 'my-orders');
  await page.getByTestId('whose-orders').selectOption({ label: 'Aino Virtanen' });
  await page.locator(`[data-testid="order-row"][data-order-id="${shared.orderId}"] a`).click();
  await page.waitForURL(`**/orders/${shared.orderId}`);
  await page.getByTestId('order-complain').click();
  await page.waitForURL(/\/cases\/new\?/);
  await page.locator('h1', { hasText: 'Tee valitus' }).waitFor();
  const form = page.getByTestId('case-form');
  assert.equal(await form.getByTestId('case-whose').inputValue(), shared.ainoId, 'for her mother');
  await form.getByTestId('case-visit').waitFor();
  assert.equal(await form.getByTestId('case-order').inputValue(), shared.orderId, 'the order she came from');

  // Sent without what it is about: each missing thing said at its field, the first one focused.
  await form.getByTestId('case-submit').click();
  await form.getByText('Valitse, mitä valitus koskee.').waitFor();
  assert.equal(await form.getByTestId('case-category').getAttribute('aria-invalid'), 'true');
  assert.equal(await form.getByTestId('case-description').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'case-category');
  await capture(page, 'quality-complaint-errors');

  await form.getByTestId('case-visit').selectOption(shared.visitId);
  await form.getByTestId('case-category').selectOption('punctuality');
  assert.equal(await form.getByTestId('case-severity-medium').isChecked(), true, 'fairly urgent unless she says otherwise');
  await form.getByText('Käsitellään 7 päivän kuluessa.').waitFor();
  await form.getByTestId('case-description').fill('Siivooja tuli tunnin myöhässä, eikä kukaan ilmoittanut äidilleni. Hän odotti ovella.');
  await form.getByTestId('attachment-input').setInputFiles({ name: 'odotus.png', mimeType: 'image/png', buffer: PHOTO });
  await form.getByTestId('chosen-file').filter({ hasText: 'odotus.png' }).waitFor();
  // A file of another kind is refused before anything is sent.
  await form.getByTestId('attachment-input').setInputFiles({ name: 'muistio.docx', mimeType: 'application/msword', buffer: Buffer.from('x') });
  await form.getByText('muistio.docx: liitteeksi käyvät vain kuvat (PNG, JPEG, WebP) ja PDF-tiedostot.').waitFor();
  await form.getByRole('button', { name: 'Poista: muistio.docx' }).click();
  await capture(page, 'quality-complaint-form');

  const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/quality-cases'));
  const uploaded = page.waitForRequest((r) => r.method() === 'POST' && /\/attachments\?name=odotus\.png$/.test(r.url()));
  await form.getByTestId('case-submit').click();
  const body = (await sent).postDataJSON();
  assert.deepEqual(
    { kind: body.kind, category: body.category, severity: body.severity, client_id: body.client_id, order_id: body.order_id, visit_id: body.visit_id },
    { kind: 'complaint', category: 'punctuality', severity: 'medium', client_id: shared.ainoId, order_id: shared.orderId, visit_id: shared.visitId },
  );
  assert.equal((await uploaded).headers()['content-type'], 'image/png');
  await page.waitForURL(/\/cases\/[^/?]+$/);
  shared.caseId = new URL(page.url()).pathname.split('/').pop();
  const filed = page.getByTestId('case-filed');
  await filed.waitFor();
  assert.match(await filed.innerText(), /Kiitos\. Valituksesi #\d+ on vastaanotettu\./);
  assert.equal(await filed.getByTestId('case-files-failed').count(), 0, 'the photo was attached');
  shared.caseNumber = (await page.locator('h1').innerText()).match(/#\d+/)[0];
  assert.equal(await page.locator('h1').innerText(), `Valitus ${shared.caseNumber}`);
  await page.locator('[data-testid="case-steps"][data-state="received"]').waitFor();
  assert.equal(await page.locator('[data-step="received"]').getAttribute('aria-current'), 'step');
  await page.getByTestId('case-attachment').filter({ hasText: 'odotus.png' }).waitFor();
  assert.match(await page.getByTestId('case-attachment').locator('a').getAttribute('href'), /^\/api\/v1\/quality-attachments\//);
  assert.equal(await page.getByTestId('case-client').innerText(), 'Aino Virtanen');
  await capture(page, 'quality-complaint-received');

  // Her complaints list it, received.
  await page.goto('/cases');
  const row = page.locator(`[data-testid="case-row"][data-case-id="${shared.caseId}"]`);
  await row.waitFor();
  assert.equal(await row.getAttribute('data-state'), 'received');
  assert.match(await row.innerText(), /Täsmällisyys/);
  await capture(page, 'quality-my-cases');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('JussiReadsTheComplaintAsTheProviderAndEbbaCannotOpenIt', async () => {
  const page = await newPage(browser);
  await login(page, DEMO.jussi.email);
  await openFromStart(page, 'provider-quality');
  await page.locator('h1', { hasText: `Laatu ja palaute: ${PROVIDER}` }).waitFor();
  // Aino's rating, without her name.
  const rating = page.locator('[data-testid="provider-rating"]', { hasText: COMMENT });
  await rating.waitFor();
  assert.equal(await rating.getAttribute('data-stars'), '2');
  assert.doesNotMatch(await page.getByTestId('provider-ratings').innerText(), /Aino|Virtanen/);
  const row = page.locator(`[data-testid="case-row"][data-case-id="${shared.caseId}"]`);
  await row.waitFor();
  await capture(page, 'quality-provider-admin');

  // The provider reads the complaint and adds a statement for the coordinators; no handling.
  await row.getByTestId('case-link').click();
  await page.locator('[data-testid="case-page"][data-reader="provider"]').waitFor();
  assert.equal(await page.getByTestId('staff-controls').count(), 0, 'the provider does not handle the case');
  assert.equal(await page.getByTestId('visibility-all').count(), 0, 'the provider does not reply to the client');
  await page.getByRole('textbox', { name: 'Selvityksenne' }).fill('Edellinen käynti venyi. Työntekijän olisi pitänyt soittaa asiakkaalle.');
  await page.getByTestId('case-message-send').click();
  await page.locator('[data-testid="case-event"][data-visibility="staff"]', { hasText: 'Edellinen käynti venyi.' }).waitFor();
  // The API answers the same: he may not move it, nor reply to the client's side.
  const jussi = await apiSession(DEMO.jussi.email);
  const current = await jussi('GET', `/api/v1/quality-cases/${shared.caseId}`);
  assert.equal(current.status, 200);
  const moved = await jussi('POST', `/api/v1/quality-cases/${shared.caseId}/transition`, { to: 'investigating' }, { 'If-Match': `"${current.body.version}"` });
  assert.ok([403, 404].includes(moved.status), `a provider moves a case: ${moved.status}`);
  const replied = await jussi('POST', `/api/v1/quality-cases/${shared.caseId}/messages`, { body: 'Hei Liisa', visibility: 'all' });
  assert.equal(replied.status, 422, 'the provider’s words are for the staff only');
  assert.equal((await jussi('GET', `/api/v1/quality-cases/${shared.caseId}`)).body.state, 'received');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();

  // Another client knows nothing of it.
  const ebba = await newPage(browser, { viewport: PHONE });
  await login(ebba, DEMO.ebba.email);
  await ebba.goto(`/cases/${shared.caseId}`);
  await ebba.locator('.big-code', { hasText: '404' }).waitFor();
  assert.equal(await ebba.getByTestId('case-page').count(), 0);
  // Nor of Aino's visit: the server refuses (403, as for her order), the page says it in words.
  await ebba.goto(`/visits/${shared.visitId}/rate`);
  await ebba.locator('[data-testid="rate-not-yours"], .big-code').first().waitFor();
  assert.equal(await ebba.getByTestId('star-buttons').count(), 0);
  await ebba.goto('/cases');
  await ebba.getByTestId('cases-empty').waitFor();
  assert.deepEqual(ebba.pageErrors, []);
  await ebba.context().close();
});

test('OutiTakesTheComplaintToAnUpheldCloseAndLiisaSeesEachStep', async () => {
  const outi = await newPage(browser);
  await login(outi, DEMO.outi.email);
  // Outi works in Finnish; profile.test.mjs, on the same server, leaves her language English.
  await switchLanguage(outi, 'fi');
  const liisa = await newPage(browser, { viewport: PHONE });
  await login(liisa, DEMO.liisa.email);

  // Outi's queue has it, received; a second tab of hers keeps the case open as it is now.
  await outi.goto('/coordinator/cases');
  const row = outi.locator(`[data-testid="case-row"][data-case-id="${shared.caseId}"]`);
  await row.waitFor();
  assert.equal(await row.getAttribute('data-kind'), 'complaint');
  const stale = await newPage(browser);
  await login(stale, DEMO.outi.email);
  // Outi works in Finnish; profile.test.mjs, on the same server, leaves her language English.
  await switchLanguage(stale, 'fi');
  await openCase(stale);
  await stale.getByTestId('assign-to-me').waitFor();

  await row.getByTestId('case-link').click();
  await outi.locator('[data-testid="case-page"][data-reader="coordinator"]').waitFor();
  // The provider's statement is there for her, marked internal.
  await outi.locator('[data-testid="case-event"][data-visibility="staff"]', { hasText: 'Edellinen käynti venyi.' }).waitFor();
  await outi.getByTestId('move-investigating').click();
  await outi.getByText('Asian tila on nyt: Selvitetään.').waitFor();
  assert.equal(await outi.getByTestId('case-assignee').innerText(), 'Outi Koordinaattori', 'moving it makes her its handler');

  // The other tab changes what someone else changed first: 412, said in words, with a reload.
  await stale.getByTestId('assign-to-me').click();
  await stale.getByText('Joku muutti tätä asiaa sillä aikaa, kun se oli sinulla auki.', { exact: false }).waitFor();
  await stale.getByTestId('case-reload').click();
  await stale.locator('[data-testid="case-page"][data-state="investigating"]').waitFor();
  await stale.context().close();

  await openCase(liisa);
  await liisa.locator('[data-testid="case-steps"][data-state="investigating"]').waitFor();
  assert.equal(await liisa.locator('[data-step="investigating"]').getAttribute('aria-current'), 'step');
  assert.equal(await liisa.locator('[data-step="received"]').getAttribute('data-status'), 'done');

  // A reply to Liisa, and a note she never sees.
  await outi.getByTestId('visibility-all').check();
  await outi.getByTestId('case-message').fill('Pahoittelemme myöhästymistä. Selvitämme asian palveluntuottajan kanssa ja palaamme asiaan.');
  await outi.getByTestId('case-message-send').click();
  await outi.locator('[data-testid="case-event"][data-kind="reply"]', { hasText: 'Pahoittelemme myöhästymistä.' }).waitFor();
  await outi.getByTestId('visibility-staff').check();
  await outi.getByTestId('case-message').fill('Soitin Jussille: edellinen käynti venyi, työntekijä ei ilmoittanut.');
  await outi.getByTestId('case-message-send').click();
  await outi.locator('[data-testid="case-event"][data-kind="note"]', { hasText: 'Soitin Jussille' }).waitFor();
  await capture(outi, 'quality-case-coordinator');

  await openCase(liisa);
  const reply = liisa.locator('[data-testid="case-event"][data-kind="reply"]', { hasText: 'Pahoittelemme myöhästymistä.' });
  await reply.waitFor();
  assert.match(await reply.innerText(), /Vastaus/);
  const timeline = await liisa.getByTestId('case-timeline').innerText();
  assert.doesNotMatch(timeline, /Soitin Jussille/, 'the internal note stays with the staff');
  assert.doesNotMatch(timeline, /Edellinen käynti venyi/, 'the provider’s statement stays with the staff');
  // The reply reached her bell, leading to the case.
  await liisa.goto('/notifications');
  const news = liisa.locator(`[data-testid="notification"][data-kind="quality.case.reply"][data-subject-id="${shared.caseId}"]`);
  await news.waitFor();
  assert.equal(await news.locator('a').getAttribute('href'), `/cases/${shared.caseId}`);
  assert.match(await news.innerText(), new RegExp(`Asiaasi ${shared.caseNumber} on vastattu\\.`));
  await news.locator('a').click();
  await liisa.waitForURL(`**/cases/${shared.caseId}`);
  await liisa.getByTestId('case-page').waitFor();

  // Action taken, then closed as upheld with the outcome she reads.
  await outi.getByTestId('step-note').fill('Palveluntuottajan kanssa sovittu, että myöhästymisestä ilmoitetaan aina.');
  await outi.getByTestId('move-action_taken').click();
  await outi.getByText('Asian tila on nyt: Toimenpiteet tehty.').waitFor();
  await openCase(liisa);
  await liisa.locator('[data-testid="case-steps"][data-state="action_taken"]').waitFor();

  await outi.getByTestId('move-closed').click();
  const close = outi.getByTestId('close-form');
  await close.getByTestId('close-send').click();
  await close.getByText('Kirjoita ratkaisu.').waitFor();
  await close.getByText('Valitse, oliko se aiheellinen.').waitFor();
  assert.equal(await outi.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'close-resolution');
  await close.getByTestId('close-resolution').fill(
    'Palveluntuottaja myönsi myöhästymisen. Jatkossa työntekijä soittaa asiakkaalle aina, jos hän myöhästyy yli 15 minuuttia.',
  );
  await close.getByTestId('upheld-yes').check();
  await capture(outi, 'quality-case-close');
  await close.getByTestId('close-send').click();
  await outi.getByText('Asia on käsitelty. Sen tekijälle on ilmoitettu.').waitFor();
  await outi.locator('[data-testid="case-page"][data-state="closed"]').waitFor();
  assert.equal(await outi.getByTestId('move-closed').count(), 0, 'no step after closed');

  await openCase(liisa);
  await liisa.locator('[data-testid="case-steps"][data-state="closed"]').waitFor();
  const steps = await liisa.locator('[data-step]').evaluateAll((ls) => ls.map((l) => `${l.dataset.step}:${l.dataset.status}`));
  assert.deepEqual(steps, ['received:done', 'investigating:done', 'action_taken:done', 'closed:current']);
  const outcome = liisa.getByTestId('case-resolution');
  assert.equal(await outcome.getByTestId('case-upheld').getAttribute('data-upheld'), 'true');
  assert.match(await outcome.innerText(), /Valitus todettiin aiheelliseksi\./);
  assert.match(await outcome.innerText(), /Jatkossa työntekijä soittaa asiakkaalle aina/);
  assert.doesNotMatch(await liisa.getByTestId('case-timeline').innerText(), /sovittu, että myöhästymisestä/, 'the step’s note stays with the staff');
  assert.equal(await liisa.getByTestId('case-message-form').count(), 0, 'a closed case takes no more messages');
  await capture(liisa, 'quality-case-closed');
  await liisa.goto('/cases');
  assert.equal(await liisa.locator(`[data-testid="case-row"][data-case-id="${shared.caseId}"]`).getAttribute('data-state'), 'closed');
  assert.deepEqual(outi.pageErrors, []);
  assert.deepEqual(liisa.pageErrors, []);
  await outi.context().close();
  await liisa.context().close();
});

test('TheProvidersPublicPageExplainsTheChangedScore', async () => {
  const after = await publicScore(shared.providerId);
  assert.ok(after, 'the provider has a score once rated');
  const rating = after.components.find((c) => c.name === 'rating');
  const complaints = after.components.find((c) => c.name === 'complaints');
  assert.equal(after.rating_count, (shared.scoreBefore?.rating_count ?? 0) + 1, 'Aino’s rating counts');
  if (shared.scoreBefore) {
    assert.notEqual(after.score, shared.scoreBefore.score, 'the score moved');
    const before = shared.scoreBefore.components.find((c) => c.name === 'complaints');
    assert.ok(complaints.observed < (before.observed ?? 1), 'the upheld complaint counts');
  }
  assert.ok(rating.observed !== null && rating.count >= 1);

  // A new visitor (nothing cached) reads it in words.
  const page = await newPage(browser);
  await page.goto(`/providers/${shared.providerId}`);
  const score = page.getByTestId('quality-score');
  await score.waitFor();
  const text = await score.innerText();
  assert.match(text, new RegExp(`Quality score ${Math.round(after.score)}/100`));
  assert.match(text, new RegExp(`\\(${after.rating_count} ratings?\\)`));
  assert.match(text, /Rated \d\.\d on average \(\d+ ratings?; the region’s average is \d\.\d\)\./);
  assert.match(text, /upheld complaints? in \d+ visits?\./);
  assert.doesNotMatch(text, /No upheld complaints/);
  assert.match(text, /With few ratings the score leans toward the region’s average/);
  assert.notEqual(text, shared.pageBefore, 'the explanation changed');
  await capture(page, 'quality-provider-after');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

// In-app notifications: Jussi's bell counts the seeded window-cleaning offer to his company; he
// reads it in Finnish, follows it to his offers and finds it read when he comes back, then marks
// everything read and the badge goes. Aino, on her phone, watches her bell while Jussi accepts
// that offer: the count rises without a reload, and the notification leads to her order.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO, PHONE, capture, launch, login, newPage, serverHas } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// What the first test hands to the second (the file's tests run in order).
const shared = { windowsOrderId: '' };

const bell = (page) => page.getByTestId('notifications-link');

/** The bell's unread count (its data-unread); 0 without a badge. */
async function unread(page) {
  return Number(await bell(page).getAttribute('data-unread'));
}

/** Polls the bell's count until `ok(count)`, at most `timeout` ms (live events, focus or a poll move it). */
async function bellCount(page, ok, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const n = await unread(page);
    if (ok(n)) return n;
    if (Date.now() > deadline) throw new Error(`the bell still shows ${n}`);
    await page.waitForTimeout(100);
  }
}

/** The open offers of the signed-in provider admin's company, through the page's own session. */
async function openOffers(page) {
  const memberships = await (await page.request.get('/api/v1/me/memberships')).json();
  const org = memberships.items.find((m) => m.role === 'provider_admin');
  assert.ok(org, 'a provider admin');
  const offers = await (await page.request.get(`/api/v1/organizations/${org.organization_id}/offers?state=open`)).json();
  return offers.items;
}

test('JussiReadsTheWindowCleaningOfferFromHisBellAndMarksEverythingRead', async () => {
  assert.ok(await serverHas('GET', '/api/v1/notifications'), 'the server has no notifications');
  const page = await newPage(browser);
  await login(page, DEMO.jussi.email);

  // The seeded one-off window cleaning next week waits in his company's inbox.
  const windows = (await openOffers(page)).find((o) => o.order?.needs?.startsWith('Ikkunanpesu'));
  assert.ok(windows, 'the seeded window-cleaning offer is open');
  shared.windowsOrderId = windows.order_id;

  const before = await bellCount(page, (n) => n > 0);
  assert.match(await bell(page).getAttribute('aria-label'), new RegExp(`^Ilmoitukset, ${before} lukemat`));
  assert.equal(await page.getByTestId('unread-badge').innerText(), String(before));

  await bell(page).click();
  await page.waitForURL('**/notifications');
  await page.locator('h1', { hasText: 'Ilmoitukset' }).waitFor();
  const offer = page.locator(`[data-testid="notification"][data-kind="order.offered"][data-subject-id="${shared.windowsOrderId}"]`);
  // The service's name arrives with the directory's names, after the list itself.
  await offer.getByRole('link', { name: /Uusi tarjous: Siivous, Hervanta/ }).waitFor();
  assert.equal(await offer.getAttribute('data-read'), 'false');
  const sentence = await offer.getByRole('link').innerText();
  assert.match(sentence, /Uusi tarjous: Siivous, Hervanta\. Vastaa viimeistään \d{1,2}\.\d{1,2}\.\d{4} klo \d{1,2}\.\d{2}\./);
  assert.match(await offer.getByRole('link').textContent(), /^Lukematon: /, 'an unread one says so to a screen reader');
  assert.match(await page.getByTestId('unread-count').innerText(), new RegExp(`^${before} lukemat`));
  await capture(page, 'notifications');

  // Following it leads to the offers and marks it read.
  await offer.getByRole('link').click();
  await page.waitForURL('**/provider/offers');
  await page.locator('h1', { hasText: 'Tarjoukset: Hervannan Kotisiivous Oy' }).waitFor();
  assert.equal(await bellCount(page, (n) => n === before - 1), before - 1);
  await page.goBack();
  await page.waitForURL('**/notifications');
  await page.locator(`[data-testid="notification"][data-subject-id="${shared.windowsOrderId}"][data-kind="order.offered"][data-read="true"]`).waitFor();

  // Only the unread ones, then none at all.
  const listed = page.waitForResponse((r) => /\/api\/v1\/notifications\?.*unread=true/.test(r.url()));
  await page.getByLabel('Näytä vain lukemattomat').check();
  await page.waitForURL(/\/notifications\?unread=1$/);
  await listed;
  await page.getByTestId('notification').first().waitFor();
  assert.equal(await page.locator('[data-testid="notification"][data-read="true"]').count(), 0);
  await page.getByRole('button', { name: 'Merkitse kaikki luetuiksi' }).click();
  await page.getByRole('status').filter({ hasText: 'Kaikki ilmoitukset on merkitty luetuiksi.' }).waitFor();
  await page.getByTestId('unread-badge').waitFor({ state: 'detached' });
  assert.equal(await bell(page).getAttribute('aria-label'), 'Ilmoitukset');
  await page.getByTestId('notifications-empty').filter({ hasText: 'Ei lukemattomia ilmoituksia.' }).waitFor();
  const markAll = page.getByRole('button', { name: 'Merkitse kaikki luetuiksi' });
  assert.equal(await markAll.getAttribute('aria-disabled'), 'true');
  assert.equal(await markAll.evaluate((el) => el === document.activeElement), true, 'the button keeps the focus');
  await capture(page, 'notifications-all-read');

  // The count is the server's: a fresh page load has no badge either.
  await page.reload();
  await page.locator('h1', { hasText: 'Ilmoitukset' }).waitFor();
  await page.getByTestId('notifications-empty').waitFor();
  assert.equal(await unread(page), 0);
  assert.equal(await page.getByTestId('unread-badge').count(), 0);
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('AinosBellRisesLiveWhenJussiAcceptsHerWindowCleaning', async () => {
  assert.ok(shared.windowsOrderId, 'the first test found the offer');
  const aino = await newPage(browser, { viewport: PHONE });
  const stream = aino.waitForResponse((r) => r.url().endsWith('/api/v1/events'));
  await login(aino, DEMO.aino.email);
  // On a phone the bell is in the header's first row, outside the menu.
  await bell(aino).waitFor({ state: 'visible' });
  const box = await bell(aino).boundingBox();
  assert.ok(box.width >= 44 && box.height >= 44, `the bell is a big enough target (${box.width}×${box.height})`);
  // The bell has the server's count before anything happens.
  const counted = await (await aino.request.get('/api/v1/notifications/unread-count')).json();
  const before = await bellCount(aino, (n) => n === counted.unread_count);
  // Her live stream is open before Jussi acts; nobody reloads her page.
  assert.equal((await stream).status(), 200);

  const jussi = await newPage(browser);
  await login(jussi, DEMO.jussi.email);
  await jussi.goto('/provider/offers');
  const card = jussi.locator(`[data-testid="offer"][data-order-id="${shared.windowsOrderId}"]`);
  await card.getByTestId('accept-offer').click();
  await jussi.waitForURL(`**/orders/${shared.windowsOrderId}`);
  assert.deepEqual(jussi.pageErrors, []);
  await jussi.context().close();

  const after = await bellCount(aino, (n) => n > before, 15_000);
  assert.equal(after, before + 1);
  assert.match(await bell(aino).getAttribute('aria-label'), new RegExp(`^Ilmoitukset, ${after} lukemat`));

  await bell(aino).click();
  await aino.waitForURL('**/notifications');
  const accepted = aino.locator(`[data-testid="notification"][data-kind="order.accepted"][data-subject-id="${shared.windowsOrderId}"]`);
  await accepted.getByRole('link', { name: /Hervannan Kotisiivous Oy hyväksyi tilauksen: Siivous\./ }).waitFor();
  assert.equal(await accepted.getAttribute('data-read'), 'false');
  await capture(aino, 'notifications-client');

  await accepted.getByRole('link').click();
  await aino.waitForURL(`**/orders/${shared.windowsOrderId}`);
  await aino.getByTestId('order-provider').filter({ hasText: 'Hervannan Kotisiivous Oy' }).waitFor();
  assert.equal(await bellCount(aino, (n) => n === after - 1), after - 1);
  assert.deepEqual(aino.pageErrors, []);
  await aino.context().close();
});

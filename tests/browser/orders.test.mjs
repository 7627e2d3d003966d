// Journeys 3, 4 and 5 as the people walk them: Sari records a funding decision; Aino sees her
// voucher's balance and orders cleaning from an approved provider by what she pays after the
// voucher; Jussi sees the offer without her name, accepts it before the deadline and assigns
// Aleksi; Aleksi works his day on a 360 px phone (check in, tasks, check out through a lost
// connection, "client not at home" on the other visit); Aino confirms the delivered visit and
// sees its split; Outi's board shows the Orivesi escalation in words, live, and she routes it by
// hand. Each person works in their own language (Finnish); the board is also read in English.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO, PHONE, capture, launch, login, newPage, serverHas, switchLanguage } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Today in the region's zone, as the API and the date inputs write it. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Money as Finnish writes it, spaces of any width: "29,80 €". */
const euros = (text) => new RegExp(text.replace(/\s/g, '\\s'));

// What one journey hands to the next (the files' tests run in order).
const shared = { orderId: '', jussiOrg: '' };

async function requireEndpoints(...ops) {
  for (const [method, path] of ops) assert.ok(await serverHas(method, path), `the server has no ${method} ${path}`);
}

/** Opens a page of the person's role from the start page: one click on its card. */
async function openFromStart(page, card) {
  await page.goto('/');
  await page.locator(`[data-card="${card}"]`).click();
  await page.locator('#main h1').waitFor();
}

test('SariRecordsAShoppingVoucherForGretaAndSeesEachMistakeAtItsField', async () => {
  await requireEndpoints(['GET', '/api/v1/organizations/{id}/clients'], ['POST', '/api/v1/clients/{id}/grants']);
  const page = await newPage(browser);
  await login(page, DEMO.sari.email);
  await openFromStart(page, 'purchaser-clients');
  await page.locator('h1', { hasText: 'Asiakkaat: Pirkanmaan hyvinvointialue' }).waitFor();
  await page.getByTestId('client-search').fill('sjöb');
  await page.getByTestId('client-link').filter({ hasText: 'Greta Sjöberg' }).click();
  await page.locator('h1', { hasText: 'Greta Sjöberg' }).waitFor();
  await page.getByText('Henkilöllä Greta Sjöberg ei ole vielä rahoituspäätöstä.').waitFor();

  // One form; the voucher, a month and a year's validity are already chosen.
  const form = page.getByTestId('grant-form');
  assert.equal(await form.getByLabel('Päätöksen laji').inputValue(), 'voucher');
  assert.equal(await form.getByLabel('Jakso', { exact: true }).inputValue(), 'month');
  assert.equal(await form.getByLabel('Voimassa alkaen').inputValue(), today);
  await form.getByLabel('Palvelu').selectOption('shopping');

  // Sent without hours, value or reference: the server's messages appear at those fields.
  await form.getByTestId('record-grant').click();
  const hours = form.getByLabel('Tunteja jaksossa');
  await page.waitForFunction((el) => el.getAttribute('aria-invalid') === 'true', await hours.elementHandle());
  assert.equal(await form.getByLabel('Setelin arvo tunnilta (€)').getAttribute('aria-invalid'), 'true');
  assert.equal(await form.getByLabel('Päätöksen tunniste').getAttribute('aria-invalid'), 'true');
  await form.getByText('Anna, paljonko jaksossa myönnetään.').waitFor();
  await form.getByText('Anna arvo euroina, esimerkiksi 28,00.').waitFor();
  await capture(page, 'funding-decision-errors');

  // Hours as hours and euros as euros; the API gets minutes and cents.
  await hours.fill('3');
  await form.getByLabel('Setelin arvo tunnilta (€)').fill('25,50');
  await form.getByLabel('Päätöksen tunniste').fill('PSHVA/2026/2001');
  const sent = page.waitForRequest((r) => r.method() === 'POST' && /\/api\/v1\/clients\/[^/]+\/grants$/.test(r.url()));
  await form.getByTestId('record-grant').click();
  const request = await sent;
  const body = request.postDataJSON();
  assert.deepEqual(
    { kind: body.kind, categories: body.categories, unit: body.unit, quantity: body.quantity, period: body.period, value_cents: body.value_cents },
    { kind: 'voucher', categories: ['shopping'], unit: 'hour', quantity: 180, period: 'month', value_cents: 2550 },
  );
  assert.match(request.headers()['idempotency-key'] ?? '', UUID);
  await page.getByText('Päätös PSHVA/2026/2001 kirjattu.').waitFor();
  const grant = page.getByTestId('grant').filter({ hasText: 'Palveluseteli: Kauppa-apu' });
  await grant.waitFor();
  assert.match(await grant.getByTestId('balance').innerText(), /3\st jäljellä \/ 3\st/);
  assert.match(await grant.innerText(), /25,50\s€ tunnilta/);
  await capture(page, 'funding-decision');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('AinoSeesHerBalanceAndOrdersCleaningByWhatSheHerselfPays', async () => {
  await requireEndpoints(['POST', '/api/v1/orders'], ['POST', '/api/v1/clients/{id}/funding-quote']);
  const page = await newPage(browser);
  await login(page, DEMO.aino.email);
  await openFromStart(page, 'my-orders');
  await page.locator('h1', { hasText: 'Omat tilaukset' }).waitFor();
  const voucher = page.getByTestId('grant').filter({ hasText: 'Palveluseteli: Siivous' });
  assert.match(await voucher.getByTestId('balance').innerText(), /4\st jäljellä \/ 4\st/);
  await capture(page, 'my-orders');

  // The form starts from the decision: service, voucher and her address are already there.
  await voucher.getByTestId('order-with-grant').click();
  await page.locator('h1', { hasText: 'Tilaa: Siivous' }).waitFor();
  const form = page.getByTestId('order-form');
  assert.match(await form.getByLabel('Osoite').inputValue(), /Insinöörinkatu 48 B 17/);
  assert.equal(await form.getByLabel('Ovikoodi').inputValue(), 'B 2468');
  await form.locator('select[name="duration"]').selectOption('120');
  await form.getByLabel('Päivä', { exact: true }).fill(today);
  // 8–10 today: Aleksi may work it (12 h before until a day after) at any hour the suite runs.
  await form.getByLabel('Aikaisintaan alkaen').fill('08:00');
  await form.getByLabel('Viimeistään päättyen').fill('10:00');
  await form.getByLabel('Mitä palveluntuottajan pitää tietää?').fill('Kaksio, 52 m². Kissa kotona.');
  await form.getByLabel('Tehtävät').fill('Imurointi\nKeittiö\nKylpyhuone');

  // The approved providers, cheapest first by what Aino pays after her voucher.
  const options = form.getByTestId('provider-option');
  await form.getByTestId('net-price').nth(2).waitFor();
  const names = await options.locator('strong').allInnerTexts();
  assert.deepEqual([...names].sort(), ['Hervannan Kotisiivous Oy', 'Pirkan Kotiapu Oy', 'Tammerfors Hemservice Ab']);
  const nets = (await form.getByTestId('net-price').allInnerTexts()).map((s) => Number(s.replace(/[^\d,]/g, '').replace(',', '.')));
  assert.deepEqual(nets, [...nets].sort((a, b) => a - b), `net prices in order: ${nets}`);
  const hervanta = options.filter({ hasText: 'Hervannan Kotisiivous Oy' });
  shared.jussiOrg = (await hervanta.getAttribute('data-provider-id')) ?? '';
  // 2 h at 42,90 € = 85,80 €; the voucher pays 28,00 € × 2 h = 56,00 €; Aino 29,80 €.
  assert.match(await hervanta.getByTestId('net-price').innerText(), euros('29,80 €'));
  await hervanta.locator('input[type="radio"]').check();
  const split = page.getByTestId('split-preview');
  await split.waitFor();
  const splitText = await split.innerText();
  assert.match(splitText, /85,80\s€/);
  assert.match(splitText, /Palveluseteli 28,00\s€\/t × 2\st = 56,00\s€/);
  assert.match(splitText, /Omavastuuosuutesi 29,80\s€/);
  await capture(page, 'order-form');

  const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/orders'));
  await page.getByTestId('place-order').click();
  const request = await sent;
  assert.match(request.headers()['idempotency-key'] ?? '', UUID);
  const body = request.postDataJSON();
  assert.equal(body.duration_minutes, 120);
  assert.equal(body.schedule.start_date, today);
  assert.equal(body.grants.length, 1);
  await page.waitForURL(/\/orders\/ord_/);
  shared.orderId = new URL(page.url()).pathname.split('/').pop();
  await page.getByText('Tilauksesi on lähetetty.').waitFor();
  await page.locator('.badge[data-state="offered"]').waitFor();
  await capture(page, 'order-placed');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('JussiSeesTheOfferWithoutAinosNameAcceptsItAndAssignsAleksi', async () => {
  assert.ok(shared.orderId, 'Aino placed an order');
  const page = await newPage(browser);
  await login(page, DEMO.jussi.email);
  await openFromStart(page, 'offers');
  await page.locator('h1', { hasText: 'Tarjoukset: Hervannan Kotisiivous Oy' }).waitFor();
  const offer = page.locator(`[data-testid="offer"][data-order-id="${shared.orderId}"]`);
  // The service's name arrives with the directory's names, after the offer itself.
  await offer.getByRole('heading', { name: 'Siivous, Hervanta' }).waitFor();
  const text = await offer.innerText();
  for (const secret of ['Aino', 'Virtanen', 'Insinöörinkatu', 'B 2468']) assert.ok(!text.includes(secret), `the offer shows ${secret}`);
  assert.match(text, /Siivous, Hervanta/);
  assert.match(await offer.getByTestId('deadline').innerText(), /^Vastaa \d/);
  assert.match(await offer.getByTestId('offer-when').innerText(), /klo 8\.00–10\.00/);
  await capture(page, 'inbox');

  await offer.getByTestId('accept-offer').click();
  await page.waitForURL(`**/orders/${shared.orderId}`);
  await page.getByText('Hyväksyit tilauksen.').waitFor();
  // Now, and only now, the delivery's details.
  assert.match(await page.getByTestId('order-address').innerText(), /Insinöörinkatu 48 B 17/);
  assert.equal(await page.getByTestId('order-door-code').innerText(), 'B 2468');
  const assign = page.getByTestId('assign');
  await assign.getByTestId('worker-select').selectOption({ label: 'Aleksi Työntekijä' });
  await assign.getByTestId('assign-worker').click();
  await assign.getByText('Aleksi Työntekijä tekee nyt käynnit.').waitFor();
  assert.match(await assign.getByTestId('assigned-worker').innerText(), /Nimetty: Aleksi Työntekijä/);
  await page.getByTestId('visit').first().waitFor();
  await capture(page, 'order-accepted');

  // A message to the client's side, which Aino reads next.
  await page.getByLabel('Uusi viesti').fill('Tulemme klo 8. Soitamme ovelta, jos koodi ei toimi.');
  await page.getByTestId('send-message').click();
  await page.getByTestId('message').filter({ hasText: 'Tulemme klo 8.' }).getByText('Ei vielä luettu').waitFor();
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('LiisaActingForAinoFindsTheAcceptedOrderAndItsMessage', async () => {
  assert.ok(shared.orderId, 'Aino placed an order');
  const page = await newPage(browser);
  await login(page, DEMO.liisa.email);
  await openFromStart(page, 'my-orders');
  await page.getByTestId('whose-orders').selectOption({ label: 'Aino Virtanen' });
  await page.locator('h1', { hasText: 'Tilaukset: Aino Virtanen' }).waitFor();
  const row = page.locator(`[data-testid="order-row"][data-order-id="${shared.orderId}"]`);
  await row.waitFor();
  assert.match(await row.innerText(), /Hervannan Kotisiivous Oy/);
  await row.getByRole('link').click();
  await page.waitForURL(`**/orders/${shared.orderId}`);
  assert.equal(await page.getByTestId('order-provider').innerText(), 'Hervannan Kotisiivous Oy');
  await page.getByTestId('message').filter({ hasText: 'Tulemme klo 8.' }).waitFor();
  await page.getByTestId('timeline').getByText('Palveluntuottaja hyväksyi').waitFor();
  // What a visit costs and who pays it, worded for someone acting for the client.
  const expected = await page.getByTestId('expected-split').innerText();
  assert.match(expected, /Palveluseteli 28,00\s€\/t × 2\st = 56,00\s€/);
  assert.match(expected, /Asiakkaan omavastuuosuus 29,80\s€/);
  await capture(page, 'order-delegate');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('AleksiChecksInTicksTasksChecksOutThroughALostConnectionAndRecordsClientNotAtHome', async () => {
  await requireEndpoints(['GET', '/api/v1/me/visits'], ['POST', '/api/v1/visits/{id}/check-out']);
  const page = await newPage(browser, { viewport: PHONE });
  await login(page, DEMO.aleksi.email);
  await openFromStart(page, 'my-day');
  await page.locator('h1', { hasText: 'Päiväni' }).waitFor();
  const visits = page.getByTestId('day-visit');
  await visits.nth(1).waitFor();
  assert.equal(await visits.count(), 2, 'the seeded weekly cleaning and Aino’s new order');

  // The seeded cleaning at 12–14: address and door code, big targets for one hand.
  const first = visits.filter({ hasText: '12.00–14.00' });
  assert.match(await first.getByTestId('visit-address').innerText(), /Insinöörinkatu 48 B 17, 33720 Tampere/);
  assert.equal(await first.getByTestId('visit-door-code').innerText(), 'B 2468');
  const checkIn = first.getByTestId('check-in');
  assert.ok((await checkIn.boundingBox()).height >= 48, 'the check-in button is at least 48 px high');
  assert.ok((await first.locator('.task-check').first().boundingBox()).height >= 48, 'a task row is at least 48 px high');
  await capture(page, 'my-day');

  await checkIn.click();
  await page.locator('[data-testid="day-visit"][data-visit-state="in_progress"]').waitFor();
  await first.getByLabel('Imurointi').check();
  await first.getByLabel('Pölyjen pyyhintä').check();
  await first.getByLabel('Kylpyhuone').check();
  await first.getByLabel('Huomio asiakkaalle ja toimistolle (vapaaehtoinen)').fill('Roskat jäivät, astia oli täynnä.');

  // The first check-out is lost on the way; it is sent again with the same key and body.
  const keys = [];
  let lost = false;
  await page.route('**/api/v1/visits/*/check-out', async (route) => {
    keys.push(route.request().headers()['idempotency-key']);
    if (!lost) {
      lost = true;
      await route.abort('internetdisconnected');
    } else {
      await route.continue();
    }
  });
  const checkOut = first.getByTestId('check-out');
  await checkOut.click();
  assert.equal(await checkOut.isDisabled(), true, 'the button waits while the step is on its way');
  await page.locator('[data-testid="day-visit"][data-visit-state="delivered"]').waitFor();
  assert.equal(keys.length, 2);
  assert.match(keys[0], UUID);
  assert.equal(keys[1], keys[0], 'the retry reuses the Idempotency-Key');
  await first.getByText('Valmis. Kiitos!').waitFor();

  // The other visit: nobody opens the door.
  const second = visits.filter({ hasText: '8.00–10.00' });
  await second.getByTestId('not-home').click();
  await second.getByTestId('confirm-not-home').click();
  await page.locator('[data-testid="day-visit"][data-visit-state="failed"]').waitFor();
  await second.getByText('Asiakas ei ollut kotona').waitFor();
  await capture(page, 'my-day-done');

  // Tomorrow has its own list.
  await page.getByTestId('next-day').click();
  await page.waitForURL(/date=/);
  await page.locator('[data-testid="day-visits"], [data-testid="day-empty"]').first().waitFor();
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('AinoConfirmsTheDeliveredVisitAndSeesWhoPaidWhat', async () => {
  const page = await newPage(browser);
  await login(page, DEMO.aino.email);
  await openFromStart(page, 'my-orders');
  const weekly = page.getByTestId('order-row').filter({ hasText: 'Joka viikko', hasNotText: ' asti' });
  await weekly.getByRole('link').click();
  await page.waitForURL(/\/orders\/ord_/);
  const delivered = page.locator('[data-testid="visit"][data-visit-state="delivered"]');
  await delivered.waitFor();
  const split = await delivered.getByTestId('visit-split').innerText();
  assert.match(split, /Palveluseteli 28,00\s€\/t × 1\st = 28,00\s€/);
  assert.match(split, /Omavastuuosuutesi 11,00\s€/);
  // Work paid with a voucher does not qualify for the household deduction, not even her own share.
  assert.equal(await delivered.getByTestId('tax-credit').count(), 0);
  assert.match(await delivered.innerText(), /Tehty: Imurointi, Pölyjen pyyhintä, Kylpyhuone/);
  await capture(page, 'order-visit-delivered');
  await delivered.getByTestId('confirm-visit').click();
  await page.locator('[data-testid="visit"][data-visit-state="confirmed"]').waitFor();
  // The voucher's balance counts the hour.
  await openFromStart(page, 'my-orders');
  const voucher = page.getByTestId('grant').filter({ hasText: 'Palveluseteli: Siivous' });
  assert.match(await voucher.getByTestId('balance').innerText(), /jäljellä \/ 4\st/);
  assert.doesNotMatch(await voucher.getByTestId('balance').innerText(), /^4\st jäljellä/);
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('OutiSeesTheOrivesiEscalationInWordsAndRoutesItByHandWhileTheBoardUpdatesLive', async () => {
  await requireEndpoints(['GET', '/api/v1/regions/{id}/board'], ['POST', '/api/v1/orders/{id}/route']);
  const page = await newPage(browser);
  await login(page, DEMO.outi.email);
  await openFromStart(page, 'board');
  await page.locator('h1', { hasText: 'Tilaustaulu' }).waitFor();
  await page.getByTestId('board-order').filter({ hasText: 'Kauppa-apu, Orivesi' }).waitFor();
  const gretaOrder = await page.getByTestId('board-order').filter({ hasText: 'Kauppa-apu, Orivesi' }).getAttribute('data-order-id');
  const greta = page.locator(`[data-testid="board-order"][data-order-id="${gretaOrder}"]`);
  assert.equal(
    await greta.getByTestId('escalation-reason').innerText(),
    'Orivesi: ei palveluntuottajaa, jolla on vapaata kapasiteettia ja jonka palvelukieli on ruotsi.',
  );
  assert.ok(Number(await page.locator('[data-count-state="escalated"] .count-number').innerText()) >= 1);
  await page.getByTestId('overdue').waitFor();
  await page.locator('[data-testid="live-status"][data-live="live"]').waitFor();
  await switchLanguage(page, 'en');
  assert.equal(await greta.getByTestId('escalation-reason').innerText(), 'Orivesi: no provider with free capacity and serving in Swedish.');
  await capture(page, 'board');
  await switchLanguage(page, 'fi');

  // A second tab stays open; the routing is done in the first and shows in both.
  const watcher = await newPage(browser);
  await login(watcher, DEMO.outi.email);
  await watcher.goto('/board');
  const watched = watcher.locator(`[data-testid="board-order"][data-order-id="${gretaOrder}"]`);
  await watched.locator('[data-state="escalated"]').first().waitFor();
  await watcher.locator('[data-testid="live-status"][data-live="live"]').waitFor();

  await greta.getByTestId('route-by-hand').click();
  const form = greta.getByTestId('route-form');
  const pirkan = form.getByTestId('route-option').filter({ hasText: 'Pirkan Kotiapu Oy' });
  assert.match(await pirkan.innerText(), /palvelee: Orivesi/);
  await capture(page, 'board-route');
  await pirkan.locator('input').check();
  await form.getByTestId('send-route').click();
  await page.getByText('Tarjottu: Pirkan Kotiapu Oy.').waitFor();
  await greta.locator('.badge[data-state="offered"]').waitFor();
  await greta.getByTestId('deadline').waitFor();
  // The other tab was not reloaded by hand: the order.changed event did it.
  await watched.locator('.badge[data-state="offered"]').waitFor({ timeout: 15_000 });
  assert.deepEqual(page.pageErrors, []);
  assert.deepEqual(watcher.pageErrors, []);
  await watcher.context().close();
  await page.context().close();
});

// Journey 2 as the people walk it: Aino calls the advice desk. Mikko, on the phone, finds her by a
// misspelled name and her birth date, sees that another Aino Virtanen born the same day lives in
// Nokia, notes the call, searches cleaning in her area and orders it for her with her consent
// given by phone. Aino then finds the order, her consent and why Mikko opened her file, and
// withdraws the consent, which cancels the order. On a 360 px phone Mikko registers a new caller
// and is warned of a record with the same phone. Everyone works in Finnish, as their profiles say.
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

const helsinkiDate = (d) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
/** Tomorrow in the region's zone: the first day the desk may order for (lead time 0 still means tomorrow). */
const tomorrow = helsinkiDate(new Date(Date.now() + 24 * 3_600_000));
const PURPOSE = 'Neuvontapuhelu / advice call';

// What one test hands to the next (the file's tests run in order).
const shared = { ainoId: '', orderId: '' };

async function requireEndpoints(...ops) {
  for (const [method, path] of ops) assert.ok(await serverHas(method, path), `the server has no ${method} ${path}`);
}

/** Opens a page of the person's role from the start page: one click on its card. */
async function openFromStart(page, card) {
  await page.goto('/');
  await page.locator(`[data-card="${card}"]`).click();
  await page.locator('#main h1').waitFor();
}

const activeName = (page) => page.evaluate(() => document.activeElement?.getAttribute('name') ?? document.activeElement?.textContent ?? '');

test('MikkoFindsAinoByAMisspelledNameAndSeesThatAnotherRecordLooksAlike', async () => {
  await requireEndpoints(['POST', '/api/v1/regions/{id}/clients/search'], ['GET', '/api/v1/clients/{id}']);
  const page = await newPage(browser);
  await login(page, DEMO.mikko.email);
  await openFromStart(page, 'desk');
  await page.locator('h1', { hasText: 'Neuvonta' }).waitFor();

  // The name field has the focus: Mikko types while Aino spells her name; Enter searches.
  await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'q');
  await page.keyboard.type('Aino Virtanan');
  await page.getByTestId('find-birth-date').fill('1942-03-14');
  const searched = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/clients/search'));
  await page.getByTestId('find-birth-date').press('Enter');
  const search = await searched;
  assert.deepEqual(search.postDataJSON(), { limit: 20, q: 'Aino Virtanan', birth_date: '1942-03-14' });
  assert.equal(search.headers()['x-access-purpose'], PURPOSE);

  // Two Aino Virtanens born 14.3.1942; the best match has the focus and the arrow keys move on.
  const hits = page.getByTestId('client-hit');
  await hits.nth(1).waitFor();
  assert.equal(await hits.count(), 2);
  const texts = await hits.allInnerTexts();
  assert.ok(texts.every((h) => h.includes('Aino Virtanen') && h.includes('14.3.1942')), texts.join(' | '));
  assert.ok(texts.some((h) => h.includes('Tampere') && h.includes('Insinöörinkatu 48 B 17')), texts.join(' | '));
  assert.ok(texts.some((h) => h.includes('Nokia')), texts.join(' | '));
  await page.getByRole('status').filter({ hasText: '2 asiakasta löytyi' }).waitFor({ state: 'attached' });
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'client-hit');
  const first = await page.evaluate(() => document.activeElement?.getAttribute('data-client-id'));
  await page.keyboard.press('ArrowDown');
  assert.notEqual(await page.evaluate(() => document.activeElement?.getAttribute('data-client-id')), first);
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-client-id')), first);
  await page.keyboard.press('Escape');
  assert.equal(await activeName(page), 'q');

  // Aino of Tampere, opened with Enter; the reason goes with the read into her access log.
  const tampere = hits.filter({ hasText: 'Insinöörinkatu 48 B 17' });
  shared.ainoId = (await tampere.getAttribute('data-client-id')) ?? '';
  await tampere.focus();
  const read = page.waitForRequest((r) => r.method() === 'GET' && r.url().endsWith(`/api/v1/clients/${shared.ainoId}`));
  await page.keyboard.press('Enter');
  assert.equal((await read).headers()['x-access-purpose'], PURPOSE);
  const record = page.getByTestId('client-record');
  await record.locator('h2', { hasText: 'Aino Virtanen' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'record-heading');
  assert.match(await record.getByTestId('record-address').innerText(), /Insinöörinkatu 48 B 17, 33720 Tampere/);
  assert.equal(await record.getByTestId('record-birth-date').innerText(), '14.3.1942');

  // The warning names the other Aino Virtanen, of Nokia, and opens her record on request.
  const warning = page.getByRole('alert').filter({ hasText: 'Nämä tiedot muistuttavat toisiaan' });
  await warning.waitFor();
  assert.match(await warning.getByTestId('look-alike').innerText(), /Aino Virtanen, 14\.3\.1942, Nokia/);
  assert.match(await warning.getByTestId('open-look-alike').getAttribute('href'), /\/desk\?client=usr_demo_aino_nokia$/);

  // The identity code is masked until Mikko shows it, which her log records too.
  assert.equal(await record.getByTestId('identity-code').innerText(), '140342-****');
  const revealed = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/identity-code/reveal'));
  await record.getByTestId('reveal-code').click();
  assert.equal((await revealed).headers()['x-access-purpose'], PURPOSE);
  await page.waitForFunction(() => document.querySelector('[data-testid="identity-code"]')?.textContent === '140342-386R');
  await capture(page, 'desk-record');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('MikkoNotesTheCallAndOrdersCleaningForAinoWithHerConsent', async () => {
  await requireEndpoints(['POST', '/api/v1/clients/{id}/contacts'], ['GET', '/api/v1/advice-topics'], ['POST', '/api/v1/orders']);
  assert.ok(shared.ainoId, 'the first test found Aino');
  const page = await newPage(browser);
  await login(page, DEMO.mikko.email);
  await page.goto(`/desk?client=${shared.ainoId}`);
  const record = page.getByTestId('client-record');
  await record.locator('h2', { hasText: 'Aino Virtanen' }).waitFor();

  // The call: by phone, about home help and cleaning, an order placed; the minutes come from the timer.
  const note = page.getByTestId('contact-form');
  assert.equal(await note.getByLabel('Miten').inputValue(), 'phone');
  assert.ok(Number(await note.getByLabel('Minuutit').inputValue()) >= 1);
  await note.getByLabel('Kotiapu ja siivous').check();
  await note.getByLabel('Lopputulos').selectOption('order_placed');
  await note.getByLabel('Muistiinpano').fill('Haluaa kotisiivouksen, mieluiten aamupäivällä.');
  const noted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/clients/${shared.ainoId}/contacts`));
  await note.getByTestId('save-contact').click();
  const contact = await noted;
  const body = contact.postDataJSON();
  assert.deepEqual(
    { channel: body.channel, topics: body.topics, outcome: body.outcome, note: body.note },
    { channel: 'phone', topics: ['home_help'], outcome: 'order_placed', note: 'Haluaa kotisiivouksen, mieluiten aamupäivällä.' },
  );
  assert.ok(Number.isInteger(body.duration_minutes) && body.duration_minutes >= 1);
  assert.equal(contact.headers()['x-access-purpose'], PURPOSE);
  await note.getByRole('status').filter({ hasText: 'Yhteydenotto asiakkaan Aino Virtanen kanssa on kirjattu.' }).waitFor();
  const history = page.getByTestId('contact').first();
  await history.waitFor();
  assert.match(await history.innerText(), /Tilaus tehty/);
  assert.match(await history.innerText(), /Kotiapu ja siivous/);
  assert.match(await history.innerText(), /Kirjannut Mikko Neuvoja, Kotitori Pirkanmaa/);

  // Cleaning in her area: her municipality and language are chosen, her postal code narrows it.
  const order = page.locator('#desk-order');
  assert.equal(await order.getByLabel('Kunta').inputValue(), 'fi-837');
  assert.equal(await order.getByLabel('Palvelun kieli').inputValue(), 'fi');
  await order.getByTestId('service-q').fill('siivous');
  const searched = page.waitForRequest((r) => r.method() === 'GET' && r.url().includes('/api/v1/services?'));
  await order.getByTestId('service-q').press('Enter');
  const query = new URL((await searched).url()).searchParams;
  assert.deepEqual(
    { q: query.get('q'), municipality: query.get('municipality'), postal_code: query.get('postal_code'), language: query.get('language') },
    { q: 'siivous', municipality: 'fi-837', postal_code: '33720', language: 'fi' },
  );
  // Hervannan Kotisiivous cleans at one day's notice (lead time 0: tomorrow).
  const hervanta = order.getByTestId('desk-service').filter({ hasText: 'Kotisiivous Hervannassa' }).filter({ hasText: 'Hervannan Kotisiivous Oy' });
  await hervanta.waitFor();
  await hervanta.getByTestId('choose-service').click();
  const form = page.getByTestId('desk-order-form');
  await form.locator('h3', { hasText: 'Tilaa Kotisiivous Hervannassa asiakkaalle Aino Virtanen' }).waitFor();
  assert.equal(await form.getByLabel('Päivä', { exact: true }).inputValue(), tomorrow);
  // Her address, door code and phone come from her last order, as in the shop; where that address
  // is not the register's, the register's is one click away.
  const doorCode = form.getByLabel('Ovikoodi');
  await page.waitForFunction((el) => el.value !== '', await doorCode.elementHandle());
  assert.equal(await doorCode.inputValue(), 'B 2468');
  const address = await form.getByLabel('Osoite', { exact: true }).inputValue();
  assert.equal(address, 'Insinöörinkatu 48 B 17, 33720 Tampere');
  assert.match(await form.getByTestId('order-place').innerText(), /Hervanta/);
  await form.getByLabel('Mitä palveluntuottajan pitää tietää?').fill('Kaksio, 52 m². Kissa kotona.');
  // She pays this one herself: her voucher stays for the decision's cleaning.
  await form.getByTestId('payment').waitFor();
  await form.getByTestId('pay-from-self').locator('input').check();

  // Consent: by phone (the call), given by Aino. Without who gave it the form says so at the field.
  const consent = form.getByTestId('consent');
  assert.ok(await consent.getByLabel('Puhelimessa').isChecked());
  const by = consent.getByLabel('Suostumuksen antaja');
  assert.equal(await by.inputValue(), 'Aino Virtanen');
  await by.fill('');
  await form.getByTestId('desk-place-order').click();
  await page.waitForFunction((el) => el.getAttribute('aria-invalid') === 'true', await by.elementHandle());
  await by.fill('Aino Virtanen');
  await capture(page, 'desk-order-form');

  const placed = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/orders'));
  await form.getByTestId('desk-place-order').click();
  const request = await placed;
  const sent = request.postDataJSON();
  assert.deepEqual(sent.consent, { given_how: 'phone', given_by: 'Aino Virtanen' });
  assert.equal(sent.client_id, shared.ainoId);
  assert.equal(sent.origin, 'shop');
  assert.equal(sent.schedule.start_date, tomorrow);
  assert.equal(sent.address, address);
  assert.equal(sent.door_code, 'B 2468');
  assert.equal(sent.grants, undefined);
  assert.match(request.headers()['idempotency-key'] ?? '', /^[0-9a-f-]{36}$/);
  const done = page.getByTestId('order-placed');
  await done.waitFor();
  assert.match(await done.innerText(), /Tilaus asiakkaalle Aino Virtanen on tehty/);
  shared.orderId = ((await done.getByRole('link').getAttribute('href')) ?? '').split('/').pop();
  assert.match(shared.orderId, /^ord_/);
  await capture(page, 'desk-order-placed');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('AinoSeesTheOrderHerConsentAndWhyMikkoOpenedHerFile', async () => {
  await requireEndpoints(['GET', '/api/v1/clients/{id}/consents'], ['GET', '/api/v1/me/access-log']);
  assert.ok(shared.orderId, 'the desk placed an order');
  const page = await newPage(browser);
  await login(page, DEMO.aino.email);
  await openFromStart(page, 'my-orders');
  await page.locator(`[data-testid="order-row"][data-order-id="${shared.orderId}"]`).waitFor();

  // Her consents: one from My orders; given by phone by herself, written down by Mikko.
  await page.getByTestId('consents-link').click();
  await page.locator('h1', { hasText: 'Suostumukseni' }).waitFor();
  const item = page.getByTestId('consent').filter({ hasText: 'Hervannan Kotisiivous Oy' });
  await item.waitFor();
  assert.equal(await item.getAttribute('data-state'), 'active');
  const text = await item.innerText();
  assert.match(text, /Voimassa/);
  assert.match(text, /Miten\s+Puhelimessa/);
  assert.match(text, /Antaja\s+Aino Virtanen/);
  assert.match(text, /Mikko Neuvoja/);
  assert.match(text, /kunnes se perutaan/);
  assert.equal(await item.getByRole('link', { name: 'Avaa tilaus' }).getAttribute('href'), `/orders/${shared.orderId}`);
  await capture(page, 'consents');

  // Who has seen her data: Mikko, during the call, with the reason he gave.
  await page.locator('nav.main-nav a[data-nav="access-log"]').click();
  await page.locator('h1', { hasText: 'Kuka on katsonut tietojani' }).waitFor();
  const entries = page.locator('.log-entry').filter({ hasText: 'Mikko Neuvoja' });
  const look = entries.filter({ hasText: 'Katsoi asiakastietoja' }).filter({ hasText: PURPOSE });
  const deadline = Date.now() + 20_000;
  for (;;) {
    if ((await look.count()) > 0) break;
    const more = page.getByRole('button', { name: 'Näytä lisää' });
    assert.ok(Date.now() < deadline && (await more.count()) > 0, 'Mikko’s look with its purpose is in Aino’s log');
    await more.click();
    await page.waitForFunction(() => !document.querySelector('.loading'));
  }
  await entries.filter({ hasText: 'Näytti henkilötunnuksen kokonaan' }).first().waitFor();
  await entries.filter({ hasText: 'Kirjasi neuvontapuhelun tai -käynnin' }).first().waitFor();
  assert.match(await look.first().innerText(), /Neuvoja/);
  await capture(page, 'access-log-desk');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('AinoWithdrawsHerConsentAndTheOrderIsCancelled', async () => {
  await requireEndpoints(['POST', '/api/v1/clients/{id}/consents/{consent_id}/withdraw']);
  assert.ok(shared.orderId, 'the desk placed an order');
  const page = await newPage(browser);
  await login(page, DEMO.aino.email);
  await page.goto('/consents');
  const item = page.getByTestId('consent').filter({ hasText: 'Hervannan Kotisiivous Oy' });
  await item.waitFor();
  // Asked twice, in place: the question says what happens.
  await item.getByRole('button', { name: 'Peru suostumus' }).click();
  await item.getByText('Hervannan Kotisiivous Oy ei sen jälkeen näe tietojasi, ja tilaus perutaan.').waitFor();
  const withdrawn = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/withdraw'));
  await item.getByRole('button', { name: 'Kyllä, peru' }).click();
  assert.match((await withdrawn).headers()['idempotency-key'] ?? '', /^[0-9a-f-]{36}$/);
  await page.getByRole('status').filter({ hasText: 'Suostumus on peruttu.' }).waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="consent"]')?.getAttribute('data-state') === 'withdrawn');
  assert.match(await item.innerText(), /Peruttu/);
  await item.getByRole('link', { name: 'Avaa tilaus' }).click();
  await page.locator('.badge[data-state="cancelled"]').first().waitFor();
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('MikkoRegistersANewCallerOnAPhoneAndIsWarnedOfARecordWithTheSamePhone', async () => {
  await requireEndpoints(['POST', '/api/v1/regions/{id}/clients'], ['POST', '/api/v1/regions/{id}/clients/look-alikes']);
  const page = await newPage(browser, { viewport: PHONE });
  await login(page, DEMO.mikko.email);
  await page.goto('/desk');
  await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'q');

  // Nobody by this name and birth date: the empty state offers to register, with what was typed.
  await page.keyboard.type('Ilmari Koskinen');
  await page.getByTestId('find-birth-date').fill('1938-05-02');
  await page.getByTestId('find-submit').click();
  await page.getByTestId('find-empty').waitFor();
  await capture(page, 'desk-not-found');
  await page.getByTestId('register-from-empty').click();
  const form = page.getByTestId('register-form');
  assert.equal(await form.getByLabel('Nimi', { exact: true }).inputValue(), 'Ilmari Koskinen');
  assert.equal(await form.getByLabel('Syntymäaika').inputValue(), '1938-05-02');

  // His phone is the Nokia Aino's: the form warns before saving.
  await form.getByLabel('Puhelinnumero').fill('040 123 4567');
  const alike = form.getByTestId('register-look-alikes');
  await alike.getByText('Aino Virtanen, 14.3.1942, Nokia').waitFor();
  assert.match(await alike.innerText(), /sama puhelinnumero/);
  await form.getByLabel('Katuosoite').fill('Hämeenkatu 10 A 3');
  await form.getByLabel('Postinumero').fill('33100');
  await form.getByLabel('Postitoimipaikka').fill('Tampere');
  await page.waitForFunction(() => document.querySelector('select[name="municipality"]')?.value === 'fi-837');
  // A mistyped identity code: the server's message stands at the field.
  await form.getByLabel('Henkilötunnus (vapaaehtoinen)').fill('020538-123A');
  await form.getByTestId('register-submit').click();
  await form.getByText(/Tarkistusmerkki ei täsmää|Henkilötunnuksen mukaan/).waitFor();
  assert.equal(await form.getByLabel('Henkilötunnus (vapaaehtoinen)').getAttribute('aria-invalid'), 'true');
  await capture(page, 'desk-register');
  await form.getByLabel('Henkilötunnus (vapaaehtoinen)').fill('');
  const registered = page.waitForResponse((r) => r.request().method() === 'POST' && /\/regions\/[^/]+\/clients$/.test(r.url()));
  assert.equal(await form.getByTestId('register-submit').innerText(), 'Rekisteröi silti');
  await form.getByTestId('register-submit').click();
  assert.equal((await registered).status(), 201);
  const record = page.getByTestId('client-record');
  await record.locator('h2', { hasText: 'Ilmari Koskinen' }).waitFor();
  await record.getByText('Ilmari Koskinen on rekisteröity.').waitFor();
  await page.getByRole('alert').filter({ hasText: 'Aino Virtanen, 14.3.1942, Nokia' }).waitFor();
  assert.match(await record.getByTestId('record-address').innerText(), /Hämeenkatu 10 A 3, 33100 Tampere/);
  await capture(page, 'desk-registered');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

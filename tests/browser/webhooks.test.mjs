// Webhooks, as Jussi (provider admin of Hervannan Kotisiivous Oy) sets one up for his staff
// planning system: a real HTTP receiver on loopback that checks each signature with node:crypto.
// He adds the webhook (a mistake shown at its field first), copies the secret shown once, sends a
// test event that arrives signed and shows as delivered; a receiver answering 500 leaves a
// delivery failed after its attempts, and once it answers again he sends that delivery again.
// The server runs with ALLMENDE_WEBHOOKS_ALLOW_LOCAL_TARGETS, _RETRY_BASE_MS=200 and
// _MAX_ATTEMPTS=3 (scripts/browser-test.sh).
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { after, before, test } from 'node:test';
import { BASE_URL, DEMO, capture, launch, login, newPage, serverHas } from './lib.mjs';

let browser;
/** The receiver: what it got, and the status it answers with now. */
const receiver = { status: 200, requests: [], url: '', server: null };

before(async () => {
  browser = await launch();
  receiver.server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const status = receiver.status;
      receiver.requests.push({ method: req.method, path: req.url, headers: req.headers, raw: Buffer.concat(chunks).toString('utf8'), status });
      res.writeHead(status, { 'Content-Type': 'text/plain' });
      res.end(status === 200 ? 'ok' : 'down for maintenance');
    });
  });
  await new Promise((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${receiver.server.address().port}/allmende/events`;
});
after(async () => {
  await browser?.close();
  receiver.server?.closeAllConnections?.();
  await new Promise((resolve) => receiver.server?.close(resolve) ?? resolve());
});

// What one test hands to the next (the file's tests run in order).
const shared = { secret: '', organizationId: '' };

/** Polls the receiver's requests until one matches, at most `timeout` ms. */
async function received(match, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = receiver.requests.filter(match);
    if (found.length > 0) return found;
    if (Date.now() > deadline) throw new Error(`the receiver got nothing matching; it got ${receiver.requests.map((r) => r.headers['allmende-event']).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** True when the request's Allmende-Signature is the HMAC-SHA256 of "<t>.<raw body>" with `secret`, and t is now. */
function signedWith(request, secret) {
  const header = request.headers['allmende-signature'] ?? '';
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=')));
  if (!/^\d+$/.test(parts.t ?? '') || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) return false;
  const expected = createHmac('sha256', secret).update(`${parts.t}.${request.raw}`).digest('hex');
  const fresh = Math.abs(Date.now() / 1000 - Number(parts.t)) < 300;
  return fresh && timingSafeEqual(Buffer.from(parts.v1), Buffer.from(expected));
}

async function openWebhooks(page) {
  await page.locator('nav.main-nav a[data-nav^="org-"]').click();
  await page.getByTestId('manage-webhooks').click();
  await page.waitForURL(/\/organizations\/[^/]+\/webhooks$/);
  await page.locator('h1', { hasText: 'Webhookit: Hervannan Kotisiivous Oy' }).waitFor();
  shared.organizationId = new URL(page.url()).pathname.split('/')[2];
}

test('JussiAddsAWebhookAfterAMistakeAtItsFieldAndCopiesTheSecretShownOnce', async () => {
  assert.ok(await serverHas('POST', '/api/v1/organizations/{id}/webhooks'), 'the server has no webhooks');
  const page = await newPage(browser);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL });
  await login(page, DEMO.jussi.email);
  await openWebhooks(page);
  await page.getByText('Ei vielä webhookeja. Lisää ensimmäinen alla.').waitFor();

  // A user name and password in the address: the server's message at the URL, which takes the focus.
  const form = page.getByTestId('webhook-form');
  const url = form.getByLabel('Vastaanottajan osoite (URL)');
  await url.fill(receiver.url.replace('http://', 'http://vuorot:salasana@'));
  await form.getByLabel('Kuvaus (vapaaehtoinen)').fill('Vuorosuunnittelu');
  await form.getByTestId('add-webhook').click();
  await form.getByText('Jätä käyttäjätunnus ja salasana pois osoitteesta; allekirjoitus todistaa lähettäjän.').waitFor();
  assert.equal(await url.getAttribute('aria-invalid'), 'true');
  assert.equal(await url.evaluate((el) => el === document.activeElement), true);
  // No event ticked is refused here (the server would take it as every event).
  for (const box of await form.locator('input[name="webhook_events"]').all()) await box.uncheck();
  await form.getByTestId('add-webhook').click();
  await form.getByText('Valitse vähintään yksi tapahtuma.').waitFor();
  await capture(page, 'webhooks-errors');
  for (const box of await form.locator('input[name="webhook_events"]').all()) await box.check();

  await url.fill(receiver.url);
  const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/webhooks'));
  await form.getByTestId('add-webhook').click();
  // Every box ticked: no events named, so the webhook gets all of them, also kinds added later.
  assert.deepEqual((await sent).postDataJSON(), { url: receiver.url, description: 'Vuorosuunnittelu' });
  const card = page.getByTestId('new-webhook-secret');
  const secret = (await card.locator('[data-webhook-secret]').innerText()).trim();
  assert.match(secret, /^whsec_\S{16,}$/);
  await card.getByText('et näe sitä enää uudelleen').waitFor();
  await card.getByTestId('copy-secret').click();
  await card.getByRole('status').filter({ hasText: 'Kopioitu leikepöydälle.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), secret);
  shared.secret = secret;

  const hook = page.getByTestId('webhook').filter({ hasText: receiver.url });
  await hook.waitFor();
  assert.match(await hook.innerText(), new RegExp(`Salaisuus alkaa ${secret.slice(0, 10)}…`));
  assert.match(await hook.innerText(), /Vuorosuunnittelu/);
  await capture(page, 'webhooks-created');

  // Once stored, the secret is gone from the page and from the server's answers.
  await card.getByRole('button', { name: 'Tallensin sen' }).click();
  await card.waitFor({ state: 'detached' });
  const list = await (await page.request.get(`/api/v1/organizations/${shared.organizationId}/webhooks`)).json();
  assert.ok(!JSON.stringify(list).includes(secret), 'the list never carries the secret');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('TheTestEventArrivesSignedAndShowsAsDelivered', async () => {
  assert.ok(shared.secret, 'the first test added a webhook');
  const page = await newPage(browser);
  await login(page, DEMO.jussi.email);
  await openWebhooks(page);
  await page.getByTestId('deliveries-section').locator('[data-testid="deliveries-empty"], [data-testid="deliveries"]').first().waitFor();

  await page.getByTestId('webhook').filter({ hasText: receiver.url }).getByTestId('ping-webhook').click();
  await page.getByRole('status').filter({ hasText: 'Testitapahtuma on matkalla' }).waitFor();
  const [ping] = await received((r) => r.headers['allmende-event'] === 'ping');
  assert.equal(ping.method, 'POST');
  assert.equal(ping.path, '/allmende/events');
  assert.equal(ping.headers['content-type']?.split(';')[0], 'application/json');
  assert.ok(signedWith(ping, shared.secret), `signed with the secret: ${ping.headers['allmende-signature']}`);
  assert.ok(!signedWith(ping, `${shared.secret}x`), 'another secret does not verify');
  const body = JSON.parse(ping.raw);
  assert.equal(body.type, 'ping');
  assert.equal(body.organization_id, shared.organizationId);
  assert.ok(body.id && body.created_at && typeof body.data === 'object', `the body has id, created_at and data: ${ping.raw}`);
  const deliveryId = ping.headers['allmende-webhook-id'];
  assert.match(deliveryId, /^msg_/);
  assert.equal(body.id, deliveryId, 'the body’s id is the delivery’s');

  // The page asks again while something is pending: the delivery turns delivered by itself.
  const row = page.locator(`[data-testid="delivery"][data-delivery-id="${deliveryId}"]`);
  await row.and(page.locator('[data-status="sent"]')).waitFor({ timeout: 15_000 });
  assert.equal(await row.getByTestId('delivery-status').innerText(), 'Toimitettu');
  assert.equal(await row.getByTestId('delivery-attempts').innerText(), '1');
  assert.match(await row.innerText(), /Testitapahtuma/);
  assert.ok(Number(await page.getByTestId('deliveries-tab-sent').getByTestId('tab-count').innerText()) >= 1);
  await capture(page, 'webhooks');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('AFailingReceiverLeavesTheDeliveryFailedAndJussiSendsItAgain', async () => {
  assert.ok(shared.secret, 'the first test added a webhook');
  const page = await newPage(browser);
  await login(page, DEMO.jussi.email);
  await openWebhooks(page);

  receiver.status = 500;
  const before = receiver.requests.length;
  await page.getByTestId('webhook').filter({ hasText: receiver.url }).getByTestId('ping-webhook').click();
  const [first] = await received((r) => receiver.requests.indexOf(r) >= before && r.status === 500);
  const deliveryId = first.headers['allmende-webhook-id'];
  const row = page.locator(`[data-testid="delivery"][data-delivery-id="${deliveryId}"]`);
  await row.and(page.locator('[data-status="failed"]')).waitFor({ timeout: 20_000 });
  const attempts = receiver.requests.filter((r) => r.headers['allmende-webhook-id'] === deliveryId);
  assert.equal(attempts.length, 3, 'three attempts, then the dead letters');
  assert.ok(attempts.every((r) => signedWith(r, shared.secret)), 'every attempt is signed');
  assert.equal(await row.getByTestId('delivery-attempts').innerText(), '3');
  assert.match(await row.getByTestId('delivery-error').innerText(), /500/);

  // The dead letters on their own tab.
  const failedListed = page.waitForResponse((r) => r.url().includes('/webhook-deliveries?') && r.url().includes('status=failed'));
  await page.getByTestId('deliveries-tab-failed').click();
  await failedListed;
  await page.getByTestId('deliveries-tab-failed').and(page.locator('[aria-current="page"]')).waitFor();
  assert.ok(Number(await page.getByTestId('deliveries-tab-failed').getByTestId('tab-count').innerText()) >= 1);
  await page.locator('[data-testid="delivery"]').first().waitFor();
  assert.equal(await page.locator('[data-testid="delivery"]:not([data-status="failed"])').count(), 0);
  await capture(page, 'webhooks-failed');

  // The receiver is back: the same delivery is sent again, from its first attempt.
  receiver.status = 200;
  await row.getByTestId('replay-delivery').click();
  await page.getByRole('status').filter({ hasText: 'Toimitus lähetetään uudelleen' }).waitFor();
  const [again] = await received((r) => r.headers['allmende-webhook-id'] === deliveryId && r.status === 200);
  assert.ok(signedWith(again, shared.secret), 'the replay is signed');
  assert.equal(JSON.parse(again.raw).type, 'ping');
  await page.getByTestId('deliveries-tab-all').click();
  await row.and(page.locator('[data-status="sent"]')).waitFor({ timeout: 15_000 });
  assert.equal(await row.getByTestId('delivery-error').innerText(), 'Ei virhettä');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('JussiRemovesTheWebhookAfterConfirming', async () => {
  assert.ok(shared.secret, 'the first test added a webhook');
  const page = await newPage(browser);
  await login(page, DEMO.jussi.email);
  await openWebhooks(page);
  const hook = page.getByTestId('webhook').filter({ hasText: receiver.url });
  await hook.getByRole('button', { name: 'Poista' }).click();
  await hook.getByRole('group').getByText('Poistetaanko webhook').waitFor();
  await hook.getByRole('button', { name: 'Kyllä, poista' }).click();
  await page.getByRole('status').filter({ hasText: 'poistettiin' }).waitFor();
  await page.getByText('Ei vielä webhookeja. Lisää ensimmäinen alla.').waitFor();
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

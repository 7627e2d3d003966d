// Acting for others: a client invites by e-mail (the same confirmation for any address), sees the
// invitation waiting and can withdraw it; the person opens the e-mailed link and accepts, signed
// in or by creating an account; both sides see the delegation; ending it ends it at once. The
// e-mails are read from the demo mailbox the server delivers to (scripts/browser-test.sh).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, DEMO, capture, launch, login, newPage, switchLanguage } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The path and token of the newest delegation link e-mailed to `email`, polled for at most 15 s. */
async function delegationLink(email) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const list = await (await fetch(`${BASE_URL}/api/v1/demo/mailbox`)).json();
    for (const m of list.items.filter((x) => x.to === email)) {
      const mail = await (await fetch(`${BASE_URL}/api/v1/demo/mailbox/${m.id}`)).json();
      const token = /\/delegation#token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
      if (token) return `/delegation#token=${token}`;
    }
    if (Date.now() > deadline) throw new Error(`no delegation link e-mailed to ${email} within 15 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Invites `email` from the delegations page; returns the confirmation the page shows. */
async function invite(page, email, { scope, until } = {}) {
  await page.getByLabel('Their e-mail address').fill(email);
  if (scope) await page.getByRole('radio', { name: scope }).check();
  if (until) await page.getByLabel('Valid until (optional)').fill(until);
  await page.getByRole('button', { name: 'Give the right' }).click();
  const status = page.getByRole('status').filter({ hasText: email });
  await status.waitFor();
  await page.locator('[data-testid="pending-list"] li', { hasText: email }).waitFor();
  return (await status.textContent()) ?? '';
}

test('AinoSeesThatLiisaActsForHer', async () => {
  const page = await newPage(browser);
  await login(page, DEMO.aino.email);
  await switchLanguage(page, 'en');
  await page.goto('/delegations');
  await page.locator('h1', { hasText: 'Acting for others' }).waitFor();
  await page.locator('[data-testid="given-list"] li', { hasText: 'Liisa Virtanen' }).waitFor();
  await capture(page, 'delegations-aino');
  await switchLanguage(page, 'fi');
  await page.context().close();
});

test('TheConfirmationIsTheSameWhetherTheAddressHasAnAccountAndAnInvitationCanBeWithdrawn', async () => {
  const page = await newPage(browser);
  await login(page, DEMO.jonas.email);
  await switchLanguage(page, 'en');
  await page.goto('/delegations');
  // Ebba has an account; nobody has the other address.
  const known = await invite(page, DEMO.ebba.email);
  const unknown = await invite(page, 'nobody-here@allmende.demo');
  assert.equal(unknown.replace('nobody-here@allmende.demo', 'X'), known.replace(DEMO.ebba.email, 'X'));
  assert.match(known, /invitation has been sent/);
  await capture(page, 'delegations-pending');

  // Withdrawn by keyboard: the question takes the focus, Enter confirms.
  const item = page.locator('[data-testid="pending-list"] li', { hasText: 'nobody-here@allmende.demo' });
  await item.getByRole('button', { name: 'Withdraw' }).focus();
  await page.keyboard.press('Enter');
  await item.getByRole('button', { name: 'Yes, withdraw' }).waitFor();
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: 'was withdrawn' }).waitFor();
  await item.waitFor({ state: 'detached' });

  // One's own address is named at the field.
  await page.getByLabel('Their e-mail address').fill(DEMO.jonas.email);
  await page.getByRole('button', { name: 'Give the right' }).click();
  await page.locator('.field-error').first().waitFor();
  assert.equal(await page.getByLabel('Their e-mail address').getAttribute('aria-invalid'), 'true');
  await switchLanguage(page, 'de');
  await page.context().close();
});

test('ANewcomerCreatesTheirAccountWithTheLinkAndActsForAino', async () => {
  const email = `newcomer-${Date.now()}@example.fi`;
  const aino = await newPage(browser);
  await login(aino, DEMO.aino.email);
  await switchLanguage(aino, 'en');
  await aino.goto('/delegations');
  await invite(aino, email, { scope: /Services/ });

  const link = await delegationLink(email);
  const newcomer = await newPage(browser);
  await newcomer.goto(link);
  await newcomer.locator('h1', { hasText: 'Act for someone' }).waitFor();
  await newcomer.waitForFunction(() => !window.location.hash.includes('token=')); // out of the address bar
  await capture(newcomer, 'delegation-accept-newcomer');
  await newcomer.getByLabel('Your name').fill('Noora Uusi');
  await newcomer.getByLabel('Choose a password').fill('kesäyön-laituri-mökki-7');
  await newcomer.keyboard.press('Enter');
  await newcomer.getByRole('status').filter({ hasText: 'You can now act for Aino Virtanen' }).waitFor();
  await newcomer.getByText('You may look for and order services for Aino Virtanen.').waitFor();
  await capture(newcomer, 'delegation-accepted');

  await login(newcomer, email, 'kesäyön-laituri-mökki-7');
  await newcomer.goto('/delegations');
  await newcomer.locator('[data-testid="received-list"] li', { hasText: 'Aino Virtanen' }).waitFor();
  // Noora is nobody's client: she is told so instead of a form.
  await newcomer.getByTestId('not-a-client').waitFor();
  assert.equal(await newcomer.getByRole('button', { name: 'Give the right' }).count(), 0);

  await aino.reload();
  await aino.locator('[data-testid="given-list"] li', { hasText: 'Noora Uusi' }).waitFor();
  assert.equal(await aino.locator('[data-testid="pending-list"] li', { hasText: email }).count(), 0);
  await switchLanguage(aino, 'fi');
  await aino.context().close();
  await newcomer.context().close();
});

test('EbbaLetsHannaReadHerLogUntilAnEndDateThenEndsIt', async () => {
  const ebba = await newPage(browser);
  await login(ebba, DEMO.ebba.email);
  await switchLanguage(ebba, 'en');
  await ebba.goto('/delegations');
  const end = new Date(Date.now() + 30 * 86400_000);
  const iso = `${end.getFullYear()}-${String(end.getMonth() + 1).padStart(2, '0')}-${String(end.getDate()).padStart(2, '0')}`;
  await invite(ebba, DEMO.hanna.email, { scope: /Access log only/, until: iso });

  // Hanna, signed in, opens the link from her e-mail and accepts.
  const hanna = await newPage(browser);
  await login(hanna, DEMO.hanna.email);
  await switchLanguage(hanna, 'en');
  await hanna.goto(await delegationLink(DEMO.hanna.email));
  await hanna.getByText(`You are signed in as ${DEMO.hanna.email}`).waitFor();
  await capture(hanna, 'delegation-accept-signed-in');
  await hanna.getByRole('button', { name: 'Accept the invitation' }).click();
  await hanna.getByRole('status').filter({ hasText: 'You can now act for Ebba Lindqvist' }).waitFor();
  await hanna.getByRole('link', { name: 'See whom you act for' }).click();
  await hanna.locator('[data-testid="received-list"] li', { hasText: 'Ebba Lindqvist' }).waitFor();
  await capture(hanna, 'delegations-received');

  await ebba.reload();
  const given = ebba.locator('[data-testid="given-list"] li', { hasText: 'Hanna Vapaaehtoinen' });
  await given.waitFor();
  assert.match((await given.textContent()) ?? '', /until/);
  await given.getByRole('button', { name: 'End' }).click();
  await given.getByRole('button', { name: 'Yes, end it' }).click();
  await ebba.getByRole('status').filter({ hasText: 'has ended' }).waitFor();
  await given.waitFor({ state: 'detached' });
  await hanna.reload();
  await hanna.locator('h1', { hasText: 'Acting for others' }).waitFor();
  await hanna.getByText('You do not act for anyone.').waitFor();
  await switchLanguage(ebba, 'sv');
  await switchLanguage(hanna, 'fi');
  await ebba.context().close();
  await hanna.context().close();
});

// Acting for others: grant by e-mail with scope and end date, both sides see it, revoke ends it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO, capture, launch, login, newPage, switchLanguage } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

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

test('GrantingToAnAddressWithoutAccountNamesTheField', async () => {
  const page = await newPage(browser);
  await login(page, DEMO.jonas.email);
  await switchLanguage(page, 'en');
  await page.goto('/delegations');
  await page.getByLabel('Their e-mail address').fill('nobody-here@allmende.demo');
  await page.getByRole('button', { name: 'Give the right' }).click();
  await page.locator('.field-error', { hasText: 'Nobody has an account' }).waitFor();
  assert.equal(await page.getByLabel('Their e-mail address').getAttribute('aria-invalid'), 'true');
  await capture(page, 'delegations-field-error');
  await switchLanguage(page, 'de');
  await page.context().close();
});

test('EbbaLetsHannaReadHerLogUntilAnEndDateThenEndsIt', async () => {
  const ebba = await newPage(browser);
  await login(ebba, DEMO.ebba.email);
  await switchLanguage(ebba, 'en');
  await ebba.goto('/delegations');
  await ebba.getByLabel('Their e-mail address').fill(DEMO.hanna.email);
  await ebba.getByRole('radio', { name: /Access log only/ }).check();
  const end = new Date(Date.now() + 30 * 86400_000);
  const iso = `${end.getFullYear()}-${String(end.getMonth() + 1).padStart(2, '0')}-${String(end.getDate()).padStart(2, '0')}`;
  await ebba.getByLabel('Valid until (optional)').fill(iso);
  await ebba.getByRole('button', { name: 'Give the right' }).click();
  await ebba.getByRole('status').filter({ hasText: 'can now act for you' }).waitFor();
  const given = ebba.locator('[data-testid="given-list"] li', { hasText: 'Hanna Vapaaehtoinen' });
  await given.waitFor();
  assert.match((await given.textContent()) ?? '', /until/);

  const hanna = await newPage(browser);
  await login(hanna, DEMO.hanna.email);
  await switchLanguage(hanna, 'en');
  await hanna.goto('/delegations');
  await hanna.locator('[data-testid="received-list"] li', { hasText: 'Ebba Lindqvist' }).waitFor();
  await capture(hanna, 'delegations-received');

  await given.getByRole('button', { name: 'End' }).click();
  await given.getByRole('button', { name: 'Yes, end it' }).click();
  await ebba.getByRole('status').filter({ hasText: 'has ended' }).waitFor();
  await ebba.locator('[data-testid="given-list"] li', { hasText: 'Hanna Vapaaehtoinen' }).waitFor({ state: 'detached' });
  await hanna.reload();
  await hanna.locator('h1', { hasText: 'Acting for others' }).waitFor();
  await hanna.getByText('You do not act for anyone.').waitFor();
  await switchLanguage(ebba, 'sv');
  await switchLanguage(hanna, 'fi');
  await ebba.context().close();
  await hanna.context().close();
});

// "Who has seen my data": the client's own log, a delegate reading the log of the client they
// act for, and the auditor's search of the region's log.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO, capture, launch, login, newPage, serverHas, switchLanguage } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// An operation this test walks must exist: a missing one fails the test, it never skips it.
async function requireEndpoint(t, method, path) {
  assert.ok(await serverHas(method, path), `the server has no ${method} ${path}`);
  return true;
}

test('AinoReadsWhoHasSeenHerData', async (t) => {
  if (!(await requireEndpoint(t, 'GET', '/api/v1/me/access-log'))) return;
  const page = await newPage(browser);
  await login(page, DEMO.aino.email);
  await page.locator('nav.main-nav a[data-nav="access-log"]').click();
  await page.locator('h1', { hasText: 'Kuka on katsonut tietojani' }).waitFor();
  await page.locator('[data-testid="access-log-list"], [data-testid="access-log-empty"]').first().waitFor();
  await capture(page, 'access-log-aino-fi');
  await switchLanguage(page, 'en');
  await page.locator('h1', { hasText: 'Who has seen my data' }).waitFor();
  await capture(page, 'access-log');
  await switchLanguage(page, 'fi');
  await page.context().close();
});

test('LiisaReadsTheLogOfHerMotherThroughTheDelegation', async (t) => {
  if (!(await requireEndpoint(t, 'GET', '/api/v1/me/access-log'))) return;
  const page = await newPage(browser);
  await login(page, DEMO.liisa.email);
  await switchLanguage(page, 'en');
  await page.goto('/access-log');
  const whose = page.locator('[data-testid="whose-log"]');
  await whose.waitFor();
  const requested = page.waitForRequest((r) => r.url().includes('/api/v1/me/access-log') && r.url().includes('client_id='));
  await whose.selectOption({ label: 'Aino Virtanen' });
  const request = await requested;
  assert.match(request.url(), /client_id=usr_/);
  await page.locator('.lead', { hasText: 'Aino Virtanen' }).waitFor();
  await page.locator('[data-testid="access-log-list"], [data-testid="access-log-empty"]').first().waitFor();
  await capture(page, 'access-log-delegate');
  await switchLanguage(page, 'fi');
  await page.context().close();
});

test('KirsiSearchesTheRegionsLog', async (t) => {
  if (!(await requireEndpoint(t, 'GET', '/api/v1/regions/{id}/access-log'))) return;
  const page = await newPage(browser);
  await login(page, DEMO.kirsi.email);
  await switchLanguage(page, 'en');
  await page.locator('nav.main-nav a[data-nav^="audit-"]').click();
  await page.locator('h1', { hasText: 'Access log search' }).waitFor();
  await page.getByRole('heading', { name: 'Entries' }).waitFor();
  await page.locator('.log-list, .empty').first().waitFor();
  await capture(page, 'audit-log');
  await page.getByLabel('What was done').selectOption('client.read');
  const requested = page.waitForRequest((r) => r.url().includes('/access-log') && r.url().includes('action=client.read'));
  await page.getByRole('button', { name: 'Search' }).click();
  await requested;
  await switchLanguage(page, 'fi');
  await page.context().close();
});

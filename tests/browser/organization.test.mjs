// Organization admin: members, invitations, API tokens; the platform admin's organization list.
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

async function openOwnOrganization(page) {
  await page.locator('nav.main-nav a[data-nav^="org-"]').click();
  await page.locator('[data-testid="member-list"]').waitFor();
}

test('JussiInvitesAWorkerAndWithdrawsTheInvitation', async () => {
  const page = await newPage(browser);
  await login(page, DEMO.jussi.email);
  await switchLanguage(page, 'en');
  await openOwnOrganization(page);
  await page.locator('h1', { hasText: 'Hervannan Kotisiivous Oy' }).waitFor();
  await page.locator('[data-member="aleksi.tyontekija@allmende.demo"]').waitFor();
  await capture(page, 'organization');

  await page.getByLabel('E-mail address').fill('not-an-address');
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await page.locator('.field-error', { hasText: 'not an e-mail address' }).waitFor();

  const email = `uusi.siivooja.${Date.now()}@allmende.demo`;
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Role', { exact: true }).selectOption('provider_worker');
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await page.getByRole('status').filter({ hasText: email }).waitFor();
  const row = page.locator(`[data-invitation="${email}"]`);
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /Worker/);
  await capture(page, 'organization-invited');
  await row.getByRole('button', { name: 'Withdraw' }).click();
  await row.getByRole('button', { name: 'Yes, withdraw' }).click();
  await row.waitFor({ state: 'detached' });
  await switchLanguage(page, 'fi');
  await page.context().close();
});

test('JussiMakesAWorkerAnAdministratorAndBackButCannotDemoteTheLastAdmin', async () => {
  const page = await newPage(browser);
  await login(page, DEMO.jussi.email);
  await switchLanguage(page, 'en');
  await openOwnOrganization(page);
  const aleksi = page.locator(`[data-member="${DEMO.aleksi.email}"]`);
  const aleksiRole = aleksi.getByRole('combobox', { name: 'Role of Aleksi Työntekijä' });
  assert.equal(await aleksiRole.inputValue(), 'provider_worker');

  // By keyboard: choose, Tab to the button (its focus ring shows), Enter.
  await aleksiRole.focus();
  await aleksiRole.selectOption('provider_admin');
  await page.keyboard.press('Tab');
  const save = aleksi.getByRole('button', { name: 'Change the role' });
  assert.ok(await save.evaluate((b) => b === document.activeElement && b.matches(':focus-visible')));
  assert.notEqual(await save.evaluate((b) => getComputedStyle(b).outlineStyle), 'none');
  await page.keyboard.press('Enter');
  await aleksi.getByRole('status').filter({ hasText: 'The role of Aleksi Työntekijä is now Provider administrator.' }).waitFor();
  await aleksi.locator('.badge', { hasText: 'Provider administrator' }).waitFor();
  assert.ok(await save.evaluate((b) => b === document.activeElement), 'the focus stays on the button');
  await capture(page, 'organization-role-changed');

  await aleksiRole.selectOption('provider_worker');
  await save.click();
  await aleksi.getByRole('status').filter({ hasText: 'is now Worker' }).waitFor();
  await aleksi.locator('.badge', { hasText: 'Worker' }).waitFor();
  assert.equal(await aleksiRole.inputValue(), 'provider_worker');

  // Nobody changes their own role (an admin could otherwise make themselves an advisor): his own
  // row offers no role form and says who can.
  const jussi = page.locator(`[data-member="${DEMO.jussi.email}"]`);
  await jussi.getByTestId('own-role-note').filter({ hasText: 'another administrator' }).waitFor();
  assert.equal(await jussi.getByRole('combobox').count(), 0, 'no role selector on his own row');
  await jussi.locator('.badge', { hasText: 'Provider administrator' }).waitFor();
  await capture(page, 'organization-last-admin-role');
  await switchLanguage(page, 'fi');
  await page.context().close();
});

test('TheLastAdministratorCannotBeRemoved', async () => {
  const page = await newPage(browser);
  await login(page, DEMO.hanna.email);
  await switchLanguage(page, 'en');
  await openOwnOrganization(page);
  const me = page.locator(`[data-member="${DEMO.hanna.email}"]`);
  await me.getByRole('button', { name: 'Remove' }).click();
  await me.getByRole('button', { name: 'Yes, remove' }).click();
  await page.getByRole('alert').filter({ hasText: 'last administrator' }).waitFor();
  await switchLanguage(page, 'fi');
  await page.context().close();
});

test('ApiTokenIsShownOnceAndCanBeRevoked', async (t) => {
  assert.ok(await serverHas('POST', '/api/v1/organizations/{id}/tokens'), 'the server has no API tokens');
  const page = await newPage(browser);
  await login(page, DEMO.jussi.email);
  await switchLanguage(page, 'en');
  await openOwnOrganization(page);
  await page.getByLabel('Name', { exact: true }).fill('Payroll export');
  await page.getByRole('checkbox', { name: 'Read the members' }).check();
  await page.getByLabel('Valid for (days)').fill('30');
  await page.getByRole('button', { name: 'Create the token' }).click();
  const secret = page.locator('[data-testid="new-token"] [data-token-secret]');
  await secret.waitFor();
  assert.ok(((await secret.textContent()) ?? '').length >= 20);
  await capture(page, 'organization-token-created');
  await page.getByRole('button', { name: 'I have stored it' }).click();
  await secret.waitFor({ state: 'detached' });
  const row = page.locator('[data-testid="token-list"] li', { hasText: 'Payroll export' });
  await row.getByRole('button', { name: 'Revoke' }).click();
  await row.getByRole('button', { name: 'Yes, revoke' }).click();
  await row.waitFor({ state: 'detached' });
  await switchLanguage(page, 'fi');
  await page.context().close();
});

test('PlatformAdminListsEveryOrganizationByRegion', async () => {
  const page = await newPage(browser);
  await login(page, DEMO.pia.email);
  await page.locator('nav.main-nav a[data-nav="organizations"]').click();
  await page.locator('h2', { hasText: 'Pirkanmaan hyvinvointialue' }).waitFor();
  await page.getByRole('link', { name: 'Kotitori Pirkanmaa' }).waitFor();
  await capture(page, 'organizations');
  await page.getByRole('link', { name: 'Ystäväpalvelu Tampere ry' }).click();
  await page.locator('[data-member="hanna.vapaaehtoinen@allmende.demo"]').waitFor();
  await page.context().close();
});

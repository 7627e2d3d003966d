// Pages anyone can open: log-in, password reset, e-mailed links, 404 and the error page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { capture, launch, newPage, switchLanguage } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('LogInPageIsAccessibleAndAWrongPasswordSaysSoInTheAlertRegion', async () => {
  const page = await newPage(browser);
  await page.goto('/login');
  await page.locator('h1').waitFor();
  await capture(page, 'login');
  await page.getByLabel('E-mail address').fill('aino.virtanen@allmende.demo');
  await page.getByLabel('Password').fill('not-the-password-at-all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await assert.doesNotReject(page.getByRole('alert').filter({ hasText: 'is not right' }).waitFor());
  await capture(page, 'login-wrong-password');
  await page.context().close();
});

test('SkipLinkIsTheFirstTabStopAndMovesFocusToTheContent', async () => {
  const page = await newPage(browser);
  await page.goto('/login');
  await page.locator('h1').waitFor();
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement?.textContent);
  assert.equal(first, 'Skip to content');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  await page.context().close();
});

test('LanguageBeforeSignInIsRememberedInThisBrowser', async () => {
  const page = await newPage(browser);
  await page.goto('/login');
  await page.locator('h1').waitFor();
  await switchLanguage(page, 'fi');
  assert.equal(await page.locator('h1').textContent(), 'Kirjaudu sisään');
  await page.reload();
  await page.locator('h1', { hasText: 'Kirjaudu sisään' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fi');
  await capture(page, 'login-fi');
  await page.context().close();
});

test('BrowserLanguageIsTheFirstChoice', async () => {
  const page = await newPage(browser, { locale: 'sv-FI' });
  await page.goto('/login');
  await page.locator('h1', { hasText: 'Logga in' }).waitFor();
  await page.context().close();
});

test('PasswordResetRequestAnswersTheSameForAnyAddress', async () => {
  const page = await newPage(browser);
  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.locator('h1', { hasText: 'Forgot your password?' }).waitFor();
  await capture(page, 'forgot-password');
  await page.getByLabel('E-mail address').fill('nobody@allmende.demo');
  await page.getByRole('button', { name: 'Send the link' }).click();
  await page.getByRole('status').filter({ hasText: 'a link is on its way' }).waitFor();
  await capture(page, 'forgot-password-sent');
  await page.context().close();
});

test('ResetLinkWithAnUnknownTokenSaysTheLinkIsNotValid', async () => {
  const page = await newPage(browser);
  await page.goto('/reset-password#token=not-a-real-token');
  await page.locator('h1', { hasText: 'Choose a new password' }).waitFor();
  // The secret leaves the address bar at once.
  assert.equal(new URL(page.url()).hash, '');
  await capture(page, 'reset-password');
  await page.getByLabel('New password', { exact: true }).fill('lumiukko kahvikuppi harbour');
  await page.getByLabel('New password again').fill('lumiukko kahvikuppi harbour');
  await page.getByRole('button', { name: 'Save the password' }).click();
  await page.getByRole('alert').filter({ hasText: 'not valid' }).waitFor();
  await page.context().close();
});

test('ResetLinkShowsTheServersPasswordRuleNextToThePasswordField', async () => {
  const page = await newPage(browser);
  await page.goto('/reset-password?token=not-a-real-token');
  await page.getByLabel('New password', { exact: true }).fill('short');
  await page.getByLabel('New password again').fill('short');
  await page.getByRole('button', { name: 'Save the password' }).click();
  const field = page.getByLabel('New password', { exact: true });
  await page.locator('.field-error', { hasText: 'at least 12 characters' }).waitFor();
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
  const errorText = await page.locator(`[id="${describedBy.split(' ')[0]}"]`).textContent();
  assert.match(errorText ?? '', /at least 12 characters/);
  await capture(page, 'reset-password-field-error');
  await page.context().close();
});

test('SetPasswordAndVerifyEmailLinksHaveTheirPages', async () => {
  const page = await newPage(browser);
  await page.goto('/set-password');
  await page.locator('h1', { hasText: 'Choose your password' }).waitFor();
  await page.getByText('This link is not complete').waitFor();
  await page.goto('/verify-email#token=not-a-real-token');
  await page.locator('h1', { hasText: 'Confirm your e-mail address' }).waitFor();
  await page.getByRole('alert').filter({ hasText: 'not valid' }).waitFor();
  await capture(page, 'verify-email');
  await page.context().close();
});

test('InvitationLinkOffersAccountCreation', async () => {
  const page = await newPage(browser);
  await page.goto('/invitation#token=not-a-real-token');
  await page.locator('h1', { hasText: 'Accept the invitation' }).waitFor();
  await capture(page, 'invitation');
  await page.getByLabel('Your name').fill('Uusi Ihminen');
  await page.getByLabel('Choose a password').fill('lumiukko kahvikuppi harbour');
  await page.getByRole('button', { name: 'Accept the invitation' }).click();
  await page.getByRole('alert').filter({ hasText: 'not valid' }).waitFor();
  await page.context().close();
});

test('UnknownAddressShowsAFriendly404', async () => {
  const page = await newPage(browser);
  await page.goto('/no/such/page');
  await page.locator('h1', { hasText: 'Page not found' }).waitFor();
  await page.getByRole('link', { name: 'Go to the start page' }).waitFor();
  await capture(page, 'not-found');
  await page.context().close();
});

test('ServerFailureShowsTheErrorPageWithTheRequestId', async () => {
  const page = await newPage(browser);
  await page.route('**/api/v1/me', (route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        type: 'urn:allmende:problem:internal',
        title: 'Internal Server Error',
        status: 500,
        detail: 'See the log for req_TEST500.',
        request_id: 'req_TEST500',
      }),
    }),
  );
  await page.goto('/');
  await page.locator('h1', { hasText: 'Something went wrong' }).waitFor();
  await page.getByText('req_TEST500').waitFor();
  await capture(page, 'error');
  await page.context().close();
});

// Two-step verification: enrolment after the account's password (a wrong one named next to its
// field, throttling in the form's alert), the key shown as text, recovery codes shown once,
// sign-in with a code and with a recovery code, a wrong code named next to its field, disabling.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO, capture, freshCode, launch, login, newPage, PASSWORD, serverHas, signOut, switchLanguage } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function passwordStep(page, email) {
  await page.goto('/login');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('form button[type="submit"]').click();
}

test('JonasTurnsOnTwoStepVerificationAndSignsInWithIt', async (t) => {
  assert.ok(await serverHas('POST', '/api/v1/me/mfa/totp'), 'the server has no POST /api/v1/me/mfa/totp');
  assert.ok(await serverHas('POST', '/api/v1/auth/login/mfa'), 'the server has no POST /api/v1/auth/login/mfa');
  const used = new Set();
  const page = await newPage(browser);
  await login(page, DEMO.jonas.email);
  await switchLanguage(page, 'en');
  await page.goto('/profile/security');
  await page.locator('h1', { hasText: 'Two-step verification' }).waitFor();
  await capture(page, 'security');
  await page.getByRole('button', { name: 'Set up two-step verification' }).click();

  // The key is shown only after the account's password; the focus goes on to that field.
  const step = page.locator('[data-testid="mfa-password-step"]');
  const passwordField = step.getByLabel('Current password');
  await passwordField.waitFor();
  assert.equal(await passwordField.getAttribute('autocomplete'), 'current-password');
  assert.equal(await passwordField.getAttribute('type'), 'password');
  assert.ok(await passwordField.evaluate((el) => el === document.activeElement), 'the password field has the focus');
  assert.equal(await page.locator('[data-testid="mfa-secret"]').count(), 0);

  // A wrong password: named next to the field, which keeps the focus; no key is shown.
  await passwordField.fill(`${PASSWORD}-wrong`);
  await step.getByRole('button', { name: 'Continue' }).click();
  const wrong = step.locator('.field-error', { hasText: 'not the password of your account' });
  await wrong.waitFor();
  assert.equal(await passwordField.getAttribute('aria-invalid'), 'true');
  const describedBy = (await passwordField.getAttribute('aria-describedby')) ?? '';
  assert.ok(describedBy.split(' ').includes((await wrong.getAttribute('id')) ?? '-'), 'the error describes the field');
  assert.ok(await passwordField.evaluate((el) => el === document.activeElement), 'the focus is on the field in error');
  assert.equal(await page.locator('[data-testid="mfa-secret"]').count(), 0);
  await capture(page, 'security-password-wrong');

  // The right password, typed and sent with the keyboard.
  await passwordField.fill('');
  await passwordField.pressSequentially(PASSWORD);
  await passwordField.press('Enter');
  const secretEl = page.locator('[data-testid="mfa-secret"]');
  await secretEl.waitFor();
  const secret = (await secretEl.getAttribute('data-secret')) ?? '';
  assert.match(secret, /^[A-Z2-7]+=*$/);
  await page.getByText('otpauth://totp/').waitFor();
  await page.locator('[data-testid="mfa-password-step"]').waitFor({ state: 'detached' });
  assert.ok(
    await page.getByRole('heading', { name: /Step 1/ }).evaluate((el) => el === document.activeElement),
    'the focus moves on to step 1',
  );
  await capture(page, 'security-enrol');

  await page.getByLabel('Code from the app').fill('000000');
  await page.getByRole('button', { name: 'Turn on two-step verification' }).click();
  await page.locator('.field-error', { hasText: 'not right' }).waitFor();

  await page.getByLabel('Code from the app').fill(await freshCode(secret, used));
  await page.getByRole('button', { name: 'Turn on two-step verification' }).click();
  const codes = page.locator('[data-testid="recovery-codes"] code');
  await codes.first().waitFor();
  const recovery = await codes.allTextContents();
  assert.equal(recovery.length, 10);
  await capture(page, 'security-recovery-codes');
  await page.getByRole('button', { name: 'I have saved the codes' }).click();
  await page.locator('[data-testid="recovery-codes"]').waitFor({ state: 'detached' });
  await page.locator('[data-testid="mfa-status"]', { hasText: 'On' }).waitFor();
  await signOut(page);

  // Sign in: password, then a wrong code, then a right one.
  await passwordStep(page, DEMO.jonas.email);
  await page.locator('h1', { hasText: 'Two-step verification' }).waitFor();
  await capture(page, 'login-mfa');
  await page.getByLabel('Code from the app').fill('000000');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('.field-error', { hasText: 'not right' }).waitFor();
  await page.getByLabel('Code from the app').fill(await freshCode(secret, used));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('[data-testid="sign-out"]').waitFor();
  await signOut(page);

  // Sign in with a recovery code instead.
  await passwordStep(page, DEMO.jonas.email);
  await page.getByRole('button', { name: /use a recovery code/ }).click();
  await page.getByLabel('Recovery code').fill(recovery[0]);
  await capture(page, 'login-mfa-recovery');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('[data-testid="sign-out"]').waitFor();

  // Turn it off again (the demo account goes back to how it was).
  await page.goto('/profile/security');
  await page.locator('[data-testid="mfa-status"]', { hasText: 'On' }).waitFor();
  const disable = page.locator('section', { hasText: 'Turn off two-step verification' });
  await disable.getByLabel('Code from the app').fill(await freshCode(secret, used));
  await disable.getByRole('button', { name: 'Turn off' }).click();
  await page.locator('[data-testid="mfa-status"]', { hasText: 'Off' }).waitFor();
  await switchLanguage(page, 'de');
  await page.context().close();
});

test('TooManyPasswordTriesAreShownInTheFormAlert', async (t) => {
  assert.ok(await serverHas('POST', '/api/v1/me/mfa/totp'), 'the server has no POST /api/v1/me/mfa/totp');
  const page = await newPage(browser);
  await login(page, DEMO.jussi.email);
  await switchLanguage(page, 'en');
  // A mocked answer: real throttling would lock the demo account for the other tests.
  const sent = [];
  await page.route('**/api/v1/me/mfa/totp', (route) => {
    sent.push(route.request().postDataJSON());
    return route.fulfill({
      status: 429,
      headers: { 'Retry-After': '120' },
      contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'about:blank', title: 'Too Many Requests', status: 429, detail: 'Too many tries.' }),
    });
  });
  await page.goto('/profile/security');
  await page.getByRole('button', { name: 'Set up two-step verification' }).click();
  const step = page.locator('[data-testid="mfa-password-step"]');
  await step.getByLabel('Current password').fill(PASSWORD);
  await step.getByRole('button', { name: 'Continue' }).click();
  await step.getByRole('alert').filter({ hasText: '120' }).waitFor();
  assert.deepEqual(sent, [{ password: PASSWORD }]);
  assert.equal(await page.locator('[data-testid="mfa-secret"]').count(), 0);
  await capture(page, 'security-password-throttled');

  // Cancel goes back to the start, with the focus on its button.
  await step.getByRole('button', { name: 'Cancel' }).click();
  const startButton = page.getByRole('button', { name: 'Set up two-step verification' });
  await startButton.waitFor();
  assert.ok(await startButton.evaluate((el) => el === document.activeElement), 'the focus is back on the start button');
  await page.context().close();
});

test('StaffWithoutASecondFactorAreSentToSetItUp', async () => {
  const page = await newPage(browser);
  await login(page, DEMO.jussi.email);
  await switchLanguage(page, 'en');
  // Outside demo mode the server refuses staff endpoints until the person has a second factor.
  await page.route('**/api/v1/organizations/*/members', (route) =>
    route.fulfill({
      status: 403,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        type: 'urn:allmende:problem:mfa-required',
        title: 'Forbidden',
        status: 403,
        detail: 'This needs a second factor: set up an authenticator app in your profile first.',
        request_id: 'req_TESTMFA',
      }),
    }),
  );
  await page.locator('nav.main-nav a[data-nav^="org-"]').click();
  await page.waitForURL('**/profile/security?required=1');
  await page.getByText('Your role needs two-step verification').waitFor();
  await capture(page, 'security-required');
  await switchLanguage(page, 'fi');
  await page.context().close();
});

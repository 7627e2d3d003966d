// The demo mailbox: the e-mail the demo server sends over SMTP to the local allmende-mailbox,
// read in the web UI. Ebba forgets her password, finds the reset e-mail from the header's
// mailbox, follows its link, sets a new password and signs in with it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, DEMO, PASSWORD, capture, launch, login, newPage } from './lib.mjs';

const NEW_PASSWORD = 'lumiukko kahvikuppi satama-allas';
const SUBJECT = 'Allmende: Byte av lösenord'; // Ebba reads Swedish: her e-mail comes in Swedish

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function api(method, path, body) {
  const res = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: res.status === 204 ? null : await res.json().catch(() => null) };
}

/** The newest message to `email` whose id is not in `seen`, polled for at most 15 s. */
async function newestMailTo(email, seen) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const list = await api('GET', '/api/v1/demo/mailbox');
    assert.equal(list.status, 200, JSON.stringify(list.body));
    const found = list.body.items.find((m) => m.to === email && !seen.has(m.id));
    if (found) return (await api('GET', `/api/v1/demo/mailbox/${found.id}`)).body;
    if (Date.now() > deadline) throw new Error(`no new e-mail to ${email} within 15 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Ebba's password back to the demo password, through the same e-mail, so later tests sign in. */
async function restorePassword(seen) {
  const asked = await api('POST', '/api/v1/auth/password-reset', { email: DEMO.ebba.email });
  assert.ok(asked.status < 300, `password reset answered ${asked.status}`);
  const mail = await newestMailTo(DEMO.ebba.email, seen);
  const token = /#token=([^\s]+)/.exec(mail.text)?.[1];
  assert.ok(token, `no reset link in ${mail.text}`);
  const done = await api('POST', '/api/v1/auth/password-reset/confirm', { token, password: PASSWORD });
  assert.ok(done.status < 300, `confirming the reset answered ${done.status}: ${JSON.stringify(done.body)}`);
}

test('ResetLinkFromTheDemoMailboxSetsANewPasswordThatSignsIn', async () => {
  const demo = await api('GET', '/api/v1/demo');
  assert.deepEqual(demo.body, { demo_mode: true, mailbox: true }, 'the server does not offer the demo mailbox');
  const before = await api('GET', '/api/v1/demo/mailbox');
  const seen = new Set((before.body?.items ?? []).map((m) => m.id));

  const page = await newPage(browser);
  let changed = false;
  try {
    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('E-mail address').fill(DEMO.ebba.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByRole('status').filter({ hasText: 'a link is on its way' }).waitFor();

    // The header leads to the mailbox on every page of a demo server, signed in or not.
    await page.getByTestId('demo-mailbox-link').click();
    await page.locator('h1', { hasText: 'Demo mailbox' }).waitFor();
    const item = page
      .getByTestId('mailbox-list')
      .getByRole('link')
      .filter({ hasText: SUBJECT })
      .filter({ hasText: DEMO.ebba.email });
    const deadline = Date.now() + 15_000;
    while (!(await item.count())) {
      assert.ok(Date.now() < deadline, 'the reset e-mail did not reach the demo mailbox within 15 s');
      await page.getByRole('button', { name: 'Check for new mail' }).click();
      await page.waitForTimeout(300);
    }
    await capture(page, 'demo-mailbox');

    // Opened with the keyboard; the message's heading takes the focus.
    await item.first().focus();
    await page.keyboard.press('Enter');
    const mail = page.getByTestId('demo-mail');
    await mail.getByRole('heading', { name: SUBJECT }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'mail-subject');
    assert.match(await mail.textContent(), /Hej Ebba/);
    await capture(page, 'demo-mailbox-message');

    const link = mail.getByRole('link', { name: /\/reset-password#token=/ });
    assert.ok((await link.getAttribute('href')).startsWith(`${BASE_URL}/reset-password#token=`));
    await link.click();
    await page.locator('h1', { hasText: 'Choose a new password' }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('New password again').fill(NEW_PASSWORD);
    changed = true; // from here on, put the demo password back whatever happens
    await page.getByRole('button', { name: 'Save the password' }).click();
    await page.getByRole('status').filter({ hasText: 'Your password has been changed' }).waitFor();

    await login(page, DEMO.ebba.email, NEW_PASSWORD);
    assert.deepEqual(page.pageErrors, []);
  } finally {
    await page.context().close();
    if (changed) {
      const after = await api('GET', '/api/v1/demo/mailbox');
      await restorePassword(new Set(after.body.items.map((m) => m.id)));
    }
  }
});

test('AMessageTheMailboxNoLongerKeepsSaysSoAndTheListStays', async () => {
  const page = await newPage(browser);
  await page.goto('/demo/mailbox?message=999999');
  await page.locator('h1', { hasText: 'Demo mailbox' }).waitFor();
  await page.getByRole('alert').filter({ hasText: 'This was not found' }).waitFor();
  await page.getByRole('button', { name: 'Check for new mail' }).waitFor();
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

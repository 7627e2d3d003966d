// My profile: details with If-Match, the language switch saved to the profile, sessions.
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

test('ProfileSavesThePhoneAndShowsTheServersFieldErrorNextToTheField', async () => {
  const page = await newPage(browser);
  await login(page, DEMO.jonas.email);
  await switchLanguage(page, 'en');
  await page.locator('nav.main-nav a[data-nav="profile"]').click();
  await page.locator('h1', { hasText: 'My profile' }).waitFor();
  await capture(page, 'profile');
  const phone = page.getByLabel('Phone number');
  await phone.fill('0401234567');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('.field-error', { hasText: 'international form' }).waitFor();
  assert.equal(await phone.getAttribute('aria-invalid'), 'true');
  await page.getByRole('alert').filter({ hasText: 'correct the fields' }).waitFor();
  await capture(page, 'profile-field-error');
  await phone.fill('+4974331234567');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await page.reload();
  await page.locator('h1', { hasText: 'My profile' }).waitFor();
  assert.equal(await page.getByLabel('Phone number').inputValue(), '+4974331234567');
  await page.context().close();
});

test('ProfileChangedInAnotherTabIsNotOverwritten', async () => {
  const page = await newPage(browser);
  await login(page, DEMO.sari.email);
  await switchLanguage(page, 'en');
  await page.goto('/profile');
  await page.locator('h1', { hasText: 'My profile' }).waitFor();
  // Another tab of the same session changes the name first.
  const other = await page.context().newPage();
  await other.goto('/profile');
  await other.getByLabel('Name').fill('Sari Tilaaja-Virtanen');
  await other.getByRole('button', { name: 'Save' }).click();
  await other.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await page.getByLabel('Phone number').fill('+358401112223');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('alert').filter({ hasText: 'changed elsewhere' }).waitFor();
  assert.equal(await page.getByLabel('Name').inputValue(), 'Sari Tilaaja-Virtanen');
  await page.context().close();
});

test('SwitchingToFinnishIsSavedInTheProfileAndFollowsTheUserToANewBrowser', async () => {
  const page = await newPage(browser);
  await login(page, DEMO.ebba.email);
  // Ebba's profile says Swedish.
  await page.locator('h1', { hasText: 'Hej, Ebba' }).waitFor();
  await switchLanguage(page, 'fi');
  await page.locator('h1', { hasText: 'Hei, Ebba' }).waitFor();
  assert.equal(await page.locator('nav.main-nav a[data-nav="profile"]').textContent(), 'Omat tiedot');
  await capture(page, 'home-ebba-fi');
  await page.goto('/access-log');
  await page.locator('h1', { hasText: 'Kuka on katsonut tietojani' }).waitFor();
  // A fresh browser (English by default) signs in and gets Finnish from the profile.
  const elsewhere = await newPage(browser, { locale: 'en-GB' });
  await login(elsewhere, DEMO.ebba.email);
  await elsewhere.locator('h1', { hasText: 'Hei, Ebba' }).waitFor();
  await switchLanguage(elsewhere, 'sv');
  await elsewhere.locator('h1', { hasText: 'Hej, Ebba' }).waitFor();
  await elsewhere.context().close();
  await page.context().close();
});

test('DatesFollowTheLanguage', async () => {
  const page = await newPage(browser);
  await login(page, DEMO.tuomas.email);
  await page.goto('/profile/sessions');
  const time = page.locator('[data-current] time').first();
  await time.waitFor();
  await switchLanguage(page, 'de');
  const de = await time.textContent();
  await switchLanguage(page, 'en');
  const en = await time.textContent();
  assert.notEqual(de, en);
  assert.match(de ?? '', /\d{1,2}\.\d{1,2}\.\d{4}/);
  await switchLanguage(page, 'de');
  await page.context().close();
});

test('RevokingAnotherSessionSignsThatBrowserOut', async () => {
  const phone = await newPage(browser);
  await login(phone, DEMO.outi.email);
  const desk = await newPage(browser);
  await login(desk, DEMO.outi.email);
  await switchLanguage(desk, 'en');
  await desk.goto('/profile/sessions');
  await desk.locator('h1', { hasText: 'Where I am signed in' }).waitFor();
  const others = desk.locator('[data-testid="session-list"] li:not([data-current])');
  await others.first().waitFor();
  const before = await others.count();
  await capture(desk, 'sessions');
  await others.first().getByRole('button', { name: 'Sign out' }).click();
  await capture(desk, 'sessions-confirm');
  await others.first().getByRole('button', { name: 'Yes, sign out' }).click();
  await desk.getByRole('status').filter({ hasText: 'has been signed out' }).waitFor();
  assert.equal(await others.count(), before - 1);
  // The other browser's next request finds its session gone and goes to the log-in page.
  await phone.locator('nav.main-nav a[data-nav="delegations"]').click();
  await phone.waitForURL('**/login');
  await phone.locator('.alert-warning').waitFor();
  await phone.context().close();
  await desk.context().close();
});

test('SignOutEverywhereEndsEverySession', async () => {
  const a = await newPage(browser);
  await login(a, DEMO.mikko.email);
  const b = await newPage(browser);
  await login(b, DEMO.mikko.email);
  await switchLanguage(b, 'en');
  await b.goto('/profile/sessions');
  await b.getByRole('button', { name: 'Sign out everywhere' }).click();
  await b.getByRole('button', { name: 'Yes, sign out everywhere' }).click();
  await b.waitForURL('**/login');
  // The other browser is signed out too: its start page is the public shop again, and a page of
  // its own sends it to the log-in.
  await a.reload();
  await a.locator('.header-tools a[href="/login"]').waitFor();
  assert.equal(await a.getByTestId('sign-out').count(), 0);
  await a.goto('/profile');
  await a.waitForURL('**/login');
  await a.context().close();
  await b.context().close();
});

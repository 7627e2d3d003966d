// Every demo person signs in and finds the pages of their role on the start page and in the menu.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO, PHONE, capture, launch, login, newPage, signOut } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const COMMON_NAV = ['home', 'profile', 'access-log', 'delegations'];

for (const [who, person] of Object.entries(DEMO)) {
  test(`${who} (${person.role}) signs in and sees the start page of the role`, async () => {
    const page = await newPage(browser, { locale: 'en-GB' });
    await login(page, person.email);
    // The profile's language applies at sign-in; the test reads the role marker, not words.
    await page.locator(`.role-item[data-role="${person.role}"]`).first().waitFor();
    const nav = await page.locator('nav.main-nav a[data-nav]').evaluateAll((as) => as.map((a) => a.dataset.nav));
    for (const id of COMMON_NAV) assert.ok(nav.includes(id), `${who} misses ${id} in ${nav}`);
    for (const prefix of person.nav) assert.ok(nav.some((n) => n.startsWith(prefix)), `${who} misses ${prefix}… in ${nav}`);
    if (!person.nav.some((p) => p === 'org-' || p === 'audit-')) {
      assert.ok(!nav.some((n) => n.startsWith('org-') || n.startsWith('audit-')), `${who} has admin entries: ${nav}`);
    }
    // Every entry of the menu is also a card on the start page.
    const cards = await page.locator('[data-card]').evaluateAll((as) => as.map((a) => a.dataset.card));
    assert.deepEqual(cards, nav.filter((n) => n !== 'home'));
    await capture(page, `home-${who}`);
    assert.deepEqual(page.pageErrors, []);
    await signOut(page);
    await page.context().close();
  });
}

test('PhoneMenuOpensFromItsButtonAndReachesEveryPage', async () => {
  const page = await newPage(browser, { viewport: PHONE });
  await login(page, DEMO.kirsi.email);
  const toggle = page.locator('.menu-toggle');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('nav.main-nav a[data-nav="profile"]').isVisible(), false);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await page.locator('nav.main-nav a[data-nav="profile"]').click();
  await page.waitForURL('**/profile');
  // The new page's heading takes the focus, as after a page load.
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  await page.context().close();
});

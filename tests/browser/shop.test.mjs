// Journey 1 up to the order button: a visitor without an account searches the web shop on a
// 360 px phone, filters by language and a free weekday, compares three services with prices and
// the household-deduction estimate, opens one and finds the order button. In Swedish (Ebba) and in
// Finnish (Liisa for Aino, "siivous Hervannassa"). The search lives in the address. The order
// itself: shop-order.test.mjs.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO, PHONE, capture, checkA11y, launch, login, newPage, serverHas } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function results(page) {
  await page.locator('[data-testid="results"] [data-testid="service-link"]').first().waitFor();
  return page.locator('[data-testid="results"] .service-card');
}

/** Waits until the address has these query parameters and the result list matches it. */
async function waitForSearch(page, expected) {
  await page.waitForURL((url) => Object.entries(expected).every(([k, v]) => url.searchParams.get(k) === v));
  await page.locator('[data-testid="results"][aria-busy="false"]').waitFor();
}

/** Ticks the first three results for comparison, opens the comparison and returns the chosen ids. */
async function compareThree(page) {
  const cards = await results(page);
  const ids = [];
  for (let i = 0; i < 3; i++) {
    const card = cards.nth(i);
    ids.push(await card.getAttribute('data-service-id'));
    await card.getByTestId('compare-toggle').check();
  }
  await page.getByTestId('compare-bar').waitFor();
  // A fourth does not fit: the card says so and stays unticked.
  const fourth = cards.nth(3);
  await fourth.getByTestId('compare-toggle').click();
  assert.equal(await fourth.getByTestId('compare-toggle').isChecked(), false);
  await fourth.locator('.compare-full').filter({ hasText: /3/ }).waitFor();
  await page.getByTestId('open-compare').click();
  await page.waitForURL('**/compare?ids=*');
  await page.locator('[data-testid="compare-table"]').waitFor();
  assert.deepEqual(new URL(page.url()).searchParams.get('ids')?.split(','), ids);
  assert.equal(await page.getByTestId('compare-service-link').count(), 3);
  return ids;
}

async function openServiceAndFindTheOrderButton(page, { order, note, estimate }) {
  await page.getByTestId('compare-service-link').first().click();
  await page.waitForURL('**/services/svc_*');
  const button = page.getByTestId('order-button');
  await button.waitFor();
  assert.equal(await button.textContent(), order);
  // It leads to the order form; a visitor reads that the account comes only then.
  assert.match((await button.getAttribute('href')) ?? '', /^\/services\/svc_[^/]+\/order$/);
  const noteText = page.getByTestId('order-note');
  assert.match((await noteText.textContent()) ?? '', note);
  assert.equal(await button.getAttribute('aria-describedby'), await noteText.getAttribute('id'));
  await page.getByTestId('price-box').waitFor();
  assert.match((await page.getByTestId('price-box').textContent()) ?? '', estimate);
}

test('EbbaSearchesStädningInSwedishOnAPhoneFiltersComparesThreeAndReachesTheOrderButton', async () => {
  assert.ok(await serverHas('GET', '/api/v1/services'), 'the server has no service search');
  const page = await newPage(browser, { locale: 'sv-FI', viewport: PHONE });
  await page.goto('/');
  await page.locator('h1', { hasText: 'Hitta hjälp i hemmet' }).waitFor();
  await results(page);
  await capture(page, 'shop-sv');

  // The search box is a combobox: completions while typing, arrow keys, Enter takes one.
  const box = page.getByRole('combobox', { name: 'Vad behöver du hjälp med?' });
  await box.fill('städ');
  await page.getByRole('option', { name: 'Städning' }).waitFor();
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  await box.press('ArrowDown');
  const active = await box.getAttribute('aria-activedescendant');
  assert.ok(active, 'the first completion is active');
  assert.equal(await page.locator(`[id="${active}"]`).getAttribute('aria-selected'), 'true');
  await checkA11y(page, 'shop-sv-suggestions');
  await box.press('Enter');
  await waitForSearch(page, { q: 'Städning' });
  assert.equal(await box.inputValue(), 'Städning');
  assert.equal(await box.getAttribute('aria-expanded'), 'false');

  // Filters sit behind one button on a phone; each choice applies at once and goes to the address.
  const toggle = page.getByTestId('filters-toggle');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  await page.getByTestId('filter-language-sv').check();
  await waitForSearch(page, { q: 'Städning', language: 'sv' });
  await page.getByLabel('Veckodag').selectOption('tue');
  await waitForSearch(page, { q: 'Städning', language: 'sv', open_on: 'tue' });
  await capture(page, 'shop-sv-filtered');
  await page.getByTestId('filters-done').click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  const cards = await results(page);
  const count = await cards.count();
  assert.ok(count >= 3, `at least three Swedish cleaning services open on Tuesdays, found ${count}`);
  for (let i = 0; i < count; i++) {
    assert.match((await cards.nth(i).textContent()) ?? '', /svenska/, 'every result is given in Swedish');
  }
  assert.match((await cards.first().textContent()) ?? '', /€/);

  await compareThree(page);
  const table = page.getByTestId('compare-table');
  assert.match((await table.textContent()) ?? '', /Hushållsavdrag/);
  await capture(page, 'compare-sv');

  await openServiceAndFindTheOrderButton(page, { order: 'Beställ', note: /skapar ett när du beställer/, estimate: /uppskattning/ });
  await capture(page, 'service-sv');

  // The back button returns through the comparison to the same filtered search.
  await page.goBack();
  await page.waitForURL('**/compare?ids=*');
  await page.goBack();
  await waitForSearch(page, { q: 'Städning', language: 'sv', open_on: 'tue' });
  assert.equal(await page.getByTestId('search-input').inputValue(), 'Städning');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('LiisaSearchesSiivousHervannassaInFinnishOnAPhoneAndReachesTheOrderButton', async () => {
  const page = await newPage(browser, { locale: 'fi-FI', viewport: PHONE });
  await page.goto('/');
  await page.locator('h1', { hasText: 'Löydä apua kotiin' }).waitFor();
  const box = page.getByRole('combobox', { name: 'Mihin tarvitset apua?' });
  await box.fill('siivous Hervannassa');
  await page.getByRole('button', { name: 'Hae', exact: true }).click();
  await waitForSearch(page, { q: 'siivous Hervannassa' });
  // "Hervannassa" is understood as the place Hervanta and shown as such.
  await page.getByTestId('places').filter({ hasText: 'Hervanta' }).waitFor();
  await page.getByTestId('filters-toggle').click();
  await page.getByTestId('filter-language-fi').check();
  await waitForSearch(page, { q: 'siivous Hervannassa', language: 'fi' });
  await page.getByLabel('Viikonpäivä').selectOption('tue');
  await waitForSearch(page, { q: 'siivous Hervannassa', language: 'fi', open_on: 'tue' });
  await page.getByTestId('filters-done').click();
  const cards = await results(page);
  assert.ok((await cards.count()) >= 3);
  assert.match((await page.getByTestId('results').textContent()) ?? '', /Kotitalousvähennys n\. .*\(arvio\)/);
  await capture(page, 'shop-fi');

  await compareThree(page);
  assert.match((await page.getByTestId('compare-table').textContent()) ?? '', /Hinta vähennyksen jälkeen/);
  await capture(page, 'compare-fi');
  await openServiceAndFindTheOrderButton(page, { order: 'Tilaa', note: /luot sen vasta tilatessasi/, estimate: /arvio/ });
  assert.match((await page.getByTestId('service-area').textContent()) ?? '', /\S/);
  await capture(page, 'service-fi');

  // The provider's page lists its published services.
  await page.locator('.service-provider a').click();
  await page.waitForURL('**/providers/*');
  await page.getByTestId('provider-services').waitFor();
  await capture(page, 'provider-fi');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('TheSearchIsInTheAddressWithDidYouMeanAnEmptyStateAndMoreResults', async () => {
  const page = await newPage(browser, { locale: 'en-GB', viewport: PHONE });
  await page.goto('/?q=siivuos');
  const suggestion = page.getByTestId('did-you-mean').getByRole('link');
  await suggestion.waitFor();
  assert.equal(await suggestion.textContent(), 'siivous');
  await suggestion.click();
  await waitForSearch(page, { q: 'siivous' });
  await page.goBack();
  await page.waitForURL((url) => url.searchParams.get('q') === 'siivuos');

  await page.goto('/?q=zzqxjvw+kwyjibo');
  const empty = page.getByTestId('empty-state');
  await empty.waitFor();
  assert.match((await empty.textContent()) ?? '', /fewer or more general words/);
  await capture(page, 'shop-empty');

  // "Show more" fetches the next page by cursor and moves the focus to the first new result.
  await page.goto('/?sort=price');
  const cards = await results(page);
  assert.equal(await cards.count(), 20);
  await page.getByTestId('load-more').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="results"] .service-card').length === 40);
  const focused = await page.evaluate(() => document.activeElement?.closest('.service-card')?.getAttribute('data-service-id'));
  assert.equal(focused, await cards.nth(20).getAttribute('data-service-id'));
  const ids = await page.locator('[data-testid="results"] .service-card').evaluateAll((els) => els.map((e) => e.dataset.serviceId));
  assert.equal(new Set(ids).size, 40, 'no service twice across pages');
  await page.context().close();
});

test('TheShopWorksWithLargeTextOnAPhone', async () => {
  const page = await newPage(browser, { locale: 'fi-FI', viewport: PHONE });
  // Text at twice the size, as a reader who has set large text in the browser.
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const style = document.createElement('style');
      style.textContent = 'html { font-size: 212.5% !important; }';
      document.head.append(style);
    });
  });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await page.goto('/?q=siivous&language=sv');
  const cards = await results(page);
  assert.ok((await overflow()) <= 0, 'the result list fits 360 px with large text');
  const ids = await cards.evaluateAll((els) => els.slice(0, 3).map((e) => e.dataset.serviceId));
  await page.goto(`/services/${ids[0]}`);
  await page.getByTestId('order-button').waitFor();
  assert.ok((await overflow()) <= 0, 'the service page fits 360 px with large text');
  await page.goto(`/compare?ids=${ids.join(',')}`);
  await page.getByTestId('compare-table').waitFor();
  assert.ok((await overflow()) <= 0, 'the comparison fits 360 px with large text');
  await page.context().close();
});

test('SignedInPeopleKeepTheirStartPageAndReachTheShopFromTheHeader', async () => {
  const page = await newPage(browser, { viewport: PHONE });
  await login(page, DEMO.aino.email);
  await page.locator('.role-item').first().waitFor();
  await page.getByTestId('shop-link').click();
  await page.waitForURL('**/services');
  await results(page);
  await page.context().close();
});

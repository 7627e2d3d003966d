// The service directory's editor and review: Jussi (provider admin) creates a service and sends
// it for review; Outi (coordinator) asks for changes; Jussi sees her comment, edits and sends it
// again; Outi publishes; the service is then found in the public shop at once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO, PHONE, capture, launch, login, newPage, serverHas, switchLanguage } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const NAME_FI = 'Parvekelasien pesu Hervannassa';
const NAME_SV = 'Tvätt av balkongglas i Hervanta';
const COMMENT = 'Lisää ruotsinkielinen kuvaus, niin ruotsinkieliset asiakkaat löytävät palvelun.';

async function signIn(email) {
  const page = await newPage(browser, { viewport: PHONE });
  await login(page, email);
  await switchLanguage(page, 'en');
  return page;
}

async function signOff(page) {
  await switchLanguage(page, 'fi');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
}

test('JussiCreatesAServiceOutiAsksForChangesJussiResubmitsOutiPublishesAndTheShopFindsIt', async () => {
  assert.ok(await serverHas('POST', '/api/v1/providers/{id}/services'), 'the server has no service editor');

  // --- Jussi starts a service from his menu -------------------------------------------------
  const jussi = await signIn(DEMO.jussi.email);
  await jussi.locator('.menu-toggle').click();
  await jussi.locator('nav.main-nav a[data-nav="provider-services"]').click();
  await jussi.locator('h1', { hasText: 'Services of Hervannan Kotisiivous Oy' }).waitFor();
  await jussi.locator('[data-group="published"] .item').first().waitFor();
  await capture(jussi, 'provider-services');
  await jussi.getByTestId('new-service').click();
  await jussi.locator('h1', { hasText: 'New service' }).waitFor();

  // Saved without name, type or area: the server's messages appear beside those fields.
  await jussi.getByTestId('service-amount').fill('45,00');
  await jussi.getByTestId('save-draft').click();
  await jussi.getByTestId('name-error').filter({ hasText: 'Give the service a name in at least one language.' }).waitFor();
  await jussi.locator('.field-error', { hasText: 'Choose a type of service.' }).waitFor();
  await jussi.locator('[data-testid="area-picker"] .field-error', { hasText: 'Choose at least one municipality' }).waitFor();
  const category = jussi.getByTestId('service-category');
  assert.equal(await category.getAttribute('aria-invalid'), 'true');
  await jussi.getByRole('alert').filter({ hasText: 'Please correct the fields marked below.' }).waitFor();
  await capture(jussi, 'service-editor-errors');

  // Names in two languages (tabs), the type, languages, Hervanta, the price with labour share,
  // the welfare area's voucher; the preview shows the public page with the deduction estimate.
  // The tabs start at the reader's language (English here); the Finnish tab is the first.
  assert.equal(await jussi.getByRole('tab', { name: /English/ }).getAttribute('aria-selected'), 'true');
  await jussi.getByRole('tab', { name: /Finnish/ }).click();
  await jussi.getByTestId('service-name').fill(NAME_FI);
  await jussi.getByTestId('service-description').fill('Pesemme parvekkeen lasit sisältä ja ulkoa. Omat välineet mukana.');
  await jussi.getByRole('tab', { name: /Swedish/ }).click();
  assert.equal(await jussi.getByRole('tab', { name: /Swedish/ }).getAttribute('aria-selected'), 'true');
  await jussi.getByTestId('service-name').fill(NAME_SV);
  // Arrow keys move between the language tabs.
  await jussi.getByRole('tab', { name: /Swedish/ }).press('ArrowLeft');
  assert.equal(await jussi.getByRole('tab', { name: /Finnish/ }).getAttribute('aria-selected'), 'true');
  assert.equal(await jussi.getByTestId('service-name').inputValue(), NAME_FI);
  await category.selectOption('cleaning');
  await jussi.getByTestId('service-language-sv').check();
  await jussi.getByLabel('Find a municipality or district').fill('Hervanta');
  await jussi.locator('[data-place="fi-837-hervanta"]').check();
  await jussi.getByText('Chosen: Hervanta (Tampere)').waitFor();
  await jussi.getByTestId('service-labour-share').fill('80');
  await jussi.getByText('Customers see: About €12.60 back per hour').waitFor();
  await jussi.getByTestId('service-voucher').first().check();
  await jussi.getByTestId('toggle-preview').click();
  const preview = jussi.getByTestId('preview');
  await preview.getByTestId('deduction').filter({ hasText: 'About €12.60 back per hour' }).waitFor();
  assert.match((await preview.textContent()) ?? '', new RegExp(NAME_FI));
  await capture(jussi, 'service-editor');

  await jussi.getByTestId('submit-for-review').click();
  await jussi.waitForURL('**/provider/services/svc_*');
  const serviceUrl = new URL(jussi.url()).pathname;
  await jussi.locator('[data-testid="service-state"][data-state="in_review"]').waitFor();
  await jussi.getByRole('status').filter({ hasText: 'sent for review' }).waitFor();
  // In review the form is read-only until the service is withdrawn.
  assert.equal(await jussi.getByTestId('service-name').isDisabled(), true);
  await jussi.getByTestId('withdraw').waitFor();
  await capture(jussi, 'service-editor-in-review');

  // --- Outi asks for changes ------------------------------------------------------------------
  const outi = await signIn(DEMO.outi.email);
  await outi.locator('.menu-toggle').click();
  await outi.locator('nav.main-nav a[data-nav="review"]').click();
  const queued = outi.locator('[data-testid="review-queue"] .item', { hasText: NAME_FI });
  await queued.waitFor();
  assert.match((await queued.textContent()) ?? '', /Hervannan Kotisiivous Oy/);
  await capture(outi, 'review-queue');
  await queued.getByRole('link').click();
  await outi.locator('h1', { hasText: NAME_FI }).waitFor();
  await outi.getByTestId('review-proposal').waitFor();
  await capture(outi, 'review-service');
  // The comment is required.
  await outi.getByTestId('request-changes').click();
  await outi.locator('.field-error', { hasText: 'Write what the provider should change.' }).waitFor();
  await outi.getByLabel('What should the provider change?').fill(COMMENT);
  await outi.getByTestId('request-changes').click();
  await outi.waitForURL('**/review');
  await outi.getByRole('status').filter({ hasText: 'was sent back to the provider' }).waitFor();
  await outi.locator('[data-testid="review-queue"] .item', { hasText: NAME_FI }).waitFor({ state: 'detached' });

  // --- Jussi sees the comment, adds the Swedish description and sends it again ---------------
  await jussi.goto(serviceUrl);
  const comment = jussi.getByTestId('review-comment');
  await comment.filter({ hasText: COMMENT }).waitFor();
  await jussi.locator('[data-testid="service-state"][data-state="changes_requested"]').waitFor();
  await capture(jussi, 'service-editor-changes-requested');
  await jussi.getByRole('tab', { name: /Swedish/ }).click();
  await jussi.getByTestId('service-description').fill('Vi tvättar balkongglasen på insidan och utsidan. Egna redskap.');
  await jussi.getByTestId('submit-for-review').click();
  await jussi.locator('[data-testid="service-state"][data-state="in_review"]').waitFor();
  // The history tells the whole story, the coordinator's comment included.
  const history = jussi.getByTestId('history');
  await history.locator('[data-action="changes_requested"]', { hasText: COMMENT }).waitFor();
  assert.equal(await history.locator('[data-action="submitted"]').count(), 2);

  // --- Outi publishes ---------------------------------------------------------------------------
  await outi.reload();
  await outi.locator('[data-testid="review-queue"] .item', { hasText: NAME_FI }).getByRole('link').click();
  await outi.getByTestId('publish').click();
  await outi.waitForURL('**/review');
  await outi.getByRole('status').filter({ hasText: 'is published' }).waitFor();
  await signOff(outi);

  await jussi.reload();
  await jussi.locator('[data-testid="service-state"][data-state="published"]').waitFor();
  await signOff(jussi);

  // --- Anyone finds it in the shop at once ------------------------------------------------------
  const visitor = await newPage(browser, { locale: 'sv-FI', viewport: PHONE });
  await visitor.goto('/?q=balkongglas');
  const serviceId = serviceUrl.split('/').at(-1);
  const found = visitor.locator(`[data-testid="results"] [data-service-id="${serviceId}"] [data-testid="service-link"]`, {
    hasText: NAME_SV,
  });
  await found.waitFor();
  await found.click();
  await visitor.locator('h1', { hasText: NAME_SV }).waitFor();
  await visitor.getByTestId('order-button').waitFor();
  assert.match((await visitor.getByTestId('service-area').textContent()) ?? '', /Hervanta/);
  assert.deepEqual(visitor.pageErrors, []);
  await visitor.context().close();
});

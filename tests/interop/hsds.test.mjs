// The HSDS 3.0 export of the demo region validates against Open Referral's compiled schemas, and
// the import reads it back into an empty region as the same directory.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { hsdsValidators, regionId, signIn, startServer } from './lib.mjs';

describe('HSDS 3.0', () => {
  let server, region, page;
  const validate = hsdsValidators();

  before(async () => {
    server = await startServer();
    region = await regionId(server.url, 'pirkanmaa');
    const started = performance.now();
    const res = await fetch(`${server.url}/api/v1/directory/hsds?region_id=${region}&per_page=500`);
    const text = await res.text();
    assert.equal(res.status, 200, text);
    page = JSON.parse(text);
    const services = page.contents.reduce((n, o) => n + o.services.length, 0);
    console.log(`hsds export: ${services} services of ${page.contents.length} organizations, ` +
      `${(text.length / 1e6).toFixed(1)} MB, ${Math.round(performance.now() - started)} ms`);
  });
  after(async () => server?.stop());

  test('the export of the demo region is one page of every provider that publishes', () => {
    assert.equal(page.page_number, 1);
    assert.equal(page.total_pages, 1);
    assert.equal(page.size, page.contents.length);
    assert.equal(page.total_items, page.contents.length);
    assert.ok(page.contents.reduce((n, o) => n + o.services.length, 0) >= 1000);
  });

  test('the schema check refuses what HSDS does not allow', () => {
    const good = page.contents[0];
    assert.ok(validate.organization(good).ok);
    assert.ok(!validate.organization({ ...good, name: undefined }).ok, 'an organization has a name');
    assert.ok(!validate.organization({ ...good, id: 'org_01' }).ok, 'ids are UUIDs');
    const service = { ...good.services[0], status: 'open' };
    assert.ok(!validate.organization({ ...good, services: [service] }).ok, 'status is one of four');
  });

  test('every organization validates against compiled/organization.json', () => {
    const bad = [];
    for (const [i, organization] of page.contents.entries()) {
      const result = validate.organization(organization);
      if (!result.ok) bad.push(`contents[${i}] ${organization.name}: ${result.errors}`);
    }
    assert.deepEqual(bad.slice(0, 5), []);
  });

  test('the contents validate as an organization package', () => {
    const result = validate.organizationPackage(page.contents);
    assert.ok(result.ok, result.errors);
  });

  test('every category, language and detail term is a valid taxonomy term of a listed taxonomy', async () => {
    const taxonomies = await (await fetch(`${server.url}/api/v1/directory/hsds/taxonomies`)).json();
    const terms = await (await fetch(`${server.url}/api/v1/directory/hsds/taxonomy_terms?language=fi`)).json();
    const ids = new Set(taxonomies.contents.map((t) => t.id));
    for (const t of taxonomies.contents) assert.ok(validate.taxonomy(t).ok, validate.taxonomy(t).errors);
    for (const t of terms.contents) {
      assert.ok(validate.taxonomyTerm(t).ok, `${t.code}: ${validate.taxonomyTerm(t).errors}`);
      assert.ok(ids.has(t.taxonomy_id), `${t.code} names a taxonomy that is not listed`);
    }
    const used = new Set(page.contents.flatMap((o) => o.services.flatMap((s) => s.attributes.map((a) => a.taxonomy_term_id))));
    const listed = new Set(terms.contents.map((t) => t.id));
    for (const id of used) assert.ok(listed.has(id), `term ${id} is used but not listed`);
  });

  test('an export imported into an empty region exports as the same directory', async () => {
    const pia = await signIn(server.url, 'pia.admin');
    const created = await fetch(`${server.url}/api/v1/regions`, {
      method: 'POST',
      headers: { ...pia, 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: 'hsds-copy', name: 'HSDS copy', country: 'FI' }),
    });
    const region_b = await created.text();
    assert.equal(created.status, 201, region_b);
    const copy = JSON.parse(region_b).id;
    const imported = await fetch(`${server.url}/api/v1/directory/hsds/import?region_id=${copy}`, {
      method: 'POST',
      headers: { ...pia, 'Content-Type': 'application/json', 'Idempotency-Key': 'hsds-copy-1' },
      body: JSON.stringify(page),
    });
    const report = await imported.json();
    assert.equal(imported.status, 200, JSON.stringify(report).slice(0, 500));
    assert.equal(report.services_published, page.contents.reduce((n, o) => n + o.services.length, 0));
    const again = await (await fetch(`${server.url}/api/v1/directory/hsds?region_id=${copy}&per_page=500`)).json();
    assert.deepEqual(comparable(again.contents), comparable(page.contents));
  });
});

// The directory without what an import renews: ids, publication times, and vouchers (purchasers
// of region A, which region B does not have).
function comparable(organizations) {
  const strip = (v) => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v)
          .filter(([k]) => k !== 'id' && !k.endsWith('_id') && k !== 'last_modified' && k !== 'funding')
          .map(([k, x]) => [k, strip(x)]),
      );
    }
    return v;
  };
  const key = (x) => JSON.stringify(x);
  return strip(organizations)
    .map((o) => ({ ...o, services: o.services.sort((a, b) => key(a).localeCompare(key(b))) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

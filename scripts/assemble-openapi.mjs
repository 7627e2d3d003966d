#!/usr/bin/env node
// Assembles the OpenAPI document from src/server/openapi.base.json and the fragment each feature
// keeps beside its routes (src/<feature>/openapi.json), and writes it to the path given.
//
//   node scripts/assemble-openapi.mjs <output.json>
//
// A fragment holds `paths`, and may hold `components` (schemas, responses, parameters, ...) and
// `tags`. Fragments are merged in sorted folder order after the base. The script fails, naming both
// files, when one path+method is defined twice or one component name twice with different content;
// it fails on a `$ref` to something the assembled document does not have. The output is written
// only when its content changed, so builds that depend on it stay up to date.
// Plain Node (>= 18), no packages: CMake runs it before npm has installed anything.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const FRAGMENT_KEYS = new Set(['paths', 'components', 'tags']);

class AssemblyError extends Error {}

function fail(message) {
  throw new AssemblyError(message);
}

function rel(file) {
  return path.relative(root, file);
}

function readJson(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    fail(`${rel(file)}: cannot read (${e.code ?? e.message})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    fail(`${rel(file)}: not valid JSON: ${e.message}`);
  }
}

function isObject(v) {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The fragments in sorted order: every src/<folder>/openapi.json. */
export function fragmentFiles() {
  const src = path.join(root, 'src');
  return readdirSync(src, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => path.join(src, name, 'openapi.json'))
    .filter((file) => existsSync(file));
}

/**
 * Merges the base document and the fragments. Returns the assembled document; throws
 * AssemblyError with a message naming the files involved.
 */
export function assemble(baseFile, fragments) {
  const doc = readJson(baseFile);
  if (!isObject(doc) || typeof doc.openapi !== 'string') fail(`${rel(baseFile)}: no "openapi" version`);
  doc.paths ??= {};
  doc.components ??= {};

  // Where each operation, path-level field, component and tag came from, for error messages.
  const origin = new Map();
  const note = (key, file) => origin.set(key, file);
  for (const [p, item] of Object.entries(doc.paths)) {
    for (const k of Object.keys(item)) note(`path ${p} ${k}`, baseFile);
  }
  for (const [kind, entries] of Object.entries(doc.components)) {
    for (const name of Object.keys(entries)) note(`component ${kind}/${name}`, baseFile);
  }
  for (const tag of doc.tags ?? []) note(`tag ${tag.name}`, baseFile);

  const sources = [[baseFile, structuredClone(doc)]];
  for (const file of fragments) {
    const frag = readJson(file);
    sources.push([file, frag]);
    if (!isObject(frag)) fail(`${rel(file)}: a fragment is a JSON object`);
    for (const key of Object.keys(frag)) {
      if (!FRAGMENT_KEYS.has(key)) {
        fail(`${rel(file)}: "${key}" does not belong in a fragment (only ${[...FRAGMENT_KEYS].join(', ')}; the rest is in ${rel(baseFile)})`);
      }
    }

    for (const [p, item] of Object.entries(frag.paths ?? {})) {
      if (!p.startsWith('/')) fail(`${rel(file)}: path "${p}" does not start with "/"`);
      if (!isObject(item)) fail(`${rel(file)}: path "${p}" is not an object`);
      const target = (doc.paths[p] ??= {});
      for (const [k, v] of Object.entries(item)) {
        const key = `path ${p} ${k}`;
        if (METHODS.includes(k)) {
          if (Object.hasOwn(target, k)) fail(`${k.toUpperCase()} ${p} is defined twice: in ${rel(origin.get(key))} and in ${rel(file)}`);
        } else if (Object.hasOwn(target, k) && !isDeepStrictEqual(target[k], v)) {
          fail(`"${k}" of path ${p} differs between ${rel(origin.get(key))} and ${rel(file)}`);
        }
        target[k] = v;
        if (!origin.has(key)) note(key, file);
      }
    }

    for (const [kind, entries] of Object.entries(frag.components ?? {})) {
      if (!isObject(entries)) fail(`${rel(file)}: components.${kind} is not an object`);
      const target = (doc.components[kind] ??= {});
      for (const [name, value] of Object.entries(entries)) {
        const key = `component ${kind}/${name}`;
        if (Object.hasOwn(target, name)) {
          if (!isDeepStrictEqual(target[name], value)) {
            fail(`components.${kind}.${name} is defined twice with different content: in ${rel(origin.get(key))} and in ${rel(file)}`);
          }
          continue;
        }
        target[name] = value;
        note(key, file);
      }
    }

    for (const tag of frag.tags ?? []) {
      const key = `tag ${tag.name}`;
      const existing = (doc.tags ?? []).find((t) => t.name === tag.name);
      if (existing) {
        if (!isDeepStrictEqual(existing, tag)) fail(`tag "${tag.name}" is defined twice with different content: in ${rel(origin.get(key))} and in ${rel(file)}`);
        continue;
      }
      (doc.tags ??= []).push(tag);
      note(key, file);
    }
  }

  // Every reference must land inside the assembled document.
  for (const [file, part] of sources) {
    walkRefs(part, [], (ref, where) => {
      if (!ref.startsWith('#/')) fail(`${rel(file)}: ${where} refers to "${ref}"; only references inside the document (#/...) are allowed`);
      if (resolvePointer(doc, ref) === undefined) fail(`${rel(file)}: ${where} refers to "${ref}", which no file defines`);
    });
  }

  // A stable key order for readers of the output: the base's top-level fields first.
  const ordered = {};
  for (const key of ['openapi', 'info', 'jsonSchemaDialect', 'servers', 'security', 'tags', 'paths', 'webhooks', 'components']) {
    if (key in doc) ordered[key] = doc[key];
  }
  for (const [key, value] of Object.entries(doc)) if (!(key in ordered)) ordered[key] = value;
  return ordered;
}

function walkRefs(node, at, visit) {
  if (Array.isArray(node)) {
    node.forEach((v, i) => walkRefs(v, [...at, String(i)], visit));
  } else if (isObject(node)) {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') visit(v, describe(at));
      else walkRefs(v, [...at, k], visit);
    }
  }
}

/** "GET /api/v1/me: responses/200/..." for a place in an operation, "components/schemas/X/..." otherwise. */
function describe(at) {
  if (at[0] === 'paths' && at.length >= 3 && METHODS.includes(at[2])) {
    return `${at[2].toUpperCase()} ${at[1]}: ${at.slice(3).join('/')}`;
  }
  return at.join('/');
}

function resolvePointer(doc, ref) {
  let node = doc;
  for (const raw of ref.slice(2).split('/')) {
    let key;
    try {
      key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    } catch {
      return undefined;
    }
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    if (!Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/** Writes text to file unless the file already holds exactly that text. Returns whether it wrote. */
function writeIfChanged(file, text) {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return false;
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
  return true;
}

function main(argv) {
  if (argv.length !== 1 || argv[0].startsWith('-')) {
    console.error('usage: node scripts/assemble-openapi.mjs <output.json>');
    return 2;
  }
  const output = path.resolve(argv[0]);
  try {
    const doc = assemble(path.join(root, 'src/server/openapi.base.json'), fragmentFiles());
    writeIfChanged(output, `${JSON.stringify(doc, null, 2)}\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof AssemblyError)) throw e;
    console.error(`assemble-openapi: ${e.message}`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}

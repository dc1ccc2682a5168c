#!/usr/bin/env node
// Generates TypeScript-typed static protobuf code from proto/ (the source of truth).
//   node tools/proto/gen.mjs          writes libs/contracts/src/gen/
//   node tools/proto/gen.mjs --check  regenerates into a temp dir and fails if the
//                                     committed files are stale (run by CI).
// Pure JS (protobufjs-cli): no protoc binary to download, so it runs on a fresh machine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const target = join(root, 'libs/contracts/src/gen');
const check = process.argv.includes('--check');
const out = check ? mkdtempSync(join(tmpdir(), 'datanet-proto-')) : target;
mkdirSync(out, { recursive: true });

const protoDir = join(root, 'proto/datanet/v1');
const protos = readdirSync(protoDir).filter((f) => f.endsWith('.proto')).sort().map((f) => join('proto/datanet/v1', f));
const bin = (name) => join(root, 'node_modules/.bin', name);
const js = join(out, 'datanet.js');
const dts = join(out, 'datanet.d.ts');
execFileSync(bin('pbjs'), ['-t', 'static-module', '-w', 'esm', '--dependency', 'protobufjs/minimal.js', '--no-beautify', '--no-delimited', '-o', js, ...protos], { cwd: root, stdio: 'inherit' });
execFileSync(bin('pbts'), ['-o', dts, js], { cwd: root, stdio: 'inherit' });
// int64 fields are millisecond timestamps and sizes, well inside 2^53: the contracts
// library configures protobufjs to decode them as numbers, so type them as numbers.
const typed = readFileSync(dts, 'utf8').replace(/^import Long = require\("long"\);\n/m, '').replaceAll('(number|Long)', 'number').replaceAll('(Long|number)', 'number');
writeFileSync(dts, typed);

if (check) {
  let stale = false;
  for (const f of ['datanet.js', 'datanet.d.ts']) {
    const fresh = readFileSync(join(out, f), 'utf8');
    let committed = '';
    try { committed = readFileSync(join(target, f), 'utf8'); } catch { /* missing counts as stale */ }
    if (fresh !== committed) { console.error(`proto:check: libs/contracts/src/gen/${f} is stale; run npm run proto:gen`); stale = true; }
  }
  rmSync(out, { recursive: true, force: true });
  if (stale) process.exit(1);
  console.log('proto:check: generated contracts are fresh');
}

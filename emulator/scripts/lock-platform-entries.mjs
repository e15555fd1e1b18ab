#!/usr/bin/env node
// Adds package-lock.json entries for @lancedb/lancedb's native builds for *other* platforms.
//
// Why: the package registry reachable here serves only the linux-x64 native builds of
// @lancedb/lancedb 0.37.1, so `npm install` leaves the other platforms' optional dependencies out of
// the lock, and `npm ci` then refuses the lock as "not in sync" ("Missing: @lancedb/lancedb-darwin-arm64").
// npm never downloads an optional dependency whose os/cpu do not match the machine, so describing
// those packages (version, os, cpu, optional) is enough for `npm ci` to accept the lock on linux-x64.
// Run after any `npm install` that rewrites the lock:  node scripts/lock-platform-entries.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const LOCK = fileURLToPath(new URL('../package-lock.json', import.meta.url));
const PLATFORMS = {
  'darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
  'linux-arm64-gnu': { os: ['linux'], cpu: ['arm64'], libc: ['glibc'] },
  'linux-arm64-musl': { os: ['linux'], cpu: ['arm64'], libc: ['musl'] },
  'win32-arm64-msvc': { os: ['win32'], cpu: ['arm64'] },
  'win32-x64-msvc': { os: ['win32'], cpu: ['x64'] },
};

const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const lancedb = lock.packages['node_modules/@lancedb/lancedb'];
if (!lancedb) throw new Error('package-lock.json has no @lancedb/lancedb entry');
let added = 0;
for (const [suffix, platform] of Object.entries(PLATFORMS)) {
  const name = `@lancedb/lancedb-${suffix}`;
  const version = lancedb.optionalDependencies?.[name];
  const key = `node_modules/${name}`;
  if (!version || lock.packages[key]) continue;
  lock.packages[key] = { version, ...platform, license: 'Apache-2.0', optional: true, engines: { node: '>= 18' } };
  added++;
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`added ${added} platform entr${added === 1 ? 'y' : 'ies'} to package-lock.json\n`);

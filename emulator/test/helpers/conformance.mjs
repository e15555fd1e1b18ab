// Conformance harness: the same calls through the official client in remote mode (against the emulator)
// and on an embedded connection (local temp dir); results are normalized and must be deepEqual.
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { startEmulator, connectRemote, connectLocal, tempDir, removeDir } from './emulator.mjs';

/** Turns client results (Arrow rows, typed arrays, bigints, Dates...) into plain comparable JSON. */
export function plain(value) {
  if (value === null || value === undefined) return value ?? null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : value;
  if (typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (ArrayBuffer.isView(value)) return Array.from(value, plain);
  if (typeof value.toArray === 'function' && typeof value.numRows !== 'number' && !Array.isArray(value)) {
    return Array.from(value.toArray(), plain); // Arrow Vector
  }
  if (typeof value.toJSON === 'function' && !(value instanceof Map)) return plain(value.toJSON());
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof Map) return Object.fromEntries([...value.entries()].map(([k, v]) => [k, plain(v)]));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
}

/** Schema as comparable JSON: names, types, nullability, field and schema metadata. */
export function plainSchema(schema) {
  return {
    fields: schema.fields.map((f) => ({
      name: f.name,
      type: String(f.type),
      nullable: f.nullable,
      metadata: Object.fromEntries(f.metadata ?? []),
    })),
    metadata: Object.fromEntries(schema.metadata ?? []),
  };
}

/** An Arrow table result: its schema and its rows. */
export function plainTable(table) {
  return { schema: plainSchema(table.schema), rows: table.toArray().map((r) => plain(r.toJSON())) };
}

/**
 * Registers before/after hooks that start an emulator on a temp dir plus a local temp database.
 * `ctx.both(fn)` runs `fn(db, side)` on the remote and the local connection and returns both results.
 * `args`: extra emulator arguments (e.g. `['--server-version', 'none']`).
 */
export function conformanceFixture({ args = [] } = {}) {
  const ctx = {};
  before(async () => {
    ctx.emulatorDir = await tempDir('emu-remote-');
    ctx.localDir = await tempDir('emu-local-');
    ctx.emulator = await startEmulator({ data: ctx.emulatorDir, args });
    ctx.remote = await connectRemote(ctx.emulator.url);
    ctx.local = await connectLocal(ctx.localDir);
  });
  after(async () => {
    await ctx.emulator?.stop();
    // The emulator logs every 5xx it answers ("error on ..."): conformance runs must produce none.
    assert.doesNotMatch(ctx.emulator?.stderr.join('') ?? '', /error on |unhandled/);
    await removeDir(ctx.emulatorDir);
    await removeDir(ctx.localDir);
  });
  /**
   * @template T
   * @param {(db: import('@lancedb/lancedb').Connection, side: 'remote'|'local') => Promise<T>} fn
   * @returns {Promise<{remote: T, local: T}>}
   */
  ctx.both = async (fn) => ({ remote: await fn(ctx.remote, 'remote'), local: await fn(ctx.local, 'local') });
  /** Runs fn on both sides and asserts the normalized results are equal; returns the remote one. */
  ctx.same = async (fn, message) => {
    const { remote, local } = await ctx.both(fn);
    assert.deepEqual(plain(remote), plain(local), message);
    return remote;
  };
  /** Like `same`, but numbers may differ by a relative `tolerance` (float32 scores computed on other paths). */
  ctx.close = async (fn, tolerance = 1e-5) => {
    const { remote, local } = await ctx.both(fn);
    assertApproxEqual(plain(remote), plain(local), tolerance);
    return remote;
  };
  /** Runs fn on both sides; both must reject, with messages matching `pattern`. */
  ctx.bothReject = async (fn, pattern) => {
    for (const [side, db] of [['remote', ctx.remote], ['local', ctx.local]]) {
      await assert.rejects(() => fn(db, side), pattern, `${side} side should reject`);
    }
  };
  return ctx;
}

/** Deep equality where numbers may differ by a relative tolerance. */
export function assertApproxEqual(actual, expected, tolerance, path = '$') {
  if (typeof actual === 'number' && typeof expected === 'number') {
    const scale = Math.max(Math.abs(actual), Math.abs(expected), 1e-12);
    assert.ok(Math.abs(actual - expected) / scale <= tolerance, `${path}: ${actual} != ${expected} (tolerance ${tolerance})`);
    return;
  }
  if (actual && expected && typeof actual === 'object' && typeof expected === 'object') {
    assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), `${path}: keys differ`);
    for (const key of Object.keys(expected)) assertApproxEqual(actual[key], expected[key], tolerance, `${path}.${key}`);
    return;
  }
  assert.deepEqual(actual, expected, path);
}

/** Deterministic sample rows: id, text, a 4-dim vector, tags, a score. */
export function sampleRows(n, start = 0) {
  const words = ['alpha', 'beta', 'gamma', 'delta', 'cats', 'dogs', 'vector', 'index'];
  return Array.from({ length: n }, (_, k) => {
    const i = start + k;
    return {
      id: i,
      text: `${words[i % words.length]} ${words[(i * 3) % words.length]} document ${i}`,
      vector: [Math.sin(i), Math.cos(i), Math.sin(i / 3), Math.cos(i / 5)],
      tags: [words[i % 3], words[3 + (i % 2)]],
      score: (i * 7) % 10,
      category: words[i % 4],
    };
  });
}

// Fault injection: the x-emulator-fault header, seeded random rules (--faults and /_emulator/faults),
// and how the official client's retries meet them.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, connectRemote, tempDir, removeDir } from './helpers/emulator.mjs';
import { raw, vectorStream } from './helpers/raw.mjs';
import { FaultRules, parseFaultHeader } from '../src/faults.mjs';

const row = (id) => vectorStream([{ id, vector: [id, 1, 2, 3] }], 4);
const fastRetries = { retryConfig: { retries: 3, backoffFactor: 0.01, backoffJitter: 0.01 } };

describe('fault injection', () => {
  let dir; let emu; let db; let table;
  const count = () => table.countRows();
  const setFaults = (config) => raw(emu.url, '/_emulator/faults', { body: config });
  const clearFaults = () => raw(emu.url, '/_emulator/faults', { method: 'DELETE' });

  before(async () => {
    dir = await tempDir();
    emu = await startEmulator({ data: dir });
    db = await connectRemote(emu.url, { clientConfig: fastRetries });
    table = await db.createTable('t', [{ id: 0, vector: [0, 1, 2, 3] }]);
  });
  after(async () => {
    await emu.stop();
    await removeDir(dir);
  });

  test('header status=503 answers 503 without applying the write', async () => {
    const before = await count();
    const r = await raw(emu.url, '/v1/table/t/insert/', { body: row(1), headers: { 'x-emulator-fault': 'status=503' } });
    assert.equal(r.status, 503);
    assert.match(r.text, /injected fault/);
    assert.equal(await count(), before);
  });

  test('header status=429;retry-after=1 answers 429 with a Retry-After header', async () => {
    const r = await raw(emu.url, '/v1/table/t/count_rows/', { body: {}, headers: { 'x-emulator-fault': 'status=429;retry-after=1' } });
    assert.equal(r.status, 429);
    assert.equal(r.headers.get('retry-after'), '1');
  });

  test('header reset destroys the connection without an answer', async () => {
    const before = await count();
    await assert.rejects(() => raw(emu.url, '/v1/table/t/insert/', { body: row(2), headers: { 'x-emulator-fault': 'reset' } }));
    assert.equal(await count(), before);
  });

  test('header delay=200 waits, then handles the request normally', async () => {
    const started = Date.now();
    const r = await raw(emu.url, '/v1/table/t/count_rows/', { body: {}, headers: { 'x-emulator-fault': 'delay=200' } });
    assert.equal(r.status, 200);
    assert.ok(Date.now() - started >= 190, 'delayed');
  });

  test('header after-write=503 applies the write, then answers 503', async () => {
    const before = await count();
    const r = await raw(emu.url, '/v1/table/t/insert/', { body: row(3), headers: { 'x-emulator-fault': 'after-write=503' } });
    assert.equal(r.status, 503);
    assert.equal(await count(), before + 1);
  });

  test('header after-write=reset applies the write, then drops the connection', async () => {
    const before = await count();
    await assert.rejects(() => raw(emu.url, '/v1/table/t/insert/', { body: row(4), headers: { 'x-emulator-fault': 'after-write=reset' } }));
    assert.equal(await count(), before + 1);
  });

  test('an invalid fault header gets 400', async () => {
    const r = await raw(emu.url, '/v1/table/t/count_rows/', { body: {}, headers: { 'x-emulator-fault': 'explode=now' } });
    assert.equal(r.status, 400);
    assert.match(r.text, /x-emulator-fault/);
  });

  test('random rules at run time: the official client retries through injected 503/429', async () => {
    const expected = await count();
    const rules = { seed: 7, match: 'count_rows', rules: [{ kind: 'status', status: 503, rate: 0.2 }, { kind: 'status', status: 429, rate: 0.1, retryAfter: 0 }] };
    assert.equal((await setFaults(rules)).status, 200);
    for (let i = 0; i < 8; i++) assert.equal(await count(), expected);
    const state = JSON.parse((await raw(emu.url, '/_emulator/faults', { method: 'GET' })).text);
    assert.ok(state.faults.injected > 0, 'some faults were injected and retried');
    await clearFaults();
  });

  test('a write failing after it was applied is retried by the client and duplicates rows (not idempotent)', async () => {
    await setFaults({ seed: 1, match: '/insert/$', rules: [{ kind: 'after-write', status: 503, rate: 1 }] });
    const before = await count();
    await assert.rejects(() => table.add([{ id: 50, vector: [5, 0, 0, 0] }]), /503|retry/i);
    await clearFaults();
    const after = await count();
    assert.ok(after - before >= 2, `each of the ${after - before} retried attempts was applied`);
  });

  test('admin routes are never faulted, and DELETE /_emulator/faults turns faults off', async () => {
    await setFaults({ seed: 1, rules: [{ kind: 'status', status: 503, rate: 1 }] });
    const r = await raw(emu.url, '/v1/table/t/count_rows/', { body: {} });
    assert.equal(r.status, 503);
    assert.equal((await raw(emu.url, '/_emulator/faults', { method: 'GET' })).status, 200);
    assert.equal((await clearFaults()).status, 200);
    assert.equal((await raw(emu.url, '/v1/table/t/count_rows/', { body: {} })).status, 200);
  });

  test('bad fault rules are refused with 400', async () => {
    assert.equal((await setFaults({ rules: [{ kind: 'status', status: 200, rate: 0.5 }] })).status, 400);
    assert.equal((await setFaults({ rules: [{ kind: 'delay', ms: 10, rate: 2 }] })).status, 400);
    assert.equal((await setFaults({ match: '(', rules: [] })).status, 400);
  });
});

describe('fault rules', () => {
  test('--faults at startup applies seeded rules reproducibly across runs', async () => {
    const faults = { seed: 42, match: 'count_rows', rules: [{ kind: 'status', status: 503, rate: 0.4 }, { kind: 'delay', ms: 5, rate: 0.2 }] };
    const statuses = [];
    for (let run = 0; run < 2; run++) {
      const dir = await tempDir();
      const emu = await startEmulator({ data: dir, faults });
      try {
        await raw(emu.url, '/v1/table/t/create/?mode=create', { body: row(1) }); // not matched: never faulted
        const seen = [];
        for (let i = 0; i < 20; i++) seen.push((await raw(emu.url, '/v1/table/t/count_rows/', { body: {} })).status);
        statuses.push(seen);
      } finally {
        await emu.stop();
        await removeDir(dir);
      }
    }
    assert.deepEqual(statuses[0], statuses[1]);
    assert.ok(statuses[0].includes(503) && statuses[0].includes(200));
  });

  test('the same seed draws the same faults; rates are honoured', () => {
    const config = { seed: 3, rules: [{ kind: 'reset', rate: 0.25 }, { kind: 'after-write', status: 'reset', rate: 0.25 }] };
    const a = new FaultRules(config);
    const b = new FaultRules(config);
    const drawsA = Array.from({ length: 400 }, () => a.draw('/v1/table/x/insert/'));
    const drawsB = Array.from({ length: 400 }, () => b.draw('/v1/table/x/insert/'));
    assert.deepEqual(drawsA, drawsB);
    const resets = drawsA.filter((f) => f?.kind === 'reset').length;
    assert.ok(resets > 60 && resets < 140, `about a quarter are resets (${resets})`);
    assert.ok(drawsA.some((f) => f?.kind === 'after-write' && f.reset));
  });

  test('the fault header grammar', () => {
    assert.deepEqual(parseFaultHeader('status=503'), { kind: 'status', status: 503 });
    assert.deepEqual(parseFaultHeader('status=429;retry-after=1'), { kind: 'status', status: 429, retryAfter: 1 });
    assert.deepEqual(parseFaultHeader('reset'), { kind: 'reset' });
    assert.deepEqual(parseFaultHeader('delay=200'), { kind: 'delay', ms: 200 });
    assert.deepEqual(parseFaultHeader('after-write=503'), { kind: 'after-write', status: 503 });
    assert.deepEqual(parseFaultHeader('after-write=reset'), { kind: 'after-write', reset: true });
    assert.throws(() => parseFaultHeader('status=abc'), /x-emulator-fault/);
  });
});

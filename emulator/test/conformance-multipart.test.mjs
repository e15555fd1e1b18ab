// Conformance, multipart inserts (protocol §5.6). The official client 0.37.1 never sends multipart for `table.add`
// (its data-size estimate keeps one write partition, even for a million rows at phalanx-version 0.4.0 — the first
// test pins that), so the routes are driven with raw requests: the rows an upload commits must equal the official
// client's embedded `add` of the same rows, and nothing is visible before `complete`.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArrowTable } from '@lancedb/lancedb';
import { arrow } from '../src/arrow.mjs';
import { conformanceFixture, plainTable, sampleRows } from './helpers/conformance.mjs';
import { articleSchema } from './helpers/schema.mjs';
import { raw } from './helpers/raw.mjs';
import { startEmulator, connectRemote, tempDir, removeDir } from './helpers/emulator.mjs';

const rowsOf = async (t) => plainTable(await t.query().toArrow()).rows.sort((a, b) => a.id - b.id);
const ipcOf = (rows) => arrow.tableToIPC(makeArrowTable(rows, { schema: articleSchema() }), 'stream');
const arrowOf = (rows) => makeArrowTable(rows, { schema: articleSchema() });

describe('conformance: multipart inserts', () => {
  const ctx = conformanceFixture();
  const fresh = (name, n = 10) => ctx.both((db) => db.createTable(name, sampleRows(n), { schema: articleSchema(), mode: 'overwrite' }));
  const post = (path) => raw(ctx.emulator.url, path);
  const begin = async (table) => {
    const res = await post(`/v1/table/${table}/multipart_write/create`);
    assert.equal(res.status, 200, res.text);
    const { upload_id: id } = JSON.parse(res.text);
    assert.match(id, /^[0-9a-f-]{36}$/);
    return id;
  };
  const part = (table, id, partId, rows) =>
    raw(ctx.emulator.url, `/v1/table/${table}/insert/?upload_id=${id}&upload_part_id=${partId}`, { body: ipcOf(rows) });

  test('the official client sends one plain insert for add, even at phalanx-version 0.4.0', async () => {
    const data = await tempDir('emu-mp-');
    const emulator = await startEmulator({ data, args: ['--server-version', '0.4.0', '--log-requests'] });
    try {
      const db = await connectRemote(emulator.url);
      const t = await db.createTable('probe', sampleRows(2), { schema: articleSchema() });
      await t.add(sampleRows(3000, 10));
      assert.equal(await t.countRows(), 3002);
    } finally {
      await emulator.stop();
      await removeDir(data);
    }
    const paths = emulator.stderr.join('').split('\n').filter((l) => l.includes('"method"')).map((l) => JSON.parse(l.replace(/^\[emulator\] /, '')));
    const writes = paths.filter((r) => /insert|multipart/.test(r.path));
    assert.deepEqual(writes.map((r) => [r.path, r.query]), [['/v1/table/probe/insert/', {}]]);
  });

  test('complete commits every staged part as one write, equal to the embedded add of the same rows', async () => {
    await fresh('mp');
    const rows = sampleRows(30, 100);
    const id = await begin('mp');
    assert.equal((await part('mp', id, 'p1', rows.slice(0, 10))).status, 200);
    assert.equal((await part('mp', id, 'p2', rows.slice(10, 30))).status, 200);
    // A part sent again under the same part id replaces its first copy (a retried part never doubles its rows).
    assert.equal((await part('mp', id, 'p1', rows.slice(0, 10))).status, 200);
    const before = await (await ctx.remote.openTable('mp')).countRows();
    assert.equal(before, 10, 'staged parts are invisible before complete');

    const versionBefore = await (await ctx.remote.openTable('mp')).version();
    const done = await post(`/v1/table/mp/multipart_write/complete?upload_id=${id}`);
    assert.equal(done.status, 200, done.text);
    assert.deepEqual(JSON.parse(done.text), { version: versionBefore + 1 });
    // A repeated complete (its first answer lost) answers the same version and writes nothing more.
    assert.deepEqual(JSON.parse((await post(`/v1/table/mp/multipart_write/complete?upload_id=${id}`)).text), { version: versionBefore + 1 });

    const local = await ctx.local.openTable('mp');
    await local.add(arrowOf(rows));
    await ctx.same(async (db) => {
      const t = await db.openTable('mp');
      return { version: await t.version(), rows: await rowsOf(t) };
    });
  });

  test('abort discards the staged parts: the table is unchanged', async () => {
    await fresh('mpa');
    const id = await begin('mpa');
    assert.equal((await part('mpa', id, 'p1', sampleRows(5, 100))).status, 200);
    const aborted = await post(`/v1/table/mpa/multipart_write/abort?upload_id=${id}`);
    assert.equal(aborted.status, 200, aborted.text);
    await ctx.same(async (db) => {
      const t = await db.openTable('mpa');
      return { version: await t.version(), rows: await rowsOf(t) };
    });
  });

  test('an aborted or completed upload takes no more parts (400), and an aborted one cannot complete', async () => {
    await fresh('mps');
    const aborted = await begin('mps');
    await post(`/v1/table/mps/multipart_write/abort?upload_id=${aborted}`);
    const late = await part('mps', aborted, 'p9', sampleRows(1, 100));
    assert.equal(late.status, 400);
    assert.match(late.text, /is aborted: it takes no more parts/);
    const completeAborted = await post(`/v1/table/mps/multipart_write/complete?upload_id=${aborted}`);
    assert.equal(completeAborted.status, 400);
    assert.match(completeAborted.text, /was aborted/);

    const completed = await begin('mps');
    await part('mps', completed, 'p1', sampleRows(1, 100));
    assert.equal((await post(`/v1/table/mps/multipart_write/complete?upload_id=${completed}`)).status, 200);
    const after = await part('mps', completed, 'p2', sampleRows(1, 101));
    assert.equal(after.status, 400);
    assert.match(after.text, /is completed: it takes no more parts/);
    const abortCompleted = await post(`/v1/table/mps/multipart_write/abort?upload_id=${completed}`);
    assert.equal(abortCompleted.status, 400);
    assert.equal(await (await ctx.remote.openTable('mps')).countRows(), 11);
  });

  test('unknown upload ids are 404 naming the upload; a missing part id is 400', async () => {
    await fresh('mpu');
    for (const path of [
      '/v1/table/mpu/multipart_write/complete?upload_id=nope',
      '/v1/table/mpu/multipart_write/abort?upload_id=nope',
    ]) {
      const res = await post(path);
      assert.equal(res.status, 404, path);
      assert.match(res.text, /multipart upload 'nope' does not exist on table 'mpu'/);
    }
    const unknownPart = await part('mpu', 'nope', 'p1', sampleRows(1));
    assert.equal(unknownPart.status, 404);
    const id = await begin('mpu');
    const noPartId = await raw(ctx.emulator.url, `/v1/table/mpu/insert/?upload_id=${id}`, { body: ipcOf(sampleRows(1)) });
    assert.equal(noPartId.status, 400);
    assert.match(noPartId.text, /upload_part_id/);
    const otherTable = await post(`/v1/table/mp/multipart_write/complete?upload_id=${id}`);
    assert.equal(otherTable.status, 404, 'an upload belongs to its table');
    const missingTable = await post('/v1/table/no_such_table/multipart_write/create');
    assert.equal(missingTable.status, 404);
  });
});

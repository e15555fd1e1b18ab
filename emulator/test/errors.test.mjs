// Bad input never gets a 500 and never stops the emulator: 401 auth, 404 missing table / endpoint,
// 400 with a message for malformed JSON, bad Arrow, unknown filter columns, wrong vector lengths.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, connectRemote, tempDir, removeDir } from './helpers/emulator.mjs';
import { raw, vectorStream } from './helpers/raw.mjs';

const SECRET = 'emulator-secret-key-7731';

describe('errors', () => {
  let dir; let emu; let db; let table;
  before(async () => {
    dir = await tempDir();
    emu = await startEmulator({ data: dir, apiKey: SECRET, args: ['--log-requests'] });
    db = await connectRemote(emu.url, { apiKey: SECRET });
    table = await db.createTable('vecs', [{ id: 1, vector: [1, 2, 3, 4] }, { id: 2, vector: [4, 3, 2, 1] }]);
  });
  after(async () => {
    await emu.stop();
    await removeDir(dir);
  });

  const stillServing = async () => assert.equal(await table.countRows(), 2, 'the emulator keeps serving');

  test('a request without x-api-key gets 401', async () => {
    const r = await raw(emu.url, '/v1/table/', { method: 'GET', apiKey: null });
    assert.equal(r.status, 401);
    assert.match(r.text, /x-api-key/);
  });

  test('the official client with a wrong API key gets 401', async () => {
    const wrong = await connectRemote(emu.url, { apiKey: 'not-the-key' });
    await assert.rejects(() => wrong.tableNames(), /401/);
    await stillServing();
  });

  test('the API key never appears in the emulator log', async () => {
    await raw(emu.url, '/v1/table/', { method: 'GET', apiKey: SECRET });
    const log = emu.stderr.join('');
    assert.match(log, /"x-api-key":"<redacted>"/, 'request logging is on');
    assert.ok(!log.includes(SECRET));
  });

  test('operations on a missing table get 404 "not found"', async () => {
    for (const op of ['describe', 'query', 'count_rows', 'insert', 'delete', 'drop']) {
      const r = await raw(emu.url, `/v1/table/ghost/${op}/`, { apiKey: SECRET, body: op === 'delete' ? { predicate: 'true' } : op === 'query' ? { vector: [], k: 1 } : op === 'insert' ? vectorStream([{ id: 1, vector: [1, 2, 3, 4] }], 4) : {} });
      assert.equal(r.status, 404, `${op}: ${r.text}`);
      assert.match(r.text, /not found/i);
    }
    await assert.rejects(() => db.openTable('ghost').then((t) => t.countRows()), /not found/i);
  });

  test('malformed JSON gets 400 naming the problem', async () => {
    const r = await raw(emu.url, '/v1/table/vecs/count_rows/', { apiKey: SECRET, body: '{"predicate": ', headers: { 'content-type': 'application/json' } });
    assert.equal(r.status, 400);
    assert.match(r.text, /malformed JSON/);
    await stillServing();
  });

  test('a JSON body of the wrong shape gets 400 naming the field', async () => {
    const r = await raw(emu.url, '/v1/table/vecs/delete/', { apiKey: SECRET, body: { predicate: 42 } });
    assert.equal(r.status, 400);
    assert.match(r.text, /predicate/);
  });

  test('bad Arrow IPC bytes get 400 "invalid Arrow IPC data"', async () => {
    for (const bytes of [new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), new Uint8Array(0), Buffer.from('not arrow at all, just some text padding')]) {
      const r = await raw(emu.url, '/v1/table/vecs/insert/', { apiKey: SECRET, body: bytes });
      assert.equal(r.status, 400, r.text);
      assert.match(r.text, /invalid Arrow IPC data/);
    }
    const truncated = vectorStream([{ id: 3, vector: [1, 1, 1, 1] }], 4).subarray(0, 150);
    const r = await raw(emu.url, '/v1/table/vecs/insert/', { apiKey: SECRET, body: truncated });
    assert.equal(r.status, 400, r.text);
    await stillServing();
  });

  test('an unknown column in a filter gets 400 with the engine message', async () => {
    await assert.rejects(() => table.query().where('no_such_col > 1').toArray(), (err) => /400/.test(err.message) && /no_such_col/.test(err.message));
    await assert.rejects(() => table.countRows('no_such_col = 2'), /400/);
    const r = await raw(emu.url, '/v1/table/vecs/query/', { apiKey: SECRET, body: { vector: [], k: 5, filter: 'no_such_col > 1' } });
    assert.equal(r.status, 400);
    assert.match(r.text, /no_such_col/);
    await stillServing();
  });

  test('a malformed order_by gets 400 naming what is wrong; an unknown column gets the engine message', async () => {
    const cases = [
      ['"id"', /"order_by" must be an array/],
      [[5], /order_by\[0\] must be an object/],
      [[{ ascending: true }], /missing required field "order_by\[0\]\.column_name"/],
      [[{ column_name: 'id' }, { column_name: 7 }], /"order_by\[1\]\.column_name" must be a string/],
      [[{ column_name: 'id', ascending: 'no' }], /"order_by\[0\]\.ascending" must be a boolean/],
      [[{ column_name: 'id', nulls_first: 1 }], /"order_by\[0\]\.nulls_first" must be a boolean/],
    ];
    for (const [orderBy, pattern] of cases) {
      const r = await raw(emu.url, '/v1/table/vecs/query/', { apiKey: SECRET, body: { vector: [], k: 5, order_by: orderBy } });
      assert.equal(r.status, 400, `${JSON.stringify(orderBy)}: ${r.text}`);
      assert.match(r.text, pattern);
    }
    await assert.rejects(() => table.query().orderBy({ columnName: 'no_such_col' }).toArray(), (err) => /400/.test(err.message) && /no_such_col/.test(err.message));
    await stillServing();
  });

  test('a wrong vector length gets 400 (query and insert)', async () => {
    await assert.rejects(() => table.vectorSearch([1, 2, 3]).limit(1).toArray(), /400/);
    const r = await raw(emu.url, '/v1/table/vecs/insert/', { apiKey: SECRET, body: vectorStream([{ id: 9, vector: [1, 2, 3] }], 3) });
    assert.equal(r.status, 400, r.text);
    assert.ok(r.text.length > 0);
    await stillServing();
  });

  test('creating an existing table gets 400 "already exists" and a bad mode gets 400', async () => {
    const stream = vectorStream([{ id: 1, vector: [1, 2, 3, 4] }], 4);
    const exists = await raw(emu.url, '/v1/table/vecs/create/?mode=create', { apiKey: SECRET, body: stream });
    assert.equal(exists.status, 400);
    assert.match(exists.text, /already exists/);
    const bad = await raw(emu.url, '/v1/table/vecs/create/?mode=sideways', { apiKey: SECRET, body: stream });
    assert.equal(bad.status, 400);
  });

  test('a malformed percent-encoded table name gets 400', async () => {
    const r = await raw(emu.url, '/v1/table/bad%E0%A4%A/describe/', { apiKey: SECRET });
    assert.equal(r.status, 400, r.text);
    assert.match(r.text, /percent-encoding/);
  });

  test('an unknown endpoint gets 404 and a wrong method 405', async () => {
    assert.equal((await raw(emu.url, '/v1/nothing/here', { apiKey: SECRET, method: 'GET' })).status, 404);
    assert.equal((await raw(emu.url, '/v1/table/vecs/query/', { apiKey: SECRET, method: 'GET' })).status, 405);
  });

  test('junk bodies on every table endpoint get 4xx, never 500', async () => {
    await db.createTable('junk', [{ id: 1, vector: [1, 2, 3, 4] }]);
    const endpoints = ['describe', 'query', 'count_rows', 'insert', 'merge_insert', 'update', 'delete', 'create_index',
      'index/list', 'index/x/stats', 'version/list', 'restore', 'add_columns', 'alter_columns', 'drop_columns', 'stats', 'rename'];
    const junk = ['[]', '"text"', '42', '{"vector":"x","k":-1}', '{"vector":[[1,2],[3]],"k":1}', '{"vector":[],"columns":5}',
      '{"vector":[],"k":1,"full_text_query":{"query":{"match":{}}}}', '{"updates":[[1,2]]}', '{"predicate":"id >"}',
      '{"new_columns":[{"name":1}]}', '{"alterations":[{"path":"id","data_type":{"type":"nonsense"}}]}', '{"columns":["nope"]}',
      '{"column":"nope","index_type":"IVF_PQ"}', '{"column":"id","index_type":"MAGIC"}', '{"version":999}', '{"new_table_name":"../x"}'];
    for (const endpoint of endpoints) {
      for (const body of junk) {
        const r = await raw(emu.url, `/v1/table/junk/${endpoint}/?on=nope`, { apiKey: SECRET, body, headers: { 'content-type': 'application/json' } });
        assert.ok(r.status >= 200 && r.status < 500, `${endpoint} ${body} -> ${r.status} ${r.text}`);
      }
    }
    assert.equal(await (await db.openTable('junk')).countRows(), 1, 'junk changed nothing');
  });

  test('no bad request above made the emulator answer 500 or stop', async () => {
    assert.doesNotMatch(emu.stderr.join(''), /"status":5\d\d/);
    assert.equal(emu.proc.exitCode, null);
    await stillServing();
  });
});

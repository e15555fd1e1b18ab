// Strictness (README "Strictness"): each request LanceDB Cloud refuses is refused here too, with 400 and a message
// naming the header or field and what is expected; nothing of a refused request is written. Everything the official
// client sends (bodiless describe/drop/drop_index, count_rows {"version":null}, plain queries with vector [] and
// k = i64::MAX, …) stays accepted: the last suite runs the client and finds no 4xx in the request log.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Index } from '@lancedb/lancedb';
import { startEmulator, connectRemote, tempDir, removeDir } from './helpers/emulator.mjs';
import { raw, vectorStream } from './helpers/raw.mjs';

const T = '/v1/table/vecs';
const I64_MAX = '9223372036854775807';
const rows = [{ id: 1, vector: [1, 2, 3, 4], text: 'a cat' }, { id: 2, vector: [4, 3, 2, 1], text: 'a dog' }];
const upload = () => vectorStream([{ id: 9, vector: [9, 9, 9, 9] }], 4);
const json = (text) => ({ body: text, contentType: 'application/json' });

// [rule, path, raw() options, expected message]; each is one test and must answer 400 with that message.
const REFUSED = [
  // HTTP: bodies and their media types
  ['a JSON body without Content-Type', `${T}/count_rows/`, { body: { version: null }, contentType: null },
    /Content-Type must be application\/json for a JSON request body, got none/],
  ['a JSON body labelled text/plain', `${T}/count_rows/`, { body: { version: null }, contentType: 'text/plain' },
    /Content-Type must be application\/json for a JSON request body, got 'text\/plain'/],
  ['a JSON body labelled application/x-www-form-urlencoded', `${T}/delete/`, { body: { predicate: 'id = 1' }, contentType: 'application/x-www-form-urlencoded' },
    /Content-Type must be application\/json .*got 'application\/x-www-form-urlencoded'/],
  ['a body that is not JSON', `${T}/count_rows/`, json('{"version": '), /malformed JSON body/],
  ['a JSON body that is not an object', `${T}/count_rows/`, json('[1, 2]'), /JSON body must be an object/],
  // query (protocol §5.4)
  ['a query without "k"', `${T}/query/`, { body: { vector: [], prefilter: true, version: null } }, /query: "k" is required .*got none/],
  ['a query with "k": null', `${T}/query/`, { body: { vector: [], k: null } }, /query: "k" is required .*got null/],
  ['a query with a negative "k"', `${T}/query/`, { body: { vector: [], k: -1 } }, /query: "k" must be a non-negative integer, got -1/],
  ['a query with a fractional "k"', `${T}/query/`, { body: { vector: [], k: 2.5 } }, /query: "k" must be a non-negative integer, got 2.5/],
  ['a query with "k" as a string', `${T}/query/`, { body: { vector: [], k: '10' } }, /query: "k" must be a non-negative integer, got "10"/],
  ['a query with "k" above i64::MAX (usize::MAX)', `${T}/query/`, json('{"vector":[],"k":18446744073709551615}'),
    /query: "k" must be at most 9223372036854775807/],
  ['a query without "vector"', `${T}/query/`, { body: { k: 5 } }, /query: "vector" is required: .*\[\] for a query without one .*got none/],
  ['a query with "vector": null', `${T}/query/`, { body: { k: 5, vector: null } }, /query: "vector" is required: .*never null\), got null/],
  ['a query with "vector" not an array of numbers', `${T}/query/`, { body: { k: 5, vector: ['1', '2', '3', '4'] } }, /vector must be an array of numbers/],
  ['a query with "prefilter" not a boolean', `${T}/query/`, { body: { k: 5, vector: [], prefilter: 'yes' } }, /query: "prefilter" must be true or false, got "yes"/],
  ['a query with "with_row_id" not a boolean', `${T}/query/`, { body: { k: 5, vector: [], with_row_id: 'true' } }, /query: "with_row_id" must be true or false, got "true"/],
  ['a query with "fast_search" not a boolean', `${T}/query/`, { body: { k: 5, vector: [1, 2, 3, 4], fast_search: 1 } }, /query: "fast_search" must be true or false, got 1/],
  ['a query with "bypass_vector_index" not a boolean', `${T}/query/`, { body: { k: 5, vector: [1, 2, 3, 4], bypass_vector_index: 0 } }, /query: "bypass_vector_index" must be true or false, got 0/],
  ['a query with an unknown "distance_type"', `${T}/query/`, { body: { k: 5, vector: [1, 2, 3, 4], distance_type: 'manhattan' } },
    /query: "distance_type" must be one of l2, cosine, dot, hamming \(lower case\), got "manhattan"/],
  ['a query with an upper-case "distance_type"', `${T}/query/`, { body: { k: 5, vector: [1, 2, 3, 4], distance_type: 'L2' } },
    /query: "distance_type" must be one of l2, cosine, dot, hamming \(lower case\), got "L2"/],
  ['a query with "nprobes" 0', `${T}/query/`, { body: { k: 5, vector: [1, 2, 3, 4], nprobes: 0 } }, /"nprobes" must be an integer >= 1, got 0/],
  ['a query with "refine_factor" 0', `${T}/query/`, { body: { k: 5, vector: [1, 2, 3, 4], refine_factor: 0 } }, /"refine_factor" must be an integer >= 1, got 0/],
  ['a query with "ef" 0', `${T}/query/`, { body: { k: 5, vector: [1, 2, 3, 4], ef: 0 } }, /"ef" must be an integer >= 1, got 0/],
  ['a query with a negative "offset"', `${T}/query/`, { body: { k: 5, vector: [], offset: -1 } }, /"offset" must be an integer >= 0, got -1/],
  ['a query with "lower_bound" not a number', `${T}/query/`, { body: { k: 5, vector: [1, 2, 3, 4], lower_bound: 'near' } }, /"lower_bound" must be a number or null/],
  ['a query with "filter" not a string', `${T}/query/`, { body: { k: 5, vector: [], filter: 1 } }, /field "filter" must be a string/],
  ['a query with "columns" neither a list nor a map', `${T}/query/`, { body: { k: 5, vector: [], columns: 'id' } }, /"columns" must be a list of names or an \{alias: expression\} object/],
  ['a query with "full_text_query.columns" not names', `${T}/query/`, { body: { k: 5, vector: [], full_text_query: { columns: [1], query: 'cat' } } },
    /query: "full_text_query.columns" must be a list of column names, got \[1\]/],
  ['a read with "version" 0', `${T}/query/`, { body: { k: 5, vector: [], version: 0 } }, /"version" must be a positive integer or null, got 0/],
  ['a read with "version" as a string', `${T}/count_rows/`, { body: { version: '1' } }, /"version" must be a positive integer or null, got "1"/],
  // other JSON bodies
  ['count_rows with "predicate" not a string', `${T}/count_rows/`, { body: { predicate: 5, version: null } }, /field "predicate" must be a string/],
  ['update with "updates" not [column, sql] pairs', `${T}/update/`, { body: { updates: [['text', 5]], predicate: null } }, /each entry of "updates" must be \[column, sql_expression\]/],
  ['delete without "predicate"', `${T}/delete/`, { body: {} }, /missing required field "predicate"/],
  ['create_index with "replace" not a boolean', `${T}/create_index/`, { body: { column: 'id', index_type: 'BTREE', replace: 'yes' } },
    /create_index: "replace" must be true or false, got "yes"/],
  ['create_index with a fractional count', `${T}/create_index/`, { body: { column: 'vector', index_type: 'IVF_FLAT', num_partitions: 1, sample_rate: 1.5 } },
    /create_index: "sample_rate" must be a positive integer, got 1.5/],
  ['create_index with a count as a string', `${T}/create_index/`, { body: { column: 'vector', index_type: 'IVF_FLAT', num_partitions: '2' } },
    /create_index: "num_partitions" must be a positive integer, got "2"/],
  ['create_index with a zero count', `${T}/create_index/`, { body: { column: 'vector', index_type: 'IVF_FLAT', num_partitions: 0 } },
    /create_index: "num_partitions" must be a positive integer, got 0/],
  ['create_index with a negative count', `${T}/create_index/`, { body: { column: 'vector', index_type: 'IVF_PQ', num_partitions: 1, num_sub_vectors: -2 } },
    /create_index: "num_sub_vectors" must be a positive integer, got -2/],
  ['create_index with an upper-case "metric_type"', `${T}/create_index/`, { body: { column: 'vector', index_type: 'IVF_FLAT', num_partitions: 1, metric_type: 'COSINE' } },
    /create_index: "metric_type" must be one of l2, cosine, dot, hamming \(lower case\), got "COSINE"/],
  ['create_index with a full-text flag not a boolean', `${T}/create_index/`, { body: { column: 'text', index_type: 'FTS', with_position: 'no' } },
    /create_index: "with_position" must be true or false, got "no"/],
  ['create_index with "custom_stop_words" not a list of words', `${T}/create_index/`, { body: { column: 'text', index_type: 'FTS', custom_stop_words: 'the' } },
    /create_index: "custom_stop_words" must be a list of words, got "the"/],
  ['create_index with an unknown "index_type"', `${T}/create_index/`, { body: { column: 'id', index_type: 'MAGIC' } }, /index_type 'MAGIC' is not supported/],
  ['rename without "new_table_name"', `${T}/rename/`, { body: {} }, /missing required field "new_table_name"/],
  ['rename with "new_namespace" not a list', `${T}/rename/`, { body: { new_table_name: 'moved', new_namespace: 'ns' } },
    /rename: "new_namespace" must be a list of namespace names, got "ns"/],
  ['restore with "version" not an integer', `${T}/restore/`, { body: { version: 'latest' } }, /"version" must be a positive integer or null, got "latest"/],
  ['add_columns with an entry of the wrong shape', `${T}/add_columns/`, { body: { new_columns: [{ name: 'x' }] } }, /new_columns\[0\] must be \{"name": str, "expression": sql\}/],
  ['drop_columns with "columns" not names', `${T}/drop_columns/`, { body: { columns: [1] } }, /"columns" must be a non-empty list of names/],
  // query parameters
  ['insert with an unknown mode', `${T}/insert/?mode=upsert`, { body: upload() }, /mode must be append or overwrite, got 'upsert'/],
  ['merge_insert without "on"', `${T}/merge_insert/?when_not_matched_insert_all=true`, { body: upload() }, /exactly one "on" key column/],
  ['merge_insert with a flag not true/false', `${T}/merge_insert/?on=id&when_not_matched_insert_all=yes`, { body: upload() },
    /when_not_matched_insert_all must be true or false, got 'yes'/],
  ['create with an unknown mode', '/v1/table/fresh/create/?mode=replace', { body: upload() }, /mode must be create, overwrite or exist_ok, got 'replace'/],
  ['a table list with a negative limit', '/v1/table/?limit=-1', { method: 'GET' }, /limit must be a non-negative integer, got '-1'/],
];

// Routes whose official client always sends a JSON body (bodiless ones: describe, drop, index drop, version/list, stats).
const JSON_BODY_ROUTES = ['query', 'count_rows', 'update', 'delete', 'rename', 'create_index', 'index/list', 'index/id_idx/stats',
  'restore', 'add_columns', 'alter_columns', 'drop_columns'];
// Routes whose body is an Arrow IPC stream.
const UPLOAD_ROUTES = ['/v1/table/fresh/create/?mode=create', `${T}/insert/`, `${T}/merge_insert/?on=id&when_not_matched_insert_all=true`];

describe('strictness: requests LanceDB Cloud refuses get 400 naming what is wrong', () => {
  let dir; let emu; let table; let versionBefore;
  before(async () => {
    dir = await tempDir();
    emu = await startEmulator({ data: dir });
    const db = await connectRemote(emu.url);
    table = await db.createTable('vecs', rows);
    await table.createIndex('id', { config: Index.btree(), name: 'id_idx' });
    versionBefore = await table.version();
  });
  after(async () => {
    await emu.stop();
    await removeDir(dir);
  });

  for (const [rule, path, options, message] of REFUSED) {
    test(`${rule} is refused`, async () => {
      const r = await raw(emu.url, path, options);
      assert.equal(r.status, 400, r.text);
      assert.match(r.text, message);
    });
  }

  test('a route that always carries a JSON body is refused without one', async () => {
    for (const route of JSON_BODY_ROUTES) {
      const r = await raw(emu.url, `${T}/${route}/`);
      assert.equal(r.status, 400, `${route}: ${r.text}`);
      assert.match(r.text, /a JSON request body is required \(Content-Type: application\/json\)/, route);
    }
  });

  test('an Arrow upload without Content-Type is refused', async () => {
    for (const path of UPLOAD_ROUTES) {
      const r = await raw(emu.url, path, { body: upload(), contentType: null });
      assert.equal(r.status, 400, `${path}: ${r.text}`);
      assert.match(r.text, /Content-Type must be application\/vnd\.apache\.arrow\.stream for an Arrow upload, got none/, path);
    }
  });

  test('an Arrow upload labelled application/octet-stream or application/json is refused', async () => {
    for (const path of UPLOAD_ROUTES) {
      for (const type of ['application/octet-stream', 'application/json']) {
        const r = await raw(emu.url, path, { body: upload(), contentType: type });
        assert.equal(r.status, 400, `${path} ${type}: ${r.text}`);
        assert.match(r.text, new RegExp(`for an Arrow upload, got '${type.replace('/', '\\/')}'`), path);
      }
    }
  });

  test('an empty Arrow upload is refused', async () => {
    const r = await raw(emu.url, `${T}/insert/`, { body: new Uint8Array(0) });
    assert.equal(r.status, 400, r.text);
    assert.match(r.text, /invalid Arrow IPC data: empty request body/);
  });

  test('no refused request wrote anything', async () => {
    assert.equal(await table.version(), versionBefore, 'no new table version');
    assert.equal(await table.countRows(), rows.length);
    assert.deepEqual((await table.listIndices()).map((i) => i.name), ['id_idx']);
    const list = await raw(emu.url, '/v1/table/', { method: 'GET' });
    assert.deepEqual(JSON.parse(list.text).tables, ['vecs'], 'no table created or renamed');
  });
});

describe('strictness: what the official client sends stays accepted', () => {
  let dir; let emu; let db;
  before(async () => {
    dir = await tempDir();
    emu = await startEmulator({ data: dir, args: ['--log-requests'] });
    db = await connectRemote(emu.url);
    await db.createTable('vecs', rows);
  });
  after(async () => {
    await emu.stop();
    await removeDir(dir);
  });

  test('count_rows {"version":null} and a plain query with "vector": [] and k = i64::MAX are accepted', async () => {
    const count = await raw(emu.url, `${T}/count_rows/`, { body: { version: null } });
    assert.equal(count.status, 200, count.text);
    assert.equal(count.text, '2');
    const query = await raw(emu.url, `${T}/query/`, json(`{"k":${I64_MAX},"prefilter":true,"vector":[],"version":null}`));
    assert.equal(query.status, 200, query.text);
  });

  test('"k": 0 is accepted (the client sends it for limit(0))', async () => {
    const r = await raw(emu.url, `${T}/query/`, { body: { k: 0, prefilter: true, vector: [], version: null } });
    assert.equal(r.status, 200, r.text);
  });

  test('Content-Type matches without regard to case or parameters', async () => {
    for (const type of ['application/json; charset=utf-8', 'Application/JSON']) {
      const r = await raw(emu.url, `${T}/count_rows/`, { body: { version: null }, contentType: type });
      assert.equal(r.status, 200, `${type}: ${r.text}`);
    }
    const r = await raw(emu.url, `${T}/insert/`, { body: upload(), contentType: 'Application/Vnd.Apache.Arrow.Stream; charset=binary' });
    assert.equal(r.status, 200, r.text);
  });

  test('the bodiless POSTs are accepted: describe, version/list, stats, index drop, drop', async () => {
    await (await db.openTable('vecs')).createIndex('id', { config: Index.btree(), name: 'id_idx' });
    for (const route of ['describe', 'version/list', 'stats', 'index/id_idx/drop', 'drop']) {
      const r = await raw(emu.url, `${T}/${route}/`);
      assert.equal(r.status, 200, `${route}: ${r.text}`);
    }
  });

  test('every request of the official client passes the checks (no 4xx in the request log)', async () => {
    const t = await db.createTable('client', rows);
    const vector = [1, 2, 3, 4];
    await (await db.openTable('client')).schema();
    await t.add([{ id: 3, vector: [1, 1, 1, 1], text: 'a bird' }]);
    await t.add([{ id: 4, vector: [2, 2, 2, 2], text: 'a fish' }], { mode: 'overwrite' });
    await t.add(rows);
    await t.mergeInsert('id').whenMatchedUpdateAll().whenNotMatchedInsertAll().execute([{ id: 5, vector, text: 'an ox' }]);
    await t.update({ values: { text: 'a cow' }, where: 'id = 5' });
    await t.delete('id = 4');
    await t.countRows();
    await t.countRows('id > 1');
    await t.query().where('id > 0').select(['id']).limit(2).toArray();
    await t.query().select({ twice: 'id * 2' }).offset(1).toArray();
    await t.query().orderBy([{ columnName: 'id', ascending: false }]).toArray();
    await t.query().limit(0).toArray();
    await t.vectorSearch(vector).distanceType('cosine').nprobes(2).refineFactor(2).ef(10).limit(1).toArray();
    await t.vectorSearch(vector).where('id > 1').postfilter().withRowId().fastSearch().bypassVectorIndex().column('vector').distanceRange(0, 100).toArray();
    await t.createIndex('id', { config: Index.btree(), name: 'id_idx', replace: false });
    await t.createIndex('text', { config: Index.fts({ withPosition: true }) });
    await t.createIndex('vector', { config: Index.ivfFlat({ numPartitions: 1, distanceType: 'dot' }) });
    await t.search('cow', 'fts').limit(1).toArray();
    await t.query().fullTextSearch('cow').nearestTo(vector).limit(2).toArray();
    await t.listIndices();
    await t.indexStats('id_idx');
    await t.dropIndex('id_idx');
    await t.addColumns([{ name: 'twice', valueSql: 'id * 2' }]);
    await t.alterColumns([{ path: 'twice', rename: 'double', nullable: true }]);
    await t.dropColumns(['double']);
    const versions = await t.listVersions();
    await t.checkout(versions[0].version);
    await t.restore();
    await t.stats();
    await db.tableNames({ limit: 1 });
    await db.renameTable('client', 'renamed');
    await db.dropTable('renamed');
    const refused = emu.stderr.join('').split('\n').filter((line) => /"status":4\d\d/.test(line));
    assert.deepEqual(refused, []);
  });
});

// Conformance, reads: POST /v1/table/{t}/query/ in every shape the client sends (plain scans, vector
// search options, full-text and hybrid search); answers are Arrow IPC files. Every full-text query kind and the
// legacy full-text shape: conformance-fts.test.mjs.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { Index } from '@lancedb/lancedb';
import { conformanceFixture, plainTable, sampleRows } from './helpers/conformance.mjs';
import { articleSchema } from './helpers/schema.mjs';

const Q = [0.5, 0.5, 0.1, 0.9];

describe('conformance: query', () => {
  const ctx = conformanceFixture();
  const same = (fn) => ctx.same(async (db) => plainTable(await fn(await db.openTable('docs')).toArrow()));

  before(async () => {
    await ctx.both(async (db) => {
      const t = await db.createTable('docs', sampleRows(256), { schema: articleSchema() });
      await t.createIndex('text', { config: Index.fts() });
      // A nullable column with nulls in it, for order_by's nulls_first.
      await db.createTable('sparse', sampleRows(24).map((r) => ({ ...r, score: r.id % 5 === 0 ? null : r.score })), { schema: articleSchema() });
    });
  });

  test('plain filtered scan (vector: []) with a column list', async () => {
    const r = await same((t) => t.query().where('id < 7 AND score > 2').select(['id', 'text']));
    assert.ok(r.rows.length > 0);
  });

  test('plain scan with columns as {alias: expression}', async () => {
    const r = await same((t) => t.query().select({ double_id: 'id * 2', upper: 'upper(text)' }).limit(5));
    assert.deepEqual(Object.keys(r.rows[0]), ['double_id', 'upper']);
  });

  test('plain scan with limit and offset', async () => {
    const r = await same((t) => t.query().limit(4).offset(10).select(['id']));
    assert.deepEqual(r.rows.map((x) => x.id), [10, 11, 12, 13]);
  });

  test('plain filtered scan ordered by a string column ascending, with limit and offset (order_by)', async () => {
    const r = await same((t) => t.query().where('id < 40').orderBy({ columnName: 'text' }).limit(5).offset(3).select(['id', 'text']));
    const texts = r.rows.map((x) => x.text);
    assert.equal(texts.length, 5);
    assert.deepEqual(texts, [...texts].sort());
  });

  test('plain scan ordered descending', async () => {
    const r = await same((t) => t.query().orderBy({ columnName: 'id', ascending: false }).limit(4).select(['id']));
    assert.deepEqual(r.rows.map((x) => x.id), [255, 254, 253, 252]);
  });

  test('plain scan ordered by two columns (string descending, then int ascending)', async () => {
    const r = await same((t) => t.query().where('id < 16').orderBy([{ columnName: 'category', ascending: false }, { columnName: 'id' }]).select(['id', 'category']));
    assert.deepEqual(r.rows.slice(0, 5), [
      { id: 2, category: 'gamma' }, { id: 6, category: 'gamma' }, { id: 10, category: 'gamma' }, { id: 14, category: 'gamma' },
      { id: 3, category: 'delta' },
    ]);
  });

  test('plain scan ordered over a nullable column, nulls first and nulls last', async () => {
    const sparse = (fn) => ctx.same(async (db) => plainTable(await fn(await db.openTable('sparse')).toArrow()));
    const first = await sparse((t) => t.query().orderBy([{ columnName: 'score', nullsFirst: true }, { columnName: 'id' }]).select(['id', 'score']));
    assert.deepEqual(first.rows.slice(0, 5).map((x) => x.id), [0, 5, 10, 15, 20]);
    assert.ok(first.rows.slice(0, 5).every((x) => x.score === null));
    const last = await sparse((t) => t.query().orderBy([{ columnName: 'score', ascending: false, nullsFirst: false }, { columnName: 'id' }]).select(['id', 'score']));
    assert.deepEqual(last.rows.slice(-5).map((x) => x.id), [0, 5, 10, 15, 20]);
    assert.equal(last.rows[0].score, 9);
  });

  test('vector search with k and a prefilter (default)', async () => {
    const r = await same((t) => t.vectorSearch(Q).where('score >= 5').limit(5));
    assert.equal(r.rows.length, 5);
    assert.ok(r.rows.every((x) => x.score >= 5 && typeof x._distance === 'number'));
  });

  test('vector search with a postfilter (prefilter: false)', async () => {
    await same((t) => t.vectorSearch(Q).where('score >= 5').postfilter().limit(8));
  });

  test('vector search with distance_type cosine and dot', async () => {
    await same((t) => t.vectorSearch(Q).distanceType('cosine').limit(5).select(['id']));
    await same((t) => t.vectorSearch(Q).distanceType('dot').limit(5).select(['id']));
  });

  test('vector search with offset and with_row_id (adds _rowid)', async () => {
    const r = await same((t) => t.vectorSearch(Q).limit(3).offset(2).withRowId().select(['id']));
    assert.ok(r.schema.fields.some((f) => f.name === '_rowid'));
  });

  test('vector search with a distance range (lower_bound / upper_bound)', async () => {
    const r = await same((t) => t.vectorSearch(Q).distanceRange(0.2, 1.5).limit(20).select(['id']));
    assert.ok(r.rows.length > 0 && r.rows.every((x) => x._distance >= 0.2 && x._distance < 1.5));
  });

  test('vector search with several query vectors (one body from server 0.2.0, query_index)', async () => {
    // Groups come back in either order (the embedded engine runs them in parallel): compare sorted.
    const r = await ctx.same(async (db) => {
      const result = plainTable(await (await db.openTable('docs')).query().nearestTo(Q).addQueryVector([0.1, 0.9, 0.5, 0.2]).limit(3).select(['id']).toArrow());
      result.rows.sort((a, b) => a.query_index - b.query_index || a._distance - b._distance);
      return result;
    });
    assert.equal(r.rows.length, 6);
    assert.deepEqual([...new Set(r.rows.map((x) => x.query_index))].sort(), [0, 1]);
  });

  test('vector search naming vector_column explicitly', async () => {
    await same((t) => t.vectorSearch(Q).column('vector').limit(4).select(['id', 'text']));
  });

  test('vector search with fast_search and bypass_vector_index', async () => {
    await same((t) => t.vectorSearch(Q).fastSearch().limit(4).select(['id']));
    await same((t) => t.vectorSearch(Q).bypassVectorIndex().limit(4).select(['id']));
  });

  test('vector search with nprobes and refine_factor over an IVF_PQ index', async () => {
    await ctx.both(async (db) => {
      const t = await db.openTable('docs');
      await t.createIndex('vector', { config: Index.ivfPq({ numPartitions: 2, numSubVectors: 2 }) });
    });
    // All partitions probed and refine_factor * k >= rows: the answer is exact, whatever k-means drew.
    const r = await same((t) => t.vectorSearch(Q).nprobes(2).refineFactor(60).limit(5).select(['id']));
    assert.equal(r.rows.length, 5);
  });

  test('full-text search (a string query; structured at the default server version, see conformance-fts) once an FTS index exists', async () => {
    const r = await same((t) => t.search('cats', 'fts').limit(5).select(['id', 'text']));
    assert.ok(r.rows.length > 0 && r.rows.every((x) => x.text.includes('cats')));
    assert.ok(r.schema.fields.some((f) => f.name === '_score'));
    await same((t) => t.query().fullTextSearch('dogs', { columns: ['text'] }).where('id > 20').limit(3));
  });

  test('hybrid search (FTS + vector requests, reranked by the client)', async () => {
    // Same rows, order and relevance; BM25 _score may differ in the last float32 digit between the
    // embedded hybrid path and the two remote requests.
    // Rows with equal RRF relevance may come in either order: compare sorted by (relevance, id).
    const r = await ctx.close(async (db) => {
      const result = plainTable(await (await db.openTable('docs')).query().fullTextSearch('gamma').nearestTo(Q).limit(5).select(['id', 'text']).toArrow());
      result.rows.sort((a, b) => b._relevance_score - a._relevance_score || a.id - b.id);
      return result;
    });
    assert.ok(r.rows.length > 0);
  });
});

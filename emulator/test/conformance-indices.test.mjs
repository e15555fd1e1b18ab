// Conformance, indices: create_index (vector, scalar, FTS kinds), index/list, index/{n}/stats, index/{n}/drop.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { Index } from '@lancedb/lancedb';
import { conformanceFixture, sampleRows } from './helpers/conformance.mjs';
import { articleSchema } from './helpers/schema.mjs';

const byName = (list) => [...list].sort((a, b) => a.name.localeCompare(b.name));

/** Index list without what differs between any two builds (uuid, creation time, HNSW graph size). */
const stable = (list) => byName(list).map(({ indexUuid, createdAt, sizeBytes, ...rest }) => {
  assert.ok(indexUuid && createdAt && sizeBytes > 0, `index ${rest.name} carries uuid, creation time and size`);
  return rest;
});

describe('conformance: indices', () => {
  const ctx = conformanceFixture();
  const onDocs = (fn) => ctx.same(async (db) => fn(await db.openTable('docs')));

  before(async () => {
    await ctx.both((db) => db.createTable('docs', sampleRows(300), { schema: articleSchema() }));
  });

  test('create_index IVF_PQ on the vector column, with index stats', async () => {
    const stats = await onDocs(async (t) => {
      await t.createIndex('vector', { config: Index.ivfPq({ numPartitions: 2, numSubVectors: 2, distanceType: 'cosine' }) });
      return t.indexStats('vector_idx');
    });
    assert.equal(stats.indexType, 'IVF_PQ');
    assert.equal(stats.numIndexedRows, 300);
  });

  test('create_index IVF_FLAT and IVF_HNSW_SQ (replace, custom name)', async () => {
    await onDocs(async (t) => {
      await t.createIndex('vector', { config: Index.ivfFlat({ numPartitions: 2, distanceType: 'l2' }), name: 'flat_idx' });
      const flat = await t.indexStats('flat_idx');
      await t.dropIndex('flat_idx');
      await t.createIndex('vector', { config: Index.hnswSq({ numPartitions: 1, distanceType: 'dot' }), name: 'hnsw_idx' });
      return { flat, hnsw: await t.indexStats('hnsw_idx') };
    });
  });

  test('create_index BTREE, BITMAP and LABEL_LIST scalar indices', async () => {
    await onDocs(async (t) => {
      await t.createIndex('id', { config: Index.btree() });
      await t.createIndex('category', { config: Index.bitmap() });
      await t.createIndex('tags', { config: Index.labelList() });
      return {
        btree: await t.indexStats('id_idx'),
        bitmap: await t.indexStats('category_idx'),
        labels: await t.indexStats('tags_idx'),
        filtered: await t.countRows("array_has_any(tags, ['alpha']) AND id < 100"),
      };
    });
  });

  test('create_index FTS with tokenizer options', async () => {
    await onDocs(async (t) => {
      await t.createIndex('text', { config: Index.fts({ withPosition: true, stem: false, removeStopWords: false }) });
      return { stats: await t.indexStats('text_idx'), hits: (await t.search('"document 12"', 'fts').select(['id']).toArray()).map((r) => r.id) };
    });
  });

  test('index/list returns every index with its type and columns', async () => {
    const list = await onDocs(async (t) => stable(await t.listIndices()));
    assert.deepEqual(list.map((i) => i.name), ['category_idx', 'hnsw_idx', 'id_idx', 'tags_idx', 'text_idx', 'vector_idx']);
  });

  test('index stats of a missing index is absent (404 on the wire)', async () => {
    const missing = await onDocs((t) => t.indexStats('no_such_idx'));
    assert.equal(missing, undefined);
  });

  test('index/{name}/drop removes the index; dropping it again fails', async () => {
    await onDocs(async (t) => {
      await t.dropIndex('category_idx');
      return byName(await t.listIndices()).map((i) => i.name);
    });
    await ctx.bothReject(async (db) => (await db.openTable('docs')).dropIndex('category_idx'), /not found|does not exist/i);
  });
});

describe('conformance: full-text search and index readiness', () => {
  const ctx = conformanceFixture();

  before(async () => {
    await ctx.both((db) => db.createTable('plain', sampleRows(40), { schema: articleSchema() }));
  });

  test('a full-text search naming no column on a table without an FTS index is refused with the engine\'s marker', async () => {
    // LanceOrm maps this refusal (stable phrase "INVERTED index") to IndexNotFoundException.
    await ctx.bothReject(async (db) => (await db.openTable('plain')).search('document', 'fts').toArray(), /unless an INVERTED index has been created/);
  });

  test('a created FTS index is listed and its stats report no unindexed rows (what wait_for_index polls)', async () => {
    const stats = await ctx.same(async (db) => {
      const t = await db.openTable('plain');
      await t.createIndex('text', { config: Index.fts({ withPosition: true, asciiFolding: true, lowercase: true }) });
      const listed = (await t.listIndices()).map((i) => `${i.name}:${i.indexType}:${i.columns.join(',')}`);
      const s = await t.indexStats('text_idx');
      return { listed, indexed: s.numIndexedRows, unindexed: s.numUnindexedRows };
    });
    assert.deepEqual(stats, { listed: ['text_idx:FTS:text'], indexed: 40, unindexed: 0 });
  });
});


// Conformance: table versions (version/list, checkout, restore), schema evolution (add/alter/drop
// columns) and table stats.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { conformanceFixture, plainSchema, plainTable, sampleRows } from './helpers/conformance.mjs';
import { articleSchema } from './helpers/schema.mjs';
import { arrow } from '../src/arrow.mjs';

const { FixedSizeList, Field, Float16 } = arrow;

describe('conformance: versions, schema evolution, stats', () => {
  const ctx = conformanceFixture();
  const onDocs = (fn) => ctx.same(async (db) => fn(await db.openTable('docs')));

  before(async () => {
    await ctx.both(async (db) => {
      const t = await db.createTable('docs', sampleRows(10), { schema: articleSchema() }); // v1
      await t.add(sampleRows(5, 10)); // v2
      await t.delete('id < 3'); // v3
    });
  });

  test('version/list returns every version with its metadata', async () => {
    const versions = await onDocs(async (t) => (await t.listVersions()).map(({ timestamp, ...rest }) => {
      assert.ok(timestamp instanceof Date && !Number.isNaN(timestamp.getTime()), 'timestamp is a date');
      const { total_files_size: size, ...metadata } = rest.metadata; // file sizes embed per-file UUIDs
      assert.ok(Number(size) > 0);
      return { ...rest, metadata };
    }));
    assert.deepEqual(versions.map((v) => v.version), [1, 2, 3]);
  });

  test('checkout of an older version reads it (describe and query carry "version")', async () => {
    await onDocs(async (t) => {
      await t.checkout(2);
      const old = { version: await t.version(), count: await t.countRows(), rows: plainTable(await t.query().select(['id']).toArrow()) };
      await t.checkoutLatest();
      return { old, latest: await t.countRows() };
    });
  });

  test('restore makes an older version the latest (POST /v1/table/{t}/restore/)', async () => {
    const r = await onDocs(async (t) => {
      await t.checkout(1);
      await t.restore();
      return { version: await t.version(), count: await t.countRows() };
    });
    assert.deepEqual(r, { version: 4, count: 10 });
  });

  test('restore without a checked-out version is refused', async () => {
    await ctx.bothReject(async (db) => (await db.openTable('docs')).restore(), /must run checkout before running restore/);
  });

  test('add_columns with SQL expressions', async () => {
    await onDocs(async (t) => {
      const result = await t.addColumns([{ name: 'id_x2', valueSql: 'id * 2' }, { name: 'label', valueSql: "concat('doc-', CAST(id AS VARCHAR))" }]);
      return { result, schema: plainSchema(await t.schema()), rows: plainTable(await t.query().select(['id', 'id_x2', 'label']).limit(3).toArrow()) };
    });
  });

  test('alter_columns renames, changes type and nullability', async () => {
    await onDocs(async (t) => {
      const a = await t.alterColumns([{ path: 'id_x2', rename: 'double_id', dataType: 'int64' }]);
      const b = await t.alterColumns([{ path: 'id', nullable: true }]);
      return { a, b, schema: plainSchema(await t.schema()) };
    });
  });

  test('drop_columns removes columns', async () => {
    await onDocs(async (t) => {
      const result = await t.dropColumns(['label', 'double_id']);
      return { result, schema: plainSchema(await t.schema()) };
    });
  });

  // Rules LanceOrm's migration relies on (src/LanceOrm/Migration): typed NULL columns, IS NULL on a vector column,
  // relaxing nullability, casting a vector to half floats, and upserts whose columns come in another order than the table's.
  test('add_columns with arrow_cast(NULL, type) adds nullable columns of exactly that type, a vector one included', async () => {
    const result = await ctx.same(async (db) => {
      const t = await db.createTable('evolve', sampleRows(6), { schema: articleSchema() });
      await t.addColumns([
        { name: 'pages', valueSql: "arrow_cast(NULL, 'Int32')" },
        { name: 'seen', valueSql: 'arrow_cast(NULL, \'Timestamp(Microsecond, Some("UTC"))\')' },
        { name: 'labels', valueSql: "arrow_cast(NULL, 'List(Utf8)')" },
        { name: 'copies', valueSql: "arrow_cast((1), 'Int64')" },
        { name: 'text_vector', valueSql: "arrow_cast(NULL, 'FixedSizeList(4, Float32)')" },
      ]);
      return { schema: plainSchema(await t.schema()), nullVectors: await t.countRows('text_vector IS NULL'), copies: await t.countRows('copies = 1') };
    });
    assert.deepEqual(result.schema.fields.slice(-5).map((f) => [f.name, f.type, f.nullable]), [
      ['pages', 'Int32', true], ['seen', 'Timestamp<MICROSECOND, UTC>', true], ['labels', 'List<Utf8>', true],
      ['copies', 'Int64', false], ['text_vector', 'FixedSizeList[4]<Float32>', true],
    ]);
    assert.deepEqual([result.nullVectors, result.copies], [6, 6]);
  });

  test('a vector column filtered IS NULL pages through the rows an upsert has not filled yet', async () => {
    const left = await ctx.same(async (db) => {
      const t = await db.openTable('evolve');
      const page = await t.query().where('text_vector IS NULL AND text IS NOT NULL').limit(4).toArray();
      // The rows come back with their columns in another order than the table's (new columns last there, first here).
      const rows = page.map((r) => ({ text_vector: [1, 2, 3, 4], copies: 2, ...Object.fromEntries(Object.entries(r.toJSON()).filter(([k]) => k !== 'text_vector' && k !== 'copies')) }));
      await t.mergeInsert('id').whenMatchedUpdateAll().whenNotMatchedInsertAll().execute(rows.map((r) => ({ ...r, vector: Array.from(r.vector), tags: Array.from(r.tags ?? []) })));
      return { left: await t.countRows('text_vector IS NULL'), rows: await t.countRows(), updated: await t.countRows('copies = 2') };
    });
    assert.deepEqual(left, { left: 2, rows: 6, updated: 4 });
  });

  test('alter_columns relaxes nullability and casts a vector to half floats', async () => {
    const schema = await ctx.same(async (db) => {
      const t = await db.openTable('evolve');
      await t.alterColumns([{ path: 'id', nullable: true }, { path: 'text_vector', dataType: new FixedSizeList(4, new Field('item', new Float16(), true)) }]);
      return plainSchema(await t.schema());
    });
    assert.deepEqual(schema.fields.filter((f) => f.name === 'id' || f.name === 'text_vector').map((f) => [f.name, f.type, f.nullable]),
      [['id', 'Int32', true], ['text_vector', 'FixedSizeList[4]<Float16>', true]]);
  });

  test('stats reports rows, indices and fragment statistics', async () => {
    const stats = await onDocs(async (t) => {
      const { totalBytes, ...rest } = await t.stats(); // byte totals embed per-file UUIDs
      assert.ok(totalBytes > 0);
      return rest;
    });
    assert.equal(stats.numRows, 10);
  });
});

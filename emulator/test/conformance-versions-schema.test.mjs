// Conformance: table versions (version/list, checkout, restore), schema evolution (add/alter/drop
// columns) and table stats.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { conformanceFixture, plainSchema, plainTable, sampleRows } from './helpers/conformance.mjs';
import { articleSchema } from './helpers/schema.mjs';

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

  test('stats reports rows, indices and fragment statistics', async () => {
    const stats = await onDocs(async (t) => {
      const { totalBytes, ...rest } = await t.stats(); // byte totals embed per-file UUIDs
      assert.ok(totalBytes > 0);
      return rest;
    });
    assert.equal(stats.numRows, 10);
  });
});

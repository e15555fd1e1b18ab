// Conformance, data writes: insert (append / overwrite), merge_insert variants, update, delete, count_rows.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { conformanceFixture, plainTable, sampleRows } from './helpers/conformance.mjs';
import { articleSchema } from './helpers/schema.mjs';

const rowsOf = async (t) => plainTable(await t.query().toArrow()).rows.sort((a, b) => a.id - b.id);

describe('conformance: writes', () => {
  const ctx = conformanceFixture();
  const fresh = (name, n = 10) => ctx.both((db) => db.createTable(name, sampleRows(n), { schema: articleSchema(), mode: 'overwrite' }));

  test('insert appends rows (POST /v1/table/{t}/insert/, no mode)', async () => {
    await fresh('ins');
    await ctx.same(async (db) => {
      const t = await db.openTable('ins');
      const result = await t.add(sampleRows(5, 100));
      return { result, version: await t.version(), rows: await rowsOf(t) };
    });
  });

  test('insert with mode=overwrite replaces all rows', async () => {
    await ctx.same(async (db) => {
      const t = await db.openTable('ins');
      const result = await t.add(sampleRows(3, 200), { mode: 'overwrite' });
      return { result, rows: await rowsOf(t) };
    });
  });

  test('count_rows with and without a filter (bare integer answer)', async () => {
    await ctx.same(async (db) => {
      const t = await db.openTable('ins');
      return { all: await t.countRows(), filtered: await t.countRows('id >= 201'), none: await t.countRows('id < 0') };
    });
  });

  test('merge_insert upsert: when_matched_update_all + when_not_matched_insert_all', async () => {
    await fresh('merge');
    await ctx.same(async (db) => {
      const t = await db.openTable('merge');
      const input = [...sampleRows(3, 8).map((r) => ({ ...r, text: `updated ${r.id}` }))];
      const result = await t.mergeInsert('id').whenMatchedUpdateAll().whenNotMatchedInsertAll().execute(input);
      return { result: { ...result, numAttempts: undefined }, rows: await rowsOf(t) };
    });
  });

  test('merge_insert with when_matched_update_all_filt only updates matching rows', async () => {
    await ctx.same(async (db) => {
      const t = await db.openTable('merge');
      const input = sampleRows(4).map((r) => ({ ...r, text: `cond ${r.id}` }));
      const result = await t.mergeInsert('id').whenMatchedUpdateAll({ where: 'source.id >= 2' }).execute(input);
      return { result: { ...result, numAttempts: undefined }, rows: await rowsOf(t) };
    });
  });

  test('merge_insert insert-only (when_not_matched_insert_all) skips existing keys', async () => {
    await ctx.same(async (db) => {
      const t = await db.openTable('merge');
      const input = sampleRows(4, 9).map((r) => ({ ...r, text: `new ${r.id}` }));
      const result = await t.mergeInsert('id').whenNotMatchedInsertAll().execute(input);
      return { result: { ...result, numAttempts: undefined }, rows: await rowsOf(t) };
    });
  });

  test('merge_insert when_not_matched_by_source_delete with a filter', async () => {
    await ctx.same(async (db) => {
      const t = await db.openTable('merge');
      const input = sampleRows(2, 0);
      const result = await t.mergeInsert('id').whenMatchedUpdateAll().whenNotMatchedBySourceDelete({ where: 'id > 10' }).execute(input);
      return { result: { ...result, numAttempts: undefined }, rows: await rowsOf(t) };
    });
  });

  test('merge_insert when_not_matched_by_source_delete without a filter deletes everything else', async () => {
    await ctx.same(async (db) => {
      const t = await db.openTable('merge');
      const result = await t.mergeInsert('id').whenMatchedUpdateAll().whenNotMatchedInsertAll().whenNotMatchedBySourceDelete().execute(sampleRows(3, 1));
      return { result: { ...result, numAttempts: undefined }, rows: await rowsOf(t) };
    });
  });

  test('update with a predicate and SQL values (POST /v1/table/{t}/update/)', async () => {
    await fresh('upd');
    await ctx.same(async (db) => {
      const t = await db.openTable('upd');
      const a = await t.update({ where: 'id < 3', values: { text: 'small' } });
      const b = await t.update({ valuesSql: { score: 'score + 1' } });
      return { a, b, rows: await rowsOf(t) };
    });
  });

  test('delete with a predicate (POST /v1/table/{t}/delete/)', async () => {
    await ctx.same(async (db) => {
      const t = await db.openTable('upd');
      const result = await t.delete('id % 2 = 0');
      return { result, rows: await rowsOf(t) };
    });
  });

  test('concurrent inserts, updates and deletes on one table are all applied (per-table write lock)', async () => {
    await fresh('busy', 0);
    const remote = await ctx.remote.openTable('busy');
    const ops = [];
    for (let i = 0; i < 12; i++) ops.push(remote.add(sampleRows(5, i * 5)));
    await Promise.all(ops);
    await Promise.all([
      remote.update({ where: 'id < 10', values: { text: 'low' } }),
      remote.delete('id >= 55'),
      remote.update({ where: 'id >= 10 AND id < 20', values: { text: 'mid' } }),
      remote.add(sampleRows(1, 1000)),
    ]);
    assert.equal(await remote.countRows(), 56);
    assert.equal(await remote.countRows("text = 'low'"), 10);
    assert.equal(await remote.countRows("text = 'mid'"), 10);
  });
});

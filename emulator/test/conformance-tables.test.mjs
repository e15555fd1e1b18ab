// Conformance, database level: list tables, create (data / schema only / modes), describe, drop, rename.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { conformanceFixture, plain, plainSchema, plainTable, sampleRows } from './helpers/conformance.mjs';
import { articleSchema, EMBEDDING_METADATA } from './helpers/schema.mjs';
import { API_KEY } from './helpers/emulator.mjs';

describe('conformance: tables', () => {
  const ctx = conformanceFixture();

  test('create table with data (POST /v1/table/{t}/create/?mode=create, LZ4 Arrow stream)', async () => {
    await ctx.same(async (db) => {
      const t = await db.createTable('created', sampleRows(20), { schema: articleSchema() });
      return { name: t.name, schema: plainSchema(await t.schema()), rows: plainTable(await t.query().toArrow()) };
    });
  });

  test('create empty table from a schema keeps schema and field metadata (schema-only stream)', async () => {
    const remote = await ctx.same(async (db) => {
      const t = await db.createEmptyTable('empty', articleSchema({ embeddings: true }));
      return { schema: plainSchema(await t.schema()), count: await t.countRows() };
    });
    assert.equal(remote.schema.metadata.embedding_functions, EMBEDDING_METADATA);
    assert.equal(remote.count, 0);
  });

  test('create of an existing table fails with "already exists" (400)', async () => {
    await ctx.bothReject((db) => db.createTable('created', sampleRows(1), { schema: articleSchema() }), /already exists/);
  });

  test('create with mode=exist_ok opens the existing table', async () => {
    await ctx.same(async (db) => {
      const t = await db.createTable('created', sampleRows(1, 500), { schema: articleSchema(), existOk: true });
      return t.countRows();
    });
  });

  test('create with mode=overwrite replaces the table', async () => {
    await ctx.same(async (db) => {
      const t = await db.createTable('created', sampleRows(3, 100), { schema: articleSchema(), mode: 'overwrite' });
      return plainTable(await t.query().toArrow());
    });
  });

  test('describe: open table, schema and version (POST /v1/table/{t}/describe/)', async () => {
    await ctx.same(async (db) => {
      const t = await db.openTable('created');
      return { schema: plainSchema(await t.schema()), version: await t.version() };
    });
  });

  test('open of a missing table fails with "not found" (404)', async () => {
    await ctx.bothReject((db) => db.openTable('no_such_table').then((t) => t.schema()), /not found/i);
  });

  test('list tables (GET /v1/table/) with limit and page_token', async () => {
    await ctx.same(async (db) => {
      for (const n of ['list_a', 'list_b', 'list_c']) await db.createTable(n, sampleRows(1), { schema: articleSchema() });
      return {
        all: await db.tableNames(),
        firstTwo: await db.tableNames({ limit: 2 }),
        afterB: await db.tableNames({ startAfter: 'list_b' }),
        page: await db.tableNames({ startAfter: 'list_a', limit: 1 }),
      };
    });
  });

  test('list tables via the namespace route (GET /v1/namespace/$/table/list)', async () => {
    const headers = { 'x-api-key': API_KEY, 'x-lancedb-database': 'dev' };
    const res = await fetch(`${ctx.emulator.url}/v1/namespace/$/table/list?limit=1&page_token=list_a`, { headers });
    assert.equal(res.status, 200);
    const body = await res.json();
    const expected = (await ctx.local.tableNames()).filter((n) => n > 'list_a').slice(0, 1);
    assert.deepEqual(body.tables, expected);
    assert.equal(body.page_token, expected[0], 'more tables follow, so the page carries a token');
    const full = await (await fetch(`${ctx.emulator.url}/v1/namespace/$/table/list`, { headers })).json();
    assert.deepEqual(full, { tables: await ctx.local.tableNames() });
  });

  test('drop table (POST /v1/table/{t}/drop/), then dropping it again is "not found"', async () => {
    await ctx.same(async (db) => {
      await db.dropTable('list_c');
      return db.tableNames();
    });
    await ctx.bothReject((db) => db.dropTable('list_c'), /not found/i);
  });

  test('rename table (POST /v1/table/{t}/rename/) moves rows and schema to the new name', async () => {
    // Embedded connections cannot rename (a Cloud-only operation): compare with the table before renaming.
    const before = plainTable(await (await ctx.remote.openTable('list_b')).query().toArrow());
    await ctx.remote.renameTable('list_b', 'list_renamed');
    const names = await ctx.remote.tableNames();
    assert.ok(names.includes('list_renamed') && !names.includes('list_b'));
    assert.deepEqual(plainTable(await (await ctx.remote.openTable('list_renamed')).query().toArrow()), before);
    await assert.rejects(() => ctx.remote.renameTable('list_renamed', 'list_a'), /already exists/);
  });
});

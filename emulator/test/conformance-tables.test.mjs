// Conformance, database level: list tables, create (data / schema only / modes), describe, drop, rename.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { conformanceFixture, plain, plainSchema, plainTable, sampleRows } from './helpers/conformance.mjs';
import { articleSchema, EMBEDDING_METADATA } from './helpers/schema.mjs';
import { API_KEY } from './helpers/emulator.mjs';
import { arrow } from '../src/arrow.mjs';

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

  test('describe returns every column type LanceOrm maps to, exactly (JSON schema round trip)', async () => {
    const { Schema, Field, Utf8, Bool, Int8, Int16, Int32, Int64, Uint8, Uint16, Uint32, Uint64, Float32, Float64,
      Decimal, TimestampMicrosecond, TimestampMillisecond, DateDay, Binary, List, FixedSizeList, LargeUtf8, LargeBinary, Struct } = arrow;
    const schema = new Schema([
      new Field('s', new Utf8(), false), new Field('b', new Bool(), true),
      new Field('i8', new Int8(), true), new Field('i16', new Int16(), true), new Field('i32', new Int32(), true), new Field('i64', new Int64(), true),
      new Field('u8', new Uint8(), true), new Field('u16', new Uint16(), true), new Field('u32', new Uint32(), true), new Field('u64', new Uint64(), true),
      new Field('f32', new Float32(), true), new Field('f64', new Float64(), true),
      new Field('dec', new Decimal(9, 38, 128), true),
      new Field('ts_utc', new TimestampMicrosecond('UTC'), true), new Field('ts_ms', new TimestampMillisecond(), true),
      new Field('day', new DateDay(), true), new Field('bin', new Binary(), true),
      new Field('ls', new LargeUtf8(), true), new Field('lb', new LargeBinary(), true),
      new Field('tags', new List(new Field('item', new Utf8(), true)), true),
      new Field('vec', new FixedSizeList(384, new Field('item', new Float32(), true)), true),
      new Field('nested', new Struct([new Field('x', new Int32(), true), new Field('y', new Utf8(), true)]), true),
    ], new Map([['embedding_functions', EMBEDDING_METADATA]]));
    const remote = await ctx.same(async (db) => {
      const t = await db.createEmptyTable('all_types', schema);
      const opened = await db.openTable('all_types');
      return { created: plainSchema(await t.schema()), opened: plainSchema(await opened.schema()) };
    });
    assert.deepEqual(remote.opened.fields.map((f) => f.type), schema.fields.map((f) => String(f.type)));
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

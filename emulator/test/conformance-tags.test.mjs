// Conformance: tags (tags/list, tags/version, tags/create, tags/update, tags/delete), checkout by tag, checkout
// of a missing version, and index statistics at a checked-out version (protocol §5.9, §5.10).
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { Index } from '@lancedb/lancedb';
import { conformanceFixture, plainTable, sampleRows } from './helpers/conformance.mjs';
import { articleSchema } from './helpers/schema.mjs';

describe('conformance: tags and time travel', () => {
  const ctx = conformanceFixture();
  const onDocs = (fn) => ctx.same(async (db) => fn(await db.openTable('docs')));
  /** The tags as {name: version}; the manifest size is checked positive (it varies with file UUIDs). */
  const tagList = async (t) => {
    const list = await (await t.tags()).list();
    return Object.fromEntries(Object.entries(list).map(([name, contents]) => {
      assert.ok(contents.manifestSize > 0, `tag ${name} has a manifest size`);
      return [name, contents.version];
    }));
  };

  before(async () => {
    await ctx.both(async (db) => {
      const t = await db.createTable('docs', sampleRows(10), { schema: articleSchema() }); // v1
      await t.add(sampleRows(5, 10)); // v2
      await t.delete('id < 3'); // v3
    });
  });

  test('tags/create then tags/list and tags/version', async () => {
    const r = await onDocs(async (t) => {
      const tags = await t.tags();
      await tags.create('first', 1);
      await tags.create('second', 2);
      return { list: await tagList(t), first: await tags.getVersion('first'), second: await tags.getVersion('second') };
    });
    assert.deepEqual(r, { list: { first: 1, second: 2 }, first: 1, second: 2 });
  });

  test('checkout by tag reads the tagged version (tags/version, then describe and reads carry "version")', async () => {
    const r = await onDocs(async (t) => {
      await t.checkout('second');
      const old = { version: await t.version(), count: await t.countRows(), rows: plainTable(await t.query().select(['id']).where('id < 4').toArrow()) };
      await t.checkoutLatest();
      return { old, latest: await t.countRows() };
    });
    assert.equal(r.old.version, 2);
    assert.equal(r.old.count, 15);
    assert.equal(r.latest, 12);
  });

  test('tags/update moves a tag; tags/delete removes it and keeps the version', async () => {
    const r = await onDocs(async (t) => {
      const tags = await t.tags();
      await tags.update('first', 3);
      const moved = await tags.getVersion('first');
      await tags.delete('second');
      await t.checkout(2);
      const stillThere = await t.countRows();
      await t.checkoutLatest();
      return { moved, list: await tagList(t), stillThere };
    });
    assert.deepEqual(r, { moved: 3, list: { first: 3 }, stillThere: 15 });
  });

  test('an unknown tag is refused by tags/version, tags/update, tags/delete and checkout', async () => {
    const missing = /tag nope does not exist/;
    await ctx.bothReject(async (db) => (await (await db.openTable('docs')).tags()).getVersion('nope'), missing);
    await ctx.bothReject(async (db) => (await (await db.openTable('docs')).tags()).update('nope', 1), missing);
    await ctx.bothReject(async (db) => (await (await db.openTable('docs')).tags()).delete('nope'), missing);
    await ctx.bothReject(async (db) => (await db.openTable('docs')).checkout('nope'), missing);
  });

  test('a duplicate tag, an unknown version and an invalid name are refused by tags/create', async () => {
    await ctx.bothReject(async (db) => (await (await db.openTable('docs')).tags()).create('first', 1), /tag first already exists/);
    await ctx.bothReject(async (db) => (await (await db.openTable('docs')).tags()).create('later', 99), /version main:99 does not exist/);
    await ctx.bothReject(async (db) => (await (await db.openTable('docs')).tags()).update('first', 99), /version main:99 does not exist/);
    await ctx.bothReject(async (db) => (await (await db.openTable('docs')).tags()).create('a b', 1), /Ref characters must be/);
    assert.deepEqual(await onDocs(tagList), { first: 3 });
  });

  test('checkout of a missing version is refused', async () => {
    await ctx.bothReject(async (db) => (await db.openTable('docs')).checkout(99), /99\.manifest was not found/);
  });

  test('index stats at a version before the index was created are absent; at the latest present', async () => {
    const r = await onDocs(async (t) => {
      await t.createIndex('id', { config: Index.btree() }); // v4
      const latest = await t.indexStats('id_idx');
      await t.checkout(3);
      const before = await t.indexStats('id_idx');
      await t.checkoutLatest();
      return { latest, before: before ?? null };
    });
    assert.equal(r.before, null);
    assert.equal(r.latest.numIndexedRows, 12);
  });
});

// Conformance, full-text search: the structured `full_text_query` {"query": <FtsQuery>} the official client sends to
// servers announcing >= 0.3.0 (the emulator's default), every query kind, and the legacy {"columns", "query"} shape
// it sends to older servers (`--server-version none`). Official client remote (emulator) vs the same client on an
// embedded table; then malformed structured queries, which only raw requests can send.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { Index, MatchQuery, PhraseQuery, BoostQuery, MultiMatchQuery, BooleanQuery, Operator, Occur } from '@lancedb/lancedb';
import { conformanceFixture, plainTable, sampleRows } from './helpers/conformance.mjs';
import { articleSchema } from './helpers/schema.mjs';
import { raw } from './helpers/raw.mjs';

const Q = [0.5, 0.5, 0.1, 0.9];

/** Creates `docs` with FTS indices on text (with positions, for phrases) and category on both sides. */
async function createDocs(ctx) {
  await ctx.both(async (db) => {
    const t = await db.createTable('docs', sampleRows(256), { schema: articleSchema() });
    await t.createIndex('text', { config: Index.fts({ withPosition: true }) });
    await t.createIndex('category', { config: Index.fts() });
  });
}

/** Rows sorted by score then id: equal BM25 scores may come in either order. */
function byScore(result) {
  result.rows.sort((a, b) => b._score - a._score || a.id - b.id);
  return result;
}

describe('conformance: structured full-text queries (default server version)', () => {
  const ctx = conformanceFixture();
  const same = (fn) => ctx.same(async (db) => byScore(plainTable(await fn(await db.openTable('docs')).toArrow())));

  before(() => createDocs(ctx));

  test('the emulator announces phalanx-version 0.4.0 by default', async () => {
    const r = await raw(ctx.emulator.url, '/v1/table/', { method: 'GET' });
    assert.equal(r.headers.get('phalanx-version'), '0.4.0');
  });

  test('plain string search over every indexed column (match with column null)', async () => {
    const r = await same((t) => t.search('cats', 'fts').limit(6).select(['id', 'text']));
    assert.ok(r.rows.length > 0 && r.rows.every((x) => x.text.includes('cats')));
  });

  test('plain string search on one column and on several (match / multi_match)', async () => {
    await same((t) => t.query().fullTextSearch('dogs', { columns: ['text'] }).where('id > 20').limit(5).select(['id', 'text']));
    const r = await same((t) => t.query().fullTextSearch('alpha', { columns: ['text', 'category'] }).limit(100).select(['id', 'text', 'category']));
    assert.ok(r.rows.some((x) => !x.text.includes('alpha')), 'a hit through category alone');
  });

  test('text in double quotes is a phrase, on one column; on every indexed column (column null) the engine needs one index', async () => {
    const one = await same((t) => t.query().fullTextSearch('"dogs index"', { columns: ['text'] }).limit(10).select(['id', 'text']));
    assert.ok(one.rows.length > 0 && one.rows.every((x) => x.text.includes('dogs index')));
    // docs has two FTS-indexed columns; conformance-indices serves the column-null phrase on a table with one.
    await ctx.bothReject(async (db) => (await db.openTable('docs')).search('"dogs index"', 'fts').toArray(), /column must be specified/);
  });

  test('match with boost, operator And, fuzziness, prefix_length and max_expansions', async () => {
    const and = await same((t) => t.search(new MatchQuery('dogs index', 'text', { operator: Operator.And, boost: 2 })).limit(10).select(['id', 'text']));
    assert.ok(and.rows.length > 0 && and.rows.every((x) => x.text.includes('dogs') && x.text.includes('index')));
    const fuzzy = await same((t) => t.search(new MatchQuery('dogz', 'text', { fuzziness: 1, prefixLength: 1, maxExpansions: 10 })).limit(5).select(['id', 'text']));
    assert.ok(fuzzy.rows.length > 0 && fuzzy.rows.every((x) => x.text.includes('dogs')));
    const exact = await same((t) => t.search(new MatchQuery('dogz', 'text')).limit(5).select(['id']));
    assert.equal(exact.rows.length, 0);
  });

  test('match with automatic fuzziness (null)', async () => {
    const r = await same((t) => t.search(new MatchQuery('gamma', 'text', { fuzziness: null })).limit(5).select(['id', 'text']));
    assert.ok(r.rows.length > 0 && r.rows.every((x) => x.text.includes('gamma')));
  });

  test('phrase, exact and with slop', async () => {
    const exact = await same((t) => t.search(new PhraseQuery('dogs index', 'text')).limit(10).select(['id', 'text']));
    assert.ok(exact.rows.length > 0 && exact.rows.every((x) => x.text.includes('dogs index')));
    const none = await same((t) => t.search(new PhraseQuery('index dogs document 5', 'text')).limit(10).select(['id']));
    assert.equal(none.rows.length, 0);
    const slop = await same((t) => t.search(new PhraseQuery('cats document', 'text', { slop: 1 })).limit(10).select(['id', 'text']));
    assert.ok(slop.rows.length > 0 && slop.rows.every((x) => /cats \w+ document/.test(x.text)));
  });

  test('boost: positive hits, negative ones demoted by negative_boost', async () => {
    const r = await same((t) => t.search(new BoostQuery(new MatchQuery('cats', 'text'), new MatchQuery('dogs', 'text'), { negativeBoost: 0.3 })).limit(12).select(['id', 'text']));
    assert.ok(r.rows.length > 0 && r.rows.every((x) => x.text.includes('cats')));
    await same((t) => t.search(new BoostQuery(new MatchQuery('alpha', 'text'), new PhraseQuery('alpha beta', 'text'))).limit(6).select(['id']));
  });

  test('multi_match with per-column boosts', async () => {
    const r = await same((t) => t.search(new MultiMatchQuery('alpha', ['text', 'category'], { boosts: [2, 0.5] })).limit(8).select(['id', 'text', 'category']));
    assert.ok(r.rows.length > 0);
  });

  test('boolean: must, should and must_not clauses', async () => {
    const r = await same((t) => t.search(new BooleanQuery([
      [Occur.Must, new MatchQuery('cats', 'text')],
      [Occur.Should, new PhraseQuery('cats cats', 'text')],
      [Occur.MustNot, new MatchQuery('document 4', 'text', { operator: Operator.And })],
    ])).limit(10).select(['id', 'text']));
    assert.ok(r.rows.length > 0 && r.rows.every((x) => x.text.includes('cats') && x.id !== 4));
  });

  test('hybrid: the structured FTS request and the vector request, reranked by the client', async () => {
    const hybrid = (q) => ctx.close(async (db) => {
      const result = plainTable(await (await db.openTable('docs')).query().fullTextSearch(q).nearestTo(Q).limit(5).select(['id', 'text']).toArrow());
      result.rows.sort((a, b) => b._relevance_score - a._relevance_score || a.id - b.id);
      return result;
    });
    assert.ok((await hybrid('gamma')).rows.length > 0);
    assert.ok((await hybrid(new MatchQuery('gamma', 'text', { boost: 3 }))).rows.length > 0);
  });

  test('several query vectors go in one body and the answer carries query_index', async () => {
    // Groups come back in either order (the embedded engine runs them in parallel): compare sorted.
    const r = await ctx.same(async (db) => {
      const result = plainTable(await (await db.openTable('docs')).query().nearestTo(Q).addQueryVector([0.1, 0.9, 0.5, 0.2]).limit(3).select(['id']).toArrow());
      result.rows.sort((a, b) => a.query_index - b.query_index || a._distance - b._distance);
      return result;
    });
    assert.equal(r.rows.length, 6);
    assert.deepEqual([...new Set(r.rows.map((x) => x.query_index))], [0, 1]);
    const body = { vector: [Q, [0.1, 0.9, 0.5, 0.2]], k: 2, prefilter: true, version: null, columns: ['id'] };
    const answer = await raw(ctx.emulator.url, '/v1/table/docs/query/', { body });
    assert.equal(answer.status, 200);
  });

  test('a phrase on a column indexed without positions is the engine\'s 400 on both sides', async () => {
    await ctx.bothReject(async (db) => (await db.openTable('docs')).search(new PhraseQuery('alpha beta', 'category')).toArray(), /position/);
  });
});

describe('conformance: legacy full-text shape (--server-version none)', () => {
  const ctx = conformanceFixture({ args: ['--server-version', 'none'] });
  const same = (fn) => ctx.same(async (db) => byScore(plainTable(await fn(await db.openTable('docs')).toArrow())));

  before(() => createDocs(ctx));

  test('no phalanx-version header', async () => {
    const r = await raw(ctx.emulator.url, '/v1/table/', { method: 'GET' });
    assert.equal(r.headers.get('phalanx-version'), null);
  });

  test('plain string search, all columns and named columns ({"columns", "query"})', async () => {
    const r = await same((t) => t.search('cats', 'fts').limit(5).select(['id', 'text']));
    assert.ok(r.rows.length > 0 && r.rows.every((x) => x.text.includes('cats')));
    await same((t) => t.query().fullTextSearch('dogs', { columns: ['text'] }).where('id > 20').limit(3));
  });

  test('hybrid search on the legacy shape', async () => {
    const r = await ctx.close(async (db) => {
      const result = plainTable(await (await db.openTable('docs')).query().fullTextSearch('gamma').nearestTo(Q).limit(5).select(['id', 'text']).toArrow());
      result.rows.sort((a, b) => b._relevance_score - a._relevance_score || a.id - b.id);
      return result;
    });
    assert.ok(r.rows.length > 0);
  });

  test('several query vectors: one request per vector, merged with query_index by the client', async () => {
    const r = await ctx.same(async (db) => {
      const result = plainTable(await (await db.openTable('docs')).query().nearestTo(Q).addQueryVector([0.1, 0.9, 0.5, 0.2]).limit(3).select(['id']).toArrow());
      result.rows.sort((a, b) => a.query_index - b.query_index || a._distance - b._distance);
      return result;
    });
    assert.equal(r.rows.length, 6);
  });
});

describe('structured full-text queries: malformed input is a 400 naming the field', () => {
  const ctx = conformanceFixture();
  before(() => createDocs(ctx));

  const match = (fields) => ({ match: { terms: 'cats', column: 'text', ...fields } });
  const cases = [
    [{ query: { nope: {} } }, /unknown FtsQuery kind "nope"/],
    [{ query: { match: { terms: 'x', column: 'text' }, phrase: { terms: 'x', column: 'text' } } }, /exactly one of/],
    [{ query: { match: { column: 'text' } } }, /"full_text_query\.query\.match\.terms"/],
    [{ query: match({ fuzziness: -1 }) }, /"full_text_query\.query\.match\.fuzziness" must be an integer >= 0/],
    [{ query: match({ fuzziness: 'auto' }) }, /match\.fuzziness/],
    [{ query: match({ operator: 'Xor' }) }, /match\.operator" must be "And" or "Or"/],
    [{ query: match({ boost: 'high' }) }, /match\.boost" must be a number/],
    [{ query: match({ colour: 1 }) }, /unknown field "colour"/],
    [{ query: { match: { terms: 'x', column: null, fuzziness: 2 } } }, /column" is null.*fuzziness/],
    [{ query: { phrase: { terms: 'x', column: 'text', slop: 1.5 } } }, /phrase\.slop/],
    [{ query: { phrase: { terms: 'x y', column: null, slop: 1 } } }, /phrase\.column" is null.*"slop" 0/],
    [{ query: { boolean: { must: [{ phrase: { terms: 'x y', column: null, slop: 0 } }] } } }, /must\[0\]\.phrase\.column/],
    [{ query: { match: { terms: '"x y"', column: null } } }, /double quotes/],
    [{ query: { boost: { positive: match({}) } } }, /"full_text_query\.query\.boost\.negative"/],
    [{ query: { multi_match: { query: 'x', columns: ['text', 'category'], boost: [1] } } }, /one boost per column/],
    [{ query: { multi_match: { query: 'x', columns: [] } } }, /at least one column/],
    [{ query: { boolean: { must: [], should: [], must_not: [] } } }, /at least one clause/],
    [{ query: { boolean: { must: [{ match: { terms: 1, column: 'text' } }] } } }, /boolean\.must\[0\]\.match\.terms" must be a string/],
    [{ query: 42 }, /must be a string \(legacy shape/],
    [{ query: 'cats', columns: 'text' }, /full_text_query\.columns" must be an array/],
  ];

  test('each malformed full_text_query gets 400 with a message naming the field', async () => {
    for (const [fts, pattern] of cases) {
      const r = await raw(ctx.emulator.url, '/v1/table/docs/query/', { body: { vector: [], k: 5, prefilter: true, version: null, full_text_query: fts } });
      assert.equal(r.status, 400, JSON.stringify(fts));
      assert.match(r.text, pattern, JSON.stringify(fts));
    }
  });

  test('a well-formed structured query answers 200 with _score', async () => {
    const r = await raw(ctx.emulator.url, '/v1/table/docs/query/', { body: { vector: [], k: 5, prefilter: true, version: null, full_text_query: { query: match({ operator: 'and' }) } } });
    assert.equal(r.status, 200);
  });
});

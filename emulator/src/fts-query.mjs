// The `full_text_query` of a query body (protocol §3, §5.4) as an engine full-text search. Two shapes:
// legacy `{"columns": [...], "query": "<text>"}` (clients of servers < 0.3.0) and structured
// `{"query": <FtsQuery>}` (servers >= 0.3.0), where FtsQuery is one of the lance query nodes the official
// client serializes (see docs/observed-client-requests.md):
//   {"match":       {"terms", "column" (null = every indexed column), "boost", "fuzziness" (null = by term
//                    length), "max_expansions", "operator": "And"|"Or", "prefix_length"}}
//   {"phrase":      {"terms", "column" (null = every indexed column), "slop"}}
//   {"boost":       {"positive": FtsQuery, "negative": FtsQuery, "negative_boost"}}
//   {"multi_match": {"query", "columns": [...], "boost": [one per column]}}
//   {"boolean":     {"must": [FtsQuery], "should": [FtsQuery], "must_not": [FtsQuery]}}
// Parsing is strict: an unknown node or key, a missing required key or a value of the wrong type is a 400
// naming the field by its path in the body.
import { MatchQuery, PhraseQuery, BoostQuery, MultiMatchQuery, BooleanQuery, Operator, Occur } from '@lancedb/lancedb';
import { badRequest } from './errors.mjs';

const MATCH_DEFAULTS = { boost: 1, fuzziness: 0, max_expansions: 50, operator: 'Or', prefix_length: 0 };
const OPERATORS = new Map([['and', Operator.And], ['or', Operator.Or]]);
const OCCURS = [['must', Occur.Must], ['should', Occur.Should], ['must_not', Occur.MustNot]];

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Applies a body's `full_text_query` to an engine query.
 * @param {import('@lancedb/lancedb').Query} q
 * @param {unknown} fts
 */
export function applyFullText(q, fts) {
  if (!isObject(fts)) throw badRequest('"full_text_query" must be an object');
  if (typeof fts.query === 'string') {
    onlyKeys(fts, ['columns', 'query'], 'full_text_query');
    const columns = optional(fts.columns, 'full_text_query.columns', stringArray);
    return q.fullTextSearch(fts.query, columns && columns.length > 0 ? { columns } : undefined);
  }
  if (!isObject(fts.query)) {
    throw badRequest('"full_text_query.query" must be a string (legacy shape, with "columns") or an FtsQuery object '
      + '({"match"|"phrase"|"boost"|"multi_match"|"boolean": {...}})');
  }
  onlyKeys(fts, ['query'], 'full_text_query');
  const allColumns = allColumnsText(fts.query);
  if (allColumns !== null) return q.fullTextSearch(allColumns); // as the client's own fullTextSearch(text)
  return q.fullTextSearch(parseNode(fts.query, 'full_text_query.query'));
}

/**
 * A top-level `match` or `phrase` with `"column": null` is the client's plain `search(text)` over every indexed column
 * (a phrase when the text was in double quotes). The engine's JS API takes that only as a plain string, so it is
 * served with default options: the string the client's search started from, else null (not such a query).
 */
function allColumnsText(node) {
  if (!isObject(node) || Object.keys(node).length !== 1) return null;
  const path = 'full_text_query.query';
  if (isObject(node.match) && node.match.column === null) {
    const m = parseMatchFields(node.match, `${path}.match`);
    const changed = Object.keys(MATCH_DEFAULTS).find((k) => m[k] !== MATCH_DEFAULTS[k]);
    if (changed) throw badRequest(`"${path}.match.column" is null (every indexed column), which this emulator serves only with default options; "${path}.match.${changed}" is ${JSON.stringify(node.match[changed])}`);
    if (isQuoted(m.terms)) throw badRequest(`"${path}.match.terms" is in double quotes with "column" null, which this emulator cannot tell from a phrase; name the column`);
    return m.terms;
  }
  if (isObject(node.phrase) && node.phrase.column === null) {
    const at = `${path}.phrase`;
    onlyKeys(node.phrase, ['terms', 'column', 'slop'], at);
    const terms = required(node.phrase.terms, `${at}.terms`, string);
    const slop = optional(node.phrase.slop, `${at}.slop`, natural) ?? 0;
    if (slop !== 0) throw badRequest(`"${at}.column" is null (every indexed column), which this emulator serves only with "slop" 0; got ${slop}`);
    return `"${terms}"`;
  }
  return null;
}

const isQuoted = (text) => text.length >= 2 && text.startsWith('"') && text.endsWith('"');

/** One FtsQuery node, as the engine's query object. */
function parseNode(node, path) {
  if (!isObject(node)) throw badRequest(`"${path}" must be an FtsQuery object`);
  const kinds = Object.keys(node);
  if (kinds.length !== 1) throw badRequest(`"${path}" must have exactly one of match, phrase, boost, multi_match, boolean; got ${JSON.stringify(kinds)}`);
  const [kind] = kinds;
  const body = node[kind];
  const at = `${path}.${kind}`;
  if (!isObject(body)) throw badRequest(`"${at}" must be an object`);
  switch (kind) {
    case 'match': {
      const m = parseMatchFields(body, at);
      if (m.column === null) throw badRequest(`"${at}.column" must be a column name here (null is served only for a top-level match with default options)`);
      return new MatchQuery(m.terms, m.column, {
        boost: m.boost, fuzziness: m.fuzziness, maxExpansions: m.max_expansions, operator: OPERATORS.get(m.operator.toLowerCase()), prefixLength: m.prefix_length,
      });
    }
    case 'phrase': {
      onlyKeys(body, ['terms', 'column', 'slop'], at);
      const terms = required(body.terms, `${at}.terms`, string);
      const column = required(body.column, `${at}.column`, string); // null only at the top (allColumnsText)
      const slop = optional(body.slop, `${at}.slop`, natural) ?? 0;
      return new PhraseQuery(terms, column, { slop });
    }
    case 'boost': {
      onlyKeys(body, ['positive', 'negative', 'negative_boost'], at);
      const positive = parseNode(required(body.positive, `${at}.positive`, (v) => v), `${at}.positive`);
      const negative = parseNode(required(body.negative, `${at}.negative`, (v) => v), `${at}.negative`);
      const negativeBoost = optional(body.negative_boost, `${at}.negative_boost`, number) ?? undefined;
      return new BoostQuery(positive, negative, { negativeBoost });
    }
    case 'multi_match': {
      onlyKeys(body, ['query', 'columns', 'boost'], at);
      const query = required(body.query, `${at}.query`, string);
      const columns = required(body.columns, `${at}.columns`, stringArray);
      if (columns.length === 0) throw badRequest(`"${at}.columns" must name at least one column`);
      const boosts = optional(body.boost, `${at}.boost`, numberArray) ?? undefined;
      if (boosts && boosts.length !== columns.length) throw badRequest(`"${at}.boost" must have one boost per column (${columns.length}), got ${boosts.length}`);
      return new MultiMatchQuery(query, columns, { boosts });
    }
    case 'boolean': {
      onlyKeys(body, OCCURS.map(([key]) => key), at);
      const clauses = [];
      for (const [key, occur] of OCCURS) {
        const list = optional(body[key], `${at}.${key}`, array) ?? [];
        list.forEach((q, i) => clauses.push([occur, parseNode(q, `${at}.${key}[${i}]`)]));
      }
      if (clauses.length === 0) throw badRequest(`"${at}" must have at least one clause in must, should or must_not`);
      return new BooleanQuery(clauses);
    }
    default:
      throw badRequest(`"${path}" has unknown FtsQuery kind "${kind}"; expected match, phrase, boost, multi_match or boolean`);
  }
}

function parseMatchFields(body, at) {
  onlyKeys(body, ['terms', 'column', ...Object.keys(MATCH_DEFAULTS)], at);
  const operator = optional(body.operator, `${at}.operator`, string) ?? MATCH_DEFAULTS.operator;
  if (!OPERATORS.has(operator.toLowerCase())) throw badRequest(`"${at}.operator" must be "And" or "Or", got ${JSON.stringify(operator)}`);
  return {
    terms: required(body.terms, `${at}.terms`, string),
    column: body.column === null ? null : required(body.column, `${at}.column`, string),
    boost: optional(body.boost, `${at}.boost`, number) ?? MATCH_DEFAULTS.boost,
    // null asks the engine to pick the edit distance from the term length
    fuzziness: body.fuzziness === null ? null : optional(body.fuzziness, `${at}.fuzziness`, natural) ?? MATCH_DEFAULTS.fuzziness,
    max_expansions: optional(body.max_expansions, `${at}.max_expansions`, natural) ?? MATCH_DEFAULTS.max_expansions,
    operator: operator[0].toUpperCase() + operator.slice(1).toLowerCase(),
    prefix_length: optional(body.prefix_length, `${at}.prefix_length`, natural) ?? MATCH_DEFAULTS.prefix_length,
  };
}

function onlyKeys(obj, allowed, at) {
  const unknown = Object.keys(obj).find((k) => !allowed.includes(k));
  if (unknown !== undefined) throw badRequest(`"${at}" has unknown field "${unknown}"; expected ${allowed.join(', ')}`);
}

function required(value, path, check) {
  if (value === undefined || value === null) throw badRequest(`missing required field "${path}"`);
  return check(value, path);
}

function optional(value, path, check) {
  return value === undefined || value === null ? null : check(value, path);
}

function string(v, path) {
  if (typeof v !== 'string') throw badRequest(`"${path}" must be a string, got ${JSON.stringify(v)}`);
  return v;
}

function number(v, path) {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw badRequest(`"${path}" must be a number, got ${JSON.stringify(v)}`);
  return v;
}

function natural(v, path) {
  if (!Number.isInteger(v) || v < 0) throw badRequest(`"${path}" must be an integer >= 0, got ${JSON.stringify(v)}`);
  return v;
}

function array(v, path) {
  if (!Array.isArray(v)) throw badRequest(`"${path}" must be an array, got ${JSON.stringify(v)}`);
  return v;
}

function stringArray(v, path) {
  array(v, path).forEach((s, i) => string(s, `${path}[${i}]`));
  return v;
}

function numberArray(v, path) {
  array(v, path).forEach((s, i) => number(s, `${path}[${i}]`));
  return v;
}

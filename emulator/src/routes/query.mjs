// Reads: query (vector search, plain filtered scan with order_by, full-text search in both shapes) and count_rows
// (protocol §5.3, §5.4). Query answers are Arrow IPC files, sent batch by batch as the engine produces them.
import { badRequest } from '../errors.mjs';
import { json, arrowFile, arrowFileStream, readJsonBody, bodyVersion, versionHeader, expectType } from '../http.mjs';
import { checkQueryBody, distanceType } from '../strict.mjs';
import { toIpcFile, ipcFileChunks } from '../arrow-ipc.mjs';
import { applyFullText } from '../fts-query.mjs';

// The client sends k = i64::MAX for "no limit"; anything this large means unbounded.
const UNBOUNDED_K = 2 ** 31;

function checkVector(v, what) {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'number' || !Number.isFinite(x))) {
    throw badRequest(`${what} must be an array of numbers`);
  }
  return Float32Array.from(v);
}

function queryVectors(vector) {
  if (vector === undefined || vector === null) return [];
  if (!Array.isArray(vector)) throw badRequest('"vector" must be an array');
  if (vector.length === 0) return [];
  if (Array.isArray(vector[0])) return vector.map((v, i) => checkVector(v, `vector[${i}]`));
  return [checkVector(vector, 'vector')];
}

function optionalInt(body, field, min = 0) {
  const v = body[field];
  if (v === undefined || v === null) return null;
  if (!Number.isInteger(v) || v < min) throw badRequest(`"${field}" must be an integer >= ${min}, got ${JSON.stringify(v)}`);
  return v;
}

function optionalNumber(body, field) {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number') throw badRequest(`"${field}" must be a number or null`);
  return v;
}

/** Applies the vector-search fields of a query body to a VectorQuery. */
function applyVectorOptions(q, body) {
  if (body.distance_type !== undefined && body.distance_type !== null) {
    q = q.distanceType(distanceType(body.distance_type, 'distance_type', 'query'));
  }
  const minimum = optionalInt(body, 'minimum_nprobes', 1) ?? optionalInt(body, 'nprobes', 1);
  if (minimum !== null) q = q.minimumNprobes(minimum);
  const maximum = optionalInt(body, 'maximum_nprobes', 0);
  if (maximum !== null && maximum > 0) q = q.maximumNprobes(maximum);
  const refine = optionalInt(body, 'refine_factor', 1);
  if (refine !== null) q = q.refineFactor(refine);
  const ef = optionalInt(body, 'ef', 1);
  if (ef !== null) q = q.ef(ef);
  const lower = optionalNumber(body, 'lower_bound');
  const upper = optionalNumber(body, 'upper_bound');
  if (lower !== undefined || upper !== undefined) q = q.distanceRange(lower, upper);
  if (body.vector_column !== undefined && body.vector_column !== null) {
    q = q.column(expectType(body.vector_column, 'string', 'vector_column'));
  }
  if (body.bypass_vector_index === true) q = q.bypassVectorIndex();
  if (body.prefilter === false) q = q.postfilter();
  return q;
}

/**
 * The protocol's `order_by` list, `[{"column_name", "ascending", "nulls_first"}]`, as the engine's
 * ColumnOrdering list. An omitted `ascending` / `nulls_first` takes the engine's default (true / false).
 */
function orderings(orderBy) {
  if (!Array.isArray(orderBy)) throw badRequest('"order_by" must be an array of {"column_name", "ascending", "nulls_first"} objects');
  return orderBy.map((o, i) => {
    if (o === null || typeof o !== 'object' || Array.isArray(o)) throw badRequest(`order_by[${i}] must be an object`);
    const columnName = expectType(o.column_name, 'string', `order_by[${i}].column_name`);
    const ascending = expectType(o.ascending, 'boolean', `order_by[${i}].ascending`, true) ?? true;
    const nullsFirst = expectType(o.nulls_first, 'boolean', `order_by[${i}].nulls_first`, true) ?? false;
    return { columnName, ascending, nullsFirst };
  });
}

/** Builds the engine query for a protocol query body. */
export function buildQuery(table, body) {
  const vectors = queryVectors(body.vector);
  let q = table.query();
  if (body.full_text_query !== undefined && body.full_text_query !== null) {
    if (vectors.length > 0) throw badRequest('a query cannot carry both "vector" and "full_text_query" (hybrid search is two requests)');
    q = applyFullText(q, body.full_text_query);
  }
  if (vectors.length > 0) {
    q = q.nearestTo(vectors[0]);
    for (const v of vectors.slice(1)) q = q.addQueryVector(v);
    q = applyVectorOptions(q, body);
  }
  if (body.filter !== undefined && body.filter !== null) q = q.where(expectType(body.filter, 'string', 'filter'));
  const k = optionalInt(body, 'k', 0);
  if (k !== null && k < UNBOUNDED_K) q = q.limit(k);
  const offset = optionalInt(body, 'offset', 0);
  if (offset !== null) q = q.offset(offset);
  if (body.columns !== undefined && body.columns !== null) {
    const cols = body.columns;
    if (Array.isArray(cols)) {
      if (cols.some((c) => typeof c !== 'string')) throw badRequest('"columns" must be a list of column names');
      q = q.select(cols);
    } else if (typeof cols === 'object') {
      if (Object.values(cols).some((c) => typeof c !== 'string')) throw badRequest('"columns" map values must be SQL expressions');
      q = q.select(cols);
    } else {
      throw badRequest('"columns" must be a list of names or an {alias: expression} object');
    }
  }
  if (body.order_by !== undefined && body.order_by !== null) q = q.orderBy(orderings(body.order_by));
  if (body.with_row_id === true) q = q.withRowId();
  if (body.fast_search === true) q = q.fastSearch();
  return q;
}

async function query({ db, name, req }) {
  const body = await readJsonBody(req);
  checkQueryBody(body);
  const table = await db.tableAt(name, bodyVersion(body));
  const version = await table.version();
  const batches = buildQuery(table, body).execute();
  const first = await batches.next(); // an engine error (a bad filter, …) still becomes a status
  if (first.done) return arrowFile(toIpcFile(await buildQuery(table, body).toArrow()), versionHeader(version));
  return arrowFileStream(ipcFileChunks(prepend(first.value, batches)), versionHeader(version));
}

async function* prepend(first, rest) {
  yield first;
  yield* rest;
}

async function countRows({ db, name, req }) {
  const body = await readJsonBody(req);
  const table = await db.tableAt(name, bodyVersion(body));
  const predicate = expectType(body.predicate, 'string', 'predicate', true) ?? undefined;
  const version = await table.version();
  const count = await table.countRows(predicate);
  return json(count, 200, versionHeader(version));
}

export const routes = [
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/query\/?$/, table: true, handler: query },
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/count_rows\/?$/, table: true, handler: countRows },
];

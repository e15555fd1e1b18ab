// The request rules LanceDB Cloud enforces that the embedded engine alone would not (README "Strictness"):
// media types, bodies that must be there, required query fields, and the JSON type of the fields the official
// client sends. Every check throws a 400 whose message names the header or field and says what is expected.
// Each rule matches what the official client really sends (docs/observed-client-requests.md), so it and
// LanceOrm keep passing while a request Cloud would refuse is refused here too.
import { badRequest } from './errors.mjs';
import { ARROW_STREAM_CONTENT_TYPE } from './arrow-ipc.mjs';

export const JSON_CONTENT_TYPE = 'application/json';

/** The largest `k` Cloud reads: a signed 64-bit limit (the client sends i64::MAX for "no limit", issue #2211). */
const MAX_K = 2 ** 63; // 9223372036854775807 parses to exactly 2^63 as a JS number

const DISTANCE_TYPES = ['l2', 'cosine', 'dot', 'hamming'];

/** The request's media type, lower-cased, parameters (`; charset=…`) dropped; '' when there is none. */
export function mediaType(req) {
  return String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

const describeType = (type) => (type === '' ? 'none' : `'${type}'`);

/** A JSON body must be labelled `Content-Type: application/json` (a JSON extractor refuses anything else). */
export function checkJsonContentType(req) {
  const type = mediaType(req);
  if (type !== JSON_CONTENT_TYPE) {
    throw badRequest(`Content-Type must be ${JSON_CONTENT_TYPE} for a JSON request body, got ${describeType(type)}`);
  }
}

/** An Arrow upload (create, insert, merge_insert) must be labelled as an Arrow IPC stream. */
export function checkArrowStreamContentType(req) {
  const type = mediaType(req);
  if (type !== ARROW_STREAM_CONTENT_TYPE) {
    throw badRequest(`Content-Type must be ${ARROW_STREAM_CONTENT_TYPE} for an Arrow upload, got ${describeType(type)}`);
  }
}

/** The refusal for a route whose official client always sends a JSON body, sent without one. */
export function missingJsonBody() {
  return badRequest(`a JSON request body is required (Content-Type: ${JSON_CONTENT_TYPE})`);
}

const isUnsignedInt = (v) => Number.isInteger(v) && v >= 0;

/** An optional field (absent or null allowed) that must be a JSON boolean when present. */
export function optionalBoolean(body, field, where) {
  const v = body[field];
  if (v === undefined || v === null) return v;
  if (typeof v !== 'boolean') throw badRequest(`${where}: "${field}" must be true or false, got ${JSON.stringify(v)}`);
  return v;
}

/** A distance type as Cloud reads it: one of the lower-case names (`l2`, `cosine`, `dot`, `hamming`). */
export function distanceType(value, field, where) {
  if (typeof value !== 'string' || !DISTANCE_TYPES.includes(value)) {
    throw badRequest(`${where}: "${field}" must be one of ${DISTANCE_TYPES.join(', ')} (lower case), got ${JSON.stringify(value)}`);
  }
  return value;
}

const QUERY_FLAGS = ['prefilter', 'with_row_id', 'fast_search', 'bypass_vector_index', 'use_lsm'];

/**
 * The fields of a query body (protocol §5.4) that Cloud requires or types more strictly than the engine:
 * `k` always, an integer up to i64::MAX; `vector` always, `[]` when there is no query vector (never null);
 * the flags booleans; `distance_type` lower case; `full_text_query.columns` names.
 */
export function checkQueryBody(body) {
  const where = 'query';
  if (body.k === undefined || body.k === null) {
    throw badRequest(`${where}: "k" is required (the number of rows to return; 9223372036854775807 for no limit), got ${body.k === null ? 'null' : 'none'}`);
  }
  if (!isUnsignedInt(body.k)) throw badRequest(`${where}: "k" must be a non-negative integer, got ${JSON.stringify(body.k)}`);
  if (body.k > MAX_K) throw badRequest(`${where}: "k" must be at most 9223372036854775807 (a signed 64-bit limit), got ${body.k}`);
  if (body.vector === undefined || body.vector === null) {
    throw badRequest(`${where}: "vector" is required: a query vector, or [] for a query without one (never null), got ${body.vector === null ? 'null' : 'none'}`);
  }
  for (const flag of QUERY_FLAGS) optionalBoolean(body, flag, where);
  if (body.distance_type !== undefined && body.distance_type !== null) distanceType(body.distance_type, 'distance_type', where);
  const columns = body.full_text_query?.columns;
  if (Array.isArray(columns) && columns.some((c) => typeof c !== 'string')) {
    throw badRequest(`${where}: "full_text_query.columns" must be a list of column names, got ${JSON.stringify(columns)}`);
  }
}

// create_index parameters by JSON type, as the official client serializes the index builders
// (rust/lancedb/src/index/vector.rs: u32 counts, `metric_type` a DistanceType; FTS: lance InvertedIndexParams).
const INDEX_COUNTS = ['num_partitions', 'num_sub_vectors', 'num_bits', 'max_iterations', 'sample_rate', 'm', 'ef_construction', 'target_partition_size'];
const INDEX_LENGTHS = ['max_token_length', 'min_ngram_length', 'max_ngram_length', 'block_size'];
const INDEX_FLAGS = ['replace', 'with_position', 'stem', 'remove_stop_words', 'lower_case', 'ascii_folding', 'prefix_only', 'preserve_original', 'split_identifiers', 'split_on_numerics', 'index_operators'];
const INDEX_STRINGS = ['base_tokenizer', 'language', 'lance_tokenizer'];

/** The parameters of a create_index body: counts positive integers, lengths non-negative ones, flags booleans. */
export function checkCreateIndexBody(body) {
  const where = 'create_index';
  for (const field of INDEX_COUNTS) {
    const v = body[field];
    if (v !== undefined && v !== null && !(Number.isInteger(v) && v >= 1 && v <= 0xffffffff)) {
      throw badRequest(`${where}: "${field}" must be a positive integer, got ${JSON.stringify(v)}`);
    }
  }
  for (const field of INDEX_LENGTHS) {
    const v = body[field];
    if (v !== undefined && v !== null && !isUnsignedInt(v)) {
      throw badRequest(`${where}: "${field}" must be a non-negative integer, got ${JSON.stringify(v)}`);
    }
  }
  for (const flag of INDEX_FLAGS) optionalBoolean(body, flag, where);
  for (const field of INDEX_STRINGS) {
    const v = body[field];
    if (v !== undefined && v !== null && typeof v !== 'string') throw badRequest(`${where}: "${field}" must be a string, got ${JSON.stringify(v)}`);
  }
  if (body.metric_type !== undefined && body.metric_type !== null) distanceType(body.metric_type, 'metric_type', where);
  const stop = body.custom_stop_words;
  if (stop !== undefined && stop !== null && !(Array.isArray(stop) && stop.every((w) => typeof w === 'string'))) {
    throw badRequest(`${where}: "custom_stop_words" must be a list of words, got ${JSON.stringify(stop)}`);
  }
}

/** rename's optional `new_namespace`: a list of namespace names. */
export function checkRenameBody(body) {
  const ns = body.new_namespace;
  if (ns !== undefined && ns !== null && !(Array.isArray(ns) && ns.every((n) => typeof n === 'string'))) {
    throw badRequest(`rename: "new_namespace" must be a list of namespace names, got ${JSON.stringify(ns)}`);
  }
}

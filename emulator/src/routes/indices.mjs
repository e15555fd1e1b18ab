// Indices: create_index, index/list, index/{name}/stats, index/{name}/drop (protocol §5.9).
import { Index } from '@lancedb/lancedb';
import { badRequest, notFound } from '../errors.mjs';
import { json, readJsonBody, bodyVersion, versionHeader, expectType } from '../http.mjs';
import { checkCreateIndexBody } from '../strict.mjs';

// wire index_type -> engine index factory
const FACTORIES = {
  IVF_PQ: (o) => Index.ivfPq(o),
  IVF_FLAT: (o) => Index.ivfFlat(o),
  IVF_RQ: (o) => Index.ivfRq(o),
  IVF_HNSW_SQ: (o) => Index.hnswSq(o),
  IVF_HNSW_PQ: (o) => Index.hnswPq(o),
  BTREE: () => Index.btree(),
  BITMAP: () => Index.bitmap(),
  LABEL_LIST: () => Index.labelList(),
  FTS: (o) => Index.fts(o),
  INVERTED: (o) => Index.fts(o),
};

// wire parameter names that do not camel-case to the engine option name
const ALIASES = { metric_type: 'distanceType', lower_case: 'lowercase', min_ngram_length: 'ngramMinLength', max_ngram_length: 'ngramMaxLength' };
const NOT_OPTIONS = new Set(['column', 'index_type', 'name', 'replace', 'branch', 'wait_timeout', 'train']);

const camel = (s) => s.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

function indexOptions(body) {
  const options = {};
  for (const [key, value] of Object.entries(body)) {
    if (NOT_OPTIONS.has(key) || value === null || value === undefined) continue;
    options[ALIASES[key] ?? camel(key)] = value;
  }
  return options;
}

async function createIndex({ db, name, req }) {
  const body = await readJsonBody(req);
  checkCreateIndexBody(body);
  const column = expectType(body.column, 'string', 'column');
  const type = String(expectType(body.index_type, 'string', 'index_type')).toUpperCase();
  const factory = FACTORIES[type];
  if (!factory) {
    throw badRequest(`index_type '${body.index_type}' is not supported; use one of ${Object.keys(FACTORIES).join(', ')}`);
  }
  const indexName = expectType(body.name, 'string', 'name', true) ?? undefined;
  const replace = body.replace ?? true;
  return db.write([name], async () => {
    const table = await db.table(name);
    await table.createIndex(column, { config: factory(indexOptions(body)), replace, name: indexName });
    return json({});
  });
}

// engine IndexType display names -> protocol wire names (protocol §5.9)
const WIRE_TYPE = {
  IvfFlat: 'IVF_FLAT', IvfSq: 'IVF_SQ', IvfPq: 'IVF_PQ', IvfRq: 'IVF_RQ', IvfHnswSq: 'IVF_HNSW_SQ',
  IvfHnswPq: 'IVF_HNSW_PQ', IvfHnswFlat: 'IVF_HNSW_FLAT', BTree: 'BTREE', Bitmap: 'BITMAP',
  LabelList: 'LABEL_LIST', FTS: 'FTS', Inverted: 'INVERTED',
};

/** One index/list entry in the wire (snake_case) form, optional fields only when the engine has them. */
function listEntry(i) {
  const entry = { index_name: i.name, columns: i.columns, index_type: WIRE_TYPE[i.indexType] ?? i.indexType };
  const optional = {
    index_uuid: i.indexUuid,
    type_url: i.typeUrl,
    created_at: i.createdAt instanceof Date ? i.createdAt.toISOString() : i.createdAt,
    num_indexed_rows: i.numIndexedRows,
    num_unindexed_rows: i.numUnindexedRows,
    size_bytes: i.sizeBytes,
    num_segments: i.numSegments,
    index_version: i.indexVersion,
    index_details: i.indexDetails === undefined || i.indexDetails === null
      ? undefined : typeof i.indexDetails === 'string' ? i.indexDetails : JSON.stringify(i.indexDetails),
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined && v !== null) entry[k] = v;
  return entry;
}

async function listIndices({ db, name, req }) {
  const body = await readJsonBody(req);
  const table = await db.tableAt(name, bodyVersion(body));
  const version = await table.version();
  const indexes = (await table.listIndices()).map(listEntry);
  return json({ indexes }, 200, versionHeader(version));
}

async function indexStats({ db, name, params, req }) {
  const body = await readJsonBody(req);
  const table = await db.tableAt(name, bodyVersion(body));
  const version = await table.version();
  const stats = await table.indexStats(params.index);
  if (!stats) throw notFound(`index '${params.index}' not found on table '${name}'`);
  const out = {
    num_indexed_rows: stats.numIndexedRows,
    num_unindexed_rows: stats.numUnindexedRows,
    index_type: stats.indexType,
  };
  if (stats.distanceType !== undefined && stats.distanceType !== null) out.distance_type = stats.distanceType;
  if (stats.numIndices !== undefined && stats.numIndices !== null) out.num_indices = stats.numIndices;
  return json(out, 200, versionHeader(version));
}

async function dropIndex({ db, name, params }) {
  return db.write([name], async () => {
    const table = await db.table(name);
    const names = (await table.listIndices()).map((i) => i.name);
    if (!names.includes(params.index)) throw notFound(`index '${params.index}' not found on table '${name}'`);
    await table.dropIndex(params.index);
    return json({});
  });
}

export const routes = [
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/create_index\/?$/, table: true, write: true, handler: createIndex },
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/index\/list\/?$/, table: true, handler: listIndices },
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/index\/(?<index>[^/]+)\/stats\/?$/, table: true, handler: indexStats },
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/index\/(?<index>[^/]+)\/drop\/?$/, table: true, write: true, handler: dropIndex },
];

// Data writes: insert (append/overwrite; multipart parts go to multipart.mjs), merge_insert, update, delete (protocol §5.5, §5.7, §5.8).
// Uploaded data goes to the engine's native layer as an Arrow IPC file, untouched: the server never
// applies embedding functions (they are computed client-side).
import { badRequest } from '../errors.mjs';
import { json, readArrow, readJsonBody, queryBool, expectType } from '../http.mjs';
import { toIpcFile } from '../arrow-ipc.mjs';
import { stagePart } from './multipart.mjs';

async function insert(ctx) {
  const { db, name, query, req } = ctx;
  if (query.has('upload_id')) return stagePart(ctx); // a part of a multipart insert (§5.6)
  const mode = query.get('mode') ?? 'append';
  if (mode !== 'append' && mode !== 'overwrite') throw badRequest(`mode must be append or overwrite, got '${mode}'`);
  const data = await readArrow(req);
  return db.write([name], async () => {
    const table = await db.table(name);
    const result = await table.inner.add(toIpcFile(data), mode);
    return json({ version: result.version });
  });
}

async function mergeInsert({ db, name, query, req }) {
  const on = query.getAll('on');
  if (on.length !== 1 || !on[0]) throw badRequest('merge_insert needs exactly one "on" key column query parameter');
  const matchedUpdate = queryBool(query, 'when_matched_update_all');
  const matchedFilter = query.get('when_matched_update_all_filt');
  const notMatchedInsert = queryBool(query, 'when_not_matched_insert_all');
  const bySourceDelete = queryBool(query, 'when_not_matched_by_source_delete');
  const bySourceFilter = query.get('when_not_matched_by_source_delete_filt');
  const useIndex = queryBool(query, 'use_index', true);
  if (!matchedUpdate && !notMatchedInsert && !bySourceDelete) {
    throw badRequest('merge_insert needs at least one of when_matched_update_all, when_not_matched_insert_all, when_not_matched_by_source_delete');
  }
  const data = await readArrow(req);
  return db.write([name], async () => {
    const table = await db.table(name);
    let builder = table.inner.mergeInsert(on);
    if (matchedUpdate) builder = builder.whenMatchedUpdateAll(matchedFilter ?? undefined);
    if (notMatchedInsert) builder = builder.whenNotMatchedInsertAll();
    if (bySourceDelete) builder = builder.whenNotMatchedBySourceDelete(bySourceFilter ?? undefined);
    if (!useIndex) builder = builder.useIndex(false);
    const r = await builder.execute(toIpcFile(data));
    return json({
      version: r.version,
      num_inserted_rows: r.numInsertedRows,
      num_updated_rows: r.numUpdatedRows,
      num_deleted_rows: r.numDeletedRows,
      num_attempts: r.numAttempts,
      num_rows: r.numRows,
    });
  });
}

async function update({ db, name, req }) {
  const body = await readJsonBody(req);
  const updates = expectType(body.updates, 'array', 'updates');
  if (updates.length === 0) throw badRequest('"updates" must name at least one column');
  for (const u of updates) {
    if (!Array.isArray(u) || u.length !== 2 || typeof u[0] !== 'string' || typeof u[1] !== 'string') {
      throw badRequest('each entry of "updates" must be [column, sql_expression]');
    }
  }
  const predicate = expectType(body.predicate, 'string', 'predicate', true) ?? undefined;
  return db.write([name], async () => {
    const table = await db.table(name);
    const r = await table.inner.update(predicate, updates);
    return json({ rows_updated: r.rowsUpdated, version: r.version });
  });
}

async function remove({ db, name, req }) {
  const body = await readJsonBody(req);
  const predicate = expectType(body.predicate, 'string', 'predicate');
  return db.write([name], async () => {
    const table = await db.table(name);
    const r = await table.inner.delete(predicate);
    return json({ num_deleted_rows: r.numDeletedRows, version: r.version });
  });
}

export const routes = [
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/insert\/?$/, table: true, write: true, handler: insert },
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/merge_insert\/?$/, table: true, write: true, handler: mergeInsert },
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/update\/?$/, table: true, write: true, handler: update },
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/delete\/?$/, table: true, write: true, handler: remove },
];

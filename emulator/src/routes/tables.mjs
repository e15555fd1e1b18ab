// Database-level routes: list tables, create, describe, drop, rename (protocol §5.1, §5.2). `db` is the engine
// database of the table's namespace (see app.mjs), `name` the bare table name.
import fs from 'node:fs/promises';
import { badRequest, tableAlreadyExists, tableNotFound } from '../errors.mjs';
import { checkNamespaceName, checkTableName, namespaceLocks, tableLock } from '../databases.mjs';
import { page } from '../paging.mjs';
import { json, readArrow, readJson, readJsonBody, bodyVersion, versionHeader, expectType } from '../http.mjs';
import { checkRenameBody } from '../strict.mjs';
import { toIpcFile, schemaToIpcFile } from '../arrow-ipc.mjs';
import { schemaToJson } from '../schema-json.mjs';

const CREATE_MODES = new Set(['create', 'overwrite', 'exist_ok']);

/** `GET /v1/table/`: the root namespace's tables, paged. */
export async function listTables({ db, query }) {
  return json(page(await db.tableNames(), query, 'tables'));
}

async function createTable({ db, name, query, req }) {
  const mode = query.get('mode') ?? 'create';
  if (!CREATE_MODES.has(mode)) throw badRequest(`mode must be create, overwrite or exist_ok, got '${mode}'`);
  const data = await readArrow(req);
  return db.write([name], async () => {
    const exists = await db.exists(name);
    if (exists && mode === 'create') throw tableAlreadyExists(db.idOf(name));
    if (exists && mode === 'exist_ok') return json({});
    const conn = await db.conn();
    db.forget(name);
    if (data.numRows === 0) {
      await conn.inner.createEmptyTable(name, schemaToIpcFile(data.schema), mode, [], undefined);
    } else {
      await conn.inner.createTable(name, toIpcFile(data), mode, [], undefined);
    }
    return json({});
  });
}

async function describeTable({ db, name, req }) {
  const body = await readJson(req, {});
  const version = bodyVersion(body);
  const table = await db.tableAt(name, version);
  const [schema, current] = await Promise.all([table.schema(), table.version()]);
  return json({ table: name, version: current, schema: schemaToJson(schema) }, 200, versionHeader(current));
}

async function dropTable({ db, name }) {
  return db.write([name], async () => {
    if (!(await db.exists(name))) throw tableNotFound(db.idOf(name));
    db.forget(name);
    await (await db.conn()).dropTable(name);
    return json({});
  });
}

/** Renames a table, into another namespace when `new_namespace` is given (`[]` = the root). */
async function renameTable({ root, db, name, req }) {
  const body = await readJsonBody(req);
  checkRenameBody(body);
  const target = checkTableName(expectType(body.new_table_name, 'string', 'new_table_name'));
  let targetDb = db;
  if (body.new_namespace !== undefined && body.new_namespace !== null) {
    const nsPath = expectType(body.new_namespace, 'array', 'new_namespace');
    if (nsPath.some((p) => typeof p !== 'string')) throw badRequest('field "new_namespace" must be an array of strings');
    targetDb = await root.resolve(nsPath.map(checkNamespaceName));
  }
  const keys = [tableLock(db.idOf(name)), tableLock(targetDb.idOf(target)), ...namespaceLocks(db.namespace), ...namespaceLocks(targetDb.namespace)];
  return root.locks.run(keys, async () => {
    if (!(await db.exists(name))) throw tableNotFound(db.idOf(name));
    if (targetDb === db && target === name) return json({});
    if (await targetDb.exists(target)) throw tableAlreadyExists(targetDb.idOf(target));
    db.forget(name);
    targetDb.forget(target);
    await fs.rename(db.tablePath(name), targetDb.tablePath(target));
    return json({});
  });
}

export const routes = [
  { method: 'GET', pattern: /^\/v1\/table\/?$/, handler: listTables },
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/create\/?$/, table: true, handler: createTable },
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/describe\/?$/, table: true, handler: describeTable },
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/drop\/?$/, table: true, handler: dropTable },
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/rename\/?$/, table: true, handler: renameTable },
];

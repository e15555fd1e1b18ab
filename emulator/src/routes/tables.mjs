// Database-level routes: list tables, create, describe, drop, rename (protocol §5.1, §5.2).
import fs from 'node:fs/promises';
import { badRequest, notFound, tableAlreadyExists, tableNotFound } from '../errors.mjs';
import { checkTableName } from '../databases.mjs';
import { json, readArrow, readJson, readJsonBody, bodyVersion, versionHeader, expectType } from '../http.mjs';
import { checkRenameBody } from '../strict.mjs';
import { toIpcFile, schemaToIpcFile } from '../arrow-ipc.mjs';
import { schemaToJson } from '../schema-json.mjs';

const CREATE_MODES = new Set(['create', 'overwrite', 'exist_ok']);

async function listTables({ db, query }) {
  const limitText = query.get('limit');
  let limit = null;
  if (limitText !== null) {
    limit = Number(limitText);
    if (!Number.isInteger(limit) || limit < 0) throw badRequest(`limit must be a non-negative integer, got '${limitText}'`);
  }
  const startAfter = query.get('page_token');
  const all = (await (await db.conn()).tableNames()).slice().sort();
  const after = startAfter ? all.filter((n) => n > startAfter) : all;
  const page = limit === null || limit === 0 ? after : after.slice(0, limit);
  const body = { tables: page };
  if (page.length > 0 && page.length < after.length) body.page_token = page[page.length - 1];
  return json(body);
}

async function listNamespaceTables(ctx) {
  if (ctx.params.ns !== '$') throw notFound(`namespace '${ctx.params.ns}' not found (only the root namespace '$' exists)`);
  return listTables(ctx);
}

async function createTable({ db, name, query, req }) {
  const mode = query.get('mode') ?? 'create';
  if (!CREATE_MODES.has(mode)) throw badRequest(`mode must be create, overwrite or exist_ok, got '${mode}'`);
  const data = await readArrow(req);
  return db.write([name], async () => {
    const exists = await db.exists(name);
    if (exists && mode === 'create') throw tableAlreadyExists(name);
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
    if (!(await db.exists(name))) throw tableNotFound(name);
    db.forget(name);
    await (await db.conn()).dropTable(name);
    return json({});
  });
}

async function renameTable({ db, name, req }) {
  const body = await readJsonBody(req);
  checkRenameBody(body);
  const target = checkTableName(expectType(body.new_table_name, 'string', 'new_table_name'));
  if (Array.isArray(body.new_namespace) && body.new_namespace.length > 0) {
    throw badRequest('new_namespace: namespaces are not supported by this emulator (root namespace only)');
  }
  return db.write([name, target], async () => {
    if (!(await db.exists(name))) throw tableNotFound(name);
    if (target === name) return json({});
    if (await db.exists(target)) throw tableAlreadyExists(target);
    db.forget(name);
    db.forget(target);
    await fs.rename(db.tablePath(name), db.tablePath(target));
    return json({});
  });
}

export const routes = [
  { method: 'GET', pattern: /^\/v1\/table\/?$/, handler: listTables },
  { method: 'GET', pattern: /^\/v1\/namespace\/(?<ns>[^/]+)\/table\/list\/?$/, handler: listNamespaceTables },
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/create\/?$/, table: true, handler: createTable },
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/describe\/?$/, table: true, handler: describeTable },
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/drop\/?$/, table: true, handler: dropTable },
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/rename\/?$/, table: true, handler: renameTable },
];

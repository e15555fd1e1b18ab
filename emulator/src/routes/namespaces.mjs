// Namespace routes (protocol §5.1; request and answer models of the lance-namespace REST spec): create, drop,
// describe, list child namespaces, list a namespace's tables. `nsPath` is the namespace path from the URL (`$` = root).
import { badRequest, namespaceAlreadyExists, namespaceNotEmpty, namespaceNotFound } from '../errors.mjs';
import { json, readJson, expectType } from '../http.mjs';
import { namespaceLocks, tableLock } from '../databases.mjs';
import { page } from '../paging.mjs';

/**
 * Normalizes a `mode` / `behavior` value: case-insensitive, PascalCase or snake_case (`ExistOk`, `exist_ok`), as the
 * spec allows. The official client 0.37.1 sends Rust's debug form of the string, quotes included (`"\"ExistOk\""`):
 * accepted too.
 */
function option(body, field, allowed, fallback) {
  const value = expectType(body[field], 'string', field, true);
  if (value === undefined || value === null) return fallback;
  const normalized = value.replace(/^"(.*)"$/, '$1').replace(/_/g, '').toLowerCase();
  if (!allowed.includes(normalized)) throw badRequest(`${field} must be one of ${allowed.join(', ')} (any case, PascalCase or snake_case), got '${value}'`);
  return normalized;
}

function properties(body) {
  const value = expectType(body.properties, 'object', 'properties', true);
  if (value === undefined || value === null) return {};
  if (Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw badRequest('field "properties" must be an object of string values');
  }
  return value;
}

/** The locks a namespace change holds: every namespace on its path (so no write inside runs meanwhile). */
const locksOf = (nsPath) => namespaceLocks(nsPath);

async function createNamespace({ root, nsPath, req }) {
  const body = await readJson(req);
  const mode = option(body, 'mode', ['create', 'existok', 'overwrite'], 'create');
  const props = properties(body);
  if (nsPath.length === 0) throw namespaceAlreadyExists(['$']);
  const parent = await root.resolve(nsPath.slice(0, -1));
  const name = nsPath[nsPath.length - 1];
  return root.locks.run(locksOf(nsPath), async () => {
    const existing = parent.child(name);
    if (await existing.isNamespace()) {
      if (mode === 'create') throw namespaceAlreadyExists(nsPath);
      if (mode === 'existok') return describeAnswer(await existing.properties());
      await existing.removeTree();
      parent.children.delete(name);
    }
    await parent.createChild(name, props);
    return describeAnswer(props);
  });
}

/** `{properties}` when there are any, else `{}` (as the embedded engine answers). */
const describeAnswer = (props) => json(Object.keys(props).length > 0 ? { properties: props } : {});

async function describeNamespace({ root, nsPath, req }) {
  await readJson(req);
  const ns = await root.resolve(nsPath);
  if (nsPath.length === 0) return json({ properties: {} });
  return describeAnswer(await ns.properties());
}

async function dropNamespace({ root, nsPath, req }) {
  const body = await readJson(req);
  const mode = option(body, 'mode', ['fail', 'skip'], 'fail');
  const behavior = option(body, 'behavior', ['restrict', 'cascade'], 'restrict');
  if (nsPath.length === 0) throw badRequest('the root namespace cannot be dropped');
  let ns;
  try {
    ns = await root.resolve(nsPath);
  } catch (err) {
    if (err?.status === 404 && mode === 'skip') return json({});
    throw err;
  }
  return root.locks.run(locksOf(nsPath), async () => {
    if (!(await ns.isNamespace())) {
      if (mode === 'skip') return json({});
      throw namespaceNotFound(nsPath);
    }
    const [tables, children] = [await ns.tableNames(), await ns.childNames()];
    if (behavior === 'restrict' && tables.length + children.length > 0) throw namespaceNotEmpty(nsPath, tables.length, children.length);
    // Cascade: the tables' own locks too, so no write to one of them is cut off half-way.
    return root.locks.run(tables.map((t) => tableLock(ns.idOf(t))), async () => {
      await ns.removeTree();
      (await root.resolve(nsPath.slice(0, -1))).children.delete(nsPath[nsPath.length - 1]);
      return json({});
    });
  });
}

async function listNamespaces({ root, nsPath, query }) {
  const ns = await root.resolve(nsPath);
  return json(page(await ns.childNames(), query, 'namespaces'));
}

async function listNamespaceTables({ root, nsPath, query }) {
  const ns = await root.resolve(nsPath);
  return json(page(await ns.tableNames(), query, 'tables'));
}

const NS = '(?<ns>[^/]+)';
export const routes = [
  { method: 'POST', pattern: new RegExp(`^/v1/namespace/${NS}/create/?$`), namespace: true, handler: createNamespace },
  { method: 'POST', pattern: new RegExp(`^/v1/namespace/${NS}/drop/?$`), namespace: true, handler: dropNamespace },
  { method: 'POST', pattern: new RegExp(`^/v1/namespace/${NS}/describe/?$`), namespace: true, handler: describeNamespace },
  { method: 'GET', pattern: new RegExp(`^/v1/namespace/${NS}/list/?$`), namespace: true, handler: listNamespaces },
  { method: 'GET', pattern: new RegExp(`^/v1/namespace/${NS}/table/list/?$`), namespace: true, handler: listNamespaceTables },
];

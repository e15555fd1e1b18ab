// Storage: one embedded LanceDB database per `x-lancedb-database` name, under <data>/<name>/,
// each root table a Lance dataset <data>/<name>/<table>.lance. A namespace is a directory of its own
// engine database: namespace a$b lives in <data>/<name>/a.ns/b.ns/ (its tables <table>.lance there, its
// properties in .namespace.json). Table handles are cached per engine directory; every write to a
// table runs under the mutex of its full identifier (ns1$ns2$table), shared by the whole database.
import path from 'node:path';
import fs from 'node:fs/promises';
import * as lancedb from '@lancedb/lancedb';
import { KeyedMutex } from './mutex.mjs';
import { badRequest, namespaceNotFound, tableNotFound } from './errors.mjs';

const NAME_RE = /^[A-Za-z0-9_.-]+$/;
export const DEFAULT_DATABASE = 'default';

/** Validates a database name taken from `x-lancedb-database`. */
export function checkDatabaseName(name) {
  if (!NAME_RE.test(name) || name === '.' || name === '..') {
    throw badRequest(`invalid database name '${name}': use letters, digits, '_', '-' and '.'`);
  }
  return name;
}

/** Validates a table name (one part of a table identifier). */
export function checkTableName(name) {
  if (!NAME_RE.test(name) || name === '.' || name === '..') {
    throw badRequest(`invalid table name '${name}': use letters, digits, '_', '-' and '.'`);
  }
  return name;
}

/** Validates one namespace name (one part of a namespace path). */
export function checkNamespaceName(name) {
  if (!NAME_RE.test(name) || name === '.' || name === '..') {
    throw badRequest(`invalid namespace name '${name}': use letters, digits, '_', '-' and '.'`);
  }
  return name;
}

/** The identifier delimiter of a request: `?delimiter=` (protocol §1), else `$`. */
export function delimiterOf(query) {
  const d = query.get('delimiter');
  if (d === null) return DEFAULT_DELIMITER;
  if (d === '' || NAME_RE.test(d)) throw badRequest(`invalid delimiter '${d}': it must not be empty or a name character`);
  return d;
}

export const DEFAULT_DELIMITER = '$';

/**
 * Splits a table identifier (`ns1$ns2$table`, protocol §1) into its namespace path and table name.
 * @returns {{namespace: string[], name: string}}
 */
export function parseTableId(id, delimiter = DEFAULT_DELIMITER) {
  const parts = id.split(delimiter);
  const name = checkTableName(parts.pop());
  return { namespace: parts.map(checkNamespaceName), name };
}

/** Splits a namespace identifier; the delimiter alone is the root namespace (`[]`). */
export function parseNamespaceId(id, delimiter = DEFAULT_DELIMITER) {
  if (id === delimiter) return [];
  return id.split(delimiter).map(checkNamespaceName);
}

const PROPERTIES_FILE = '.namespace.json';
const NAMESPACE_SUFFIX = '.ns';

const isNotFound = (err) => /not found|does not exist/i.test(String(err?.message ?? err));

/** One engine directory: the root namespace of a database, or one of its namespaces. */
class Database {
  /**
   * @param {string} name the database name
   * @param {string} dir the engine directory
   * @param {string[]} namespace the namespace path ([] for the root)
   * @param {KeyedMutex} locks the database's locks (shared by all its namespaces)
   */
  constructor(name, dir, namespace = [], locks = new KeyedMutex()) {
    this.name = name;
    this.dir = dir;
    this.namespace = namespace;
    this.handles = new Map();
    this.locks = locks;
    this.connection = null;
    /** @type {Map<string, Database>} child namespaces opened so far */
    this.children = new Map();
  }

  /** The full identifier of a table or child namespace here (`ns1$ns2$name`). */
  idOf(name) {
    return [...this.namespace, name].join(DEFAULT_DELIMITER);
  }

  /** The engine directory of the child namespace `name`. */
  childDir(name) {
    return path.join(this.dir, `${name}${NAMESPACE_SUFFIX}`);
  }

  /** The child namespace `name` (whether or not it exists on disk). */
  child(name) {
    let db = this.children.get(name);
    if (!db) {
      db = new Database(this.name, this.childDir(name), [...this.namespace, name], this.locks);
      this.children.set(name, db);
    }
    return db;
  }

  /** The namespace at `path` below this one; 404 when it (or a parent) does not exist. */
  async resolve(nsPath) {
    let db = this;
    for (const part of nsPath) {
      db = db.child(part);
      if (!(await db.isNamespace())) throw namespaceNotFound(db.namespace);
    }
    return db;
  }

  /** Whether this directory is a namespace that exists (the root always does). */
  async isNamespace() {
    if (this.namespace.length === 0) return true;
    return fs.access(path.join(this.dir, PROPERTIES_FILE)).then(() => true, () => false);
  }

  /** The namespace's properties (root: none). */
  async properties() {
    if (this.namespace.length === 0) return {};
    return JSON.parse(await fs.readFile(path.join(this.dir, PROPERTIES_FILE), 'utf8')).properties ?? {};
  }

  /** The names of the existing child namespaces, sorted. */
  async childNames() {
    const entries = await fs.readdir(this.dir, { withFileTypes: true }).catch((err) => {
      if (err.code === 'ENOENT') return [];
      throw err;
    });
    const names = [];
    for (const e of entries) {
      if (!e.isDirectory() || !e.name.endsWith(NAMESPACE_SUFFIX)) continue;
      const name = e.name.slice(0, -NAMESPACE_SUFFIX.length);
      if (NAME_RE.test(name) && (await this.child(name).isNamespace())) names.push(name);
    }
    return names.sort();
  }

  /** The table names here, sorted. */
  async tableNames() {
    return (await (await this.conn()).tableNames()).slice().sort();
  }

  /**
   * Creates the child namespace `name` with `properties`: written in a temporary sibling directory and renamed into
   * place, so the namespace exists completely or not at all.
   */
  async createChild(name, properties) {
    const target = this.childDir(name);
    const temp = `${target}.tmp-${process.pid}-${Date.now()}`;
    await fs.mkdir(temp, { recursive: true });
    await fs.writeFile(path.join(temp, PROPERTIES_FILE), JSON.stringify({ properties }));
    await fs.rename(temp, target);
    return this.child(name);
  }

  /** Removes this namespace and everything in it (tables, child namespaces); the caller holds the locks. */
  async removeTree() {
    this.closeTree();
    const parentDir = path.dirname(this.dir);
    const trash = path.join(parentDir, `.dropped-${path.basename(this.dir)}-${process.pid}-${Date.now()}`);
    // Renamed away first, so the namespace disappears at once even if deleting its files takes a while.
    await fs.rename(this.dir, trash);
    await fs.rm(trash, { recursive: true, force: true });
  }

  /** Closes the cached handles here and in every child namespace opened so far. */
  closeTree() {
    for (const child of this.children.values()) child.closeTree();
    this.children.clear();
    for (const name of [...this.handles.keys()]) this.forget(name);
    try { this.connection?.close(); } catch { /* ignore */ }
    this.connection = null;
  }

  async conn() {
    if (!this.connection) {
      // Only the root directory is made here: a namespace's directory exists exactly while the namespace does.
      if (this.namespace.length === 0) await fs.mkdir(this.dir, { recursive: true });
      // readConsistencyInterval 0: every read sees the latest committed version.
      this.connection = await lancedb.connect(this.dir, { readConsistencyInterval: 0 });
    }
    return this.connection;
  }

  /** Latest-version handle for `name`; 404 when the table does not exist. */
  async table(name) {
    const cached = this.handles.get(name);
    if (cached) return cached;
    const conn = await this.conn();
    try {
      const handle = await conn.openTable(name);
      this.handles.set(name, handle);
      return handle;
    } catch (err) {
      if (isNotFound(err)) throw tableNotFound(this.idOf(name));
      throw err;
    }
  }

  /** A fresh handle checked out at `version` (or the cached latest handle when version is null). */
  async tableAt(name, version) {
    if (version === null || version === undefined) return this.table(name);
    if (!Number.isInteger(version) || version < 1) throw badRequest(`version must be a positive integer, got ${JSON.stringify(version)}`);
    await this.table(name);
    const handle = await (await this.conn()).openTable(name);
    try {
      await handle.checkout(version);
    } catch (err) {
      throw badRequest(`cannot read version ${version} of table '${name}': ${err.message}`);
    }
    return handle;
  }

  async exists(name) {
    const names = await (await this.conn()).tableNames();
    return names.includes(name);
  }

  forget(name) {
    const handle = this.handles.get(name);
    this.handles.delete(name);
    try { handle?.close(); } catch { /* already closed */ }
  }

  remember(name, handle) {
    this.forget(name);
    this.handles.set(name, handle);
  }

  /** Runs a write under the mutex of each named table here (keyed by full identifier) and of each namespace on the path. */
  write(names, fn) {
    return this.locks.run([...names.map((n) => tableLock(this.idOf(n))), ...namespaceLocks(this.namespace)], fn);
  }

  tablePath(name) {
    return path.join(this.dir, `${name}.lance`);
  }

  close() {
    this.closeTree();
  }
}

/** The lock key of a table, by full identifier. */
export const tableLock = (id) => `table:${id}`;

/**
 * The lock keys a write inside namespace `nsPath` holds: one per namespace on the path, so a namespace is never
 * dropped (or overwritten) while a write inside it runs. The mutex is exclusive, so writes inside one namespace run one
 * after another (root-namespace writes hold no namespace key).
 */
export const namespaceLocks = (nsPath) => nsPath.map((_, i) => `ns:${nsPath.slice(0, i + 1).join(DEFAULT_DELIMITER)}`);

/** All databases under one data directory. */
export class Databases {
  /** @param {string} root */
  constructor(root) {
    this.root = path.resolve(root);
    this.byName = new Map();
  }

  /** @param {string} name @returns {Database} */
  get(name) {
    checkDatabaseName(name);
    let db = this.byName.get(name);
    if (!db) {
      db = new Database(name, path.join(this.root, name));
      this.byName.set(name, db);
    }
    return db;
  }

  close() {
    for (const db of this.byName.values()) db.close();
  }
}

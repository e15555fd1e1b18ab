// Storage: one embedded LanceDB database per `x-lancedb-database` name, under <data>/<name>/,
// each table a Lance dataset <data>/<name>/<table>.lance. Table handles are cached; every write to a
// table runs under that table's mutex.
import path from 'node:path';
import fs from 'node:fs/promises';
import * as lancedb from '@lancedb/lancedb';
import { KeyedMutex } from './mutex.mjs';
import { badRequest, tableNotFound } from './errors.mjs';

const NAME_RE = /^[A-Za-z0-9_.-]+$/;
export const DEFAULT_DATABASE = 'default';

/** Validates a database name taken from `x-lancedb-database`. */
export function checkDatabaseName(name) {
  if (!NAME_RE.test(name) || name === '.' || name === '..') {
    throw badRequest(`invalid database name '${name}': use letters, digits, '_', '-' and '.'`);
  }
  return name;
}

/** Validates a table identifier from the URL path (root namespace only). */
export function checkTableName(name) {
  if (name.includes('$')) {
    throw badRequest(`table '${name}': namespaces are not supported by this emulator (root namespace only)`);
  }
  if (!NAME_RE.test(name) || name === '.' || name === '..') {
    throw badRequest(`invalid table name '${name}': use letters, digits, '_', '-' and '.'`);
  }
  return name;
}

const isNotFound = (err) => /not found|does not exist/i.test(String(err?.message ?? err));

class Database {
  /** @param {string} dir */
  constructor(name, dir) {
    this.name = name;
    this.dir = dir;
    this.handles = new Map();
    this.locks = new KeyedMutex();
    this.connection = null;
  }

  async conn() {
    if (!this.connection) {
      await fs.mkdir(this.dir, { recursive: true });
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
      if (isNotFound(err)) throw tableNotFound(name);
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

  /** Runs a write under the mutex of each named table. */
  write(names, fn) {
    return this.locks.run(names.map((n) => `table:${n}`), fn);
  }

  tablePath(name) {
    return path.join(this.dir, `${name}.lance`);
  }

  close() {
    for (const name of [...this.handles.keys()]) this.forget(name);
    try { this.connection?.close(); } catch { /* ignore */ }
  }
}

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

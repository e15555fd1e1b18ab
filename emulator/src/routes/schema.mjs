// Schema evolution: add_columns (SQL expressions), alter_columns, drop_columns (protocol §5.11).
import { badRequest } from '../errors.mjs';
import { json, readJsonBody, expectType } from '../http.mjs';

async function addColumns({ db, name, req }) {
  const body = await readJsonBody(req);
  const columns = expectType(body.new_columns, 'array', 'new_columns');
  if (columns.length === 0) throw badRequest('"new_columns" must not be empty');
  const transforms = columns.map((c, i) => {
    if (!c || typeof c.name !== 'string' || typeof c.expression !== 'string') {
      throw badRequest(`new_columns[${i}] must be {"name": str, "expression": sql}`);
    }
    return { name: c.name, valueSql: c.expression };
  });
  return db.write([name], async () => {
    const r = await (await db.table(name)).addColumns(transforms);
    return json({ version: r.version });
  });
}

async function alterColumns({ db, name, req }) {
  const body = await readJsonBody(req);
  const alterations = expectType(body.alterations, 'array', 'alterations');
  if (alterations.length === 0) throw badRequest('"alterations" must not be empty');
  const native = alterations.map((a, i) => {
    if (!a || typeof a.path !== 'string') throw badRequest(`alterations[${i}].path must be a string`);
    const out = { path: a.path };
    if (a.rename !== undefined && a.rename !== null) out.rename = expectType(a.rename, 'string', `alterations[${i}].rename`);
    if (a.nullable !== undefined && a.nullable !== null) out.nullable = expectType(a.nullable, 'boolean', `alterations[${i}].nullable`);
    if (a.data_type !== undefined && a.data_type !== null) {
      if (typeof a.data_type !== 'object') throw badRequest(`alterations[${i}].data_type must be a JSON data type object`);
      out.dataType = JSON.stringify(a.data_type);
    }
    return out;
  });
  return db.write([name], async () => {
    const r = await (await db.table(name)).inner.alterColumns(native);
    return json({ version: r.version });
  });
}

async function dropColumns({ db, name, req }) {
  const body = await readJsonBody(req);
  const columns = expectType(body.columns, 'array', 'columns');
  if (columns.length === 0 || columns.some((c) => typeof c !== 'string')) throw badRequest('"columns" must be a non-empty list of names');
  return db.write([name], async () => {
    const r = await (await db.table(name)).dropColumns(columns);
    return json({ version: r.version });
  });
}

export const routes = [
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/add_columns\/?$/, table: true, write: true, handler: addColumns },
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/alter_columns\/?$/, table: true, write: true, handler: alterColumns },
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/drop_columns\/?$/, table: true, write: true, handler: dropColumns },
];

// Table versions: version/list, restore and tags (protocol §5.10).
import { badRequest, notFound } from '../errors.mjs';
import { json, readJsonBody, bodyVersion, versionHeader, expectType } from '../http.mjs';

async function listVersions({ db, name }) {
  const table = await db.table(name);
  const versions = await table.listVersions();
  const current = await table.version();
  return json({
    versions: versions.map((v) => ({
      version: v.version,
      timestamp: new Date(v.timestamp instanceof Date ? v.timestamp.getTime() : v.timestamp).toISOString(),
      metadata: v.metadata ?? {},
    })),
  }, 200, versionHeader(current));
}

async function restore({ db, name, req }) {
  const body = await readJsonBody(req);
  const version = bodyVersion(body);
  return db.write([name], async () => {
    await db.table(name); // 404 for a missing table
    // Same answer as the embedded engine gives for a restore without a checked-out version.
    if (version === null) throw badRequest('Invalid input, you must run checkout before running restore');
    const handle = await db.tableAt(name, version);
    await handle.restore();
    handle.close();
    db.forget(name);
    return json({ version: await (await db.table(name)).version() });
  });
}

/**
 * Runs a tag operation on the engine. Its errors keep the engine's words: a missing tag ("Ref not found error: tag x
 * does not exist") is 404; a duplicate tag ("Ref conflict error: tag x already exists"), an unknown version ("Version
 * not found error: version main:9 does not exist") and an invalid name are 400 (not 409, which clients retry).
 */
async function onTags(db, name, fn) {
  const table = await db.table(name); // 404 for a missing table
  const tags = await table.tags();
  try {
    return await fn(tags, table);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/Ref not found/i.test(message)) throw notFound(message);
    throw badRequest(message);
  }
}

const tagOf = (body) => expectType(body.tag, 'string', 'tag');

function versionOf(body) {
  const version = bodyVersion(body);
  if (version === null) throw badRequest('missing required field "version"');
  return version;
}

async function listTags({ db, name }) {
  return onTags(db, name, async (tags, table) => {
    const list = await tags.list();
    const out = {};
    for (const tag of Object.keys(list).sort()) {
      out[tag] = { branch: null, version: list[tag].version, manifestSize: list[tag].manifestSize };
    }
    return json(out, 200, versionHeader(await table.version()));
  });
}

async function tagVersion({ db, name, req }) {
  const body = await readJsonBody(req);
  const tag = tagOf(body);
  return onTags(db, name, async (tags) => json({ version: await tags.getVersion(tag) }));
}

const changeTag = (change) => async ({ db, name, req }) => {
  const body = await readJsonBody(req);
  return db.write([name], () => onTags(db, name, async (tags) => {
    await change(tags, body);
    return json({});
  }));
};

export const routes = [
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/tags\/list\/?$/, table: true, handler: listTags },
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/tags\/version\/?$/, table: true, handler: tagVersion },
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/tags\/create\/?$/, table: true, write: true, handler: changeTag((tags, body) => tags.create(tagOf(body), versionOf(body))) },
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/tags\/update\/?$/, table: true, write: true, handler: changeTag((tags, body) => tags.update(tagOf(body), versionOf(body))) },
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/tags\/delete\/?$/, table: true, write: true, handler: changeTag((tags, body) => tags.delete(tagOf(body))) },
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/version\/list\/?$/, table: true, handler: listVersions },
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/restore\/?$/, table: true, write: true, handler: restore },
];

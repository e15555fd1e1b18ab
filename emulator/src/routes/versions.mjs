// Table versions: version/list and restore (protocol §5.10).
import { badRequest } from '../errors.mjs';
import { json, readJsonBody, bodyVersion, versionHeader } from '../http.mjs';

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

export const routes = [
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/version\/list\/?$/, table: true, handler: listVersions },
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/restore\/?$/, table: true, write: true, handler: restore },
];

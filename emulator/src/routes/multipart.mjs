// Multipart inserts (protocol §5.6): create an upload, stage parts (`insert/?upload_id=&upload_part_id=`), then
// complete (all parts committed atomically as one engine write) or abort (parts discarded). Parts are staged in
// memory, per database; a part sent again with the same upload_part_id replaces the earlier copy (a retried part
// never doubles its rows). A completed upload answers a repeated complete with the same version (its first answer may
// have been lost); parts for a completed or aborted upload are refused with 400; unknown upload ids get 404.
import { randomUUID } from 'node:crypto';
import { badRequest, notFound } from '../errors.mjs';
import { json, readArrow, readBody } from '../http.mjs';
import { toIpcFile } from '../arrow-ipc.mjs';

/** The uploads of one database, created on first use. */
function uploadsOf(db) {
  db.uploads ??= new Map();
  return db.uploads;
}

/** The upload named by `upload_id` on table `name`: 404 when there is none (or it belongs to another table). */
function findUpload(db, name, query) {
  const id = query.get('upload_id');
  if (!id) throw badRequest('missing required query parameter upload_id');
  const upload = uploadsOf(db).get(id);
  if (!upload || upload.table !== name) throw notFound(`multipart upload '${id}' does not exist on table '${name}'`);
  return upload;
}

async function createUpload({ db, name, req }) {
  await readBody(req);
  await db.table(name); // 404 for a missing table
  const id = randomUUID();
  uploadsOf(db).set(id, { id, table: name, state: 'open', parts: new Map(), mode: null, version: null });
  return json({ upload_id: id });
}

/** Stages one part (called by the insert route when the request carries `upload_id`). */
export async function stagePart({ db, name, query, req }) {
  const upload = findUpload(db, name, query);
  const partId = query.get('upload_part_id');
  if (!partId) throw badRequest('a multipart insert needs the query parameter upload_part_id');
  const mode = query.get('mode') ?? 'append';
  if (mode !== 'append' && mode !== 'overwrite') throw badRequest(`mode must be append or overwrite, got '${mode}'`);
  const data = await readArrow(req);
  if (upload.state !== 'open') throw badRequest(`multipart upload '${upload.id}' is ${upload.state}: it takes no more parts`);
  if (upload.mode !== null && upload.mode !== mode) throw badRequest(`multipart upload '${upload.id}' mixes mode ${upload.mode} and ${mode}`);
  upload.mode = mode;
  upload.parts.set(partId, data);
  return json({});
}

async function complete({ db, name, query, req }) {
  await readBody(req);
  const upload = findUpload(db, name, query);
  return db.write([name], async () => {
    if (upload.state === 'completed') return json({ version: upload.version });
    if (upload.state === 'aborted') throw badRequest(`multipart upload '${upload.id}' was aborted: it cannot be completed`);
    const table = await db.table(name);
    const parts = [...upload.parts.values()].filter((part) => part.numRows > 0);
    upload.state = 'completing'; // a part arriving now is refused, never staged after the commit took the others
    let version;
    if (parts.length === 0 && upload.mode !== 'overwrite') {
      version = await table.version(); // nothing staged: nothing to commit
    } else {
      let data;
      try {
        data = parts.length === 0 ? [...upload.parts.values()][0] : parts[0].concat(...parts.slice(1));
      } catch (err) {
        upload.state = 'open';
        throw badRequest(`the parts of multipart upload '${upload.id}' do not share one schema: ${err.message}`);
      }
      try {
        version = (await table.inner.add(toIpcFile(data), upload.mode ?? 'append')).version;
      } catch (err) {
        upload.state = 'open'; // nothing committed: the upload can be completed again or aborted
        throw err;
      }
    }
    upload.state = 'completed';
    upload.version = version;
    upload.parts.clear();
    return json({ version });
  });
}

async function abort({ db, name, query, req }) {
  await readBody(req);
  const upload = findUpload(db, name, query);
  return db.write([name], async () => {
    if (upload.state === 'completed' || upload.state === 'completing') throw badRequest(`multipart upload '${upload.id}' was completed: it cannot be aborted`);
    upload.state = 'aborted';
    upload.parts.clear();
    return json({});
  });
}

export const routes = [
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/multipart_write\/create\/?$/, table: true, write: true, handler: createUpload },
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/multipart_write\/complete\/?$/, table: true, write: true, handler: complete },
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/multipart_write\/abort\/?$/, table: true, write: true, handler: abort },
];

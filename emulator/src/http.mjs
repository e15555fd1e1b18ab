// Request-body reading and response builders shared by all routes.
import { badRequest, HttpError } from './errors.mjs';
import { ARROW_FILE_CONTENT_TYPE, readIpcStream } from './arrow-ipc.mjs';
import { checkArrowStreamContentType, checkJsonContentType, missingJsonBody } from './strict.mjs';

/**
 * Reads the whole request body (chunked or not) once; later calls return the same bytes. A body larger than
 * `req.maxBodyBytes` (set by the app from `--max-body-bytes`) is drained and refused with 413, as a server behind a
 * request-size limit answers: nothing of it is written.
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<Buffer>}
 */
export function readBody(req) {
  if (req.bodyPromise) return req.bodyPromise;
  const limit = req.maxBodyBytes ?? Number.MAX_SAFE_INTEGER;
  req.bodyPromise = new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > limit) reject(new HttpError(413, `Payload Too Large: request body of ${size} bytes exceeds the limit of ${limit} bytes`));
      else resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
    // A client that disconnects mid-upload: nothing is written from a partial body.
    req.on('close', () => {
      if (!req.complete) reject(new HttpError(400, 'connection closed before the request body was complete'));
    });
  });
  return req.bodyPromise;
}

/**
 * Parses a JSON body, which must come with `Content-Type: application/json`. An empty body yields `emptyValue`
 * (e.g. describe sent without a body, as the official client opens a table).
 * @returns {Promise<any>}
 */
export async function readJson(req, emptyValue = {}) {
  const bytes = await readBody(req);
  const text = bytes.toString('utf8').trim();
  if (text === '') return emptyValue;
  checkJsonContentType(req);
  let value;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw badRequest(`malformed JSON body: ${err.message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest('JSON body must be an object');
  }
  return value;
}

/** Parses the JSON body of a route whose official client always sends one: an empty body is refused. */
export async function readJsonBody(req) {
  const body = await readJson(req, null);
  if (body === null) throw missingJsonBody();
  return body;
}

/** Reads an Arrow IPC stream body (LZ4_FRAME-compressed or plain) into an apache-arrow Table. */
export async function readArrow(req) {
  checkArrowStreamContentType(req);
  const bytes = await readBody(req);
  try {
    return readIpcStream(bytes);
  } catch (err) {
    throw badRequest(err.message);
  }
}

/** @typedef {{status: number, headers: Record<string,string>, body?: string|Buffer, stream?: AsyncIterable<Uint8Array>}} Reply */

/** @returns {Reply} */
export function json(value, status = 200, headers = {}) {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value) };
}

/** @returns {Reply} */
export function arrowFile(buffer, headers = {}) {
  return { status: 200, headers: { 'content-type': ARROW_FILE_CONTENT_TYPE, ...headers }, body: buffer };
}

/**
 * An Arrow IPC file answer sent as it is produced (chunked transfer encoding, no Content-Length).
 * @param {AsyncIterable<Uint8Array>} chunks
 * @returns {Reply}
 */
export function arrowFileStream(chunks, headers = {}) {
  return { status: 200, headers: { 'content-type': ARROW_FILE_CONTENT_TYPE, ...headers }, stream: chunks };
}

/** @returns {Reply} */
export function text(message, status) {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: message };
}

/** The header every read answers with: the dataset version the read reflected. */
export const versionHeader = (version) => ({ 'x-lancedb-version': String(version) });

/** Reads a query-string boolean ("true"/"false"; absent -> fallback). */
export function queryBool(query, name, fallback = false) {
  const v = query.get(name);
  if (v === null) return fallback;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw badRequest(`query parameter ${name} must be true or false, got '${v}'`);
}

/** Optional `version` field of read bodies: null/absent = latest. */
export function bodyVersion(body) {
  const v = body?.version;
  if (v === undefined || v === null) return null;
  if (!Number.isInteger(v) || v < 1) throw badRequest(`"version" must be a positive integer or null, got ${JSON.stringify(v)}`);
  return v;
}

/** Asserts a field has the expected JS type; names the field in the 400 message. */
export function expectType(value, type, name, optional = false) {
  if (value === undefined || value === null) {
    if (optional) return value;
    throw badRequest(`missing required field "${name}"`);
  }
  const ok = type === 'array' ? Array.isArray(value) : typeof value === type;
  if (!ok) throw badRequest(`field "${name}" must be ${type === 'array' ? 'an array' : `a ${type}`}`);
  return value;
}

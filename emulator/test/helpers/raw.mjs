// Raw HTTP requests to the emulator (for what the official client never sends: bad input, faults).
import { arrow } from '../../src/arrow.mjs';
import { API_KEY } from './emulator.mjs';

/**
 * @param {string} url emulator base URL
 * @param {string} path
 * @param {{method?: string, body?: any, headers?: Record<string,string>, apiKey?: string|null, contentType?: string|null}} options
 *   `contentType: null` sends the body with no Content-Type header at all.
 */
export async function raw(url, path, { method = 'POST', body, headers = {}, apiKey = API_KEY, contentType } = {}) {
  const h = { 'x-lancedb-database': 'dev', ...headers };
  if (apiKey) h['x-api-key'] = apiKey;
  let payload = body;
  if (body !== undefined && typeof body === 'object' && !(body instanceof Uint8Array)) {
    payload = JSON.stringify(body);
    h['content-type'] ??= 'application/json';
  }
  if (body instanceof Uint8Array) h['content-type'] ??= 'application/vnd.apache.arrow.stream';
  if (contentType === null) {
    delete h['content-type'];
    if (typeof payload === 'string') payload = Buffer.from(payload); // fetch would label a string text/plain
  } else if (contentType !== undefined) {
    h['content-type'] = contentType;
  }
  const res = await fetch(`${url}${path}`, { method, headers: h, body: payload });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, text: Buffer.from(bytes).toString('utf8') };
}

/** An uncompressed Arrow IPC stream of rows {id:int32, vector:fixed_size_list<float32>[dim]}. */
export function vectorStream(rows, dim) {
  const { Schema, Field, Int32, Float32, FixedSizeList, tableToIPC, vectorFromArray, makeData, Struct, RecordBatch, Table } = arrow;
  const type = new FixedSizeList(dim, new Field('item', new Float32(), true));
  const schema = new Schema([new Field('id', new Int32(), false), new Field('vector', type, true)]);
  const ids = vectorFromArray(rows.map((r) => r.id), new Int32());
  const vecs = vectorFromArray(rows.map((r) => r.vector), type);
  const data = makeData({ type: new Struct(schema.fields), length: rows.length, nullCount: 0, children: [ids.data[0], vecs.data[0]] });
  return tableToIPC(new Table(schema, [new RecordBatch(schema, data)]), 'stream');
}

// Arrow IPC helpers: decode upload streams (possibly LZ4_FRAME-compressed, which apache-arrow 18 cannot
// read) and encode query answers as Arrow IPC files.
//
// Decoding route: the stream is walked message by message; every RecordBatch / DictionaryBatch whose
// metadata names a body compression has each buffer decompressed and the message re-framed without
// compression (new buffer offsets, 8-byte aligned). The rewritten stream is then read by apache-arrow.
import {
  arrow, ByteBuffer, FbMessage, MessageHeader, FbRecordBatch, FbDictionaryBatch, CompressionType, metadata,
} from './arrow.mjs';
import { decompressLz4Frame } from './lz4-frame.mjs';

const { RecordBatchReader, RecordBatchFileWriter, RecordBatchStreamWriter, Table } = arrow;
const {
  Message: MetaMessage,
  RecordBatch: MetaRecordBatch,
  DictionaryBatch: MetaDictionaryBatch,
  FieldNode: MetaFieldNode,
  BufferRegion: MetaBufferRegion,
} = metadata;

export const ARROW_STREAM_CONTENT_TYPE = 'application/vnd.apache.arrow.stream';
export const ARROW_FILE_CONTENT_TYPE = 'application/vnd.apache.arrow.file';

const CONTINUATION = 0xffffffff;

/** Error raised for an Arrow payload the emulator cannot decode (answered as 400). */
export class ArrowDecodeError extends Error {
  constructor(message) {
    super(`invalid Arrow IPC data: ${message}`);
    this.name = 'ArrowDecodeError';
  }
}

const align8 = (n) => (n + 7) & ~7;

/**
 * Splits an IPC stream into its framed messages.
 * @param {Uint8Array} bytes
 * @returns {{metadata: Uint8Array, body: Uint8Array}[]}
 */
function splitMessages(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const messages = [];
  let pos = 0;
  while (pos + 4 <= bytes.byteLength) {
    let len = view.getUint32(pos, true);
    pos += 4;
    if (len === CONTINUATION) {
      if (pos + 4 > bytes.byteLength) throw new ArrowDecodeError('truncated message length');
      len = view.getInt32(pos, true);
      pos += 4;
    }
    if (len === 0) break; // end-of-stream marker
    if (len < 0 || pos + len > bytes.byteLength) throw new ArrowDecodeError('truncated message metadata');
    const metadata = bytes.subarray(pos, pos + len);
    pos += len;
    let fb;
    try {
      fb = FbMessage.getRootAsMessage(new ByteBuffer(metadata));
    } catch (err) {
      throw new ArrowDecodeError(`unreadable message header (${err.message})`);
    }
    const bodyLength = Number(fb.bodyLength());
    if (!Number.isSafeInteger(bodyLength) || bodyLength < 0 || pos + bodyLength > bytes.byteLength) {
      throw new ArrowDecodeError('truncated message body');
    }
    messages.push({ metadata, body: bytes.subarray(pos, pos + bodyLength), fb });
    pos += bodyLength;
  }
  if (messages.length === 0) throw new ArrowDecodeError('empty stream (no schema message)');
  if (messages[0].fb.headerType() !== MessageHeader.Schema) {
    throw new ArrowDecodeError('stream does not start with a schema message');
  }
  return messages;
}

/** Decompresses one Arrow buffer (8-byte LE uncompressed length, -1 = stored raw, then the frame). */
function decompressBuffer(raw, codec) {
  if (raw.byteLength === 0) return raw;
  if (raw.byteLength < 8) throw new ArrowDecodeError('compressed buffer shorter than its length prefix');
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const uncompressed = view.getBigInt64(0, true);
  const payload = raw.subarray(8);
  if (uncompressed === -1n) return payload;
  if (uncompressed === 0n) return new Uint8Array(0); // empty buffer: prefix only, no frame (Arrow C#, arrow-rs)
  if (uncompressed < 0n || uncompressed > BigInt(1 << 30)) {
    throw new ArrowDecodeError(`bad uncompressed buffer length ${uncompressed}`);
  }
  if (codec !== CompressionType.LZ4_FRAME) {
    throw new ArrowDecodeError('only LZ4_FRAME buffer compression is supported (got ZSTD)');
  }
  try {
    return decompressLz4Frame(payload, Number(uncompressed));
  } catch (err) {
    throw new ArrowDecodeError(err.message);
  }
}

/** Rewrites a compressed record batch (flatbuffer view + body) into uncompressed metadata + body. */
function decompressBatch(fbBatch, body) {
  const codec = fbBatch.compression().codec();
  const nodes = [];
  for (let i = 0; i < fbBatch.nodesLength(); i++) {
    const n = fbBatch.nodes(i);
    nodes.push(new MetaFieldNode(n.length(), n.nullCount()));
  }
  const parts = [];
  const regions = [];
  let offset = 0;
  for (let i = 0; i < fbBatch.buffersLength(); i++) {
    const b = fbBatch.buffers(i);
    const start = Number(b.offset());
    const len = Number(b.length());
    if (start < 0 || len < 0 || start + len > body.byteLength) {
      throw new ArrowDecodeError('buffer region outside the message body');
    }
    const plain = decompressBuffer(body.subarray(start, start + len), codec);
    regions.push(new MetaBufferRegion(offset, plain.byteLength));
    parts.push({ offset, plain });
    offset = align8(offset + plain.byteLength);
  }
  const newBody = new Uint8Array(offset);
  for (const p of parts) newBody.set(p.plain, p.offset);
  return { batch: new MetaRecordBatch(fbBatch.length(), nodes, regions), body: newBody };
}

/** Frames encoded metadata + body as one IPC stream message. */
function frame(metadata, body) {
  const padded = align8(metadata.byteLength);
  const out = new Uint8Array(8 + padded + body.byteLength);
  const view = new DataView(out.buffer);
  view.setUint32(0, CONTINUATION, true);
  view.setInt32(4, padded, true);
  out.set(metadata, 8);
  out.set(body, 8 + padded);
  return out;
}

/**
 * Returns an uncompressed IPC stream equivalent to `bytes` (a no-op copy when nothing is compressed).
 * @param {Uint8Array} bytes
 * @returns {Uint8Array}
 */
export function decompressIpcStream(bytes) {
  const messages = splitMessages(bytes);
  const chunks = [];
  for (const { metadata, body, fb } of messages) {
    const type = fb.headerType();
    if (type === MessageHeader.RecordBatch) {
      const rb = fb.header(new FbRecordBatch());
      if (rb.compression() !== null) {
        const { batch, body: plain } = decompressBatch(rb, body);
        chunks.push(frame(MetaMessage.encode(MetaMessage.from(batch, plain.byteLength)), plain));
        continue;
      }
    } else if (type === MessageHeader.DictionaryBatch) {
      const db = fb.header(new FbDictionaryBatch());
      const rb = db.data();
      if (rb && rb.compression() !== null) {
        const { batch, body: plain } = decompressBatch(rb, body);
        const dict = new MetaDictionaryBatch(batch, db.id(), db.isDelta());
        chunks.push(frame(MetaMessage.encode(MetaMessage.from(dict, plain.byteLength)), plain));
        continue;
      }
    }
    chunks.push(frame(metadata, body));
  }
  chunks.push(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]));
  return Buffer.concat(chunks);
}

/**
 * Decodes an Arrow IPC stream (LZ4_FRAME-compressed or not) into an apache-arrow Table.
 * @param {Uint8Array} bytes
 * @returns {Table}
 */
export function readIpcStream(bytes) {
  if (!bytes || bytes.byteLength === 0) throw new ArrowDecodeError('empty request body');
  const plain = decompressIpcStream(bytes);
  let reader;
  try {
    reader = RecordBatchReader.from(plain);
    reader.open();
    if (!reader.schema) throw new Error('no schema');
    const batches = [...reader];
    return new Table(reader.schema, batches);
  } catch (err) {
    if (err instanceof ArrowDecodeError) throw err;
    throw new ArrowDecodeError(err.message);
  }
}

/**
 * An IPC file writer that also writes the schema message after the leading magic, as arrow-rs (the real service)
 * and Arrow C++ do: the file is then the IPC stream format between the magic and the footer, so a client can read
 * its batches sequentially, as they arrive. (Apache Arrow JS writes the schema only in the footer.)
 */
class SequentialFileWriter extends RecordBatchFileWriter {
  _writeSchema(schema) {
    super._writeSchema(schema); // magic + padding
    return RecordBatchStreamWriter.prototype._writeSchema.call(this, schema);
  }
}

/**
 * Encodes a table (possibly empty) as an Arrow IPC file, the format the engine's native layer and
 * the official client's query reader expect.
 * @param {Table} table
 * @returns {Buffer}
 */
export function toIpcFile(table) {
  const bytes = new SequentialFileWriter().writeAll(table).toUint8Array(true);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Encodes record batches as an Arrow IPC file, chunk by chunk as the batches come (each chunk is yielded as soon as
 * it is written): a query answer can be sent while the engine still produces it.
 * @param {AsyncIterable<import('apache-arrow').RecordBatch>} batches at least one batch
 * @returns {AsyncGenerator<Uint8Array>}
 */
export async function* ipcFileChunks(batches) {
  const writer = new SequentialFileWriter();
  const producer = (async () => {
    try {
      for await (const batch of batches) writer.write(batch);
      writer.finish();
    } catch (err) {
      writer.abort(err);
    }
  })();
  try {
    for await (const chunk of writer) yield chunk;
  } finally {
    await producer;
  }
}

/** Encodes just a schema as an (empty) Arrow IPC file. */
export function schemaToIpcFile(schema) {
  return toIpcFile(new Table(schema));
}

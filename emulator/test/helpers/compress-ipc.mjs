// Test-side Arrow IPC *compressor*: rewrites an uncompressed IPC stream so that every record batch and
// dictionary batch uses LZ4_FRAME body compression, as other writers (the .NET Apache.Arrow.Compression
// codec, arrow-rs) produce. `storeRawEvery` stores every n-th buffer uncompressed with the -1 length
// prefix, which the format allows when compression does not pay.
import { createRequire } from 'node:module';
import { compressLz4Frame } from '../../src/lz4-frame.mjs';

const require = createRequire(import.meta.url);
const { Builder, ByteBuffer } = require('flatbuffers');
const { Message } = require('apache-arrow/fb/message');
const { MessageHeader } = require('apache-arrow/fb/message-header');
const { MetadataVersion } = require('apache-arrow/fb/metadata-version');
const { RecordBatch } = require('apache-arrow/fb/record-batch');
const { DictionaryBatch } = require('apache-arrow/fb/dictionary-batch');
const { FieldNode } = require('apache-arrow/fb/field-node');
const { Buffer: FbBuffer } = require('apache-arrow/fb/buffer');
const { BodyCompression } = require('apache-arrow/fb/body-compression');
const { CompressionType } = require('apache-arrow/fb/compression-type');
const { BodyCompressionMethod } = require('apache-arrow/fb/body-compression-method');

const align8 = (n) => (n + 7) & ~7;

function compressBody(rb, body, storeRawEvery, counter, emptyAsPrefix) {
  const parts = [];
  const regions = [];
  let offset = 0;
  for (let i = 0; i < rb.buffersLength(); i++) {
    const b = rb.buffers(i);
    const plain = body.subarray(Number(b.offset()), Number(b.offset()) + Number(b.length()));
    let encoded;
    if (plain.length === 0) {
      // Arrow C# writes an empty buffer as a bare 8-byte length prefix of 0 (no frame); others write nothing.
      encoded = new Uint8Array(emptyAsPrefix ? 8 : 0);
    } else {
      const raw = storeRawEvery > 0 && counter.n++ % storeRawEvery === 0;
      const payload = raw ? plain : compressLz4Frame(plain);
      encoded = new Uint8Array(8 + payload.length);
      new DataView(encoded.buffer).setBigInt64(0, raw ? -1n : BigInt(plain.length), true);
      encoded.set(payload, 8);
    }
    regions.push([offset, encoded.length]);
    parts.push([offset, encoded]);
    offset = align8(offset + encoded.length);
  }
  const out = new Uint8Array(offset);
  for (const [o, e] of parts) out.set(e, o);
  return { regions, body: out };
}

function writeRecordBatch(builder, rb, regions) {
  RecordBatch.startNodesVector(builder, rb.nodesLength());
  for (let i = rb.nodesLength() - 1; i >= 0; i--) FieldNode.createFieldNode(builder, rb.nodes(i).length(), rb.nodes(i).nullCount());
  const nodes = builder.endVector();
  RecordBatch.startBuffersVector(builder, regions.length);
  for (let i = regions.length - 1; i >= 0; i--) FbBuffer.createBuffer(builder, BigInt(regions[i][0]), BigInt(regions[i][1]));
  const buffers = builder.endVector();
  const compression = BodyCompression.createBodyCompression(builder, CompressionType.LZ4_FRAME, BodyCompressionMethod.BUFFER);
  RecordBatch.startRecordBatch(builder);
  RecordBatch.addLength(builder, rb.length());
  RecordBatch.addNodes(builder, nodes);
  RecordBatch.addBuffers(builder, buffers);
  RecordBatch.addCompression(builder, compression);
  return RecordBatch.endRecordBatch(builder);
}

function frame(metadata, body) {
  const padded = align8(metadata.length);
  const out = new Uint8Array(8 + padded + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0xffffffff, true);
  view.setInt32(4, padded, true);
  out.set(metadata, 8);
  out.set(body, 8 + padded);
  return out;
}

/**
 * @param {Uint8Array} stream an uncompressed Arrow IPC stream
 * @param {{storeRawEvery?: number}} options
 * @returns {Uint8Array} the same stream with LZ4_FRAME-compressed batches
 */
export function compressIpcStream(stream, { storeRawEvery = 0, emptyAsPrefix = false } = {}) {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const chunks = [];
  const counter = { n: 0 };
  let pos = 0;
  while (pos < stream.length) {
    let len = view.getUint32(pos, true); pos += 4;
    if (len === 0xffffffff) { len = view.getInt32(pos, true); pos += 4; }
    if (len === 0) break;
    const metadata = stream.subarray(pos, pos + len);
    const msg = Message.getRootAsMessage(new ByteBuffer(metadata));
    pos += len;
    const body = stream.subarray(pos, pos + Number(msg.bodyLength()));
    pos += body.length;
    const type = msg.headerType();
    if (type !== MessageHeader.RecordBatch && type !== MessageHeader.DictionaryBatch) {
      chunks.push(frame(metadata, body));
      continue;
    }
    const builder = new Builder(1024);
    let header;
    let newBody;
    if (type === MessageHeader.RecordBatch) {
      const rb = msg.header(new RecordBatch());
      const c = compressBody(rb, body, storeRawEvery, counter, emptyAsPrefix);
      header = writeRecordBatch(builder, rb, c.regions);
      newBody = c.body;
    } else {
      const db = msg.header(new DictionaryBatch());
      const c = compressBody(db.data(), body, storeRawEvery, counter, emptyAsPrefix);
      const data = writeRecordBatch(builder, db.data(), c.regions);
      DictionaryBatch.startDictionaryBatch(builder);
      DictionaryBatch.addId(builder, db.id());
      DictionaryBatch.addData(builder, data);
      DictionaryBatch.addIsDelta(builder, db.isDelta());
      header = DictionaryBatch.endDictionaryBatch(builder);
      newBody = c.body;
    }
    Message.finishMessageBuffer(builder, Message.createMessage(builder, MetadataVersion.V5, type, header, BigInt(newBody.length)));
    chunks.push(frame(builder.asUint8Array(), newBody));
  }
  chunks.push(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]));
  return Buffer.concat(chunks);
}

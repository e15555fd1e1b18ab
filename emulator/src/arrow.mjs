// The apache-arrow module instance shared with @lancedb/lancedb.
// @lancedb/lancedb is CommonJS and require()s apache-arrow; importing apache-arrow as ESM would load a
// second copy whose classes fail `instanceof` checks against tables the engine returns (the writer then
// silently writes nothing). So every emulator module takes apache-arrow from here, via require().
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** @type {typeof import('apache-arrow')} */
export const arrow = require('apache-arrow');
export const { Message: FbMessage } = require('apache-arrow/fb/message');
export const { MessageHeader } = require('apache-arrow/fb/message-header');
export const { RecordBatch: FbRecordBatch } = require('apache-arrow/fb/record-batch');
export const { DictionaryBatch: FbDictionaryBatch } = require('apache-arrow/fb/dictionary-batch');
export const { CompressionType } = require('apache-arrow/fb/compression-type');
export const metadata = require('apache-arrow/ipc/metadata/message');
export const { ByteBuffer } = require('flatbuffers');

// Apache Arrow JS writes an empty data buffer for a bool column that is null in every row, which arrow-rs (the
// engine, behind every write the emulator re-encodes) rejects: "Need at least 1 bytes for bitmap in buffers[0]".
// The real service reads the client's buffers as sent, so the emulator writes the packed bitmap (all zeros) instead.
const { VectorAssembler } = require('apache-arrow/visitor/vectorassembler');
const assembleBool = VectorAssembler.prototype.visitBool;
VectorAssembler.prototype.visitBool = function visitBool(data) {
  if (data.length === 0 || data.nullCount < data.length) return assembleBool.call(this, data);
  const bytes = Math.ceil((data.offset + data.length) / 8);
  const values = data.values instanceof Uint8Array && data.values.byteLength >= bytes ? data.values : new Uint8Array(bytes);
  return assembleBool.call(this, new Proxy(data, {
    get: (target, property) => (property === 'nullCount' ? 0 : property === 'values' ? values : Reflect.get(target, property)),
  }));
};

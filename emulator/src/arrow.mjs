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

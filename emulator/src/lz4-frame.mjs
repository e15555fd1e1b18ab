// LZ4 frame decoder for Arrow IPC buffer compression (CompressionType.LZ4_FRAME).
//
// The frame format (lz4_Frame_format.md) is parsed here so every flag is honoured — content size,
// dictionary id, block and content checksums (verified with xxHash32), uncompressed blocks, several
// concatenated frames — while the LZ4 *block* decoding and xxHash32 come from `lz4js` (pure JS, no
// native build). lz4js's own frame reader is not used: it mis-places block checksums.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const lz4 = require('lz4js');
const xxh32 = require('lz4js/xxh32.js');

const MAGIC = 0x184d2204;
const SKIPPABLE_MASK = 0xfffffff0;
const SKIPPABLE_MAGIC = 0x184d2a50;
const FLG_VERSION_MASK = 0xc0;
const FLG_VERSION = 0x40;
const FLG_BLOCK_CHECKSUM = 0x10;
const FLG_CONTENT_SIZE = 0x08;
const FLG_CONTENT_CHECKSUM = 0x04;
const FLG_DICT_ID = 0x01;
const BLOCK_UNCOMPRESSED = 0x80000000;
const BLOCK_MAX = { 4: 1 << 16, 5: 1 << 18, 6: 1 << 20, 7: 1 << 22 };

/** Error for data that is not a valid LZ4 frame. */
export class Lz4FrameError extends Error {
  constructor(message) {
    super(`invalid LZ4 frame: ${message}`);
    this.name = 'Lz4FrameError';
  }
}

function u32(src, i) {
  if (i + 4 > src.length) throw new Lz4FrameError('truncated');
  return (src[i] | (src[i + 1] << 8) | (src[i + 2] << 16) | (src[i + 3] << 24)) >>> 0;
}

/**
 * Decodes one frame starting at `pos` into `out` at `outPos`.
 * @returns {{pos: number, outPos: number}}
 */
function decodeFrame(src, pos, out, outPos) {
  const magic = u32(src, pos);
  if ((magic & SKIPPABLE_MASK) === SKIPPABLE_MAGIC) return { pos: pos + 8 + u32(src, pos + 4), outPos };
  if (magic !== MAGIC) throw new Lz4FrameError(`bad magic number 0x${magic.toString(16)}`);
  const descriptorStart = pos + 4;
  let i = descriptorStart;
  if (i + 3 > src.length) throw new Lz4FrameError('truncated frame descriptor');
  const flg = src[i++];
  const bd = src[i++];
  if ((flg & FLG_VERSION_MASK) !== FLG_VERSION) throw new Lz4FrameError('unsupported frame version');
  const maxBlock = BLOCK_MAX[(bd >> 4) & 7];
  if (!maxBlock) throw new Lz4FrameError('bad block size');
  let contentSize = null;
  if (flg & FLG_CONTENT_SIZE) {
    contentSize = u32(src, i) + u32(src, i + 4) * 2 ** 32;
    i += 8;
  }
  if (flg & FLG_DICT_ID) throw new Lz4FrameError('frames that need a dictionary are not supported');
  const headerChecksum = src[i];
  if (headerChecksum === undefined) throw new Lz4FrameError('truncated frame descriptor');
  if (((xxh32.hash(0, src, descriptorStart, i - descriptorStart) >>> 8) & 0xff) !== headerChecksum) {
    throw new Lz4FrameError('frame descriptor checksum mismatch');
  }
  i++;
  const frameStart = outPos;
  for (;;) {
    const word = u32(src, i);
    i += 4;
    if (word === 0) break;
    const size = word & ~BLOCK_UNCOMPRESSED & 0x7fffffff;
    if (size > maxBlock) throw new Lz4FrameError('block larger than the frame block size');
    if (i + size > src.length) throw new Lz4FrameError('truncated block');
    if (flg & FLG_BLOCK_CHECKSUM) {
      if ((xxh32.hash(0, src, i, size) >>> 0) !== u32(src, i + size)) throw new Lz4FrameError('block checksum mismatch');
    }
    if (word & BLOCK_UNCOMPRESSED) {
      if (outPos + size > out.length) throw new Lz4FrameError('decompressed data longer than expected');
      out.set(src.subarray(i, i + size), outPos);
      outPos += size;
    } else {
      const end = lz4.decompressBlock(src, out, i, size, outPos);
      if (end > out.length) throw new Lz4FrameError('decompressed data longer than expected');
      outPos = end;
    }
    i += size + (flg & FLG_BLOCK_CHECKSUM ? 4 : 0);
  }
  if (flg & FLG_CONTENT_CHECKSUM) {
    if ((xxh32.hash(0, out, frameStart, outPos - frameStart) >>> 0) !== u32(src, i)) {
      throw new Lz4FrameError('content checksum mismatch');
    }
    i += 4;
  }
  if (contentSize !== null && contentSize !== outPos - frameStart) throw new Lz4FrameError('content size mismatch');
  return { pos: i, outPos };
}

/**
 * Decompresses LZ4 frame data whose decompressed size is known in advance (Arrow stores it in the
 * 8-byte prefix of each compressed buffer). Throws Lz4FrameError when malformed or the size differs.
 * @param {Uint8Array} src
 * @param {number} expectedLength
 * @returns {Uint8Array}
 */
export function decompressLz4Frame(src, expectedLength) {
  const out = new Uint8Array(expectedLength);
  let pos = 0;
  let outPos = 0;
  try {
    do {
      ({ pos, outPos } = decodeFrame(src, pos, out, outPos));
    } while (pos < src.length);
  } catch (err) {
    if (err instanceof Lz4FrameError) throw err;
    throw new Lz4FrameError(err.message);
  }
  if (outPos !== expectedLength) {
    throw new Lz4FrameError(`decompressed ${outPos} bytes, expected ${expectedLength}`);
  }
  return out;
}

/**
 * Compresses bytes into one LZ4 frame (lz4js; used by tests to produce compressed buffers).
 * @param {Uint8Array} bytes
 * @returns {Uint8Array}
 */
export function compressLz4Frame(bytes) {
  return lz4.compress(bytes);
}

// LZ4 frame codec used for Arrow IPC buffer compression (CompressionType.LZ4_FRAME).
// lz4js is a small pure-JS implementation of the LZ4 frame format (no native build step).
import lz4 from 'lz4js';

/**
 * Decompresses one LZ4 frame whose decompressed size is known in advance (Arrow stores it in the
 * 8-byte prefix of each compressed buffer). Throws when the frame is malformed or its size differs.
 * @param {Uint8Array} frame
 * @param {number} expectedLength
 * @returns {Uint8Array}
 */
export function decompressLz4Frame(frame, expectedLength) {
  const out = new Uint8Array(expectedLength);
  let written;
  try {
    written = lz4.decompressFrame(frame, out);
  } catch (err) {
    throw new Error(`invalid LZ4 frame: ${err.message}`);
  }
  if (written !== expectedLength) {
    throw new Error(`invalid LZ4 frame: decompressed ${written} bytes, expected ${expectedLength}`);
  }
  return out;
}

/**
 * Compresses bytes into one LZ4 frame (used by tests to produce what the official client sends).
 * @param {Uint8Array} bytes
 * @returns {Uint8Array}
 */
export function compressLz4Frame(bytes) {
  return lz4.compress(bytes);
}

// The LZ4 frame decoder against frames written by the reference `lz4` CLI (v1.9.4) with every frame
// option encoders use: linked / independent blocks, block checksums, content size, content checksum,
// stored (uncompressed) blocks; plus corrupted input.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decompressLz4Frame, compressLz4Frame } from '../src/lz4-frame.mjs';
import { compressibleInput, incompressibleInput } from './helpers/lz4-inputs.mjs';

const fixture = (name) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const equalBytes = (a, b) => a.length === b.length && Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

describe('LZ4 frame decoding', () => {
  const text = compressibleInput();

  for (const name of ['linked-64k-content-checksum.lz4', 'block-checksum-content-size.lz4', 'independent-256k-no-checksum.lz4']) {
    test(`decodes a reference frame: ${name}`, () => {
      assert.ok(equalBytes(decompressLz4Frame(fixture(name), text.length), text));
    });
  }

  test('decodes stored (uncompressed) blocks', () => {
    const data = incompressibleInput();
    assert.ok(equalBytes(decompressLz4Frame(fixture('incompressible-stored-blocks.lz4'), data.length), data));
  });

  test('round-trips frames written by lz4js', () => {
    assert.ok(equalBytes(decompressLz4Frame(compressLz4Frame(text), text.length), text));
  });

  test('rejects a corrupted block (block checksum), corrupted content (content checksum) and a wrong length', () => {
    const blockSum = fixture('block-checksum-content-size.lz4');
    blockSum[100] ^= 0xff;
    assert.throws(() => decompressLz4Frame(blockSum, text.length), /invalid LZ4 frame/);
    const contentSum = fixture('linked-64k-content-checksum.lz4');
    contentSum[contentSum.length - 1] ^= 0xff;
    assert.throws(() => decompressLz4Frame(contentSum, text.length), /content checksum mismatch/);
    assert.throws(() => decompressLz4Frame(fixture('independent-256k-no-checksum.lz4'), text.length - 1), /invalid LZ4 frame/);
    assert.throws(() => decompressLz4Frame(new Uint8Array([1, 2, 3, 4, 5]), 10), /bad magic number/);
    assert.throws(() => decompressLz4Frame(fixture('linked-64k-content-checksum.lz4').subarray(0, 500), text.length), /invalid LZ4 frame/);
  });
});

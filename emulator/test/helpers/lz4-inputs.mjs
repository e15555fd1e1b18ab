// Deterministic inputs for the LZ4 frame fixtures (test/fixtures/*.lz4, made with the reference `lz4` CLI).

/** ~200 KB of compressible text-like bytes (several 64 KB blocks). */
export function compressibleInput() {
  const words = ['lance', 'arrow', 'vector', 'index', 'table', 'query', 'merge', 'insert'];
  let s = '';
  for (let i = 0; s.length < 200_000; i++) s += `${words[i % 8]}-${words[(i * 7) % 8]}:${i % 1000} `;
  return new TextEncoder().encode(s.slice(0, 200_000));
}

/** 20 KB of incompressible bytes (a seeded xorshift), stored by lz4 as uncompressed blocks. */
export function incompressibleInput() {
  const out = new Uint8Array(20_000);
  let x = 2463534242;
  for (let i = 0; i < out.length; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

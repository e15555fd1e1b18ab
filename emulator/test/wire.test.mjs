// Wire format and process behaviour: the official client's LZ4_FRAME-compressed IPC uploads decode,
// query answers are IPC files (streamed, schema message first), the CLI contract (one JSON line, 127.0.0.1, SIGTERM / stdin close).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as lancedb from '@lancedb/lancedb';
import { readIpcStream, decompressIpcStream } from '../src/arrow-ipc.mjs';
import { arrow, ByteBuffer, FbMessage, MessageHeader, FbRecordBatch, CompressionType } from '../src/arrow.mjs';
import { startEmulator, connectRemote, tempDir, removeDir, API_KEY } from './helpers/emulator.mjs';
import { raw } from './helpers/raw.mjs';
import { sampleRows, plain } from './helpers/conformance.mjs';
import { articleSchema } from './helpers/schema.mjs';
import { compressIpcStream } from './helpers/compress-ipc.mjs';

/** Compression codec of each record batch message in an IPC stream (null = uncompressed). */
function batchCodecs(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const codecs = [];
  let pos = 0;
  while (pos < bytes.length) {
    let len = view.getUint32(pos, true); pos += 4;
    if (len === 0xffffffff) { len = view.getInt32(pos, true); pos += 4; }
    if (len === 0) break;
    const msg = FbMessage.getRootAsMessage(new ByteBuffer(bytes.subarray(pos, pos + len)));
    pos += len + Number(msg.bodyLength());
    if (msg.headerType() === MessageHeader.RecordBatch) codecs.push(msg.header(new FbRecordBatch()).compression()?.codec() ?? null);
  }
  return codecs;
}

/** Captures the body of the official client's create-table request. */
async function captureCreateBody(rows) {
  let body;
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      if (req.url.includes('/create/')) body = { bytes: new Uint8Array(Buffer.concat(chunks)), headers: req.headers };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  try {
    const db = await lancedb.connect('db://dev', { apiKey: API_KEY, hostOverride: `http://127.0.0.1:${server.address().port}` });
    await db.createTable('captured', rows, { schema: articleSchema() });
  } finally {
    server.close();
  }
  return body;
}

describe('wire format', () => {
  test('the official client uploads LZ4_FRAME-compressed Arrow IPC streams, and they decode losslessly', async () => {
    const rows = sampleRows(50);
    const { bytes, headers } = await captureCreateBody(rows);
    assert.equal(headers['content-type'], 'application/vnd.apache.arrow.stream');
    assert.equal(headers['transfer-encoding'], 'chunked');
    const codecs = batchCodecs(bytes);
    assert.ok(codecs.length > 0 && codecs.every((c) => c === CompressionType.LZ4_FRAME), `codecs ${codecs}`);
    const table = readIpcStream(bytes);
    assert.equal(table.numRows, 50);
    assert.deepEqual(table.toArray().map((r) => plain(r.toJSON())).map((r) => r.id), rows.map((r) => r.id));
    assert.deepEqual(plain(table.getChild('vector').get(7)), Array.from(Float32Array.from(rows[7].vector)));
    assert.equal(table.schema.metadata.get('lanceorm.table'), 'articles');
    assert.deepEqual(batchCodecs(decompressIpcStream(bytes)), codecs.map(() => null), 'rewritten without compression');
  });

  test('uncompressed IPC streams are accepted too', async () => {
    const t = arrow.tableFromArrays({ a: Int32Array.from([1, 2, 3]) });
    const back = readIpcStream(arrow.tableToIPC(t, 'stream'));
    assert.deepEqual(Array.from(back.getChild('a').toArray()), [1, 2, 3]);
  });

  test('query answers are Arrow IPC files with x-lancedb-version', async () => {
    const dir = await tempDir();
    const emu = await startEmulator({ data: dir });
    try {
      const db = await connectRemote(emu.url);
      await db.createTable('q', sampleRows(3), { schema: articleSchema() });
      const r = await raw(emu.url, '/v1/table/q/query/', { body: { vector: [], k: 9223372036854775807, prefilter: true, version: null } });
      assert.equal(r.status, 200);
      assert.equal(r.headers.get('content-type'), 'application/vnd.apache.arrow.file');
      assert.equal(r.headers.get('x-lancedb-version'), '1');
      assert.equal(Buffer.from(r.bytes.subarray(0, 6)).toString(), 'ARROW1');
      assert.equal(arrow.tableFromIPC(r.bytes).numRows, 3);
      // Sent as produced (chunked), and readable sequentially: the schema message follows the magic, as arrow-rs writes files.
      assert.equal(r.headers.get('transfer-encoding'), 'chunked');
      const first = FbMessage.getRootAsMessage(new ByteBuffer(r.bytes.subarray(16)));
      assert.equal(first.headerType(), MessageHeader.Schema);
      const count = await raw(emu.url, '/v1/table/q/count_rows/', { body: { version: null } });
      assert.equal(count.text, '3');
      assert.equal(count.headers.get('x-lancedb-version'), '1');
    } finally {
      await emu.stop();
      await removeDir(dir);
    }
  });

  test('each x-lancedb-database name is a separate database', async () => {
    const dir = await tempDir();
    const emu = await startEmulator({ data: dir });
    try {
      const one = await connectRemote(emu.url, { db: 'one' });
      const two = await connectRemote(emu.url, { db: 'two' });
      await one.createTable('only_in_one', sampleRows(1), { schema: articleSchema() });
      assert.deepEqual(await one.tableNames(), ['only_in_one']);
      assert.deepEqual(await two.tableNames(), []);
      const bad = await raw(emu.url, '/v1/table/', { method: 'GET', headers: { 'x-lancedb-database': '../escape' } });
      assert.equal(bad.status, 400);
    } finally {
      await emu.stop();
      await removeDir(dir);
    }
  });
});

describe('process', () => {
  const SERVER = fileURLToPath(new URL('../server.mjs', import.meta.url));
  const spawnServer = (args) => {
    const proc = spawn(process.execPath, [SERVER, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out = []; const err = [];
    proc.stdout.on('data', (d) => out.push(d.toString()));
    proc.stderr.on('data', (d) => err.push(d.toString()));
    const exit = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
    const ready = new Promise((resolve) => proc.stdout.once('data', resolve));
    return { proc, out, err, exit, ready };
  };

  test('prints exactly one JSON line with a 127.0.0.1 URL, exits 0 on SIGTERM', async () => {
    const dir = await tempDir();
    const s = spawnServer(['--port', '0', '--data', dir]);
    await s.ready;
    s.proc.kill('SIGTERM');
    const { code } = await s.exit;
    assert.equal(code, 0);
    const lines = s.out.join('').split('\n').filter(Boolean);
    assert.equal(lines.length, 1);
    assert.match(JSON.parse(lines[0]).url, /^http:\/\/127\.0\.0\.1:\d+$/);
    await removeDir(dir);
  });

  test('exits when its stdin closes (the parent died)', async () => {
    const dir = await tempDir();
    const s = spawnServer(['--port', '0', '--data', dir]);
    await s.ready;
    s.proc.stdin.end();
    assert.equal((await s.exit).code, 0);
    await removeDir(dir);
  });

  test('refuses bad arguments with exit code 2 and a usage message', async () => {
    const s = spawnServer(['--port', '0']);
    assert.equal((await s.exit).code, 2);
    assert.match(s.err.join(''), /--data is required/);
  });
});

describe('compressed IPC from other writers', () => {
  const { tableFromArrays, tableToIPC, vectorFromArray, Dictionary, Utf8, Int32, Table } = arrow;

  const sample = () => {
    const base = tableFromArrays({
      id: Int32Array.from({ length: 500 }, (_, i) => i),
      score: Float64Array.from({ length: 500 }, (_, i) => i / 7),
      name: Array.from({ length: 500 }, (_, i) => (i % 5 === 0 ? null : `name-${i}`)),
    });
    const cat = vectorFromArray(Array.from({ length: 500 }, (_, i) => ['red', 'green', 'blue'][i % 3]), new Dictionary(new Utf8(), new Int32()));
    return new Table({ id: base.getChild('id'), score: base.getChild('score'), name: base.getChild('name'), cat });
  };

  for (const storeRawEvery of [0, 2]) {
    test(`decodes LZ4_FRAME batches and dictionary batches${storeRawEvery ? ' with some buffers stored raw (-1 length)' : ''}`, () => {
      const table = sample();
      const compressed = compressIpcStream(tableToIPC(table, 'stream'), { storeRawEvery });
      assert.ok(batchCodecs(compressed).every((c) => c === CompressionType.LZ4_FRAME));
      const back = readIpcStream(compressed);
      assert.deepEqual(back.toArray().map((r) => plain(r.toJSON())), table.toArray().map((r) => plain(r.toJSON())));
    });
  }

  test('decodes empty buffers written as a bare zero length prefix with no frame (as Apache.Arrow for .NET writes them)', () => {
    const table = sample();
    const compressed = compressIpcStream(tableToIPC(table, 'stream'), { emptyAsPrefix: true });
    const back = readIpcStream(compressed);
    assert.deepEqual(back.toArray().map((r) => plain(r.toJSON())), table.toArray().map((r) => plain(r.toJSON())));
  });

  test('the emulator stores rows sent as a compressed stream by a non-official writer', async () => {
    const dir = await tempDir();
    const emu = await startEmulator({ data: dir });
    try {
      const body = compressIpcStream(tableToIPC(sample(), 'stream'), { storeRawEvery: 3 });
      assert.equal((await raw(emu.url, '/v1/table/other/create/', { body })).status, 200);
      const t = await (await connectRemote(emu.url)).openTable('other');
      assert.equal(await t.countRows("cat = 'blue' AND name IS NOT NULL"), (await t.countRows("cat = 'blue'")) - 33);
    } finally {
      await emu.stop();
      await removeDir(dir);
    }
  });
});

// Records what the official LanceDB Node client (remote mode) sends for a snippet of code.
//   node official-requests.mjs <emulatorDir> <emulatorUrl> <database> <apiKey>   (the snippet on stdin)
// A recording proxy on 127.0.0.1 forwards every request to the emulator untouched; the snippet runs as the body of an
// async function with `db` (connected to db://<database> through the proxy), `lancedb` and `arrow` in scope.
// Prints one JSON line: [{method, path, query, contentType, body, bodyLength}] in the order the requests arrived
// (`body` is the UTF-8 text of a JSON body, else null).
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [emulatorDir, emulatorUrl, database, apiKey] = process.argv.slice(2);
const load = (name, file) => import(pathToFileURL(path.join(emulatorDir, 'node_modules', name, file)).href);
const lancedb = await load('@lancedb/lancedb', 'dist/index.js');
const arrow = await load('apache-arrow', 'Arrow.node.js');

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const script = Buffer.concat(chunks).toString('utf8');

const target = new URL(emulatorUrl);
const recorded = [];
const proxy = http.createServer(async (req, res) => {
  const parts = [];
  for await (const part of req) parts.push(part);
  const body = Buffer.concat(parts);
  const url = new URL(req.url, 'http://proxy');
  const contentType = req.headers['content-type'] ?? null;
  recorded.push({
    method: req.method,
    path: url.pathname,
    query: url.search,
    contentType,
    body: contentType && contentType.includes('json') && body.length > 0 ? body.toString('utf8') : null,
    bodyLength: body.length,
  });
  const headers = { ...req.headers, host: target.host, 'content-length': String(body.length) };
  delete headers['transfer-encoding'];
  const upstream = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', (err) => { res.writeHead(502); res.end(String(err)); });
  upstream.end(body);
});
await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));

try {
  const db = await lancedb.connect(`db://${database}`, { apiKey, hostOverride: `http://127.0.0.1:${proxy.address().port}` });
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
  await new AsyncFunction('db', 'lancedb', 'arrow', script)(db, lancedb, arrow);
} finally {
  proxy.close();
  proxy.closeAllConnections?.();
}
process.stdout.write(JSON.stringify(recorded) + '\n');

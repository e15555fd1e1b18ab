#!/usr/bin/env node
// LanceDB remote-table REST emulator (see README.md).
//   node server.mjs --port 0 --data <dir> [--api-key <key>] [--faults <json>] [--server-version <semver|none>]
//                   [--max-body-bytes <n>] [--log-requests] [--ignore-stdin]
// Binds 127.0.0.1 only; prints exactly one JSON line {"url":"http://127.0.0.1:<port>"} on stdout when
// ready (all logs go to stderr); exits on SIGTERM/SIGINT and when stdin closes (parent died).
import http from 'node:http';
import { parseCli } from './src/args.mjs';
import { parseFaultsOption } from './src/faults.mjs';
import { Databases } from './src/databases.mjs';
import { createHandler } from './src/app.mjs';

const log = (msg) => process.stderr.write(`[emulator] ${msg}\n`);

let options;
let faults;
try {
  options = parseCli(process.argv.slice(2));
  faults = parseFaultsOption(options.faults);
} catch (err) {
  log(err.message);
  process.exit(2);
}

const databases = new Databases(options.data);
const state = { faults };
const server = http.createServer(createHandler({
  databases, apiKey: options.apiKey, state, log, logRequests: options.logRequests,
  serverVersion: options.serverVersion, maxBodyBytes: options.maxBodyBytes,
}));
server.keepAliveTimeout = 65_000;
server.requestTimeout = 0; // large uploads may take long; the client has its own timeouts
const sockets = new Set();
server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });

let stopping = false;
function shutdown(reason) {
  if (stopping) return;
  stopping = true;
  log(`stopping (${reason})`);
  server.close(() => {
    databases.close();
    process.exit(0);
  });
  for (const s of sockets) s.end();
  setTimeout(() => { for (const s of sockets) s.destroy(); }, 2000).unref();
  setTimeout(() => process.exit(0), 5000).unref();
}

process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
// When the parent process dies its end of our stdin pipe closes: stop rather than linger.
// (--ignore-stdin turns this off for running it detached by hand.)
if (!options.ignoreStdin) {
  process.stdin.on('end', () => shutdown('stdin closed'));
  process.stdin.on('error', () => shutdown('stdin error'));
  process.stdin.resume();
}

server.listen(options.port, '127.0.0.1', () => {
  const { port } = server.address();
  log(`listening on 127.0.0.1:${port}, data ${databases.root}${options.apiKey !== undefined ? ', api key required' : ''}${faults ? ', random faults on' : ''}, server version ${options.serverVersion ?? 'none'}, body limit ${options.maxBodyBytes} bytes`);
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
});

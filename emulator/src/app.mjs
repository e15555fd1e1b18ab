// The HTTP request pipeline: auth -> route -> fault injection -> handler -> reply (or injected fault).
import { setTimeout as sleep } from 'node:timers/promises';
import { timingSafeEqual } from 'node:crypto';
import { match } from './router.mjs';
import { HttpError, toHttpError } from './errors.mjs';
import { FAULT_HEADER, parseFaultHeader } from './faults.mjs';
import { DEFAULT_DATABASE, delimiterOf, parseNamespaceId, parseTableId } from './databases.mjs';
import { readBody, text } from './http.mjs';
import { DEFAULT_MAX_BODY_BYTES } from './args.mjs';

const SERVER_VERSION_HEADER = 'phalanx-version';

const REDACTED_HEADERS = new Set(['x-api-key', 'authorization']);

function keyMatches(given, expected) {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function send(res, reply) {
  if (res.headersSent || res.destroyed) return;
  if (reply.stream) return sendStream(res, reply);
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
  res.writeHead(reply.status, { ...reply.headers, 'content-length': body.length });
  res.end(body);
}

/** Sends a streamed reply chunk by chunk, waiting for the socket to drain; a failure mid-body breaks the connection. */
async function sendStream(res, reply) {
  res.writeHead(reply.status, reply.headers);
  try {
    for await (const chunk of reply.stream) {
      if (res.destroyed) return;
      if (!res.write(chunk)) await new Promise((resolve) => { res.once('drain', resolve); res.once('close', resolve); });
    }
    res.end();
  } catch (err) {
    res.destroy(err); // the client sees a broken body, never a shorter answer
  }
}

function faultReply(status, retryAfter) {
  const reply = text(`injected fault: HTTP ${status}`, status);
  if (retryAfter !== undefined) reply.headers['retry-after'] = String(retryAfter);
  return reply;
}

/** Request log line without secrets (x-api-key / authorization are never printed). */
function describeRequest(req, url, body) {
  const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, REDACTED_HEADERS.has(k) ? '<redacted>' : v]));
  const out = { method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers, bodyLength: body.length };
  if (String(req.headers['content-type'] ?? '').includes('json')) out.body = body.toString('utf8').slice(0, 2000);
  return out;
}

/**
 * Creates the request handler.
 * @param {{databases: import('./databases.mjs').Databases, apiKey?: string, state: {faults: import('./faults.mjs').FaultRules|null}, log: (msg: string) => void, logRequests?: boolean, serverVersion?: string|null, maxBodyBytes?: number}} options
 */
export function createHandler({ databases, apiKey, state, log, logRequests = false, serverVersion = null, maxBodyBytes = DEFAULT_MAX_BODY_BYTES }) {
  async function handle(req, res) {
    req.maxBodyBytes = maxBodyBytes;
    // Every answer announces the server version, as LanceDB Cloud's (the client reads it from list, create and describe).
    if (serverVersion !== null) res.setHeader(SERVER_VERSION_HEADER, serverVersion);
    const started = Date.now();
    let url = new URL('/', 'http://127.0.0.1');
    let status = 0;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (apiKey !== undefined && !keyMatches(req.headers['x-api-key'], apiKey)) {
        await readBody(req).catch(() => {});
        throw new HttpError(401, 'Unauthorized: missing or invalid x-api-key header');
      }
      const found = match(req.method ?? 'GET', url.pathname);
      if (!found) throw new HttpError(404, `no such endpoint: ${req.method} ${url.pathname}`);
      if (found.methodNotAllowed) throw new HttpError(405, `method ${req.method} not allowed on ${url.pathname}`);
      const { route, params } = found;

      let fault = null;
      if (!route.admin) {
        const header = req.headers[FAULT_HEADER];
        fault = typeof header === 'string' ? parseFaultHeader(header) : state.faults?.draw(url.pathname) ?? null;
      }
      if (fault) log(`fault injected: ${JSON.stringify(fault)} on ${req.method} ${url.pathname}`);
      if (fault?.kind === 'status') {
        await readBody(req);
        status = fault.status;
        return send(res, faultReply(fault.status, fault.retryAfter));
      }
      if (fault?.kind === 'reset') {
        await readBody(req);
        status = -1;
        return req.socket.destroy();
      }
      if (fault?.kind === 'delay') await sleep(fault.ms);

      const dbName = String(req.headers['x-lancedb-database'] ?? DEFAULT_DATABASE);
      const root = route.admin ? null : databases.get(dbName);
      const delimiter = route.admin ? undefined : delimiterOf(url.searchParams);
      // A table route's identifier is ns1$ns2$table (protocol §1): the handler gets the namespace's engine
      // database (404 when the namespace does not exist) and the bare table name.
      const tableId = route.table ? parseTableId(params.table, delimiter) : undefined;
      const ctx = {
        req,
        url,
        query: url.searchParams,
        params,
        state,
        root,
        delimiter,
        db: tableId ? await root.resolve(tableId.namespace) : root,
        name: tableId?.name,
        nsPath: route.namespace ? parseNamespaceId(params.ns, delimiter) : undefined,
      };
      const reply = await route.handler(ctx);
      if (fault?.kind === 'after-write') {
        if (fault.reset) {
          status = -1;
          return req.socket.destroy();
        }
        status = fault.status;
        return send(res, faultReply(fault.status));
      }
      status = reply.status;
      await send(res, reply);
    } catch (err) {
      const { status: code, message } = toHttpError(err);
      status = code;
      if (code >= 500) log(`error on ${req.method} ${url.pathname}: ${err?.stack ?? err}`);
      await readBody(req).catch(() => {});
      await send(res, text(message, code));
    } finally {
      if (logRequests) {
        const body = req.bodyPromise ? await req.bodyPromise.catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
        log(JSON.stringify({ ...describeRequest(req, url, body), status, ms: Date.now() - started }));
      }
    }
  }
  return (req, res) => {
    handle(req, res).catch((err) => {
      log(`unhandled: ${err?.stack ?? err}`);
      send(res, text('internal emulator error', 500)).catch(() => { /* socket gone */ });
    });
  };
}

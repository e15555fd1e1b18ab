// Route table: every protocol route module plus the emulator's admin routes.
import { routes as tables } from './routes/tables.mjs';
import { routes as writes } from './routes/writes.mjs';
import { routes as multipart } from './routes/multipart.mjs';
import { routes as query } from './routes/query.mjs';
import { routes as indices } from './routes/indices.mjs';
import { routes as versions } from './routes/versions.mjs';
import { routes as schema } from './routes/schema.mjs';
import { routes as stats } from './routes/stats.mjs';
import { routes as admin } from './routes/admin.mjs';
import { routes as namespaces } from './routes/namespaces.mjs';
import { badRequest } from './errors.mjs';

const ALL = [...admin, ...namespaces, ...tables, ...writes, ...multipart, ...query, ...indices, ...versions, ...schema, ...stats];

/**
 * Finds the route for a method + path.
 * @returns {{route: object, params: Record<string,string>} | {methodNotAllowed: true} | null}
 */
export function match(method, path) {
  let pathMatched = false;
  for (const route of ALL) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    const params = {};
    for (const [k, v] of Object.entries(m.groups ?? {})) {
      try {
        params[k] = decodeURIComponent(v);
      } catch {
        throw badRequest(`malformed percent-encoding in path segment '${v}'`);
      }
    }
    return { route, params };
  }
  return pathMatched ? { methodNotAllowed: true } : null;
}

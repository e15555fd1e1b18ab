// Name-ordered paging shared by the table and namespace lists (protocol §5.1): `limit` names after `page_token`.
import { badRequest } from './errors.mjs';

/**
 * One page of sorted `names` for the request's `?limit=&page_token=`: the names after the token (a name, "start
 * after"), at most `limit` of them (absent or 0: all). `page_token` in the answer only when more names follow.
 * @param {string[]} names sorted
 * @param {URLSearchParams} query
 * @param {string} key the JSON key of the list (`tables`, `namespaces`)
 */
export function page(names, query, key) {
  const limitText = query.get('limit');
  let limit = null;
  if (limitText !== null) {
    limit = Number(limitText);
    if (!Number.isInteger(limit) || limit < 0) throw badRequest(`limit must be a non-negative integer, got '${limitText}'`);
  }
  const startAfter = query.get('page_token');
  const after = startAfter ? names.filter((n) => n > startAfter) : names;
  const items = limit === null || limit === 0 ? after : after.slice(0, limit);
  const body = { [key]: items };
  if (items.length > 0 && items.length < after.length) body.page_token = items[items.length - 1];
  return body;
}

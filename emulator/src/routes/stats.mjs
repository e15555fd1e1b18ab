// Table statistics (protocol §5.12).
import { json, versionHeader } from '../http.mjs';

async function stats({ db, name }) {
  const table = await db.table(name);
  const [s, version] = await Promise.all([table.stats(), table.version()]);
  const l = s.fragmentStats.lengths;
  return json({
    total_bytes: s.totalBytes,
    num_rows: s.numRows,
    num_indices: s.numIndices,
    fragment_stats: {
      num_fragments: s.fragmentStats.numFragments,
      num_small_fragments: s.fragmentStats.numSmallFragments,
      lengths: { min: l.min, max: l.max, mean: l.mean, p25: l.p25, p50: l.p50, p75: l.p75, p99: l.p99 },
    },
  }, 200, versionHeader(version));
}

export const routes = [
  { method: 'POST', pattern: /^\/v1\/table\/(?<table>[^/]+)\/stats\/?$/, table: true, handler: stats },
];

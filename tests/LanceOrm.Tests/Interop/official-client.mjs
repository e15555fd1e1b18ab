// Reads a LanceOrm-created table with the official LanceDB Node client in remote mode.
//   node official-client.mjs <emulatorDir> <url> <database> <apiKey> <table> <queryVectorJson>
// Prints one JSON line with what the official client saw.
// (Appending through the Node client, which embeds rows itself, is exercised with the real model by
// tests/LanceOrm.Interop.Tests.)
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [emulatorDir, url, database, apiKey, tableName, vectorJson] = process.argv.slice(2);
const lancedb = await import(pathToFileURL(path.join(emulatorDir, 'node_modules/@lancedb/lancedb/dist/index.js')).href);
const db = await lancedb.connect(`db://${database}`, { apiKey, hostOverride: url });
const table = await db.openTable(tableName);
const schema = await table.schema();
const filtered = await table.query().where('year >= 2020').select(['id', 'year']).toArray();
const nearest = await table.vectorSearch(JSON.parse(vectorJson)).limit(1).select(['id']).toArray();
const row = (await table.query().where("id = 'n000003'").toArray())[0].toJSON();

process.stdout.write(JSON.stringify({
  fields: schema.fields.map((f) => ({ name: f.name, type: String(f.type) })),
  embeddingFunctions: schema.metadata.get('embedding_functions') ?? null,
  rows: await table.countRows(),
  filteredIds: filtered.map((r) => r.id).sort(),
  nearestId: nearest[0]?.id ?? null,
  row: {
    title: row.title,
    category: row.category,
    createdAt: new Date(Number(row.created_at)).toISOString(),
    tags: Array.from(row.tags?.toArray?.() ?? []),
    rating: row.rating,
  },
}) + '\n');

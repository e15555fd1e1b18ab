// The official LanceDB TypeScript client, in remote mode, as an interop peer for LanceOrm's tests.
// It embeds with LanceDB's own `huggingface` embedding function (transformers.js + onnxruntime-node) on local
// model files, and prints one JSON document on stdout.
//
//   node official-client.mjs search --url U --table T --models DIR --queries '["q1","q2"]' [--k 10] [--distance l2|cosine]
//       -> {"results":[["id",...],...]}   top-k ids per query, ranked by the official client
//   node official-client.mjs create --url U --table T --models DIR --corpus FILE.jsonl [--limit N]
//       -> {"rows":N}                    a table made by the official client with its embedding function
//   node official-client.mjs add --url U --table T --models DIR --rows '[{...},...]'
//       -> {"rows":N}                    rows appended by the official client, which embeds them itself with the
//                                        function named in the table's embedding metadata (one add() per row)
//   node official-client.mjs describe --url U --table T --models DIR
//       -> {"embeddingFunctions":[{"name","sourceColumn","vectorColumn"}]}   what the client parsed from the metadata
//   node official-client.mjs vector-search --url U --table T --models DIR --column C --vector '[0.1,...]' [--k 10]
//       -> {"rows":N,"metadataKeys":[...],"ids":["id",...]}   opens the table, counts its rows, lists its schema
//                                        metadata keys and searches column C with the given vector (no embedding)
//
// Common options: --database D (default "interop", the D of db://D), --api-key K (default "interop-key").
//
// DIR is a transformers.js local model root holding Xenova/all-MiniLM-L6-v2/{config.json,tokenizer.json,
// tokenizer_config.json,onnx/model.onnx}. Remote downloads are disabled.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { env } from "@huggingface/transformers";
import * as lancedb from "@lancedb/lancedb";
import { getRegistry, register, LanceSchema } from "@lancedb/lancedb/embedding";
import { TransformersEmbeddingFunction } from "@lancedb/lancedb/embedding/transformers";
import { Utf8, Int32 } from "apache-arrow";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: "string" },
    table: { type: "string" },
    models: { type: "string" },
    queries: { type: "string" },
    corpus: { type: "string" },
    k: { type: "string", default: "10" },
    limit: { type: "string" },
    distance: { type: "string" },
    rows: { type: "string" },
    column: { type: "string" },
    vector: { type: "string" },
    database: { type: "string", default: "interop" },
    "api-key": { type: "string", default: "interop-key" },
  },
});

env.allowRemoteModels = false;
env.localModelPath = values.models.endsWith("/") ? values.models : values.models + "/";

// Tables written the Python way name the function "sentence-transformers" with model {"name": "all-MiniLM-L6-v2"}.
// The TS registry has no such alias, so the peer registers LanceDB's own huggingface function under it.
class SentenceTransformersAlias extends TransformersEmbeddingFunction {
  constructor(options = {}) {
    super({ model: `Xenova/${options.name ?? "all-MiniLM-L6-v2"}` });
  }
}
register("sentence-transformers")(SentenceTransformersAlias);

const db = await lancedb.connect(`db://${values.database}`, { apiKey: values["api-key"], hostOverride: values.url });
const command = positionals[0];

if (command === "search") {
  const table = await db.openTable(values.table);
  const results = [];
  for (const query of JSON.parse(values.queries)) {
    let builder = table.search(query).limit(Number(values.k)).select(["id"]);
    if (values.distance) builder = builder.distanceType(values.distance);
    const rows = await builder.toArray();
    results.push(rows.map((r) => r.id));
  }
  console.log(JSON.stringify({ results }));
} else if (command === "create") {
  const func = await getRegistry().get("huggingface").create();
  const schema = LanceSchema({
    id: new Utf8(),
    title: new Utf8(),
    body: func.sourceField(new Utf8()),
    year: new Int32(),
    vector: func.vectorField(),
  });
  const table = await db.createEmptyTable(values.table, schema, { mode: "overwrite" });
  let rows = readFileSync(values.corpus, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
  if (values.limit) rows = rows.slice(0, Number(values.limit));
  for (let i = 0; i < rows.length; i += 32) {
    await table.add(rows.slice(i, i + 32).map(({ id, title, body, year }) => ({ id, title, body, year })));
  }
  console.log(JSON.stringify({ rows: await table.countRows() }));
} else if (command === "add") {
  const table = await db.openTable(values.table);
  // One row per add(): LanceDB's TS huggingface function mean-pools over every token, padding included, so rows
  // embedded together in one padded batch get vectors that depend on their batch-mates. Alone, a row's vector is the
  // plain mean of its own tokens: the same direction as LanceOrm's masked mean pooling.
  for (const row of JSON.parse(values.rows)) {
    await table.add([row]);
  }
  console.log(JSON.stringify({ rows: await table.countRows() }));
} else if (command === "describe") {
  const table = await db.openTable(values.table);
  const functions = await getRegistry().parseFunctions((await table.schema()).metadata);
  const embeddingFunctions = [...functions.entries()].map(([name, f]) => ({
    name,
    sourceColumn: f.sourceColumn ?? null,
    vectorColumn: f.vectorColumn ?? null,
  }));
  console.log(JSON.stringify({ embeddingFunctions }));
} else if (command === "vector-search") {
  const table = await db.openTable(values.table);
  const rows = await table.countRows();
  const metadataKeys = [...(await table.schema()).metadata.keys()].sort();
  const hits = await table
    .vectorSearch(JSON.parse(values.vector))
    .column(values.column)
    .distanceType("cosine")
    .limit(Number(values.k))
    .select(["id"])
    .toArray();
  console.log(JSON.stringify({ rows, metadataKeys, ids: hits.map((r) => r.id) }));
} else {
  console.error(`unknown command '${command}'`);
  process.exit(2);
}

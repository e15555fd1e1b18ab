// TS baselines of `LanceOrm.Benchmarks ingest|search|all`: the official LanceDB TypeScript client (@lancedb/lancedb 0.37.1)
// in remote mode against the same emulator, embedding with its own `huggingface` embedding function
// (TransformersEmbeddingFunction: transformers.js 3.0.2 + onnxruntime-node) on the same model files, local files only.
// Idiomatic setup: createEmptyTable with a LanceSchema whose `text` column is the function's source field, then
// `table.add(rows)` in chunks; searches are `table.search(text).limit(k).toArray()` (the client embeds the query).
//
//   node lancedb-bench.mjs ingest --url U --table T --models DIR --docs docs.json --chunk 1000 --out result.json
//       -> {"rows", "seconds", "rowsPerSecond", "count"}
//   node lancedb-bench.mjs index --url U --table T --models DIR --index-name N --out result.json
//       -> {"seconds"}   an IVF_PQ index on "vector" (server defaults), waited for until it covers every row
//   node lancedb-bench.mjs search --url U --table T --models DIR --queries q.json --k 10 --concurrency 8 --warmup w.json [--mode vector|text] --out result.json
//       -> {"latenciesMs": [...], "seconds", "concurrency"}
//
// DIR is a transformers.js local model root holding Xenova/all-MiniLM-L6-v2/{config.json,tokenizer*.json,onnx/model.onnx}.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { env } from "@huggingface/transformers";
import * as lancedb from "@lancedb/lancedb";
import { getRegistry, LanceSchema } from "@lancedb/lancedb/embedding";
import "@lancedb/lancedb/embedding/transformers";
import { Utf8 } from "apache-arrow";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: "string" },
    table: { type: "string" },
    models: { type: "string" },
    docs: { type: "string" },
    queries: { type: "string" },
    warmup: { type: "string" },
    chunk: { type: "string", default: "1000" },
    k: { type: "string", default: "10" },
    concurrency: { type: "string", default: "1" },
    out: { type: "string" },
    mode: { type: "string" },
    "index-name": { type: "string", default: "vector_idx" },
    "api-key": { type: "string", default: "bench-key" },
  },
});

env.allowRemoteModels = false;
env.localModelPath = values.models.endsWith("/") ? values.models : values.models + "/";

const db = await lancedb.connect("db://bench", { apiKey: values["api-key"], hostOverride: values.url });
const command = positionals[0];

if (command === "ingest") {
  // create() also runs init() (the model load); not timed, as LanceOrm's model is loaded before timing too. Note that
  // table.add() re-creates the function from the schema metadata (and loads the model again) on every call.
  const func = await getRegistry().get("huggingface").create();
  const schema = LanceSchema({ id: new Utf8(), text: func.sourceField(new Utf8()), vector: func.vectorField() });
  const table = await db.createEmptyTable(values.table, schema, { mode: "overwrite" });
  const docs = JSON.parse(readFileSync(values.docs, "utf8"));
  const chunk = Number(values.chunk);
  const started = performance.now();
  for (let i = 0; i < docs.length; i += chunk) {
    await table.add(docs.slice(i, i + chunk).map(([id, text]) => ({ id, text })));
  }
  const seconds = (performance.now() - started) / 1000;
  const count = await table.countRows();
  writeFileSync(values.out, JSON.stringify({ rows: docs.length, seconds, rowsPerSecond: docs.length / seconds, count }));
} else if (command === "search") {
  const table = await db.openTable(values.table);
  const k = Number(values.k);
  const concurrency = Number(values.concurrency);
  // "text": table.search(text) — the client embeds the query with the table's function, which it re-creates (and
  //         re-initialises: a model load) from the schema metadata on every call, as 0.37.1 does;
  // "vector": the application creates the function once and passes the query vector, table.search(vector) — the
  //         faster way to use the same client; the harness compares LanceOrm with the faster of the two.
  const mode = values.mode ?? "vector";
  let func;
  if (mode === "vector") {
    func = await getRegistry().get("huggingface").create();
  }
  const search = async (text) => {
    const query = mode === "vector" ? await func.computeQueryEmbeddings(text) : text;
    const rows = await table.search(query).limit(k).toArray();
    if (rows.length !== k) throw new Error(`expected ${k} rows, got ${rows.length}`);
  };
  for (const text of JSON.parse(readFileSync(values.warmup, "utf8"))) await search(text);
  const queries = JSON.parse(readFileSync(values.queries, "utf8"));
  const latenciesMs = new Array(queries.length);
  let next = 0;
  const worker = async () => {
    while (next < queries.length) {
      const i = next++;
      const started = performance.now();
      await search(queries[i]);
      latenciesMs[i] = performance.now() - started;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(values.out, JSON.stringify({ latenciesMs, seconds, concurrency }));
} else if (command === "index") {
  const table = await db.openTable(values.table);
  const started = performance.now();
  await table.createIndex("vector", { config: lancedb.Index.ivfPq(), name: values["index-name"] });
  await table.waitForIndex([values["index-name"]], 1800);
  writeFileSync(values.out, JSON.stringify({ seconds: (performance.now() - started) / 1000 }));
} else {
  console.error(`unknown command '${command}'`);
  process.exit(2);
}

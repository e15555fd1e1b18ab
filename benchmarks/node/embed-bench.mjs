// Baseline (c) of `LanceOrm.Benchmarks embeddings`: LanceDB's TypeScript "huggingface" embedding function itself
// (@lancedb/lancedb 0.37.1 `TransformersEmbeddingFunction`, on @huggingface/transformers 3.0.2 + onnxruntime-node):
// `computeSourceEmbeddings(batch)` = tokenizer(batch, {padding: true}) -> model.forward -> mean over the padded
// sequence (LanceDB's own pooling: no attention mask, no L2 normalisation). Local files only (no hub access).
// Usage: node embed-bench.mjs <localModelPath> <modelId> <sentences.json> <batchSize> <threads (ignored: the function
//        exposes no session options)> <out.json> [rounds]
import { readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { env } from "@huggingface/transformers";
import { getRegistry } from "@lancedb/lancedb/embedding";
import "@lancedb/lancedb/embedding/transformers";

const [localModelPath, modelId, sentencesPath, batchText, , outPath, roundsText = "1"] = process.argv.slice(2);
if (!outPath) {
  console.error("usage: node embed-bench.mjs <localModelPath> <modelId> <sentences.json> <batchSize> <threads> <out.json> [rounds]");
  process.exit(2);
}

env.allowRemoteModels = false;
env.allowLocalModels = true;
env.localModelPath = localModelPath.endsWith("/") ? localModelPath : localModelPath + "/";

const batchSize = Number(batchText);
const sentences = JSON.parse(readFileSync(sentencesPath, "utf8"));
const func = await getRegistry().get("huggingface").create({ model: modelId });
await func.computeSourceEmbeddings(["warm up the session", "and its allocator"]);

const rounds = Math.max(1, Number(roundsText));
let vectors = [];
let seconds = Infinity;
for (let round = 1; round <= rounds; round++) {
  const firstVectors = [];
  const started = performance.now();
  for (let i = 0; i < sentences.length; i += batchSize) {
    const rows = await func.computeSourceEmbeddings(sentences.slice(i, i + batchSize));
    if (firstVectors.length < 16) firstVectors.push(...rows.slice(0, 16 - firstVectors.length));
  }
  const elapsed = (performance.now() - started) / 1000;
  if (rounds > 1) console.log(`    round ${round}: (c) ${(sentences.length / elapsed).toFixed(1)} sentences/s`);
  if (elapsed < seconds) { seconds = elapsed; vectors = firstVectors; }
}

writeFileSync(outPath, JSON.stringify({
  sentences: sentences.length,
  seconds,
  sentencesPerSecond: sentences.length / seconds,
  transformersVersion: env.version,
  firstVectors: vectors,
}));
console.log(`transformers.js ${env.version}: ${sentences.length} sentences, best round ${seconds.toFixed(2)} s`);

// Baseline (c) of `LanceOrm.Benchmarks embeddings`: LanceDB's TypeScript "huggingface" embedding function path.
// LanceDB's TransformersEmbeddingFunction (@lancedb/lancedb 0.37.1, which pins @huggingface/transformers 3.0.2) does
//   extractor = await pipeline("feature-extraction", model);  output = await extractor(texts, { pooling: "mean", normalize: true });  output.tolist()
// This script makes the same calls on local files only (no hub access).
// Usage: node embed-bench.mjs <localModelPath> <modelId> <sentences.json> <batchSize> <intraOpThreads (0 = default)> <out.json> [rounds]
import { readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { env, pipeline } from "@huggingface/transformers";

const [localModelPath, modelId, sentencesPath, batchText, threadsText, outPath, roundsText = "1"] = process.argv.slice(2);
if (!outPath) {
  console.error("usage: node embed-bench.mjs <localModelPath> <modelId> <sentences.json> <batchSize> <threads> <out.json> [rounds]");
  process.exit(2);
}

env.allowRemoteModels = false;
env.allowLocalModels = true;
env.localModelPath = localModelPath;

const batchSize = Number(batchText);
const threads = Number(threadsText);
const options = { dtype: "fp32" };
if (threads > 0) {
  options.session_options = { intraOpNumThreads: threads, interOpNumThreads: 1 };
}

const sentences = JSON.parse(readFileSync(sentencesPath, "utf8"));
const extractor = await pipeline("feature-extraction", modelId, options);
await extractor(["warm up the session", "and its allocator"], { pooling: "mean", normalize: true });

const rounds = Math.max(1, Number(roundsText));
let vectors = [];
let seconds = Infinity;
for (let round = 1; round <= rounds; round++) {
  const firstVectors = [];
  const started = performance.now();
  for (let i = 0; i < sentences.length; i += batchSize) {
    const output = await extractor(sentences.slice(i, i + batchSize), { pooling: "mean", normalize: true });
    const rows = output.tolist();
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

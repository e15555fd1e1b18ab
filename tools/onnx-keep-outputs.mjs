// Writes a copy of an ONNX model that declares only the named graph outputs (same weights, same nodes).
// Why: LanceDB's TypeScript `huggingface` embedding function takes the *first key* of the model's output
// object; an export with an extra output named like an integer (e.g. "924", the BERT pooler) sorts first
// in JavaScript and would be taken instead of `last_hidden_state`.
// Usage: node tools/onnx-keep-outputs.mjs <in.onnx> <out.onnx> last_hidden_state [more names...]
import { readFileSync, writeFileSync, renameSync } from "node:fs";

function readVarint(buf, pos) {
  let result = 0n, shift = 0n;
  for (;;) {
    const b = buf[pos++];
    result |= BigInt(b & 0x7f) << shift;
    if ((b & 0x80) === 0) return [result, pos];
    shift += 7n;
  }
}

function encodeVarint(value) {
  const bytes = [];
  let v = BigInt(value);
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) b |= 0x80;
    bytes.push(b);
  } while (v > 0n);
  return Buffer.from(bytes);
}

// Splits a protobuf message into [{field, wire, raw (whole field bytes), payload (LEN content or null)}].
function fields(buf) {
  const out = [];
  let pos = 0;
  while (pos < buf.length) {
    const start = pos;
    const [key, p1] = readVarint(buf, pos);
    pos = p1;
    const field = Number(key >> 3n), wire = Number(key & 7n);
    let payload = null;
    if (wire === 0) [, pos] = readVarint(buf, pos);
    else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else if (wire === 2) {
      const [len, p2] = readVarint(buf, pos);
      payload = buf.subarray(p2, p2 + Number(len));
      pos = p2 + Number(len);
    } else throw new Error(`unsupported wire type ${wire} at byte ${start}`);
    out.push({ field, wire, raw: buf.subarray(start, pos), payload });
  }
  return out;
}

function lenField(field, payload) {
  return Buffer.concat([encodeVarint((field << 3) | 2), encodeVarint(payload.length), payload]);
}

const [input, output, ...keep] = process.argv.slice(2);
if (!input || !output || keep.length === 0) {
  console.error("usage: node onnx-keep-outputs.mjs <in.onnx> <out.onnx> <output name>...");
  process.exit(2);
}
const GRAPH = 7, GRAPH_OUTPUT = 12, VALUE_INFO_NAME = 1;
const model = readFileSync(input);
const kept = [];
const parts = fields(model).map((f) => {
  if (f.field !== GRAPH) return f.raw;
  const graphParts = fields(f.payload).filter((g) => {
    if (g.field !== GRAPH_OUTPUT) return true;
    const name = fields(g.payload).find((v) => v.field === VALUE_INFO_NAME)?.payload.toString("utf8");
    if (keep.includes(name)) kept.push(name);
    return keep.includes(name);
  });
  return lenField(GRAPH, Buffer.concat(graphParts.map((g) => g.raw)));
});
const missing = keep.filter((k) => !kept.includes(k));
if (missing.length) {
  console.error(`the model has no output named ${missing.join(", ")}`);
  process.exit(1);
}
writeFileSync(output + ".partial", Buffer.concat(parts));
renameSync(output + ".partial", output);
console.log(JSON.stringify({ output, outputs: kept }));

#!/usr/bin/env python3
"""Assembles the retrieval set from source/*.txt into corpus.jsonl and queries.jsonl, and validates it.

Source format (one file per domain, read in file-name order):
  # topic name            starts a topic; labels below are local to it
  a: document text        a document with label "a"
  ? query text => a c     a query and the labels of its relevant documents (in this topic)
Blank lines are ignored. Documents get ids d0001, d0002, ... and queries q0001, ... in reading order.

Run: python3 benchmarks/data/retrieval/build.py   (writes the two .jsonl files next to this script)
"""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent


def fail(message):
    sys.exit(f"build.py: {message}")


def main():
    documents, queries = [], []
    for path in sorted((HERE / "source").glob("*.txt")):
        domain = path.stem.split("-", 1)[1]
        topic, labels = None, {}
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.strip()
            where = f"{path.name}:{number}"
            if not line:
                continue
            if line.startswith("#"):
                topic, labels = line.lstrip("# ").strip(), {}
            elif line.startswith("?"):
                if "=>" not in line:
                    fail(f"{where}: a query needs '=> labels'")
                text, targets = (part.strip() for part in line[1:].split("=>", 1))
                relevant = []
                for label in targets.split():
                    if label not in labels:
                        fail(f"{where}: label '{label}' is not a document of topic '{topic}'")
                    relevant.append(labels[label])
                if not text or not relevant:
                    fail(f"{where}: empty query or no relevant documents")
                queries.append({"id": f"q{len(queries) + 1:04d}", "text": text, "relevant": relevant,
                                "domain": domain, "topic": topic})
            elif len(line) > 2 and line[1] == ":" and line[0].isalpha():
                if topic is None:
                    fail(f"{where}: document before the first '# topic'")
                label, text = line[0], line[2:].strip()
                if label in labels:
                    fail(f"{where}: label '{label}' used twice in topic '{topic}'")
                if not text:
                    fail(f"{where}: empty document")
                identifier = f"d{len(documents) + 1:04d}"
                labels[label] = identifier
                documents.append({"id": identifier, "text": text, "domain": domain, "topic": topic})
            else:
                fail(f"{where}: unrecognised line: {line}")

    texts = [d["text"] for d in documents]
    duplicates = {t for t in texts if texts.count(t) > 1}
    if duplicates:
        fail(f"duplicate documents: {sorted(duplicates)[:3]}")
    with open(HERE / "corpus.jsonl", "w", encoding="utf-8", newline="\n") as out:
        for d in documents:
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
    with open(HERE / "queries.jsonl", "w", encoding="utf-8", newline="\n") as out:
        for q in queries:
            out.write(json.dumps(q, ensure_ascii=False) + "\n")
    multi = sum(1 for q in queries if len(q["relevant"]) > 1)
    judged = {r for q in queries for r in q["relevant"]}
    print(f"{len(documents)} documents, {len(queries)} queries ({multi} with 2+ relevant), "
          f"{len(judged)} documents relevant to some query, {len(documents) - len(judged)} distractors only, "
          f"{len({d['domain'] for d in documents})} domains, {len({(d['domain'], d['topic']) for d in documents})} topics")


if __name__ == "__main__":
    main()

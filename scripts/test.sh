#!/usr/bin/env bash
# The README's test command: runs every test — the emulator's conformance suite (the official @lancedb/lancedb
# client in remote mode against the emulator) and all .NET test projects (incl. interop with the official Node
# client and the package test). On a fresh clone it first installs the npm packages it needs (emulator, interop
# peer) when they are missing; .ci/run always installs them afresh with `npm ci` and then calls this script.
set -euo pipefail
cd "$(dirname "$0")/.."
export ONNXRUNTIME_NODE_INSTALL_CUDA=skip
for dir in emulator tests/interop; do
  if [ ! -d "$dir/node_modules" ]; then
    echo "== npm ci --prefix $dir =="
    npm ci --prefix "$dir" --no-audit --no-fund
  fi
done
echo "== emulator conformance (node --test) =="
npm --prefix emulator test
echo "== .NET tests (dotnet test LanceOrm.sln) =="
dotnet test LanceOrm.sln -c Release --logger "console;verbosity=normal"

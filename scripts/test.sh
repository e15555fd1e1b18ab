#!/usr/bin/env bash
# Runs every test: the emulator's conformance suite (official @lancedb/lancedb client in remote mode)
# and all .NET test projects (incl. interop with the official Node client). Prerequisites: `npm ci --prefix emulator`
# and `npm ci --prefix tests/interop` (done by .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== emulator conformance (node --test) =="
npm --prefix emulator test
echo "== .NET tests (dotnet test LanceOrm.sln) =="
dotnet test LanceOrm.sln -c Release --logger "console;verbosity=normal"

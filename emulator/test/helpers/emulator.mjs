// Starts the emulator as a child process (as the .NET tests and a developer would) and connects the
// official @lancedb/lancedb client to it in remote mode, or to a local directory for comparison.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import readline from 'node:readline';
import * as lancedb from '@lancedb/lancedb';

const SERVER = fileURLToPath(new URL('../../server.mjs', import.meta.url));
export const API_KEY = 'k';

/** A fresh temporary directory, removed by the returned cleanup. */
export async function tempDir(prefix = 'emu-') {
  return mkdtemp(path.join(tmpdir(), prefix));
}

export async function removeDir(dir) {
  await rm(dir, { recursive: true, force: true });
}

/**
 * Starts `node server.mjs` on a free port; resolves once it printed its {"url"} line.
 * @param {{data: string, apiKey?: string|null, faults?: object, args?: string[]}} options
 */
export async function startEmulator({ data, apiKey = API_KEY, faults, args = [] }) {
  const argv = [SERVER, '--port', '0', '--data', data, ...args];
  if (apiKey) argv.push('--api-key', apiKey);
  if (faults) argv.push('--faults', JSON.stringify(faults));
  const proc = spawn(process.execPath, argv, { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr = [];
  proc.stderr.on('data', (d) => stderr.push(d.toString()));
  const lines = readline.createInterface({ input: proc.stdout });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`emulator did not start: ${stderr.join('')}`)), 20_000);
    proc.once('exit', (code) => { clearTimeout(timer); reject(new Error(`emulator exited with ${code}: ${stderr.join('')}`)); });
    lines.once('line', (line) => { clearTimeout(timer); resolve(JSON.parse(line).url); });
  });
  const exited = new Promise((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    url,
    proc,
    stderr,
    exited,
    /** Graceful stop (SIGTERM). */
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      return exited;
    },
    /** Hard kill (SIGKILL). */
    async kill() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      return exited;
    },
  };
}

/** The official client in remote mode, pointed at the emulator. */
export function connectRemote(url, { apiKey = API_KEY, db = 'dev', clientConfig } = {}) {
  return lancedb.connect(`db://${db}`, { apiKey, hostOverride: url, clientConfig });
}

/** The same client on an embedded (local) database in a directory. */
export function connectLocal(dir) {
  return lancedb.connect(dir);
}

// Command-line parsing for server.mjs.
import { parseArgs } from 'node:util';

/**
 * The `phalanx-version` the emulator announces unless told otherwise: 0.4.0, the lowest version that turns on every
 * gate the official Node client 0.37.1 acts on (several query vectors in one body from 0.2.0, structured full-text
 * queries from 0.3.0, multipart inserts from 0.4.0). No public source states what LanceDB Cloud announces; 0.5.0 only
 * adds blob byte routes, which the Node client does not expose and this emulator does not serve (see README).
 * `none` sends no header, which the official client reads as 0.1.0.
 */
export const DEFAULT_SERVER_VERSION = '0.4.0';
/** The largest request body accepted unless told otherwise (1 GiB); larger bodies are answered 413. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024 * 1024;
const SEMVER = /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/;

export const USAGE = 'usage: node server.mjs --port <n|0> --data <dir> [--api-key <key>] [--faults <json>] [--server-version <semver|none>] [--max-body-bytes <n>] [--log-requests] [--ignore-stdin]';

/**
 * @param {string[]} argv
 * @returns {{port: number, data: string, apiKey: string|undefined, faults: string|undefined, serverVersion: string|null, maxBodyBytes: number, logRequests: boolean, ignoreStdin: boolean}}
 */
export function parseCli(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '0' },
      data: { type: 'string' },
      'api-key': { type: 'string' },
      faults: { type: 'string' },
      'server-version': { type: 'string', default: DEFAULT_SERVER_VERSION },
      'max-body-bytes': { type: 'string', default: String(DEFAULT_MAX_BODY_BYTES) },
      'log-requests': { type: 'boolean', default: false },
      'ignore-stdin': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) throw new Error(USAGE);
  if (!values.data) throw new Error(`--data is required\n${USAGE}`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535\n${USAGE}`);
  const serverVersion = values['server-version'] === 'none' ? null : values['server-version'];
  if (serverVersion !== null && !SEMVER.test(serverVersion)) throw new Error(`--server-version must be a semver like 0.4.0, or none\n${USAGE}`);
  const maxBodyBytes = Number(values['max-body-bytes']);
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1) throw new Error(`--max-body-bytes must be a positive integer\n${USAGE}`);
  return {
    port,
    serverVersion,
    maxBodyBytes,
    data: values.data,
    apiKey: values['api-key'],
    faults: values.faults,
    logRequests: values['log-requests'],
    ignoreStdin: values['ignore-stdin'],
  };
}

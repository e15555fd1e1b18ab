// Command-line parsing for server.mjs.
import { parseArgs } from 'node:util';

export const USAGE = 'usage: node server.mjs --port <n|0> --data <dir> [--api-key <key>] [--faults <json>] [--log-requests] [--ignore-stdin]';

/**
 * @param {string[]} argv
 * @returns {{port: number, data: string, apiKey: string|undefined, faults: string|undefined, logRequests: boolean, ignoreStdin: boolean}}
 */
export function parseCli(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '0' },
      data: { type: 'string' },
      'api-key': { type: 'string' },
      faults: { type: 'string' },
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
  return {
    port,
    data: values.data,
    apiKey: values['api-key'],
    faults: values.faults,
    logRequests: values['log-requests'],
    ignoreStdin: values['ignore-stdin'],
  };
}

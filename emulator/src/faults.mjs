// Fault injection (off by default): per-request `x-emulator-fault` header, or seeded random rules set
// at startup (--faults) or at run time (POST/DELETE /_emulator/faults). See README.md "Fault injection".
import { badRequest } from './errors.mjs';

export const FAULT_HEADER = 'x-emulator-fault';

/**
 * A fault decided for one request:
 *  {kind:'status', status, retryAfter?}  answer `status` without handling the request
 *  {kind:'reset'}                        destroy the connection without answering
 *  {kind:'delay', ms}                    wait, then handle normally
 *  {kind:'after-write', status?, reset?} handle (apply the write), then answer `status` / reset instead
 * @typedef {{kind: 'status'|'reset'|'delay'|'after-write', status?: number, retryAfter?: number, ms?: number, reset?: boolean}} Fault
 */

const MAX_DELAY_MS = 60_000;

function parseStatus(text, what) {
  const status = Number(text);
  if (!Number.isInteger(status) || status < 400 || status > 599) {
    throw badRequest(`invalid ${FAULT_HEADER} header: ${what} must be an HTTP status 400-599, got '${text}'`);
  }
  return status;
}

function parseMs(text) {
  const ms = Number(text);
  if (!Number.isInteger(ms) || ms < 0 || ms > MAX_DELAY_MS) {
    throw badRequest(`invalid ${FAULT_HEADER} header: delay must be 0..${MAX_DELAY_MS} ms, got '${text}'`);
  }
  return ms;
}

/**
 * Parses the `x-emulator-fault` header: `status=503` | `status=429;retry-after=1` | `reset` |
 * `delay=200` | `after-write=503` | `after-write=reset`.
 * @param {string} value
 * @returns {Fault}
 */
export function parseFaultHeader(value) {
  const parts = value.split(';').map((p) => p.trim()).filter(Boolean);
  const [head, ...params] = parts;
  if (!head) throw badRequest(`invalid ${FAULT_HEADER} header: empty`);
  const [key, arg] = head.split('=').map((s) => s.trim());
  const options = Object.fromEntries(params.map((p) => p.split('=').map((s) => s.trim())));
  switch (key) {
    case 'status': {
      const fault = { kind: 'status', status: parseStatus(arg, 'status') };
      if (options['retry-after'] !== undefined) {
        const seconds = Number(options['retry-after']);
        if (!Number.isInteger(seconds) || seconds < 0) {
          throw badRequest(`invalid ${FAULT_HEADER} header: retry-after must be whole seconds`);
        }
        fault.retryAfter = seconds;
      }
      return fault;
    }
    case 'reset':
      return { kind: 'reset' };
    case 'delay':
      return { kind: 'delay', ms: parseMs(arg) };
    case 'after-write':
      if (arg === 'reset') return { kind: 'after-write', reset: true };
      return { kind: 'after-write', status: parseStatus(arg, 'after-write') };
    default:
      throw badRequest(`invalid ${FAULT_HEADER} header '${value}': expected status=N[;retry-after=S] | reset | delay=MS | after-write=N|reset`);
  }
}

/** mulberry32: a small seeded PRNG so fault sequences are reproducible run to run. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function validateRule(rule, i) {
  const where = `faults.rules[${i}]`;
  if (!rule || typeof rule !== 'object') throw badRequest(`${where} must be an object`);
  const rate = rule.rate;
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) throw badRequest(`${where}.rate must be a number in [0,1]`);
  switch (rule.kind) {
    case 'status': {
      const status = parseStatus(String(rule.status), `${where}.status`);
      const out = { kind: 'status', status, rate };
      if (rule.retryAfter !== undefined) {
        if (!Number.isInteger(rule.retryAfter) || rule.retryAfter < 0) throw badRequest(`${where}.retryAfter must be whole seconds`);
        out.retryAfter = rule.retryAfter;
      }
      return out;
    }
    case 'reset':
      return { kind: 'reset', rate };
    case 'delay':
      return { kind: 'delay', ms: parseMs(String(rule.ms)), rate };
    case 'after-write':
      if (rule.reset === true || rule.status === 'reset') return { kind: 'after-write', reset: true, rate };
      return { kind: 'after-write', status: parseStatus(String(rule.status), `${where}.status`), rate };
    default:
      throw badRequest(`${where}.kind must be one of status, reset, delay, after-write`);
  }
}

/** Seeded random fault rules applied to every non-admin request whose path matches `match`. */
export class FaultRules {
  /** @param {{seed?: number, match?: string, rules: object[]}} config */
  constructor(config) {
    if (!config || typeof config !== 'object' || !Array.isArray(config.rules)) {
      throw badRequest('faults must be a JSON object with a "rules" array');
    }
    const seed = config.seed ?? 1;
    if (!Number.isInteger(seed)) throw badRequest('faults.seed must be an integer');
    let match = null;
    if (config.match !== undefined && config.match !== null) {
      try {
        match = new RegExp(String(config.match));
      } catch (err) {
        throw badRequest(`faults.match is not a valid regular expression: ${err.message}`);
      }
    }
    this.rules = config.rules.map(validateRule);
    const total = this.rules.reduce((s, r) => s + r.rate, 0);
    if (total > 1 + 1e-9) throw badRequest('faults: the rates of all rules add up to more than 1');
    this.seed = seed;
    this.match = match;
    this.random = mulberry32(seed);
    this.injected = 0;
  }

  /**
   * Draws the fault (or none) for one request; one random draw per matching request.
   * @param {string} path
   * @returns {Fault|null}
   */
  draw(path) {
    if (this.match && !this.match.test(path)) return null;
    const r = this.random();
    let cumulative = 0;
    for (const rule of this.rules) {
      cumulative += rule.rate;
      if (r < cumulative) {
        this.injected++;
        const { rate, ...fault } = rule;
        return fault;
      }
    }
    return null;
  }

  toJSON() {
    return { seed: this.seed, match: this.match?.source ?? null, rules: this.rules, injected: this.injected };
  }
}

/**
 * Parses the --faults startup value (a JSON string).
 * @param {string|undefined} text
 * @returns {FaultRules|null}
 */
export function parseFaultsOption(text) {
  if (!text) return null;
  let config;
  try {
    config = JSON.parse(text);
  } catch (err) {
    throw new Error(`--faults is not valid JSON: ${err.message}`);
  }
  return new FaultRules(config);
}

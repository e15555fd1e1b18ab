// Emulator admin routes (never faulted): run-time fault rules and a health probe.
import { FaultRules } from '../faults.mjs';
import { json, readJson } from '../http.mjs';

async function setFaults({ state, req }) {
  const config = await readJson(req, null);
  state.faults = config === null ? null : new FaultRules(config);
  return json({ faults: state.faults });
}

async function clearFaults({ state }) {
  state.faults = null;
  return json({ faults: null });
}

async function getFaults({ state }) {
  return json({ faults: state.faults });
}

async function health() {
  return json({ status: 'ok' });
}

export const routes = [
  { method: 'POST', pattern: /^\/_emulator\/faults\/?$/, admin: true, handler: setFaults },
  { method: 'DELETE', pattern: /^\/_emulator\/faults\/?$/, admin: true, handler: clearFaults },
  { method: 'GET', pattern: /^\/_emulator\/faults\/?$/, admin: true, handler: getFaults },
  { method: 'GET', pattern: /^\/_emulator\/health\/?$/, admin: true, handler: health },
];

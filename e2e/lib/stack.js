// Where the running stack is, tokens for it, and its REST APIs as the test's "outside world".
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';

export const urls = {
  dashboard: (process.env.BORDERFLOW_DASHBOARD_URL ?? 'http://localhost:8082').replace(/\/+$/, ''),
  ingest: (process.env.BORDERFLOW_INGEST_URL ?? 'http://localhost:8081').replace(/\/+$/, ''),
  alerts: (process.env.BORDERFLOW_ALERTS_URL ?? 'http://localhost:8083').replace(/\/+$/, ''),
};

const TOKEN_TOOL = new URL('../../deploy/local/token', import.meta.url).pathname;
const signed = new Map();

/**
 * A token for the stack: BORDERFLOW_E2E_TOKEN_<ROLE> when set, else signed once per role and subject by the
 * stack's own signer, deploy/local/token (the dev key and issuer of the local stack; BORDERFLOW_E2E_PRIVATE_KEY
 * and BORDERFLOW_E2E_ISSUER override them), valid 1 h.
 */
export function token(role, { subject = `${role}@borderflow.e2e`, carrierId } = {}) {
  const ready = process.env[`BORDERFLOW_E2E_TOKEN_${role.toUpperCase()}`];
  if (ready) return ready;
  const args = [role, ...(carrierId ? [carrierId] : []), '--subject', subject, '--hours', '1',
    ...(process.env.BORDERFLOW_E2E_PRIVATE_KEY ? ['--key', process.env.BORDERFLOW_E2E_PRIVATE_KEY] : []),
    ...(process.env.BORDERFLOW_E2E_ISSUER ? ['--issuer', process.env.BORDERFLOW_E2E_ISSUER] : [])];
  const key = args.join(' ');
  if (!signed.has(key)) signed.set(key, execFileSync(TOKEN_TOOL, args, { encoding: 'utf8' }).trim());
  return signed.get(key);
}

export async function call(method, url, bearer, body) {
  const response = await fetch(url, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} → ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

const minutesAgo = m => new Date(Date.now() - m * 60000).toISOString();

/** A carrier registering a shipment and reporting its checkpoints, as RFID readers would. */
export class Carrier {
  constructor(carrierId) {
    this.bearer = token('carrier', { subject: `dispatch@${carrierId}`, carrierId });
  }

  register(shipmentId, crossingId, direction, laneType) {
    return call('POST', `${urls.ingest}/api/v1/shipments`, this.bearer, {
      shipmentId, crossingId, direction, laneType,
      plannedArrival: new Date().toISOString(), referenceNumbers: { billOfLading: `BOL-${shipmentId}` },
    });
  }

  checkpoint(shipmentId, type, occurredMinutesAgo) {
    return call('POST', `${urls.ingest}/api/v1/shipments/${encodeURIComponent(shipmentId)}/checkpoints`, this.bearer, {
      eventId: randomUUID(), type, occurredAt: minutesAgo(occurredMinutesAgo), source: 'RFID',
    });
  }
}

/** An alert rule through alert-service's admin API (durations in minutes; scope as the API takes it); returns its id. */
export async function createRule(bearer, { id, name, measure, scope, comparison, threshold, forMinutes, severity, summary }) {
  const rule = await call('POST', `${urls.alerts}/api/v1/rules`, bearer, {
    id, name, measure, scope, comparison, threshold, forMinutes, keepFiringForMinutes: 0, severity, summary,
  });
  return rule.id;
}

/** alert-service's on-call routing as YAML, null when none is in force. */
export async function getRouting(bearer) {
  const response = await fetch(`${urls.alerts}/api/v1/routing`, { headers: { Authorization: `Bearer ${bearer}` } });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`GET routing → ${response.status} ${(await response.text()).slice(0, 300)}`);
  return response.text();
}

/** Replaces the routing (Alertmanager's route/receivers/inhibit_rules YAML), or removes it when yaml is null; admin. */
export async function putRouting(bearer, yaml) {
  const response = await fetch(`${urls.alerts}/api/v1/routing`, yaml === null
    ? { method: 'DELETE', headers: { Authorization: `Bearer ${bearer}` } }
    : { method: 'PUT', headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/yaml' }, body: yaml });
  if (!response.ok) throw new Error(`routing → ${response.status} ${(await response.text()).slice(0, 300)}`);
}

export function deleteRule(bearer, id) {
  return call('DELETE', `${urls.alerts}/api/v1/rules/${encodeURIComponent(id)}`, bearer);
}

/**
 * A busy hour at the big crossings, sent through ingest like real RFID reads: journeys that reached primary
 * inspection in the last hour with the given waits, plus a truck still queued per series. World Trade Bridge is
 * made the worst on purpose (critical: a p50 wait of 196 min) in its southbound FAST series, which the traffic
 * simulator never sends, so simulated traffic beside the test cannot dilute it; the other series (Pharr and Otay
 * Mesa warnings, the rest normal) share their series with simulated traffic and only need to show a severity.
 */
export const BUSY_HOUR = [
  ['laredo-world-trade-bridge', 'SOUTHBOUND', 'FAST', [168, 185, 196, 204, 231]],
  ['laredo-world-trade-bridge', 'NORTHBOUND', 'FAST', [44, 52, 61, 66]],
  ['laredo-world-trade-bridge', 'SOUTHBOUND', 'STANDARD', [14, 19, 23]],
  ['pharr-reynosa', 'NORTHBOUND', 'STANDARD', [92, 104, 117, 109]],
  ['pharr-reynosa', 'NORTHBOUND', 'FAST', [28, 35, 41]],
  ['otay-mesa', 'NORTHBOUND', 'STANDARD', [83, 91, 98, 95]],
  ['otay-mesa', 'NORTHBOUND', 'FAST', [31, 36]],
  ['el-paso-ysleta-zaragoza', 'NORTHBOUND', 'STANDARD', [38, 47, 56]],
  ['laredo-colombia-solidarity', 'NORTHBOUND', 'STANDARD', [22, 29, 34]],
  ['nogales-mariposa', 'NORTHBOUND', 'STANDARD', [18, 26, 31]],
  ['calexico-east', 'NORTHBOUND', 'STANDARD', [49, 58, 64]],
  ['eagle-pass-camino-real', 'NORTHBOUND', 'STANDARD', [33, 39]],
];

export function sendBusyHour(carrier, prefix) {
  return sendJourneys(carrier, prefix, BUSY_HOUR);
}

/**
 * Journeys sent through ingest like RFID reads, per [crossingId, direction, laneType, waits]: one per wait, that
 * reached primary inspection in the last hour with that wait, and one truck still queued per series.
 */
export async function sendJourneys(carrier, prefix, series) {
  const events = [];
  const at = minutes => new Date(Date.now() - minutes * 60000).toISOString();
  let n = 0;
  for (const [crossingId, direction, laneType, waits] of series) {
    for (const [i, wait] of waits.entries()) {
      const shipmentId = `${prefix}-${(n += 1)}`;
      await carrier.register(shipmentId, crossingId, direction, laneType);
      const primary = 4 + i * 9;
      const exited = Math.max(1, primary - 12 - (i % 3) * 4);
      events.push(
        { shipmentId, eventId: randomUUID(), type: 'QUEUE_ENTERED', occurredAt: at(primary + wait), source: 'RFID' },
        { shipmentId, eventId: randomUUID(), type: 'PRIMARY_INSPECTION', occurredAt: at(primary), source: 'RFID' },
        { shipmentId, eventId: randomUUID(), type: 'PORT_EXITED', occurredAt: at(exited), source: 'RFID' },
      );
    }
    const queued = `${prefix}-${(n += 1)}`;
    await carrier.register(queued, crossingId, direction, laneType);
    events.push({ shipmentId: queued, eventId: randomUUID(), type: 'QUEUE_ENTERED', occurredAt: at(Math.round(waits[0] / 2)), source: 'RFID' });
  }
  const result = await call('POST', `${urls.ingest}/api/v1/checkpoints/batch`, carrier.bearer, { events });
  if (result.rejected) throw new Error(`ingest rejected ${result.rejected} checkpoints: ${JSON.stringify(result.results.find(r => r.problem))}`);
}

// Where the running stack is, tokens for it, and its REST APIs as the test's "outside world".
import { createSign, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const urls = {
  dashboard: (process.env.BORDERFLOW_DASHBOARD_URL ?? 'http://localhost:8082').replace(/\/+$/, ''),
  ingest: (process.env.BORDERFLOW_INGEST_URL ?? 'http://localhost:8081').replace(/\/+$/, ''),
  alerts: (process.env.BORDERFLOW_ALERTS_URL ?? 'http://localhost:8083').replace(/\/+$/, ''),
};

const base64url = value => Buffer.from(value).toString('base64url');

/**
 * A token for the stack: signed here with the stack's dev private key (BORDERFLOW_E2E_PRIVATE_KEY, a PEM file,
 * and BORDERFLOW_E2E_ISSUER), or taken ready-made from BORDERFLOW_E2E_TOKEN_<ROLE>.
 */
export function token(role, { subject = `${role}@borderflow.e2e`, carrierId } = {}) {
  const ready = process.env[`BORDERFLOW_E2E_TOKEN_${role.toUpperCase()}`];
  if (ready) return ready;
  const keyFile = process.env.BORDERFLOW_E2E_PRIVATE_KEY;
  if (!keyFile) throw new Error(`no token for ${role}: set BORDERFLOW_E2E_PRIVATE_KEY (and BORDERFLOW_E2E_ISSUER) or BORDERFLOW_E2E_TOKEN_${role.toUpperCase()}`);
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    iss: process.env.BORDERFLOW_E2E_ISSUER ?? 'https://borderflow.local',
    sub: subject, upn: subject, groups: [role], iat: now, exp: now + 3600, jti: randomUUID(),
    ...(carrierId ? { carrier_id: carrierId } : {}),
  };
  const unsigned = `${base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(readFileSync(keyFile, 'utf8')).toString('base64url');
  return `${unsigned}.${signature}`;
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

/** An alert rule through alert-service's admin API; returns its id. */
export async function createRule(bearer, { name, measure, crossingId, comparison, threshold, forMinutes, severity, summary }) {
  const rule = await call('POST', `${urls.alerts}/api/v1/rules`, bearer, {
    name, measure, scope: { crossingId }, comparison, threshold, for: `${forMinutes}m`, severity, summary,
  });
  return rule.id;
}

export function deleteRule(bearer, id) {
  return call('DELETE', `${urls.alerts}/api/v1/rules/${encodeURIComponent(id)}`, bearer);
}

// Active alerts from alert-service: list, live updates, acknowledge.
import { badge, escapeHtml, minutes, zonedTime, ago, DIRECTION_SHORT, LANE_SHORT } from './format.js';

const SEVERITY = { CRITICAL: 'critical', WARNING: 'warning', INFO: 'info' };
const STATE_ORDER = { FIRING: 0, PENDING: 1, RESOLVED: 2 };
const SEVERITY_ORDER = { CRITICAL: 0, WARNING: 1, INFO: 2 };
const RESOLVED_SHOWN = 5;
const BOOLEAN_MEASURES = new Set(['stale', 'shipment_stalled']);

/** Alerts by fingerprint; INACTIVE ones are dropped (a pending alert that cleared without ever firing). */
export class AlertStore {
  constructor() {
    this.byFingerprint = new Map();
    this.measureByRule = new Map();
  }

  /** Rules tell what an alert's value measures (minutes, a ratio, a count), so it can be shown in its unit. */
  setRules(rules) {
    this.measureByRule = new Map(rules.map(r => [r.id, r.measure]));
  }

  replaceAll(alerts) {
    this.byFingerprint.clear();
    alerts.forEach(a => this.put(a));
  }

  put(alert) {
    if (!alert?.fingerprint) return;
    if (alert.state === 'INACTIVE') this.byFingerprint.delete(alert.fingerprint);
    else this.byFingerprint.set(alert.fingerprint, alert);
  }

  /** Firing unacknowledged first (by severity), then acknowledged, pending, and the latest few resolved. */
  ordered(crossingId) {
    const all = [...this.byFingerprint.values()].filter(a => !crossingId || a.labels?.crossing === crossingId);
    const rank = a => (a.state === 'FIRING' ? (a.acknowledgedBy ? 1 : 0) : a.state === 'PENDING' ? 2 : 3);
    const open = all.filter(a => a.state !== 'RESOLVED').sort((a, b) => rank(a) - rank(b)
      || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
      || Date.parse(b.startsAt ?? b.activeAt ?? 0) - Date.parse(a.startsAt ?? a.activeAt ?? 0));
    const resolved = all.filter(a => a.state === 'RESOLVED')
      .sort((a, b) => Date.parse(b.endsAt ?? 0) - Date.parse(a.endsAt ?? 0)).slice(0, RESOLVED_SHOWN);
    return { open, resolved };
  }

  firingCount() {
    return [...this.byFingerprint.values()].filter(a => a.state === 'FIRING' && !a.acknowledgedBy).length;
  }
}

export function renderAlertList(root, store, { crossings, canAcknowledge, crossingId, error }) {
  const { open, resolved } = store.ordered(crossingId);
  const crossingOf = id => crossings.get(id);
  const items = open.map(a => alertItem(a, crossingOf(a.labels?.crossing), canAcknowledge, store.measureByRule.get(a.ruleId))).join('');
  const resolvedItems = resolved.map(a => alertItem(a, crossingOf(a.labels?.crossing), false, store.measureByRule.get(a.ruleId))).join('');
  root.innerHTML = `${error ? `<p class="panel-error" role="alert">${escapeHtml(error)}</p>` : ''}
    ${open.length ? `<ul class="alert-list">${items}</ul>` : `<p class="empty">${badge('ok', 'No active alerts')}</p>`}
    ${resolved.length ? `<h3 class="resolved-title">Recently resolved</h3><ul class="alert-list resolved">${resolvedItems}</ul>` : ''}`;
}

function alertItem(a, crossing, canAcknowledge, measure) {
  const severity = SEVERITY[a.severity] ?? 'info';
  const state = a.state === 'FIRING' && a.acknowledgedBy ? 'ACKNOWLEDGED' : a.state;
  const where = crossing ? crossing.name : a.labels?.crossing ?? '';
  const series = [a.labels?.direction && DIRECTION_SHORT[a.labels.direction], a.labels?.lane && LANE_SHORT[a.labels.lane]].filter(Boolean).join(' ');
  const since = a.state === 'PENDING' ? a.activeAt : a.state === 'RESOLVED' ? a.endsAt : (a.startsAt ?? a.activeAt);
  const sinceLabel = a.state === 'PENDING' ? 'pending since' : a.state === 'RESOLVED' ? 'resolved' : 'firing since';
  const zone = crossing?.timeZone;
  const value = a.value != null ? `<span class="alert-value">${escapeHtml(formatValue(a.value, measure))}${a.threshold != null && !BOOLEAN_MEASURES.has(measure) ? ` (threshold ${escapeHtml(formatValue(a.threshold, measure))})` : ''}</span>` : '';
  const ack = a.acknowledgedBy
    ? `<p class="acked">Acknowledged by <strong>${escapeHtml(a.acknowledgedBy)}</strong>${a.acknowledgedAt ? ` · ${escapeHtml(ago(a.acknowledgedAt))}` : ''}</p>`
    : (canAcknowledge && a.state === 'FIRING'
      ? `<button type="button" class="ack" data-ack="${escapeHtml(a.fingerprint)}">Acknowledge</button>` : '');
  // alert-service's routing: the receivers the alert goes to, and whether a firing alert mutes it (inhibition)
  const receivers = [...new Set((a.routes ?? []).map(r => r.receiver))];
  const routing = receivers.length
    ? `<p class="alert-since alert-routing" title="${escapeHtml(a.routes.map(r => r.route).join('\n'))}">to ${escapeHtml(receivers.join(', '))}</p>` : '';
  const inhibited = a.inhibited ? '<span class="badge sev-quiet alert-inhibited" title="a firing alert mutes its notifications">Inhibited</span>' : '';
  const runbook = a.annotations?.runbook_url && /^https?:\/\//.test(a.annotations.runbook_url)
    ? `<a class="runbook" href="${escapeHtml(a.annotations.runbook_url)}" target="_blank" rel="noopener">Runbook</a>` : '';
  return `<li class="alert sev-${severity} state-${state.toLowerCase()}" data-fingerprint="${escapeHtml(a.fingerprint)}" data-state="${state}"${a.inhibited ? ' data-inhibited="true"' : ''}>
    <div class="alert-head">${badge(severity === 'info' ? 'quiet' : severity, a.severity)}${inhibited}<span class="alert-state">${state}</span></div>
    <p class="alert-title">${escapeHtml(a.annotations?.summary || a.ruleName || a.labels?.alertname || a.ruleId)}</p>
    <p class="alert-where">${where ? `<button type="button" class="crossing-link inline" data-open-crossing="${escapeHtml(a.labels.crossing)}">${escapeHtml(where)}</button>` : ''}
      ${series ? `<span class="alert-series">${escapeHtml(series)}</span>` : ''}
      ${a.labels?.shipment ? `<button type="button" class="shipment-link" data-open-shipment="${escapeHtml(a.labels.shipment)}">${escapeHtml(a.labels.shipment)}</button>` : ''}
      ${value}</p>
    <p class="alert-since">${sinceLabel} <time datetime="${escapeHtml(since ?? '')}">${escapeHtml(zonedTime(since, zone))}</time> · ${escapeHtml(ago(since))}</p>
    ${routing}${ack}${runbook}
  </li>`;
}

function formatValue(value, measure) {
  if (measure === 'buffer_index') return `${Math.round(value * 100)} %`;
  if (measure === 'queued_now') return `${value} queued`;
  if (BOOLEAN_MEASURES.has(measure)) return measure === 'stale' ? 'stale' : 'stalled';
  if (measure == null || /minutes$/.test(measure)) return minutes(value);
  return String(value);
}

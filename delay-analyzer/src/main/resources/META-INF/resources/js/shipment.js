// Shipment lookup: the timeline of one shipment from shipment-ingest.
import { request } from './api.js';
import { escapeHtml, minutes, signedMinutes, zonedTime, seriesName, ago } from './format.js';

const STEP_LABEL = {
  QUEUE_ENTERED: 'Joined the queue',
  EXPORT_CLEARED: 'Export cleared',
  PRIMARY_INSPECTION: 'Primary inspection',
  SECONDARY_REFERRED: 'Referred to secondary',
  SECONDARY_RELEASED: 'Released from secondary',
  PORT_EXITED: 'Left the port',
};

const STATUS_LABEL = {
  PLANNED: 'Planned', QUEUED: 'In the queue', IN_INSPECTION: 'In inspection', EXITED: 'Crossed', STALLED: 'Stalled',
};

export async function showShipment(root, id, { services, crossings }) {
  root.innerHTML = `${head(id)}<p class="empty">Looking up ${escapeHtml(id)}…</p>`;
  let timeline;
  try {
    timeline = await request(`${services.ingest}/api/v1/shipments/${encodeURIComponent(id)}/timeline`);
  } catch (error) {
    const message = error.status === 404 ? `No shipment with id ${id}.` : `Lookup failed: ${error.message}`;
    root.innerHTML = `${head(id)}<p class="panel-error" role="alert">${escapeHtml(message)}</p>`;
    return;
  }
  const crossing = crossings.get(timeline.crossingId);
  const zone = crossing?.timeZone;
  const d = timeline.delay;
  const steps = timeline.checkpoints ?? [];
  const first = steps.length ? Date.parse(steps[0].occurredAt) : null;
  const items = steps.map((cp, i) => {
    const at = Date.parse(cp.occurredAt);
    const sincePrevious = i ? ` · +${minutes((at - Date.parse(steps[i - 1].occurredAt)) / 60000)}` : '';
    const elapsed = i ? `<span class="elapsed">${minutes((at - first) / 60000)} since queue entry${sincePrevious}</span>` : '';
    const where = cp.location ? ` · ${cp.location.latitude.toFixed(4)}, ${cp.location.longitude.toFixed(4)}` : '';
    return `<li class="step" data-type="${escapeHtml(cp.type)}">
      <span class="step-dot" aria-hidden="true"></span>
      <p class="step-title">${escapeHtml(STEP_LABEL[cp.type] ?? cp.type)} <code>${escapeHtml(cp.type)}</code></p>
      <p class="step-time"><time datetime="${escapeHtml(cp.occurredAt)}">${escapeHtml(zonedTime(cp.occurredAt, zone))}</time> ${elapsed}</p>
      <p class="step-meta">${escapeHtml(cp.source)}${escapeHtml(where)} · recorded ${escapeHtml(ago(cp.recordedAt))}</p>
    </li>`;
  }).join('');
  root.innerHTML = `${head(id)}
    <p class="drawer-sub">${crossing ? `<button type="button" class="crossing-link inline" data-open-crossing="${escapeHtml(crossing.id)}">${escapeHtml(crossing.name)}</button>` : escapeHtml(timeline.crossingId)}
      · ${escapeHtml(seriesName(timeline))} · carrier ${escapeHtml(timeline.carrierId)}</p>
    ${d ? `<dl class="shipment-delay">
        <dt>Status</dt><dd class="status status-${escapeHtml(d.status)}">${escapeHtml(STATUS_LABEL[d.status] ?? d.status)}</dd>
        <dt>Wait</dt><dd>${minutes(d.waitMinutes)}</dd>
        <dt>Crossing</dt><dd>${minutes(d.crossingMinutes)}</dd>
        <dt>Delay vs free-flow</dt><dd>${signedMinutes(d.delayMinutes)}</dd>
        <dt>Last checkpoint</dt><dd>${escapeHtml(zonedTime(d.lastCheckpointAt, zone))}</dd></dl>`
    : '<p class="hint">Delay not computed yet.</p>'}
    ${steps.length ? `<ol class="timeline" aria-label="Checkpoints">${items}</ol>` : '<p class="empty">No checkpoints yet.</p>'}`;
}

function head(id) {
  return `<header class="drawer-head"><div><h2 id="drawer-title">Shipment <span class="mono">${escapeHtml(id)}</span></h2></div>
    <button type="button" class="close" data-close aria-label="Close shipment">✕</button></header>`;
}

// Advice panel: which crossing, and when — every crossing ranked by expected door-to-door time, with its parts.
import { MAP_SIZE, mapBackground, project, unproject } from './map.js';
import { escapeHtml, minutes, zonedTime } from './format.js';

/** "lat,lon" typed by a person → { latitude, longitude }, or null when it is not a point on Earth. */
export function parsePoint(text) {
  const match = String(text ?? '').trim().match(/^(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)$/);
  if (!match) return null;
  const latitude = Number(match[1]);
  const longitude = Number(match[2]);
  if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) return null;
  return { latitude, longitude };
}

/** The form a point is typed in: 4 decimals, about 10 m. */
export function formatPoint([latitude, longitude]) {
  return `${latitude.toFixed(4)},${longitude.toFixed(4)}`;
}

/** The advice URL for the form's values; departAt only when chosen (the service then uses now). */
export function adviceUrl(base, { from, to, direction, laneType, departAt }) {
  const params = new URLSearchParams({ from, to, direction, laneType });
  if (departAt) params.set('departAt', departAt);
  return `${base}/api/v1/advice?${params}`;
}

export const SOURCE_LABEL = {
  LIVE: 'live', LIVE_AND_PROFILE: 'live → profile', PROFILE: 'hour-of-week profile', CBP_REPORTED: 'CBP reported',
  FREE_FLOW: 'free-flow', NONE: 'unknown', GREAT_CIRCLE: 'straight line × detour',
};

export const FLAG_LABEL = {
  CLOSED_AT_ARRIVAL: 'closed at arrival: waits for opening', MEASURED_STALE: 'measured series stale',
  CBP_REPORTED_WAIT: 'wait from CBP’s estimate', NO_WAIT_DATA: 'no wait known',
};

export const EXCLUSION_LABEL = { NO_FAST_LANES: 'no FAST lanes', LANES_CLOSED: 'lanes closed (CBP)' };

const plural = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The parts of one ranked crossing's total, in order, as label / minutes / where the number came from. */
export function itemParts(item) {
  const p = item.parts;
  const wait = p.expectedWait;
  const samples = wait.source === 'NONE' ? '' : wait.source === 'CBP_REPORTED' ? ', officer’s estimate'
    : `, ${[wait.liveSamples ? plural(wait.liveSamples, 'live sample') : null, wait.profileSamples ? plural(wait.profileSamples, 'profile bin') : null].filter(Boolean).join(' + ') || 'no samples'}`;
  return [
    { part: 'driveToCrossing', label: 'Drive to crossing', minutes: p.driveToCrossing.minutes, source: `${Math.round(p.driveToCrossing.distanceKm)} km, ${SOURCE_LABEL[p.driveToCrossing.source] ?? p.driveToCrossing.source}` },
    { part: 'waitForOpening', label: 'Wait for opening', minutes: p.waitForOpening.minutes, source: `open ${item.commercialHours} (local)` },
    { part: 'expectedWait', label: 'Expected wait', minutes: wait.minutes, source: `${SOURCE_LABEL[wait.source] ?? wait.source}${samples}; confidence ${wait.confidence.toLowerCase()}` },
    { part: 'crossingTime', label: 'Crossing (primary → exit)', minutes: p.crossingTime.minutes, source: SOURCE_LABEL[p.crossingTime.source] ?? p.crossingTime.source },
    { part: 'driveToDestination', label: 'Drive to destination', minutes: p.driveToDestination.minutes, source: `${Math.round(p.driveToDestination.distanceKm)} km, ${SOURCE_LABEL[p.driveToDestination.source] ?? p.driveToDestination.source}` },
  ];
}

export class AdvicePanel {
  // request is api.js's, passed in: this module then loads in Node (e2e/unit) without a browser
  constructor(root, { services, crossings, request }) {
    this.root = root;
    this.request = request;
    this.services = services;
    this.crossings = crossings;
    this.picking = 'from';
    this.advice = null;
    this.error = null;
    root.innerHTML = `<form class="advice-form" id="advice-form">
        <h2>Which crossing, and when</h2>
        <p class="hint">Type <code>lat,lon</code> or click the map: the first click sets the origin, the next the destination.</p>
        <label>From <input name="from" id="advice-from" placeholder="25.6866,-100.3161" autocomplete="off" spellcheck="false" required></label>
        <label>To <input name="to" id="advice-to" placeholder="29.4241,-98.4936" autocomplete="off" spellcheck="false" required></label>
        <label>Direction <select name="direction" id="advice-direction"><option>NORTHBOUND</option><option>SOUTHBOUND</option></select></label>
        <label>Lanes <select name="laneType" id="advice-lane"><option>STANDARD</option><option>FAST</option></select></label>
        <label>Depart <input name="departAt" id="advice-depart" type="datetime-local" title="Your local time; empty for now"></label>
        <button type="submit" class="primary">Rank crossings</button>
        <p class="panel-error" id="advice-error" role="alert" hidden></p>
      </form>
      <div class="advice-map" id="advice-map"></div>
      <div class="advice-results" id="advice-results" aria-live="polite"></div>`;
    this.form = root.querySelector('#advice-form');
    this.form.addEventListener('submit', event => {
      event.preventDefault();
      this.submit();
    });
    this.form.addEventListener('input', () => this.drawMap());
    root.querySelector('#advice-map').addEventListener('click', event => this.pick(event));
    this.drawMap();
  }

  pick(event) {
    const svg = event.target.closest('svg');
    if (!svg) return;
    const box = svg.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * MAP_SIZE.width;
    const y = ((event.clientY - box.top) / box.height) * MAP_SIZE.height;
    this.form.elements[this.picking].value = formatPoint(unproject([x, y]));
    this.picking = this.picking === 'from' ? 'to' : 'from';
    this.drawMap();
  }

  async submit() {
    const values = Object.fromEntries(new FormData(this.form));
    const from = parsePoint(values.from);
    const to = parsePoint(values.to);
    const bad = [!from && 'From', !to && 'To'].filter(Boolean);
    if (bad.length) return this.showError(`${bad.join(' and ')}: type lat,lon in decimal degrees, or click the map.`);
    const departAt = values.departAt ? new Date(values.departAt).toISOString() : null;
    this.root.querySelector('#advice-results').innerHTML = '<p class="empty">Ranking…</p>';
    try {
      this.advice = await this.request(adviceUrl(this.services.analyzer, { ...values, departAt }));
      this.showError(null);
    } catch (error) {
      this.advice = null;
      const named = error.problem?.errors?.map(e => `${e.field} ${e.message}`).join('; ');
      this.showError(named || error.message);
    }
    this.drawMap();
    this.drawResults();
  }

  showError(message) {
    const el = this.root.querySelector('#advice-error');
    el.hidden = !message;
    el.textContent = message ?? '';
    if (message) this.root.querySelector('#advice-results').innerHTML = '';
  }

  drawMap() {
    const from = parsePoint(this.form.elements.from.value);
    const to = parsePoint(this.form.elements.to.value);
    const best = this.advice?.crossings?.find(c => c.rank === 1);
    const at = p => project([p.latitude, p.longitude]).map(v => v.toFixed(1));
    const pin = (p, kind, label) => { const [x, y] = at(p); return `<g class="advice-pin ${kind}"><circle cx="${x}" cy="${y}" r="7"/><text x="${x}" y="${y - 11}" text-anchor="middle">${label}</text></g>`; };
    const crossing = this.crossings.get(best?.crossingId);
    const route = from && to && crossing ? (() => { const [ax, ay] = at(from); const [bx, by] = at(crossing); const [cx, cy] = at(to);
      return `<path class="advice-route" d="M${ax},${ay}L${bx},${by}L${cx},${cy}"/>`; })() : '';
    const dots = [...this.crossings.values()].map(c => { const [x, y] = at(c);
      return `<circle class="advice-crossing${c.id === best?.crossingId ? ' best' : ''}" cx="${x}" cy="${y}" r="${c.id === best?.crossingId ? 7 : 4}"><title>${escapeHtml(c.name)}</title></circle>`; }).join('');
    this.root.querySelector('#advice-map').innerHTML = `<svg class="map" viewBox="0 0 ${MAP_SIZE.width} ${MAP_SIZE.height}" role="img" aria-label="Map: click to set the origin, then the destination">
      ${mapBackground()}${route}${dots}${from ? pin(from, 'from', 'From') : ''}${to ? pin(to, 'to', 'To') : ''}</svg>`;
  }

  drawResults() {
    const el = this.root.querySelector('#advice-results');
    if (!this.advice) return;
    const rows = this.advice.crossings.map(item => {
      const zone = item.timeZone;
      const parts = itemParts(item).map(p => `<tr data-part="${p.part}"><th scope="row">${p.label}</th><td class="num">${minutes(p.minutes)}</td><td class="source">${escapeHtml(p.source)}</td></tr>`).join('');
      const notes = [...(item.excludedBecause ? [EXCLUSION_LABEL[item.excludedBecause] ?? item.excludedBecause] : []),
        ...item.flags.map(f => FLAG_LABEL[f] ?? f)];
      return `<li class="advice-item${item.rank === 1 ? ' best' : ''}${item.rank == null ? ' unranked' : ''}" data-crossing-id="${escapeHtml(item.crossingId)}">
        <details${item.rank != null && item.rank <= 3 ? ' open' : ''}>
          <summary><span class="rank">${item.rank ?? '–'}</span> <span class="name">${escapeHtml(item.name)}</span>
            <span class="total">${item.totalMinutes == null ? 'no total' : minutes(item.totalMinutes)}</span>
            ${notes.length ? `<span class="notes">${escapeHtml(notes.join(' · '))}</span>` : ''}</summary>
          <p class="hint">Arrives ${escapeHtml(zonedTime(item.arrivalAt, zone))}${item.queueJoinAt !== item.arrivalAt ? `, joins the queue ${escapeHtml(zonedTime(item.queueJoinAt, zone))}` : ''}${item.arrivalAtDestination ? ` · at destination ${escapeHtml(zonedTime(item.arrivalAtDestination, zone))}` : ''}</p>
          <table class="advice-parts"><tbody>${parts}</tbody></table>
        </details></li>`;
    }).join('');
    el.innerHTML = `<p class="hint">${escapeHtml(this.advice.direction)} · ${escapeHtml(this.advice.laneType)} · leaving ${escapeHtml(new Date(this.advice.departAt).toLocaleString())}. Drive times are straight-line estimates × a detour factor, not a route.</p>
      <ol class="advice-list" aria-label="Crossings ranked by expected door-to-door time">${rows}</ol>`;
  }
}

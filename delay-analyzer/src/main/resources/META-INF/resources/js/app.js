// BorderFlow operator dashboard: wires data (REST snapshots + SSE), views and the page's chrome together.
import { request, openEventStream, onUnauthorized } from './api.js';
import { takeTokenFromFragment, token, setToken, clearToken, user, expired, services } from './session.js';
import { initBoard, renderBoard, worstCrossing } from './board.js';
import { initMap, renderMap } from './map.js';
import { AlertStore, renderAlertList } from './alerts.js';
import { CrossingDetail } from './detail.js';
import { showShipment } from './shipment.js';
import { AdvicePanel } from './advice.js';
import {
  badge, crossingSeverity, escapeHtml, minutes, minutesCompact, seriesKey, setLiveWaitThresholds, seriesName, SEVERITY_LABEL, ago, localClock,
} from './format.js';

takeTokenFromFragment();

const $ = selector => document.querySelector(selector);
const state = {
  crossings: [],
  byId: new Map(),
  lastUpdateAt: null,
  view: 'board',
  streams: { crossings: { state: 'idle' }, alerts: { state: 'idle' } },
  alertsError: null,
};
const alertStore = new AlertStore();
let streams = [];
let renderTimer = null;
let advicePanel = null;

const detail = new CrossingDetail($('#drawer-body'), {
  services, alertStore, crossings: state.byId, canAcknowledge: () => !!user()?.canAcknowledge,
});

initBoard($('#board'), { onOpenCrossing: openCrossing, onChange: render });
initMap($('#map'), {
  onOpenCrossing: openCrossing,
  loadGeofences: () => request(`${services.analyzer}/api/v1/geofences`),
  crossingName: id => state.byId.get(id)?.name,
});

function openCrossing(id) {
  location.hash = `#/crossing/${encodeURIComponent(id)}`;
}

// ---- data ---------------------------------------------------------------------------------------------

async function loadCrossings() {
  try {
    const crossings = await request(`${services.analyzer}/api/v1/crossings`);
    state.crossings = crossings;
    state.byId.clear();
    crossings.forEach(c => state.byId.set(c.id, c));
    const latest = Math.max(0, ...crossings.flatMap(c => (c.series ?? []).map(s => Date.parse(s.asOf) || 0)));
    if (latest) state.lastUpdateAt = Math.max(state.lastUpdateAt ?? 0, latest);
    state.crossingsError = null;
  } catch (error) {
    state.crossingsError = `Crossings unavailable: ${error.message}`;
  }
  render();
  detail.refresh();
}

async function loadAlerts() {
  try {
    const page = await request(`${services.alerts}/api/v1/alerts?size=500`);
    alertStore.replaceAll(page.items ?? page);
    state.alertsError = null;
  } catch (error) {
    state.alertsError = `Alerts unavailable: ${error.message}`;
  }
  request(`${services.alerts}/api/v1/rules`)
    .then(rules => {
      alertStore.setRules(rules.items ?? rules);
      setLiveWaitThresholds(rules.items ?? rules);
      render();
      detail.refresh();
    })
    .catch(() => { /* values are then shown in minutes, the unit of most measures */ });
  render();
  detail.refresh();
}

/** One series changed: replace it in place, so the board moves without reloading anything. */
function applySeries(update) {
  const crossing = state.byId.get(update.crossingId);
  if (!crossing) return;
  const { crossingId, ...series } = update;
  const others = (crossing.series ?? []).filter(s => seriesKey(s) !== seriesKey(series));
  crossing.series = [...others, series];
  crossing.hasData = true;
  state.lastUpdateAt = Date.now();
  scheduleRender();
  if (detail.id === crossingId) detail.refresh();
}

function startStreams() {
  streams.forEach(s => s.close());
  let crossingsOpened = false;
  let alertsOpened = false;
  streams = [
    openEventStream(`${services.analyzer}/api/v1/crossings/stream`, {
      onEvent: (name, data) => { if (name === 'crossing-delay') applySeries(data); },
      onState: s => setStreamState('crossings', s),
      idleTimeoutMs: 45000, // delay-analyzer sends a keep-alive comment every 15 s
      // after a gap, the snapshot brings back whatever changed while the stream was down
      onOpen: () => { if (crossingsOpened) loadCrossings(); crossingsOpened = true; },
    }),
    openEventStream(`${services.alerts}/api/v1/alerts/stream`, {
      onEvent: (name, data) => {
        if (name !== 'alert') return;
        alertStore.put(data);
        scheduleRender();
        detail.refresh();
      },
      onState: s => setStreamState('alerts', s),
      idleTimeoutMs: 45000, // so does alert-service
      onOpen: () => { if (alertsOpened) loadAlerts(); alertsOpened = true; },
    }),
  ];
}

function setStreamState(name, s) {
  state.streams[name] = { ...s, since: Date.now() };
  renderConnection();
}

// ---- rendering ----------------------------------------------------------------------------------------

function scheduleRender() {
  if (renderTimer) return;
  renderTimer = setTimeout(() => {
    renderTimer = null;
    render();
  }, 120);
}

function render() {
  renderSummary();
  if (state.crossingsError && !state.crossings.length) {
    $('#board').innerHTML = `<p class="panel-error" role="alert">${escapeHtml(state.crossingsError)}</p>`;
  } else if (state.crossings.length) {
    renderBoard($('#board'), state.crossings);
    renderMap($('#map'), state.crossings);
  }
  renderAlertList($('#alerts-body'), alertStore, {
    crossings: state.byId, canAcknowledge: !!user()?.canAcknowledge, error: state.alertsError,
  });
  const firing = alertStore.firingCount();
  $('#alerts-count').textContent = firing ? `${firing} firing` : '';
  renderConnection();
}

function renderSummary() {
  const el = $('#summary');
  if (!state.crossings.length) {
    el.innerHTML = '';
    return;
  }
  const counts = { critical: 0, warning: 0, ok: 0, stale: 0, quiet: 0, nodata: 0 };
  let queued = 0;
  for (const c of state.crossings) {
    counts[crossingSeverity(c)] += 1;
    for (const s of c.series ?? []) if (!s.stale && s.queuedNow) queued += s.queuedNow;
  }
  const worst = worstCrossing(state.crossings);
  const worstSev = worst ? crossingSeverity(worst.crossing) : 'nodata';
  // a tab title that says it all when the dashboard sits in a background tab
  document.title = worst ? `${minutesCompact(worst.series.liveWaitMinutes)} ${worst.crossing.name} — BorderFlow` : 'BorderFlow — crossings';
  const worstCard = worst
    ? `<button type="button" class="worst-card sev-${worstSev}" data-open-crossing="${escapeHtml(worst.crossing.id)}">
        <span class="caption">Longest live wait</span>
        <span class="worst-name">${escapeHtml(worst.crossing.name)}</span>
        <span class="worst-series">${escapeHtml(seriesName(worst.series))} · ${escapeHtml(worst.crossing.usCity)}</span>
        <span class="worst-value">${badge(worstSev, minutes(worst.series.liveWaitMinutes))}</span>
      </button>`
    : '<div class="worst-card sev-nodata"><span class="caption">Longest live wait</span><span class="worst-name">No live measurements</span></div>';
  const stat = (sev, n) => `<li class="stat sev-${sev}" data-stat="${sev}">${badge(sev, SEVERITY_LABEL[sev])}<strong>${n}</strong></li>`;
  el.innerHTML = `${worstCard}
    <ul class="stats" aria-label="Crossings by state">
      ${stat('critical', counts.critical)}${stat('warning', counts.warning)}${stat('ok', counts.ok)}
      ${stat('stale', counts.stale)}${stat('nodata', counts.nodata + counts.quiet)}
      <li class="stat"><span class="caption">Queued now</span><strong data-stat="queued">${queued}</strong></li>
    </ul>`;
}

function renderConnection() {
  const { crossings, alerts } = state.streams;
  const down = Object.entries(state.streams).filter(([, s]) => s.state === 'reconnecting' || s.state === 'unauthorized');
  const el = $('#connection');
  const live = crossings.state === 'live' && alerts.state === 'live';
  el.dataset.state = live ? 'live' : down.length ? 'lost' : 'connecting';
  const idle = crossings.state === 'idle';
  const updated = state.lastUpdateAt ? `<span class="updated" id="last-update">updated ${escapeHtml(ago(state.lastUpdateAt))}</span>` : '';
  el.innerHTML = live ? `<span class="dot"></span>Live${updated}`
    : down.length ? '<span class="dot"></span>Reconnecting' : idle ? '<span class="dot"></span>Signed out' : '<span class="dot"></span>Connecting…';
  const banner = $('#connection-banner');
  if (!down.length) {
    banner.hidden = true;
    return;
  }
  const parts = down.map(([name, s]) => {
    if (s.state === 'unauthorized') return `${name}: token rejected (${escapeHtml(s.error ?? '')})`;
    const left = Math.max(0, Math.ceil((s.since + s.retryInMs - Date.now()) / 1000));
    return `${name}: ${left ? `retrying in ${left} s` : 'retrying now'}${s.error ? ` <span class="why">(${escapeHtml(s.error)})</span>` : ''}`;
  });
  banner.hidden = false;
  banner.innerHTML = `${badge('critical', 'Connection lost — reconnecting')}<span>${parts.join(' · ')}. Numbers below may be out of date.</span>`;
}

function renderUser() {
  const u = user();
  const el = $('#user');
  if (!u) {
    el.innerHTML = '<button type="button" id="sign-in">Sign in</button>';
    return;
  }
  el.innerHTML = `<span class="user-name" title="${escapeHtml(u.groups.join(', '))}">${escapeHtml(u.name)}</span>
    <span class="role role-${escapeHtml(u.role)}" data-role="${escapeHtml(u.role)}">${escapeHtml(u.role)}</span>
    <button type="button" id="sign-in" class="quiet" title="Use another token">Change</button>`;
}

const CLOCK_ZONES = [['CT', 'America/Chicago'], ['MT', 'America/Denver'], ['AZ', 'America/Phoenix'], ['PT', 'America/Los_Angeles']];

function renderClock() {
  const now = new Date();
  $('#clocks').innerHTML = CLOCK_ZONES.map(([label, zone]) => `<span><abbr title="${zone}">${label}</abbr> ${now.toLocaleTimeString('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' })}</span>`).join('')
    + `<span><abbr title="Coordinated Universal Time">UTC</abbr> ${now.toISOString().slice(11, 16)}</span>`;
  renderConnection();
}

// ---- routing: #/board, #/map, #/advice, #/crossing/<id>, #/shipment/<id> ---------------------------------------------

function route() {
  const [, kind, arg] = location.hash.match(/^#\/([a-z]+)\/?(.*)$/) ?? [];
  const id = arg ? decodeURIComponent(arg) : null;
  if (kind === 'board' || kind === 'map' || kind === 'advice') state.view = kind;
  if (state.view === 'advice' && !advicePanel) advicePanel = new AdvicePanel($('#advice'), { services, crossings: state.byId, request });
  document.body.dataset.view = state.view;
  document.querySelectorAll('[data-view-tab]').forEach(t => t.setAttribute('aria-selected', String(t.dataset.viewTab === state.view)));
  const drawer = $('#drawer');
  if (kind === 'crossing' && id) {
    drawer.hidden = false;
    drawer.dataset.kind = 'crossing';
    detail.open(id);
  } else if (kind === 'shipment' && id) {
    drawer.hidden = false;
    drawer.dataset.kind = 'shipment';
    detail.id = null;
    $('#shipment-id').value = id;
    showShipment($('#drawer-body'), id, { services, crossings: state.byId });
  } else {
    drawer.hidden = true;
    detail.id = null;
  }
}

function closeDrawer() {
  location.hash = `#/${state.view}`;
}

// ---- actions --------------------------------------------------------------------------------------------

async function acknowledge(button) {
  const fingerprint = button.dataset.ack;
  button.disabled = true;
  button.textContent = 'Acknowledging…';
  try {
    const alert = await request(`${services.alerts}/api/v1/alerts/${encodeURIComponent(fingerprint)}/acknowledge`, { method: 'POST', body: {} });
    alertStore.put(alert);
    render();
    detail.refresh();
  } catch (error) {
    button.disabled = false;
    button.textContent = 'Acknowledge';
    toast(`Could not acknowledge: ${error.message}`);
  }
}

function toast(message) {
  const el = $('#toast');
  el.textContent = message;
  el.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { el.hidden = true; }, 8000);
}

document.addEventListener('click', event => {
  const ack = event.target.closest('[data-ack]');
  if (ack) return acknowledge(ack);
  const crossing = event.target.closest('[data-open-crossing]');
  if (crossing && !crossing.closest('#board')) return openCrossing(crossing.dataset.openCrossing);
  const shipment = event.target.closest('[data-open-shipment]');
  if (shipment) location.hash = `#/shipment/${encodeURIComponent(shipment.dataset.openShipment)}`;
  if (event.target.closest('[data-close]') || event.target.id === 'drawer') closeDrawer();
  if (event.target.closest('#sign-in')) askForToken();
});

document.addEventListener('keydown', event => {
  if (event.key === 'Escape' && !$('#drawer').hidden) closeDrawer();
});

$('#shipment-form').addEventListener('submit', event => {
  event.preventDefault();
  const id = $('#shipment-id').value.trim();
  if (id) location.hash = `#/shipment/${encodeURIComponent(id)}`;
});

function askForToken(message) {
  const dialog = $('#token-dialog');
  $('#token-message').textContent = message ?? '';
  $('#token-input').value = '';
  if (!dialog.open) dialog.showModal();
}

$('#token-form').addEventListener('submit', event => {
  const value = $('#token-input').value.trim();
  if (!value) {
    event.preventDefault();
    return;
  }
  setToken(value);
  if (!user()) {
    event.preventDefault();
    clearToken();
    $('#token-message').textContent = 'That is not a JWT (three base64url parts separated by dots).';
    return;
  }
  start();
});

onUnauthorized(() => {
  if (!$('#token-dialog').open) askForToken('The services rejected this token (expired, or signed by another issuer). Paste a new one.');
});

window.addEventListener('hashchange', route);
window.addEventListener('resize', scheduleRender);

function start() {
  renderUser();
  loadCrossings();
  loadAlerts();
  startStreams();
}

route();
renderClock();
setInterval(renderClock, 1000);
setInterval(scheduleRender, 30000); // relative times ("12 min ago") age even when nothing arrives
if (!token()) {
  renderUser();
  askForToken();
} else if (expired()) {
  renderUser();
  askForToken('This token has expired. Paste a new one.');
} else {
  start();
}

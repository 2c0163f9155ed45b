// Map view: crossings on a hand-drawn border, sized by annual volume, coloured by live wait; on request the
// geofences at which ingest turns GPS positions into checkpoints.
import { BORDER, BOUNDS, GULF_COAST, GULF_OF_CALIFORNIA, LABELS, PACIFIC_COAST, STATE_LINES } from './geography.js';
import {
  thresholdText, SEVERITY_LABEL, crossingSeverity, escapeHtml, minutes, minutesShort, seriesName, trucksPerYear, worstSeries,
} from './format.js';

const WIDTH = 1000;
// Equirectangular with longitudes shrunk by cos(30°), the border's mean latitude: shapes look right.
const LON_SCALE = Math.cos((30 * Math.PI) / 180);
const SCALE = WIDTH / ((BOUNDS.east - BOUNDS.west) * LON_SCALE);
const HEIGHT = Math.round((BOUNDS.north - BOUNDS.south) * SCALE);

export function project([lat, lon]) {
  return [(lon - BOUNDS.west) * LON_SCALE * SCALE, (BOUNDS.north - lat) * SCALE];
}

/** The inverse of project: a point of the map's viewBox back to [latitude, longitude]. */
export function unproject([x, y]) {
  return [BOUNDS.north - y / SCALE, BOUNDS.west + x / (LON_SCALE * SCALE)];
}

export const MAP_SIZE = { width: WIDTH, height: HEIGHT };

/** The map's background: land, seas, state lines, the border and place names (no markers). */
export function mapBackground() {
  return `<rect class="land-mx" x="0" y="0" width="${WIDTH}" height="${HEIGHT}"/>
    <path class="land-us" d="${path([[BOUNDS.north + 1, BOUNDS.west - 1], ...BORDER, [BOUNDS.north + 1, BOUNDS.east + 1]])}Z"/>
    <path class="sea" d="${path([[BOUNDS.north + 1, BOUNDS.west - 1], ...PACIFIC_COAST, [BOUNDS.south - 1, BOUNDS.west - 1]])}Z"/>
    <path class="sea" d="${path([[BOUNDS.north + 1, BOUNDS.east + 1], ...GULF_COAST, [BOUNDS.south - 1, BOUNDS.east + 1]])}Z"/>
    <path class="sea" d="${path(GULF_OF_CALIFORNIA)}Z"/>
    ${STATE_LINES.map(line => `<path class="state-line" d="${path(line)}"/>`).join('')}
    <path class="border" d="${path(BORDER)}"/>
    ${LABELS.map(l => { const [x, y] = project(l.at); const turn = l.rotate ? ` transform="rotate(${l.rotate} ${x.toFixed(0)} ${y.toFixed(0)})"` : '';
      return `<text class="geo-label ${l.kind}" x="${x.toFixed(0)}" y="${y.toFixed(0)}"${turn}>${escapeHtml(l.text)}</text>`; }).join('')}`;
}

// Map labels only: the catalog's names are too long to sit next to a dot.
const SHORT_LABEL = {
  'laredo-world-trade-bridge': 'Laredo WTB', 'laredo-colombia-solidarity': 'Colombia', 'el-paso-ysleta-zaragoza': 'Ysleta',
  'el-paso-bota': 'BOTA', 'eagle-pass-camino-real': 'Eagle Pass', 'brownsville-veterans': 'Brownsville',
  'brownsville-los-indios': 'Los Indios', 'tornillo-marcelino-serna': 'Tornillo', 'presidio-ojinaga': 'Presidio',
  'nogales-mariposa': 'Nogales', 'otay-mesa': 'Otay Mesa', 'pharr-reynosa': 'Pharr', 'calexico-east': 'Calexico E',
  'san-luis-ii': 'San Luis', 'rio-grande-city': 'Rio Grande City',
};

const path = points => points.map((p, i) => `${i ? 'L' : 'M'}${project(p).map(v => v.toFixed(1)).join(',')}`).join('');

export function initMap(root, { onOpenCrossing, loadGeofences, crossingName }) {
  // the canvas is redrawn on every update; the toggle and the geofences are not, so focus and scroll stay put
  root.innerHTML = `<div class="map-canvas"></div>
    <label class="geofence-toggle"><input type="checkbox" id="geofence-toggle"> Geofences: where GPS positions become checkpoints</label>
    <div class="geofence-panel" id="geofence-panel" hidden></div>`;
  const open = event => {
    const marker = event.target.closest('[data-crossing-id]');
    if (marker) onOpenCrossing(marker.dataset.crossingId);
  };
  root.addEventListener('click', open);
  root.addEventListener('keydown', event => {
    if (event.key === 'Enter' || event.key === ' ') {
      if (!event.target.closest('[data-crossing-id]')) return;
      event.preventDefault();
      open(event);
    }
  });
  const panel = root.querySelector('#geofence-panel');
  let loaded = null;
  root.querySelector('#geofence-toggle').addEventListener('change', async event => {
    panel.hidden = !event.target.checked;
    if (!event.target.checked || loaded) return;
    panel.innerHTML = '<p class="empty">Loading geofences…</p>';
    try {
      loaded = await loadGeofences();
      panel.innerHTML = geofencePanel(loaded.features, crossingName);
    } catch (error) {
      panel.innerHTML = `<p class="panel-error" role="alert">Geofences unavailable: ${escapeHtml(error.message)}</p>`;
    }
  });
}

export function renderMap(root, crossings) {
  const maxVolume = Math.max(...crossings.map(c => c.northboundTrucksPerYear ?? 0), 1);
  const placed = crossings.map(c => {
    const [x, y] = project([c.latitude, c.longitude]);
    const r = 4 + 20 * Math.sqrt((c.northboundTrucksPerYear ?? 0) / maxVolume);
    return { c, x, y, r };
  });
  const labels = placeLabels(placed);
  const markers = [...placed].sort((a, b) => b.r - a.r).map(p => marker(p, labels.get(p.c.id))).join('');
  root.querySelector('.map-canvas').innerHTML = `<svg class="map" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="group" aria-label="Map of the US–Mexico border crossings">
    ${mapBackground()}
    ${markers}
  </svg>
  ${legend()}`;
}

function marker({ c, x, y, r }, label) {
  const severity = crossingSeverity(c);
  const s = worstSeries(c);
  const value = severity === 'nodata' ? 'no data' : severity === 'stale' ? 'STALE' : minutesShort(s?.liveWaitMinutes);
  const description = severity === 'nodata' ? 'no data'
    : severity === 'stale' ? 'stale: no recent checkpoints'
      : `live wait ${minutes(s?.liveWaitMinutes)} (${seriesName(s)}), ${SEVERITY_LABEL[severity]}`;
  const title = `${c.name} — ${description} — ${trucksPerYear(c.northboundTrucksPerYear)}`;
  const leader = label.leader ? `<line class="leader" x1="${x.toFixed(1)}" y1="${y.toFixed(1)}" x2="${label.ax.toFixed(1)}" y2="${label.ay.toFixed(1)}"/>` : '';
  return `<g class="marker sev-${severity}" data-crossing-id="${escapeHtml(c.id)}" data-severity="${severity}" tabindex="0" role="button" aria-label="${escapeHtml(title)}">
    <title>${escapeHtml(title)}</title>
    ${severity === 'critical' ? `<circle class="halo" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${(r + 6).toFixed(1)}"/>` : ''}
    <circle class="dot" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}"/>
    ${leader}
    <text class="marker-label" x="${label.x.toFixed(1)}" y="${label.y.toFixed(1)}" text-anchor="${label.anchor}"><tspan class="name">${escapeHtml(SHORT_LABEL[c.id] ?? c.usCity)}</tspan> ${severity === 'nodata' ? '' : `<tspan class="value">${escapeHtml(value)}</tspan>`}</text>
  </g>`;
}

const FONT = 12.5;

/** Greedy label placement: next to the dot if free, else further out with a leader line. Small maps, 22 labels. */
function placeLabels(placed) {
  const taken = placed.map(p => ({ x: p.x - p.r, y: p.y - p.r, w: 2 * p.r, h: 2 * p.r }));
  const result = new Map();
  const byImportance = [...placed].sort((a, b) => b.r - a.r);
  for (const p of byImportance) {
    const text = `${SHORT_LABEL[p.c.id] ?? p.c.usCity}${crossingSeverity(p.c) === 'nodata' ? '' : ' STALE'}`;
    const w = text.length * FONT * 0.58;
    const h = FONT * 1.2;
    let chosen = null;
    for (const distance of [0, 26, 52, 80]) {
      for (const [dx, dy] of [[1, 0], [-1, 0], [0, -1], [0, 1], [1, -1], [1, 1], [-1, -1], [-1, 1]]) {
        const gap = p.r + 4 + distance;
        const ax = p.x + dx * gap;
        const ay = p.y + dy * gap;
        const anchor = dx > 0 ? 'start' : dx < 0 ? 'end' : 'middle';
        const left = anchor === 'start' ? ax : anchor === 'end' ? ax - w : ax - w / 2;
        const top = dy < 0 ? ay - h : dy > 0 ? ay : ay - h / 2;
        const box = { x: left, y: top, w, h };
        if (box.x < 2 || box.x + w > WIDTH - 2 || box.y < 2 || box.y + h > HEIGHT - 2) continue;
        if (taken.some(t => overlaps(t, box))) continue;
        chosen = { x: ax, y: top + h * 0.8, anchor, leader: distance > 0, ax, ay: top + h / 2, box };
        break;
      }
      if (chosen) break;
    }
    if (!chosen) {
      const box = { x: p.x + p.r + 4, y: p.y - h / 2, w, h };
      chosen = { x: box.x, y: p.y + h * 0.3, anchor: 'start', leader: false, ax: box.x, ay: p.y, box };
    }
    taken.push(chosen.box);
    result.set(p.c.id, chosen);
  }
  return result;
}

function overlaps(a, b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function legend() {
  const item = (sev, text) => `<li><span class="swatch sev-${sev}"></span>${text}</li>`;
  return `<ul class="map-legend" aria-label="Legend">
    ${item('critical', `Critical · live wait ${thresholdText('critical')}`)}${item('warning', `Warning · ${thresholdText('warning')}`)}${item('ok', 'Normal')}
    ${item('stale', 'Stale')}${item('nodata', 'No data')}<li class="size-note">Dot size: northbound trucks per year</li></ul>`;
}

// ---- geofences ----------------------------------------------------------------------------------------------------

export const ZONE_LABEL = { QUEUE: 'queue', PRIMARY_INSPECTION: 'primary', EXIT: 'exit' };
const DIRECTIONS = ['NORTHBOUND', 'SOUTHBOUND'];
const INSET = { width: 120, height: 170, pad: 6 };

/**
 * One figure per crossing, one inset per direction: the zones are a few hundred metres to 3 km long, a pixel or
 * two on the border map, so each direction is drawn at its own scale (north up, the scale bar in metres).
 */
export function geofencePanel(features, crossingName = id => id) {
  const byCrossing = new Map();
  for (const f of features) {
    const { crossingId, direction } = f.properties;
    if (!byCrossing.has(crossingId)) byCrossing.set(crossingId, new Map());
    const directions = byCrossing.get(crossingId);
    if (!directions.has(direction)) directions.set(direction, []);
    directions.get(direction).push(f);
  }
  const figures = [...byCrossing].map(([crossingId, directions]) => `<figure class="geofence-crossing" data-geofence-crossing="${escapeHtml(crossingId)}">
      <figcaption>${escapeHtml(crossingName(crossingId) ?? crossingId)}</figcaption>
      <div class="geofence-insets">${DIRECTIONS.filter(d => directions.has(d)).map(d => geofenceInset(d, directions.get(d))).join('')}</div>
    </figure>`).join('');
  return `<p class="hint">Approximate unless this deployment configured its own file; a truck's pings derive QUEUE_ENTERED in
    <em>queue</em>, PRIMARY_INSPECTION in <em>primary</em> and PORT_EXITED leaving <em>exit</em> on the far side.</p>
    <div class="geofence-grid">${figures}</div>`;
}

function geofenceInset(direction, zones) {
  const rings = zones.map(z => z.geometry.coordinates[0]);
  const all = rings.flat();
  const lat0 = all.reduce((sum, [, lat]) => sum + lat, 0) / all.length;
  const metres = ([lon, lat]) => [lon * Math.cos((lat0 * Math.PI) / 180) * 111320, -lat * 110540];
  const points = all.map(metres);
  const [minX, maxX] = [Math.min(...points.map(p => p[0])), Math.max(...points.map(p => p[0]))];
  const [minY, maxY] = [Math.min(...points.map(p => p[1])), Math.max(...points.map(p => p[1]))];
  const scale = Math.min((INSET.width - 2 * INSET.pad) / (maxX - minX || 1), (INSET.height - 2 * INSET.pad - 14) / (maxY - minY || 1));
  const left = (INSET.width - (maxX - minX) * scale) / 2;
  const at = p => { const [x, y] = metres(p); return [left + (x - minX) * scale, INSET.pad + 14 + (y - minY) * scale]; };
  const polygons = zones.map((zone, i) => {
    const xy = rings[i].map(at);
    const cx = xy.slice(0, -1).reduce((sum, [x]) => sum + x, 0) / (xy.length - 1);
    const cy = xy.slice(0, -1).reduce((sum, [, y]) => sum + y, 0) / (xy.length - 1);
    const label = ZONE_LABEL[zone.properties.zone] ?? zone.properties.zone;
    return `<g class="geofence-zone zone-${zone.properties.zone.toLowerCase()}" data-zone="${escapeHtml(zone.properties.zone)}">
      <title>${escapeHtml(`${direction.toLowerCase()}: ${label}`)}</title>
      <path d="${xy.map(([x, y], j) => `${j ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`).join('')}Z"/>
      <text x="${cx.toFixed(1)}" y="${cy.toFixed(1)}" dominant-baseline="middle" text-anchor="middle">${escapeHtml(label)}</text></g>`;
  }).join('');
  return `<svg class="geofence-inset" data-direction="${direction}" viewBox="0 0 ${INSET.width} ${INSET.height}" role="img"
      aria-label="${direction.toLowerCase()} geofences">
    <text class="geofence-direction" x="${INSET.width / 2}" y="10" text-anchor="middle">${direction === 'NORTHBOUND' ? '↑ northbound' : '↓ southbound'}</text>
    ${polygons}</svg>`;
}

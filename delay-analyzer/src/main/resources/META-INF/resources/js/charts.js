// Hand-written SVG charts: a time-series line chart and the hour-of-week heatmap. No library needed.
import { escapeHtml, minutes, minutesShort, zonedTime, liveWaitThresholds, thresholdText } from './format.js';

const hourFormats = new Map();

function localParts(instant, timeZone) {
  let fmt = hourFormats.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', hourCycle: 'h23', weekday: 'short', day: 'numeric', minute: '2-digit' });
    hourFormats.set(timeZone, fmt);
  }
  const parts = Object.fromEntries(fmt.formatToParts(new Date(instant)).map(p => [p.type, p.value]));
  return { hour: Number(parts.hour), minute: Number(parts.minute), weekday: parts.weekday, day: parts.day };
}

/**
 * lines: [{name, className, points: [{t: ms, v: minutes|null}], maxGapMs?}]; gaps (null, or points further apart
 * than the line's maxGapMs, else the chart's) break the line.
 * Size follows the container; labels keep their pixel size whatever the screen.
 */
export function lineChart(root, { lines, from, to, timeZone, emptyText, maxGapMs = Infinity }) {
  const width = Math.max(320, root.clientWidth || 600);
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 14;
  const height = Math.round(Math.max(180, Math.min(width * 0.38, rem * 22)));
  const pad = { left: rem * 4.2, right: rem * 1, top: rem * 1.2, bottom: rem * 2.2 };
  const values = lines.flatMap(l => l.points.map(p => p.v)).filter(v => v != null);
  if (!values.length) {
    root.innerHTML = `<p class="empty chart-empty">${escapeHtml(emptyText)}</p>`;
    return;
  }
  const limits = liveWaitThresholds();
  const yMax = niceCeiling(Math.max(...values, limits.warning.threshold * 0.6));
  const x = t => pad.left + ((t - from) / (to - from)) * (width - pad.left - pad.right);
  const y = v => height - pad.bottom - (v / yMax) * (height - pad.top - pad.bottom);

  const yTicks = ticks(yMax).map(v => `<g class="tick"><line x1="${pad.left}" x2="${width - pad.right}" y1="${y(v)}" y2="${y(v)}"/>
      <text x="${pad.left - rem * 0.4}" y="${y(v) + rem * 0.35}" text-anchor="end">${minutesShort(v)}</text></g>`).join('');
  const spanHours = (to - from) / 3600000;
  const everyHours = spanHours <= 30 ? 3 : 24;
  const xTicks = [];
  for (let t = Math.ceil(from / 3600000) * 3600000; t <= to; t += 3600000) {
    const p = localParts(t, timeZone);
    if (p.hour % everyHours !== 0) continue;
    const label = everyHours === 24 ? `${p.weekday} ${p.day}` : `${String(p.hour).padStart(2, '0')}:00`;
    xTicks.push(`<g class="tick"><line x1="${x(t)}" x2="${x(t)}" y1="${pad.top}" y2="${height - pad.bottom}"/>
      <text x="${x(t)}" y="${height - pad.bottom + rem * 1.3}" text-anchor="middle">${label}</text></g>`);
  }
  const thresholds = ['warning', 'critical'].map(sev => [limits[sev].threshold, sev])
    .filter(([v]) => v <= yMax)
    .map(([v, sev]) => `<g class="threshold sev-${sev}"><line x1="${pad.left}" x2="${width - pad.right}" y1="${y(v)}" y2="${y(v)}"/>
      <text x="${width - pad.right - 4}" y="${y(v) - 4}" text-anchor="end">${sev} ${escapeHtml(thresholdText(sev))}</text></g>`).join('');
  const paths = lines.map(l => {
    // a missing bin is a gap in the measurements, not a straight line between its neighbours
    const runs = [];
    let last = -Infinity;
    for (const p of l.points) {
      if (p.v == null) { last = -Infinity; continue; }
      if (p.t - last > (l.maxGapMs ?? maxGapMs) || !runs.length) runs.push([]);
      runs[runs.length - 1].push(p);
      last = p.t;
    }
    const d = runs.filter(r => r.length > 1)
      .map(r => r.map((p, i) => `${i ? 'L' : 'M'}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join('')).join('');
    // a lone measurement has no line to be part of: show it as a dot
    const dots = runs.filter(r => r.length === 1)
      .map(([p]) => `<circle class="dot ${l.className}" cx="${x(p.t).toFixed(1)}" cy="${y(p.v).toFixed(1)}" r="3.5"/>`).join('');
    return `<path class="line ${l.className}" d="${d}"/>${dots}`;
  }).join('');
  const legend = lines.map(l => `<li><span class="key ${l.className}"></span>${escapeHtml(l.name)}</li>`).join('');

  root.innerHTML = `<svg class="chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img"
      aria-label="${escapeHtml(lines.map(l => l.name).join(', '))} over time">
      ${yTicks}${xTicks.join('')}${thresholds}${paths}
      <line class="cursor" y1="${pad.top}" y2="${height - pad.bottom}" x1="-10" x2="-10"/>
      <rect class="hover-area" x="${pad.left}" y="${pad.top}" width="${width - pad.left - pad.right}" height="${height - pad.top - pad.bottom}"/>
    </svg><div class="chart-tip" hidden></div><ul class="chart-legend">${legend}</ul>`;

  const svg = root.querySelector('svg');
  const tip = root.querySelector('.chart-tip');
  const cursor = root.querySelector('.cursor');
  const times = lines[0].points.map(p => p.t);
  svg.addEventListener('pointermove', event => {
    const box = svg.getBoundingClientRect();
    const t = from + ((event.clientX - box.left - pad.left) / (width - pad.left - pad.right)) * (to - from);
    let i = 0;
    while (i < times.length - 1 && Math.abs(times[i + 1] - t) < Math.abs(times[i] - t)) i += 1;
    if (!times.length) return;
    cursor.setAttribute('x1', x(times[i]));
    cursor.setAttribute('x2', x(times[i]));
    tip.hidden = false;
    tip.style.left = `${Math.min(x(times[i]) + 12, width - rem * 14)}px`;
    tip.innerHTML = `<strong>${escapeHtml(zonedTime(times[i], timeZone))}</strong>${lines.map(l => `<span><span class="key ${l.className}"></span>${escapeHtml(l.name)}: ${minutes(l.points[i]?.v)}</span>`).join('')}`;
  });
  svg.addEventListener('pointerleave', () => {
    tip.hidden = true;
    cursor.setAttribute('x1', -10);
    cursor.setAttribute('x2', -10);
  });
}

function niceCeiling(v) {
  const steps = [30, 60, 90, 120, 180, 240, 360, 480, 720, 960, 1440];
  return steps.find(s => s >= v * 1.1) ?? Math.ceil(v / 240) * 240;
}

function ticks(max) {
  const step = max <= 60 ? 15 : max <= 120 ? 30 : max <= 240 ? 60 : max <= 480 ? 120 : 240;
  const out = [];
  for (let v = 0; v <= max; v += step) out.push(v);
  return out;
}

export const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const BINS = [30, 60, 90, 120, 180];

/** The bin a typical wait falls into; the heatmap's colours, explained in its legend. */
export function waitBin(m) {
  if (m == null) return 'none';
  const i = BINS.findIndex(b => m < b);
  return `b${i < 0 ? BINS.length : i}`;
}

/** Hour-of-week heatmap of median wait; the current local hour is outlined, the best coming hours listed. */
export function heatmap(root, hours, timeZone, now = Date.now()) {
  const byKey = new Map(hours.map(h => [`${h.dayOfWeek}/${h.hour}`, h]));
  const current = localParts(now, timeZone);
  const currentDay = DAYS[['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(current.weekday)];
  let cells = '<div class="hm-corner"></div>';
  for (let h = 0; h < 24; h += 1) cells += `<div class="hm-hour">${h % 3 === 0 ? String(h).padStart(2, '0') : ''}</div>`;
  for (const day of DAYS) {
    cells += `<div class="hm-day">${day.slice(0, 3)}</div>`;
    for (let h = 0; h < 24; h += 1) {
      const cell = byKey.get(`${day}/${h}`);
      const m = cell?.samples ? cell.medianWaitMinutes : null;
      const now = day === currentDay && h === current.hour ? ' now' : '';
      const title = `${day.slice(0, 3)} ${String(h).padStart(2, '0')}:00 — ${m == null ? 'no samples' : `median wait ${minutes(m)}, crossing ${minutes(cell.medianCrossingMinutes)} (${cell.samples} samples)`}`;
      cells += `<div class="hm-cell ${waitBin(m)}${now}" title="${escapeHtml(title)}">${m == null ? '' : Math.round(m)}</div>`;
    }
  }
  const best = bestComing(byKey, currentDay, current.hour);
  root.innerHTML = `<div class="heatmap" role="img" aria-label="Median wait by hour of week">${cells}</div>
    <ul class="hm-legend"><li><span class="hm-cell b0"></span>&lt; 30 min</li><li><span class="hm-cell b1"></span>30–60</li><li><span class="hm-cell b2"></span>60–90</li>
    <li><span class="hm-cell b3"></span>90–120</li><li><span class="hm-cell b4"></span>2–3 h</li><li><span class="hm-cell b5"></span>≥ 3 h</li><li><span class="hm-cell none"></span>no samples</li></ul>
    ${best}`;
}

function bestComing(byKey, currentDay, currentHour) {
  const start = DAYS.indexOf(currentDay) * 24 + currentHour;
  const coming = [];
  for (let i = 0; i < 24; i += 1) {
    const at = (start + i) % (7 * 24);
    const cell = byKey.get(`${DAYS[Math.floor(at / 24)]}/${at % 24}`);
    if (cell?.samples && cell.medianWaitMinutes != null) coming.push({ at, cell, offset: i });
  }
  if (!coming.length) return '<p class="best">Not enough history yet for a best time to cross.</p>';
  const nowCell = coming.find(c => c.offset === 0);
  const best = [...coming].sort((a, b) => a.cell.medianWaitMinutes - b.cell.medianWaitMinutes).slice(0, 3)
    .sort((a, b) => a.offset - b.offset);
  const label = c => `${DAYS[Math.floor(c.at / 24)].slice(0, 3)} ${String(c.at % 24).padStart(2, '0')}:00`;
  return `<p class="best"><strong>Best time to cross in the next 24 h:</strong> ${best.map(c => `${label(c)} (typically ${minutes(c.cell.medianWaitMinutes)})`).join(', ')}${nowCell ? ` · now typically ${minutes(nowCell.cell.medianWaitMinutes)}` : ''}</p>`;
}

// Formatting and severity: the one place the dashboard turns numbers into words and colours.

// The board turns amber or red exactly where alert-service's live-wait rules for all crossings draw the line: the
// thresholds are read from its rules (setLiveWaitThresholds); until then, its defaults (> 90 and > 180 min).
const SYMBOL = { GT: '>', GE: '≥', LT: '<', LE: '≤' };
const DEFAULT_THRESHOLDS = {
  warning: { comparison: 'GT', threshold: 90 },
  critical: { comparison: 'GT', threshold: 180 },
};
let thresholds = DEFAULT_THRESHOLDS;

export function liveWaitThresholds() {
  return thresholds;
}

/** Takes the thresholds of the enabled, unscoped live_wait_minutes rules (one per severity), else the defaults. */
export function setLiveWaitThresholds(rules) {
  const pick = severity => rules.find(r => r.enabled !== false && r.measure === 'live_wait_minutes' && r.severity === severity
    && !r.scope?.crossingId && !r.scope?.direction && !r.scope?.laneType && r.threshold != null
    && (r.comparison === 'GT' || r.comparison === 'GE'));
  const warning = pick('WARNING');
  const critical = pick('CRITICAL');
  thresholds = {
    warning: warning ? { comparison: warning.comparison, threshold: warning.threshold } : DEFAULT_THRESHOLDS.warning,
    critical: critical ? { comparison: critical.comparison, threshold: critical.threshold } : DEFAULT_THRESHOLDS.critical,
  };
}

function breaches(value, { comparison, threshold }) {
  return comparison === 'GE' ? value >= threshold : value > threshold;
}

/** "> 3 h 00 min" */
export function thresholdText(severity) {
  const t = thresholds[severity];
  return `${SYMBOL[t.comparison]} ${minutes(t.threshold)}`;
}

/** Severity order for sorting and for picking the worst: higher is worse. */
export const SEVERITY_RANK = { nodata: 0, quiet: 1, stale: 2, ok: 3, warning: 4, critical: 5 };

export const SEVERITY_LABEL = {
  critical: 'Critical', warning: 'Warning', ok: 'Normal', stale: 'Stale', quiet: 'No trucks', nodata: 'No data',
};

/** critical / warning / ok by live wait; stale is its own state and never reads as a short wait. */
export function seriesSeverity(series) {
  if (!series || series.measured === false) return 'nodata';
  if (series.stale) return 'stale';
  return minutesSeverity(series.liveWaitMinutes);
}

export function minutesSeverity(minutes) {
  if (minutes == null) return 'quiet';
  if (breaches(minutes, thresholds.critical)) return 'critical';
  if (breaches(minutes, thresholds.warning)) return 'warning';
  return 'ok';
}

/** The series an operator should look at first: highest live wait among the series that are not stale. */
export function worstSeries(crossing) {
  let worst = null;
  for (const s of crossing.series ?? []) {
    if (!worst || compareSeries(s, worst) > 0) worst = s;
  }
  return worst;
}

function compareSeries(a, b) {
  const rank = SEVERITY_RANK[seriesSeverity(a)] - SEVERITY_RANK[seriesSeverity(b)];
  if (rank !== 0) return rank;
  return (a.liveWaitMinutes ?? -1) - (b.liveWaitMinutes ?? -1);
}

export function crossingSeverity(crossing) {
  if (!crossing.hasData || !(crossing.series?.length)) return 'nodata';
  return seriesSeverity(worstSeries(crossing));
}

export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** 42 min, 3 h 05 min; null reads as a dash, never as 0. */
export function minutes(value) {
  if (value == null || Number.isNaN(value)) return '—';
  const m = Math.round(value);
  if (Math.abs(m) < 60) return `${m} min`;
  const sign = m < 0 ? '−' : '';
  const a = Math.abs(m);
  return `${sign}${Math.floor(a / 60)} h ${String(a % 60).padStart(2, '0')} min`;
}

/** Compact form for the board: 42 min, 3h 05m. */
export function minutesCompact(value) {
  if (value == null || Number.isNaN(value)) return '—';
  const m = Math.round(value);
  if (Math.abs(m) < 60) return `${m} min`;
  const a = Math.abs(m);
  return `${m < 0 ? '−' : ''}${Math.floor(a / 60)}h ${String(a % 60).padStart(2, '0')}m`;
}

/** Compact form for tight places (map labels): 42m, 3h05. */
export function minutesShort(value) {
  if (value == null) return '—';
  const m = Math.round(value);
  return m < 60 ? `${m}m` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}`;
}

export function signedMinutes(value, format = minutes) {
  if (value == null) return '—';
  const m = Math.round(value);
  return m > 0 ? `+${format(m)}` : m < 0 ? `−${format(-m)}` : '±0 min';
}

/** Series in reading order: northbound before southbound, standard lanes before FAST. */
export function compareSeriesKeys(a, b) {
  const order = s => (s.direction === 'NORTHBOUND' ? 0 : 2) + (s.laneType === 'STANDARD' ? 0 : 1);
  return order(a) - order(b);
}

export function percent(ratio) {
  return ratio == null ? '—' : `${Math.round(ratio * 100)} %`;
}

export function count(value) {
  return value == null ? '—' : String(value);
}

export function trucksPerYear(value) {
  if (value == null) return '';
  return value >= 1e6 ? `${(value / 1e6).toFixed(2)} M trucks/yr` : `${Math.round(value / 1000)} k trucks/yr`;
}

export const DIRECTION_SHORT = { NORTHBOUND: 'NB', SOUTHBOUND: 'SB' };
export const DIRECTION_ARROW = { NORTHBOUND: '↑', SOUTHBOUND: '↓' };
export const LANE_SHORT = { STANDARD: 'STD', FAST: 'FAST' };

export function seriesName(s) {
  return `${s.direction === 'NORTHBOUND' ? 'Northbound' : 'Southbound'} · ${s.laneType === 'FAST' ? 'FAST lanes' : 'standard lanes'}`;
}

export function seriesKey(s) {
  return `${s.direction}/${s.laneType}`;
}

const zoneNames = new Map();

/** Short zone name (CST, MST, PDT) of an instant in a crossing's time zone. */
export function zoneAbbreviation(timeZone, instant) {
  if (!timeZone) return '';
  const at = instant ? new Date(instant) : new Date();
  let fmt = zoneNames.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' });
    zoneNames.set(timeZone, fmt);
  }
  return fmt.formatToParts(at).find(p => p.type === 'timeZoneName')?.value ?? '';
}

/** "16:32" from the analyzer's asOfLocal (already in the crossing's zone), with the day when it is not today's. */
export function localClock(asOfLocal, timeZone, asOf) {
  if (!asOfLocal) return '—';
  const [date, time] = asOfLocal.split('T');
  const hhmm = (time ?? '').slice(0, 5);
  const today = timeZone ? localDate(new Date(), timeZone) : date;
  const day = date === today ? '' : `${shortDate(date)} `;
  return `${day}${hhmm} ${zoneAbbreviation(timeZone, asOf)}`.trim();
}

const localDateFormats = new Map();

/** yyyy-mm-dd of an instant in a zone. */
export function localDate(instant, timeZone) {
  let fmt = localDateFormats.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    localDateFormats.set(timeZone, fmt);
  }
  return fmt.format(new Date(instant));
}

function shortDate(isoDate) {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** An instant shown in a given zone: "Fri 16:32 CST". */
export function zonedTime(instant, timeZone, withDay = true) {
  if (!instant) return '—';
  const opts = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: timeZone || undefined };
  if (withDay) opts.weekday = 'short';
  const text = new Date(instant).toLocaleString('en-US', opts);
  return `${text} ${timeZone ? zoneAbbreviation(timeZone, instant) : ''}`.trim();
}

/** "12 min ago", "3 h 05 min ago". */
export function ago(instant, now = Date.now()) {
  if (!instant) return '—';
  const m = (now - new Date(instant).getTime()) / 60000;
  if (m < 1) return 'just now';
  return `${minutes(m)} ago`;
}

/** Small inline SVG icons so that severity never depends on colour alone (and on no emoji font). */
export function severityIcon(severity) {
  const body = {
    critical: '<polygon points="5,1 11,1 15,5 15,11 11,15 5,15 1,11 1,5" /><rect x="7.1" y="4" width="1.8" height="5.2" class="ink"/><rect x="7.1" y="10.6" width="1.8" height="1.8" class="ink"/>',
    warning: '<polygon points="8,1 15.5,14.5 0.5,14.5" /><rect x="7.1" y="5.5" width="1.8" height="4.6" class="ink"/><rect x="7.1" y="11.4" width="1.8" height="1.8" class="ink"/>',
    ok: '<circle cx="8" cy="8" r="7"/><polyline points="4.5,8.3 7,10.8 11.5,5.5" class="tick"/>',
    stale: '<circle cx="8" cy="8" r="6.5" class="ring"/><polyline points="8,4 8,8.5 11,10" class="tick"/>',
    quiet: '<circle cx="8" cy="8" r="6.5" class="ring"/><line x1="4.5" y1="8" x2="11.5" y2="8" class="tick"/>',
    nodata: '<circle cx="8" cy="8" r="6.5" class="ring dashed"/>',
  }[severity] ?? '';
  return `<svg class="icon sev-${severity}" viewBox="0 0 16 16" aria-hidden="true">${body}</svg>`;
}

/** Icon + text; where the text is a number, the severity's name is still there for screen readers and on hover. */
export function badge(severity, text = SEVERITY_LABEL[severity]) {
  const label = SEVERITY_LABEL[severity] ?? severity;
  const spoken = text === label || text.toUpperCase() === label.toUpperCase() ? '' : `<span class="visually-hidden">${escapeHtml(label)}: </span>`;
  return `<span class="badge sev-${severity}" title="${escapeHtml(label)}">${severityIcon(severity)}${spoken}<span>${escapeHtml(text)}</span></span>`;
}

/** CBP's reading: its wait (or why there is none), how old, and reported − measured when both are current. */
export function reportedText(s) {
  const r = s.reported;
  if (!r) return '<span class="sub">nothing from CBP</span>';
  const main = r.status === 'LANES_CLOSED' ? 'lanes closed'
    : r.waitMinutes == null ? 'unknown' : minutesCompact(r.waitMinutes);
  const notes = [];
  if (r.status === 'UNKNOWN') notes.push('update pending');
  if (r.stale) notes.push(`stale, ${r.updatedAt ? escapeHtml(ago(r.updatedAt)) : 'old'}`);
  if (!r.portOpen) notes.push('port closed');
  if (s.reportedMinusMeasuredMinutes != null) notes.push(`Δ ${signedMinutes(s.reportedMinusMeasuredMinutes, minutesCompact)} vs measured`);
  return `<span class="reported-wait${r.stale ? ' stale' : ''}">${main}</span>${notes.map(n => `<span class="sub">${n}</span>`).join('')}`;
}

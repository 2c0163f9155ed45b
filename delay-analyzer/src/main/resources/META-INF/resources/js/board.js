// Crossing board: every crossing of the catalog, one row per direction × lane type, worst first by default.
import {
  SEVERITY_RANK, badge, count, crossingSeverity, escapeHtml, localClock, minutes, percent, seriesKey,
  seriesSeverity, signedMinutes, minutesCompact, reportedText, compareSeriesKeys, trucksPerYear, worstSeries, DIRECTION_ARROW, DIRECTION_SHORT, LANE_SHORT, ago,
} from './format.js';

const COLUMNS = [
  { key: 'crossing', label: 'Crossing', numeric: false },
  { key: 'series', label: 'Dir · lanes', sortable: false },
  { key: 'liveWait', label: 'Live wait · measured', value: s => s.liveWaitMinutes, title: 'Measured from trucks’ own checkpoints (queue entry → primary): the wait a truck joining the queue now should expect, max(p50 wait, oldest queued)' },
  { key: 'reported', label: 'CBP reported', value: s => (s.reported?.stale ? null : s.reported?.waitMinutes), title: 'CBP’s estimate of the wait to reach primary inspection, entered by officers about hourly (coarse); Δ = reported − measured' },
  { key: 'queued', label: 'Queued now', value: s => s.queuedNow, title: 'Trucks in the queue that have not reached primary inspection' },
  { key: 'p50', label: 'Crossing p50', value: s => s.crossingTime?.p50Minutes, title: 'Median crossing time (queue entry to port exit), last window' },
  { key: 'p95', label: 'Crossing p95', value: s => s.crossingTime?.p95Minutes, title: '95th percentile crossing time, last window' },
  { key: 'delay', label: 'Delay vs free-flow', value: s => s.averageDelayMinutes, title: 'Mean crossing time minus the free-flow crossing time' },
  { key: 'buffer', label: 'Buffer index', value: s => s.bufferIndex, title: '(p95 − mean) ÷ mean crossing time: extra time to plan for to arrive on time 95 % of the time' },
  { key: 'updated', label: 'Updated (local)', value: s => (s.asOf ? Date.parse(s.asOf) : null), title: 'Last statistics update, in the crossing’s own time zone' },
];

let sort = { key: 'liveWait', descending: true };

/** The board's order ({key: a column, descending}); worst first by default. */
export function setSort(next) {
  sort = next;
}
const previous = new Map();

export function initBoard(root, { onOpenCrossing, onChange }) {
  root.addEventListener('click', event => {
    const header = event.target.closest('button[data-sort]');
    if (header) {
      const key = header.dataset.sort;
      sort = sort.key === key ? { key, descending: !sort.descending } : { key, descending: key !== 'crossing' };
      onChange();
      return;
    }
    const link = event.target.closest('[data-open-crossing]');
    if (link) onOpenCrossing(link.dataset.openCrossing);
  });
}

export function renderBoard(root, crossings) {
  const ordered = sortCrossings(crossings);
  const worst = worstCrossing(crossings)?.crossing;
  const head = COLUMNS.map(col => {
    if (col.sortable === false) return `<th scope="col">${col.label}</th>`;
    const active = sort.key === col.key;
    const aria = active ? ` aria-sort="${sort.descending ? 'descending' : 'ascending'}"` : '';
    const arrow = active ? (sort.descending ? '▼' : '▲') : '';
    return `<th scope="col" class="${col.key}"${aria}><button type="button" data-sort="${col.key}" title="${escapeHtml(col.title ?? 'Sort by crossing name')}">${col.label}<span class="sort-arrow" aria-hidden="true">${arrow}</span></button></th>`;
  }).join('');
  const bodies = ordered.map(c => crossingRows(c, c === worst)).join('');
  // live updates rebuild the table; keep keyboard focus where the operator left it
  const focused = document.activeElement && root.contains(document.activeElement)
    ? (document.activeElement.dataset.sort ? `[data-sort="${document.activeElement.dataset.sort}"]`
      : document.activeElement.dataset.openCrossing ? `[data-open-crossing="${document.activeElement.dataset.openCrossing}"]` : null)
    : null;
  root.innerHTML = `<table class="board" aria-label="Crossing board">
    <thead><tr>${head}</tr></thead>${bodies}</table>`;
  if (focused) root.querySelector(focused)?.focus();
}

function crossingRows(c, isWorst) {
  const severity = crossingSeverity(c);
  const name = `<th scope="rowgroup" class="crossing" rowspan="${Math.max(1, c.series?.length ?? 0)}">
      <button type="button" class="crossing-link" data-open-crossing="${escapeHtml(c.id)}">
        ${isWorst ? '<span class="worst-tag">Worst</span>' : ''}<span class="crossing-name">${escapeHtml(c.name)}</span>
        <span class="crossing-sub">${escapeHtml(c.usCity)}, ${escapeHtml(c.usState)} ↔ ${escapeHtml(c.mxCity)} · ${trucksPerYear(c.northboundTrucksPerYear)}</span>
      </button></th>`;
  const attrs = `data-crossing-id="${escapeHtml(c.id)}" data-severity="${severity}" class="crossing-group sev-${severity}${isWorst ? ' worst' : ''}"`;
  if (!c.hasData || !c.series?.length) {
    return `<tbody ${attrs}><tr>${name}<td colspan="${COLUMNS.length - 1}" class="no-data">${badge('nodata', 'no data')}<span class="hint">no checkpoints reported yet, nothing from CBP</span></td></tr></tbody>`;
  }
  const series = [...c.series].sort(compareSeriesKeys);
  const rows = series.map((s, i) => seriesRow(c, s, i === 0 ? name : '')).join('');
  return `<tbody ${attrs}>${rows}</tbody>`;
}

function seriesRow(c, s, nameCell) {
  const severity = seriesSeverity(s);
  const key = `${c.id}/${seriesKey(s)}`;
  const cell = (field, text, extra = '') => {
    const id = `${key}/${field}`;
    const changed = previous.has(id) && previous.get(id) !== text;
    previous.set(id, text);
    return `<td class="num ${field}${changed ? ' changed' : ''}" data-field="${field}"${extra}>${text}</td>`;
  };
  const live = s.measured === false
    ? `${badge('nodata', 'not measured')}<span class="sub">no checkpoints</span>`
    : s.stale
      ? `${badge('stale', 'STALE')}<span class="sub">last checkpoint ${escapeHtml(ago(s.lastCheckpointAt))}</span>`
      : `${badge(severity, minutesCompact(s.liveWaitMinutes))}`;
  const queued = s.stale ? count(s.queuedNow)
    : `${count(s.queuedNow)}${s.oldestQueuedMinutes != null ? `<span class="sub">oldest ${minutes(s.oldestQueuedMinutes)}</span>` : ''}`;
  return `<tr data-series="${seriesKey(s)}" class="series sev-${severity}${s.stale ? ' stale' : ''}">${nameCell}
    <td class="series-name"><abbr title="${s.direction === 'NORTHBOUND' ? 'Northbound (Mexico → US)' : 'Southbound (US → Mexico)'}, ${s.laneType === 'FAST' ? 'FAST lanes' : 'standard lanes'}">${DIRECTION_ARROW[s.direction]} ${DIRECTION_SHORT[s.direction]} ${LANE_SHORT[s.laneType]}</abbr></td>
    ${cell('liveWait', live, ` data-severity="${severity}"`)}
    ${cell('reported', reportedText(s))}
    ${cell('queued', queued)}
    ${cell('p50', minutesCompact(s.crossingTime?.p50Minutes))}
    ${cell('p95', minutesCompact(s.crossingTime?.p95Minutes))}
    ${cell('delay', `${signedMinutes(s.averageDelayMinutes, minutesCompact)}<span class="sub">free-flow ${minutesCompact(s.freeFlowMinutes ?? c.freeFlowMinutes)}</span>`)}
    ${cell('buffer', percent(s.bufferIndex))}
    ${cell('updated', escapeHtml(localClock(s.asOfLocal, c.timeZone, s.asOf)))}
  </tr>`;
}

/** Crossings ordered by the sorted column's worst value; crossings without data always last, stale ones before them. */
export function sortCrossings(crossings) {
  const column = COLUMNS.find(c => c.key === sort.key);
  const direction = sort.descending ? -1 : 1;
  const keyOf = c => {
    const live = (c.series ?? []).filter(s => !s.stale);
    const values = live.map(column.value).filter(v => v != null);
    if (!values.length) return null;
    return sort.descending ? Math.max(...values) : Math.min(...values);
  };
  const group = c => {
    const sev = crossingSeverity(c);
    return sev === 'nodata' ? 2 : sev === 'stale' ? 1 : 0;
  };
  if (sort.key === 'crossing') {
    return [...crossings].sort((a, b) => direction * a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
  }
  return [...crossings].sort((a, b) => {
    if (group(a) !== group(b)) return group(a) - group(b);
    const ka = keyOf(a);
    const kb = keyOf(b);
    if (ka == null && kb == null) return (b.northboundTrucksPerYear ?? 0) - (a.northboundTrucksPerYear ?? 0);
    if (ka == null) return 1;
    if (kb == null) return -1;
    if (ka < kb) return -direction;
    if (ka > kb) return direction;
    if (sort.key === 'liveWait') {
      return SEVERITY_RANK[crossingSeverity(b)] - SEVERITY_RANK[crossingSeverity(a)];
    }
    return (b.northboundTrucksPerYear ?? 0) - (a.northboundTrucksPerYear ?? 0);
  });
}

/** The crossing to look at first, for the summary strip. */
export function worstCrossing(crossings) {
  let worst = null;
  let worstSer = null;
  for (const c of crossings) {
    const s = worstSeries(c);
    if (!s || s.stale || s.liveWaitMinutes == null) continue;
    if (!worstSer || s.liveWaitMinutes > worstSer.liveWaitMinutes) {
      worst = c;
      worstSer = s;
    }
  }
  return worst ? { crossing: worst, series: worstSer } : null;
}

// Crossing detail: current numbers per series, trend (24 h / 7 d), hour-of-week profile, its alerts.
import { request } from './api.js';
import { lineChart, heatmap } from './charts.js';
import {
  badge, escapeHtml, localClock, minutes, percent, count, seriesKey, seriesName, seriesSeverity, signedMinutes,
  trucksPerYear, ago, compareSeriesKeys, minutesCompact,
  reportedText,
} from './format.js';
import { renderAlertList } from './alerts.js';

const parse = key => ({ direction: key.split('/')[0], laneType: key.split('/')[1] });
const RANGES = { '24h': { hours: 24, step: '5m', stepMs: 300000 }, '7d': { hours: 168, step: '1h', stepMs: 3600000 } };

export class CrossingDetail {
  constructor(root, { services, alertStore, crossings, canAcknowledge }) {
    this.root = root;
    this.services = services;
    this.alertStore = alertStore;
    this.crossings = crossings;
    this.canAcknowledge = canAcknowledge;
    this.range = '24h';
    this.seriesKey = null;
    this.history = null;
    this.profile = null;
    root.addEventListener('click', event => {
      const range = event.target.closest('[data-range]');
      if (range && range.dataset.range !== this.range) {
        this.range = range.dataset.range;
        this.history = null; // "Loading…" rather than the other range's chart under the new button
        this.renderTrend();
        this.loadHistory();
      }
      const pick = event.target.closest('[data-pick-series]');
      if (pick) {
        this.seriesKey = pick.dataset.pickSeries;
        this.renderCharts();
      }
    });
    // the chart is drawn in pixels for crisp text: redraw when the drawer's width changes, not on every reflow
    let width = 0;
    new ResizeObserver(([entry]) => {
      const now = Math.round(entry.contentRect.width);
      if (now !== width) {
        width = now;
        this.renderTrend();
      }
    }).observe(root);
  }

  async open(id) {
    this.id = id;
    this.seriesKey = null;
    this.history = null;
    this.profile = null;
    this.error = null;
    this.render();
    this.loadHistory();
    request(`${this.services.analyzer}/api/v1/crossings/${encodeURIComponent(id)}/profile`)
      .then(profile => { this.profile = profile; this.renderCharts(); })
      .catch(error => { this.profileError = error.message; this.renderCharts(); });
  }

  async loadHistory() {
    const id = this.id;
    const { hours, step } = RANGES[this.range];
    const to = new Date();
    const from = new Date(to.getTime() - hours * 3600000);
    this.window = { from: from.getTime(), to: to.getTime() };
    this.renderControls();
    try {
      const history = await request(`${this.services.analyzer}/api/v1/crossings/${encodeURIComponent(id)}/history?from=${from.toISOString()}&to=${to.toISOString()}&step=${step}`);
      if (id !== this.id) return;
      this.history = history;
      this.historyError = null;
    } catch (error) {
      this.historyError = error.message;
    }
    this.renderCharts();
  }

  crossing() {
    return this.crossings.get(this.id);
  }

  /** Re-render the live parts (numbers, alerts) when the board changes; charts stay as loaded. */
  refresh() {
    if (!this.id) return;
    if (!this.root.querySelector('.now')) {
      this.render(); // opened by a link before the crossings had loaded
      return;
    }
    this.renderNow();
    this.renderAlerts();
  }

  render() {
    const c = this.crossing();
    if (!c) {
      this.root.innerHTML = `<p class="panel-error">Unknown crossing ${escapeHtml(this.id)}</p>`;
      return;
    }
    this.root.innerHTML = `<header class="drawer-head">
        <div><h2 id="drawer-title">${escapeHtml(c.name)}</h2>
        <p class="drawer-sub">${escapeHtml(c.usCity)}, ${escapeHtml(c.usState)} ↔ ${escapeHtml(c.mxCity)}, ${escapeHtml(c.mxState)} · CBP port ${escapeHtml(c.cbpPortCode)}
          · ${escapeHtml(c.timeZone)} · ${c.maxCommercialLanes} commercial lanes · ${trucksPerYear(c.northboundTrucksPerYear)} · free-flow ${minutes(c.freeFlowMinutes)}</p></div>
        <button type="button" class="close" data-close aria-label="Close detail">✕</button>
      </header>
      <section class="now" aria-label="Now"></section>
      <section class="trend-section"><div class="section-head"><h3>Trend</h3><div class="controls trend-controls"></div></div><div class="trend"></div></section>
      <section class="profile-section"><div class="section-head"><h3>Best time to cross — typical wait by hour of week (${escapeHtml(c.timeZone)})</h3></div><div class="profile"></div></section>
      <section><h3>Alerts for this crossing</h3><div class="crossing-alerts"></div></section>`;
    this.renderNow();
    this.renderControls();
    this.renderCharts();
    this.renderAlerts();
  }

  renderNow() {
    const c = this.crossing();
    const el = this.root.querySelector('.now');
    if (!c || !el) return;
    if (!c.hasData || !c.series?.length) {
      el.innerHTML = `<p class="empty">${badge('nodata', 'no data')} No checkpoints have been reported at this crossing yet, and CBP reports nothing for it.</p>`;
      return;
    }
    el.innerHTML = [...c.series].sort(compareSeriesKeys).map(s => {
      const sev = seriesSeverity(s);
      return `<article class="now-card sev-${sev}" data-series="${seriesKey(s)}">
        <h4>${escapeHtml(seriesName(s))}</h4>
        <p class="now-live">${s.measured === false ? badge('nodata', 'not measured') : s.stale ? badge('stale', 'STALE') : badge(sev, minutes(s.liveWaitMinutes))}<span class="caption">live wait · measured</span></p>
        <p class="now-reported">${reportedText(s)}<span class="caption">CBP reported</span></p>
        <dl>
          <dt>Queued now</dt><dd>${count(s.queuedNow)}${s.oldestQueuedMinutes != null ? ` · oldest ${minutesCompact(s.oldestQueuedMinutes)}` : ''}</dd>
          <dt>Wait p50 / p95</dt><dd>${minutesCompact(s.waitTime?.p50Minutes)} / ${minutesCompact(s.waitTime?.p95Minutes)}</dd>
          <dt>Crossing p50 / p95</dt><dd>${minutesCompact(s.crossingTime?.p50Minutes)} / ${minutesCompact(s.crossingTime?.p95Minutes)}</dd>
          <dt>Delay vs free-flow</dt><dd>${signedMinutes(s.averageDelayMinutes, minutesCompact)}</dd>
          <dt>Buffer index</dt><dd>${percent(s.bufferIndex)}</dd>
          <dt>Samples (${s.windowMinutes ?? '—'} min)</dt><dd>${count(s.crossingTime?.count)}</dd>
          <dt>Updated</dt><dd>${escapeHtml(localClock(s.asOfLocal, c.timeZone, s.asOf))}${s.stale ? ` · last checkpoint ${escapeHtml(ago(s.lastCheckpointAt))}` : ''}</dd>
        </dl></article>`;
    }).join('');
  }

  availableSeries() {
    const keys = new Set([
      ...(this.crossing()?.series ?? []).map(seriesKey),
      ...(this.history?.series ?? []).map(seriesKey),
      ...(this.profile?.series ?? []).map(seriesKey),
    ]);
    return [...keys].sort((a, b) => compareSeriesKeys(parse(a), parse(b)));
  }

  chosenSeries() {
    const keys = this.availableSeries();
    if (!this.seriesKey || !keys.includes(this.seriesKey)) this.seriesKey = keys.includes('NORTHBOUND/STANDARD') ? 'NORTHBOUND/STANDARD' : keys[0];
    return this.seriesKey;
  }

  renderControls() {
    const el = this.root.querySelector('.trend-controls');
    if (!el) return;
    const chosen = this.chosenSeries();
    const seriesButtons = this.availableSeries().map(key => {
      const [direction, laneType] = key.split('/');
      return `<button type="button" data-pick-series="${key}" aria-pressed="${key === chosen}">${escapeHtml(seriesName({ direction, laneType }))}</button>`;
    }).join('');
    el.innerHTML = `<span class="segmented">${seriesButtons}</span>
      <span class="segmented">${Object.keys(RANGES).map(r => `<button type="button" data-range="${r}" aria-pressed="${r === this.range}">${r}</button>`).join('')}</span>`;
  }

  renderCharts() {
    this.renderControls();
    this.renderTrend();
    this.renderProfile();
  }

  renderTrend() {
    const el = this.root.querySelector('.trend');
    const c = this.crossing();
    if (!el || !c) return;
    if (this.historyError) {
      el.innerHTML = `<p class="panel-error">Trend unavailable: ${escapeHtml(this.historyError)}</p>`;
      return;
    }
    if (!this.history) {
      el.innerHTML = '<p class="empty">Loading trend…</p>';
      return;
    }
    const key = this.chosenSeries();
    const series = this.history.series?.find(s => seriesKey(s) === key);
    const points = (series?.points ?? []).map(p => ({ ...p, t: Date.parse(p.at) }));
    const line = (name, className, field) => ({ name, className, points: points.map(p => ({ t: p.t, v: p[field] })) });
    lineChart(el, {
      lines: [
        line('Live wait (measured)', 'live', 'liveWaitMinutes'),
        // CBP updates about hourly: its line joins readings farther apart than the measured bins
        { ...line('CBP reported wait', 'reported', 'reportedWaitMinutes'), maxGapMs: Infinity },
        line('Crossing time p50', 'p50', 'crossingP50Minutes'),
        line('Crossing time p95', 'p95', 'crossingP95Minutes'),
      ],
      from: this.window.from,
      to: this.window.to,
      timeZone: c.timeZone,
      maxGapMs: RANGES[this.range].stepMs * 2,
      emptyText: `No measurements and no CBP reading in the last ${this.range} for this series.`,
    });
  }

  renderProfile() {
    const el = this.root.querySelector('.profile');
    const c = this.crossing();
    if (!el || !c) return;
    if (this.profileError) {
      el.innerHTML = `<p class="panel-error">Profile unavailable: ${escapeHtml(this.profileError)}</p>`;
      return;
    }
    if (!this.profile) {
      el.innerHTML = '<p class="empty">Loading profile…</p>';
      return;
    }
    const series = this.profile.series?.find(s => seriesKey(s) === this.chosenSeries());
    heatmap(el, series?.hours ?? [], this.profile.timeZone ?? c.timeZone);
  }

  renderAlerts() {
    const el = this.root.querySelector('.crossing-alerts');
    if (!el) return;
    renderAlertList(el, this.alertStore, { crossings: this.crossings, canAcknowledge: this.canAcknowledge(), crossingId: this.id });
  }
}

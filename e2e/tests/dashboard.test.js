// The operator dashboard in a real Chromium against the running stack (real Kafka, PostgreSQL, services).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import {
  BUSY_HOUR, Carrier, call, token, urls, createRule, deleteRule, getRouting, putRouting, sendBusyHour, sendJourneys,
} from '../lib/stack.js';
import { CuttableProxy } from '../lib/proxy.js';

const SCREENSHOTS = new URL('../target/screenshots/', import.meta.url).pathname;
const CHROMIUM = process.env.BORDERFLOW_E2E_CHROMIUM ?? '/usr/bin/chromium';
const LIVE = 90_000; // statistics are re-emitted at least every 30 s; allow a few rounds through Kafka Streams
const run = Date.now().toString(36).toUpperCase();

// One series per purpose, so that the scenarios do not disturb each other. All southbound FAST: the traffic
// simulator never sends those (FAST is a US import programme), so simulated traffic running beside the test
// (e2e/run with BORDERFLOW_E2E_TRAFFIC_AS_OF) cannot change them.
const LIVE_SERIES = { crossingId: 'progreso', direction: 'SOUTHBOUND', laneType: 'FAST' };
const STALE_SERIES = { crossingId: 'columbus', direction: 'SOUTHBOUND', laneType: 'FAST' };
const ALERT_SERIES = { crossingId: 'roma', direction: 'SOUTHBOUND', laneType: 'FAST' };
const ROUTED_SERIES = { crossingId: 'del-rio', direction: 'SOUTHBOUND', laneType: 'FAST' };
// CBP reports northbound only; the local stack's recorded snapshots give this series a number in each of them
const CBP_SERIES = { crossingId: 'laredo-world-trade-bridge', direction: 'NORTHBOUND', laneType: 'STANDARD' };

const dashboardUrl = `${urls.dashboard}/?ingest=${encodeURIComponent(urls.ingest)}&alerts=${encodeURIComponent(urls.alerts)}`;
/** Minutes in a board cell such as "+27 min", "+1h 05m", "−3 min"; null for "—". */
function minutesIn(text) {
  const m = /^([+−-])?(?:(\d+)h )?(\d+)(?: min|m)/.exec(text ?? '');
  if (!m) return null;
  const value = Number(m[2] ?? 0) * 60 + Number(m[3]);
  return m[1] === '−' || m[1] === '-' ? -value : value;
}

/** Minutes as the advice panel writes them ("42 min", "3 h 05 min", "−3 min"); null for "—". */
function panelMinutes(text) {
  const m = /^(−)?(?:(\d+) h )?(\d+) min$/.exec(text ?? '');
  if (!m) return null;
  return (m[1] ? -1 : 1) * (Number(m[2] ?? 0) * 60 + Number(m[3]));
}

// Southbound FAST at two crossings with FAST lanes that no other scenario uses: Pharr near the origin with a short
// queue, Brownsville farther with a long one.
const ADVICE_SERIES = [
  ['pharr-reynosa', 'SOUTHBOUND', 'FAST', [12, 14, 16]],
  ['brownsville-veterans', 'SOUTHBOUND', 'FAST', [150, 160, 170]],
];
const MCALLEN = '26.3017,-98.1633';
const MONTERREY = '25.6866,-100.3161';

/** What the reader of the panel must find in a part's source column, per source the service names. */
const SOURCE_SAYS = {
  GREAT_CIRCLE: /straight line/, LIVE: /^live/, LIVE_AND_PROFILE: /live → profile/, PROFILE: /profile/,
  CBP_REPORTED: /CBP/, FREE_FLOW: /free-flow/, NONE: /unknown/,
};

const BUSY_SERIES = BUSY_HOUR.map(([crossingId, direction, laneType]) => ({ crossingId, direction, laneType }));

/** Every series of the busy hour shows a live wait (its journeys complete, so neither stale nor missing). */
function busyHourShown(target) {
  return target.waitForFunction(selectors => selectors.every(sel => ['ok', 'warning', 'critical']
    .includes(document.querySelector(sel)?.dataset.severity)), BUSY_SERIES.map(s => `${seriesRow(s)} [data-field="liveWait"]`),
  { timeout: LIVE });
}

const seriesRow = s => `tbody[data-crossing-id="${s.crossingId}"] tr[data-series="${s.direction}/${s.laneType}"]`;

describe('operator dashboard', () => {
  let browser;
  let page;
  const carrier = new Carrier('e2e-freight');
  const oncall = token('oncall', { subject: 'oncall@borderflow.e2e' });
  const admin = token('admin');
  let ruleId;
  const routedRules = [];
  let routingBefore; // the stack's own routing (null: none), put back afterwards

  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.on('pageerror', error => console.error('page error:', error.message));
    await page.goto(`${dashboardUrl}#token=${oncall}`);
    // survives only as long as the page is not reloaded
    await page.evaluate(() => { window.e2eNoReload = 'still here'; });
  });

  after(async () => {
    for (const id of [ruleId, ...routedRules].filter(Boolean)) {
      await deleteRule(admin, id).catch(error => console.error('cleanup:', error.message));
    }
    if (routingBefore !== undefined) {
      await putRouting(admin, routingBefore).catch(error => console.error('cleanup:', error.message));
    }
    await browser?.close();
  });

  test('the token leaves the address bar for the tab’s session storage and the role is shown', async () => {
    assert.ok(!page.url().includes('token='), `token still in ${page.url()}`);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('borderflow.token')), oncall);
    await page.waitForSelector('[data-role="oncall"]');
  });

  test('without a token the page asks for one, and a pasted token signs in', async () => {
    const fresh = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    try {
      await fresh.goto(dashboardUrl);
      await fresh.waitForSelector('#token-dialog[open]');
      await fresh.fill('#token-input', token('operator'));
      await fresh.click('#token-form button[type="submit"]');
      await fresh.waitForSelector('[data-role="operator"]');
      await fresh.waitForFunction(() => document.querySelectorAll('tbody[data-crossing-id]').length === 22, null, { timeout: 30_000 });
    } finally {
      await fresh.close();
    }
  });

  test('the board lists every crossing of the catalog', async () => {
    const catalog = await call('GET', `${urls.dashboard}/api/v1/crossings`, oncall);
    assert.equal(catalog.length, 22);
    await page.waitForFunction(n => document.querySelectorAll('tbody[data-crossing-id]').length === n, catalog.length);
    const shown = await page.$$eval('tbody[data-crossing-id]', groups => groups.map(g => g.dataset.crossingId).sort());
    assert.deepEqual(shown, catalog.map(c => c.id).sort());
    const withoutData = catalog.filter(x => !x.hasData).map(c => c.id);
    const saysNoData = await page.$$eval('tbody[data-crossing-id]', groups => groups
      .filter(g => /no data/.test(g.textContent)).map(g => g.dataset.crossingId));
    // traffic running beside the test may bring a crossing its first data between the two reads
    const nowWithData = new Set((await call('GET', `${urls.dashboard}/api/v1/crossings`, oncall)).filter(c => c.hasData).map(c => c.id));
    for (const id of withoutData) {
      assert.ok(saysNoData.includes(id) || nowWithData.has(id), `${id} has no data but the board does not say so`);
    }
  });

  test('posting checkpoints through ingest changes the displayed numbers without a reload', async () => {
    const row = seriesRow(LIVE_SERIES);
    const cellText = field => page.$eval(`${row} [data-field="${field}"]`, el => el.textContent.trim()).catch(() => null);
    const queuedBefore = Number.parseInt(await cellText('queued'), 10) || 0;
    const delayBefore = await cellText('delay');
    // a crossing time well above the current mean, so that the mean (and the delay shown) must move even when
    // earlier runs left samples in the window
    const meanBefore = minutesIn(delayBefore);
    const crossingMinutes = meanBefore == null ? 41 : Math.round(meanBefore + 10 + 30);

    const shipment = `E2E-${run}-LIVE`;
    await carrier.register(shipment, LIVE_SERIES.crossingId, LIVE_SERIES.direction, LIVE_SERIES.laneType);
    await carrier.checkpoint(shipment, 'QUEUE_ENTERED', crossingMinutes + 2);
    await page.waitForFunction(([sel, before]) => {
      const cell = document.querySelector(`${sel} [data-field="queued"]`);
      return cell && Number.parseInt(cell.textContent, 10) === before + 1;
    }, [row, queuedBefore], { timeout: LIVE });
    assert.match(await cellText('liveWait'), /\d+ min|\dh \d\dm/, 'a queued truck gives a live wait');

    await carrier.checkpoint(shipment, 'PRIMARY_INSPECTION', 9);
    await carrier.checkpoint(shipment, 'PORT_EXITED', 2);
    await page.waitForFunction(([sel, queued, delay]) => {
      const text = field => document.querySelector(`${sel} [data-field="${field}"]`)?.textContent.trim();
      return Number.parseInt(text('queued'), 10) === queued && text('delay') !== delay && !text('p50')?.startsWith('—');
    }, [row, queuedBefore, delayBefore], { timeout: LIVE });
    assert.equal(await page.evaluate(() => window.e2eNoReload), 'still here', 'the page was reloaded');
  });

  test('CBP’s reported wait and the measured one are both on the board, labelled, with their difference', async () => {
    const row = seriesRow(CBP_SERIES);
    const headers = await page.$$eval('table.board thead th', ths => ths.map(th => th.textContent.trim()));
    assert.ok(headers.some(h => /CBP reported/.test(h)), `a "CBP reported" column: ${headers}`);
    assert.ok(headers.some(h => /measured/.test(h)), `a "measured" column: ${headers}`);
    // ingest reads the local stack's feed at start (and again after a backoff if the feed was not up yet)
    await page.waitForFunction(sel => /\d+ min/.test(document.querySelector(`${sel} [data-field="reported"]`)?.textContent ?? ''),
      row, { timeout: LIVE });

    const shipment = `E2E-${run}-CBP`;
    await carrier.register(shipment, CBP_SERIES.crossingId, CBP_SERIES.direction, CBP_SERIES.laneType);
    // 22 min ago: above either recorded CBP number (15, 20 min), and well within the 30 min before a series is stale
    await carrier.checkpoint(shipment, 'QUEUE_ENTERED', 22);
    await page.waitForFunction(sel => /vs measured/.test(document.querySelector(`${sel} [data-field="reported"]`)?.textContent ?? ''),
      row, { timeout: LIVE });

    const api = await call('GET', `${urls.dashboard}/api/v1/crossings/${CBP_SERIES.crossingId}`, oncall);
    const series = api.series.find(s => s.direction === CBP_SERIES.direction && s.laneType === CBP_SERIES.laneType);
    const reportedCell = await page.$eval(`${row} [data-field="reported"]`, el => el.textContent.trim());
    const liveCell = await page.$eval(`${row} [data-field="liveWait"]`, el => el.textContent.trim());
    assert.equal(minutesIn(reportedCell), series.reported.waitMinutes, `reported cell: ${reportedCell}`);
    // the badge reads "<severity>: <minutes>" (the word is there for those who do not see the colour)
    assert.ok(minutesIn(liveCell.replace(/^[^:]*:\s*/, '')) >= 22, `measured live wait (a truck queued 22 min ago): ${liveCell}`);
    const delta = /Δ (\S+ \S+) vs measured/.exec(reportedCell)?.[1];
    assert.equal(minutesIn(delta), Math.round(series.reportedMinusMeasuredMinutes), `difference: ${reportedCell}`);
    assert.ok(series.reportedMinusMeasuredMinutes < 0, 'CBP’s estimate is below what this truck measures');
  });

  test('a series whose last checkpoint is older than 30 minutes reads as STALE, never as a wait', async () => {
    const shipment = `E2E-${run}-STALE`;
    await carrier.register(shipment, STALE_SERIES.crossingId, STALE_SERIES.direction, STALE_SERIES.laneType);
    await carrier.checkpoint(shipment, 'QUEUE_ENTERED', 58);
    await carrier.checkpoint(shipment, 'PRIMARY_INSPECTION', 47);
    await carrier.checkpoint(shipment, 'PORT_EXITED', 41);
    const cell = `${seriesRow(STALE_SERIES)} [data-field="liveWait"]`;
    await page.waitForFunction(sel => document.querySelector(sel)?.textContent.includes('STALE'), cell, { timeout: LIVE });
    assert.equal(await page.getAttribute(cell, 'data-severity'), 'stale');
    assert.doesNotMatch(await page.textContent(cell), /\b0 min\b/);
  });

  test('an alert appears in the panel and an on-call user acknowledges it', async () => {
    const summary = `E2E ${run}: trucks waiting at Roma`;
    ruleId = await createRule(admin, {
      id: `e2e-live-wait-${run.toLowerCase()}`, name: `E2eLiveWait${run}`, measure: 'live_wait_minutes', scope: ALERT_SERIES,
      comparison: 'GE', threshold: 1, forMinutes: 0, severity: 'CRITICAL', summary,
    });
    const shipment = `E2E-${run}-ALERT`;
    await carrier.register(shipment, ALERT_SERIES.crossingId, ALERT_SERIES.direction, ALERT_SERIES.laneType);
    await carrier.checkpoint(shipment, 'QUEUE_ENTERED', 25);

    const item = page.locator('.alerts-panel li.alert', { hasText: summary });
    await item.waitFor({ timeout: LIVE });
    await page.waitForFunction(s => [...document.querySelectorAll('.alerts-panel li.alert')]
      .some(li => li.textContent.includes(s) && li.dataset.state === 'FIRING'), summary, { timeout: LIVE });
    const text = await item.textContent();
    assert.match(text, /CRITICAL/);
    assert.match(text, /Roma/);
    assert.match(text, /firing since/);

    await item.locator('button.ack').click();
    await page.waitForFunction(s => [...document.querySelectorAll('.alerts-panel li.alert')]
      .some(li => li.textContent.includes(s) && li.dataset.state === 'ACKNOWLEDGED'), summary, { timeout: 30_000 });
    assert.match(await item.textContent(), /Acknowledged by oncall@borderflow\.e2e/);
    assert.equal(await item.locator('button.ack').count(), 0);

    // an operator sees the alert but cannot acknowledge
    const operatorPage = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await operatorPage.goto(`${dashboardUrl}#token=${token('operator')}`);
    await operatorPage.locator('.alerts-panel li.alert', { hasText: summary }).waitFor({ timeout: 30_000 });
    await operatorPage.waitForSelector('[data-role="operator"]');
    assert.equal(await operatorPage.locator('button.ack').count(), 0);
    await operatorPage.close();

    await carrier.checkpoint(shipment, 'PRIMARY_INSPECTION', 3);
    await carrier.checkpoint(shipment, 'PORT_EXITED', 1);
  });

  test('an alert shows the receiver on-call routing sent it to, and an inhibited one says so', async () => {
    const critical = `e2e-routed-critical-${run.toLowerCase()}`;
    const warning = `e2e-routed-warning-${run.toLowerCase()}`;
    // the critical alert goes to the border team; while it fires it mutes the warning of the same series
    routingBefore = await getRouting(admin);
    await putRouting(admin, `
route:
  receiver: e2e-default
  group_wait: 1s
  routes:
    - matchers: ['rule="${critical}"']
      receiver: e2e-border-team
receivers:
  - name: e2e-default
  - name: e2e-border-team
inhibit_rules:
  - source_matchers: ['rule="${critical}"']
    target_matchers: ['rule="${warning}"']
    equal: [crossing, direction, lane]
`);
    const summaries = { critical: `E2E ${run}: Del Rio critical`, warning: `E2E ${run}: Del Rio warning` };
    const item = summary => page.locator('.alerts-panel li.alert', { hasText: summary });
    const firing = summary => page.waitForFunction(s => [...document.querySelectorAll('.alerts-panel li.alert')]
      .some(li => li.textContent.includes(s) && li.dataset.state === 'FIRING'), summary, { timeout: LIVE });
    // the critical one first: the warning then starts muted (the page learns of inhibition with the alert's own changes)
    routedRules.push(await createRule(admin, {
      id: critical, name: `E2eRoutedCritical${run}`, measure: 'live_wait_minutes', scope: ROUTED_SERIES,
      comparison: 'GE', threshold: 1, forMinutes: 0, severity: 'CRITICAL', summary: summaries.critical,
    }));
    const shipment = `E2E-${run}-ROUTED`;
    await carrier.register(shipment, ROUTED_SERIES.crossingId, ROUTED_SERIES.direction, ROUTED_SERIES.laneType);
    await carrier.checkpoint(shipment, 'QUEUE_ENTERED', 25);
    await firing(summaries.critical);
    routedRules.push(await createRule(admin, {
      id: warning, name: `E2eRoutedWarning${run}`, measure: 'live_wait_minutes', scope: ROUTED_SERIES,
      comparison: 'GE', threshold: 1, forMinutes: 0, severity: 'WARNING', summary: summaries.warning,
    }));
    await firing(summaries.warning);

    assert.match(await item(summaries.critical).locator('.alert-routing').textContent(), /to e2e-border-team/);
    assert.equal(await item(summaries.critical).locator('.alert-inhibited').count(), 0);
    assert.match(await item(summaries.warning).locator('.alert-routing').textContent(), /to e2e-default/);
    assert.match(await item(summaries.warning).locator('.alert-inhibited').textContent(), /Inhibited/);

    await carrier.checkpoint(shipment, 'PRIMARY_INSPECTION', 3);
    await carrier.checkpoint(shipment, 'PORT_EXITED', 1);
  });

  test('the shipment lookup shows the timeline from ingest', async () => {
    const shipment = `E2E-${run}-LIVE`;
    await page.fill('#shipment-id', shipment);
    await page.press('#shipment-id', 'Enter');
    await page.waitForFunction(() => document.querySelectorAll('#drawer .timeline .step').length === 3, null, { timeout: 30_000 });
    const steps = await page.$$eval('#drawer .timeline .step', items => items.map(i => i.dataset.type));
    assert.deepEqual(steps, ['QUEUE_ENTERED', 'PRIMARY_INSPECTION', 'PORT_EXITED']);
    assert.match(await page.textContent('#drawer'), /Progreso International Bridge/);
    await page.click('#drawer [data-close]');
    await page.waitForSelector('#drawer', { state: 'hidden' });
  });

  test('clicking a crossing on the map opens its detail with trend, profile and alerts', async () => {
    await page.click('[data-view-tab="map"]');
    await page.waitForSelector('#map svg.map');
    await page.click(`#map [data-crossing-id="${LIVE_SERIES.crossingId}"] .dot`, { force: true });
    await page.waitForSelector('#drawer:not([hidden])');
    assert.match(await page.textContent('#drawer-title'), /Progreso International Bridge/);
    await page.waitForSelector('#drawer .trend svg.chart, #drawer .trend .chart-empty', { timeout: 30_000 });
    await page.waitForSelector('#drawer .profile .heatmap', { timeout: 30_000 });
    await page.waitForSelector('#drawer .crossing-alerts');
    await page.click('#drawer button[data-range="7d"]');
    await page.waitForSelector('#drawer button[data-range="7d"][aria-pressed="true"]');
    await page.waitForSelector('#drawer .trend svg.chart, #drawer .trend .chart-empty', { timeout: 30_000 });
    await page.click('#drawer button[data-range="24h"]');
    await page.waitForSelector('#drawer .trend svg.chart, #drawer .trend .chart-empty', { timeout: 30_000 });
    await page.screenshot({ path: `${SCREENSHOTS}detail-1366x768.png` });
    await page.click('#drawer [data-close]');
    await page.waitForSelector('#drawer', { state: 'hidden' });
  });

  test('in a busy hour the crossing with the longest live wait is the one the page calls worst', async () => {
    await sendBusyHour(carrier, `E2E-${run}-BUSY`);
    const wtb = `${seriesRow(BUSY_SERIES[0])} [data-field="liveWait"]`;
    await page.waitForFunction(sel => document.querySelector(sel)?.dataset.severity === 'critical', wtb, { timeout: LIVE });
    await busyHourShown(page);
    const longest = async () => {
      const crossings = await call('GET', `${urls.dashboard}/api/v1/crossings`, oncall);
      const live = crossings.flatMap(c => c.series.filter(s => !s.stale && s.liveWaitMinutes != null).map(s => [c.id, s.liveWaitMinutes]));
      return live.sort((a, b) => b[1] - a[1])[0][0];
    };
    // the API and the page are read until they agree (traffic beside the test may move the worst between reads)
    let expected;
    const deadline = Date.now() + LIVE;
    do {
      expected = await longest();
      const shownWorst = await page.getAttribute('.worst-card', 'data-open-crossing').catch(() => null);
      if (shownWorst === expected) break;
      await page.waitForTimeout(1_000);
    } while (Date.now() < deadline);
    assert.equal(await page.getAttribute('.worst-card', 'data-open-crossing'), expected, 'the summary card names the worst');
    assert.equal(await page.getAttribute('tbody.crossing-group.worst', 'data-crossing-id'), expected);
    assert.equal(await page.getAttribute('tbody[data-crossing-id]:first-of-type', 'data-crossing-id'), expected, 'worst first');
    await page.waitForSelector(`#map [data-crossing-id="${expected}"][data-severity="critical"]`, { state: 'attached' });
  });

  test('the board sorts by any column, and back to worst first', async () => {
    const order = () => page.$$eval('tbody[data-crossing-id]', groups => groups.map(g => g.dataset.crossingId));
    const names = () => page.$$eval('tbody[data-crossing-id] .crossing-name', els => els.map(e => e.textContent.trim()));
    await page.click('[data-view-tab="board"]');
    await page.click('button[data-sort="crossing"]');
    await page.waitForSelector('th[aria-sort="ascending"] button[data-sort="crossing"]');
    const byName = await names();
    assert.deepEqual(byName, [...byName].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    await page.click('button[data-sort="crossing"]');
    await page.waitForSelector('th[aria-sort="descending"] button[data-sort="crossing"]');
    assert.deepEqual(await names(), [...byName].reverse());
    await page.click('button[data-sort="liveWait"]');
    await page.waitForSelector('th[aria-sort="descending"] button[data-sort="liveWait"]');
    assert.equal((await order())[0], await page.getAttribute('.worst-card', 'data-open-crossing'));
  });

  test('the advice panel ranks the crossings for the question typed, each total in its parts with their sources', async () => {
    await sendJourneys(carrier, `E2E-${run}-ADV`, ADVICE_SERIES);
    const waitCount = async crossingId => (await call('GET', `${urls.dashboard}/api/v1/crossings/${crossingId}`, oncall))
      .series.find(s => s.direction === 'SOUTHBOUND' && s.laneType === 'FAST')?.waitTime?.count ?? 0;
    const deadline = Date.now() + LIVE;
    while ((await Promise.all(ADVICE_SERIES.map(([id]) => waitCount(id)))).some(n => n < 3)) {
      assert.ok(Date.now() < deadline, 'the analyzer never counted the advice scenario’s journeys');
      await new Promise(resolve => setTimeout(resolve, 2000));
    }

    await page.click('[data-view-tab="advice"]');
    await page.fill('#advice-from', MCALLEN);
    await page.fill('#advice-to', MONTERREY);
    await page.selectOption('#advice-direction', 'SOUTHBOUND');
    await page.selectOption('#advice-lane', 'FAST');
    const [response] = await Promise.all([
      page.waitForResponse(r => r.url().includes('/api/v1/advice?')),
      page.click('#advice-form button[type="submit"]'),
    ]);
    assert.equal(response.status(), 200);
    const asked = new URL(response.url()).searchParams;
    assert.deepEqual(['from', 'to', 'direction', 'laneType'].map(p => asked.get(p)), [MCALLEN, MONTERREY, 'SOUTHBOUND', 'FAST']);
    const advice = await response.json();
    await page.waitForSelector('#advice-results .advice-item');
    const shown = await page.$$eval('#advice-results .advice-item', items => items.map(li => ({
      crossingId: li.dataset.crossingId,
      rank: li.querySelector('.rank').textContent.trim(),
      total: li.querySelector('.total').textContent.trim(),
      notes: li.querySelector('.notes')?.textContent.trim() ?? '',
      parts: [...li.querySelectorAll('tr[data-part]')].map(tr => ({
        label: tr.querySelector('th').textContent.trim(),
        minutes: tr.querySelector('.num').textContent.trim(),
        source: tr.querySelector('.source').textContent.trim(),
      })),
    })));

    // the service's order, ranks 1, 2, … on the crossings with a total, shortest total first
    assert.deepEqual(shown.map(s => s.crossingId), advice.crossings.map(c => c.crossingId));
    const ranked = shown.filter(s => s.rank !== '–');
    assert.ok(ranked.length >= 2, `at least the two measured crossings are ranked: ${JSON.stringify(shown.map(s => [s.crossingId, s.rank]))}`);
    assert.deepEqual(ranked.map(s => s.rank), ranked.map((_, i) => String(i + 1)));
    const totals = ranked.map(s => panelMinutes(s.total));
    assert.deepEqual(totals, [...totals].sort((a, b) => a - b), `totals shortest first: ${totals}`);
    const position = id => shown.findIndex(s => s.crossingId === id);
    assert.ok(position('pharr-reynosa') < position('brownsville-veterans'), 'the near crossing with the short queue first');

    for (const [i, item] of advice.crossings.entries()) {
      const row = shown[i];
      if (item.excludedBecause) {
        assert.equal(row.rank, '–');
        if (item.excludedBecause === 'NO_FAST_LANES') assert.match(row.notes, /no FAST lanes/, `${item.crossingId} says why it is not ranked`);
        continue;
      }
      const p = item.parts;
      assert.deepEqual(row.parts.map(part => part.label),
        ['Drive to crossing', 'Wait for opening', 'Expected wait', 'Crossing (primary → exit)', 'Drive to destination']);
      const [drive, opening, wait, crossing, driveOn] = row.parts;
      const expectedMinutes = [p.driveToCrossing, p.waitForOpening, p.expectedWait, p.crossingTime, p.driveToDestination]
        .map(part => (part.minutes == null ? null : Math.round(part.minutes)));
      assert.deepEqual(row.parts.map(part => panelMinutes(part.minutes)), expectedMinutes, `${item.crossingId}: each part's minutes`);
      assert.match(drive.source, new RegExp(`^${Math.round(p.driveToCrossing.distanceKm)} km, `));
      assert.match(drive.source, SOURCE_SAYS[p.driveToCrossing.source]);
      assert.match(driveOn.source, new RegExp(`^${Math.round(p.driveToDestination.distanceKm)} km, `));
      assert.ok(opening.source.includes(`open ${item.commercialHours}`), `${item.crossingId}: ${opening.source}`);
      assert.match(wait.source, SOURCE_SAYS[p.expectedWait.source], `${item.crossingId}: the wait's source`);
      assert.match(wait.source, new RegExp(`confidence ${p.expectedWait.confidence.toLowerCase()}`));
      if (p.expectedWait.liveSamples) assert.match(wait.source, new RegExp(`${p.expectedWait.liveSamples} live sample`));
      assert.match(crossing.source, SOURCE_SAYS[p.crossingTime.source], `${item.crossingId}: the crossing time's source`);
      if (item.totalMinutes != null) {
        const sum = expectedMinutes.reduce((a, b) => a + b, 0);
        assert.ok(Math.abs(panelMinutes(row.total) - sum) <= 2, `${item.crossingId}: total ${row.total} is its parts (${sum} min)`);
      } else {
        assert.equal(row.total, 'no total');
      }
    }
    // the two seeded series: live waits, counted from the journeys posted above
    for (const [crossingId] of ADVICE_SERIES) {
      const wait = advice.crossings.find(c => c.crossingId === crossingId).parts.expectedWait;
      if (wait.source === 'LIVE' || wait.source === 'LIVE_AND_PROFILE') assert.ok(wait.liveSamples >= 3, `${crossingId}: ${JSON.stringify(wait)}`);
    }
    await page.screenshot({ path: `${SCREENSHOTS}advice-1366x768.png` });
  });

  test('a question the service refuses shows its problem, naming the parameter', async () => {
    await page.click('[data-view-tab="advice"]');
    const ask = async () => {
      const [response] = await Promise.all([
        page.waitForResponse(r => r.url().includes('/api/v1/advice?')),
        page.click('#advice-form button[type="submit"]'),
      ]);
      assert.equal(response.status(), 400);
      assert.match(response.headers()['content-type'], /^application\/problem\+json/);
      const problem = await response.json();
      await page.waitForSelector('#advice-error:not([hidden])');
      return { problem, shown: await page.textContent('#advice-error') };
    };

    // the same point twice is a point on Earth, so only the service can refuse it
    await page.fill('#advice-from', MCALLEN);
    await page.fill('#advice-to', MCALLEN);
    const same = await ask();
    assert.deepEqual(same.problem.errors.map(e => e.field), ['to']);
    for (const e of same.problem.errors) assert.ok(same.shown.includes(`${e.field} ${e.message}`), `shown: ${same.shown}`);
    assert.equal(await page.$$eval('#advice-results .advice-item', items => items.length), 0, 'no ranking under the error');

    // two days ago, typed as the field takes it: to the minute, in the browser's own time zone
    await page.fill('#advice-to', MONTERREY);
    const twoDaysAgo = await page.evaluate(() => {
      const at = new Date(Date.now() - 2 * 86400000);
      return new Date(at.getTime() - at.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
    });
    await page.fill('#advice-depart', twoDaysAgo);
    const past = await ask();
    assert.deepEqual(past.problem.errors.map(e => e.field), ['departAt']);
    for (const e of past.problem.errors) assert.ok(past.shown.includes(`${e.field} ${e.message}`), `shown: ${past.shown}`);
    await page.fill('#advice-depart', '');
  });

  test('the map draws every crossing’s geofences per direction, labelled queue, primary and exit, north up', async () => {
    const served = await call('GET', `${urls.dashboard}/api/v1/geofences`, oncall);
    const names = new Map((await call('GET', `${urls.dashboard}/api/v1/crossings`, oncall)).map(c => [c.id, c.name]));
    await page.click('[data-view-tab="map"]');
    await page.waitForSelector('#map svg.map');
    assert.equal(await page.isVisible('#geofence-panel'), false, 'hidden until asked for');
    await page.check('#geofence-toggle');
    await page.waitForSelector('#geofence-panel figure[data-geofence-crossing]');
    const drawn = await page.$$eval('#geofence-panel figure[data-geofence-crossing]', figures => figures.map(f => ({
      crossingId: f.dataset.geofenceCrossing,
      caption: f.querySelector('figcaption').textContent.trim(),
      insets: [...f.querySelectorAll('svg[data-direction]')].map(svg => ({
        direction: svg.dataset.direction,
        zones: [...svg.querySelectorAll('[data-zone]')].map(g => {
          const box = g.querySelector('path').getBoundingClientRect();
          return { zone: g.dataset.zone, label: g.querySelector('text').textContent.trim(), middle: box.top + box.height / 2, width: box.width, height: box.height };
        }),
      })),
    })));

    const expected = new Map();
    for (const f of served.features) {
      const { crossingId, direction, zone } = f.properties;
      const ring = f.geometry.coordinates[0];
      const latitude = ring.reduce((sum, [, lat]) => sum + lat, 0) / ring.length;
      expected.set(`${crossingId}/${direction}/${zone}`, latitude);
    }
    const shownKeys = drawn.flatMap(c => c.insets.flatMap(i => i.zones.map(z => `${c.crossingId}/${i.direction}/${z.zone}`)));
    assert.deepEqual(shownKeys.sort(), [...expected.keys()].sort(), 'every served zone drawn once');
    const LABEL = { QUEUE: 'queue', PRIMARY_INSPECTION: 'primary', EXIT: 'exit' };
    for (const crossing of drawn) {
      assert.equal(crossing.caption, names.get(crossing.crossingId));
      for (const inset of crossing.insets) {
        for (const z of inset.zones) {
          assert.equal(z.label, LABEL[z.zone]);
          assert.ok(z.width >= 4 && z.height >= 4, `${crossing.crossingId} ${inset.direction} ${z.zone} visible: ${z.width}×${z.height} px`);
        }
        const northFirst = zones => zones.map(z => z.zone);
        const byLatitude = [...inset.zones].sort((a, b) => expected.get(`${crossing.crossingId}/${inset.direction}/${b.zone}`)
          - expected.get(`${crossing.crossingId}/${inset.direction}/${a.zone}`));
        const byScreen = [...inset.zones].sort((a, b) => a.middle - b.middle);
        assert.deepEqual(northFirst(byScreen), northFirst(byLatitude), `${crossing.crossingId} ${inset.direction} north up`);
      }
    }
    await page.screenshot({ path: `${SCREENSHOTS}geofences-1366x768.png` });
    await page.uncheck('#geofence-toggle');
    assert.equal(await page.isVisible('#geofence-panel'), false);
  });

  test('screenshots of the board and the map at 1366×768 and of the board at 3840×2160', async () => {
    // still pictures: no highlight of a cell that changed a moment ago
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.click('[data-view-tab="map"]');
    await page.waitForSelector('#map svg.map');
    await page.screenshot({ path: `${SCREENSHOTS}map-1366x768.png` });
    await page.click('[data-view-tab="board"]');
    await page.waitForSelector('#board table.board');
    await page.screenshot({ path: `${SCREENSHOTS}board-1366x768.png` });

    const wall = await browser.newPage({ viewport: { width: 3840, height: 2160 }, reducedMotion: 'reduce' });
    await wall.goto(`${dashboardUrl}#token=${oncall}`);
    await wall.waitForFunction(() => document.querySelectorAll('tbody[data-crossing-id]').length === 22);
    await busyHourShown(wall);
    await wall.waitForSelector('#map svg.map');
    await wall.screenshot({ path: `${SCREENSHOTS}board-3840x2160.png` });
    await wall.close();
  });

  test('a lost connection shows “connection lost — reconnecting” and the page recovers by itself', async () => {
    // the analyzer reached through a proxy that the test cuts: a real dropped connection, then refused ones
    const proxy = new CuttableProxy(urls.dashboard);
    const analyzer = await proxy.start();
    const viaProxy = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    try {
      await viaProxy.goto(`${dashboardUrl}&analyzer=${encodeURIComponent(analyzer)}#token=${oncall}`);
      await viaProxy.waitForSelector('#connection[data-state="live"]', { timeout: LIVE });
      await proxy.cut();
      await viaProxy.waitForSelector('#connection-banner:not([hidden])', { timeout: 30_000 });
      assert.match(await viaProxy.textContent('#connection-banner'), /Connection lost — reconnecting/);
      assert.match(await viaProxy.textContent('#connection-banner'), /crossings: retrying/);
      await viaProxy.screenshot({ path: `${SCREENSHOTS}connection-lost-1366x768.png` });
      await proxy.restore();
      await viaProxy.waitForSelector('#connection-banner', { state: 'hidden', timeout: LIVE });
      await viaProxy.waitForSelector('#connection[data-state="live"]', { timeout: LIVE });
      assert.equal(await viaProxy.locator('tbody[data-crossing-id]').count(), 22);
    } finally {
      await viaProxy.close();
      await proxy.stop();
    }
  });
});

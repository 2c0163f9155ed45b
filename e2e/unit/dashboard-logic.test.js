// The dashboard's pure logic (severity, formatting, ordering, SSE parsing) in Node: fast, no browser, no stack.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

const js = name => new URL(`../../delay-analyzer/src/main/resources/META-INF/resources/js/${name}`, import.meta.url).href;
const format = await import(js('format.js'));
const board = await import(js('board.js'));
const sse = await import(js('sse.js'));

const series = (liveWaitMinutes, extra = {}) => ({ direction: 'NORTHBOUND', laneType: 'STANDARD', stale: false, liveWaitMinutes, ...extra });
const crossing = (id, ...list) => ({ id, name: id, northboundTrucksPerYear: 1000, hasData: list.length > 0, series: list });

describe('severity follows alert-service’s live-wait rules', () => {
  test('without rules, its defaults: over 90 minutes a warning, over 180 critical', () => {
    assert.equal(format.seriesSeverity(series(90)), 'ok');
    assert.equal(format.seriesSeverity(series(90.5)), 'warning');
    assert.equal(format.seriesSeverity(series(180)), 'warning');
    assert.equal(format.seriesSeverity(series(181)), 'critical');
  });

  test('the unscoped live-wait rules set the thresholds; rules for one crossing or another measure do not', () => {
    const rule = (severity, threshold, extra = {}) => ({ measure: 'live_wait_minutes', severity, comparison: 'GE', threshold, enabled: true, scope: {}, ...extra });
    format.setLiveWaitThresholds([
      rule('CRITICAL', 1, { scope: { crossingId: 'roma' } }),
      rule('WARNING', 45, { measure: 'queued_now' }),
      rule('WARNING', 60),
      rule('CRITICAL', 120),
    ]);
    try {
      assert.equal(format.seriesSeverity(series(59)), 'ok');
      assert.equal(format.seriesSeverity(series(60)), 'warning');
      assert.equal(format.seriesSeverity(series(120)), 'critical');
      assert.equal(format.thresholdText('critical'), '≥ 2 h 00 min');
    } finally {
      format.setLiveWaitThresholds([]);
    }
    assert.equal(format.thresholdText('critical'), '> 3 h 00 min');
  });

  test('a stale series is stale whatever its last numbers said', () => {
    assert.equal(format.seriesSeverity(series(0, { stale: true })), 'stale');
    assert.equal(format.seriesSeverity(series(400, { stale: true })), 'stale');
  });

  test('no live wait is not a short wait', () => {
    assert.equal(format.seriesSeverity(series(null)), 'quiet');
    assert.equal(format.crossingSeverity(crossing('empty')), 'nodata');
  });

  test('a crossing is as bad as its worst series that is not stale', () => {
    const c = crossing('x', series(30), series(200, { laneType: 'FAST' }), series(500, { direction: 'SOUTHBOUND', stale: true }));
    assert.equal(format.crossingSeverity(c), 'critical');
    assert.equal(format.worstSeries(c).liveWaitMinutes, 200);
  });
});

describe('numbers read as durations, and missing numbers never as 0', () => {
  test('minutes', () => {
    assert.equal(format.minutes(null), '—');
    assert.equal(format.minutes(undefined), '—');
    assert.equal(format.minutes(0), '0 min');
    assert.equal(format.minutes(42.4), '42 min');
    assert.equal(format.minutes(185), '3 h 05 min');
    assert.equal(format.minutesCompact(185), '3h 05m');
    assert.equal(format.signedMinutes(27), '+27 min');
    assert.equal(format.percent(0.456), '46 %');
    assert.equal(format.percent(null), '—');
  });

  test('the analyzer’s local time is shown with the crossing’s zone', () => {
    const clock = format.localClock('2026-01-15T07:05:09', 'America/Phoenix', '2026-01-15T14:05:09Z');
    assert.match(clock, /07:05 MST$/);
  });
});

describe('board order: worst first, stale after live, no data last', () => {
  test('default order is by the longest live wait', () => {
    const ordered = board.sortCrossings([
      crossing('quiet'),
      crossing('stale', series(999, { stale: true })),
      crossing('short', series(20)),
      crossing('long', series(20), series(240, { laneType: 'FAST' })),
      crossing('medium', series(95)),
    ]).map(c => c.id);
    assert.deepEqual(ordered, ['long', 'medium', 'short', 'stale', 'quiet']);
  });

  test('sorting by name is alphabetical whatever the data', () => {
    board.setSort({ key: 'crossing', descending: false });
    try {
      const names = board.sortCrossings([
        { ...crossing('b', series(300)), name: 'Ysleta–Zaragoza Bridge' },
        { ...crossing('a'), name: 'calexico East' },
        { ...crossing('c', series(5)), name: 'Bridge of the Americas' },
      ]).map(c => c.name);
      assert.deepEqual(names, ['Bridge of the Americas', 'calexico East', 'Ysleta–Zaragoza Bridge']);
    } finally {
      board.setSort({ key: 'liveWait', descending: true });
    }
  });

  test('the worst crossing is the one with the longest live wait that is not stale', () => {
    const worst = board.worstCrossing([crossing('a', series(50)), crossing('b', series(700, { stale: true })), crossing('c', series(120))]);
    assert.equal(worst.crossing.id, 'c');
  });
});

describe('Server-Sent Events read from a byte stream', () => {
  const streamOf = (...chunks) => new ReadableStream({
    start(controller) {
      chunks.forEach(c => controller.enqueue(new TextEncoder().encode(c)));
      controller.close();
    },
  });

  test('events split across chunks, with CRLF, comments and multi-line data', async () => {
    const seen = [];
    await sse.readEvents(streamOf(
      ': keep-alive\n\n',
      'event: crossing-delay\r\ndata: {"crossingId":"roma",',
      '"liveWaitMinutes":12}\r\n\r\nevent: alert\ndata: {"a":\ndata: 1}\n\n',
      'data: {"unnamed":true}\n\n',
      'event: alert\ndata: not json\n\n',
    ), (name, data) => seen.push([name, data]));
    assert.deepEqual(seen, [
      ['crossing-delay', { crossingId: 'roma', liveWaitMinutes: 12 }],
      ['alert', { a: 1 }],
      ['message', { unnamed: true }],
    ]);
  });
});

describe('the event stream reconnects by itself', () => {
  test('a stream the server ends is reopened, with the bearer header and a reconnecting state in between', async () => {
    const http = await import('node:http');
    const seenAuth = [];
    const server = http.createServer((req, res) => {
      seenAuth.push(req.headers.authorization);
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.end(`event: alert\ndata: {"n":${seenAuth.length}}\n\n`);
    });
    await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
    const states = [];
    const events = [];
    let stream;
    try {
      await new Promise((resolve, reject) => {
        setTimeout(() => reject(new Error(`no reconnect: ${JSON.stringify(states)}`)), 10000);
        stream = sse.openEventStream(`http://127.0.0.1:${server.address().port}/stream`, {
          headers: () => ({ Authorization: 'Bearer abc' }),
          onState: s => states.push(s.state),
          onEvent: (name, data) => {
            events.push([name, data.n]);
            if (events.length === 2) resolve();
          },
        });
      });
    } finally {
      stream?.close();
      server.close();
    }
    assert.deepEqual(events, [['alert', 1], ['alert', 2]]);
    assert.deepEqual(seenAuth.slice(0, 2), ['Bearer abc', 'Bearer abc']);
    assert.deepEqual(states.slice(0, 4), ['connecting', 'live', 'reconnecting', 'reconnecting']);
    assert.ok(states.includes('live', 2));
  });
});

describe('CBP’s reported wait beside the measured one', () => {
  const reported = (waitMinutes, extra = {}) => ({ waitMinutes, lanesOpen: 4, status: 'DELAY', portOpen: true, updatedAt: new Date().toISOString(), stale: false, ...extra });

  test('the reported number with the difference to the measured one', () => {
    const text = format.reportedText(series(30, { reported: reported(45), reportedMinusMeasuredMinutes: 15 }));
    assert.match(text, />45 min</);
    assert.match(text, /Δ \+15 min vs measured/);
  });

  test('no number is never 0: lanes closed, update pending, nothing from CBP', () => {
    assert.match(format.reportedText(series(30, { reported: reported(null, { status: 'LANES_CLOSED' }) })), /lanes closed/);
    const pending = format.reportedText(series(30, { reported: reported(null, { status: 'UNKNOWN' }) }));
    assert.match(pending, /unknown/);
    assert.match(pending, /update pending/);
    assert.match(format.reportedText(series(30)), /nothing from CBP/);
    assert.doesNotMatch(format.reportedText(series(30, { reported: reported(null, { status: 'UNKNOWN' }) })), /0 min/);
  });

  test('a stale or closed reading says so and is not compared', () => {
    const text = format.reportedText(series(30, { reported: reported(20, { stale: true, portOpen: false }) }));
    assert.match(text, /stale/);
    assert.match(text, /port closed/);
    assert.doesNotMatch(text, /Δ/);
  });

  test('a series only CBP reports is not measured: no severity from a wait nobody measured', () => {
    const cbpOnly = series(null, { measured: false, reported: reported(35) });
    assert.equal(format.seriesSeverity(cbpOnly), 'nodata');
    assert.equal(format.crossingSeverity(crossing('pharr-reynosa', cbpOnly)), 'nodata');
  });
});

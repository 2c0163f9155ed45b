// The dashboard's pure logic (severity, formatting, ordering, SSE parsing) in Node: fast, no browser, no stack.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

const js = name => new URL(`../../delay-analyzer/src/main/resources/META-INF/resources/js/${name}`, import.meta.url).href;
const format = await import(js('format.js'));
const board = await import(js('board.js'));
const sse = await import(js('sse.js'));

const series = (liveWaitMinutes, extra = {}) => ({ direction: 'NORTHBOUND', laneType: 'STANDARD', stale: false, liveWaitMinutes, ...extra });
const crossing = (id, ...list) => ({ id, name: id, northboundTrucksPerYear: 1000, hasData: list.length > 0, series: list });

describe('severity follows the default live-wait alert rules', () => {
  test('below 90 minutes is normal, from 90 a warning, from 180 critical', () => {
    assert.equal(format.seriesSeverity(series(89)), 'ok');
    assert.equal(format.seriesSeverity(series(90)), 'warning');
    assert.equal(format.seriesSeverity(series(179.9)), 'warning');
    assert.equal(format.seriesSeverity(series(180)), 'critical');
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

// The advice panel's pure logic in Node: typed points, map clicks back to coordinates, the query, the parts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

const js = name => new URL(`../../delay-analyzer/src/main/resources/META-INF/resources/js/${name}`, import.meta.url).href;
const advice = await import(js('advice.js'));
const map = await import(js('map.js'));

describe('points typed as lat,lon', () => {
  test('decimal degrees with or without spaces', () => {
    assert.deepEqual(advice.parsePoint('25.6866,-100.3161'), { latitude: 25.6866, longitude: -100.3161 });
    assert.deepEqual(advice.parsePoint(' 29.4 , -98.5 '), { latitude: 29.4, longitude: -98.5 });
  });

  test('out of range or not a point: null, so the page asks again', () => {
    assert.equal(advice.parsePoint('95,-100'), null);
    assert.equal(advice.parsePoint('29,-181'), null);
    assert.equal(advice.parsePoint('Monterrey'), null);
    assert.equal(advice.parsePoint(''), null);
  });
});

describe('a click on the map', () => {
  test('goes back to the coordinates it was drawn from', () => {
    const [lat, lon] = map.unproject(map.project([27.597208, -99.536873]));
    assert.ok(Math.abs(lat - 27.597208) < 1e-9 && Math.abs(lon + 99.536873) < 1e-9);
    assert.equal(advice.formatPoint([27.597208, -99.536873]), '27.5972,-99.5369');
  });
});

describe('the query', () => {
  test('carries every field, and departAt only when chosen', () => {
    const base = { from: '25.6866,-100.3161', to: '29.4241,-98.4936', direction: 'NORTHBOUND', laneType: 'FAST' };
    assert.equal(advice.adviceUrl('', base),
      '/api/v1/advice?from=25.6866%2C-100.3161&to=29.4241%2C-98.4936&direction=NORTHBOUND&laneType=FAST');
    assert.match(advice.adviceUrl('', { ...base, departAt: '2026-12-01T15:00:00.000Z' }), /&departAt=2026-12-01T15%3A00%3A00.000Z$/);
  });
});

describe('the parts of a total', () => {
  const item = {
    commercialHours: 'weekdays 7-24, saturday 7-16, sunday 10-14', flags: [],
    parts: {
      driveToCrossing: { minutes: 121.3, distanceKm: 141.6, source: 'GREAT_CIRCLE' },
      waitForOpening: { minutes: 0 },
      expectedWait: { minutes: 42, source: 'LIVE_AND_PROFILE', liveWeight: 0.5, liveSamples: 12, profileSamples: 30, confidence: 'MEDIUM' },
      crossingTime: { minutes: 15, source: 'PROFILE' },
      driveToDestination: { minutes: 263.1, distanceKm: 306.9, source: 'GREAT_CIRCLE' },
    },
  };

  test('five parts in journey order, each saying where its number came from', () => {
    const parts = advice.itemParts(item);
    assert.deepEqual(parts.map(p => p.part), ['driveToCrossing', 'waitForOpening', 'expectedWait', 'crossingTime', 'driveToDestination']);
    assert.equal(parts[0].source, '142 km, straight line × detour');
    assert.equal(parts[1].source, 'open weekdays 7-24, saturday 7-16, sunday 10-14 (local)');
    assert.equal(parts[2].source, 'live → profile, 12 live samples + 30 profile bins; confidence medium');
    assert.equal(parts[3].source, 'hour-of-week profile');
  });

  test('an unknown wait stays unknown, never 0', () => {
    const unknown = { ...item, parts: { ...item.parts, expectedWait: { minutes: null, source: 'NONE', liveWeight: 0, liveSamples: 0, profileSamples: 0, confidence: 'NONE' } } };
    const wait = advice.itemParts(unknown)[2];
    assert.equal(wait.minutes, null);
    assert.equal(wait.source, 'unknown; confidence none');
  });

  test('CBP’s number is labelled as the officer’s estimate', () => {
    const cbp = { ...item, parts: { ...item.parts, expectedWait: { minutes: 40, source: 'CBP_REPORTED', liveWeight: 1, liveSamples: 0, profileSamples: 0, confidence: 'LOW' } } };
    assert.equal(advice.itemParts(cbp)[2].source, 'CBP reported, officer’s estimate; confidence low');
  });
});

// HTTP and Server-Sent Events with the bearer token.
import { token } from './session.js';

export class ApiError extends Error {
  constructor(status, problem, url) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.url = url;
  }
}

const unauthorizedListeners = new Set();

/** Called when a service rejects the token (401), so the page can ask for a new one. */
export function onUnauthorized(listener) {
  unauthorizedListeners.add(listener);
}

export async function request(url, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json, application/problem+json', Authorization: `Bearer ${token()}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, { title: 'Service unreachable', detail: `${new URL(url, location.href).origin} does not answer` }, url);
  }
  if (response.status === 401) unauthorizedListeners.forEach(l => l());
  const text = await response.text();
  const json = text ? safeJson(text) : null;
  if (!response.ok) throw new ApiError(response.status, json, url);
  return json;
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text.slice(0, 200) };
  }
}

/**
 * Reads an SSE endpoint with fetch() (EventSource cannot send Authorization) and keeps it open: after any
 * loss it reconnects with exponential backoff (1 s doubling to 30 s, with jitter so that a wall of screens does
 * not reconnect in lockstep after a restart). onState receives {state: 'connecting'|'live'|'reconnecting'|
 * 'unauthorized', retryInMs, error}; onOpen runs on every (re)connect so that the caller can reload a snapshot of
 * what it missed.
 */
export function openEventStream(url, { onEvent, onState, onOpen }) {
  let attempt = 0;
  let controller = null;
  let timer = null;
  let stopped = false;

  async function connect() {
    controller = new AbortController();
    onState({ state: attempt === 0 ? 'connecting' : 'reconnecting', retryInMs: 0 });
    try {
      const response = await fetch(url, {
        headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token()}` },
        cache: 'no-store',
        signal: controller.signal,
      });
      if (response.status === 401 || response.status === 403) {
        if (response.status === 401) unauthorizedListeners.forEach(l => l());
        onState({ state: 'unauthorized', error: `HTTP ${response.status}` });
        return;
      }
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      attempt = 0;
      onState({ state: 'live' });
      onOpen?.();
      await readEvents(response.body, onEvent);
      throw new Error('the server closed the stream');
    } catch (error) {
      if (stopped) return;
      attempt += 1;
      const retryInMs = Math.round(Math.min(30000, 1000 * 2 ** (attempt - 1)) * (0.8 + Math.random() * 0.4));
      onState({ state: 'reconnecting', retryInMs, error: error.message });
      timer = setTimeout(connect, retryInMs);
    }
  }

  connect();
  return {
    close() {
      stopped = true;
      clearTimeout(timer);
      controller?.abort();
    },
  };
}

/** The text/event-stream format: fields per line, a blank line ends an event, ':' starts a comment. */
async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let name = 'message';
  let data = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.search(/\r\n|\n|\r(?=[^\n])/)) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + (buffer.startsWith('\r\n', end) ? 2 : 1));
      if (line === '') {
        if (data.length) dispatch(name, data.join('\n'), onEvent);
        name = 'message';
        data = [];
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const val = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') name = val;
        else if (field === 'data') data.push(val);
      }
    }
  }
}

function dispatch(name, text, onEvent) {
  let payload;
  try {
    payload = JSON.parse(text);
  } catch {
    console.warn('ignoring an SSE message that is not JSON', name, text.slice(0, 120));
    return;
  }
  onEvent(name, payload);
}

// Server-Sent Events over fetch(): EventSource cannot send an Authorization header, fetch() can.

/**
 * Reads an SSE endpoint with fetch() (EventSource cannot send Authorization) and keeps it open: after any
 * loss it reconnects with exponential backoff (1 s doubling to 30 s, with jitter so that a wall of screens does
 * not reconnect in lockstep after a restart). onState receives {state: 'connecting'|'live'|'reconnecting'|
 * 'unauthorized', retryInMs, error}; onOpen runs on every (re)connect so that the caller can reload a snapshot of
 * what it missed. With idleTimeoutMs (for a server that sends keep-alive comments), a connection that stays silent
 * longer is taken for dead — a half-open TCP connection otherwise goes unnoticed for many minutes.
 */
export function openEventStream(url, { onEvent, onState, onOpen, headers = () => ({}), idleTimeoutMs = 0 }) {
  let attempt = 0;
  let controller = null;
  let timer = null;
  let stopped = false;

  async function connect() {
    controller = new AbortController();
    let openedAt = null;
    onState({ state: attempt === 0 ? 'connecting' : 'reconnecting', retryInMs: 0 });
    try {
      const response = await fetch(url, {
        headers: { Accept: 'text/event-stream', ...headers() },
        cache: 'no-store',
        signal: controller.signal,
      });
      if (response.status === 401 || response.status === 403) {
        onState({ state: 'unauthorized', status: response.status, error: `HTTP ${response.status}` });
        return;
      }
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      openedAt = Date.now();
      onState({ state: 'live' });
      onOpen?.();
      let idle = null;
      const heard = () => {
        if (!idleTimeoutMs) return;
        clearTimeout(idle);
        idle = setTimeout(() => controller.abort(new Error(`silent for ${Math.round(idleTimeoutMs / 1000)} s`)), idleTimeoutMs);
      };
      heard();
      try {
        await readEvents(response.body, onEvent, heard);
      } finally {
        clearTimeout(idle);
      }
      throw new Error('the server closed the stream');
    } catch (error) {
      if (stopped) return;
      // a connection that held for a while starts the backoff afresh; one that keeps failing at once backs off
      if (openedAt && Date.now() - openedAt > 30000) attempt = 0;
      attempt += 1;
      const retryInMs = Math.round(Math.min(30000, 1000 * 2 ** (attempt - 1)) * (0.8 + Math.random() * 0.4));
      const reason = controller.signal.aborted && controller.signal.reason instanceof Error ? controller.signal.reason : error;
      onState({ state: 'reconnecting', retryInMs, error: reason.message });
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
export async function readEvents(body, onEvent, onBytes = () => {}) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let name = 'message';
  let data = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    onBytes();
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

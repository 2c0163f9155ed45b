// HTTP with the bearer token; the page's Server-Sent Events go through sse.js with the same token.
import { token } from './session.js';
import { openEventStream as openStream } from './sse.js';

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

/** An SSE endpoint of BorderFlow, read with the bearer token; a rejected token asks for a new one. */
export function openEventStream(url, handlers) {
  return openStream(url, {
    ...handlers,
    headers: () => ({ Authorization: `Bearer ${token()}` }),
    onState: state => {
      if (state.state === 'unauthorized' && state.status === 401) unauthorizedListeners.forEach(l => l());
      handlers.onState(state);
    },
  });
}

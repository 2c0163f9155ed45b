// Who is looking (bearer token and its roles) and where the services are.
//
// The token arrives in the URL fragment (#token=…) — fragments never reach a server or its access log — and
// is moved at once to sessionStorage and out of the address bar, so it is neither bookmarked nor shared by a
// copied link, and a closed tab forgets it. An operator can also paste one.

const TOKEN_KEY = 'borderflow.token';

export function takeTokenFromFragment() {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const token = fragment.get('token');
  if (!token) return;
  sessionStorage.setItem(TOKEN_KEY, token.trim());
  fragment.delete('token');
  const rest = fragment.toString();
  history.replaceState(null, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(value) {
  sessionStorage.setItem(TOKEN_KEY, value.trim());
}

export function clearToken() {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** The token's claims (not verified here: the services verify every request). */
export function claims(jwt = token()) {
  if (!jwt) return null;
  try {
    const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(atob(payload).split('').map(c => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''));
    return JSON.parse(json);
  } catch {
    return null;
  }
}

export function user() {
  const c = claims();
  if (!c) return null;
  const groups = Array.isArray(c.groups) ? c.groups : [];
  return {
    name: c.upn ?? c.preferred_username ?? c.sub ?? 'unknown',
    groups,
    role: ['admin', 'oncall', 'operator', 'carrier'].find(r => groups.includes(r)) ?? groups[0] ?? 'none',
    expiresAt: c.exp ? new Date(c.exp * 1000) : null,
    canAcknowledge: groups.includes('oncall') || groups.includes('admin'),
  };
}

export function expired(u = user()) {
  return !!u?.expiresAt && u.expiresAt.getTime() <= Date.now();
}

// a page on its scheme's default port is behind an Ingress or proxy that routes every API on the same host
function baseUrl(param, port) {
  const given = new URLSearchParams(location.search).get(param);
  const url = given || (location.port ? `${location.protocol}//${location.hostname}:${port}` : location.origin);
  return url.replace(/\/+$/, '');
}

/**
 * The analyzer serves this page; ingest and alert-service sit beside it — on ports 8081 and 8083 of its host, or
 * on its own origin when the page has no port of its own (behind an Ingress) — unless ?ingest=…&alerts=… say otherwise.
 */
export const services = {
  analyzer: (new URLSearchParams(location.search).get('analyzer') ?? '').replace(/\/+$/, ''),
  ingest: baseUrl('ingest', 8081),
  alerts: baseUrl('alerts', 8083),
};

// The hub's REST API with the session's bearer token (kept in sessionStorage: gone when the tab closes).
const KEY = 'rtm.token';

export const session = {
  get token() { return sessionStorage.getItem(KEY); },
  set(token, user, role) { sessionStorage.setItem(KEY, token); sessionStorage.setItem('rtm.user', user); sessionStorage.setItem('rtm.role', role); },
  clear() { sessionStorage.removeItem(KEY); },
  get user() { return sessionStorage.getItem('rtm.user'); },
};

export class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

export async function api(method, path, body) {
  const headers = { 'Accept': 'application/json' };
  if (session.token) headers['Authorization'] = 'Bearer ' + session.token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  const data = text ? JSON.parse(text) : null;
  if (!r.ok) {
    if (r.status === 401 && path !== '/api/login') { session.clear(); location.hash = '#/login'; }
    throw new ApiError(r.status, (data && data.error) || r.statusText);
  }
  return data;
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body);

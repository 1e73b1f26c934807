// The REST API, as any client calls it: JSON in and out, the bearer token when the seeker gave one,
// problem documents (RFC 9457) turned into errors that keep their `detail` and the fields they name.

const TOKEN_KEY = 'notapest.token';

/** An answer other than 2xx: its status and its problem document. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `The server answered ${status}.`);
    this.status = status;
    this.problem = problem;
  }
}

let unauthorized = () => {};

/** What to do when the server asks for a token (401): the page shows its token form. */
export function onUnauthorized(handler) {
  unauthorized = handler;
}

// Where the browser keeps nothing for the page (storage turned off), the token lasts as long as the page.
let held = null;

/** The token kept in this browser, or null. */
export function token() {
  try {
    return localStorage.getItem(TOKEN_KEY) ?? held;
  } catch {
    return held;
  }
}

export function keepToken(value) {
  held = value;
  try {
    localStorage.setItem(TOKEN_KEY, value);
  } catch {
    // Held for this page only.
  }
}

export function forgetToken() {
  held = null;
  try {
    localStorage.removeItem(TOKEN_KEY);
  } catch {
    // Nothing was kept.
  }
}

/** A fresh key for `Idempotency-Key`, so that a request retried after a lost answer creates nothing twice. */
export function idempotencyKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** One request; resolves to the response when it is 2xx or 304, throws `ApiError` otherwise. */
export async function call(method, path, { body, headers = {}, type = 'application/json', accept } = {}) {
  const sent = { Accept: accept || 'application/json, application/problem+json', ...headers };
  const kept = token();
  if (kept) sent.Authorization = `Bearer ${kept}`;
  let payload;
  if (body !== undefined) {
    sent['Content-Type'] = type;
    payload = typeof body === 'string' ? body : JSON.stringify(body);
  }
  // A check or a test stores nothing, so only the other POSTs need a key.
  if (method === 'POST' && !/\/(check|test)$/.test(path) && !sent['Idempotency-Key']) {
    sent['Idempotency-Key'] = idempotencyKey();
  }
  let response;
  try {
    response = await fetch(path, { method, headers: sent, body: payload, credentials: 'omit', redirect: 'error' });
  } catch {
    throw new ApiError(0, { title: 'No answer', detail: 'The server did not answer. Is it still running?' });
  }
  if (response.ok) return response;
  let problem;
  try {
    problem = await response.json();
  } catch {
    problem = { title: response.statusText, detail: `The server answered ${response.status}.` };
  }
  const error = new ApiError(response.status, problem || {});
  if (response.status === 401) unauthorized(error);
  throw error;
}

/** GET a JSON document: `{ data, etag }`. */
export async function get(path) {
  const response = await call('GET', path);
  return { data: await response.json(), etag: response.headers.get('ETag') };
}

/** GET a JSON document's body only. */
export async function read(path) {
  return (await get(path)).data;
}

/** A request with a JSON body; the answer's JSON, or null when it has none. */
export async function send(method, path, body, headers = {}) {
  const type = method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
  const response = await call(method, path, { body, headers, type });
  if (response.status === 204) return null;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** Every item of a list as a Map by id. */
export async function byId(path) {
  return new Map((await all(path)).map((item) => [item.id, item]));
}

/** Every item of a list, page after page (at most `limit` pages of 200). */
export async function all(path, limit = 50) {
  const items = [];
  let cursor = null;
  for (let page = 0; page < limit; page++) {
    const join = path.includes('?') ? '&' : '?';
    const data = await read(`${path}${join}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...data.items);
    cursor = data.next_cursor;
    if (!cursor) break;
  }
  return items;
}

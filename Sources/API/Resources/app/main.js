// The page's frame: which view the address names, the token (asked for when the server wants one, kept in
// this browser, forgotten on request), and the one place where a view is drawn.

import { forgetToken, keepToken, onUnauthorized, read, token } from './api.js';
import { field, fill, formError, h, heading, showProblem } from './dom.js';
import { todayView } from './today.js';
import { applicationsView } from './applications.js';
import { applicationView } from './application.js';
import { contactsView, contactView } from './contacts.js';
import { settingsView } from './settings.js';

const main = document.getElementById('main');

const VIEWS = [
  [/^#\/today$/, todayView, 'today'],
  [/^#\/applications$/, applicationsView, 'applications'],
  [/^#\/applications\/(\d+)$/, applicationView, 'applications'],
  [/^#\/contacts$/, contactsView, 'contacts'],
  [/^#\/contacts\/(\d+)$/, contactView, 'contacts'],
  [/^#\/settings$/, settingsView, 'settings'],
];

let turn = 0;
let askingForToken = false;

function showTokenState() {
  const kept = Boolean(token());
  document.getElementById('forget').hidden = !kept;
  document.getElementById('token-state').textContent = kept ? 'The token is kept in this browser.' : '';
}

function tokenView(error) {
  askingForToken = true;
  const wrong = Boolean(token());
  const input = field({
    label: 'Token', name: 'token', type: 'password', required: true,
    hint: 'The one given to the server with --token or NOTAPEST_TOKEN. It stays in this browser until you forget it.',
    attrs: { autocomplete: 'current-password', spellcheck: 'false' },
  });
  const form = h('form', { novalidate: true }, input, formError(),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary', text: 'Use this token' })));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = input.control.value.trim();
    if (!value) {
      showProblem(form, { problem: { detail: 'Give the token.', errors: [{ field: 'token', message: 'Give the token.' }] } });
      return;
    }
    keepToken(value);
    try {
      await read('/v1/settings');
    } catch (failure) {
      forgetToken();
      showTokenState();
      showProblem(form, { problem: { ...failure.problem, errors: [{ field: 'token', message: failure.message }] } });
      return;
    }
    askingForToken = false;
    showTokenState();
    render(true);
  });
  if (performance.getEntriesByName('notapest-view').length === 0) performance.mark('notapest-view');
  fill(main, heading('This server asks for its token'),
    h('p', { text: wrong ? `The token kept in this browser was refused: ${error.message}` : 'Give it once; every request to the API then carries it.' }),
    form);
  showTokenState();
  input.control.focus();
}

onUnauthorized((error) => {
  if (!askingForToken) {
    turn += 1;
    tokenView(error);
  }
});

/** Draws the view the address names. `moved` says the seeker went somewhere, so the heading takes the focus. */
async function render(moved = false) {
  if (!location.hash || location.hash === '#' || location.hash === '#/') {
    history.replaceState(null, '', '#/today');
  }
  const [path, query] = location.hash.split('?');
  const match = VIEWS.map(([pattern, view, nav]) => [pattern.exec(path), view, nav]).find(([m]) => m);
  for (const link of document.querySelectorAll('nav a')) {
    if (match && link.dataset.nav === match[2]) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const mine = ++turn;
  askingForToken = false;
  const line = document.getElementById('announce');
  // What was said about the last view is stale on the next, unless it was said on the way there.
  if (moved && Date.now() - Number(line.dataset.at || 0) > 2000) line.textContent = '';
  main.setAttribute('aria-busy', 'true');
  try {
    if (!match) {
      fill(main, heading('Not found'), h('p', {}, 'Nothing is here. ', h('a', { href: '#/today', text: 'Go to Today' })));
      return;
    }
    const settings = await read('/v1/settings');
    const view = h('div', { class: 'view' });
    const ctx = {
      settings, tz: settings.time_zone, params: new URLSearchParams(query || ''),
      rerender: () => render(false),
    };
    await match[1](view, ctx, ...match[0].slice(1));
    if (mine !== turn) return;
    const focused = document.activeElement;
    const keep = !moved && focused && focused.id ? focused.id : null;
    fill(main, view);
    // For anyone measuring how soon the page is of use (the browser test does).
    if (performance.getEntriesByName('notapest-view').length === 0) performance.mark('notapest-view');
    document.title = `${view.querySelector('h1')?.textContent || 'NotAPest'} · NotAPest`;
    if (moved) view.querySelector('h1')?.focus();
    else if (keep) document.getElementById(keep)?.focus();
  } catch (error) {
    if (mine !== turn || error.status === 401) return;
    fill(main, heading('Something went wrong'), h('p', { class: 'error', text: error.message }),
      h('p', {}, h('a', { href: '#/today', text: 'Go to Today' })));
  } finally {
    if (mine === turn) main.removeAttribute('aria-busy');
    showTokenState();
  }
}

document.getElementById('forget').addEventListener('click', () => {
  forgetToken();
  showTokenState();
  document.getElementById('announce').textContent = 'The token is forgotten.';
  render(true);
});

document.getElementById('skip').addEventListener('click', (event) => {
  event.preventDefault();
  (main.querySelector('h1') || main).focus();
});

window.addEventListener('hashchange', () => render(true));
render(false);

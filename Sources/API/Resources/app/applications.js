// The applications: a list with a status filter and a search, and the form for a new one.

import { all, byId, send } from './api.js';
import { dueText } from './dates.js';
import { announce, field, formError, h, heading, put, showProblem, values } from './dom.js';
import { ACTIONS, applicationName, contactName, label, ROUTES, STATUSES } from './labels.js';

/** The recruiter choice: recruiters first, then everyone else. */
export function recruiterOptions(contacts) {
  const people = [...contacts.values()].sort((a, b) =>
    (a.role === 'recruiter' ? 0 : 1) - (b.role === 'recruiter' ? 0 : 1) || a.name.localeCompare(b.name));
  return [['', 'None'], ...people.map((c) => [String(c.id), contactName(contacts, c.id, { organization: true })])];
}

/** The route, with what the chosen one means beneath it. */
function routeField(value) {
  const wrapper = field({
    label: 'How you reached them', name: 'route', type: 'select', required: true, value,
    options: Object.entries(ROUTES).map(([route, [text]]) => [route, text]), hint: ROUTES[value][1],
  });
  const hint = wrapper.querySelector('.hint');
  wrapper.control.addEventListener('change', () => { hint.textContent = ROUTES[wrapper.control.value][1]; });
  return wrapper;
}

/** The fields of an application, for the new one and for editing one. */
export function applicationFields(contacts, application = {}) {
  return [
    field({ label: 'Employer', name: 'employer', value: application.employer, attrs: { autocomplete: 'organization' } }),
    field({ label: 'Position', name: 'position', value: application.position }),
    routeField(application.route || 'posted_opening'),
    field({
      label: 'Recruiter', name: 'recruiter_id', type: 'select', value: application.recruiter_id ?? '',
      options: recruiterOptions(contacts), hint: 'Needed when a recruiter put you forward or holds your resume.',
    }),
    field({
      label: 'The recruiter allows direct contact with the employer', name: 'direct_contact_permitted',
      type: 'checkbox', checked: Boolean(application.direct_contact_permitted),
    }),
    field({
      label: 'Status', name: 'status', type: 'select', value: application.status || 'active',
      options: Object.entries(STATUSES),
    }),
    field({ label: 'Notes', name: 'notes', type: 'textarea', value: application.notes }),
  ];
}

/** The form's values as the API takes them. */
export function applicationBody(form) {
  const v = values(form);
  return {
    employer: v.employer, position: v.position, route: v.route,
    recruiter_id: v.recruiter_id ? Number(v.recruiter_id) : null,
    direct_contact_permitted: v.direct_contact_permitted, status: v.status, notes: v.notes,
  };
}

function nextActionText(item, ctx) {
  if (!item) return 'Nothing due';
  return `${label(ACTIONS, item.action)}: ${dueText(item, ctx.tz).replace(/^./, (c) => c.toLowerCase())}`;
}

export async function applicationsView(view, ctx) {
  const status = ctx.params.get('status') || '';
  const q = ctx.params.get('q') || '';
  const query = new URLSearchParams();
  if (status) query.set('status', status);
  if (q) query.set('q', q);
  const [items, contacts] = await Promise.all([all(`/v1/applications?${query}`), byId('/v1/contacts')]);

  const filters = h('form', { class: 'filters', role: 'search' },
    field({ label: 'Status', name: 'status', type: 'select', value: status, options: [['', 'Any status'], ...Object.entries(STATUSES)] }),
    field({ label: 'Search employer or position', name: 'q', type: 'search', value: q, attrs: { maxlength: 200 } }),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', text: 'Show' })));
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    const v = values(filters);
    const next = new URLSearchParams();
    if (v.status) next.set('status', v.status);
    if (v.q) next.set('q', v.q);
    location.hash = `#/applications${next.size ? `?${next}` : ''}`;
  });
  filters.querySelector('select').addEventListener('change', () => filters.requestSubmit());

  const list = items.length === 0
    ? h('p', { class: 'empty', text: status || q ? 'No application matches.' : 'No applications yet: add the first one below.' })
    : h('ul', { class: 'cards' }, items.map((a) => h('li', { class: 'card' },
      h('h3', {}, h('a', { href: `#/applications/${a.id}`, text: applicationName(a) })),
      h('p', { class: 'meta' },
        h('span', { class: `badge status-${a.status}`, text: label(STATUSES, a.status) }), ' ',
        label(ROUTES, a.route),
        a.recruiter_id ? ` · ${contactName(contacts, a.recruiter_id)}` : ''),
      h('p', { class: a.next_action?.overdue ? 'next overdue' : 'next', text: nextActionText(a.next_action, ctx) }))));

  const form = h('form', { class: 'new-application', novalidate: true },
    h('div', { class: 'grid' }, applicationFields(contacts)), formError(),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary', text: 'Add the application' })));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const created = await send('POST', '/v1/applications', applicationBody(form));
      announce(`Added ${applicationName(created)}.`);
      location.hash = `#/applications/${created.id}`;
    } catch (error) {
      showProblem(form, error);
    }
  });

  put(view,
    heading('Applications'),
    filters,
    h('p', { class: 'count', role: 'status', text: `${items.length} ${items.length === 1 ? 'application' : 'applications'}` }),
    list,
    h('section', { 'aria-labelledby': 'new-application' },
      h('h2', { id: 'new-application', text: 'A new application' }), form));
}

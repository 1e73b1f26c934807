// The people: a list, a form to add one, and each person's page, to edit them and see where they appear.

import { all, byId, get, send } from './api.js';
import { dateTime } from './dates.js';
import { announce, field, formError, h, heading, put, showProblem, values } from './dom.js';
import { applicationName, KINDS, label, ROLES } from './labels.js';

function contactFields(contact = {}) {
  return [
    field({ label: 'Name', name: 'name', required: true, value: contact.name, attrs: { autocomplete: 'off' } }),
    field({
      label: 'Role', name: 'role', type: 'select', value: contact.role ?? '',
      options: [['', 'Not said'], ['recruiter', 'Recruiter'], ['interviewer', 'Interviewer'],
        ['hiring_manager', 'Hiring manager'], ['referral', 'Referral'], ['other', 'Other']],
    }),
    field({ label: 'Title', name: 'title', value: contact.title }),
    field({ label: 'Organization', name: 'organization', value: contact.organization }),
    field({ label: 'Email', name: 'email', type: 'email', value: contact.email, attrs: { autocomplete: 'off' } }),
    field({ label: 'Phone', name: 'phone', type: 'tel', value: contact.phone, attrs: { autocomplete: 'off' } }),
    field({ label: 'Notes', name: 'notes', type: 'textarea', value: contact.notes }),
  ];
}

function contactBody(form) {
  const v = values(form);
  return {
    name: v.name ?? '', role: v.role, title: v.title, organization: v.organization, email: v.email,
    phone: v.phone, notes: v.notes,
  };
}

export async function contactsView(view, ctx) {
  const contacts = await all('/v1/contacts');
  const form = h('form', { novalidate: true },
    h('div', { class: 'grid' }, contactFields()), formError(),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary', text: 'Add the contact' })));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const created = await send('POST', '/v1/contacts', contactBody(form));
      announce(`Added ${created.name}.`);
      ctx.rerender();
    } catch (error) {
      showProblem(form, error);
    }
  });
  put(view,
    heading('Contacts'),
    contacts.length === 0
      ? h('p', { class: 'empty', text: 'Nobody yet: add the recruiters and the people you meet below.' })
      : h('ul', { class: 'cards people' }, contacts.map((c) => h('li', { class: 'card' },
        h('h3', {}, h('a', { href: `#/contacts/${c.id}`, text: c.name })),
        h('p', { class: 'meta', text: [c.role ? label(ROLES, c.role) : null, c.title, c.organization].filter(Boolean).join(' · ') }),
        c.email || c.phone ? h('p', { text: [c.email, c.phone].filter(Boolean).join(' · ') }) : null))),
    h('section', { 'aria-labelledby': 'new-contact' }, h('h2', { id: 'new-contact', text: 'Add a contact' }), form));
}

/** Where a person appears: the applications they recruit for, and every timeline entry that names them. */
async function appearances(id, applications) {
  const found = [];
  const list = [...applications.values()];
  // A few timelines at a time: enough to be quick, few enough not to crowd the server.
  for (let start = 0; start < list.length; start += 4) {
    const batch = list.slice(start, start + 4);
    const timelines = await Promise.all(batch.map((a) => all(`/v1/applications/${a.id}/events`)));
    batch.forEach((application, index) => {
      const roles = [];
      if (application.recruiter_id === id) roles.push('the recruiter');
      for (const event of timelines[index]) {
        if (event.contact_id === id) roles.push(label(KINDS, event.kind).toLowerCase());
        else if (event.interviewer_ids.includes(id)) roles.push('an interviewer');
        else if (event.follow_up_contact_id === id) roles.push('named in directions');
      }
      if (roles.length) found.push({ application, roles: [...new Set(roles)], events: timelines[index] });
    });
  }
  return found;
}

export async function contactView(view, ctx, idText) {
  const id = Number(idText);
  const [{ data: contact, etag }, applications] = await Promise.all([get(`/v1/contacts/${id}`), byId('/v1/applications')]);
  const found = await appearances(id, applications);
  const form = h('form', { novalidate: true },
    h('div', { class: 'grid' }, contactFields(contact)), formError(),
    h('div', { class: 'buttons' },
      h('button', { type: 'submit', class: 'primary', text: 'Save the changes' }),
      h('button', { type: 'button', class: 'danger', text: 'Delete the contact', on: { click: remove } })));
  async function remove() {
    try {
      await send('DELETE', `/v1/contacts/${id}`, undefined, { 'If-Match': etag });
      announce(`${contact.name} is deleted.`);
      location.hash = '#/contacts';
    } catch (error) {
      // 409 names every reference that keeps the contact.
      showProblem(form, error);
    }
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await send('PATCH', `/v1/contacts/${id}`, contactBody(form), { 'If-Match': etag });
      announce('The contact is saved.');
      ctx.rerender();
    } catch (error) {
      showProblem(form, error);
    }
  });
  put(view,
    heading(contact.name),
    h('p', { class: 'meta', text: [contact.role ? label(ROLES, contact.role) : null, contact.title, contact.organization].filter(Boolean).join(' · ') }),
    h('section', { 'aria-labelledby': 'appears-heading' },
      h('h2', { id: 'appears-heading', text: 'Where they appear' }),
      found.length === 0
        ? h('p', { class: 'empty', text: 'On no application yet.' })
        : h('ul', { class: 'cards' }, found.map(({ application, roles, events }) => {
          const last = events.filter((e) => e.contact_id === id).at(-1);
          return h('li', { class: 'card' },
            h('h3', {}, h('a', { href: `#/applications/${application.id}`, text: applicationName(application) })),
            h('p', { text: roles.join(', ') }),
            last ? h('p', { class: 'meta', text: `Last: ${label(KINDS, last.kind).toLowerCase()}, ${dateTime(last.occurred_at, ctx.tz)}` }) : null);
        }))),
    h('section', { 'aria-labelledby': 'edit-heading' }, h('h2', { id: 'edit-heading', text: 'Details' }), form));
}

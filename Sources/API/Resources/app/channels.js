// Reminder channels (webhook, ntfy, Gotify, Apprise): list, add, test, enable or disable, delete. A server
// without `/v1/channels` answers 404, and then the section is left out.

import { all, send } from './api.js';
import { dateTime } from './dates.js';
import { announce, field, formError, h, showProblem, values } from './dom.js';
import { ACTIONS } from './labels.js';

const KINDS = {
  webhook: 'Webhook (signed, for n8n, Home Assistant, …)',
  ntfy: 'ntfy',
  gotify: 'Gotify',
  apprise: 'Apprise API',
};

function testResult(result) {
  if (result.delivered) return `Delivered (HTTP ${result.status}) in ${result.duration_ms} ms.`;
  const why = result.error || (result.status ? `HTTP ${result.status}` : 'no answer');
  return `Not delivered: ${why} (after ${result.duration_ms} ms).`;
}

function channelCard(channel, ctx) {
  const outcome = h('p', { class: 'outcome', 'aria-live': 'polite' });
  const report = (text, error = false) => {
    outcome.className = error ? 'outcome error' : 'outcome';
    outcome.textContent = text;
  };
  const test = h('button', { type: 'button', text: 'Send a test', 'aria-label': `Send a test to ${channel.name}` });
  test.addEventListener('click', async () => {
    test.disabled = true;
    report('Sending…');
    try {
      report(testResult(await send('POST', `/v1/channels/${channel.id}/test`)));
    } catch (error) {
      report(error.message, true);
    } finally {
      test.disabled = false;
    }
  });
  const toggle = h('button', { type: 'button', text: channel.enabled ? 'Disable' : 'Enable',
    'aria-label': `${channel.enabled ? 'Disable' : 'Enable'} ${channel.name}` });
  toggle.addEventListener('click', async () => {
    try {
      await send('PATCH', `/v1/channels/${channel.id}`, { enabled: !channel.enabled });
      announce(`${channel.name} is ${channel.enabled ? 'disabled' : 'enabled'}.`);
      ctx.rerender();
    } catch (error) {
      report(error.message, true);
    }
  });
  const remove = h('button', { type: 'button', class: 'danger', text: 'Delete', 'aria-label': `Delete ${channel.name}` });
  remove.addEventListener('click', async () => {
    try {
      await send('DELETE', `/v1/channels/${channel.id}`);
      announce(`${channel.name} is deleted.`);
      ctx.rerender();
    } catch (error) {
      report(error.message, true);
    }
  });
  const mode = channel.mode === 'digest' ? `a digest a day at ${channel.digest_at}` : 'one message per item';
  return h('li', { class: channel.enabled ? 'card' : 'card disabled' },
    h('h3', { text: channel.name }),
    h('p', { class: 'meta', text: `${KINDS[channel.kind] || channel.kind} · ${mode}` }),
    h('p', { class: 'url', text: channel.url }),
    channel.enabled ? null
      : h('p', { class: 'notice', text: `Disabled${channel.disabled_reason ? `: ${channel.disabled_reason}` : ''}.` }),
    h('p', { class: 'meta', text: `Added ${dateTime(channel.created_at, ctx.tz)}` }),
    h('div', { class: 'buttons' }, test, toggle, remove),
    outcome);
}

function channelForm(ctx) {
  const actionIds = Object.keys(ACTIONS);
  const form = h('form', { novalidate: true },
    h('div', { class: 'grid' },
      field({ label: 'Name', name: 'name', required: true }),
      field({ label: 'Kind', name: 'kind', type: 'select', options: Object.entries(KINDS) }),
      field({ label: 'Address (URL)', name: 'url', type: 'url', required: true,
        hint: 'ntfy: server and topic. Gotify: the server. Apprise: its notify URL. Webhook: the endpoint.' }),
      field({ label: 'Access token', name: 'token', type: 'password', attrs: { autocomplete: 'off' },
        hint: 'ntfy (optional) and Gotify (required). Never shown again.' }),
      field({ label: 'Send', name: 'mode', type: 'select',
        options: [['each', 'One message per item'], ['digest', 'A digest once a day']] }),
      field({ label: 'Digest at', name: 'digest_at', type: 'time', value: '08:00' })),
    h('fieldset', { class: 'field', 'data-field': 'actions' },
      h('legend', { text: 'Remind me to' }),
      actionIds.map((action) => {
        const id = `channel-action-${action}`;
        return h('div', { class: 'check' },
          h('input', { type: 'checkbox', id, name: 'actions', value: action, checked: true, 'data-multi': '1' }),
          h('label', { for: id, text: ACTIONS[action] }));
      }),
      h('p', { class: 'error', hidden: true })),
    formError(),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary', text: 'Add the channel' })));
  const secret = h('div', { 'aria-live': 'polite' });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const v = values(form);
    const body = { name: v.name ?? '', kind: v.kind, url: v.url ?? '', mode: v.mode, actions: v.actions };
    if (v.token) body.token = v.token;
    if (v.mode === 'digest' && v.digest_at) body.digest_at = v.digest_at;
    try {
      const created = await send('POST', '/v1/channels', body);
      announce(`${created.name} is added.`);
      if (created.secret) {
        // The signing secret is shown once, by the answer that made it.
        secret.replaceChildren(h('div', { class: 'notice' },
          h('p', { text: 'The signing secret, shown this once: keep it where the webhook checks signatures.' }),
          h('p', {}, h('code', { class: 'secret', text: created.secret })),
          h('button', { type: 'button', text: 'Done, reload the list', on: { click: () => ctx.rerender() } })));
      } else ctx.rerender();
    } catch (error) {
      showProblem(form, error);
    }
  });
  return h('div', {}, form, secret);
}

/** The section, or null when the server has no reminder channels. */
export async function channelsSection(ctx) {
  let channels;
  try {
    channels = await all('/v1/channels');
  } catch (error) {
    if (error.status === 404) return null;
    throw error;
  }
  return h('section', { 'aria-labelledby': 'channels-heading' },
    h('h2', { id: 'channels-heading', text: 'Reminder channels' }),
    h('p', { class: 'hint', text: 'Where reminders go when something falls due.' }),
    channels.length === 0
      ? h('p', { class: 'empty', text: 'No channel yet.' })
      : h('ul', { class: 'cards' }, channels.map((c) => channelCard(c, ctx))),
    h('h3', { text: 'Add a channel' }),
    channelForm(ctx));
}

// Settings: the time zone (from the list the server accepts), weekends, every cadence parameter with what
// the rules do with it, quiet hours and reminder channels where the server has them, the calendar feed, and
// the whole data set out and back in.

import { call, read, send } from './api.js';
import { announce, field, formError, h, heading, put, showProblem, values } from './dom.js';
import { PARAMETERS } from './labels.js';
import { channelsSection } from './channels.js';

const NOT_PARAMETERS = new Set(['time_zone', 'skip_weekends', 'feed_token', 'quiet_hours_start', 'quiet_hours_end']);

async function zoneNames() {
  try {
    return (await read('/v1/time-zones')).time_zones;
  } catch (error) {
    // A server without the list: the browser's own, which the server checks on saving anyway.
    if (error.status === 404 && typeof Intl.supportedValuesOf === 'function') return Intl.supportedValuesOf('timeZone');
    throw error;
  }
}

/** What a parameter is for, in the words of the rules that read it. */
function meaning(name, guidance) {
  const rules = guidance.rules.filter((rule) => Object.hasOwn(rule.parameters, name));
  return rules.map((rule) => `${rule.summary} (${rule.id})`).join(' ');
}

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function today() {
  return new Date().toISOString().slice(0, 10);
}

function guidanceForm(settings, guidance, zones, ctx) {
  const listId = 'time-zone-names';
  const parameters = Object.keys(settings)
    .filter((name) => !NOT_PARAMETERS.has(name) && typeof settings[name] === 'number');
  const hasQuietHours = Object.hasOwn(settings, 'quiet_hours_start');
  const form = h('form', { class: 'settings', novalidate: true },
    field({
      label: 'Time zone', name: 'time_zone', value: settings.time_zone, required: true,
      hint: `Days, deadlines and weekends are counted in this zone. Type to search ${zones.length} names, such as Europe/Berlin.`,
      attrs: { list: listId, autocomplete: 'off', spellcheck: 'false' },
    }),
    h('datalist', { id: listId }, zones.map((zone) => h('option', { value: zone }))),
    field({
      label: 'Skip weekends: a wait that would end on a Saturday or Sunday runs to the Monday',
      name: 'skip_weekends', type: 'checkbox', checked: settings.skip_weekends,
    }),
    h('fieldset', { class: 'parameters' },
      h('legend', { text: 'Cadence' }),
      h('div', { class: 'grid wide' }, parameters.map((name) => {
        const [text, unit, min, max] = PARAMETERS[name] || [name, '', 0, undefined];
        const about = meaning(name, guidance);
        return field({
          label: `${text} (${unit})`, name, type: 'number', value: settings[name],
          hint: `${about}${about ? ' ' : ''}From ${min}${max === undefined ? '' : ` to ${max}`}.`,
          attrs: { min, max, step: 1, inputmode: 'numeric' },
        });
      }))),
    hasQuietHours
      ? h('fieldset', { class: 'quiet' },
        h('legend', { text: 'Quiet hours' }),
        h('p', { class: 'hint', text: 'Reminders that fall due between these times wait until the quiet hours end. Leave both empty for none.' }),
        h('div', { class: 'grid' },
          field({ label: 'From', name: 'quiet_hours_start', type: 'time', value: settings.quiet_hours_start ?? '' }),
          field({ label: 'Until', name: 'quiet_hours_end', type: 'time', value: settings.quiet_hours_end ?? '' })))
      : null,
    formError(),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary', text: 'Save the settings' })));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const v = values(form);
    const body = { time_zone: v.time_zone ?? '', skip_weekends: v.skip_weekends };
    for (const name of parameters) {
      const text = v[name];
      // Whole numbers go as numbers; anything else as typed, for the server to name the field at fault.
      body[name] = text !== null && /^-?\d+$/.test(text) ? Number(text) : text;
    }
    if (hasQuietHours) {
      body.quiet_hours_start = v.quiet_hours_start;
      body.quiet_hours_end = v.quiet_hours_end;
    }
    try {
      await send('PUT', '/v1/settings', body);
      announce(`The settings are saved. Times are shown in ${body.time_zone}.`);
      ctx.rerender();
    } catch (error) {
      showProblem(form, error);
    }
  });
  return form;
}

function feedSection(settings) {
  const url = `${location.origin}/v1/agenda.ics?feed_token=${encodeURIComponent(settings.feed_token)}`;
  const box = field({
    label: 'Calendar feed address', name: 'feed_url', value: url,
    hint: 'Subscribe to it in a calendar app. It shows the agenda and opens nothing else.', attrs: { readonly: true },
  });
  const copy = h('button', { type: 'button', text: 'Copy the address' });
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // Without the clipboard (a page on plain HTTP elsewhere than this machine), select it for copying by hand.
      box.control.select();
      announce('Select and copy the address by hand: this browser keeps the clipboard from this page.');
      return;
    }
    announce('The feed address is copied.');
  });
  const form = h('form', { novalidate: true }, box, formError(), h('div', { class: 'buttons' }, copy,
    h('button', {
      type: 'submit', text: 'Make a new address',
      'aria-describedby': 'rotate-hint',
    })), h('p', { class: 'hint', id: 'rotate-hint', text: 'A new address stops the old one at once.' }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const { feed_token: next } = await send('POST', '/v1/settings/feed-token');
      box.control.value = `${location.origin}/v1/agenda.ics?feed_token=${encodeURIComponent(next)}`;
      announce('A new feed address is made; the old one no longer works.');
    } catch (error) {
      showProblem(form, error);
    }
  });
  return h('section', { 'aria-labelledby': 'feed-heading' }, h('h2', { id: 'feed-heading', text: 'Calendar feed' }), form);
}

function dataSection(ctx) {
  const failed = formError();
  const downloader = (text, path, accept, name, done) => {
    const button = h('button', { type: 'button', text });
    button.addEventListener('click', async () => {
      failed.hidden = true;
      try {
        const response = await call('GET', path, { accept });
        download(await response.blob(), name);
        announce(done);
      } catch (error) {
        failed.textContent = error.message;
        failed.hidden = false;
      }
    });
    return button;
  };
  const exportButton = downloader('Download everything (JSON)', '/v1/export', 'application/json',
    `notapest-export-${today()}.json`, 'The export is downloaded.');
  const csvButton = downloader('Download the applications (CSV)', '/v1/applications.csv', 'text/csv',
    `notapest-applications-${today()}.csv`, 'The spreadsheet is downloaded.');
  const file = field({
    label: 'Export file to import', name: 'file', type: 'file', attrs: { accept: 'application/json,.json' },
    hint: 'Only into an empty database: a server that holds data refuses, and nothing changes.',
  });
  const form = h('form', { novalidate: true }, file, formError(),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', text: 'Import' })));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = file.control.files[0];
    if (!chosen) {
      showProblem(form, { problem: { detail: 'Choose a file.', errors: [{ field: 'file', message: 'Choose an export file first.' }] } });
      return;
    }
    try {
      const response = await call('POST', '/v1/import', { body: await chosen.text() });
      const result = await response.json();
      announce(`Imported ${result.contacts} contacts, ${result.applications} applications and ${result.events} events.`);
      ctx.rerender();
    } catch (error) {
      showProblem(form, error);
    }
  });
  return h('section', { 'aria-labelledby': 'data-heading' },
    h('h2', { id: 'data-heading', text: 'Export and import' }),
    h('div', { class: 'buttons' }, exportButton, csvButton), failed, form);
}

export async function settingsView(view, ctx) {
  const [settings, guidance, zones, channels] = await Promise.all([
    read('/v1/settings'), read('/v1/guidance'), zoneNames(), channelsSection(ctx),
  ]);
  put(view,
    heading('Settings'),
    h('section', { 'aria-labelledby': 'guidance-heading' },
      h('h2', { id: 'guidance-heading', text: 'Time and cadence' }),
      guidanceForm(settings, guidance, zones, ctx)),
    channels,
    feedSection(settings),
    dataSection(ctx));
}

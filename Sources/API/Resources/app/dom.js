// Building the page from elements (never from HTML text, so nothing the data holds can become markup),
// labelled form fields, and problem documents shown beside the fields they name.

let counter = 0;

/** A unique id for an element, so that labels and descriptions can point at it. */
export function uid(prefix = 'f') {
  counter += 1;
  return `${prefix}-${counter}`;
}

/**
 * An element: `h('p', { class: 'hint', text: 'Hello' }, child, …)`. Props: `class`, `text`, `on` (events),
 * `hidden`, `checked`, `value`, `selected`, `disabled`, `required`; anything else becomes an attribute.
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'text') element.textContent = value;
    else if (name === 'on') for (const [event, handler] of Object.entries(value)) element.addEventListener(event, handler);
    else if (['hidden', 'checked', 'value', 'selected', 'disabled', 'required', 'multiple'].includes(name)) {
      element[name] = value;
    } else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

/** Appends children to an element, leaving out null, undefined and false (which `Element.append` would write). */
export function put(element, ...children) {
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces an element's children. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/**
 * A labelled field: `{ label, name, type, value, hint, required, options: [[value, text], …], attrs }`.
 * Returns the wrapper; `wrapper.control` is the input, select or textarea.
 */
export function field({ label, name, type = 'text', value, hint, required, options, attrs = {}, checked }) {
  const id = uid(name);
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  let control;
  const common = { id, name, required, 'aria-describedby': [hintId, errorId].filter(Boolean).join(' '), ...attrs };
  if (type === 'select') {
    // An option is [value, text]; a group is [label, [[value, text], …]].
    const option = ([v, text]) => Array.isArray(text)
      ? h('optgroup', { label: v }, text.map(option))
      : h('option', { value: v, text });
    control = h('select', common, (options || []).map(option));
    if (value !== undefined && value !== null) control.value = String(value);
  } else if (type === 'textarea') {
    control = h('textarea', { ...common, rows: attrs.rows || 3 });
    control.value = value ?? '';
  } else {
    control = h('input', { ...common, type, checked });
    if (value !== undefined && value !== null && type !== 'checkbox') control.value = String(value);
  }
  const labelElement = h('label', { for: id }, label, required ? h('span', { class: 'required', text: ' (required)' }) : null);
  const parts = type === 'checkbox'
    ? [h('div', { class: 'check' }, control, labelElement)]
    : [labelElement, control];
  const wrapper = h('div', { class: 'field', 'data-field': name },
    parts,
    hint ? h('p', { class: 'hint', id: hintId, text: hint }) : null,
    h('p', { class: 'error', id: errorId, hidden: true }));
  wrapper.control = control;
  return wrapper;
}

/** Clears the errors a form shows. */
export function clearProblem(form) {
  for (const error of form.querySelectorAll('.error')) {
    error.hidden = true;
    error.textContent = '';
  }
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
}

/**
 * Shows an API error in a form: each entry of `errors` beside the field it names (`interviewer_ids[1]` is
 * the field `interviewer_ids`), and the problem's `detail` in the form's own message when no field takes it.
 */
export function showProblem(form, error) {
  clearProblem(form);
  const problem = error.problem || { detail: error.message };
  let placed = false;
  let unplaced = false;
  let first = null;
  for (const { field: name, message } of problem.errors || []) {
    const base = String(name).replace(/\[.*$/, '').replace(/\..*$/, '');
    const wrapper = form.querySelector(`[data-field="${CSS.escape(base)}"]`);
    if (!wrapper) {
      unplaced = true;
      continue;
    }
    const slot = wrapper.querySelector('.error');
    slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
    slot.hidden = false;
    const control = wrapper.control || wrapper.querySelector('input, select, textarea');
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      first = first || control;
    }
    placed = true;
  }
  const general = form.querySelector('.form-error');
  if (general && (!placed || unplaced)) {
    general.textContent = problem.detail || error.message;
    general.hidden = false;
  }
  (first || general)?.focus?.();
}

/** The form's own message area, for problems no field takes. */
export function formError() {
  return h('p', { class: 'error form-error', role: 'alert', tabindex: '-1', hidden: true });
}

/** Says something to the seeker and to screen readers, in the page's status line. */
export function announce(text) {
  const line = document.getElementById('announce');
  if (!line) return;
  line.textContent = '';
  line.dataset.at = String(Date.now());
  // A fresh text node is read out even when the same words come twice.
  requestAnimationFrame(() => { line.textContent = text; });
}

/** The values of a form's named controls: text trimmed, empty as null, checkboxes as booleans. */
export function values(form) {
  const out = {};
  for (const control of form.elements) {
    if (!control.name || control.disabled) continue;
    if (control.type === 'checkbox') {
      if (control.dataset.multi) {
        out[control.name] = out[control.name] || [];
        if (control.checked) out[control.name].push(control.value);
      } else out[control.name] = control.checked;
    } else {
      const text = control.value.trim();
      out[control.name] = text === '' ? null : text;
    }
  }
  return out;
}

/** Turns a page heading into where the keyboard and screen readers start after a view changes. */
export function heading(text, level = 'h1') {
  return h(level, { tabindex: '-1', text });
}

/** A button that runs an async action, disabled while it runs. */
export function actionButton(text, action, props = {}) {
  const button = h('button', { type: 'button', ...props, text });
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await action(button);
    } finally {
      if (button.isConnected) button.disabled = false;
    }
  });
  return button;
}

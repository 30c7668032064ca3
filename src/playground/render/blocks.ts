// Block Kit as Slack draws it, as escaped HTML: the blocks and elements this app sends (and the common
// others), with the data attributes the page's script reads to send clicks, choices and form values
// back as Slack would (block_id, action_id, the element's type).
import { EMPTY, type Html, html, join } from './html.ts';
import { mrkdwnHtml, type NameResolver, plainTextHtml } from './mrkdwn.ts';

export type Json = Record<string, unknown>;

/** `view.state.values` as Slack keeps it: block_id → action_id → the element's value. */
export type StateValues = Record<string, Record<string, Json>>;

export interface RenderContext {
  names: NameResolver;
  /** The people a users_select offers. */
  people: readonly { id: string; name: string }[];
  /** Where the blocks are: a message dispatches every element at once; in a modal only actions blocks and dispatch_action inputs do. */
  surface: 'message' | 'modal' | 'home';
  /** Current values (a modal's state), preferred to the elements' initial values. */
  state?: StateValues;
  /** view_submission errors by block_id. */
  errors?: Readonly<Record<string, string>>;
}

function obj(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}
function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.map(obj).filter((v): v is Json => v !== undefined) : [];
}
function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A text object (plain_text or mrkdwn). */
export function textObject(value: unknown, ctx: Pick<RenderContext, 'names'>): Html {
  const t = obj(value);
  if (!t) return EMPTY;
  const content = str(t.text) ?? '';
  return t.type === 'mrkdwn' ? mrkdwnHtml(content, ctx.names) : plainTextHtml(content, t.emoji !== false);
}

/** The text of a plain_text object, for places that only take text (option labels, placeholders). */
function plainOf(value: unknown): string {
  return str(obj(value)?.text) ?? '';
}

export function renderBlocks(blocks: unknown, ctx: RenderContext): Html {
  return join(list(blocks).map((block) => renderBlock(block, ctx)));
}

function renderBlock(block: Json, ctx: RenderContext): Html {
  const blockId = str(block.block_id) ?? '';
  switch (block.type) {
    case 'header':
      return html`<div class="bk-header" data-block="${blockId}">${textObject(block.text, ctx)}</div>`;
    case 'divider':
      return html`<hr class="bk-divider" />`;
    case 'section':
      return section(block, blockId, ctx);
    case 'context':
      return html`<div class="bk-context" data-block="${blockId}">
        ${list(block.elements).map((element) =>
          element.type === 'image'
            ? image(element, 'bk-context-image')
            : html`<span class="bk-context-text">${textObject(element, ctx)}</span>`,
        )}
      </div>`;
    case 'actions':
      return html`<div class="bk-actions" data-block="${blockId}">
        ${list(block.elements).map((element) => renderElement(element, blockId, ctx, true))}
      </div>`;
    case 'input':
      return input(block, blockId, ctx);
    case 'image':
      return html`<figure class="bk-image" data-block="${blockId}">
        ${block.title ? html`<figcaption>${textObject(block.title, ctx)}</figcaption>` : EMPTY}${image(block, 'bk-image-img')}
      </figure>`;
    case 'rich_text':
      return html`<div class="bk-section" data-block="${blockId}">${richText(block)}</div>`;
    default:
      return html`<div class="bk-unknown" data-block="${blockId}">[${String(block.type)} block]</div>`;
  }
}

function section(block: Json, blockId: string, ctx: RenderContext): Html {
  const fields = list(block.fields);
  const accessory = obj(block.accessory);
  return html`<div class="bk-section" data-block="${blockId}">
    <div class="bk-section-body">
      ${block.text ? html`<div class="bk-text">${textObject(block.text, ctx)}</div>` : EMPTY}
      ${fields.length ? html`<div class="bk-fields">${fields.map((f) => html`<div class="bk-field">${textObject(f, ctx)}</div>`)}</div>` : EMPTY}
    </div>
    ${accessory ? html`<div class="bk-accessory">${accessory.type === 'image' ? image(accessory, 'bk-accessory-image') : renderElement(accessory, blockId, ctx, true)}</div>` : EMPTY}
  </div>`;
}

function input(block: Json, blockId: string, ctx: RenderContext): Html {
  const element = obj(block.element) ?? {};
  const error = ctx.errors?.[blockId];
  const dispatch = block.dispatch_action === true;
  return html`<div class="bk-input${error ? ' has-error' : ''}" data-block="${blockId}">
    <label class="bk-label"
      >${textObject(block.label, ctx)}${block.optional === true ? html` <span class="bk-optional">(optional)</span>` : EMPTY}</label
    >
    ${renderElement(element, blockId, ctx, dispatch, plainOf(block.label))}
    ${block.hint ? html`<div class="bk-hint">${textObject(block.hint, ctx)}</div>` : EMPTY}
    ${error ? html`<div class="bk-error" role="alert">${error}</div>` : EMPTY}
  </div>`;
}

function image(element: Json, className: string): Html {
  const url = str(element.image_url) ?? '';
  const alt = str(element.alt_text) ?? '';
  // Only web and local addresses: a javascript: or data: URL from a message is not followed.
  if (!/^(https?:\/\/|\/files\/)/i.test(url)) return html`<span class="${className} missing">${alt}</span>`;
  return html`<img class="${className}" src="${url}" alt="${alt}" loading="lazy" />`;
}

function richText(block: Json): Html {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    const o = obj(node);
    if (!o) return;
    if (typeof o.text === 'string') parts.push(o.text);
    for (const child of list(o.elements)) walk(child);
  };
  walk(block);
  return html`<div class="bk-text">${parts.join('')}</div>`;
}

/** The current value of an element: its state in the view if any, else its initial value. */
function current(blockId: string, actionId: string, ctx: RenderContext): Json | undefined {
  return ctx.state?.[blockId]?.[actionId];
}

function attrs(kind: string, blockId: string, actionId: string, dispatch: boolean): Html {
  return html`data-kind="${kind}" data-block="${blockId}" data-action="${actionId}" data-dispatch="${dispatch || ''}"`;
}

export function renderElement(
  element: Json,
  blockId: string,
  ctx: RenderContext,
  dispatch: boolean,
  label?: string,
): Html {
  const actionId = str(element.action_id) ?? '';
  const type = str(element.type) ?? '';
  const a = label
    ? html`${attrs(type, blockId, actionId, dispatch)} aria-label="${label}"`
    : attrs(type, blockId, actionId, dispatch);
  const state = current(blockId, actionId, ctx);
  const placeholder = plainOf(element.placeholder);
  switch (type) {
    case 'button': {
      const style = str(element.style);
      const url = str(element.url);
      return html`<button
          type="button"
          class="bk-button${style ? ` bk-${style}` : ''}"
          ${a}
          data-url="${url && /^https?:\/\//.test(url) ? url : ''}"
        >
          ${textObject(element.text, ctx)}</button
        >${confirm(element.confirm, ctx)}`;
    }
    case 'static_select': {
      const chosen = state ? str(obj(state.selected_option)?.value) : str(obj(element.initial_option)?.value);
      const groups = list(element.option_groups);
      const options = (items: Json[]) =>
        items.map(
          (o) =>
            html`<option value="${str(o.value) ?? ''}" ${str(o.value) === chosen ? html`selected` : EMPTY}>
              ${plainOf(o.text)}
            </option>`,
        );
      return html`<span class="bk-select-wrap"
          ><select class="bk-select" ${a}>
            <option value="" ${chosen === undefined ? html`selected` : EMPTY} disabled>
              ${placeholder || 'Select an item'}
            </option>
            ${groups.length ? groups.map((g) => html`<optgroup label="${plainOf(g.label)}">${options(list(g.options))}</optgroup>`) : options(list(element.options))}
          </select></span
        >${confirm(element.confirm, ctx)}`;
    }
    case 'external_select': {
      const chosen = state ? obj(state.selected_option) : obj(element.initial_option);
      const min = typeof element.min_query_length === 'number' ? element.min_query_length : 3;
      return html`<div
        class="bk-external"
        ${attrs(type, blockId, actionId, dispatch)}
        data-min="${min}"
        data-value="${str(chosen?.value) ?? ''}"
        data-text="${plainOf(chosen?.text)}"
      >
        <input
          type="text"
          class="bk-external-input"
          aria-label="${label ?? placeholder}"
          autocomplete="off"
          role="combobox"
          aria-expanded="false"
          placeholder="${placeholder || 'Type to search'}"
          value="${plainOf(chosen?.text)}"
        />
        <ul class="bk-menu bk-external-options" role="listbox" hidden></ul>
      </div>`;
    }
    case 'users_select': {
      const chosen = state ? str(state.selected_user) : str(element.initial_user);
      return html`<span class="bk-select-wrap"
        ><select class="bk-select" ${a}>
          <option value="" ${chosen === undefined ? html`selected` : EMPTY} disabled>
            ${placeholder || 'Select a person'}
          </option>
          ${ctx.people.map((p) => html`<option value="${p.id}" ${p.id === chosen ? html`selected` : EMPTY}>${p.name}</option>`)}
        </select></span
      >`;
    }
    case 'overflow':
      return html`<div class="bk-overflow" ${a}>
          <button type="button" class="bk-button bk-overflow-toggle" aria-label="More actions">⋯</button>
          <ul class="bk-menu" role="menu" hidden>
            ${list(element.options).map((o) => html`<li role="menuitem" tabindex="0" data-value="${str(o.value) ?? ''}">${plainOf(o.text)}</li>`)}
          </ul>
        </div>
        ${confirm(element.confirm, ctx)}`;
    case 'datepicker': {
      const date = state ? str(state.selected_date) : str(element.initial_date);
      return html`<input type="date" class="bk-date" ${a} value="${date ?? ''}" placeholder="${placeholder}" />`;
    }
    case 'timepicker': {
      const time = state ? str(state.selected_time) : str(element.initial_time);
      return html`<input type="time" class="bk-time" ${a} value="${time ?? ''}" />`;
    }
    case 'radio_buttons': {
      const chosen = state ? str(obj(state.selected_option)?.value) : str(obj(element.initial_option)?.value);
      return html`<div class="bk-choices" ${a} role="radiogroup">
        ${list(element.options).map(
          (o) =>
            html`<label class="bk-choice"
              ><input
                type="radio"
                name="${blockId}/${actionId}"
                value="${str(o.value) ?? ''}"
                ${str(o.value) === chosen ? html`checked` : EMPTY}
              />
              <span
                ><span class="bk-choice-text">${textObject(o.text, ctx)}</span
                >${o.description ? html`<span class="bk-choice-description">${textObject(o.description, ctx)}</span>` : EMPTY}</span
              ></label
            >`,
        )}
      </div>`;
    }
    case 'checkboxes': {
      const chosenList = state ? list(state.selected_options) : list(element.initial_options);
      const chosen = new Set(chosenList.map((o) => str(o.value)));
      return html`<div class="bk-choices" ${a}>
        ${list(element.options).map(
          (o) =>
            html`<label class="bk-choice"
              ><input
                type="checkbox"
                value="${str(o.value) ?? ''}"
                ${chosen.has(str(o.value)) ? html`checked` : EMPTY}
              />
              <span
                ><span class="bk-choice-text">${textObject(o.text, ctx)}</span
                >${o.description ? html`<span class="bk-choice-description">${textObject(o.description, ctx)}</span>` : EMPTY}</span
              ></label
            >`,
        )}
      </div>`;
    }
    case 'plain_text_input': {
      const value = state ? (str(state.value) ?? '') : (str(element.initial_value) ?? '');
      const maxLength = typeof element.max_length === 'number' ? html`maxlength="${element.max_length}"` : EMPTY;
      return element.multiline === true
        ? html`<textarea class="bk-text-input" ${a} rows="4" placeholder="${placeholder}" ${maxLength}>
${value}</textarea>`
        : html`<input
            type="text"
            class="bk-text-input"
            ${a}
            value="${value}"
            placeholder="${placeholder}"
            ${maxLength}
          />`;
    }
    case 'number_input':
    case 'email_text_input':
    case 'url_text_input': {
      const value = state ? (str(state.value) ?? '') : (str(element.initial_value) ?? '');
      const inputType = type === 'number_input' ? 'text' : type === 'email_text_input' ? 'email' : 'url';
      const mode = type === 'number_input' ? (element.is_decimal_allowed === true ? 'decimal' : 'numeric') : '';
      return html`<input
        type="${inputType}"
        inputmode="${mode}"
        class="bk-text-input"
        ${a}
        value="${value}"
        placeholder="${placeholder}"
      />`;
    }
    case 'image':
      return image(element, 'bk-accessory-image');
    default:
      return html`<span class="bk-unknown">[${type} element]</span>`;
  }
}

/** A confirmation dialog, kept in a template beside its element; the script shows it before dispatching. */
function confirm(value: unknown, ctx: RenderContext): Html {
  const dialog = obj(value);
  if (!dialog) return EMPTY;
  return html`<template class="bk-confirm" data-style="${str(dialog.style) ?? ''}">
    <div class="confirm-title">${textObject(dialog.title, ctx)}</div>
    <div class="confirm-text">${textObject(dialog.text, ctx)}</div>
    <div class="confirm-buttons">
      <button type="button" class="bk-button confirm-deny">
        ${dialog.deny ? textObject(dialog.deny, ctx) : html`Cancel`}
      </button>
      <button type="button" class="bk-button ${str(dialog.style) === 'danger' ? 'bk-danger' : 'bk-primary'} confirm-ok">
        ${dialog.confirm ? textObject(dialog.confirm, ctx) : html`Yes`}
      </button>
    </div>
  </template>`;
}

// Small typed constructors for Block Kit objects that enforce Slack's size limits
// (shared/slack/platform-notes.md §4), so builders cannot produce a payload Slack would reject. Every
// text they take is Markup (src/i18n/markup.ts): text a person typed reaches them only escaped.
import type { types } from '@slack/bolt';
import { truncate } from '../format.ts';
import { CALLBACK_IDS } from '../ids.ts';
import { joinMarkup, type Markup, ours } from '../../i18n/markup.ts';
import type { Presenter } from '../../i18n/presenter.ts';

export type KnownBlock = types.KnownBlock;
export type ModalView = types.ModalView;
export type HomeView = types.HomeView;
export type Button = types.Button;
export type PlainTextOption = types.PlainTextOption;
export type InputBlockElement = types.InputBlockElement;
export type ActionsBlockElement = types.ActionsBlockElement;
export type ConfirmationDialog = types.ConfirmationDialog;

/** A message body: fallback text (notifications, screen readers) plus blocks. */
export interface Message {
  text: Markup;
  blocks: KnownBlock[];
}

export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  modalTitle: 24,
  sectionText: 3000,
  fieldText: 2000,
  fields: 10,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  optionText: 75,
  optionValue: 75,
  options: 100,
  placeholder: 150,
  label: 2000,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  privateMetadata: 3000,
  /** Slack refuses messages whose blocks hold much more text than this in total (bolt-js#2509). */
  messageTextBudget: 11_000,
  messageFallback: 3000,
} as const;

/** Plain text: Slack shows no formatting, but still reads its three control characters as entities. */
export function plain(text: Markup, max: number = LIMITS.sectionText): types.PlainTextElement {
  return { type: 'plain_text', text: truncate(nonEmpty(text), max), emoji: true };
}

/** mrkdwn, verbatim: Slack does not turn words that look like names or links into mentions or links. */
export function mrkdwn(text: Markup, max: number = LIMITS.sectionText): types.MrkdwnElement {
  return { type: 'mrkdwn', text: truncate(nonEmpty(text), max), verbatim: true };
}

/** What stands for an absent value: a dash, the same in every language. */
const EMPTY_TEXT = ours('—');

/** Slack rejects empty texts: an absent value is shown as a dash. */
function nonEmpty(text: Markup): Markup {
  return text.trim() === '' ? EMPTY_TEXT : text;
}

export function header(text: Markup, blockId?: string): types.HeaderBlock {
  return { type: 'header', text: plain(text, LIMITS.headerText), ...(blockId ? { block_id: blockId } : {}) };
}

export function section(
  text: Markup,
  options: { blockId?: string; accessory?: types.SectionBlockAccessory } = {},
): types.SectionBlock {
  return {
    type: 'section',
    text: mrkdwn(text),
    ...(options.blockId ? { block_id: options.blockId } : {}),
    ...(options.accessory ? { accessory: options.accessory } : {}),
  };
}

/** Up to 10 fields (two columns); more are an error in the builder. */
export function fieldsSection(fields: readonly Markup[], blockId?: string): types.SectionBlock {
  if (fields.length === 0 || fields.length > LIMITS.fields)
    throw new RangeError(`a section takes 1–10 fields, not ${fields.length}`);
  return {
    type: 'section',
    fields: fields.map((f) => mrkdwn(f, LIMITS.fieldText)),
    ...(blockId ? { block_id: blockId } : {}),
  };
}

export function context(texts: readonly Markup[], blockId?: string): types.ContextBlock {
  if (texts.length === 0 || texts.length > LIMITS.contextElements)
    throw new RangeError(`a context takes 1–10 elements, not ${texts.length}`);
  return { type: 'context', elements: texts.map((t) => mrkdwn(t)), ...(blockId ? { block_id: blockId } : {}) };
}

export function divider(): types.DividerBlock {
  return { type: 'divider' };
}

export function actions(blockId: string, elements: types.ActionsBlockElement[]): types.ActionsBlock {
  if (elements.length === 0 || elements.length > LIMITS.actionsElements)
    throw new RangeError(`an actions block takes 1–25 elements, not ${elements.length}`);
  return { type: 'actions', block_id: blockId, elements };
}

export function confirmDialog(input: {
  title: Markup;
  text: Markup;
  confirm: Markup;
  deny: Markup;
  danger?: boolean;
}): types.ConfirmationDialog {
  return {
    title: plain(input.title, LIMITS.confirmTitle),
    text: plain(input.text, LIMITS.confirmText),
    confirm: plain(input.confirm, LIMITS.confirmButton),
    deny: plain(input.deny, LIMITS.confirmButton),
    ...(input.danger ? { style: 'danger' as const } : {}),
  };
}

export function button(input: {
  text: Markup;
  actionId: string;
  value?: string;
  style?: 'primary' | 'danger';
  confirm?: types.ConfirmationDialog;
}): types.Button {
  if (input.value !== undefined && input.value.length > 2000)
    throw new RangeError('a button value holds at most 2000 characters');
  return {
    type: 'button',
    text: plain(input.text, LIMITS.buttonText),
    action_id: input.actionId,
    ...(input.value !== undefined ? { value: input.value } : {}),
    ...(input.style ? { style: input.style } : {}),
    ...(input.confirm ? { confirm: input.confirm } : {}),
  };
}

/** An option; its value must be an id of at most 75 characters (a longer one is a programming error). */
export function option(text: Markup, value: string, description?: Markup): types.PlainTextOption {
  if (value.length === 0 || value.length > LIMITS.optionValue)
    throw new RangeError(`option value must be 1–75 characters: ${value}`);
  return {
    text: plain(text, LIMITS.optionText),
    value,
    ...(description ? { description: plain(description, LIMITS.optionText) } : {}),
  };
}

/** At most 100 options (static_select and external_select responses). */
export function capOptions(options: types.PlainTextOption[]): types.PlainTextOption[] {
  return options.slice(0, LIMITS.options);
}

type ElementWithoutActionId<E> = E extends unknown ? Omit<E, 'action_id'> & { action_id?: string } : never;

/**
 * An input block. Its element's action_id defaults to the block_id (see src/slack/ids.ts); elements a
 * listener reacts to pass their own.
 */
export function input(spec: {
  blockId: string;
  label: Markup;
  element: ElementWithoutActionId<types.InputBlockElement>;
  optional?: boolean;
  hint?: Markup;
  dispatchAction?: boolean;
}): types.InputBlock {
  const element = { ...spec.element, action_id: spec.element.action_id ?? spec.blockId } as types.InputBlockElement;
  return {
    type: 'input',
    block_id: spec.blockId,
    label: plain(spec.label, LIMITS.label),
    element,
    ...(spec.optional ? { optional: true } : {}),
    ...(spec.hint ? { hint: plain(spec.hint, LIMITS.label) } : {}),
    ...(spec.dispatchAction ? { dispatch_action: true } : {}),
  };
}

export function placeholder(text: Markup): types.PlainTextElement {
  return plain(text, LIMITS.placeholder);
}

/** A modal; title, submit and close are cut to Slack's 24 characters. */
export function modal(spec: {
  callbackId: string;
  title: Markup;
  submit?: Markup;
  /** The button that closes it (usually the catalogue's "Cancel"). */
  close: Markup;
  blocks: KnownBlock[];
  privateMetadata?: string;
}): ModalView {
  if (spec.blocks.length > LIMITS.viewBlocks)
    throw new RangeError(`a modal holds at most 100 blocks, not ${spec.blocks.length}`);
  return {
    type: 'modal',
    callback_id: spec.callbackId,
    title: plain(spec.title, LIMITS.modalTitle),
    ...(spec.submit ? { submit: plain(spec.submit, LIMITS.modalTitle) } : {}),
    close: plain(spec.close, LIMITS.modalTitle),
    blocks: spec.blocks,
    ...(spec.privateMetadata !== undefined ? { private_metadata: spec.privateMetadata } : {}),
  };
}

/** A read-only modal with a sentence (an operation that is not possible right now). */
export function unavailableModal(p: Presenter, sentence: Markup, privateMetadata?: string): ModalView {
  return modal({
    callbackId: CALLBACK_IDS.unavailable,
    title: p.t.ui.modal.unavailableTitle,
    close: p.t.ui.common.close,
    blocks: [section(sentence)],
    ...(privateMetadata !== undefined ? { privateMetadata } : {}),
  });
}

/** The characters of visible text in blocks (for the total-text budget of one message). */
export function textLength(blocks: readonly KnownBlock[]): number {
  let total = 0;
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (key === 'text') total += value.length;
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, key);
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  walk(blocks, '');
  return total;
}

/** Fallback text of a message, within Slack's limits. */
export function fallback(text: Markup): Markup {
  return truncate(nonEmpty(text), LIMITS.messageFallback);
}

/**
 * Lines packed into as few sections as possible (each within 3000 characters), at most `maxBlocks`
 * of them and `maxChars` characters in all (default: the message text budget); lines that don't fit
 * are counted in `omitted`.
 */
export function packLines(
  lines: readonly Markup[],
  opts: { maxBlocks: number; maxChars?: number; wrap?: (chunk: Markup) => Markup; blockIdPrefix?: string },
): { blocks: types.SectionBlock[]; omitted: number } {
  const wrap = opts.wrap ?? ((chunk: Markup) => chunk);
  const room = LIMITS.sectionText - wrap(ours('')).length;
  let budget = (opts.maxChars ?? LIMITS.messageTextBudget) - wrap(ours('')).length;
  const chunks: Markup[][] = [];
  let current: Markup[] = [];
  let length = 0;
  for (const raw of lines) {
    const line = truncate(raw, room);
    const startsChunk = current.length > 0 && length + 1 + line.length > room;
    const cost = line.length + 1 + (startsChunk ? wrap(ours('')).length : 0);
    if (budget - cost < 0 || (startsChunk && chunks.length + 1 >= opts.maxBlocks)) break;
    if (startsChunk) {
      chunks.push(current);
      current = [];
      length = 0;
    }
    current.push(line);
    length += (current.length > 1 ? 1 : 0) + line.length;
    budget -= cost;
  }
  if (current.length > 0) chunks.push(current);
  const used = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const blocks = chunks.map((chunk, i) =>
    section(wrap(joinMarkup(chunk, '\n')), opts.blockIdPrefix ? { blockId: `${opts.blockIdPrefix}_${i + 1}` } : {}),
  );
  return { blocks, omitted: lines.length - used };
}

/**
 * One section per row, each with its accessory (an admin's Edit button): as many rows as fit in
 * `maxBlocks` sections and the message's text budget, and how many were left out.
 */
export function accessoryRows(
  rows: readonly { line: Markup; accessory: types.Button }[],
  opts: { maxBlocks: number; maxChars?: number },
): { blocks: types.SectionBlock[]; omitted: number } {
  let budget = opts.maxChars ?? LIMITS.messageTextBudget;
  const blocks: types.SectionBlock[] = [];
  for (const row of rows) {
    const block = section(row.line, { accessory: row.accessory });
    const cost = textLength([block]);
    if (blocks.length >= opts.maxBlocks || budget - cost < 0) break;
    blocks.push(block);
    budget -= cost;
  }
  return { blocks, omitted: rows.length - blocks.length };
}

// Create Quote modal (spec §10.1): N line groups (description, quantity, unit price, discount %),
// an "Add line" button and the running total. On "Add line" the listener reads the drafts, adds one
// and rebuilds: block ids `line_<i>_<field>` stay the same, so Slack keeps what was typed.
import { escapeText } from '../../../i18n/markup.ts';
import { z } from 'zod';
import type { InputLanguage } from '../../../domain/typed-input/language.ts';
import { readAmount, readPercent, readQuantity } from '../../../domain/amounts.ts';
import { ZERO, type Decimal } from '../../../domain/decimal.ts';
import { lineAmount, type QuoteLineInput } from '../../../domain/quote.ts';
import { TEXT_MAX_LENGTH } from '../../../domain/text.ts';
import type { Presenter } from '../../../i18n/presenter.ts';
import {
  ACTION_IDS,
  BLOCK_IDS,
  CALLBACK_IDS,
  parseQuoteLineBlockId,
  quoteLineBlockId,
  type QuoteLineField,
} from '../../ids.ts';
import {
  actions,
  button,
  context,
  input,
  modal,
  placeholder,
  section,
  type KnownBlock,
  type ModalView,
} from '../kit.ts';
import {
  optionalPercent,
  parseForm,
  requiredAmount,
  requiredQuantity,
  requiredText,
  schemaPerCatalogue,
  textOf,
  type FieldErrors,
  type ReadResult,
  type ViewStateValues,
} from '../state.ts';

/** Lines the modal shows at most (4 blocks each, within the 100 blocks of a modal). The text form takes 100. */
export const QUOTE_MODAL_MAX_LINES = 20;

/** A line as typed (raw text). */
export interface QuoteLineDraft {
  description: string;
  quantity: string;
  unitPrice: string;
  discount: string;
}

export const EMPTY_QUOTE_LINE: QuoteLineDraft = { description: '', quantity: '', unitPrice: '', discount: '' };

export interface QuoteModalInput {
  no: string;
  currency: string;
  /** Current drafts (default: one empty line). Extra lines beyond 20 are dropped. */
  lines?: readonly QuoteLineDraft[];
  /** The language the drafts' numbers are typed in, for the running total (English when not given). */
  language?: InputLanguage;
  /**
   * The same form edits the linked quote's lines (pre-filled) or makes a new quote in its place; each
   * has its own callback id (and so its own submission) and says which quote it is about.
   */
  mode?: { kind: 'create' } | { kind: 'edit' | 'replace'; quoteNo: string };
}

/** The callback ids of the three forms made by createQuoteModal. */
export const QUOTE_FORMS = [CALLBACK_IDS.createQuote, CALLBACK_IDS.editQuote, CALLBACK_IDS.replaceQuote] as const;
export type QuoteFormId = (typeof QUOTE_FORMS)[number];

/** A quote's lines as the form's drafts, written in the reader's notation (read back as typed). */
export function quoteDraftsOf(
  p: Presenter,
  lines: readonly { description: string; quantity: Decimal; unitPrice: Decimal; discountPct: Decimal }[],
): QuoteLineDraft[] {
  return lines.map((line) => ({
    description: line.description,
    // The reader's notation keeps two decimals; a finer quantity is written plainly, so none is lost.
    quantity: line.quantity.decimalPlaces() <= 2 ? p.format.percentInput(line.quantity) : line.quantity.toFixed(),
    unitPrice: p.format.amountInput(line.unitPrice),
    discount: line.discountPct.equals(ZERO) ? '' : p.format.percentInput(line.discountPct),
  }));
}

const FIELDS: readonly QuoteLineField[] = ['description', 'quantity', 'unitPrice', 'discount'];

function isBlank(line: QuoteLineDraft): boolean {
  return FIELDS.every((f) => line[f].trim() === '');
}

/** The total of the lines whose quantity and price read correctly (for the running total). */
export function quoteDraftTotal(
  lines: readonly QuoteLineDraft[],
  language: InputLanguage = 'en',
): { total: Decimal; complete: number } {
  let total = ZERO;
  let complete = 0;
  for (const line of lines) {
    const quantity = readQuantity(line.quantity, language);
    const price = readAmount(line.unitPrice, language);
    const discount =
      line.discount.trim() === '' ? { ok: true as const, value: ZERO } : readPercent(line.discount, language);
    if (line.description.trim() === '' || !quantity.ok || !price.ok || !discount.ok) continue;
    total = total.plus(lineAmount(quantity.value, price.value, discount.value));
    complete++;
  }
  return { total, complete };
}

/** The drafts plus one empty line (no more than the modal's maximum). */
export function addQuoteLine(lines: readonly QuoteLineDraft[]): QuoteLineDraft[] {
  return [...lines, EMPTY_QUOTE_LINE].slice(0, QUOTE_MODAL_MAX_LINES);
}

export function createQuoteModal(p: Presenter, spec: QuoteModalInput): ModalView {
  const { ui } = p.t;
  const M = ui.modal.quote;
  const lines = (spec.lines && spec.lines.length > 0 ? spec.lines : [EMPTY_QUOTE_LINE]).slice(0, QUOTE_MODAL_MAX_LINES);
  const mode = spec.mode ?? { kind: 'create' };
  const W = p.t.work.quote;
  const intro =
    mode.kind === 'edit'
      ? W.editModal.context(escapeText(mode.quoteNo), escapeText(spec.no))
      : mode.kind === 'replace'
        ? W.replaceModal.context(escapeText(mode.quoteNo), escapeText(spec.no))
        : M.context(escapeText(spec.no));
  const blocks: KnownBlock[] = [section(intro, { blockId: BLOCK_IDS.quote.context })];
  lines.forEach((line, index) => {
    const i = index + 1;
    const initial = (text: string) => (text.trim() === '' ? {} : { initial_value: text });
    blocks.push(
      input({
        blockId: quoteLineBlockId(i, 'description'),
        label: M.description(i),
        optional: i > 1,
        element: { type: 'plain_text_input', max_length: TEXT_MAX_LENGTH, ...initial(line.description) },
      }),
      input({
        blockId: quoteLineBlockId(i, 'quantity'),
        label: M.quantity(i),
        optional: i > 1,
        element: {
          type: 'plain_text_input',
          placeholder: placeholder(ui.placeholders.quantity),
          ...initial(line.quantity),
        },
      }),
      input({
        blockId: quoteLineBlockId(i, 'unitPrice'),
        label: M.unitPrice(i),
        optional: i > 1,
        element: {
          type: 'plain_text_input',
          placeholder: placeholder(ui.placeholders.unitPrice),
          ...initial(line.unitPrice),
        },
      }),
      input({
        blockId: quoteLineBlockId(i, 'discount'),
        label: M.discount(i),
        optional: true,
        element: {
          type: 'plain_text_input',
          placeholder: placeholder(ui.placeholders.discount),
          ...initial(line.discount),
        },
      }),
    );
  });
  const { total, complete } = quoteDraftTotal(lines, spec.language);
  blocks.push(context([M.total(p.format.money(total, spec.currency), complete)], BLOCK_IDS.quote.total));
  if (lines.length < QUOTE_MODAL_MAX_LINES) {
    blocks.push(
      actions(BLOCK_IDS.quote.addLine, [button({ text: ui.buttons.addLine, actionId: ACTION_IDS.quoteAddLine })]),
    );
  } else {
    blocks.push(context([M.maxLines(QUOTE_MODAL_MAX_LINES, escapeText(spec.no))], BLOCK_IDS.quote.maxLines));
  }
  return modal({
    callbackId:
      mode.kind === 'edit'
        ? CALLBACK_IDS.editQuote
        : mode.kind === 'replace'
          ? CALLBACK_IDS.replaceQuote
          : CALLBACK_IDS.createQuote,
    title:
      mode.kind === 'edit'
        ? W.editModal.title(escapeText(spec.no))
        : mode.kind === 'replace'
          ? W.replaceModal.title(escapeText(spec.no))
          : M.title(escapeText(spec.no)),
    submit: mode.kind === 'edit' ? W.editModal.submit : mode.kind === 'replace' ? W.replaceModal.submit : M.submit,
    close: ui.common.cancel,
    blocks,
  });
}

/** The lines as typed, in order (for "Add line" and for the reader). */
export function readQuoteDrafts(values: ViewStateValues): QuoteLineDraft[] {
  let count = 0;
  for (const blockId of Object.keys(values)) count = Math.max(count, parseQuoteLineBlockId(blockId)?.line ?? 0);
  const drafts: QuoteLineDraft[] = [];
  for (let i = 1; i <= Math.min(count, QUOTE_MODAL_MAX_LINES); i++) {
    drafts.push({
      description: textOf(values, quoteLineBlockId(i, 'description')),
      quantity: textOf(values, quoteLineBlockId(i, 'quantity')),
      unitPrice: textOf(values, quoteLineBlockId(i, 'unitPrice')),
      discount: textOf(values, quoteLineBlockId(i, 'discount')),
    });
  }
  return drafts;
}

const lineSchemaFor = schemaPerCatalogue((errors, language, currency) =>
  z.object({
    description: requiredText(errors, TEXT_MAX_LENGTH),
    quantity: requiredQuantity(errors, { language }),
    unitPrice: requiredAmount(errors, { language, currency }),
    discount: optionalPercent(errors, { language }),
  }),
);

/** The typed lines; numbers in the notation of `language`, prices in `currency`. */
export function readCreateQuote(
  p: Presenter,
  values: ViewStateValues,
  language: InputLanguage = 'en',
  currency?: string,
): ReadResult<{ lines: QuoteLineInput[] }> {
  const sentences = p.t.ui.errors;
  const errors: FieldErrors = {};
  const lines: QuoteLineInput[] = [];
  readQuoteDrafts(values).forEach((draft, index) => {
    const i = index + 1;
    if (isBlank(draft)) return;
    const result = parseForm({
      schema: lineSchemaFor(sentences, language, currency),
      raw: { ...draft },
      blockOf: (field) =>
        quoteLineBlockId(i, FIELDS.includes(field as QuoteLineField) ? (field as QuoteLineField) : 'description'),
    });
    if (!result.ok) Object.assign(errors, result.errors);
    else
      lines.push({
        description: result.data.description,
        quantity: result.data.quantity,
        unitPrice: result.data.unitPrice,
        discountPct: result.data.discount ?? ZERO,
      });
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (lines.length === 0) return { ok: false, errors: { [quoteLineBlockId(1, 'description')]: sentences.noLines } };
  return { ok: true, data: { lines } };
}

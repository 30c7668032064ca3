// Close Opportunity modal (spec §8): outcome, a close code of that outcome, closing date, the sales
// amount for Won, and "cancel old tasks" (on by default). Changing the outcome sends block_actions;
// the listener calls closeOptions() for the new outcome and rebuilds. The code select has one block per
// outcome, so a changed outcome clears the code as in BC.
import { escapeText } from '../../../i18n/markup.ts';
import { z } from 'zod';
import type { InputLanguage } from '../../../domain/typed-input/language.ts';
import type { Decimal } from '../../../domain/decimal.ts';
import type { LocalDate } from '../../../domain/local-date.ts';
import type { CloseOutcome } from '../../../domain/opportunity.ts';
import type { OpportunityService } from '../../../services/opportunities.ts';
import type { Presenter } from '../../../i18n/presenter.ts';
import { ACTION_IDS, BLOCK_IDS, CALLBACK_IDS, closeCodeBlockId, OPTION_VALUES } from '../../ids.ts';
import {
  capOptions,
  context,
  input,
  modal,
  option,
  placeholder,
  section,
  type KnownBlock,
  type ModalView,
} from '../kit.ts';
import {
  checkedOf,
  choice,
  dateOf,
  hasBlock,
  optionalAmount,
  parseForm,
  requiredDate,
  selectedOf,
  schemaPerCatalogue,
  textOf,
  type FieldErrors,
  type ReadResult,
  type ViewStateValues,
} from '../state.ts';

const B = BLOCK_IDS.close;
const OUTCOMES = ['won', 'lost'] as const satisfies readonly CloseOutcome[];

/** What OpportunityService.closeOptions() returns. */
export type CloseOptions = Awaited<ReturnType<OpportunityService['closeOptions']>>;

export interface CloseModalInput {
  no: string;
  /** The chosen outcome; null until the user picks one. */
  outcome: CloseOutcome | null;
  currency: string;
  /** Opened by Make Order: only Won may be chosen, and submitting also makes the order (§10.2). */
  forOrder?: boolean | undefined;
}

export interface CloseOpportunityData {
  outcome: CloseOutcome;
  closeCode: string;
  closingDate: LocalDate;
  /** Won only. With a linked quote the service uses the quote amount whatever is typed. */
  salesAmount?: Decimal | undefined;
  cancelOldTasks: boolean;
}

export function closeOpportunityModal(p: Presenter, options: CloseOptions, spec: CloseModalInput): ModalView {
  const { ui } = p.t;
  const M = ui.modal.close;
  const outcomeOptions = (spec.forOrder ? (['won'] as const) : OUTCOMES).map((o) => option(ui.outcome[o], o));
  const chosen = spec.outcome ? outcomeOptions.find((o) => o.value === spec.outcome) : undefined;
  const cancelOption = option(M.cancelTasksOption, OPTION_VALUES.cancelTasks);

  const blocks: KnownBlock[] = [
    section(spec.forOrder ? M.forOrderContext(escapeText(spec.no)) : M.context(escapeText(spec.no)), {
      blockId: B.context,
    }),
    input({
      blockId: B.outcome,
      label: M.outcome,
      dispatchAction: true,
      element: {
        type: 'radio_buttons',
        action_id: ACTION_IDS.closeOutcome,
        options: outcomeOptions,
        ...(chosen ? { initial_option: chosen } : {}),
      },
    }),
  ];

  if (spec.outcome === null) {
    blocks.push(context([M.chooseOutcomeFirst], B.codeInfo));
  } else {
    const codes = options.codes.filter((c) => c.type === spec.outcome);
    if (codes.length === 0) {
      blocks.push(context([M.noCodes(ui.outcome[spec.outcome])], B.codeInfo));
    } else {
      const codeOptions = capOptions(
        codes.map((c) =>
          option(ui.card.closeCode(escapeText(c.code), c.description ? escapeText(c.description) : null), c.code),
        ),
      );
      const initial = options.closeCode ? codeOptions.find((o) => o.value === options.closeCode?.code) : undefined;
      blocks.push(
        input({
          blockId: closeCodeBlockId(spec.outcome),
          label: M.closeCode,
          element: { type: 'static_select', options: codeOptions, ...(initial ? { initial_option: initial } : {}) },
        }),
      );
    }
  }

  blocks.push(
    input({
      blockId: B.closingDate,
      label: M.closingDate,
      element: { type: 'datepicker', initial_date: options.closingDate },
    }),
  );

  if (spec.outcome === 'won') {
    const amount = options.salesAmount;
    blocks.push(
      input({
        blockId: B.salesAmount,
        label: M.salesAmount,
        ...(options.hasQuote && amount ? { hint: M.salesAmountFromQuote(p.format.money(amount, spec.currency)) } : {}),
        element: {
          type: 'plain_text_input',
          placeholder: placeholder(ui.placeholders.amount),
          ...(amount && !amount.isZero() ? { initial_value: p.format.amountInput(amount) } : {}),
        },
      }),
    );
  }

  blocks.push(
    input({
      blockId: B.cancelTasks,
      label: M.cancelTasks,
      optional: true,
      element: {
        type: 'checkboxes',
        options: [cancelOption],
        ...(options.cancelOldTasks ? { initial_options: [cancelOption] } : {}),
      },
    }),
  );
  return modal({
    callbackId: CALLBACK_IDS.closeOpportunity,
    title: M.title(escapeText(spec.no)),
    submit: spec.forOrder ? M.forOrderSubmit : M.submit,
    close: ui.common.cancel,
    blocks,
  });
}

/** The outcome currently selected (for rebuilding on block_actions). */
export function readCloseOutcome(values: ViewStateValues): CloseOutcome | null {
  const value = selectedOf(values, B.outcome);
  return value === 'won' || value === 'lost' ? value : null;
}

const schemaFor = schemaPerCatalogue((errors, language, currency) =>
  z.object({
    outcome: choice(OUTCOMES, errors.pickOutcome),
    closingDate: requiredDate(errors),
    salesAmount: optionalAmount(errors, { positive: true, language, currency }),
    cancelOldTasks: z.boolean(),
  }),
);

/** The form's values; the amount in the notation of `language`, and in `currency`. */
export function readCloseOpportunity(
  p: Presenter,
  values: ViewStateValues,
  language: InputLanguage = 'en',
  currency?: string,
): ReadResult<CloseOpportunityData> {
  const sentences = p.t.ui.errors;
  const outcome = readCloseOutcome(values);
  const codeBlock = outcome ? closeCodeBlockId(outcome) : undefined;
  const closeCode = codeBlock ? selectedOf(values, codeBlock) : '';
  const fieldBlocks: Record<string, string> = {
    outcome: B.outcome,
    closingDate: B.closingDate,
    salesAmount: B.salesAmount,
    cancelOldTasks: B.cancelTasks,
  };
  const result = parseForm({
    schema: schemaFor(sentences, language, currency),
    raw: {
      outcome: outcome ?? '',
      closingDate: dateOf(values, B.closingDate),
      salesAmount: outcome === 'won' ? textOf(values, B.salesAmount) : '',
      cancelOldTasks: checkedOf(values, B.cancelTasks).includes(OPTION_VALUES.cancelTasks),
    },
    blockOf: (field) => fieldBlocks[field] ?? B.outcome,
    cross: (raw): FieldErrors => {
      const errors: FieldErrors = {};
      if (codeBlock && closeCode === '') {
        // Without any code of this outcome there is no select to show the error under.
        errors[hasBlock(values, codeBlock) ? codeBlock : B.outcome] = sentences.pickCloseCode;
      }
      if (outcome === 'won' && hasBlock(values, B.salesAmount) && raw.salesAmount.trim() === '')
        errors[B.salesAmount] = sentences.required;
      return errors;
    },
  });
  if (!result.ok) return result;
  const { salesAmount, ...rest } = result.data;
  return { ok: true, data: { ...rest, closeCode, ...(outcome === 'won' && salesAmount ? { salesAmount } : {}) } };
}

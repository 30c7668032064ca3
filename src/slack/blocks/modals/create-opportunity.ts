// Create Opportunity modal (spec §5.3): master data, and optionally the estimates to activate the
// first stage right away (required only when "activate" is ticked).
import { escapeText } from '../../../i18n/markup.ts';
import { z } from 'zod';
import type { InputLanguage } from '../../../domain/typed-input/language.ts';
import type { Decimal } from '../../../domain/decimal.ts';
import type { LocalDate } from '../../../domain/local-date.ts';
import type { Priority } from '../../../domain/opportunity.ts';
import { TEXT_MAX_LENGTH } from '../../../domain/text.ts';
import type { Presenter } from '../../../i18n/presenter.ts';
import { ACTION_IDS, BLOCK_IDS, CALLBACK_IDS, OPTION_VALUES } from '../../ids.ts';
import {
  capOptions,
  input,
  modal,
  option,
  placeholder,
  unavailableModal,
  type KnownBlock,
  type ModalView,
} from '../kit.ts';
import {
  checkedOf,
  choice,
  dateOf,
  optionalAmount,
  optionalDate,
  optionalPercent,
  parseForm,
  requiredId,
  requiredText,
  schemaPerCatalogue,
  selectedOf,
  textOf,
  userOf,
  type FieldErrors,
  type ReadResult,
  type ViewStateValues,
} from '../state.ts';

const B = BLOCK_IDS.create;
const PRIORITIES = ['low', 'normal', 'high'] as const satisfies readonly Priority[];

export interface CreateOpportunityModalInput {
  /** The user opening the modal: the proposed salesperson. */
  userId: string;
  cycles: readonly { code: string; description: string; blocked: boolean }[];
  defaultCycleCode?: string | null;
  /** Prefill, e.g. from `/opp new <description>`. */
  initial?: { description?: string; contact?: { no: string; name: string } };
}

export interface CreateOpportunityData {
  description: string;
  contactNo: string;
  salespersonUserId: string;
  salesCycleCode: string;
  priority: Priority;
  activate: boolean;
  /** Present when activate is true. */
  estimatedValue?: Decimal | undefined;
  chancesPct?: Decimal | undefined;
  estimatedCloseDate?: LocalDate | undefined;
}

export function createOpportunityModal(p: Presenter, spec: CreateOpportunityModalInput): ModalView {
  const { ui } = p.t;
  const M = ui.modal.create;
  const usable = spec.cycles.filter((c) => !c.blocked);
  if (usable.length === 0) return unavailableModal(p, M.noCycles);

  const cycleOptions = capOptions(
    usable.map((c) => option(ui.common.cycle(escapeText(c.code), escapeText(c.description)), c.code)),
  );
  const defaultCode =
    usable.find((c) => c.code === spec.defaultCycleCode)?.code ?? (usable.length === 1 ? usable[0]?.code : undefined);
  const initialCycle = cycleOptions.find((o) => o.value === defaultCode);
  const priorityOptions = PRIORITIES.map((p) => option(ui.priority[p], p));
  const activateOption = option(M.activateOption, OPTION_VALUES.activate);
  const contact = spec.initial?.contact;

  const blocks: KnownBlock[] = [
    input({
      blockId: B.description,
      label: M.description,
      element: {
        type: 'plain_text_input',
        max_length: TEXT_MAX_LENGTH,
        placeholder: placeholder(M.descriptionPlaceholder),
        ...(spec.initial?.description ? { initial_value: spec.initial.description } : {}),
      },
    }),
    input({
      blockId: B.contact,
      label: M.contact,
      element: {
        type: 'external_select',
        action_id: ACTION_IDS.contactSearch,
        min_query_length: 1,
        placeholder: placeholder(M.contactPlaceholder),
        ...(contact ? { initial_option: option(escapeText(contact.name), contact.no) } : {}),
      },
    }),
    input({
      blockId: B.salesperson,
      label: M.salesperson,
      element: { type: 'users_select', initial_user: spec.userId },
    }),
    input({
      blockId: B.salesCycle,
      label: M.salesCycle,
      element: {
        type: 'static_select',
        options: cycleOptions,
        ...(initialCycle ? { initial_option: initialCycle } : {}),
      },
    }),
    input({
      blockId: B.priority,
      label: M.priority,
      element: {
        type: 'static_select',
        options: priorityOptions,
        initial_option: priorityOptions[1] ?? option(ui.priority.normal, 'normal'),
      },
    }),
    input({
      blockId: B.activate,
      label: M.activate,
      optional: true,
      hint: M.activateHint,
      element: { type: 'checkboxes', options: [activateOption], initial_options: [activateOption] },
    }),
    input({
      blockId: B.estimatedValue,
      label: M.estimatedValue,
      optional: true,
      element: { type: 'plain_text_input', placeholder: placeholder(ui.placeholders.amount) },
    }),
    input({
      blockId: B.chances,
      label: M.chances,
      optional: true,
      element: { type: 'plain_text_input', placeholder: placeholder(ui.placeholders.percent) },
    }),
    input({
      blockId: B.estimatedCloseDate,
      label: M.estimatedCloseDate,
      optional: true,
      element: { type: 'datepicker' },
    }),
  ];
  return modal({
    callbackId: CALLBACK_IDS.createOpportunity,
    title: M.title,
    submit: M.submit,
    close: ui.common.cancel,
    blocks,
  });
}

const FIELD_BLOCKS: Record<string, string> = {
  description: B.description,
  contactNo: B.contact,
  salespersonUserId: B.salesperson,
  salesCycleCode: B.salesCycle,
  priority: B.priority,
  estimatedValue: B.estimatedValue,
  chancesPct: B.chances,
  estimatedCloseDate: B.estimatedCloseDate,
};

const schemaFor = schemaPerCatalogue((errors, language, currency) =>
  z.object({
    description: requiredText(errors, TEXT_MAX_LENGTH),
    contactNo: requiredId(errors.pickContact),
    salespersonUserId: requiredId(errors.pickUser),
    salesCycleCode: requiredId(errors.pickOne),
    priority: choice(PRIORITIES, errors.pickOne),
    activate: z.boolean(),
    estimatedValue: optionalAmount(errors, { positive: true, language, currency }),
    chancesPct: optionalPercent(errors, { positive: true, language }),
    estimatedCloseDate: optionalDate(errors),
  }),
);

/** The form's values; amounts and percentages in the notation of `language`, amounts in `currency`. */
export function readCreateOpportunity(
  p: Presenter,
  values: ViewStateValues,
  language: InputLanguage = 'en',
  currency?: string,
): ReadResult<CreateOpportunityData> {
  const sentences = p.t.ui.errors;
  const raw = {
    description: textOf(values, B.description),
    contactNo: selectedOf(values, B.contact),
    salespersonUserId: userOf(values, B.salesperson),
    salesCycleCode: selectedOf(values, B.salesCycle),
    priority: selectedOf(values, B.priority) || 'normal',
    activate: checkedOf(values, B.activate).includes(OPTION_VALUES.activate),
    estimatedValue: textOf(values, B.estimatedValue),
    chancesPct: textOf(values, B.chances),
    estimatedCloseDate: dateOf(values, B.estimatedCloseDate),
  };
  return parseForm({
    schema: schemaFor(sentences, language, currency),
    raw,
    blockOf: (field) => FIELD_BLOCKS[field] ?? B.description,
    // Activating the first stage needs all three estimates (§5.3).
    cross: (r): FieldErrors => {
      if (!r.activate) return {};
      const errors: FieldErrors = {};
      if (r.estimatedValue.trim() === '') errors[B.estimatedValue] = sentences.required;
      if (r.chancesPct.trim() === '') errors[B.chances] = sentences.required;
      if (r.estimatedCloseDate === '') errors[B.estimatedCloseDate] = sentences.pickDate;
      return errors;
    },
  });
}

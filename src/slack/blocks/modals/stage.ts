// Sales cycle stage setup modal (spec §3).
import { escapeText } from '../../../i18n/markup.ts';
import { z } from 'zod';
import type { InputLanguage } from '../../../domain/typed-input/language.ts';
import { normaliseDateFormula } from '../../../domain/date-formula.ts';
import type { Decimal } from '../../../domain/decimal.ts';
import { TEXT_MAX_LENGTH } from '../../../domain/text.ts';
import type { Presenter } from '../../../i18n/presenter.ts';
import { BLOCK_IDS, CALLBACK_IDS, OPTION_VALUES } from '../../ids.ts';
import { capOptions, context, input, modal, option, placeholder, unavailableModal, type ModalView } from '../kit.ts';
import {
  checkedOf,
  optionalText,
  parseForm,
  requiredId,
  requiredPercent,
  schemaPerCatalogue,
  selectedOf,
  textOf,
  type ReadResult,
  type ViewStateValues,
} from '../state.ts';

const B = BLOCK_IDS.stage;

export interface StageData {
  cycleCode: string;
  stage: number;
  description: string;
  completedPct: Decimal;
  chancesPct: Decimal;
  quoteRequired: boolean;
  allowSkip: boolean;
  /** Normalised ("1M+CM"), "" for none. */
  dateFormula: string;
  /** Upper case, null for none. */
  activityCode: string | null;
}

export interface StageModalInput {
  cycles: readonly { code: string; description: string }[];
  /** The cycle to preselect (e.g. from `/opp stage add FIRM`). */
  cycleCode?: string | undefined;
  initial?: Partial<Omit<StageData, 'cycleCode'>>;
  /** Edit the stage `initial.stage` of `cycleCode`: both are shown, not asked (they key its history). */
  mode?: 'add' | 'edit';
}

export function stageModal(p: Presenter, spec: StageModalInput): ModalView {
  const { ui } = p.t;
  const M = ui.modal.stage;
  const editing = spec.mode === 'edit';
  if (spec.cycles.length === 0 && !editing) return unavailableModal(p, M.noCycles);
  const cycleOptions = capOptions(
    spec.cycles.map((c) => option(ui.common.cycle(escapeText(c.code), escapeText(c.description)), c.code)),
  );
  const initialCycle = cycleOptions.find((o) => o.value === spec.cycleCode);
  const initial = spec.initial ?? {};
  const quoteOption = option(M.quoteRequired, OPTION_VALUES.quoteRequired);
  const skipOption = option(M.allowSkip, OPTION_VALUES.allowSkip);
  const flags = [...(initial.quoteRequired ? [quoteOption] : []), ...(initial.allowSkip ? [skipOption] : [])];
  const text = (value: string | undefined) => (value ? { initial_value: value } : {});
  const key = editing
    ? [context([M.editAbout(escapeText(spec.cycleCode ?? ''), initial.stage ?? 0)], BLOCK_IDS.setupEdit.about)]
    : [
        input({
          blockId: B.cycle,
          label: M.cycle,
          element: {
            type: 'static_select' as const,
            options: cycleOptions,
            ...(initialCycle ? { initial_option: initialCycle } : {}),
          },
        }),
        input({
          blockId: B.stageNo,
          label: M.stageNo,
          hint: M.stageNoHint,
          element: {
            type: 'number_input' as const,
            is_decimal_allowed: false,
            min_value: '1',
            ...text(initial.stage === undefined ? undefined : String(initial.stage)),
          },
        }),
      ];
  return modal({
    callbackId: editing ? CALLBACK_IDS.editStage : CALLBACK_IDS.stage,
    title: editing ? M.editTitle : M.title,
    submit: M.submit,
    close: ui.common.cancel,
    blocks: [
      ...key,
      input({
        blockId: B.description,
        label: M.description,
        optional: true,
        element: { type: 'plain_text_input', max_length: TEXT_MAX_LENGTH, ...text(initial.description) },
      }),
      input({
        blockId: B.completed,
        label: M.completed,
        element: {
          type: 'plain_text_input',
          placeholder: placeholder(ui.placeholders.percent),
          ...text(initial.completedPct && p.format.percentInput(initial.completedPct)),
        },
      }),
      input({
        blockId: B.chances,
        label: M.chances,
        element: {
          type: 'plain_text_input',
          placeholder: placeholder(ui.placeholders.percent),
          ...text(initial.chancesPct && p.format.percentInput(initial.chancesPct)),
        },
      }),
      input({
        blockId: B.flags,
        label: M.flags,
        optional: true,
        element: {
          type: 'checkboxes',
          options: [quoteOption, skipOption],
          ...(flags.length > 0 ? { initial_options: flags } : {}),
        },
      }),
      input({
        blockId: B.dateFormula,
        label: M.dateFormula,
        hint: M.dateFormulaHint,
        optional: true,
        element: { type: 'plain_text_input', max_length: 32, ...text(initial.dateFormula) },
      }),
      input({
        blockId: B.activityCode,
        label: M.activityCode,
        optional: true,
        element: { type: 'plain_text_input', max_length: 10, ...text(initial.activityCode ?? undefined) },
      }),
    ],
  });
}

const FIELD_BLOCKS: Record<string, string> = {
  cycleCode: B.cycle,
  stage: B.stageNo,
  description: B.description,
  completedPct: B.completed,
  chancesPct: B.chances,
  dateFormula: B.dateFormula,
  activityCode: B.activityCode,
};

const schemaFor = schemaPerCatalogue((errors, language) =>
  z.object({
    cycleCode: requiredId(errors.pickOne),
    stage: z.string().transform((raw, ctx) => {
      const text = raw.trim();
      if (!/^\d{1,9}$/.test(text) || Number(text) < 1) {
        ctx.addIssue({ code: 'custom', message: text === '' ? errors.required : errors.stageNo });
        return z.NEVER;
      }
      return Number(text);
    }),
    description: optionalText(errors, TEXT_MAX_LENGTH),
    completedPct: requiredPercent(errors, { whole: true, language }),
    chancesPct: requiredPercent(errors, { language }),
    quoteRequired: z.boolean(),
    allowSkip: z.boolean(),
    dateFormula: z.string().transform((raw, ctx) => {
      try {
        return normaliseDateFormula(raw);
      } catch {
        ctx.addIssue({ code: 'custom', message: errors.dateFormula });
        return z.NEVER;
      }
    }),
    activityCode: z.string().transform((raw, ctx) => {
      const text = raw.trim().toUpperCase();
      if (text === '') return null;
      if (!/^[A-Z0-9_-]{1,10}$/.test(text)) {
        ctx.addIssue({ code: 'custom', message: errors.code });
        return z.NEVER;
      }
      return text;
    }),
  }),
);

const editSchemaFor = schemaPerCatalogue((errors, language) =>
  schemaFor(errors, language).omit({ cycleCode: true, stage: true }),
);

/** The edit form's values: everything but the cycle and the number. */
export function readStageEdit(
  p: Presenter,
  values: ViewStateValues,
  language: InputLanguage = 'en',
): ReadResult<Omit<StageData, 'cycleCode' | 'stage'>> {
  const flags = checkedOf(values, B.flags);
  return parseForm({
    schema: editSchemaFor(p.t.ui.errors, language),
    raw: {
      description: textOf(values, B.description),
      completedPct: textOf(values, B.completed),
      chancesPct: textOf(values, B.chances),
      quoteRequired: flags.includes(OPTION_VALUES.quoteRequired),
      allowSkip: flags.includes(OPTION_VALUES.allowSkip),
      dateFormula: textOf(values, B.dateFormula),
      activityCode: textOf(values, B.activityCode),
    },
    blockOf: (field) => FIELD_BLOCKS[field] ?? B.description,
  });
}

/** The form's values; percentages in the notation of `language`. */
export function readStage(
  p: Presenter,
  values: ViewStateValues,
  language: InputLanguage = 'en',
): ReadResult<StageData> {
  const flags = checkedOf(values, B.flags);
  return parseForm({
    schema: schemaFor(p.t.ui.errors, language),
    raw: {
      cycleCode: selectedOf(values, B.cycle),
      stage: textOf(values, B.stageNo),
      description: textOf(values, B.description),
      completedPct: textOf(values, B.completed),
      chancesPct: textOf(values, B.chances),
      quoteRequired: flags.includes(OPTION_VALUES.quoteRequired),
      allowSkip: flags.includes(OPTION_VALUES.allowSkip),
      dateFormula: textOf(values, B.dateFormula),
      activityCode: textOf(values, B.activityCode),
    },
    blockOf: (field) => FIELD_BLOCKS[field] ?? B.cycle,
  });
}

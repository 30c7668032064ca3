// Sales cycle setup modal (spec §2): code, description, probability calculation, blocked.
import { z } from 'zod';
import { PROBABILITY_CALCULATIONS, type ProbabilityCalculation } from '../../../domain/probability.ts';
import { TEXT_MAX_LENGTH } from '../../../domain/text.ts';
import type { Presenter } from '../../../i18n/presenter.ts';
import { BLOCK_IDS, CALLBACK_IDS, OPTION_VALUES } from '../../ids.ts';
import { context, input, modal, option, type ModalView } from '../kit.ts';
import { escapeText } from '../../../i18n/markup.ts';
import {
  checkedOf,
  choice,
  codeText,
  optionalText,
  parseForm,
  schemaPerCatalogue,
  selectedOf,
  textOf,
  type ReadResult,
  type ViewStateValues,
} from '../state.ts';

const B = BLOCK_IDS.salesCycle;
const CALCULATIONS = PROBABILITY_CALCULATIONS as unknown as readonly [
  ProbabilityCalculation,
  ...ProbabilityCalculation[],
];

export interface SalesCycleData {
  code: string;
  description: string;
  probabilityCalculation: ProbabilityCalculation;
  blocked: boolean;
}

/**
 * The Sales Cycle form; `mode: 'edit'` changes the cycle `initial.code` names: its code is shown, not asked,
 * and blocking keeps its own command.
 */
export function salesCycleModal(
  p: Presenter,
  initial: Partial<SalesCycleData> = {},
  mode: 'add' | 'edit' = 'add',
): ModalView {
  const { ui } = p.t;
  const M = ui.modal.salesCycle;
  const calcOptions = CALCULATIONS.map((c) => option(p.t.ui.probabilityCalculation[c], c));
  const initialCalc = calcOptions.find((o) => o.value === (initial.probabilityCalculation ?? 'multiply'));
  const blockedOption = option(M.blockedOption, OPTION_VALUES.blocked);
  const editing = mode === 'edit';
  return modal({
    callbackId: editing ? CALLBACK_IDS.editSalesCycle : CALLBACK_IDS.salesCycle,
    title: editing ? M.editTitle : M.title,
    submit: M.submit,
    close: ui.common.cancel,
    blocks: [
      editing
        ? context([M.editAbout(escapeText(initial.code ?? ''))], BLOCK_IDS.setupEdit.about)
        : input({
            blockId: B.code,
            label: M.code,
            hint: M.codeHint,
            element: {
              type: 'plain_text_input',
              max_length: 10,
              ...(initial.code ? { initial_value: initial.code } : {}),
            },
          }),
      input({
        blockId: B.description,
        label: M.description,
        optional: true,
        element: {
          type: 'plain_text_input',
          max_length: TEXT_MAX_LENGTH,
          ...(initial.description ? { initial_value: initial.description } : {}),
        },
      }),
      input({
        blockId: B.calculation,
        label: M.calculation,
        element: {
          type: 'static_select',
          options: calcOptions,
          ...(initialCalc ? { initial_option: initialCalc } : {}),
        },
      }),
      ...(editing
        ? []
        : [
            input({
              blockId: B.blocked,
              label: M.blocked,
              optional: true,
              element: {
                type: 'checkboxes',
                options: [blockedOption],
                ...(initial.blocked ? { initial_options: [blockedOption] } : {}),
              },
            }),
          ]),
    ],
  });
}

const FIELD_BLOCKS: Record<string, string> = {
  code: B.code,
  description: B.description,
  probabilityCalculation: B.calculation,
  blocked: B.blocked,
};

const schemaFor = schemaPerCatalogue((errors) =>
  z.object({
    code: codeText(errors),
    description: optionalText(errors, TEXT_MAX_LENGTH),
    probabilityCalculation: choice(CALCULATIONS, errors.pickOne),
    blocked: z.boolean(),
  }),
);

const editSchemaFor = schemaPerCatalogue((errors) =>
  z.object({
    description: optionalText(errors, TEXT_MAX_LENGTH),
    probabilityCalculation: choice(CALCULATIONS, errors.pickOne),
  }),
);

/** The edit form's values: what may change. */
export function readSalesCycleEdit(
  p: Presenter,
  values: ViewStateValues,
): ReadResult<Pick<SalesCycleData, 'description' | 'probabilityCalculation'>> {
  return parseForm({
    schema: editSchemaFor(p.t.ui.errors),
    raw: {
      description: textOf(values, B.description),
      probabilityCalculation: selectedOf(values, B.calculation) || 'multiply',
    },
    blockOf: (field) => FIELD_BLOCKS[field] ?? B.description,
  });
}

export function readSalesCycle(p: Presenter, values: ViewStateValues): ReadResult<SalesCycleData> {
  return parseForm({
    schema: schemaFor(p.t.ui.errors),
    raw: {
      code: textOf(values, B.code),
      description: textOf(values, B.description),
      probabilityCalculation: selectedOf(values, B.calculation) || 'multiply',
      blocked: checkedOf(values, B.blocked).includes(OPTION_VALUES.blocked),
    },
    blockOf: (field) => FIELD_BLOCKS[field] ?? B.code,
  });
}

// Close code setup modal (spec §4): code, won/lost, description.
import { z } from 'zod';
import type { CloseOutcome } from '../../../domain/opportunity.ts';
import { TEXT_MAX_LENGTH } from '../../../domain/text.ts';
import type { Presenter } from '../../../i18n/presenter.ts';
import { BLOCK_IDS, CALLBACK_IDS } from '../../ids.ts';
import { context, input, modal, option, type ModalView } from '../kit.ts';
import { escapeText } from '../../../i18n/markup.ts';
import {
  choice,
  codeText,
  optionalText,
  parseForm,
  selectedOf,
  schemaPerCatalogue,
  textOf,
  type ReadResult,
  type ViewStateValues,
} from '../state.ts';

const B = BLOCK_IDS.closeCode;
const OUTCOMES = ['won', 'lost'] as const satisfies readonly CloseOutcome[];

export interface CloseCodeData {
  code: string;
  type: CloseOutcome;
  description: string;
}

/** The Close Code form; `mode: 'edit'` changes the description of the code `initial` names (code and type stay). */
export function closeCodeModal(
  p: Presenter,
  initial: Partial<CloseCodeData> = {},
  mode: 'add' | 'edit' = 'add',
): ModalView {
  const { ui } = p.t;
  const M = ui.modal.closeCode;
  const typeOptions = OUTCOMES.map((o) => option(ui.outcome[o], o));
  const initialType = typeOptions.find((o) => o.value === (initial.type ?? 'won'));
  const description = input({
    blockId: B.description,
    label: M.description,
    optional: true,
    element: {
      type: 'plain_text_input',
      max_length: TEXT_MAX_LENGTH,
      ...(initial.description ? { initial_value: initial.description } : {}),
    },
  });
  if (mode === 'edit') {
    return modal({
      callbackId: CALLBACK_IDS.editCloseCode,
      title: M.editTitle,
      submit: M.submit,
      close: ui.common.cancel,
      blocks: [
        context(
          [M.editAbout(escapeText(initial.code ?? ''), ui.outcome[initial.type ?? 'won'])],
          BLOCK_IDS.setupEdit.about,
        ),
        description,
      ],
    });
  }
  return modal({
    callbackId: CALLBACK_IDS.closeCode,
    title: M.title,
    submit: M.submit,
    close: ui.common.cancel,
    blocks: [
      input({
        blockId: B.code,
        label: M.code,
        hint: ui.modal.salesCycle.codeHint,
        element: { type: 'plain_text_input', max_length: 10, ...(initial.code ? { initial_value: initial.code } : {}) },
      }),
      input({
        blockId: B.type,
        label: M.type,
        element: {
          type: 'radio_buttons',
          options: typeOptions,
          ...(initialType ? { initial_option: initialType } : {}),
        },
      }),
      description,
    ],
  });
}

const FIELD_BLOCKS: Record<string, string> = { code: B.code, type: B.type, description: B.description };

const schemaFor = schemaPerCatalogue((errors) =>
  z.object({
    code: codeText(errors),
    type: choice(OUTCOMES, errors.pickOutcome),
    description: optionalText(errors, TEXT_MAX_LENGTH),
  }),
);

const editSchemaFor = schemaPerCatalogue((errors) => z.object({ description: optionalText(errors, TEXT_MAX_LENGTH) }));

export function readCloseCodeEdit(p: Presenter, values: ViewStateValues): ReadResult<{ description: string }> {
  return parseForm({
    schema: editSchemaFor(p.t.ui.errors),
    raw: { description: textOf(values, B.description) },
    blockOf: () => B.description,
  });
}

export function readCloseCode(p: Presenter, values: ViewStateValues): ReadResult<CloseCodeData> {
  return parseForm({
    schema: schemaFor(p.t.ui.errors),
    raw: { code: textOf(values, B.code), type: selectedOf(values, B.type), description: textOf(values, B.description) },
    blockOf: (field) => FIELD_BLOCKS[field] ?? B.code,
  });
}

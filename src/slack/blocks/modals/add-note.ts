// Add note modal: one interaction logged on the opportunity (Business Central's interaction log), dated
// today, shown in the card's history and counted in its statistics.
import { z } from 'zod';
import { NOTE_MAX_LENGTH } from '../../../domain/opportunity-edit.ts';
import { escapeText } from '../../../i18n/markup.ts';
import type { Presenter } from '../../../i18n/presenter.ts';
import { BLOCK_IDS, CALLBACK_IDS } from '../../ids.ts';
import { context, input, modal, placeholder, type ModalView } from '../kit.ts';
import {
  parseForm,
  requiredText,
  schemaPerCatalogue,
  textOf,
  type ReadResult,
  type ViewStateValues,
} from '../state.ts';

const B = BLOCK_IDS.note;

export function addNoteModal(p: Presenter, spec: { no: string; description: string }): ModalView {
  const { ui } = p.t;
  const M = ui.modal.note;
  return modal({
    callbackId: CALLBACK_IDS.addNote,
    title: M.title,
    submit: M.submit,
    close: ui.common.cancel,
    blocks: [
      context([M.context(escapeText(spec.no), escapeText(spec.description))], B.context),
      input({
        blockId: B.text,
        label: M.text,
        element: {
          type: 'plain_text_input',
          multiline: true,
          max_length: NOTE_MAX_LENGTH,
          placeholder: placeholder(M.placeholder),
        },
      }),
    ],
  });
}

const schemaFor = schemaPerCatalogue((errors) => z.object({ text: requiredText(errors, NOTE_MAX_LENGTH) }));

export function readAddNote(p: Presenter, values: ViewStateValues): ReadResult<{ text: string }> {
  return parseForm({
    schema: schemaFor(p.t.ui.errors, 'en'),
    raw: { text: textOf(values, B.text) },
    blockOf: () => B.text,
  });
}

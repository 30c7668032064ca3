// Edit Opportunity modal (Business Central's card, §5.1–5.2): description, contact, salesperson and
// priority, pre-filled with the current values. A closed opportunity shows only its description (the
// only field that may still change); stage and figures change with the Update form, not here.
import { z } from 'zod';
import type { Contact } from '../../../domain/contact.ts';
import type { OpportunityStatus, Priority } from '../../../domain/opportunity.ts';
import { TEXT_MAX_LENGTH } from '../../../domain/text.ts';
import { escapeText } from '../../../i18n/markup.ts';
import type { Presenter } from '../../../i18n/presenter.ts';
import { ACTION_IDS, BLOCK_IDS, CALLBACK_IDS } from '../../ids.ts';
import { context, input, modal, option, placeholder, type KnownBlock, type ModalView } from '../kit.ts';
import {
  choice,
  hasBlock,
  parseForm,
  requiredText,
  schemaPerCatalogue,
  selectedOf,
  textOf,
  userOf,
  type FieldErrors,
  type ReadResult,
  type ViewStateValues,
} from '../state.ts';

const B = BLOCK_IDS.edit;
const PRIORITIES = ['low', 'normal', 'high'] as const satisfies readonly Priority[];

export interface EditOpportunityModalInput {
  no: string;
  status: OpportunityStatus;
  description: string;
  contact: Contact;
  salesperson: { slackUserId: string | null };
  priority: Priority;
}

/** What was submitted; the fields a closed opportunity's form does not show are absent. */
export interface EditOpportunityData {
  description: string;
  contactNo?: string | undefined;
  salespersonUserId?: string | undefined;
  priority?: Priority | undefined;
}

export function editOpportunityModal(p: Presenter, spec: EditOpportunityModalInput): ModalView {
  const { ui } = p.t;
  const M = ui.modal.edit;
  const open = spec.status === 'not_started' || spec.status === 'in_progress';
  const priorityOptions = PRIORITIES.map((value) => option(ui.priority[value], value));
  const blocks: KnownBlock[] = [
    context([M.context(escapeText(spec.no), ui.status[spec.status])], B.context),
    input({
      blockId: B.description,
      label: M.description,
      element: { type: 'plain_text_input', max_length: TEXT_MAX_LENGTH, initial_value: spec.description },
    }),
  ];
  if (open) {
    blocks.push(
      input({
        blockId: B.contact,
        label: M.contact,
        ...(spec.status === 'in_progress' ? { hint: M.contactStartedHint } : {}),
        element: {
          type: 'external_select',
          action_id: ACTION_IDS.contactSearch,
          min_query_length: 1,
          placeholder: placeholder(M.contactPlaceholder),
          initial_option: option(escapeText(spec.contact.name), spec.contact.no),
        },
      }),
      input({
        blockId: B.salesperson,
        label: M.salesperson,
        hint: M.salespersonHint,
        // A salesperson set up without a Slack user cannot be shown here: leaving it empty keeps them.
        optional: spec.salesperson.slackUserId === null,
        element: {
          type: 'users_select',
          ...(spec.salesperson.slackUserId ? { initial_user: spec.salesperson.slackUserId } : {}),
        },
      }),
      input({
        blockId: B.priority,
        label: M.priority,
        element: {
          type: 'static_select',
          options: priorityOptions,
          initial_option: priorityOptions[PRIORITIES.indexOf(spec.priority)] ?? option(ui.priority.normal, 'normal'),
        },
      }),
    );
  } else {
    blocks.push(context([M.closedHint]));
  }
  return modal({
    callbackId: CALLBACK_IDS.editOpportunity,
    title: M.title(escapeText(spec.no)),
    submit: M.submit,
    close: ui.common.cancel,
    blocks,
  });
}

const FIELD_BLOCKS: Record<string, string> = {
  description: B.description,
  contactNo: B.contact,
  salespersonUserId: B.salesperson,
  priority: B.priority,
};

const schemaFor = schemaPerCatalogue((errors) =>
  z.object({
    description: requiredText(errors, TEXT_MAX_LENGTH),
    contactNo: z.string().optional(),
    salespersonUserId: z.string().optional(),
    priority: choice(PRIORITIES, errors.pickOne).optional(),
  }),
);

export function readEditOpportunity(p: Presenter, values: ViewStateValues): ReadResult<EditOpportunityData> {
  const sentences = p.t.ui.errors;
  const present = (blockId: string, value: string) => (hasBlock(values, blockId) && value !== '' ? value : undefined);
  const raw = {
    description: textOf(values, B.description),
    contactNo: present(B.contact, selectedOf(values, B.contact)),
    salespersonUserId: present(B.salesperson, userOf(values, B.salesperson)),
    priority: present(B.priority, selectedOf(values, B.priority)),
  };
  return parseForm({
    schema: schemaFor(sentences, 'en'),
    raw,
    blockOf: (field) => FIELD_BLOCKS[field] ?? B.description,
    // The contact of an open opportunity cannot be emptied.
    cross: (r): FieldErrors =>
      hasBlock(values, B.contact) && r.contactNo === undefined ? { [B.contact]: sentences.pickContact } : {},
  });
}

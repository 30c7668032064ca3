// Contact setup modal: name, company or person, the person's company, email, "create customer".
import type { types } from '@slack/bolt';
import { z } from 'zod';
import type { ContactType } from '../../../domain/contact.ts';
import { TEXT_MAX_LENGTH } from '../../../domain/text.ts';
import type { Presenter } from '../../../i18n/presenter.ts';
import { ACTION_IDS, BLOCK_IDS, CALLBACK_IDS, OPTION_VALUES } from '../../ids.ts';
import { context, input, modal, option, placeholder, type ModalView } from '../kit.ts';
import { escapeText } from '../../../i18n/markup.ts';
import {
  checkedOf,
  choice,
  parseForm,
  requiredText,
  schemaPerCatalogue,
  selectedOf,
  textOf,
  type FieldErrors,
  type ReadResult,
  type ViewStateValues,
} from '../state.ts';

const B = BLOCK_IDS.contact;
const TYPES = ['company', 'person'] as const satisfies readonly ContactType[];
const EMAIL_MAX = 80;

export interface ContactData {
  name: string;
  type: ContactType;
  /** The company contact no. of a person; undefined for none. */
  companyNo?: string | undefined;
  email?: string | undefined;
  createCustomer: boolean;
}

/** What the Contact edit form shows of a contact. */
export interface ContactEditInitial {
  no: string;
  name: string;
  type: ContactType;
  companyNo: string | null;
  companyName: string | null;
  customerNo: string | null;
}

export interface ContactEditData {
  name: string;
  /** A company picked (its contact no.); undefined: unchanged. */
  companyNo?: string | undefined;
  leaveCompany: boolean;
  createCustomer: boolean;
  unlinkCustomer: boolean;
}

/**
 * The Contact form pre-filled to change a contact: its name, a person's company (picked, or left) and the
 * customer link (created, or removed). Its number and type are shown, not asked.
 */
export function contactEditModal(p: Presenter, contact: ContactEditInitial): ModalView {
  const { ui } = p.t;
  const M = ui.modal.contact;
  const blocks: types.KnownBlock[] = [
    context([M.editAbout(escapeText(contact.no), ui.contactType[contact.type])], BLOCK_IDS.setupEdit.about),
    input({
      blockId: B.name,
      label: M.name,
      element: { type: 'plain_text_input', max_length: TEXT_MAX_LENGTH, initial_value: contact.name },
    }),
  ];
  if (contact.type === 'person') {
    const current =
      contact.companyNo === null
        ? undefined
        : option(
            ui.common.contact(escapeText(contact.companyName ?? contact.companyNo), null),
            contact.companyNo,
            ui.common.contactOption(escapeText(contact.companyNo), ui.contactType.company),
          );
    blocks.push(
      input({
        blockId: B.company,
        label: M.company,
        hint: M.editCompanyHint,
        optional: true,
        element: {
          type: 'external_select',
          action_id: ACTION_IDS.companySearch,
          min_query_length: 1,
          placeholder: placeholder(M.companyPlaceholder),
          ...(current ? { initial_option: current } : {}),
        },
      }),
    );
    if (contact.companyNo !== null) {
      blocks.push(
        input({
          blockId: B.leaveCompany,
          label: M.leaveCompany,
          optional: true,
          element: { type: 'checkboxes', options: [option(M.leaveCompanyOption, OPTION_VALUES.leaveCompany)] },
        }),
      );
    }
  }
  blocks.push(
    input({
      blockId: B.customer,
      label: M.customer,
      optional: true,
      ...(contact.customerNo === null ? {} : { hint: M.customerLinked(escapeText(contact.customerNo)) }),
      element: {
        type: 'checkboxes',
        options: [
          contact.customerNo === null
            ? option(M.customerOption, OPTION_VALUES.createCustomer)
            : option(M.unlinkCustomerOption, OPTION_VALUES.unlinkCustomer),
        ],
      },
    }),
  );
  return modal({
    callbackId: CALLBACK_IDS.editContact,
    title: M.editTitle,
    submit: M.submit,
    close: ui.common.cancel,
    blocks,
  });
}

const editSchemaFor = schemaPerCatalogue((errors) =>
  z.object({
    name: requiredText(errors, TEXT_MAX_LENGTH),
    companyNo: z.string().transform((raw) => raw.trim() || undefined),
    leaveCompany: z.boolean(),
    createCustomer: z.boolean(),
    unlinkCustomer: z.boolean(),
  }),
);

export function readContactEdit(p: Presenter, values: ViewStateValues): ReadResult<ContactEditData> {
  const sentences = p.t.ui.errors;
  const customer = checkedOf(values, B.customer);
  return parseForm({
    schema: editSchemaFor(sentences),
    raw: {
      name: textOf(values, B.name),
      companyNo: selectedOf(values, B.company),
      leaveCompany: checkedOf(values, B.leaveCompany).includes(OPTION_VALUES.leaveCompany),
      createCustomer: customer.includes(OPTION_VALUES.createCustomer),
      unlinkCustomer: customer.includes(OPTION_VALUES.unlinkCustomer),
    },
    blockOf: (field) => (field === 'name' ? B.name : B.company),
  });
}

export function contactModal(
  p: Presenter,
  initial: { name?: string; type?: ContactType } = {},
  options: { canCreateCustomer?: boolean } = {},
): ModalView {
  const { ui } = p.t;
  const M = ui.modal.contact;
  const typeOptions = TYPES.map((t) => option(ui.contactType[t], t));
  const initialType = typeOptions.find((o) => o.value === (initial.type ?? 'company'));
  return modal({
    callbackId: CALLBACK_IDS.contact,
    title: M.title,
    submit: M.submit,
    close: ui.common.cancel,
    blocks: [
      input({
        blockId: B.name,
        label: M.name,
        element: {
          type: 'plain_text_input',
          max_length: TEXT_MAX_LENGTH,
          ...(initial.name ? { initial_value: initial.name } : {}),
        },
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
      input({
        blockId: B.company,
        label: M.company,
        hint: M.companyHint,
        optional: true,
        element: {
          type: 'external_select',
          action_id: ACTION_IDS.companySearch,
          min_query_length: 1,
          placeholder: placeholder(M.companyPlaceholder),
        },
      }),
      input({ blockId: B.email, label: M.email, optional: true, element: { type: 'email_text_input' } }),
      // Making a customer is an admin's: others are not offered it.
      ...(options.canCreateCustomer === false
        ? []
        : [
            input({
              blockId: B.customer,
              label: M.customer,
              optional: true,
              element: {
                type: 'checkboxes' as const,
                options: [option(M.customerOption, OPTION_VALUES.createCustomer)],
              },
            }),
          ]),
    ],
  });
}

const FIELD_BLOCKS: Record<string, string> = {
  name: B.name,
  type: B.type,
  companyNo: B.company,
  email: B.email,
  createCustomer: B.customer,
};

const schemaFor = schemaPerCatalogue((errors) =>
  z.object({
    name: requiredText(errors, TEXT_MAX_LENGTH),
    type: choice(TYPES, errors.pickOne),
    companyNo: z.string().transform((raw) => raw.trim() || undefined),
    email: z.string().transform((raw, ctx) => {
      const text = raw.trim();
      if (text === '') return undefined;
      if (text.length > EMAIL_MAX || !z.email().safeParse(text).success) {
        ctx.addIssue({ code: 'custom', message: errors.email });
        return z.NEVER;
      }
      return text;
    }),
    createCustomer: z.boolean(),
  }),
);

export function readContact(p: Presenter, values: ViewStateValues): ReadResult<ContactData> {
  const sentences = p.t.ui.errors;
  return parseForm({
    schema: schemaFor(sentences),
    raw: {
      name: textOf(values, B.name),
      type: selectedOf(values, B.type),
      companyNo: selectedOf(values, B.company),
      email: textOf(values, B.email),
      createCustomer: checkedOf(values, B.customer).includes(OPTION_VALUES.createCustomer),
    },
    blockOf: (field) => FIELD_BLOCKS[field] ?? B.name,
    cross: (raw): FieldErrors => {
      const errors: FieldErrors = {};
      if (raw.type === 'company' && raw.companyNo !== '') errors[B.company] = sentences.companyOnlyForPerson;
      if (raw.type === 'person' && raw.companyNo === '' && raw.createCustomer)
        errors[B.customer] = sentences.customerNeedsCompany;
      return errors;
    },
  });
}

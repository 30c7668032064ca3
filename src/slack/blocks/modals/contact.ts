// Contact setup modal: name, company or person, the person's company, email, "create customer".
import { z } from 'zod';
import type { ContactType } from '../../../domain/contact.ts';
import { TEXT_MAX_LENGTH } from '../../../domain/text.ts';
import type { Presenter } from '../../../i18n/presenter.ts';
import { ACTION_IDS, BLOCK_IDS, CALLBACK_IDS, OPTION_VALUES } from '../../ids.ts';
import { input, modal, option, placeholder, type ModalView } from '../kit.ts';
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

export function contactModal(p: Presenter, initial: { name?: string; type?: ContactType } = {}): ModalView {
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
      input({
        blockId: B.customer,
        label: M.customer,
        optional: true,
        element: { type: 'checkboxes', options: [option(M.customerOption, OPTION_VALUES.createCustomer)] },
      }),
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

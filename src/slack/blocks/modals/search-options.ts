// Options for the external_select fields (answer block_suggestion with `ack({ options })`).
// Values are contact numbers only.
import { escapeText } from '../../../i18n/markup.ts';
import type { Contact } from '../../../domain/contact.ts';
import { ui } from '../../../i18n/en/ui.ts';
import { capOptions, option, type PlainTextOption } from '../kit.ts';

export type ContactSearchResult = Contact & { companyName: string | null };

/** One option per contact ("Jane Doe, Acme Corp" → CT00002), at most 100. */
export function contactSearchOptions(contacts: readonly ContactSearchResult[]): PlainTextOption[] {
  return capOptions(
    contacts.map((c) =>
      option(
        ui.common.contact(
          escapeText(c.name),
          c.type === 'person' && c.companyName !== null ? escapeText(c.companyName) : null,
        ),
        c.no,
        ui.common.contactOption(escapeText(c.no), ui.contactType[c.type]),
      ),
    ),
  );
}

/** Company contacts only (the company of a new person contact). */
export function companySearchOptions(contacts: readonly ContactSearchResult[]): PlainTextOption[] {
  return contactSearchOptions(contacts.filter((c) => c.type === 'company'));
}

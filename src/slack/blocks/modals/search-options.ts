// Options for the external_select fields (answer block_suggestion with `ack({ options })`).
// Values are contact numbers only.
import { escapeText } from '../../../i18n/markup.ts';
import type { Contact } from '../../../domain/contact.ts';
import type { Presenter } from '../../../i18n/presenter.ts';
import { capOptions, option, type PlainTextOption } from '../kit.ts';

export type ContactSearchResult = Contact & { companyName: string | null };

/** One option per contact ("Jane Doe, Acme Corp" → CT00002), at most 100. */
export function contactSearchOptions(p: Presenter, contacts: readonly ContactSearchResult[]): PlainTextOption[] {
  const { ui } = p.t;
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
export function companySearchOptions(p: Presenter, contacts: readonly ContactSearchResult[]): PlainTextOption[] {
  return contactSearchOptions(
    p,
    contacts.filter((c) => c.type === 'company'),
  );
}

// Editing an opportunity's own fields (Business Central's card, §5.1–5.2): description, contact,
// salesperson and priority. Stage and figures are not edited here: they change only through entries
// (moves, updates, closes). Pure: the service looks up the contact and salesperson and writes the plan.
import { checkContactChange, type Contact } from './contact.ts';
import { assertOpen, checkSalespersonAssignable, type OpportunityRef, type Priority } from './opportunity.ts';
import { DomainError } from './problems.ts';
import { requiredText } from './text.ts';

export type EditField = 'description' | 'contact' | 'salesperson' | 'priority';

/** One edited field, from → to, as text: a contact by its number, a salesperson by their Slack user. */
export interface FieldEdit {
  field: EditField;
  from: string | null;
  to: string | null;
  /** What a reader is shown for a contact or salesperson (their names at the time of the edit). */
  fromName?: string | null | undefined;
  toName?: string | null | undefined;
}

export interface EditSalesperson {
  code: string;
  name: string;
  blocked: boolean;
  slackUserId: string | null;
}

export interface EditInput {
  opportunity: OpportunityRef;
  current: { description: string; contact: Contact; salesperson: EditSalesperson; priority: Priority };
  /** Only what the person asked to change is present. */
  requested: {
    description?: string | undefined;
    contact?: Contact | undefined;
    salesperson?: EditSalesperson | undefined;
    priority?: Priority | undefined;
  };
}

export interface EditPlan {
  description: string;
  contact: Contact;
  salesperson: EditSalesperson;
  priority: Priority;
  /** Only the fields whose value changes; never empty. */
  changes: FieldEdit[];
}

/**
 * What an edit changes. The description may be corrected at any time; contact, salesperson and priority
 * only while the opportunity is open (the card's rule). After the start the contact may change only
 * within the same company; the salesperson cannot be a blocked one. Asking for the values it already
 * has is refused, so no edit is ever recorded that changed nothing.
 */
export function planEdit(input: EditInput): EditPlan {
  const { opportunity, current, requested } = input;
  const description =
    requested.description === undefined ? current.description : requiredText(requested.description, 'description');
  const contact = requested.contact ?? current.contact;
  const salesperson = requested.salesperson ?? current.salesperson;
  const priority = requested.priority ?? current.priority;

  const changes: FieldEdit[] = [];
  if (description !== current.description)
    changes.push({ field: 'description', from: current.description, to: description });
  const masterChanged =
    contact.no !== current.contact.no || salesperson.code !== current.salesperson.code || priority !== current.priority;
  if (masterChanged) assertOpen(opportunity);
  if (contact.no !== current.contact.no) {
    checkContactChange({
      opportunityNo: opportunity.no,
      status: opportunity.status,
      oldContact: current.contact,
      newContact: contact,
    });
    changes.push({
      field: 'contact',
      from: current.contact.no,
      to: contact.no,
      fromName: current.contact.name,
      toName: contact.name,
    });
  }
  if (salesperson.code !== current.salesperson.code) {
    checkSalespersonAssignable(salesperson);
    changes.push({
      field: 'salesperson',
      from: current.salesperson.slackUserId,
      to: salesperson.slackUserId,
      fromName: current.salesperson.name,
      toName: salesperson.name,
    });
  }
  if (priority !== current.priority) changes.push({ field: 'priority', from: current.priority, to: priority });
  if (changes.length === 0) throw new DomainError({ kind: 'nothing-edited', opportunityNo: opportunity.no });
  return { description, contact, salesperson, priority, changes };
}

/** A note (an interaction logged on the opportunity): trimmed, not empty, at most this long. */
export const NOTE_MAX_LENGTH = 500;

export function validateNote(text: string): string {
  return requiredText(text, 'note', NOTE_MAX_LENGTH);
}

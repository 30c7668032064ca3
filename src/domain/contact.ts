// Contacts: companies and persons (optionally working for a company).
import type { OpportunityStatus } from './opportunity-status.ts';
import { DomainError } from './problems.ts';
import { requiredText } from './text.ts';

export type ContactType = 'company' | 'person';

export interface Contact {
  no: string;
  name: string;
  type: ContactType;
  /** The person's company contact no.; always null for a company. */
  companyNo: string | null;
}

export interface ContactInput {
  name: string;
  type: ContactType;
  /** The company a person works for, already looked up; null for none. */
  company?: Contact | null;
}

export function validateContact(input: ContactInput): { name: string; type: ContactType; companyNo: string | null } {
  const name = requiredText(input.name, 'name');
  const company = input.company ?? null;
  if (company && input.type === 'company') throw new DomainError({ kind: 'company-cannot-have-company', name });
  if (company && company.type !== 'company')
    throw new DomainError({ kind: 'contact-company-not-company', companyNo: company.no });
  return { name, type: input.type, companyNo: company ? company.no : null };
}

/**
 * A contact's new company (BC: only a person has one). Returns the company no. it will have; throws when
 * a company would get one or the new company is not a company.
 */
export function checkCompanyChange(contact: Contact, company: Contact | null): string | null {
  if (company && contact.type === 'company')
    throw new DomainError({ kind: 'company-cannot-have-company', name: contact.name });
  if (company && company.type !== 'company')
    throw new DomainError({ kind: 'contact-company-not-company', companyNo: company.no });
  return company?.no ?? null;
}

/** BC's "Contact Company No.": a company is its own company, a person has its company (or none). */
export function contactCompanyNo(contact: Contact): string | null {
  return contact.type === 'company' ? contact.no : contact.companyNo;
}

/**
 * Changing the contact of an opportunity (§5.2): once started (status ≠ Not Started) the new
 * contact must belong to the same company as the old one; closed opportunities are read-only
 * (card rule, §5.1). Returns the new Contact Company No.
 */
export function checkContactChange(input: {
  opportunityNo: string;
  status: OpportunityStatus;
  oldContact: Contact;
  newContact: Contact;
}): { contactCompanyNo: string | null } {
  if (input.status === 'won' || input.status === 'lost') {
    throw new DomainError({ kind: 'opportunity-closed', opportunityNo: input.opportunityNo, status: input.status });
  }
  const newCompany = contactCompanyNo(input.newContact);
  if (input.status !== 'not_started' && newCompany !== contactCompanyNo(input.oldContact)) {
    throw new DomainError({
      kind: 'contact-other-company',
      contactNo: input.newContact.no,
      name: input.newContact.name,
    });
  }
  return { contactCompanyNo: newCompany };
}

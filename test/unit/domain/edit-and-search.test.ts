// Editing an opportunity's own fields (Business Central §5.1–5.2) and the fold the search compares with.
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../src/domain/contact.ts';
import { type EditInput, planEdit } from '../../../src/domain/opportunity-edit.ts';
import { FOLD_FROM, FOLD_TO, foldForSearch, searchWords } from '../../../src/domain/search.ts';
import { problemOf } from './fixtures.ts';

const acme: Contact = { no: 'CT1', name: 'Acme Corp', type: 'company', companyNo: null };
const pat: Contact = { no: 'CT2', name: 'Pat Person', type: 'person', companyNo: 'CT1' };
const sam: Contact = { no: 'CT3', name: 'Solo Sam', type: 'person', companyNo: null };
const ann = { code: 'ANN', name: 'Ann Lee', blocked: false, slackUserId: 'U0ANN' };
const bob = { code: 'BOB', name: 'Bob Kay', blocked: false, slackUserId: 'U0BOB' };

function edit(requested: EditInput['requested'], status: EditInput['opportunity']['status'] = 'in_progress') {
  return planEdit({
    opportunity: { no: 'OP00001', status },
    current: { description: 'Fleet renewal', contact: acme, salesperson: ann, priority: 'normal' },
    requested,
  });
}

describe('editing an opportunity', () => {
  it('records only what changes, from → to', () => {
    const plan = edit({ description: ' Fleet renewal ', contact: pat, salesperson: bob, priority: 'high' });
    expect(plan.changes).toEqual([
      { field: 'contact', from: 'CT1', to: 'CT2', fromName: 'Acme Corp', toName: 'Pat Person' },
      { field: 'salesperson', from: 'U0ANN', to: 'U0BOB', fromName: 'Ann Lee', toName: 'Bob Kay' },
      { field: 'priority', from: 'normal', to: 'high' },
    ]);
  });

  it('after the start the contact stays within its company; before it, any contact', () => {
    expect(problemOf(() => edit({ contact: sam }))).toMatchObject({ kind: 'contact-other-company', contactNo: 'CT3' });
    expect(edit({ contact: sam }, 'not_started').contact).toEqual(sam);
  });

  it('a closed opportunity changes its description only', () => {
    expect(edit({ description: 'Fleet renewal (lost)' }, 'lost').changes).toHaveLength(1);
    expect(problemOf(() => edit({ priority: 'high' }, 'won'))).toMatchObject({ kind: 'opportunity-closed' });
  });

  it('refuses a blocked salesperson, an empty description and an edit that changes nothing', () => {
    expect(problemOf(() => edit({ salesperson: { ...bob, blocked: true } }))).toMatchObject({
      kind: 'salesperson-blocked',
    });
    expect(problemOf(() => edit({ description: '  ' }))).toMatchObject({ kind: 'required', field: 'description' });
    expect(problemOf(() => edit({ priority: 'normal', salesperson: ann }))).toEqual({
      kind: 'nothing-edited',
      opportunityNo: 'OP00001',
    });
  });
});

describe('the search fold', () => {
  it('ignores case and accents, the same way as the SQL translate() table', () => {
    expect(foldForSearch('Müller ÅNGSTRÖM Łódź Çà')).toBe('muller angstrom lodz ca');
    expect([...FOLD_FROM].length).toBe([...FOLD_TO].length);
    // Every letter the table folds, in either case, folds to what the table says.
    [...FOLD_FROM].forEach((letter, i) => expect(foldForSearch(letter)).toBe([...FOLD_TO][i]));
  });

  it('splits the words, once each', () => {
    expect(searchWords(' Fleet,  "renewal" fleet ')).toEqual(['fleet', 'renewal']);
    expect(searchWords('   ')).toEqual([]);
  });
});

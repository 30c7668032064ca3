// Search compares folded texts (src/domain/search.ts) with columns PostgreSQL keeps folded (migration
// 20261204060500, whose letters were copied from FOLD_FROM and FOLD_TO). If the letters change in the
// code and not in the database, or the other way round, a search would miss what it should find: this
// checks that the database folds every letter as the code does, on rows written and rows renamed.
import { describe, expect, it } from 'vitest';
import { localDate } from '../../src/domain/local-date.ts';
import { FOLD_FROM, foldForSearch } from '../../src/domain/search.ts';
import { BACKENDS } from '../support/databases.ts';
import { useServices } from '../support/fixtures.ts';

const TODAY = localDate('2026-11-02');

describe.each(BACKENDS)('the folded texts search reads, on %s', (backend) => {
  const { db, services, seededWorkspace } = useServices(backend);

  it('fold every letter as the code does, in descriptions and names, also after an edit', async () => {
    const ws = await seededWorkspace();
    const letters = [...FOLD_FROM];
    // Descriptions are at most 100 characters: the letters in pieces, with plain ones and a capital.
    const pieces: string[] = [];
    for (let i = 0; i < letters.length; i += 80) pieces.push(`Zé ${letters.slice(i, i + 80).join('')}`);
    for (const text of pieces) {
      await services.setup.addContact(ws, { name: text, type: 'company' });
      await services.opportunities.create(ws, {
        description: text,
        contact: text,
        salesperson: { slackUserId: 'UREP1', displayName: 'Rep' },
        salesCycleCode: 'STD',
        today: TODAY,
      });
    }
    const opportunities = await db.prisma.opportunity.findMany({
      where: { workspaceId: ws, description: { in: pieces } },
      select: { description: true, searchText: true },
    });
    const contacts = await db.prisma.contact.findMany({
      where: { workspaceId: ws, name: { in: pieces } },
      select: { name: true, searchName: true },
    });
    expect(opportunities).toHaveLength(pieces.length);
    expect(contacts).toHaveLength(pieces.length);
    for (const o of opportunities) expect(o.searchText).toBe(foldForSearch(o.description));
    for (const c of contacts) expect(c.searchName).toBe(foldForSearch(c.name));

    await db.prisma.opportunity.updateMany({
      where: { workspaceId: ws, description: pieces[0] },
      data: { description: 'Öl für Ærø' },
    });
    const edited = await db.prisma.opportunity.findFirst({
      where: { workspaceId: ws, description: 'Öl für Ærø' },
      select: { searchText: true },
    });
    expect(edited?.searchText).toBe(foldForSearch('Öl für Ærø'));
  });

  it('find an opportunity by an accented word typed plain, and by its contact', async () => {
    const ws = await seededWorkspace();
    await services.setup.addContact(ws, { name: 'Société Générale', type: 'company' });
    const deal = await services.opportunities.create(ws, {
      description: 'Déménagement à Montréal',
      contact: 'Société Générale',
      salesperson: { slackUserId: 'UREP1', displayName: 'Rep' },
      salesCycleCode: 'STD',
      today: TODAY,
    });
    const found = await services.queries.search(ws, { words: ['montreal'], text: 'montreal' });
    expect(found.items.map((o) => o.no)).toEqual([deal.no]);
    expect(found.total).toBe(1);
    const byContact = await services.queries.search(ws, { words: ['societe', 'generale'], text: 'societe generale' });
    expect(byContact.items.map((o) => [o.no, o.exact])).toEqual([[deal.no, true]]);
  });
});

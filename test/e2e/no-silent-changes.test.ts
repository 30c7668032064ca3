// Issue 14 through the real receiver, on both backends: Update keeps what was not typed (points 1), a move
// that cannot start or has no value says what to do (points 12 and 13).
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/databases.ts';
import { newOpportunity, seededWorkspace, useTestApp } from '../support/fixtures.ts';
import { run } from './e2e-kit.ts';
import { localDate } from '../../src/domain/local-date.ts';
import { TEST_TODAY } from '../support/test-app.ts';

describe.each(BACKENDS)('no silent changes on %s', (backend) => {
  const t = useTestApp(backend);

  async function active(teamId: string, no: string) {
    return t.db.prisma.opportunityEntry.findFirstOrThrow({
      where: { workspaceId: teamId, active: true, opportunity: { no } },
    });
  }

  it('update with a closing date keeps the chances; with a value and chances it keeps the closing date', async () => {
    const teamId = await seededWorkspace(t);
    const no = await newOpportunity(t.app.services, teamId, { chances: 35, closeDate: '2026-12-15' });
    await run(t, `update ${no} close:2027-01-20`, teamId);
    const dated = await active(teamId, no);
    expect(dated.chancesPct.toString()).toBe('35');
    expect(dated.estimatedCloseDate.toISOString().slice(0, 10)).toBe('2027-01-20');
    await run(t, `update ${no} value:22,500 chance:40`, teamId);
    const valued = await active(teamId, no);
    expect(valued.estimatedValue.toString()).toBe('22500');
    expect(valued.chancesPct.toString()).toBe('40');
    expect(valued.estimatedCloseDate.toISOString().slice(0, 10)).toBe('2027-01-20');
  });

  it('next before the start says it has not started and how to start it', async () => {
    const teamId = await seededWorkspace(t);
    const no = await newOpportunity(t.app.services, teamId, { start: false });
    expect(await run(t, `next ${no}`, teamId)).toContain(
      `Opportunity ${no} hasn't been started yet: activate its first stage first (Activate first stage on its card, or /opp move ${no}).`,
    );
  });

  it('next after an activation without a value says how to give one', async () => {
    const teamId = await seededWorkspace(t);
    const no = await newOpportunity(t.app.services, teamId, { start: false });
    await t.app.services.opportunities.activateFirstStage(teamId, no, localDate(TEST_TODAY));
    expect(await run(t, `next ${no}`, teamId)).toContain(
      `Opportunity ${no} has no estimated value yet, and it must be greater than 0 to move on: give it one with Update on its card, or /opp update ${no} value:25000.`,
    );
    // Typed, the plain rule speaks.
    expect(await run(t, `next ${no} value:0`, teamId)).toContain('must be greater than 0.');
  });
});

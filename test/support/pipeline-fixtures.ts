// A small pipeline setup the storage and end-to-end suites share. Stages have gaps in their numbers,
// one requires a quote, some may be skipped over.
import { dec } from '../../src/domain/decimal.ts';
import type { Services } from '../../src/services/index.ts';

export async function seedPipelineSetup(services: Services, workspaceId: string): Promise<void> {
  const { setup } = services;
  await setup.addSalesCycle(workspaceId, {
    code: 'STD',
    description: 'Standard sale',
    probabilityCalculation: 'multiply',
  });
  const stages = [
    { stage: 10, description: 'Initial contact', completedPct: dec(10), chancesPct: dec(20), dateFormula: '1W' },
    {
      stage: 20,
      description: 'Qualification',
      completedPct: dec(30),
      chancesPct: dec(40),
      allowSkip: true,
      dateFormula: '2W',
    },
    {
      stage: 40,
      description: 'Proposal',
      completedPct: dec(60),
      chancesPct: dec(60),
      allowSkip: true,
      quoteRequired: true,
      dateFormula: '1M',
    },
    { stage: 50, description: 'Negotiation', completedPct: dec(80), chancesPct: dec(75), dateFormula: '2W' },
    { stage: 70, description: 'Signature', completedPct: dec(95), chancesPct: dec(90), dateFormula: '1W' },
  ];
  for (const stage of stages) await setup.addStage(workspaceId, 'STD', stage);
  await setup.addCloseCode(workspaceId, { code: 'WIN', description: 'Best offer', type: 'won' });
  await setup.addCloseCode(workspaceId, { code: 'PRICE', description: 'Too expensive', type: 'lost' });
  await setup.addCloseCode(workspaceId, { code: 'NOBUDGET', description: 'No budget', type: 'lost' });
  await setup.addContact(workspaceId, { name: 'Acme Corp', type: 'company' });
  await setup.addContact(workspaceId, { name: 'Pat Person', type: 'person', company: 'Acme Corp' });
  await setup.addContact(workspaceId, { name: 'Solo Sam', type: 'person' });
}

// A sales cycle whose first stage has an activity (two steps: one due the day of the change, one a week
// later), so that starting an opportunity in it creates tasks, as Business Central's stage activities do.
import { dec } from '../../src/domain/decimal.ts';
import type { Services } from '../../src/services/index.ts';

export const TASK_CYCLE = 'TSK';
export const TASK_STEPS = ['Call the buyer', 'Send the proposal'] as const;

export async function seedTaskCycle(services: Services, workspaceId: string): Promise<void> {
  const { setup } = services;
  await setup.addActivity(workspaceId, {
    code: 'FOLLOW',
    description: 'Follow-up',
    steps: [
      { description: TASK_STEPS[0], dateFormula: '0D' },
      { description: TASK_STEPS[1], dateFormula: '1W' },
    ],
  });
  await setup.addSalesCycle(workspaceId, {
    code: TASK_CYCLE,
    description: 'With tasks',
    probabilityCalculation: 'multiply',
  });
  await setup.addStage(workspaceId, TASK_CYCLE, {
    stage: 10,
    description: 'First call',
    completedPct: dec(10),
    chancesPct: dec(20),
    dateFormula: '1W',
    activityCode: 'FOLLOW',
  });
  await setup.addStage(workspaceId, TASK_CYCLE, {
    stage: 20,
    description: 'Proposal',
    completedPct: dec(50),
    chancesPct: dec(50),
    dateFormula: '2W',
  });
}

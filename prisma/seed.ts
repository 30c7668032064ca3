// A realistic demo workspace, built through the services (so it obeys every rule): a field-sales cycle
// with gaps in its stage numbers, skippable stages and a Quote Required stage, and a renewal cycle; won
// and lost close codes; companies, persons and customers; 50 opportunities in both cycles, shared by
// several salespeople. It is a team at work on the day it is loaded: most opportunities moved in the
// last days and close in the weeks ahead (a few are overdue), and last week saw wins and losses.
// Deterministic: the same inputs (and the same day) give the same pipeline.
import { dec } from '../src/domain/decimal.ts';
import { addDays, type LocalDate } from '../src/domain/local-date.ts';
import type { MoveAction } from '../src/domain/opportunity.ts';
import type { Services } from '../src/services/index.ts';

export interface SeedOptions {
  workspaceId: string;
  today: LocalDate;
  /**
   * Slack users who own the demo opportunities, in turn; fewer than MIN_SALESPEOPLE are joined by demo
   * colleagues (a pipeline owned by one person is not a team's).
   */
  salespeople?: { slackUserId: string; name: string }[];
  opportunities?: number;
}

export interface SeedResult {
  opportunities: number;
  open: number;
  won: number;
  lost: number;
}

const DEFAULT_SALESPEOPLE = [
  { slackUserId: 'UDEMO0001', name: 'Alex Morgan' },
  { slackUserId: 'UDEMO0002', name: 'Sam Rivera' },
  { slackUserId: 'UDEMO0003', name: 'Jo Chen' },
  { slackUserId: 'UDEMO0004', name: 'Priya Nair' },
];

/** The fewest people who share the demo pipeline. */
export const MIN_SALESPEOPLE = 3;

/** Days before the load date on which the won and the lost deals closed, in turn (half of them last week). */
const CLOSED_DAYS_AGO = [1, 3, 5, 6, 9, 12, 16, 20, 24, 27];

/** The salespeople given, joined by demo colleagues up to MIN_SALESPEOPLE. */
function teamOf(given: readonly { slackUserId: string; name: string }[] | undefined) {
  const team = [...(given ?? [])];
  if (team.length === 0) return DEFAULT_SALESPEOPLE;
  for (const colleague of DEFAULT_SALESPEOPLE) {
    if (team.length >= MIN_SALESPEOPLE) break;
    if (!team.some((p) => p.slackUserId === colleague.slackUserId)) team.push(colleague);
  }
  return team;
}

const COMPANIES = [
  'Northwind Traders',
  'Contoso Pharmaceuticals',
  'Fabrikam Logistics',
  'Adatum Corporation',
  'Litware Labs',
  'Proseware Systems',
  'Tailspin Toys',
  'Wide World Importers',
  'Coho Vineyard',
  'Alpine Ski House',
  'Blue Yonder Airlines',
  'Margie’s Travel',
];

const PEOPLE = [
  'Dana Whitfield',
  'Ravi Kapoor',
  'Lena Novak',
  'Marcus Bell',
  'Aiko Tanaka',
  'Tomás Ortega',
  'Grace Liu',
  'Noah Brandt',
];

const DEALS = [
  'Fleet renewal',
  'Support contract',
  'Warehouse scanners',
  'Cloud migration',
  'Training package',
  'Office fit-out',
  'Annual licences',
  'Pilot project',
];

/** A small deterministic generator, so the demo looks the same on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

export async function seedDemoWorkspace(services: Services, options: SeedOptions): Promise<SeedResult> {
  const { workspaceId, today } = options;
  const salespeople = teamOf(options.salespeople);
  const count = options.opportunities ?? 50;
  const next = random(20_261_121);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const { setup, opportunities } = services;

  await setup.addSalesCycle(workspaceId, {
    code: 'FIELD',
    description: 'Field sales',
    probabilityCalculation: 'multiply',
  });
  const stages = [
    { stage: 10, description: 'Initial contact', completedPct: dec(5), chancesPct: dec(10), dateFormula: '1W' },
    {
      stage: 20,
      description: 'Qualification',
      completedPct: dec(20),
      chancesPct: dec(25),
      allowSkip: true,
      dateFormula: '2W',
    },
    {
      stage: 30,
      description: 'Needs analysis',
      completedPct: dec(35),
      chancesPct: dec(40),
      allowSkip: true,
      dateFormula: '2W',
    },
    {
      stage: 50,
      description: 'Proposal',
      completedPct: dec(60),
      chancesPct: dec(60),
      quoteRequired: true,
      dateFormula: '1M',
    },
    { stage: 60, description: 'Negotiation', completedPct: dec(80), chancesPct: dec(75), dateFormula: '2W' },
    { stage: 80, description: 'Verbal agreement', completedPct: dec(95), chancesPct: dec(90), dateFormula: '1W' },
  ];
  for (const stage of stages) await setup.addStage(workspaceId, 'FIELD', stage);
  await setup.addSalesCycle(workspaceId, {
    code: 'RENEWAL',
    description: 'Contract renewal',
    probabilityCalculation: 'add',
  });
  await setup.addStage(workspaceId, 'RENEWAL', {
    stage: 1,
    description: 'Renewal due',
    completedPct: dec(20),
    chancesPct: dec(70),
    dateFormula: '1M',
  });
  await setup.addStage(workspaceId, 'RENEWAL', {
    stage: 2,
    description: 'Offer sent',
    completedPct: dec(70),
    chancesPct: dec(80),
    dateFormula: '2W',
  });

  for (const code of [
    { code: 'PRICE', description: 'Best price', type: 'won' as const },
    { code: 'RELATION', description: 'Long-standing relationship', type: 'won' as const },
    { code: 'LOSTPRICE', description: 'Too expensive', type: 'lost' as const },
    { code: 'COMPETITOR', description: 'Chose a competitor', type: 'lost' as const },
    { code: 'NOBUDGET', description: 'No budget this year', type: 'lost' as const },
  ]) {
    await setup.addCloseCode(workspaceId, code);
  }

  const contacts: string[] = [];
  for (const [index, company] of COMPANIES.entries()) {
    await setup.addContact(workspaceId, { name: company, type: 'company', createCustomer: index % 3 === 0 });
    contacts.push(company);
    if (index < PEOPLE.length) {
      const person = PEOPLE[index] as string;
      await setup.addContact(workspaceId, { name: person, type: 'person', company });
      contacts.push(person);
    }
  }

  const renewalStages = [{ quoteRequired: false }, { quoteRequired: false }];
  const result: SeedResult = { opportunities: 0, open: 0, won: 0, lost: 0 };
  for (let i = 0; i < count; i++) {
    const owner = salespeople[i % salespeople.length] ?? DEFAULT_SALESPEOPLE[0];
    // One in four is a renewal, so both cycles are worked.
    const renewal = i % 4 === 3;
    const cycleStages: readonly { quoteRequired?: boolean }[] = renewal ? renewalStages : stages;
    const value = dec(Math.round((renewal ? 1_000 + next() * 19_000 : 2_000 + next() * 98_000) / 50) * 50);
    const contact = pick(contacts);
    const description = `${renewal ? 'Contract renewal' : pick(DEALS)} ${2026 + (i % 2)}`;
    // Two in ten are won and two lost, in the last four weeks (half of them last week); the rest are open.
    const fate = i % 10 < 2 ? 'won' : i % 10 < 4 ? 'lost' : 'open';
    const closedIndex = Math.floor(i / 10) * 2 + (i % 2);
    const targetIndex = Math.floor(next() * cycleStages.length);
    const gaps = Array.from({ length: targetIndex }, () => 2 + Math.floor(next() * 9));
    // An open one was last moved a few days ago (now and then longer ago); a few are past their closing date.
    const overdue = fate === 'open' && i % 7 === 5;
    let lastMoveAgo = Math.floor(next() ** 2 * 20);
    if (overdue) lastMoveAgo = Math.max(lastMoveAgo, 4 + (i % 6));
    const lastMove =
      fate === 'open'
        ? addDays(today, -lastMoveAgo)
        : addDays(today, -(CLOSED_DAYS_AGO[closedIndex % CLOSED_DAYS_AGO.length] ?? 1) - 1);
    const started = addDays(lastMove, -gaps.reduce((sum, gap) => sum + gap, 0));
    const closeDate =
      fate !== 'open'
        ? addDays(lastMove, 1)
        : overdue
          ? addDays(today, -Math.max(1, Math.floor(lastMoveAgo / 2)))
          : addDays(today, 7 + Math.floor(next() * 70));
    const created = await opportunities.create(workspaceId, {
      description,
      contact,
      salesperson: { slackUserId: owner?.slackUserId ?? 'UDEMO0001', displayName: owner?.name },
      salesCycleCode: renewal ? 'RENEWAL' : 'FIELD',
      activate: {
        estimatedValue: value,
        chancesPct: dec(10 + Math.floor(next() * 30)),
        estimatedCloseDate:
          targetIndex === 0 && fate === 'open' ? closeDate : addDays(started, 30 + Math.floor(next() * 60)),
      },
      today: started,
    });
    result.opportunities += 1;
    let date = started;
    // Walk forward through the stages, now and then updating the estimates, adding a quote before Proposal.
    for (let s = 1; s <= targetIndex; s++) {
      date = addDays(date, gaps[s - 1] ?? 1);
      if (cycleStages[s]?.quoteRequired) {
        await opportunities.createQuote(
          workspaceId,
          created.no,
          [
            {
              description: 'Equipment',
              quantity: dec(1 + Math.floor(next() * 5)),
              unitPrice: dec(Math.round(value.toNumber() / 4)),
            },
            { description: 'Installation and training', quantity: dec(1), unitPrice: dec(1_500), discountPct: dec(10) },
          ],
          date,
        );
      }
      const action: MoveAction = next() < 0.1 && s > 1 ? 'update' : 'next';
      await opportunities.move(workspaceId, created.no, { action, dateOfChange: date, today: date });
    }
    if (fate === 'open') {
      // The salesperson's own closing date on the last move (the stage formula's would date from then).
      if (targetIndex > 0)
        await opportunities.move(workspaceId, created.no, {
          action: 'update',
          estimatedCloseDate: closeDate,
          dateOfChange: date,
          today: date,
        });
      result.open += 1;
    } else if (fate === 'won') {
      const detail = await services.queries.get(workspaceId, created.no);
      await opportunities.close(workspaceId, created.no, {
        outcome: 'won',
        closeCode: next() < 0.5 ? 'PRICE' : 'RELATION',
        closingDate: closeDate,
        salesAmount: detail.quote ? undefined : value,
        today: closeDate,
      });
      result.won += 1;
    } else {
      await opportunities.close(workspaceId, created.no, {
        outcome: 'lost',
        closeCode: pick(['LOSTPRICE', 'COMPETITOR', 'NOBUDGET']),
        closingDate: closeDate,
        today: closeDate,
      });
      result.lost += 1;
    }
  }
  return result;
}

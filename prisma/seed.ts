// A realistic demo workspace, built through the services (so it obeys every rule): one field-sales
// cycle with gaps in its stage numbers, skippable stages and a Quote Required stage; won and lost
// close codes; companies, persons and customers; 50 opportunities spread over the stages, each
// with a history that starts weeks ago. Deterministic: the same inputs give the same pipeline.
import { dec } from '../src/domain/decimal.ts';
import { addDays, type LocalDate } from '../src/domain/local-date.ts';
import type { MoveAction } from '../src/domain/opportunity.ts';
import type { Services } from '../src/services/index.ts';

export interface SeedOptions {
  workspaceId: string;
  today: LocalDate;
  /** Slack users who own the demo opportunities (the first ones get most). */
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
];

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
  const salespeople = options.salespeople?.length ? options.salespeople : DEFAULT_SALESPEOPLE;
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

  const result: SeedResult = { opportunities: 0, open: 0, won: 0, lost: 0 };
  for (let i = 0; i < count; i++) {
    const owner = salespeople[i % salespeople.length] ?? DEFAULT_SALESPEOPLE[0];
    const started = addDays(today, -(20 + Math.floor(next() * 100)));
    const value = dec(Math.round((2_000 + next() * 98_000) / 50) * 50);
    const contact = pick(contacts);
    const created = await opportunities.create(workspaceId, {
      description: `${pick(DEALS)} ${2026 + (i % 2)}`,
      contact,
      salesperson: { slackUserId: owner?.slackUserId ?? 'UDEMO0001', displayName: owner?.name },
      salesCycleCode: 'FIELD',
      activate: {
        estimatedValue: value,
        chancesPct: dec(10 + Math.floor(next() * 30)),
        estimatedCloseDate: addDays(started, 30 + Math.floor(next() * 90)),
      },
      today: started,
    });
    result.opportunities += 1;
    let date = started;
    const targetIndex = Math.floor(next() * stages.length);
    // Walk forward through the stages, now and then going back a step, adding a quote before Proposal.
    for (let s = 1; s <= targetIndex; s++) {
      date = addDays(date, 3 + Math.floor(next() * 12));
      if (date > today) break;
      const entering = stages[s];
      if (entering?.quoteRequired) {
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
    const fate = next();
    const closeDate = addDays(date, 2 + Math.floor(next() * 10));
    if (fate < 0.22 && closeDate <= today) {
      const detail = await services.queries.get(workspaceId, created.no);
      await opportunities.close(workspaceId, created.no, {
        outcome: 'won',
        closeCode: next() < 0.5 ? 'PRICE' : 'RELATION',
        closingDate: closeDate,
        salesAmount: detail.quote ? undefined : value,
        today: closeDate,
      });
      result.won += 1;
    } else if (fate < 0.4 && closeDate <= today) {
      await opportunities.close(workspaceId, created.no, {
        outcome: 'lost',
        closeCode: pick(['LOSTPRICE', 'COMPETITOR', 'NOBUDGET']),
        closingDate: closeDate,
        today: closeDate,
      });
      result.lost += 1;
    } else {
      result.open += 1;
    }
  }
  return result;
}

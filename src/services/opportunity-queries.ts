// Reading opportunities: lists with filters and the full card with its history. Every figure shown
// comes from the active entry, as in Business Central (an opportunity stores no figures itself).
import type { Decimal } from '../domain/decimal.ts';
import type { LocalDate } from '../domain/local-date.ts';
import type { ActionTaken, OpportunityStatus } from '../domain/opportunity.ts';
import { DomainError } from '../domain/problems.ts';
import type { $Enums, Prisma } from '../generated/prisma/client.ts';
import type { PrismaClient, Tx } from './db.ts';
import { toDecimal, toLocalDate } from './mappers.ts';

export type Priority = 'low' | 'normal' | 'high';

export interface EntryView {
  entryNo: number;
  stage: number | null;
  stageDescription: string;
  previousStage: number | null;
  actionTaken: ActionTaken;
  dateOfChange: LocalDate;
  active: boolean;
  daysOpen: number;
  estimatedValue: Decimal;
  calcdCurrentValue: Decimal;
  chancesPct: Decimal;
  completedPct: Decimal;
  probabilityPct: Decimal;
  estimatedCloseDate: LocalDate;
  dateClosed: LocalDate | null;
  closeCode: string | null;
  closeCodeDescription: string | null;
}

export interface OpportunitySummary {
  id: number;
  no: string;
  description: string;
  status: OpportunityStatus;
  priority: Priority;
  version: number;
  contact: { no: string; name: string; type: 'company' | 'person'; companyName: string | null };
  salesperson: { code: string; name: string; slackUserId: string | null };
  salesCycle: { code: string; description: string };
  creationDate: LocalDate;
  dateClosed: LocalDate | null;
  /** The active entry; null until the first stage is activated. */
  current: EntryView | null;
  quote: { no: string; amount: Decimal } | null;
  order: { no: string; amount: Decimal } | null;
}

export interface OpportunityDetail extends OpportunitySummary {
  history: EntryView[];
}

export type StatusFilter = 'open' | 'won' | 'lost' | 'closed' | 'all';

export interface OpportunityFilter {
  status?: StatusFilter;
  salespersonSlackUserId?: string;
  contactNo?: string;
  salesCycleCode?: string;
}

const STATUS_FROM_DB: Record<$Enums.OpportunityStatus, OpportunityStatus> = {
  NOT_STARTED: 'not_started',
  IN_PROGRESS: 'in_progress',
  WON: 'won',
  LOST: 'lost',
};

export function statusFromDb(value: $Enums.OpportunityStatus): OpportunityStatus {
  return STATUS_FROM_DB[value];
}

export function actionTakenFromDb(value: $Enums.ActionTaken): ActionTaken {
  return value.toLowerCase() as ActionTaken;
}

const summaryInclude = {
  contact: { select: { no: true, name: true, type: true, company: { select: { name: true } } } },
  salesperson: { select: { code: true, name: true, slackUserId: true } },
  salesCycle: { select: { code: true, description: true } },
  entries: { where: { active: true }, include: { closeCode: { select: { code: true, description: true } } } },
  quote: { select: { no: true, lines: { select: { amount: true } } } },
  order: { select: { no: true, lines: { select: { amount: true } } } },
} satisfies Prisma.OpportunityInclude;

type SummaryRow = Prisma.OpportunityGetPayload<{ include: typeof summaryInclude }>;
type EntryRow = SummaryRow['entries'][number];

export function entryFromDb(row: EntryRow): EntryView {
  return {
    entryNo: row.id,
    stage: row.stage,
    stageDescription: row.stageDescription,
    previousStage: row.previousStage,
    actionTaken: actionTakenFromDb(row.actionTaken),
    dateOfChange: toLocalDate(row.dateOfChange),
    active: row.active,
    daysOpen: row.daysOpen,
    estimatedValue: toDecimal(row.estimatedValue),
    calcdCurrentValue: toDecimal(row.calcdCurrentValue),
    chancesPct: toDecimal(row.chancesPct),
    completedPct: toDecimal(row.completedPct),
    probabilityPct: toDecimal(row.probabilityPct),
    estimatedCloseDate: toLocalDate(row.estimatedCloseDate),
    dateClosed: row.dateClosed ? toLocalDate(row.dateClosed) : null,
    closeCode: row.closeCode?.code ?? null,
    closeCodeDescription: row.closeCode?.description ?? null,
  };
}

function documentTotal(doc: { no: string; lines: { amount: { toString(): string } }[] } | null) {
  if (!doc) return null;
  return { no: doc.no, amount: doc.lines.reduce((sum, l) => sum.plus(toDecimal(l.amount)), toDecimal(0)) };
}

function summaryFromDb(row: SummaryRow): OpportunitySummary {
  const active = row.entries[0];
  return {
    id: row.id,
    no: row.no,
    description: row.description,
    status: statusFromDb(row.status),
    priority: row.priority.toLowerCase() as Priority,
    version: row.version,
    contact: {
      no: row.contact.no,
      name: row.contact.name,
      type: row.contact.type === 'COMPANY' ? 'company' : 'person',
      companyName: row.contact.company?.name ?? null,
    },
    salesperson: row.salesperson,
    salesCycle: row.salesCycle,
    creationDate: toLocalDate(row.creationDate),
    dateClosed: row.dateClosed ? toLocalDate(row.dateClosed) : null,
    current: active ? entryFromDb(active) : null,
    quote: documentTotal(row.quote),
    order: documentTotal(row.order),
  };
}

function statusWhere(status: StatusFilter | undefined): Prisma.OpportunityWhereInput {
  switch (status ?? 'open') {
    case 'open':
      return { status: { in: ['NOT_STARTED', 'IN_PROGRESS'] } };
    case 'won':
      return { status: 'WON' };
    case 'lost':
      return { status: 'LOST' };
    case 'closed':
      return { status: { in: ['WON', 'LOST'] } };
    case 'all':
      return {};
  }
}

export class OpportunityQueries {
  constructor(private readonly prisma: PrismaClient) {}

  async list(
    workspaceId: string,
    filter: OpportunityFilter = {},
    limit = 50,
    offset = 0,
  ): Promise<{ items: OpportunitySummary[]; total: number }> {
    const where: Prisma.OpportunityWhereInput = {
      workspaceId,
      ...statusWhere(filter.status),
      ...(filter.salespersonSlackUserId ? { salesperson: { slackUserId: filter.salespersonSlackUserId } } : {}),
      ...(filter.contactNo ? { contact: { no: filter.contactNo } } : {}),
      ...(filter.salesCycleCode ? { salesCycle: { code: filter.salesCycleCode } } : {}),
    };
    const [rows, total] = await Promise.all([
      this.prisma.opportunity.findMany({
        where,
        include: summaryInclude,
        orderBy: { no: 'asc' },
        take: limit,
        skip: offset,
      }),
      this.prisma.opportunity.count({ where }),
    ]);
    return { items: rows.map(summaryFromDb), total };
  }

  async get(workspaceId: string, no: string): Promise<OpportunityDetail> {
    return loadOpportunityDetail(this.prisma, workspaceId, no);
  }
}

export async function loadOpportunityDetail(
  db: PrismaClient | Tx,
  workspaceId: string,
  no: string,
): Promise<OpportunityDetail> {
  const normalised = no.trim().toUpperCase();
  const row = await db.opportunity.findUnique({
    where: { workspaceId_no: { workspaceId, no: normalised } },
    include: summaryInclude,
  });
  if (!row) throw new DomainError({ kind: 'opportunity-not-found', no: normalised });
  const history = await db.opportunityEntry.findMany({
    where: { opportunityId: row.id },
    orderBy: { id: 'asc' },
    include: { closeCode: { select: { code: true, description: true } } },
  });
  return { ...summaryFromDb(row), history: history.map(entryFromDb) };
}

// Setup of a workspace's pipeline: sales cycles and stages, close codes, contacts, customers, activities.
// Every function is one transaction and is scoped to the workspace it is given.
import type { CloseOutcome } from '../domain/opportunity.ts';
import { type CloseCode, validateCloseCode } from '../domain/close-code.ts';
import { type Contact, type ContactType, validateContact } from '../domain/contact.ts';
import { normaliseDateFormula } from '../domain/date-formula.ts';
import { checkCanDeleteCloseCode, checkCanDeleteSalesCycle, checkCanDeleteStage } from '../domain/deletion.ts';
import { DomainError } from '../domain/problems.ts';
import type { ProbabilityCalculation } from '../domain/probability.ts';
import {
  checkCycleAssignable,
  checkStageNumberFree,
  normaliseCode,
  type SalesCycle,
  type SalesCycleWithStages,
  type Stage,
  type StageInput,
  validateSalesCycle,
  validateStage,
} from '../domain/sales-cycle.ts';
import { limitedText, requiredText } from '../domain/text.ts';
import { type $Enums, Prisma } from '../generated/prisma/client.ts';
import type { SqlExecutor } from '../store/sql.ts';
import { expiringCache, type LRUCache } from './cache.ts';
import { type Clock, systemClock } from './clock.ts';
import { inTransaction, type PrismaClient, type Tx } from './db.ts';
import { toDbDecimal, toDecimal } from './mappers.ts';
import { takeNextNo } from './numbering.ts';
import { ensureWorkspace, type SettingsChange, settingsFromRow, type WorkspaceSettings } from './workspace.ts';

const PROBABILITY_TO_DB: Record<ProbabilityCalculation, $Enums.ProbabilityCalculation> = {
  multiply: 'MULTIPLY',
  add: 'ADD',
  chances: 'CHANCES',
  completed: 'COMPLETED',
};

export function probabilityFromDb(value: $Enums.ProbabilityCalculation): ProbabilityCalculation {
  return value.toLowerCase() as ProbabilityCalculation;
}

type ContactRow = { no: string; name: string; type: $Enums.ContactType; company: { no: string } | null };

export function contactFromDb(row: ContactRow): Contact {
  return {
    no: row.no,
    name: row.name,
    type: row.type === 'COMPANY' ? 'company' : 'person',
    companyNo: row.company?.no ?? null,
  };
}

const SETTINGS_TTL_MS = 5_000;

export class SetupService {
  private readonly settingsCache: LRUCache<string, WorkspaceSettings>;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly sql: SqlExecutor,
    private readonly clock: Clock = systemClock,
  ) {
    this.settingsCache = expiringCache({ max: 10_000, ttlMs: SETTINGS_TTL_MS, clock: this.clock });
  }

  // ---- sales cycles and stages --------------------------------------------------------------

  async addSalesCycle(
    workspaceId: string,
    input: { code: string; description?: string; probabilityCalculation?: ProbabilityCalculation; blocked?: boolean },
  ): Promise<SalesCycle> {
    const cycle = validateSalesCycle(input);
    return inTransaction(
      this.prisma,
      async (tx) => {
        await ensureWorkspace(tx, workspaceId);
        const existing = await tx.salesCycle.findUnique({
          where: { workspaceId_code: { workspaceId, code: cycle.code } },
        });
        if (existing) throw new DomainError({ kind: 'duplicate', entity: 'sales-cycle', key: cycle.code });
        await tx.salesCycle.create({
          data: {
            workspaceId,
            code: cycle.code,
            description: cycle.description,
            probabilityCalculation: PROBABILITY_TO_DB[cycle.probabilityCalculation],
            blocked: cycle.blocked,
          },
        });
        return cycle;
      },
      { onUniqueViolation: () => ({ kind: 'duplicate', entity: 'sales-cycle', key: cycle.code }) },
    );
  }

  async setSalesCycleBlocked(workspaceId: string, code: string, blocked: boolean): Promise<SalesCycle> {
    return inTransaction(this.prisma, async (tx) => {
      const row = await findCycleRow(tx, workspaceId, code);
      const updated = await tx.salesCycle.update({ where: { id: row.id }, data: { blocked } });
      return {
        code: updated.code,
        description: updated.description,
        probabilityCalculation: probabilityFromDb(updated.probabilityCalculation),
        blocked,
      };
    });
  }

  async listSalesCycles(workspaceId: string): Promise<(SalesCycle & { stageCount: number })[]> {
    const rows = await this.prisma.salesCycle.findMany({
      where: { workspaceId },
      orderBy: { code: 'asc' },
      include: { _count: { select: { stages: true } } },
    });
    return rows.map((r) => ({
      code: r.code,
      description: r.description,
      probabilityCalculation: probabilityFromDb(r.probabilityCalculation),
      blocked: r.blocked,
      stageCount: r._count.stages,
    }));
  }

  async getSalesCycle(workspaceId: string, code: string): Promise<SalesCycleWithStages> {
    return loadCycleWithStages(this.sql, workspaceId, code);
  }

  async addStage(workspaceId: string, cycleCode: string, input: StageInput): Promise<Stage> {
    const stage = validateStage(input);
    const code = normaliseCode(cycleCode, 'sales-cycle');
    return inTransaction(
      this.prisma,
      async (tx) => {
        const cycle = await findCycleRow(tx, workspaceId, code);
        const existing = await tx.salesCycleStage.findMany({
          where: { salesCycleId: cycle.id },
          select: { stage: true },
        });
        checkStageNumberFree(code, existing, stage.stage);
        if (stage.activityCode) await findActivityRow(tx, workspaceId, stage.activityCode);
        await tx.salesCycleStage.create({
          data: {
            workspaceId,
            salesCycleId: cycle.id,
            stage: stage.stage,
            description: stage.description,
            completedPct: toDbDecimal(stage.completedPct),
            chancesPct: toDbDecimal(stage.chancesPct),
            quoteRequired: stage.quoteRequired,
            allowSkip: stage.allowSkip,
            dateFormula: stage.dateFormula,
            activityCode: stage.activityCode,
          },
        });
        return stage;
      },
      { onUniqueViolation: () => ({ kind: 'duplicate', entity: 'stage', key: `${code} ${stage.stage}` }) },
    );
  }

  /** Refused while an active entry sits at the stage (§3). */
  async deleteStage(workspaceId: string, cycleCode: string, stageNo: number): Promise<void> {
    await inTransaction(this.prisma, async (tx) => {
      const cycle = await findCycleRow(tx, workspaceId, cycleCode);
      const stage = await tx.salesCycleStage.findUnique({
        where: { salesCycleId_stage: { salesCycleId: cycle.id, stage: stageNo } },
      });
      if (!stage) throw new DomainError({ kind: 'stage-not-found', cycle: cycle.code, stage: stageNo });
      const activeCount = await tx.opportunityEntry.count({
        where: { workspaceId, salesCycleId: cycle.id, stage: stageNo, active: true },
      });
      checkCanDeleteStage({ cycle: cycle.code, stage: stageNo, activeCount });
      await tx.salesCycleStage.delete({ where: { id: stage.id } });
    });
  }

  /** Refused while open, started opportunities use the cycle (§2); closed and not-started ones do not block. */
  async deleteSalesCycle(workspaceId: string, cycleCode: string): Promise<void> {
    await inTransaction(this.prisma, async (tx) => {
      const cycle = await findCycleRow(tx, workspaceId, cycleCode);
      const openCount = await tx.opportunityEntry.count({
        where: { workspaceId, salesCycleId: cycle.id, active: true, actionTaken: { notIn: ['WON', 'LOST'] } },
      });
      checkCanDeleteSalesCycle({ code: cycle.code, openCount });
      const referenced = await tx.opportunity.count({ where: { workspaceId, salesCycleId: cycle.id } });
      if (referenced > 0) {
        // BC lets closed and never-started opportunities keep a dangling code; here their rows reference
        // the cycle, so it stays (their history remains readable) and the sentence says why.
        throw new DomainError({ kind: 'sales-cycle-referenced', code: cycle.code, count: referenced });
      }
      await tx.salesCycle.delete({ where: { id: cycle.id } });
    });
  }

  // ---- close codes ----------------------------------------------------------------------------

  async addCloseCode(
    workspaceId: string,
    input: { code: string; description?: string; type: CloseOutcome },
  ): Promise<CloseCode> {
    const code = validateCloseCode(input);
    return inTransaction(
      this.prisma,
      async (tx) => {
        await ensureWorkspace(tx, workspaceId);
        const existing = await tx.closeOpportunityCode.findUnique({
          where: { workspaceId_code: { workspaceId, code: code.code } },
        });
        if (existing) throw new DomainError({ kind: 'duplicate', entity: 'close-code', key: code.code });
        await tx.closeOpportunityCode.create({
          data: {
            workspaceId,
            code: code.code,
            description: code.description,
            type: code.type === 'won' ? 'WON' : 'LOST',
          },
        });
        return code;
      },
      { onUniqueViolation: () => ({ kind: 'duplicate', entity: 'close-code', key: code.code }) },
    );
  }

  async listCloseCodes(workspaceId: string, type?: CloseOutcome): Promise<(CloseCode & { entryCount: number })[]> {
    const rows = await this.prisma.closeOpportunityCode.findMany({
      where: { workspaceId, ...(type ? { type: type === 'won' ? 'WON' : 'LOST' } : {}) },
      orderBy: [{ type: 'asc' }, { code: 'asc' }],
      include: { _count: { select: { entries: true } } },
    });
    return rows.map((r) => ({
      code: r.code,
      description: r.description,
      type: r.type === 'WON' ? 'won' : 'lost',
      entryCount: r._count.entries,
    }));
  }

  /** A deliberate tightening over BC: a code that closed opportunities can't be deleted. */
  async deleteCloseCode(workspaceId: string, code: string): Promise<void> {
    const normalised = normaliseCode(code, 'close-code');
    await inTransaction(this.prisma, async (tx) => {
      const row = await tx.closeOpportunityCode.findUnique({
        where: { workspaceId_code: { workspaceId, code: normalised } },
      });
      if (!row) throw new DomainError({ kind: 'close-code-not-found', code: normalised });
      const entryCount = await tx.opportunityEntry.count({ where: { closeCodeId: row.id } });
      checkCanDeleteCloseCode({ code: normalised, entryCount });
      await tx.closeOpportunityCode.delete({ where: { id: row.id } });
    });
  }

  // ---- contacts and customers -------------------------------------------------------------

  async addContact(
    workspaceId: string,
    input: { name: string; type: ContactType; company?: string; email?: string; createCustomer?: boolean },
  ): Promise<Contact & { customerNo: string | null }> {
    return inTransaction(this.prisma, async (tx) => {
      const settings = await ensureWorkspace(tx, workspaceId);
      const companyRow = input.company ? await findContactRow(tx, workspaceId, input.company) : null;
      const company = companyRow ? contactFromDb(companyRow) : null;
      const valid = validateContact({ name: input.name, type: input.type, company });
      const email = input.email === undefined ? null : limitedText(input.email, 'email', 254) || null;
      const no = await takeNextNo(tx, workspaceId, 'contact', 'CT');
      const created = await tx.contact.create({
        data: {
          workspaceId,
          no,
          name: valid.name,
          type: valid.type === 'company' ? 'COMPANY' : 'PERSON',
          companyId: companyRow?.id ?? null,
          email,
        },
      });
      let customerNo: string | null = null;
      if (input.createCustomer) {
        const customerContact = companyRow ?? created;
        customerNo = (await ensureCustomerForContact(tx, workspaceId, customerContact)).no;
      }
      void settings;
      return { no, name: valid.name, type: valid.type, companyNo: company?.no ?? null, customerNo };
    });
  }

  /** Contacts whose name or number contains the text (all when empty), companies first. */
  async searchContacts(
    workspaceId: string,
    text = '',
    limit = 50,
  ): Promise<(Contact & { companyName: string | null; customerNo: string | null })[]> {
    const query = text.trim();
    const rows = await this.prisma.contact.findMany({
      where: {
        workspaceId,
        ...(query
          ? { OR: [{ name: { contains: query, mode: 'insensitive' } }, { no: { equals: query.toUpperCase() } }] }
          : {}),
      },
      orderBy: [{ type: 'asc' }, { name: 'asc' }],
      take: limit,
      include: { company: { select: { no: true, name: true } }, customer: { select: { no: true } } },
    });
    return rows.map((r) => ({
      ...contactFromDb(r),
      companyName: r.company?.name ?? null,
      customerNo: r.customer?.no ?? null,
    }));
  }

  /** One contact by number or name (see findContactRow for how a name is matched). */
  async findContact(workspaceId: string, text: string): Promise<Contact> {
    return contactFromDb(await findContactRow(this.prisma, workspaceId, text));
  }

  /**
   * Changes the workspace's settings in one transaction. A default sales cycle must exist and not be
   * blocked (it is what new opportunities get). Returns the settings as they are now.
   */
  async changeSettings(
    workspaceId: string,
    change: SettingsChange,
  ): Promise<WorkspaceSettings & { repsSeeOnlyOwn: boolean }> {
    const updated = await inTransaction(this.prisma, async (tx) => {
      await ensureWorkspace(tx, workspaceId);
      let defaultSalesCycleCode = change.defaultSalesCycleCode;
      if (defaultSalesCycleCode) {
        const cycle = await findCycleRow(tx, workspaceId, defaultSalesCycleCode);
        checkCycleAssignable({ ...cycle, probabilityCalculation: probabilityFromDb(cycle.probabilityCalculation) });
        defaultSalesCycleCode = cycle.code;
      }
      return tx.workspace.update({
        where: { id: workspaceId },
        data: {
          repsSeeOnlyOwn: change.repsSeeOnlyOwn,
          currency: change.currency,
          defaultSalesCycleCode,
          staleDays: change.staleDays,
        },
      });
    });
    // This process reads the new settings at once; others within SETTINGS_TTL_MS.
    const settings = settingsFromRow(updated);
    this.settingsCache.set(workspaceId, settings);
    return { ...settings, repsSeeOnlyOwn: updated.repsSeeOnlyOwn };
  }

  /**
   * The workspace's settings (currency, number prefixes, default cycle), created on first use. Every
   * request reads them and they rarely change, so they are kept for a few seconds.
   */
  async workspaceSettings(workspaceId: string): Promise<WorkspaceSettings> {
    const cached = this.settingsCache.get(workspaceId);
    if (cached) return cached;
    const settings = await ensureWorkspace(this.prisma, workspaceId);
    this.settingsCache.set(workspaceId, settings);
    return settings;
  }

  /** Every sales cycle with its stages, for App Home and the modals. */
  async listSalesCyclesWithStages(workspaceId: string): Promise<SalesCycleWithStages[]> {
    return selectCyclesWithStages(this.sql, workspaceId);
  }

  /** Creates the customer of a company contact (a person's company, for a person). */
  async addCustomer(workspaceId: string, contactText: string): Promise<{ no: string; name: string; created: boolean }> {
    return inTransaction(this.prisma, async (tx) => {
      const row = await findContactRow(tx, workspaceId, contactText);
      const target =
        row.type === 'COMPANY'
          ? row
          : row.company
            ? await tx.contact.findUniqueOrThrow({ where: { id: row.company.id } })
            : null;
      if (!target) throw new DomainError({ kind: 'contact-has-no-company', contactNo: row.no, name: row.name });
      const before = await tx.customer.findUnique({ where: { contactId: target.id } });
      const customer = await ensureCustomerForContact(tx, workspaceId, target);
      return { no: customer.no, name: customer.name, created: before === null };
    });
  }

  // ---- activities -----------------------------------------------------------------------------

  async addActivity(
    workspaceId: string,
    input: { code: string; description?: string; steps: { description: string; dateFormula?: string }[] },
  ): Promise<{ code: string; description: string; steps: { description: string; dateFormula: string }[] }> {
    const code = requiredText(input.code, 'code', 10).toUpperCase();
    if (/\s/.test(code)) throw new DomainError({ kind: 'code-invalid', entity: 'activity', code, max: 10 });
    const description = limitedText(input.description, 'description');
    const steps = input.steps.map((s) => ({
      description: requiredText(s.description, 'description'),
      dateFormula: normaliseDateFormula(s.dateFormula ?? ''),
    }));
    return inTransaction(this.prisma, async (tx) => {
      await ensureWorkspace(tx, workspaceId);
      const existing = await tx.activity.findUnique({ where: { workspaceId_code: { workspaceId, code } } });
      if (existing) throw new DomainError({ kind: 'duplicate', entity: 'activity', key: code });
      await tx.activity.create({
        data: { workspaceId, code, description, steps: { create: steps.map((s, i) => ({ stepNo: i + 1, ...s })) } },
      });
      return { code, description, steps };
    });
  }

  async listActivities(
    workspaceId: string,
  ): Promise<{ code: string; description: string; steps: { description: string; dateFormula: string }[] }[]> {
    const rows = await this.prisma.activity.findMany({
      where: { workspaceId },
      orderBy: { code: 'asc' },
      include: { steps: { orderBy: { stepNo: 'asc' } } },
    });
    return rows.map((r) => ({
      code: r.code,
      description: r.description,
      steps: r.steps.map((s) => ({ description: s.description, dateFormula: s.dateFormula })),
    }));
  }
}

// ---- lookups shared with the opportunity service ----------------------------------------------

export async function findCycleRow(tx: Tx | PrismaClient, workspaceId: string, code: string) {
  const normalised = code.trim().toUpperCase();
  const row = await tx.salesCycle.findUnique({ where: { workspaceId_code: { workspaceId, code: normalised } } });
  if (!row) throw new DomainError({ kind: 'sales-cycle-not-found', code: normalised });
  return row;
}

export async function loadCycleWithStages(
  db: SqlExecutor,
  workspaceId: string,
  code: string,
): Promise<SalesCycleWithStages> {
  const normalised = code.trim().toUpperCase();
  const [cycle] = await selectCyclesWithStages(db, workspaceId, normalised);
  if (!cycle) throw new DomainError({ kind: 'sales-cycle-not-found', code: normalised });
  return cycle;
}

/** A stage's columns, as the row-per-stage query and the JSON of `stagesJsonOf` both name them. */
interface StageColumns {
  stage: number;
  stage_description: string;
  completed_pct: string;
  chances_pct: string;
  quote_required: boolean;
  allow_skip: boolean;
  date_formula: string;
  activity_code: string | null;
}

/** A sales cycle's own columns. */
export interface CycleColumns {
  code: string;
  description: string;
  probability_calculation: $Enums.ProbabilityCalculation;
  blocked: boolean;
}

type CycleStageRow = CycleColumns & { [K in keyof StageColumns]: StageColumns[K] | null };

function stageFromColumns(row: StageColumns): Stage {
  return {
    stage: row.stage,
    description: row.stage_description,
    completedPct: toDecimal(row.completed_pct),
    chancesPct: toDecimal(row.chances_pct),
    quoteRequired: row.quote_required,
    allowSkip: row.allow_skip,
    dateFormula: row.date_formula,
    activityCode: row.activity_code,
  };
}

export function cycleFromColumns(row: CycleColumns, stages: Stage[]): SalesCycleWithStages {
  return {
    code: row.code,
    description: row.description,
    probabilityCalculation: probabilityFromDb(row.probability_calculation),
    blocked: row.blocked,
    stages,
  };
}

/**
 * The stages of the cycle whose id is `cycleId` (a column of the enclosing query), in stage order, as one
 * JSON text column: a subquery planned on its own, so a projection can carry the stages without another
 * join (every join makes PostgreSQL's planning of a wide projection dearer).
 */
export function stagesJsonOf(cycleId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT json_agg(json_build_object(
      'stage', s.stage, 'stage_description', s.description, 'completed_pct', s.completed_pct::text,
      'chances_pct', s.chances_pct::text, 'quote_required', s.quote_required, 'allow_skip', s.allow_skip,
      'date_formula', s.date_formula, 'activity_code', s.activity_code) ORDER BY s.stage)::text
    FROM sales_cycle_stage s WHERE s.sales_cycle_id = ${cycleId})`;
}

/** The stages read by `stagesJsonOf` (null: the cycle has none). */
export function stagesFromJson(json: string | null): Stage[] {
  return json === null ? [] : (JSON.parse(json) as StageColumns[]).map(stageFromColumns);
}

/** The workspace's sales cycles (or the one with `code`) with their stages in stage order, in one statement. */
async function selectCyclesWithStages(
  db: SqlExecutor,
  workspaceId: string,
  code?: string,
): Promise<SalesCycleWithStages[]> {
  const rows = await db.query<CycleStageRow>(Prisma.sql`
    SELECT sc.code, sc.description, sc.probability_calculation::text AS probability_calculation, sc.blocked,
           s.stage, s.description AS stage_description, s.completed_pct::text AS completed_pct,
           s.chances_pct::text AS chances_pct, s.quote_required, s.allow_skip, s.date_formula, s.activity_code
    FROM sales_cycle sc
    LEFT JOIN sales_cycle_stage s ON s.sales_cycle_id = sc.id
    WHERE sc.workspace_id = ${workspaceId} ${code === undefined ? Prisma.empty : Prisma.sql`AND sc.code = ${code}`}
    ORDER BY sc.code, s.stage`);
  const cycles: (SalesCycleWithStages & { stages: Stage[] })[] = [];
  for (const row of rows) {
    let cycle = cycles.at(-1);
    if (cycle?.code !== row.code) {
      cycle = { ...cycleFromColumns(row, []), stages: [] };
      cycles.push(cycle);
    }
    if (row.stage === null) continue;
    cycle.stages.push(stageFromColumns(row as StageColumns));
  }
  return cycles;
}

async function findActivityRow(tx: Tx, workspaceId: string, code: string) {
  const row = await tx.activity.findUnique({ where: { workspaceId_code: { workspaceId, code } } });
  if (!row) throw new DomainError({ kind: 'activity-not-found', code });
  return row;
}

/**
 * Finds a contact by number (CT00001) or by name: an exact (case-insensitive) name first, then a
 * unique partial match. Several partial matches are reported with their names so the user can choose.
 */
export async function findContactRow(tx: Tx | PrismaClient, workspaceId: string, text: string) {
  const query = text.trim();
  const include = { company: { select: { id: true, no: true, name: true } } } as const;
  if (query === '') throw new DomainError({ kind: 'required', field: 'contact' });
  const byNo = await tx.contact.findUnique({
    where: { workspaceId_no: { workspaceId, no: query.toUpperCase() } },
    include,
  });
  if (byNo) return byNo;
  const exact = await tx.contact.findMany({
    where: { workspaceId, name: { equals: query, mode: 'insensitive' } },
    include,
    take: 5,
  });
  if (exact.length === 1 && exact[0]) return exact[0];
  const candidates =
    exact.length > 1
      ? exact
      : await tx.contact.findMany({
          where: { workspaceId, name: { contains: query, mode: 'insensitive' } },
          include,
          take: 6,
        });
  if (candidates.length === 1 && candidates[0]) return candidates[0];
  if (candidates.length === 0) throw new DomainError({ kind: 'contact-not-found', text: query });
  throw new DomainError({
    kind: 'contact-ambiguous',
    text: query,
    candidates: candidates.map((c) => `${c.name} (${c.no})`),
  });
}

/** The customer of a company contact, created from the contact when missing (§8.3). */
export async function ensureCustomerForContact(
  tx: Tx,
  workspaceId: string,
  contact: { id: number; name: string },
): Promise<{ id: number; no: string; name: string }> {
  const existing = await tx.customer.findUnique({ where: { contactId: contact.id } });
  if (existing) return existing;
  const no = await takeNextNo(tx, workspaceId, 'customer', 'CU');
  return tx.customer.create({ data: { workspaceId, no, name: contact.name, contactId: contact.id } });
}

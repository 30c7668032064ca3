// Setup of a workspace's pipeline: sales cycles and stages, close codes, contacts, customers, activities.
// Every change is one transaction (src/services/db.ts) and is scoped to the workspace it is given.
import type { CloseOutcome } from '../domain/opportunity.ts';
import { type CloseCode, validateCloseCode } from '../domain/close-code.ts';
import { checkCompanyChange, type Contact, type ContactType, validateContact } from '../domain/contact.ts';
import { normaliseDateFormula } from '../domain/date-formula.ts';
import { checkCanDeleteCloseCode, checkCanDeleteSalesCycle, checkCanDeleteStage } from '../domain/deletion.ts';
import { DomainError } from '../domain/problems.ts';
import type { ProbabilityCalculation } from '../domain/probability.ts';
import {
  changeSalesCycle,
  changeStage,
  checkCycleAssignable,
  checkStageNumberFree,
  normaliseCode,
  type SalesCycle,
  type SalesCycleChange,
  type SalesCycleWithStages,
  type Stage,
  type StageChange,
  type StageInput,
  validateSalesCycle,
  validateStage,
} from '../domain/sales-cycle.ts';
import { limitedText, requiredText } from '../domain/text.ts';
import { type Expression, expressionBuilder } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type {
  ContactType as DbContactType,
  ProbabilityCalculation as DbProbabilityCalculation,
} from '../generated/kysely/types.ts';
import type { DB, SqlDatabase } from '../store/kysely.ts';
import { expiringCache, type LRUCache } from './cache.ts';
import { type Clock, systemClock } from './clock.ts';
import { transaction } from './db.ts';
import { toDbDecimal, toDecimal } from './mappers.ts';
import { takeNextNo } from './numbering.ts';
import { ensureWorkspace, type SettingsChange, settingsFromRow, type WorkspaceSettings } from './workspace.ts';

const PROBABILITY_TO_DB: Record<ProbabilityCalculation, DbProbabilityCalculation> = {
  multiply: 'MULTIPLY',
  add: 'ADD',
  chances: 'CHANCES',
  completed: 'COMPLETED',
};

export function probabilityFromDb(value: DbProbabilityCalculation): ProbabilityCalculation {
  return value.toLowerCase() as ProbabilityCalculation;
}

/** A contact as findContactRow reads it, with its company (a person's). */
export interface ContactRow {
  id: number;
  no: string;
  name: string;
  type: DbContactType;
  company: { id: number; no: string; name: string } | null;
}

export function contactFromDb(
  row: Pick<ContactRow, 'no' | 'name' | 'type'> & { company: { no: string } | null },
): Contact {
  return {
    no: row.no,
    name: row.name,
    type: row.type === 'COMPANY' ? 'company' : 'person',
    companyNo: row.company?.no ?? null,
  };
}

const SETTINGS_TTL_MS = 5_000;

/** A LIKE pattern that matches `text` anywhere, its own wildcards taken literally. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export class SetupService {
  private readonly settingsCache: LRUCache<string, WorkspaceSettings>;

  constructor(
    private readonly db: SqlDatabase,
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
    const duplicate = { kind: 'duplicate', entity: 'sales-cycle', key: cycle.code } as const;
    return transaction(
      this.db,
      async (tx) => {
        await ensureWorkspace(tx, workspaceId);
        const existing = await tx
          .selectFrom('sales_cycle')
          .select('id')
          .where('workspace_id', '=', workspaceId)
          .where('code', '=', cycle.code)
          .executeTakeFirst();
        if (existing) throw new DomainError(duplicate);
        await tx
          .insertInto('sales_cycle')
          .values({
            workspace_id: workspaceId,
            code: cycle.code,
            description: cycle.description,
            probability_calculation: PROBABILITY_TO_DB[cycle.probabilityCalculation],
            blocked: cycle.blocked,
            created_at: this.clock.now(),
          })
          .execute();
        return cycle;
      },
      { onUniqueViolation: () => duplicate },
    );
  }

  async setSalesCycleBlocked(workspaceId: string, code: string, blocked: boolean): Promise<SalesCycle> {
    return transaction(this.db, async (tx) => {
      const row = await findCycleRow(tx, workspaceId, code);
      await tx.updateTable('sales_cycle').set({ blocked }).where('id', '=', row.id).execute();
      return {
        code: row.code,
        description: row.description,
        probabilityCalculation: probabilityFromDb(row.probability_calculation),
        blocked,
      };
    });
  }

  /** Changes a cycle's description or probability calculation; blocking has its own command. */
  async editSalesCycle(
    workspaceId: string,
    code: string,
    change: SalesCycleChange,
  ): Promise<{ before: SalesCycle; after: SalesCycle }> {
    return transaction(this.db, async (tx) => {
      const row = await findCycleRow(tx, workspaceId, code);
      const before: SalesCycle = {
        code: row.code,
        description: row.description,
        probabilityCalculation: probabilityFromDb(row.probability_calculation),
        blocked: row.blocked,
      };
      const after = changeSalesCycle(before, change);
      // Entries keep the probability they were made with; the new method applies from the next change.
      await tx
        .updateTable('sales_cycle')
        .set({
          description: after.description,
          probability_calculation: PROBABILITY_TO_DB[after.probabilityCalculation],
        })
        .where('id', '=', row.id)
        .execute();
      return { before, after };
    });
  }

  async listSalesCycles(workspaceId: string): Promise<(SalesCycle & { stageCount: number })[]> {
    const rows = await this.db
      .selectFrom('sales_cycle as sc')
      .select((eb) => [
        'sc.code',
        'sc.description',
        'sc.probability_calculation',
        'sc.blocked',
        eb
          .selectFrom('sales_cycle_stage as s')
          .select((inner) => inner.fn.countAll<number>().as('n'))
          .whereRef('s.sales_cycle_id', '=', 'sc.id')
          .as('stage_count'),
      ])
      .where('sc.workspace_id', '=', workspaceId)
      .orderBy('sc.code')
      .execute();
    return rows.map((r) => ({
      code: r.code,
      description: r.description,
      probabilityCalculation: probabilityFromDb(r.probability_calculation),
      blocked: r.blocked,
      stageCount: r.stage_count ?? 0,
    }));
  }

  async getSalesCycle(workspaceId: string, code: string): Promise<SalesCycleWithStages> {
    return loadCycleWithStages(this.db, workspaceId, code);
  }

  async addStage(workspaceId: string, cycleCode: string, input: StageInput): Promise<Stage> {
    const stage = validateStage(input);
    const code = normaliseCode(cycleCode, 'sales-cycle');
    return transaction(
      this.db,
      async (tx) => {
        const cycle = await findCycleRow(tx, workspaceId, code);
        const existing = await tx
          .selectFrom('sales_cycle_stage')
          .select('stage')
          .where('sales_cycle_id', '=', cycle.id)
          .execute();
        checkStageNumberFree(code, existing, stage.stage);
        if (stage.activityCode) await findActivityRow(tx, workspaceId, stage.activityCode);
        await tx
          .insertInto('sales_cycle_stage')
          .values({
            workspace_id: workspaceId,
            sales_cycle_id: cycle.id,
            stage: stage.stage,
            description: stage.description,
            completed_pct: toDbDecimal(stage.completedPct),
            chances_pct: toDbDecimal(stage.chancesPct),
            quote_required: stage.quoteRequired,
            allow_skip: stage.allowSkip,
            date_formula: stage.dateFormula,
            activity_code: stage.activityCode,
          })
          .execute();
        return stage;
      },
      { onUniqueViolation: () => ({ kind: 'duplicate', entity: 'stage', key: `${code} ${stage.stage}` }) },
    );
  }

  /**
   * Changes a stage in place (§3). Entries already made keep their figures and the stage description copied
   * onto them; the new values apply from the next move into, or update at, the stage.
   */
  async editStage(
    workspaceId: string,
    cycleCode: string,
    stageNo: number,
    change: StageChange,
  ): Promise<{ cycleCode: string; before: Stage; after: Stage }> {
    return transaction(this.db, async (tx) => {
      const cycle = await loadCycleWithStages(tx, workspaceId, cycleCode);
      const before = cycle.stages.find((s) => s.stage === stageNo);
      if (!before) throw new DomainError({ kind: 'stage-not-found', cycle: cycle.code, stage: stageNo });
      const after = changeStage(before, change);
      if (after.activityCode && after.activityCode !== before.activityCode)
        await findActivityRow(tx, workspaceId, after.activityCode);
      const { id: cycleId } = await findCycleRow(tx, workspaceId, cycle.code);
      await tx
        .updateTable('sales_cycle_stage')
        .set({
          description: after.description,
          completed_pct: toDbDecimal(after.completedPct),
          chances_pct: toDbDecimal(after.chancesPct),
          quote_required: after.quoteRequired,
          allow_skip: after.allowSkip,
          date_formula: after.dateFormula,
          activity_code: after.activityCode,
        })
        .where('sales_cycle_id', '=', cycleId)
        .where('stage', '=', stageNo)
        .execute();
      return { cycleCode: cycle.code, before, after };
    });
  }

  /** Refused while an active entry sits at the stage (§3). */
  async deleteStage(workspaceId: string, cycleCode: string, stageNo: number): Promise<void> {
    await transaction(this.db, async (tx) => {
      const cycle = await findCycleRow(tx, workspaceId, cycleCode);
      const stage = await tx
        .selectFrom('sales_cycle_stage')
        .select('id')
        .where('sales_cycle_id', '=', cycle.id)
        .where('stage', '=', stageNo)
        .executeTakeFirst();
      if (!stage) throw new DomainError({ kind: 'stage-not-found', cycle: cycle.code, stage: stageNo });
      const { n: activeCount } = await tx
        .selectFrom('opportunity_entry')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workspace_id', '=', workspaceId)
        .where('sales_cycle_id', '=', cycle.id)
        .where('stage', '=', stageNo)
        .where('active', '=', true)
        .executeTakeFirstOrThrow();
      checkCanDeleteStage({ cycle: cycle.code, stage: stageNo, activeCount });
      await tx.deleteFrom('sales_cycle_stage').where('id', '=', stage.id).execute();
    });
  }

  /** Refused while open, started opportunities use the cycle (§2); closed and not-started ones do not block. */
  async deleteSalesCycle(workspaceId: string, cycleCode: string): Promise<void> {
    await transaction(this.db, async (tx) => {
      const cycle = await findCycleRow(tx, workspaceId, cycleCode);
      const { n: openCount } = await tx
        .selectFrom('opportunity_entry')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workspace_id', '=', workspaceId)
        .where('sales_cycle_id', '=', cycle.id)
        .where('active', '=', true)
        .where('action_taken', 'not in', ['WON', 'LOST'])
        .executeTakeFirstOrThrow();
      checkCanDeleteSalesCycle({ code: cycle.code, openCount });
      const { n: referenced } = await tx
        .selectFrom('opportunity')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workspace_id', '=', workspaceId)
        .where('sales_cycle_id', '=', cycle.id)
        .executeTakeFirstOrThrow();
      if (referenced > 0) {
        // BC lets closed and never-started opportunities keep a dangling code; here their rows reference
        // the cycle, so it stays (their history remains readable) and the sentence says why.
        throw new DomainError({ kind: 'sales-cycle-referenced', code: cycle.code, count: referenced });
      }
      await tx.deleteFrom('sales_cycle').where('id', '=', cycle.id).execute();
    });
  }

  // ---- close codes ----------------------------------------------------------------------------

  async addCloseCode(
    workspaceId: string,
    input: { code: string; description?: string; type: CloseOutcome },
  ): Promise<CloseCode> {
    const code = validateCloseCode(input);
    const duplicate = { kind: 'duplicate', entity: 'close-code', key: code.code } as const;
    return transaction(
      this.db,
      async (tx) => {
        await ensureWorkspace(tx, workspaceId);
        const existing = await tx
          .selectFrom('close_opportunity_code')
          .select('id')
          .where('workspace_id', '=', workspaceId)
          .where('code', '=', code.code)
          .executeTakeFirst();
        if (existing) throw new DomainError(duplicate);
        await tx
          .insertInto('close_opportunity_code')
          .values({
            workspace_id: workspaceId,
            code: code.code,
            description: code.description,
            type: code.type === 'won' ? 'WON' : 'LOST',
          })
          .execute();
        return code;
      },
      { onUniqueViolation: () => duplicate },
    );
  }

  async listCloseCodes(workspaceId: string, type?: CloseOutcome): Promise<(CloseCode & { entryCount: number })[]> {
    let query = this.db
      .selectFrom('close_opportunity_code as cc')
      .select((eb) => [
        'cc.code',
        'cc.description',
        'cc.type',
        eb
          .selectFrom('opportunity_entry as e')
          .select((inner) => inner.fn.countAll<number>().as('n'))
          .whereRef('e.close_code_id', '=', 'cc.id')
          .as('entry_count'),
      ])
      .where('cc.workspace_id', '=', workspaceId);
    if (type) query = query.where('cc.type', '=', type === 'won' ? 'WON' : 'LOST');
    const rows = await query.orderBy('cc.type').orderBy('cc.code').execute();
    return rows.map((r) => ({
      code: r.code,
      description: r.description,
      type: r.type === 'WON' ? 'won' : 'lost',
      entryCount: r.entry_count ?? 0,
    }));
  }

  /** Changes a close code's description; its type stays (closed opportunities were closed with it). */
  async editCloseCode(
    workspaceId: string,
    code: string,
    change: { description: string },
  ): Promise<{ before: CloseCode; after: CloseCode }> {
    const normalised = normaliseCode(code, 'close-code');
    return transaction(this.db, async (tx) => {
      const row = await tx
        .selectFrom('close_opportunity_code')
        .select(['id', 'code', 'description', 'type'])
        .where('workspace_id', '=', workspaceId)
        .where('code', '=', normalised)
        .executeTakeFirst();
      if (!row) throw new DomainError({ kind: 'close-code-not-found', code: normalised });
      const before: CloseCode = {
        code: row.code,
        description: row.description,
        type: row.type === 'WON' ? 'won' : 'lost',
      };
      const after = validateCloseCode({ ...before, description: change.description });
      await tx
        .updateTable('close_opportunity_code')
        .set({ description: after.description })
        .where('id', '=', row.id)
        .execute();
      return { before, after };
    });
  }

  /** A deliberate tightening over BC: a code that closed opportunities can't be deleted. */
  async deleteCloseCode(workspaceId: string, code: string): Promise<void> {
    const normalised = normaliseCode(code, 'close-code');
    await transaction(this.db, async (tx) => {
      const row = await tx
        .selectFrom('close_opportunity_code')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('code', '=', normalised)
        .executeTakeFirst();
      if (!row) throw new DomainError({ kind: 'close-code-not-found', code: normalised });
      const { n: entryCount } = await tx
        .selectFrom('opportunity_entry')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('close_code_id', '=', row.id)
        .executeTakeFirstOrThrow();
      checkCanDeleteCloseCode({ code: normalised, entryCount });
      await tx.deleteFrom('close_opportunity_code').where('id', '=', row.id).execute();
    });
  }

  // ---- contacts and customers -------------------------------------------------------------

  async addContact(
    workspaceId: string,
    input: { name: string; type: ContactType; company?: string; email?: string; createCustomer?: boolean },
  ): Promise<Contact & { customerNo: string | null }> {
    return transaction(this.db, async (tx) => {
      await ensureWorkspace(tx, workspaceId);
      const companyRow = input.company ? await findContactRow(tx, workspaceId, input.company) : null;
      const company = companyRow ? contactFromDb(companyRow) : null;
      const valid = validateContact({ name: input.name, type: input.type, company });
      const email = input.email === undefined ? null : limitedText(input.email, 'email', 254) || null;
      const no = await takeNextNo(tx, workspaceId, 'contact', 'CT');
      const created = await tx
        .insertInto('contact')
        .values({
          workspace_id: workspaceId,
          no,
          name: valid.name,
          type: valid.type === 'company' ? 'COMPANY' : 'PERSON',
          company_id: companyRow?.id ?? null,
          email,
          created_at: this.clock.now(),
        })
        .returning(['id', 'name'])
        .executeTakeFirstOrThrow();
      let customerNo: string | null = null;
      if (input.createCustomer) {
        const customerContact = companyRow ?? created;
        customerNo = (await ensureCustomerForContact(tx, workspaceId, customerContact, this.clock.now())).no;
      }
      return { no, name: valid.name, type: valid.type, companyNo: company?.no ?? null, customerNo };
    });
  }

  /** A contact with its company and customer, for the edit form. */
  async contactDetails(workspaceId: string, text: string): Promise<ContactDetails> {
    return contactDetailsOf(this.db, workspaceId, await findContactRow(this.db, workspaceId, text));
  }

  /**
   * Changes a contact's name, a person's company and the customer link, as Business Central does:
   * - a new name is the linked customer's name too (BC updates the customer from its contact);
   * - a person who leaves a company leaves their opportunities (with their entries), tasks, quotes and
   *   orders of that company behind with the company itself, which becomes their contact; what they had
   *   without a company stays theirs;
   * - `customer: true` creates the customer from the contact (a person's from their company);
   *   `customer: false` removes a customer that no quote or order uses.
   */
  async editContact(
    workspaceId: string,
    contactText: string,
    change: { name?: string; company?: string | null; customer?: boolean },
  ): Promise<{ before: ContactDetails; after: ContactDetails; handedOver: number }> {
    return transaction(this.db, async (tx) => {
      const row = await findContactRow(tx, workspaceId, contactText);
      const before = await contactDetailsOf(tx, workspaceId, row);
      const name =
        change.name === undefined
          ? row.name
          : validateContact({ name: change.name, type: contactFromDb(row).type }).name;
      let companyRow = row.company;
      if (change.company !== undefined) {
        const found = change.company === null ? null : await findContactRow(tx, workspaceId, change.company);
        checkCompanyChange(contactFromDb(row), found ? contactFromDb(found) : null);
        companyRow = found ? { id: found.id, no: found.no, name: found.name } : null;
      }
      await tx
        .updateTable('contact')
        .set({ name, company_id: companyRow?.id ?? null })
        .where('id', '=', row.id)
        .execute();
      if (name !== row.name) await tx.updateTable('customer').set({ name }).where('contact_id', '=', row.id).execute();
      let handedOver = 0;
      const oldCompany = row.company;
      if (oldCompany && oldCompany.id !== companyRow?.id) {
        const handed = await tx
          .updateTable('opportunity')
          .set({ contact_id: oldCompany.id })
          .where('workspace_id', '=', workspaceId)
          .where('contact_id', '=', row.id)
          .where('contact_company_id', '=', oldCompany.id)
          .returning('id')
          .execute();
        handedOver = handed.length;
        await tx
          .updateTable('opportunity_entry')
          .set({ contact_id: oldCompany.id })
          .where('workspace_id', '=', workspaceId)
          .where('contact_id', '=', row.id)
          .where('contact_company_id', '=', oldCompany.id)
          .execute();
        const opportunityIds = handed.map((h) => h.id);
        if (opportunityIds.length > 0) {
          for (const table of ['task', 'sales_quote', 'sales_order'] as const) {
            await tx
              .updateTable(table)
              .set({ contact_id: oldCompany.id })
              .where('contact_id', '=', row.id)
              .where('opportunity_id', 'in', opportunityIds)
              .execute();
          }
        }
      }
      if (change.customer === true) {
        const target =
          row.type === 'COMPANY'
            ? { id: row.id, name }
            : companyRow
              ? { id: companyRow.id, name: companyRow.name }
              : { id: row.id, name };
        await ensureCustomerForContact(tx, workspaceId, target, this.clock.now());
      } else if (change.customer === false && before.customerNo !== null) {
        const customer = await tx
          .selectFrom('customer')
          .select('id')
          .where('contact_id', '=', row.id)
          .executeTakeFirstOrThrow();
        const used = await tx
          .selectFrom('sales_quote')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('customer_id', '=', customer.id)
          .executeTakeFirstOrThrow();
        const ordered = await tx
          .selectFrom('sales_order')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('customer_id', '=', customer.id)
          .executeTakeFirstOrThrow();
        const documents = Number(used.n) + Number(ordered.n);
        if (documents > 0)
          throw new DomainError({
            kind: 'customer-has-documents',
            contactNo: row.no,
            name: row.name,
            customerNo: before.customerNo,
            documents,
          });
        await tx.deleteFrom('customer').where('id', '=', customer.id).execute();
      }
      const after = await contactDetailsOf(tx, workspaceId, { ...row, name, company: companyRow });
      return { before, after, handedOver };
    });
  }

  /** Contacts whose name or number contains the text (all when empty), companies first. */
  async searchContacts(
    workspaceId: string,
    text = '',
    limit = 50,
  ): Promise<(Contact & { companyName: string | null; customerNo: string | null })[]> {
    const query = text.trim();
    let select = this.db
      .selectFrom('contact as c')
      .leftJoin('contact as co', 'co.id', 'c.company_id')
      .leftJoin('customer as cu', 'cu.contact_id', 'c.id')
      .select(['c.no', 'c.name', 'c.type', 'co.no as company_no', 'co.name as company_name', 'cu.no as customer_no'])
      .where('c.workspace_id', '=', workspaceId);
    if (query) {
      select = select.where((eb) =>
        eb.or([eb('c.name', 'ilike', containing(query)), eb('c.no', '=', query.toUpperCase())]),
      );
    }
    const rows = await select.orderBy('c.type').orderBy('c.name').orderBy('c.id').limit(limit).execute();
    return rows.map((r) => ({
      ...contactFromDb({ ...r, company: r.company_no === null ? null : { no: r.company_no } }),
      companyName: r.company_name,
      customerNo: r.customer_no,
    }));
  }

  /** One contact by number or name (see findContactRow for how a name is matched). */
  async findContact(workspaceId: string, text: string): Promise<Contact> {
    return contactFromDb(await findContactRow(this.db, workspaceId, text));
  }

  /**
   * Changes the workspace's settings in one transaction. A default sales cycle must exist and not be
   * blocked (it is what new opportunities get). Returns the settings as they are now.
   */
  async changeSettings(
    workspaceId: string,
    change: SettingsChange,
  ): Promise<WorkspaceSettings & { repsSeeOnlyOwn: boolean; repsAddContacts: boolean }> {
    const updated = await transaction(this.db, async (tx) => {
      await ensureWorkspace(tx, workspaceId);
      let defaultSalesCycleCode = change.defaultSalesCycleCode;
      if (defaultSalesCycleCode) {
        const cycle = await findCycleRow(tx, workspaceId, defaultSalesCycleCode);
        checkCycleAssignable({ ...cycle, probabilityCalculation: probabilityFromDb(cycle.probability_calculation) });
        defaultSalesCycleCode = cycle.code;
      }
      return tx
        .updateTable('workspace')
        .set({
          reps_see_only_own: change.repsSeeOnlyOwn,
          reps_add_contacts: change.repsAddContacts,
          currency: change.currency,
          default_sales_cycle_code: defaultSalesCycleCode,
          stale_days: change.staleDays,
          language: change.language,
          updated_at: this.clock.now(),
        })
        .where('id', '=', workspaceId)
        .returningAll()
        .executeTakeFirstOrThrow();
    });
    // This process reads the new settings at once; others within SETTINGS_TTL_MS.
    const settings = settingsFromRow(updated);
    this.settingsCache.set(workspaceId, settings);
    return { ...settings, repsSeeOnlyOwn: updated.reps_see_only_own, repsAddContacts: updated.reps_add_contacts };
  }

  /**
   * The workspace's settings (currency, number prefixes, default cycle), created on first use. Every
   * request reads them and they rarely change, so they are kept for a few seconds.
   */
  async workspaceSettings(workspaceId: string): Promise<WorkspaceSettings> {
    const cached = this.settingsCache.get(workspaceId);
    if (cached) return cached;
    const settings = await ensureWorkspace(this.db, workspaceId);
    this.settingsCache.set(workspaceId, settings);
    return settings;
  }

  /** Every sales cycle with its stages, for App Home and the modals. */
  async listSalesCyclesWithStages(workspaceId: string): Promise<SalesCycleWithStages[]> {
    return selectCyclesWithStages(this.db, workspaceId);
  }

  /** Creates the customer of a company contact (a person's company, for a person; a person without one becomes it). */
  async addCustomer(workspaceId: string, contactText: string): Promise<{ no: string; name: string; created: boolean }> {
    return transaction(this.db, async (tx) => {
      const row = await findContactRow(tx, workspaceId, contactText);
      const target = row.type === 'COMPANY' ? row : (row.company ?? row);
      const before = await tx
        .selectFrom('customer')
        .select('id')
        .where('contact_id', '=', target.id)
        .executeTakeFirst();
      const customer = await ensureCustomerForContact(tx, workspaceId, target, this.clock.now());
      return { no: customer.no, name: customer.name, created: before === undefined };
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
    return transaction(this.db, async (tx) => {
      await ensureWorkspace(tx, workspaceId);
      const existing = await tx
        .selectFrom('activity')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('code', '=', code)
        .executeTakeFirst();
      if (existing) throw new DomainError({ kind: 'duplicate', entity: 'activity', key: code });
      const activity = await tx
        .insertInto('activity')
        .values({ workspace_id: workspaceId, code, description })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (steps.length > 0) {
        await tx
          .insertInto('activity_step')
          .values(
            steps.map((s, i) => ({
              activity_id: activity.id,
              step_no: i + 1,
              description: s.description,
              date_formula: s.dateFormula,
            })),
          )
          .execute();
      }
      return { code, description, steps };
    });
  }

  async listActivities(
    workspaceId: string,
  ): Promise<{ code: string; description: string; steps: { description: string; dateFormula: string }[] }[]> {
    const rows = await this.db
      .selectFrom('activity as a')
      .select((eb) => [
        'a.code',
        'a.description',
        jsonArrayFrom(
          eb
            .selectFrom('activity_step as st')
            .select(['st.description', 'st.date_formula'])
            .whereRef('st.activity_id', '=', 'a.id')
            .orderBy('st.step_no'),
        ).as('steps'),
      ])
      .where('a.workspace_id', '=', workspaceId)
      .orderBy('a.code')
      .execute();
    return rows.map((r) => ({
      code: r.code,
      description: r.description,
      steps: r.steps.map((s) => ({ description: s.description, dateFormula: s.date_formula })),
    }));
  }
}

// ---- lookups shared with the opportunity service ----------------------------------------------

/**
 * The cycle row by code; `db` may be the caller's transaction (a Prisma one only for subscriptions.ts
 * until it is converted).
 */
export async function findCycleRow(db: SqlDatabase, workspaceId: string, code: string) {
  const normalised = code.trim().toUpperCase();
  const row = await db
    .selectFrom('sales_cycle')
    .select(['id', 'code', 'description', 'probability_calculation', 'blocked'])
    .where('workspace_id', '=', workspaceId)
    .where('code', '=', normalised)
    .executeTakeFirst();
  if (!row) throw new DomainError({ kind: 'sales-cycle-not-found', code: normalised });
  return row;
}

export async function loadCycleWithStages(
  db: SqlDatabase,
  workspaceId: string,
  code: string,
): Promise<SalesCycleWithStages> {
  const normalised = code.trim().toUpperCase();
  const [cycle] = await selectCyclesWithStages(db, workspaceId, normalised);
  if (!cycle) throw new DomainError({ kind: 'sales-cycle-not-found', code: normalised });
  return cycle;
}

/** A stage's columns, as the row-per-stage query and `stagesOf` both name them. */
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
  probability_calculation: DbProbabilityCalculation;
  blocked: boolean;
}

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
 * JSON array column: a subquery planned on its own, so a projection can carry the stages without another
 * join (every join makes PostgreSQL's planning of a wide projection dearer). Numerics go as text, exact.
 */
export function stagesOf(cycleId: Expression<number>) {
  const eb = expressionBuilder<DB, never>();
  return jsonArrayFrom(
    eb
      .selectFrom('sales_cycle_stage as s')
      .select((inner) => [
        's.stage',
        's.description as stage_description',
        inner.cast<string>('s.completed_pct', 'text').as('completed_pct'),
        inner.cast<string>('s.chances_pct', 'text').as('chances_pct'),
        's.quote_required',
        's.allow_skip',
        's.date_formula',
        's.activity_code',
      ])
      .where('s.sales_cycle_id', '=', cycleId)
      .orderBy('s.stage'),
  );
}

/** The stages read by `stagesOf`. */
export function stagesFromRows(rows: readonly StageColumns[]): Stage[] {
  return rows.map(stageFromColumns);
}

/** The workspace's sales cycles (or the one with `code`) with their stages in stage order, in one statement. */
async function selectCyclesWithStages(
  db: SqlDatabase,
  workspaceId: string,
  code?: string,
): Promise<SalesCycleWithStages[]> {
  let query = db
    .selectFrom('sales_cycle as sc')
    .leftJoin('sales_cycle_stage as s', 's.sales_cycle_id', 'sc.id')
    .select([
      'sc.code',
      'sc.description',
      'sc.probability_calculation',
      'sc.blocked',
      's.stage',
      's.description as stage_description',
      's.completed_pct',
      's.chances_pct',
      's.quote_required',
      's.allow_skip',
      's.date_formula',
      's.activity_code',
    ])
    .where('sc.workspace_id', '=', workspaceId);
  if (code !== undefined) query = query.where('sc.code', '=', code);
  const rows = await query.orderBy('sc.code').orderBy('s.stage').execute();
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

async function findActivityRow(db: SqlDatabase, workspaceId: string, code: string) {
  const row = await db
    .selectFrom('activity')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row) throw new DomainError({ kind: 'activity-not-found', code });
  return row;
}

/** A contact as the edit form and its reply show it. */
export interface ContactDetails extends Contact {
  companyName: string | null;
  /** Its own customer (a company's, or a person's without a company). */
  customerNo: string | null;
}

async function contactDetailsOf(db: SqlDatabase, workspaceId: string, row: ContactRow): Promise<ContactDetails> {
  const customer = await db
    .selectFrom('customer')
    .select('no')
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', row.id)
    .executeTakeFirst();
  return { ...contactFromDb(row), companyName: row.company?.name ?? null, customerNo: customer?.no ?? null };
}

/** Contacts with their company, for findContactRow. */
function selectContacts(db: SqlDatabase, workspaceId: string) {
  return db
    .selectFrom('contact as c')
    .leftJoin('contact as co', 'co.id', 'c.company_id')
    .select([
      'c.id',
      'c.no',
      'c.name',
      'c.type',
      'co.id as company_id',
      'co.no as company_no',
      'co.name as company_name',
    ])
    .where('c.workspace_id', '=', workspaceId);
}

function contactRowOf(row: {
  id: number;
  no: string;
  name: string;
  type: DbContactType;
  company_id: number | null;
  company_no: string | null;
  company_name: string | null;
}): ContactRow {
  return {
    id: row.id,
    no: row.no,
    name: row.name,
    type: row.type,
    company:
      row.company_id === null || row.company_no === null || row.company_name === null
        ? null
        : { id: row.company_id, no: row.company_no, name: row.company_name },
  };
}

/**
 * Finds a contact by number (CT00001) or by name: an exact (case-insensitive) name first, then a
 * unique partial match. Several partial matches are reported with their names so the user can choose.
 */
export async function findContactRow(db: SqlDatabase, workspaceId: string, text: string): Promise<ContactRow> {
  const query = text.trim();
  if (query === '') throw new DomainError({ kind: 'required', field: 'contact' });
  const byNo = await selectContacts(db, workspaceId).where('c.no', '=', query.toUpperCase()).executeTakeFirst();
  if (byNo) return contactRowOf(byNo);
  const exact = await selectContacts(db, workspaceId)
    .where((eb) => eb(eb.fn('lower', ['c.name']), '=', query.toLowerCase()))
    .orderBy('c.id')
    .limit(5)
    .execute();
  if (exact.length === 1 && exact[0]) return contactRowOf(exact[0]);
  const candidates =
    exact.length > 1
      ? exact
      : await selectContacts(db, workspaceId)
          .where('c.name', 'ilike', containing(query))
          .orderBy('c.id')
          .limit(6)
          .execute();
  if (candidates.length === 1 && candidates[0]) return contactRowOf(candidates[0]);
  if (candidates.length === 0) throw new DomainError({ kind: 'contact-not-found', text: query });
  throw new DomainError({
    kind: 'contact-ambiguous',
    text: query,
    candidates: candidates.map((c) => `${c.name} (${c.no})`),
  });
}

/** The customer of a company contact, created from the contact when missing (§8.3); `db` is the caller's transaction. */
export async function ensureCustomerForContact(
  db: SqlDatabase,
  workspaceId: string,
  contact: { id: number; name: string },
  now: Date,
): Promise<{ id: number; no: string; name: string }> {
  const find = () =>
    db.selectFrom('customer').select(['id', 'no', 'name']).where('contact_id', '=', contact.id).executeTakeFirst();
  const existing = await find();
  if (existing) return existing;
  // Changes needing the same contact's first customer at once (two quotes, a quote and a Won closing)
  // queue on the contact row; each then reads again, so the later ones find the customer the first
  // made instead of breaking the one customer per contact. NO KEY: foreign-key checks still pass.
  await db.selectFrom('contact').select('id').where('id', '=', contact.id).forNoKeyUpdate().execute();
  const madeMeanwhile = await find();
  if (madeMeanwhile) return madeMeanwhile;
  const no = await takeNextNo(db, workspaceId, 'customer', 'CU');
  return db
    .insertInto('customer')
    .values({ workspace_id: workspaceId, no, name: contact.name, contact_id: contact.id, created_at: now })
    .returning(['id', 'no', 'name'])
    .executeTakeFirstOrThrow();
}

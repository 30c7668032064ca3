// Setting a workspace up: sales cycles and their stages, close codes, contacts, customers, activities.
// Changing them is an admin's (adding contacts everyone's unless the workspace says otherwise); reading them (the lists, the contact search of the forms) is anyone's in
// the workspace, since every rep picks cycles and contacts.
import { decide, type GuardedAction } from '../domain/permissions.ts';
import { type SalesCycleChange, sortStages, type StageChange } from '../domain/sales-cycle.ts';
import type { CloseCode } from '../domain/close-code.ts';
import { DomainError } from '../domain/problems.ts';
import type { SalesCycleWithStages, Stage } from '../domain/sales-cycle.ts';
import type { ContactDetails, SetupService } from '../services/setup.ts';
import type { RequestContext } from './context.ts';
import type { Guard } from './guard.ts';

type Input<M extends keyof SetupService> = SetupService[M] extends (workspaceId: string, input: infer I) => unknown
  ? I
  : never;

export class SetupUseCases {
  constructor(
    private readonly setup: SetupService,
    private readonly guard: Guard,
  ) {}

  // ---- sales cycles and stages ------------------------------------------------------------------

  async addSalesCycle(ctx: RequestContext, input: Input<'addSalesCycle'>) {
    await this.guard.require(ctx, 'set-up-sales-cycles');
    return this.setup.addSalesCycle(ctx.workspaceId, input);
  }

  async blockSalesCycle(ctx: RequestContext, input: { code: string; blocked: boolean }) {
    await this.guard.require(ctx, 'set-up-sales-cycles');
    return this.setup.setSalesCycleBlocked(ctx.workspaceId, input.code, input.blocked);
  }

  async editSalesCycle(ctx: RequestContext, input: { code: string; change: SalesCycleChange }) {
    await this.guard.require(ctx, 'set-up-sales-cycles');
    return this.setup.editSalesCycle(ctx.workspaceId, input.code, input.change);
  }

  async deleteSalesCycle(ctx: RequestContext, code: string): Promise<void> {
    await this.guard.require(ctx, 'set-up-sales-cycles');
    await this.setup.deleteSalesCycle(ctx.workspaceId, code);
  }

  /** The cycles, and whether the reader may edit them (an admin's list offers an Edit button per row). */
  async listSalesCycles(ctx: RequestContext) {
    const [cycles, canEdit] = await Promise.all([
      this.setup.listSalesCycles(ctx.workspaceId),
      this.may(ctx, 'set-up-sales-cycles'),
    ]);
    return { cycles, canEdit };
  }

  /** One cycle with its stages, and whether the reader may edit its stages. */
  async salesCycle(ctx: RequestContext, code: string) {
    const [cycle, canEdit] = await Promise.all([
      this.setup.getSalesCycle(ctx.workspaceId, code),
      this.may(ctx, 'set-up-stages'),
    ]);
    return { cycle, canEdit };
  }

  async addStage(ctx: RequestContext, input: { cycleCode: string } & Parameters<SetupService['addStage']>[2]) {
    await this.guard.require(ctx, 'set-up-stages');
    const { cycleCode, ...stage } = input;
    return this.setup.addStage(ctx.workspaceId, cycleCode, stage);
  }

  async editStage(ctx: RequestContext, input: { cycleCode: string; stageNo: number; change: StageChange }) {
    await this.guard.require(ctx, 'set-up-stages');
    return this.setup.editStage(ctx.workspaceId, input.cycleCode, input.stageNo, input.change);
  }

  async deleteStage(ctx: RequestContext, input: { cycleCode: string; stageNo: number }): Promise<void> {
    await this.guard.require(ctx, 'set-up-stages');
    await this.setup.deleteStage(ctx.workspaceId, input.cycleCode, input.stageNo);
  }

  // ---- close codes ------------------------------------------------------------------------------

  async addCloseCode(ctx: RequestContext, input: Input<'addCloseCode'>) {
    await this.guard.require(ctx, 'set-up-close-codes');
    return this.setup.addCloseCode(ctx.workspaceId, input);
  }

  async editCloseCode(ctx: RequestContext, input: { code: string; description: string }) {
    await this.guard.require(ctx, 'set-up-close-codes');
    return this.setup.editCloseCode(ctx.workspaceId, input.code, { description: input.description });
  }

  async deleteCloseCode(ctx: RequestContext, code: string): Promise<void> {
    await this.guard.require(ctx, 'set-up-close-codes');
    await this.setup.deleteCloseCode(ctx.workspaceId, code);
  }

  /** The close codes, and whether the reader may edit them. */
  async listCloseCodes(ctx: RequestContext) {
    const [codes, canEdit] = await Promise.all([
      this.setup.listCloseCodes(ctx.workspaceId),
      this.may(ctx, 'set-up-close-codes'),
    ]);
    return { codes, canEdit };
  }

  // ---- contacts, customers, activities ----------------------------------------------------------

  async addContact(ctx: RequestContext, input: Input<'addContact'>) {
    await this.guard.require(ctx, 'add-contact');
    // A customer is an admin's to make, whoever may add the contact.
    if (input.createCustomer) await this.guard.require(ctx, 'add-customer');
    return this.setup.addContact(ctx.workspaceId, input);
  }

  async editContact(ctx: RequestContext, input: { contact: string } & Parameters<SetupService['editContact']>[2]) {
    await this.guard.require(ctx, 'edit-contact');
    const { contact, ...change } = input;
    return this.setup.editContact(ctx.workspaceId, contact, change);
  }

  searchContacts(ctx: RequestContext, input: { text: string; limit: number }) {
    return this.setup.searchContacts(ctx.workspaceId, input.text, input.limit);
  }

  /** `contact list`: the contacts found, and whether the reader may edit them. */
  async listContacts(ctx: RequestContext, input: { text: string; limit: number }) {
    const [contacts, canEdit] = await Promise.all([this.searchContacts(ctx, input), this.may(ctx, 'edit-contact')]);
    return { contacts, canEdit };
  }

  /**
   * The codes examples cite (help): the workspace's default sales cycle (else its first usable one) with
   * its first stage, and its first won and lost close codes. Anyone may read them, as the lists.
   */
  async exampleCodes(ctx: RequestContext): Promise<{ cycle?: string; stage?: number; won?: string; lost?: string }> {
    const [settings, cycles, codes] = await Promise.all([
      this.setup.workspaceSettings(ctx.workspaceId),
      this.setup.listSalesCyclesWithStages(ctx.workspaceId),
      this.setup.listCloseCodes(ctx.workspaceId),
    ]);
    const usable = cycles.filter((c) => !c.blocked && c.stages.length > 0);
    const cycle =
      usable.find((c) => c.code === settings.defaultSalesCycleCode) ?? usable[0] ?? cycles.find((c) => !c.blocked);
    const firstStage = cycle ? sortStages(cycle.stages)[0] : undefined;
    const won = codes.find((c) => c.type === 'won');
    const lost = codes.find((c) => c.type === 'lost');
    return {
      ...(cycle ? { cycle: cycle.code } : {}),
      ...(firstStage ? { stage: firstStage.stage } : {}),
      ...(won ? { won: won.code } : {}),
      ...(lost ? { lost: lost.code } : {}),
    };
  }

  /** Whether the reader may do `action` (a list shows its Edit buttons only then; the edit itself asks again). */
  private async may(ctx: RequestContext, action: GuardedAction): Promise<boolean> {
    return decide((await ctx.member()).role, action).allowed;
  }

  async addCustomer(ctx: RequestContext, contact: string) {
    await this.guard.require(ctx, 'add-customer');
    return this.setup.addCustomer(ctx.workspaceId, contact);
  }

  async addActivity(ctx: RequestContext, input: Input<'addActivity'>) {
    await this.guard.require(ctx, 'add-activity');
    return this.setup.addActivity(ctx.workspaceId, input);
  }

  listActivities(ctx: RequestContext) {
    return this.setup.listActivities(ctx.workspaceId);
  }

  /**
   * Opening a setup form (only an admin may use it, so only an admin sees it): the cycles, for the
   * Stage form's choice.
   */
  async setupForm(ctx: RequestContext, what: 'cycle' | 'stage' | 'code' | 'contact') {
    const access = await this.guard.require(ctx, SETUP_FORM_ACTIONS[what]);
    // The Contact form offers "create customer" only to whom may make one.
    const canCreateCustomer = decide(access.role, 'add-customer').allowed;
    return {
      cycles: what === 'stage' ? await this.setup.listSalesCycles(ctx.workspaceId) : [],
      canCreateCustomer,
    };
  }

  /** Opening an edit form: what it edits, as it is now (only an admin may). */
  async editForm(ctx: RequestContext, target: SetupEditTarget): Promise<SetupEditForm> {
    switch (target.what) {
      case 'cycle':
        await this.guard.require(ctx, 'set-up-sales-cycles');
        return { what: 'cycle', cycle: await this.setup.getSalesCycle(ctx.workspaceId, target.code) };
      case 'stage': {
        await this.guard.require(ctx, 'set-up-stages');
        const cycle = await this.setup.getSalesCycle(ctx.workspaceId, target.cycleCode);
        const stage = cycle.stages.find((s) => s.stage === target.stageNo);
        if (!stage) throw new DomainError({ kind: 'stage-not-found', cycle: cycle.code, stage: target.stageNo });
        return { what: 'stage', cycle, stage };
      }
      case 'code': {
        await this.guard.require(ctx, 'set-up-close-codes');
        const code = target.code.trim().toUpperCase();
        const found = (await this.setup.listCloseCodes(ctx.workspaceId)).find((c) => c.code === code);
        if (!found) throw new DomainError({ kind: 'close-code-not-found', code });
        return { what: 'code', code: found };
      }
      case 'contact':
        await this.guard.require(ctx, 'edit-contact');
        return { what: 'contact', contact: await this.setup.contactDetails(ctx.workspaceId, target.contact) };
    }
  }
}

export type SetupEditTarget =
  | { what: 'cycle'; code: string }
  | { what: 'stage'; cycleCode: string; stageNo: number }
  | { what: 'code'; code: string }
  | { what: 'contact'; contact: string };

export type SetupEditForm =
  | { what: 'cycle'; cycle: SalesCycleWithStages }
  | { what: 'stage'; cycle: SalesCycleWithStages; stage: Stage }
  | { what: 'code'; code: CloseCode }
  | { what: 'contact'; contact: ContactDetails };

const SETUP_FORM_ACTIONS = {
  cycle: 'set-up-sales-cycles',
  stage: 'set-up-stages',
  code: 'set-up-close-codes',
  contact: 'add-contact',
} as const satisfies Record<string, GuardedAction>;

// Setting a workspace up: sales cycles and their stages, close codes, contacts, customers, activities.
// Changing them is an admin's; reading them (the lists, the contact search of the forms) is anyone's in
// the workspace, since every rep picks cycles and contacts.
import type { GuardedAction } from '../domain/permissions.ts';
import type { SetupService } from '../services/setup.ts';
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

  async deleteSalesCycle(ctx: RequestContext, code: string): Promise<void> {
    await this.guard.require(ctx, 'set-up-sales-cycles');
    await this.setup.deleteSalesCycle(ctx.workspaceId, code);
  }

  listSalesCycles(ctx: RequestContext) {
    return this.setup.listSalesCycles(ctx.workspaceId);
  }

  salesCycle(ctx: RequestContext, code: string) {
    return this.setup.getSalesCycle(ctx.workspaceId, code);
  }

  async addStage(ctx: RequestContext, input: { cycleCode: string } & Parameters<SetupService['addStage']>[2]) {
    await this.guard.require(ctx, 'set-up-stages');
    const { cycleCode, ...stage } = input;
    return this.setup.addStage(ctx.workspaceId, cycleCode, stage);
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

  async deleteCloseCode(ctx: RequestContext, code: string): Promise<void> {
    await this.guard.require(ctx, 'set-up-close-codes');
    await this.setup.deleteCloseCode(ctx.workspaceId, code);
  }

  listCloseCodes(ctx: RequestContext) {
    return this.setup.listCloseCodes(ctx.workspaceId);
  }

  // ---- contacts, customers, activities ----------------------------------------------------------

  async addContact(ctx: RequestContext, input: Input<'addContact'>) {
    await this.guard.require(ctx, 'add-contact');
    return this.setup.addContact(ctx.workspaceId, input);
  }

  searchContacts(ctx: RequestContext, input: { text: string; limit: number }) {
    return this.setup.searchContacts(ctx.workspaceId, input.text, input.limit);
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
    await this.guard.require(ctx, SETUP_FORM_ACTIONS[what]);
    return what === 'stage' ? { cycles: await this.setup.listSalesCycles(ctx.workspaceId) } : { cycles: [] };
  }
}

const SETUP_FORM_ACTIONS = {
  cycle: 'set-up-sales-cycles',
  stage: 'set-up-stages',
  code: 'set-up-close-codes',
  contact: 'add-contact',
} as const satisfies Record<string, GuardedAction>;

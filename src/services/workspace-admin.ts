// Deleting a workspace's data: everything the pipeline holds for one Slack workspace, in one
// transaction, children before parents (the foreign keys restrict most deletions). The app's
// installation (tokens) stays: the workspace keeps the app and starts again from nothing.
import { inTransaction, type PrismaClient } from './db.ts';

export interface WorkspaceDeletion {
  opportunities: number;
  contacts: number;
  salesCycles: number;
  subscriptions: number;
  members: number;
}

export class WorkspaceAdminService {
  constructor(private readonly prisma: PrismaClient) {}

  /** What a deletion would remove, for the confirmation. */
  async preview(workspaceId: string): Promise<{ opportunities: number; contacts: number }> {
    const [opportunities, contacts] = await Promise.all([
      this.prisma.opportunity.count({ where: { workspaceId } }),
      this.prisma.contact.count({ where: { workspaceId } }),
    ]);
    return { opportunities, contacts };
  }

  async deleteWorkspaceData(workspaceId: string): Promise<WorkspaceDeletion> {
    return inTransaction(this.prisma, async (tx) => {
      const where = { workspaceId };
      // Tasks point at opportunities, entries, salespeople.
      await tx.task.deleteMany({ where });
      // Quotes and orders (their lines first) point at opportunities, contacts and customers.
      await tx.salesQuoteLine.deleteMany({ where: { quote: where } });
      await tx.salesQuote.deleteMany({ where });
      await tx.salesOrderLine.deleteMany({ where: { order: where } });
      await tx.salesOrder.deleteMany({ where });
      // The history, then the opportunities.
      await tx.opportunityEntry.deleteMany({ where });
      const opportunities = await tx.opportunity.deleteMany({ where });
      // Customers point at contacts; persons point at their company.
      await tx.customer.deleteMany({ where });
      const persons = await tx.contact.deleteMany({ where: { workspaceId, companyId: { not: null } } });
      const companies = await tx.contact.deleteMany({ where });
      // Setup: stages, cycles, close codes, activities and their steps, salespeople.
      await tx.salesCycleStage.deleteMany({ where });
      const salesCycles = await tx.salesCycle.deleteMany({ where });
      await tx.closeOpportunityCode.deleteMany({ where });
      await tx.activityStep.deleteMany({ where: { activity: where } });
      await tx.activity.deleteMany({ where });
      await tx.salesperson.deleteMany({ where });
      await tx.numberSeries.deleteMany({ where });
      // Digests: runs point at subscriptions.
      await tx.digestRun.deleteMany({ where });
      const subscriptions = await tx.digestSubscription.deleteMany({ where });
      await tx.channelDigestState.deleteMany({ where });
      // What happened (its deliveries go with it) and the forms and confirmations still open.
      await tx.outboxEvent.deleteMany({ where });
      await tx.interactionContext.deleteMany({ where });
      // Roles and settings last.
      const members = await tx.member.deleteMany({ where });
      await tx.workspace.deleteMany({ where: { id: workspaceId } });
      return {
        opportunities: opportunities.count,
        contacts: persons.count + companies.count,
        salesCycles: salesCycles.count,
        subscriptions: subscriptions.count,
        members: members.count,
      };
    });
  }
}

// The /opp slash command: acknowledge at once, parse the text, run one service call, reply.
import type { EventOrigin } from '../../services/outbox.ts';
import { ui } from '../../i18n/en/ui.ts';
import { escapeText, joinMarkup, type Markup, mentionUser } from '../../i18n/markup.ts';
import type { AllMiddlewareArgs, Logger, RespondFn, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { GuardedAction } from '../../domain/permissions.ts';
import { assertNever } from '../../domain/problems.ts';
import { notices } from '../../i18n/en/index.ts';
import type { Access } from '../../services/members.ts';
import type { OpportunityFilter } from '../../services/opportunity-queries.ts';
import type { SettingsChange } from '../../services/workspace.ts';
import {
  closeCodeList,
  closeOpportunityModal,
  contactList,
  contactModal,
  createOpportunityModal,
  createQuoteModal,
  type Message,
  type ModalView,
  noticeMessage,
  opportunityList,
  purgeConfirmation,
  salesCycleList,
  section,
  stageModal,
  stageTable,
  successMessage,
  updateOpportunityModal,
  workspaceDeleteConfirmation,
} from '../blocks/index.ts';
import { salesCycleModal } from '../blocks/modals/sales-cycle.ts';
import { closeCodeModal } from '../blocks/modals/close-code.ts';
import { helpText, type OppCommand, parseOppCommand } from '../grammar/index.ts';
import type { UserContext } from '../user-context.ts';
import { workspaceOf } from '../workspace.ts';
import { type AccessTarget, authorize, readableFilter } from './authorize.ts';
import { createPurgeConfirmation, createWorkspaceDeletion, type FormContext, withFormContext } from './contexts.ts';
import { cardFor, failureMessage, replyPrivately, type SlackDeps, type WebClient } from './support.ts';
import {
  exportCsv,
  listSubscriptions,
  type PipelineScope,
  postDigestNow,
  showStatistics,
  subscribe,
  unsubscribe,
} from './pipeline-commands.ts';

interface CommandScope {
  deps: SlackDeps;
  user: UserContext;
  workspaceId: string;
  channelId: string;
  triggerId: string;
  client: WebClient;
  respond: RespondFn;
  logger: Logger;
}

export function oppCommandListener(deps: SlackDeps) {
  return async ({
    command,
    ack,
    respond,
    client,
    logger,
    context,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const workspaceId = workspaceOf(context);
    const reply = (message: Message) =>
      replyPrivately(message, { respond, client, channelId: command.channel_id, userId: command.user_id, logger });
    let becameAdmin = false;
    try {
      // A workspace without an admin (run with a bot token, where nobody installed the app through
      // Slack; or one whose data was deleted) gets the first person who uses /opp as its admin, who
      // is told so after the reply. With OAuth installs the installer is admin from the start.
      becameAdmin = await deps.services.members.claimFirstAdmin(workspaceId, command.user_id);
      const user = await deps.users.resolve(client, workspaceId, command.user_id);
      const parsed = parseOppCommand(command.text ?? '', {
        now: user.now,
        timeZone: user.timeZone,
        dateOrder: user.dateOrder,
      });
      const run = () =>
        runCommand(parsed, {
          deps,
          user,
          workspaceId,
          channelId: command.channel_id,
          triggerId: command.trigger_id,
          client,
          respond,
          logger,
        });
      await (opensModal(parsed) ? run() : deps.afterAck.run(run));
    } catch (error) {
      await reply(failureMessage(error, logger));
    }
    if (becameAdmin) await reply(noticeMessage(notices.firstAdmin));
  };
}

/** Commands that open a modal: their trigger_id expires 3 seconds after the command, so they never wait. */
const MODAL_COMMANDS: ReadonlySet<OppCommand['name']> = new Set<OppCommand['name']>([
  'new-modal',
  'setup-modal',
  'move',
  'close-modal',
  'quote-modal',
]);

export function opensModal(command: OppCommand): boolean {
  return MODAL_COMMANDS.has(command.name);
}

/** The settings a `setting` command changes, or null when it only asks to see them. */
function settingsChangeOf(command: Extract<OppCommand, { name: 'setting' }>): SettingsChange | null {
  const change: SettingsChange = {
    repsSeeOnlyOwn: command.repsSeeOwn,
    currency: command.currency,
    defaultSalesCycleCode: command.defaultCycle,
    staleDays: command.staleDays,
  };
  return Object.values(change).some((value) => value !== undefined) ? change : null;
}

/** What a command needs to be allowed: an action, and the opportunity or salesperson it concerns. */
type Requirement = { action: GuardedAction } & AccessTarget;

/** Every command is classified here (the switch is exhaustive): null means anyone in the workspace. */
export function commandRequirement(command: OppCommand): Requirement | null {
  switch (command.name) {
    case 'help':
    case 'cycle-list':
    case 'stage-list':
    case 'code-list':
    case 'contact-list':
    case 'activity-list':
    case 'roles':
    case 'new-modal':
      return null;
    // Reading many: each reader sees what they may (see readableFilter).
    case 'list':
    case 'export':
      return null;
    case 'cycle-add':
    case 'cycle-block':
    case 'cycle-delete':
      return { action: 'set-up-sales-cycles' };
    case 'stage-add':
    case 'stage-delete':
      return { action: 'set-up-stages' };
    case 'code-add':
    case 'code-delete':
      return { action: 'set-up-close-codes' };
    case 'contact-add':
      return { action: 'add-contact' };
    case 'customer-add':
      return { action: 'add-customer' };
    case 'activity-add':
      return { action: 'add-activity' };
    case 'setup-modal':
      return {
        action:
          command.what === 'cycle'
            ? 'set-up-sales-cycles'
            : command.what === 'stage'
              ? 'set-up-stages'
              : command.what === 'code'
                ? 'set-up-close-codes'
                : 'add-contact',
      };
    case 'role':
      return { action: 'change-roles' };
    case 'setting':
      return settingsChangeOf(command) ? { action: 'change-settings' } : null;
    case 'workspace-delete':
      return { action: 'delete-workspace' };
    case 'purge':
      return { action: 'purge' };
    case 'new':
      return { action: 'create-opportunity', salespersonId: command.ownerId };
    case 'show':
      return { action: 'read-opportunity', opportunityNo: command.no };
    case 'stats':
      return command.target.kind === 'opportunity'
        ? { action: 'read-opportunity', opportunityNo: command.target.no }
        : { action: 'read-pipeline' };
    case 'move':
    case 'close-modal':
    case 'quote-modal':
    case 'next':
    case 'previous':
    case 'skip':
    case 'jump':
    case 'update':
    case 'close':
    case 'quote':
    case 'order':
    case 'delete':
      return { action: 'change-opportunity', opportunityNo: command.no };
    case 'digest':
      return { action: 'post-digest' };
    case 'subscribe':
    case 'unsubscribe':
    case 'subscriptions':
      return { action: 'manage-subscriptions' };
    default:
      return assertNever(command);
  }
}

async function runCommand(command: OppCommand, scope: CommandScope): Promise<void> {
  const { deps, user, workspaceId } = scope;
  const { setup, opportunities, queries } = deps.services;
  const reply = (message: Message) =>
    replyPrivately(message, {
      respond: scope.respond,
      client: scope.client,
      channelId: scope.channelId,
      userId: user.userId,
      logger: scope.logger,
    });
  const today = user.today;
  /** Who runs the command, and where: a change the channel hears about is announced there. */
  const origin: EventOrigin = { actorUserId: user.userId, channelId: scope.channelId };
  // Authorization first: a refusal writes nothing and says which role is needed.
  const requirement = commandRequirement(command);
  const authorized = requirement
    ? await authorize({ deps, workspaceId, userId: user.userId }, requirement.action, requirement)
    : null;
  // Read only by the commands anyone may run whose answer depends on who asks (lists, settings); the
  // others (help, setup lists, the New form) skip the read.
  const access = async (): Promise<Access> => authorized ?? deps.services.members.access(workspaceId, user.userId);

  switch (command.name) {
    case 'help': {
      const text = helpText(command.topic);
      return reply({ text, blocks: [section(text)] });
    }
    // ---- setup -----------------------------------------------------------------------------
    case 'cycle-add': {
      const cycle = await setup.addSalesCycle(workspaceId, {
        code: command.code,
        description: command.description,
        ...(command.calc ? { probabilityCalculation: command.calc } : {}),
        ...(command.blocked !== undefined ? { blocked: command.blocked } : {}),
      });
      return reply(successMessage(notices.cycleAdded(escapeText(cycle.code))));
    }
    case 'cycle-list':
      return reply(salesCycleList(await setup.listSalesCycles(workspaceId)));
    case 'cycle-block': {
      const cycle = await setup.setSalesCycleBlocked(workspaceId, command.code, command.blocked);
      return reply(successMessage(notices.cycleBlocked(escapeText(cycle.code), cycle.blocked)));
    }
    case 'cycle-delete':
      await setup.deleteSalesCycle(workspaceId, command.code);
      return reply(successMessage(notices.cycleDeleted(escapeText(command.code))));
    case 'stage-add': {
      const stage = await setup.addStage(workspaceId, command.cycle, {
        stage: command.stageNo,
        description: command.description,
        completedPct: command.completedPct,
        chancesPct: command.chancePct,
        quoteRequired: command.quoteRequired ?? false,
        allowSkip: command.allowSkip ?? false,
        dateFormula: command.dateFormula ?? '',
        activityCode: command.activityCode ?? null,
      });
      return reply(successMessage(notices.stageAdded(escapeText(command.cycle.toUpperCase()), stage.stage)));
    }
    case 'stage-list':
      return reply(stageTable(await setup.getSalesCycle(workspaceId, command.cycle)));
    case 'stage-delete':
      await setup.deleteStage(workspaceId, command.cycle, command.stageNo);
      return reply(successMessage(notices.stageDeleted(escapeText(command.cycle), command.stageNo)));
    case 'code-add': {
      const code = await setup.addCloseCode(workspaceId, {
        code: command.code,
        description: command.description,
        type: command.outcome,
      });
      return reply(successMessage(notices.codeAdded(escapeText(code.code), code.type)));
    }
    case 'code-list':
      return reply(closeCodeList(await setup.listCloseCodes(workspaceId)));
    case 'code-delete':
      await setup.deleteCloseCode(workspaceId, command.code);
      return reply(successMessage(notices.codeDeleted(escapeText(command.code))));
    case 'contact-add': {
      const contact = await setup.addContact(workspaceId, {
        name: command.contactName,
        type: command.type,
        ...(command.company ? { company: command.company } : {}),
        ...(command.email ? { email: command.email } : {}),
        createCustomer: command.customer ?? false,
      });
      return reply(
        successMessage(
          notices.contactAdded(
            escapeText(contact.name),
            escapeText(contact.no),
            contact.customerNo === null ? null : escapeText(contact.customerNo),
          ),
        ),
      );
    }
    case 'contact-list': {
      const contacts = await setup.searchContacts(workspaceId, command.search ?? '', 50);
      return reply(contactList(contacts));
    }
    case 'customer-add': {
      const customer = await setup.addCustomer(workspaceId, command.contact);
      return reply(
        successMessage(notices.customerAdded(escapeText(customer.name), escapeText(customer.no), customer.created)),
      );
    }
    case 'activity-add': {
      const activity = await setup.addActivity(workspaceId, {
        code: command.code,
        description: command.description,
        steps: command.steps,
      });
      return reply(successMessage(notices.activityAdded(escapeText(activity.code), activity.steps.length)));
    }
    case 'activity-list': {
      const activities = await setup.listActivities(workspaceId);
      const lines = activities.map((a) =>
        notices.activityLine(
          escapeText(a.code),
          escapeText(a.description),
          escapeText(
            a.steps.map((s) => (s.dateFormula ? `${s.description} (${s.dateFormula})` : s.description)).join(', '),
          ),
        ),
      );
      const text = notices.activityList(lines);
      return reply({ text, blocks: [section(text)] });
    }
    // ---- roles and the workspace -------------------------------------------------------------
    case 'role': {
      const change = await deps.services.members.setRole(workspaceId, user.userId, command.userId, command.role);
      return reply(
        change.changed
          ? successMessage(notices.roleGranted(mentionUser(change.userId), change.role))
          : noticeMessage(notices.roleUnchanged(mentionUser(change.userId), change.role)),
      );
    }
    case 'roles': {
      const roles = await deps.services.members.list(workspaceId);
      const text = notices.roles(roles.admins.map(mentionUser), roles.managers.map(mentionUser));
      return reply({ text, blocks: [section(text)] });
    }
    case 'setting': {
      const change = settingsChangeOf(command);
      if (!change) {
        const settings = await setup.workspaceSettings(workspaceId);
        const text = notices.settings({
          repsSeeOnlyOwn: (await access()).repsSeeOnlyOwn,
          currency: escapeText(settings.currency),
          defaultSalesCycleCode:
            settings.defaultSalesCycleCode === null ? null : escapeText(settings.defaultSalesCycleCode),
          staleDays: settings.staleDays,
        });
        return reply({ text, blocks: [section(text)] });
      }
      const settings = await setup.changeSettings(workspaceId, change);
      const said = [
        change.repsSeeOnlyOwn === undefined ? null : notices.repsSeeOwnChanged(settings.repsSeeOnlyOwn),
        change.currency === undefined ? null : notices.currencyChanged(escapeText(settings.currency)),
        change.defaultSalesCycleCode === undefined
          ? null
          : notices.defaultCycleChanged(
              settings.defaultSalesCycleCode === null ? null : escapeText(settings.defaultSalesCycleCode),
            ),
        change.staleDays === undefined ? null : notices.staleDaysChanged(settings.staleDays),
      ];
      return reply(
        successMessage(
          joinMarkup(
            said.filter((sentence) => sentence !== null),
            '\n',
          ),
        ),
      );
    }
    case 'workspace-delete': {
      const preview = await deps.services.workspaceAdmin.preview(workspaceId);
      const token = await createWorkspaceDeletion({ deps, workspaceId, userId: user.userId });
      return reply(workspaceDeleteConfirmation(preview, { token }));
    }

    // ---- modals ------------------------------------------------------------------------------
    case 'new-modal':
      return openCreateModal(scope);
    case 'setup-modal':
      return openSetupModal(scope, command.what, command.cycle);
    case 'move': {
      const options = await opportunities.moveOptions(workspaceId, command.no, today);
      return openForm(scope, updateOpportunityModal(options), {
        no: options.no,
        version: options.version,
        channelId: scope.channelId,
      });
    }
    case 'close-modal': {
      const options = await opportunities.closeOptions(workspaceId, command.no, 'won', today);
      const settings = await setup.workspaceSettings(workspaceId);
      return openForm(
        scope,
        closeOpportunityModal(options, { no: command.no, outcome: null, currency: settings.currency }),
        {
          no: command.no,
          version: options.version,
          channelId: scope.channelId,
        },
      );
    }
    case 'quote-modal': {
      const quote = await opportunities.quoteOptions(workspaceId, command.no);
      const settings = await setup.workspaceSettings(workspaceId);
      return openForm(scope, createQuoteModal({ no: quote.no, currency: settings.currency }), {
        no: quote.no,
        version: quote.version,
        channelId: scope.channelId,
      });
    }

    // ---- opportunities -------------------------------------------------------------------------
    case 'new': {
      const owner = command.ownerId ? await deps.users.resolve(scope.client, workspaceId, command.ownerId) : user;
      const detail = await opportunities.create(workspaceId, {
        description: command.description,
        contact: command.contact,
        salesperson: { slackUserId: owner.userId, displayName: owner.displayName },
        salesCycleCode: command.cycle,
        priority: command.priority,
        activate: {
          estimatedValue: command.value,
          chancesPct: command.chancePct,
          estimatedCloseDate: command.closeDate,
        },
        today,
      });
      return reply(await cardFor(deps, workspaceId, detail));
    }
    case 'list':
    case 'export': {
      const filters = command.filters;
      const filter: OpportunityFilter = { status: filters.status, ...readableFilter(await access()) };
      if (filters.scope.kind === 'mine') filter.salespersonSlackUserId = user.userId;
      if (filters.scope.kind === 'user') filter.salespersonSlackUserId = filters.scope.userId;
      if (filters.contact) filter.contactNo = (await setup.findContact(workspaceId, filters.contact)).no;
      if (filters.cycle) filter.salesCycleCode = filters.cycle;
      if (command.name === 'export') return exportCsv(filter, pipelineScope(scope, reply));
      const { items, total } = await queries.list(workspaceId, filter, 46);
      const settings = await setup.workspaceSettings(workspaceId);
      return reply(
        opportunityList(items, { total, title: listTitle(filters.scope.kind), currency: settings.currency }),
      );
    }
    case 'show':
      return reply(await cardFor(deps, workspaceId, await queries.get(workspaceId, command.no), await access()));
    case 'next':
    case 'previous':
    case 'skip':
    case 'jump':
    case 'update': {
      const changes = command.changes;
      const detail = await opportunities.move(workspaceId, command.no, {
        action: command.name,
        targetStage: command.name === 'skip' || command.name === 'jump' ? command.toStage : undefined,
        dateOfChange: changes.date,
        estimatedValue: changes.value,
        chancesPct: changes.chance,
        estimatedCloseDate: changes.close,
        today,
      });
      return reply(await cardFor(deps, workspaceId, detail));
    }
    case 'close': {
      const detail = await opportunities.close(workspaceId, command.no, {
        outcome: command.outcome,
        closeCode: command.closeCode,
        closingDate: command.date,
        salesAmount: command.amount,
        today,
        origin,
      });
      return reply(await cardFor(deps, workspaceId, detail));
    }
    case 'quote': {
      const detail = await opportunities.createQuote(workspaceId, command.no, command.lines, today, undefined, origin);
      return reply(await cardFor(deps, workspaceId, detail));
    }
    case 'order': {
      const detail = await opportunities.makeOrder(workspaceId, command.no, { today, origin });
      return reply(await cardFor(deps, workspaceId, detail));
    }
    case 'delete': {
      const deleted = await opportunities.delete(workspaceId, command.no);
      return reply(successMessage(notices.deleted(escapeText(deleted.no), escapeText(deleted.description))));
    }
    case 'purge': {
      const filter = {
        status: command.status,
        closedBefore: command.closedBefore,
        closedAfter: command.closedAfter,
        salespersonCode: command.ownerId,
        contactNo: command.contact ? (await setup.findContact(workspaceId, command.contact)).no : undefined,
        salesCycleCode: command.cycle,
      };
      const preview = await opportunities.purgePreview(workspaceId, filter);
      // The click deletes exactly what this preview lists, on whichever instance it lands.
      const token = await createPurgeConfirmation(
        { deps, workspaceId, userId: user.userId },
        { filter, nos: preview.opportunities.map((o) => o.no) },
      );
      return reply(purgeConfirmation(preview, { token }));
    }

    // ---- setup modals ------------------------------------------------------------------------
    // (Opened by buttons and the setup commands without arguments; see the actions listener.)

    // ---- pipeline (digests) ------------------------------------------------------------------
    case 'digest':
      return postDigestNow(command, pipelineScope(scope, reply));
    case 'stats':
      return showStatistics(command, pipelineScope(scope, reply));
    case 'subscribe':
      return subscribe(command, pipelineScope(scope, reply));
    case 'unsubscribe':
      return unsubscribe(command.channelId, pipelineScope(scope, reply));
    case 'subscriptions':
      return listSubscriptions(pipelineScope(scope, reply));
  }
}

function pipelineScope(scope: CommandScope, reply: (message: Message) => Promise<void>): PipelineScope {
  return {
    deps: scope.deps,
    user: scope.user,
    workspaceId: scope.workspaceId,
    channelId: scope.channelId,
    client: scope.client,
    logger: scope.logger,
    reply,
  };
}

function listTitle(scope: 'mine' | 'all' | 'user'): Markup {
  return ui.list.titles[scope];
}

async function openCreateModal(scope: CommandScope): Promise<void> {
  const { setup } = scope.deps.services;
  const [cycles, settings] = await Promise.all([
    setup.listSalesCycles(scope.workspaceId),
    setup.workspaceSettings(scope.workspaceId),
  ]);
  const view = createOpportunityModal({
    userId: scope.user.userId,
    cycles,
    defaultCycleCode: settings.defaultSalesCycleCode,
  });
  await openForm(scope, view, { channelId: scope.channelId });
}

async function openSetupModal(
  scope: CommandScope,
  what: 'cycle' | 'stage' | 'code' | 'contact',
  cycleCode?: string,
): Promise<void> {
  const { setup } = scope.deps.services;
  const view =
    what === 'cycle'
      ? salesCycleModal()
      : what === 'code'
        ? closeCodeModal()
        : what === 'contact'
          ? contactModal()
          : stageModal({ cycles: await setup.listSalesCycles(scope.workspaceId), cycleCode });
  // Like the other forms, its context remembers the channel, where the result is shown.
  await openForm(scope, view, { channelId: scope.channelId });
}

/** Opens a form with its server-side context (./contexts.ts): the id is all its private_metadata holds. */
async function openForm(scope: CommandScope, view: ModalView, context: FormContext): Promise<void> {
  const owner = { deps: scope.deps, workspaceId: scope.workspaceId, userId: scope.user.userId };
  await scope.client.views.open({ trigger_id: scope.triggerId, view: await withFormContext(owner, view, context) });
}

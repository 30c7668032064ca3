// The /opp slash command: acknowledge at once, parse the text, run one service call, reply.
import { performance } from 'node:perf_hooks';
import { languageOf, personLocale } from '../../i18n/catalogue.ts';
import { escapeText, joinMarkup, mentionChannel, mentionUser } from '../../i18n/markup.ts';
import type { AllMiddlewareArgs, Logger, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { assertNever, DomainError, type Problem } from '../../domain/problems.ts';
import { DEFAULT_LOCALE } from '../../i18n/locale.ts';
import { type Presenter, presenterFor } from '../../i18n/presenter.ts';
import type { SettingsChange } from '../../services/workspace.ts';
import {
  closeCodeList,
  closeOpportunityModal,
  contactList,
  contactModal,
  createOpportunityModal,
  createQuoteModal,
  addNoteModal,
  editOpportunityModal,
  errorMessage,
  foundOpportunities,
  LIST_MAX_ROWS,
  type Message,
  type ModalView,
  noticeMessage,
  opportunityList,
  purgeConfirmation,
  quoteMessage,
  salesCycleList,
  section,
  stageModal,
  stageTable,
  successMessage,
  TASK_LIST_MAX,
  taskListMessage,
  updateOpportunityModal,
  workspaceDeleteConfirmation,
} from '../blocks/index.ts';
import { salesCycleModal } from '../blocks/modals/sales-cycle.ts';
import { closeCodeEdited, contactEdited, salesCycleEdited, stageEdited } from '../blocks/setup-changes.ts';
import type { SetupEditTarget } from '../grammar/opp-command.ts';
import { definedOnly, setupEditForm } from './setup-edit-forms.ts';
import { notify, notifyMute } from './notify-commands.ts';
import { closeCodeModal } from '../blocks/modals/close-code.ts';
import { helpText, InputError, type OppCommand, parseOppCommand } from '../grammar/index.ts';
import { commandOnlyReads, commandUsage } from '../grammar/usage.ts';
import type { UserContext } from '../user-context.ts';
import type { RequestContext } from '../../usecases/index.ts';
import { requestContext } from '../request-context.ts';
import { workspaceOf } from '../workspace.ts';
import { ReplySequence } from '../after-ack.ts';
import {
  createListPaging,
  createPurgeConfirmation,
  createSearchPage,
  createWorkspaceDeletion,
  type FormContext,
  withFormContext,
} from './contexts.ts';
import { cardOf, failureMessage, replyPrivately, type SlackDeps, type WebClient } from './support.ts';
import {
  exportCsv,
  listSubscriptions,
  type PipelineScope,
  postDigestNow,
  showStatistics,
  subscribe,
  unsubscribe,
} from './pipeline-commands.ts';
import { addAlert, listAlerts, removeAlert } from './alert-commands.ts';

interface CommandScope {
  deps: SlackDeps;
  /** What the use cases are told about this request. */
  ctx: RequestContext;
  /** The reader's catalogue and formatter (their Slack locale). */
  p: Presenter;
  user: UserContext;
  workspaceId: string;
  channelId: string;
  triggerId: string;
  client: WebClient;
  /** Sends a reply to the person who typed the command (in order, after the command's slot: ReplySequence). */
  reply: (message: Message) => Promise<void>;
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
    const acknowledged = performance.now();
    const workspaceId = workspaceOf(context);
    // A command that only reads (a list, a card, help) opens no modal: all of its work, from who asks
    // on, waits behind the acks of other requests. Any other may open one, and reads who asks at once.
    const onlyReads = commandOnlyReads(command.text ?? '');
    // The replies go out in order once written, outside the slot of the work that wrote them.
    const replies = new ReplySequence<Message>(
      (message) =>
        replyPrivately(message, { respond, client, channelId: command.channel_id, userId: command.user_id, logger }),
      (error) => logger.error(`a reply could not be sent: ${String(error)}`),
      () => deps.afterAck.givenWay(acknowledged),
    );
    const reply = (message: Message) => replies.send(message);
    await (onlyReads ? deps.afterAck.run(handle) : handle());
    await replies.sent();

    async function handle(): Promise<void> {
      let becameAdmin = false;
      // The default language answers until the user (and so their locale) is known.
      let p = presenterFor(DEFAULT_LOCALE);
      try {
        // A workspace without an admin (run with a bot token, where nobody installed the app through
        // Slack; or one whose data was deleted) gets the first person who uses /opp as its admin, who
        // is told so after the reply. With OAuth installs the installer is admin from the start.
        const user = await deps.users.resolve(client, workspaceId, command.user_id);
        const ctx = requestContext(deps, { workspaceId, user, surface: 'command', channelId: command.channel_id });
        p = presenterFor(ctx.locale);
        becameAdmin = await deps.useCases.workspace.claimFirstAdmin(ctx);
        const { currency } = await deps.useCases.workspace.settings(ctx);
        const parsed = parseOppCommand(command.text ?? '', {
          now: user.now,
          timeZone: user.timeZone,
          dateOrder: user.dateOrder,
          language: user.language,
          currency,
        });
        const run = () =>
          runCommand(parsed, {
            deps,
            ctx,
            p,
            user,
            workspaceId,
            channelId: command.channel_id,
            triggerId: command.trigger_id,
            client,
            reply,
            logger,
          });
        await (onlyReads || opensModal(parsed) ? run() : deps.afterAck.run(run));
      } catch (error) {
        await reply(failureMessage(p, error, logger));
      }
      if (becameAdmin) await reply(noticeMessage(p, p.t.notices.firstAdmin));
    }
  };
}

/** Commands that open a modal: their trigger_id expires 3 seconds after the command, so they never wait. */
const MODAL_COMMANDS: ReadonlySet<OppCommand['name']> = new Set<OppCommand['name']>([
  'new-modal',
  'setup-modal',
  'setup-edit-modal',
  'move',
  'close-modal',
  'quote-modal',
  'edit-modal',
  'note-modal',
]);

export function opensModal(command: OppCommand): boolean {
  // `order` without a code may open the Close form (for an open opportunity), so it does not wait either.
  return MODAL_COMMANDS.has(command.name) || (command.name === 'order' && command.closeCode === undefined);
}

/** The settings a `setting` command changes, or null when it only asks to see them. */
function settingsChangeOf(command: Extract<OppCommand, { name: 'setting' }>): SettingsChange | null {
  const change: SettingsChange = {
    repsSeeOnlyOwn: command.repsSeeOwn,
    repsAddContacts: command.repsAddContacts,
    currency: command.currency,
    defaultSalesCycleCode: command.defaultCycle,
    staleDays: command.staleDays,
    language: command.language === undefined ? undefined : command.language === 'auto' ? null : command.language,
  };
  return Object.values(change).some((value) => value !== undefined) ? change : null;
}

async function runCommand(command: OppCommand, scope: CommandScope): Promise<void> {
  const { deps, user, p } = scope;
  const { notices } = p.t;
  const { opportunities, setup, workspace } = deps.useCases;
  const { reply } = scope;
  // Who may do what is the use cases' to decide (src/usecases): a refusal writes nothing and says
  // which role is needed.
  const ctx = scope.ctx;

  switch (command.name) {
    case 'help': {
      // Examples cite this workspace's own cycle and close codes.
      const text = helpText(p, command.topic, await setup.exampleCodes(ctx));
      return reply({ text, blocks: [section(text)] });
    }
    // ---- setup -----------------------------------------------------------------------------
    case 'cycle-add': {
      const cycle = await setup.addSalesCycle(ctx, {
        code: command.code,
        description: command.description,
        ...(command.calc ? { probabilityCalculation: command.calc } : {}),
        ...(command.blocked !== undefined ? { blocked: command.blocked } : {}),
      });
      return reply(successMessage(p, notices.cycleAdded(escapeText(cycle.code))));
    }
    case 'cycle-list': {
      const { cycles, canEdit } = await setup.listSalesCycles(ctx);
      return reply(salesCycleList(p, cycles, { editable: canEdit }));
    }
    case 'cycle-edit': {
      const changed = await setup.editSalesCycle(ctx, {
        code: command.code,
        change: definedOnly({ description: command.description, probabilityCalculation: command.calc }),
      });
      return reply(salesCycleEdited(p, changed));
    }
    case 'cycle-block': {
      const cycle = await setup.blockSalesCycle(ctx, { code: command.code, blocked: command.blocked });
      return reply(successMessage(p, notices.cycleBlocked(escapeText(cycle.code), cycle.blocked)));
    }
    case 'cycle-delete':
      await setup.deleteSalesCycle(ctx, command.code);
      return reply(successMessage(p, notices.cycleDeleted(escapeText(command.code))));
    case 'stage-add': {
      const stage = await setup.addStage(ctx, {
        cycleCode: command.cycle,
        stage: command.stageNo,
        description: command.description,
        completedPct: command.completedPct,
        chancesPct: command.chancePct,
        quoteRequired: command.quoteRequired ?? false,
        allowSkip: command.allowSkip ?? false,
        dateFormula: command.dateFormula ?? '',
        activityCode: command.activityCode ?? null,
      });
      return reply(successMessage(p, notices.stageAdded(escapeText(command.cycle.toUpperCase()), stage.stage)));
    }
    case 'stage-list': {
      const { cycle, canEdit } = await setup.salesCycle(ctx, command.cycle);
      return reply(stageTable(p, cycle, { editable: canEdit }));
    }
    case 'stage-edit': {
      const changed = await setup.editStage(ctx, {
        cycleCode: command.cycle,
        stageNo: command.stageNo,
        change: definedOnly({
          description: command.description,
          completedPct: command.completedPct,
          chancesPct: command.chancePct,
          quoteRequired: command.quoteRequired,
          allowSkip: command.allowSkip,
          dateFormula: command.dateFormula,
          activityCode: command.activityCode,
        }),
      });
      return reply(stageEdited(p, changed));
    }
    case 'stage-delete':
      await setup.deleteStage(ctx, { cycleCode: command.cycle, stageNo: command.stageNo });
      return reply(successMessage(p, notices.stageDeleted(escapeText(command.cycle), command.stageNo)));
    case 'code-add': {
      const code = await setup.addCloseCode(ctx, {
        code: command.code,
        description: command.description,
        type: command.outcome,
      });
      return reply(successMessage(p, notices.codeAdded(escapeText(code.code), code.type)));
    }
    case 'code-list': {
      const { codes, canEdit } = await setup.listCloseCodes(ctx);
      return reply(closeCodeList(p, codes, { editable: canEdit }));
    }
    case 'code-edit':
      return reply(closeCodeEdited(p, await setup.editCloseCode(ctx, command)));
    case 'code-delete':
      await setup.deleteCloseCode(ctx, command.code);
      return reply(successMessage(p, notices.codeDeleted(escapeText(command.code))));
    case 'contact-add': {
      const contact = await setup.addContact(ctx, {
        name: command.contactName,
        type: command.type,
        ...(command.company ? { company: command.company } : {}),
        ...(command.email ? { email: command.email } : {}),
        createCustomer: command.customer ?? false,
      });
      return reply(
        successMessage(
          p,
          notices.contactAdded(
            escapeText(contact.name),
            escapeText(contact.no),
            contact.customerNo === null ? null : escapeText(contact.customerNo),
          ),
        ),
      );
    }
    case 'contact-edit':
      return reply(
        contactEdited(
          p,
          await setup.editContact(
            ctx,
            definedOnly({
              contact: command.contact,
              name: command.contactName,
              company: command.company,
              customer: command.customer,
            }),
          ),
        ),
      );
    case 'contact-list': {
      const { contacts, canEdit } = await setup.listContacts(ctx, { text: command.search ?? '', limit: 50 });
      return reply(contactList(p, contacts, { editable: canEdit }));
    }
    case 'customer-add': {
      const customer = await setup.addCustomer(ctx, command.contact);
      return reply(
        successMessage(p, notices.customerAdded(escapeText(customer.name), escapeText(customer.no), customer.created)),
      );
    }
    case 'activity-add': {
      const activity = await setup.addActivity(ctx, {
        code: command.code,
        description: command.description,
        steps: command.steps,
      });
      return reply(successMessage(p, notices.activityAdded(escapeText(activity.code), activity.steps.length)));
    }
    case 'activity-list': {
      const activities = await setup.listActivities(ctx);
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
      const change = await workspace.setRole(ctx, { userId: command.userId, role: command.role });
      return reply(
        change.changed
          ? successMessage(p, notices.roleGranted(mentionUser(change.userId), change.role))
          : noticeMessage(p, notices.roleUnchanged(mentionUser(change.userId), change.role)),
      );
    }
    case 'roles': {
      const roles = await workspace.roles(ctx);
      const text = notices.roles(roles.admins.map(mentionUser), roles.managers.map(mentionUser));
      return reply({ text, blocks: [section(text)] });
    }
    case 'setting': {
      const change = settingsChangeOf(command);
      if (!change) {
        const settings = await workspace.settings(ctx);
        const text = notices.settings({
          repsSeeOnlyOwn: settings.repsSeeOnlyOwn,
          repsAddContacts: settings.repsAddContacts,
          currency: escapeText(settings.currency),
          defaultSalesCycleCode:
            settings.defaultSalesCycleCode === null ? null : escapeText(settings.defaultSalesCycleCode),
          staleDays: settings.staleDays,
          language: p.format.languageName(settings.language ?? 'en'),
        });
        return reply({ text, blocks: [section(text)] });
      }
      const settings = await workspace.changeSettings(ctx, change);
      const said = [
        change.repsSeeOnlyOwn === undefined ? null : notices.repsSeeOwnChanged(settings.repsSeeOnlyOwn),
        change.repsAddContacts === undefined ? null : notices.repsAddContactsChanged(settings.repsAddContacts),
        change.currency === undefined ? null : notices.currencyChanged(escapeText(settings.currency)),
        change.defaultSalesCycleCode === undefined
          ? null
          : notices.defaultCycleChanged(
              settings.defaultSalesCycleCode === null ? null : escapeText(settings.defaultSalesCycleCode),
            ),
        change.staleDays === undefined ? null : notices.staleDaysChanged(settings.staleDays),
        change.language === undefined
          ? null
          : notices.languageChanged(p.format.languageName(settings.language ?? 'en')),
      ];
      return reply(
        successMessage(
          p,
          joinMarkup(
            said.filter((sentence) => sentence !== null),
            '\n',
          ),
        ),
      );
    }
    case 'language': {
      const language = command.choice === 'auto' ? null : command.choice;
      if (language === undefined) {
        // Asked in a channel (not a direct message): also what that channel's posts are written in.
        const here = ctx.channelId?.startsWith('D') ? undefined : ctx.channelId;
        const channelId = command.channelId ?? here;
        const { own, channel } = await workspace.languages(ctx, { channelId });
        const text = notices.languageShown(
          p.format.languageName(languageOf(p.locale)),
          own !== null,
          channel && channelId ? mentionChannel(channelId) : null,
          channel ? p.format.languageName(channel.language) : null,
        );
        return reply({ text, blocks: [section(text)] });
      }
      if (command.channelId !== undefined) {
        const channel = mentionChannel(command.channelId);
        const after = await workspace.chooseChannelLanguage(ctx, { channelId: command.channelId, language });
        const name = p.format.languageName(after.language);
        return reply(
          successMessage(
            p,
            language === null
              ? notices.channelLanguageAuto(channel, name)
              : notices.channelLanguageChosen(channel, name),
          ),
        );
      }
      await workspace.chooseOwnLanguage(ctx, { language });
      // Said in the language just chosen.
      const now = presenterFor(personLocale(user.slackLocale, language));
      const name = now.format.languageName(language ?? languageOf(now.locale));
      return reply(
        successMessage(now, language === null ? now.t.notices.languageAuto(name) : now.t.notices.languageChosen(name)),
      );
    }
    case 'workspace-delete': {
      const preview = await workspace.deletionPreview(ctx);
      const token = await createWorkspaceDeletion({ deps, workspaceId: ctx.workspaceId, userId: user.userId });
      return reply(workspaceDeleteConfirmation(p, preview, { token }));
    }

    // ---- modals ------------------------------------------------------------------------------
    case 'new-modal':
      return openCreateModal(scope);
    case 'setup-modal':
      return openSetupModal(scope, command.what, command.cycle);
    case 'setup-edit-modal':
      return openSetupEditModal(scope, command.target);
    case 'move': {
      const options = await opportunities.moveForm(ctx, command.no);
      return openForm(scope, updateOpportunityModal(p, options), {
        no: options.no,
        version: options.version,
        channelId: scope.channelId,
      });
    }
    case 'close-modal': {
      const { options, currency } = await opportunities.closeForm(ctx, command.no, 'won');
      return openForm(scope, closeOpportunityModal(p, options, { no: command.no, outcome: null, currency }), {
        no: command.no,
        version: options.version,
        channelId: scope.channelId,
      });
    }
    case 'edit-modal': {
      const options = await opportunities.editForm(ctx, command.no);
      return openForm(scope, editOpportunityModal(p, options), {
        no: options.no,
        version: options.version,
        channelId: scope.channelId,
      });
    }
    case 'note-modal': {
      const form = await opportunities.noteForm(ctx, command.no);
      return openForm(scope, addNoteModal(p, form), {
        no: form.no,
        version: form.version,
        channelId: scope.channelId,
      });
    }
    case 'quote-modal': {
      // With a quote linked already, `/opp quote OP…` shows it (with its Edit and Replace buttons).
      const quote = await opportunities.quoteForm(ctx, command.no).catch(async (error: unknown) => {
        if (error instanceof DomainError && error.problem.kind === 'quote-already-exists') return null;
        throw error;
      });
      if (quote === null) return reply(quoteMessage(p, await opportunities.viewQuote(ctx, command.no)));
      return openForm(scope, createQuoteModal(p, { no: quote.no, currency: quote.currency }), {
        no: quote.no,
        version: quote.version,
        channelId: scope.channelId,
      });
    }

    // ---- opportunities -------------------------------------------------------------------------
    case 'new': {
      const owner = command.ownerId ? await deps.users.resolve(scope.client, ctx.workspaceId, command.ownerId) : user;
      const cycleLeftOut = (problem: Problem) => problem.kind === 'required' && problem.field === 'sales-cycle';
      let created: Awaited<ReturnType<typeof opportunities.create>>;
      try {
        created = await opportunities.create(ctx, {
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
        });
      } catch (error) {
        // cycle: may be left out only while the workspace has one usable cycle, or a default one. With
        // none usable, naming cycle: would send the person round in a circle: the form's sentence says
        // what to set up first.
        if (error instanceof DomainError && cycleLeftOut(error.problem)) {
          const { cycles } = await opportunities.createForm(ctx);
          if (!cycles.some((cycle) => !cycle.blocked)) return reply(errorMessage(p, p.t.ui.modal.create.noCycles));
        }
        return asMissingKey('new', 'cycle', cycleLeftOut)(error);
      }
      return reply(cardOf(p, created));
    }
    case 'list':
    case 'export': {
      const filters = command.filters;
      const filter = {
        status: filters.status,
        salespersonSlackUserId:
          filters.scope.kind === 'mine'
            ? user.userId
            : filters.scope.kind === 'user'
              ? filters.scope.userId
              : undefined,
        contact: filters.contact,
        salesCycleCode: filters.cycle,
      };
      if (command.name === 'export') {
        // Nothing typed for the scope: the use case decides by role (a rep's own, a manager's everything).
        const byRole = !command.scopeGiven;
        return exportCsv(
          byRole ? { ...filter, salespersonSlackUserId: undefined } : filter,
          byRole,
          pipelineScope(scope, reply),
        );
      }
      const { items, total, totals, currency, onlyOwn } = await opportunities.list(ctx, {
        filter,
        limit: LIST_MAX_ROWS,
      });
      const { list } = p.t.ui;
      const title = filters.scope.kind === 'all' && onlyOwn ? list.titles.allOnlyOwn : list.titles[filters.scope.kind];
      // Suggest `list all` only where it shows more than what was just run.
      const empty = filters.scope.kind === 'mine' ? list.empty : list.emptyAll;
      // A list longer than a page gets a More button, whose context keeps the filter.
      const moreToken =
        total > items.length
          ? await createListPaging(
              { deps, workspaceId: ctx.workspaceId, userId: user.userId },
              { filter: definedOnly(filter), title: filters.scope.kind },
            )
          : undefined;
      return reply(
        opportunityList(p, items, {
          total,
          totals,
          title,
          currency,
          empty,
          ...(moreToken ? { moreToken } : {}),
        }),
      );
    }
    case 'show':
      return reply(cardOf(p, await opportunities.show(ctx, command.no)));
    case 'show-named':
    case 'list-named': {
      const found = await opportunities.lookup(ctx, command.text).catch((error: unknown) => {
        // `list <name>` matching nothing points to `find`, which also takes what matches only some words.
        if (command.name === 'list-named' && error instanceof DomainError && error.problem.kind === 'nothing-found')
          return null;
        throw error;
      });
      if (found === null) return reply(noticeMessage(p, p.t.ui.list.nothingNamed(escapeText(command.text.trim()))));
      if (found.kind === 'one') return reply(cardOf(p, found.view));
      return reply(foundOpportunities(p, found.found, { candidates: true }));
    }
    case 'find': {
      const found = await opportunities.find(ctx, { text: command.text });
      const next = found.offset + found.items.length;
      const moreToken =
        next < found.total
          ? await createSearchPage(
              { deps, workspaceId: ctx.workspaceId, userId: user.userId },
              { text: command.text, offset: next },
            )
          : undefined;
      return reply(foundOpportunities(p, found, { moreToken }));
    }
    case 'edit': {
      const owner = command.ownerId ? await deps.users.resolve(scope.client, ctx.workspaceId, command.ownerId) : null;
      const edited = await opportunities.edit(ctx, {
        no: command.no,
        description: command.description,
        contact: command.contact,
        salesperson: owner ? { slackUserId: owner.userId, displayName: owner.displayName } : undefined,
        priority: command.priority,
      });
      return reply(cardOf(p, edited));
    }
    case 'note':
      return reply(cardOf(p, await opportunities.addNote(ctx, { no: command.no, text: command.text })));
    case 'next':
    case 'previous':
    case 'skip':
    case 'jump':
    case 'update': {
      const changes = command.changes;
      const moved = await opportunities.move(ctx, {
        no: command.no,
        action: command.name,
        targetStage: command.name === 'skip' || command.name === 'jump' ? command.toStage : undefined,
        dateOfChange: changes.date,
        estimatedValue: changes.value,
        chancesPct: changes.chance,
        estimatedCloseDate: changes.close,
      });
      return reply(cardOf(p, moved));
    }
    case 'close': {
      const closed = await opportunities
        .close(ctx, {
          no: command.no,
          outcome: command.outcome,
          closeCode: command.closeCode,
          closingDate: command.date,
          salesAmount: command.amount,
        })
        // Won without a linked quote needs the sales amount typed; a zero typed, or a linked quote's total
        // of zero (which a typed amount would not replace), is the rule's own sentence.
        .catch(
          asMissingKey(
            'close',
            'amount',
            (problem) =>
              command.amount === undefined &&
              problem.kind === 'must-be-positive' &&
              problem.field === 'sales-amount' &&
              problem.source === undefined,
          ),
        );
      return reply(cardOf(p, closed));
    }
    case 'quote':
      return reply(cardOf(p, await opportunities.createQuote(ctx, { no: command.no, lines: command.lines })));
    case 'order': {
      // An open opportunity is closed as Won first: with the code typed, or through the Close form.
      const form = command.closeCode === undefined ? await opportunities.orderForm(ctx, command.no) : null;
      if (form) {
        const view = closeOpportunityModal(p, form.options, {
          no: command.no,
          outcome: 'won',
          currency: form.currency,
          forOrder: true,
        });
        return openForm(scope, view, {
          no: command.no,
          version: form.options.version,
          makeOrder: true,
          channelId: scope.channelId,
        });
      }
      return reply(cardOf(p, await opportunities.makeOrder(ctx, command.no, { closeCode: command.closeCode })));
    }
    case 'tasks': {
      const list = await deps.useCases.tasks.list(ctx, { owner: command.ownerId, limit: TASK_LIST_MAX });
      return reply(taskListMessage(p, list));
    }
    case 'delete': {
      const deleted = await opportunities.delete(ctx, command.no);
      return reply(successMessage(p, notices.deleted(escapeText(deleted.no), escapeText(deleted.description))));
    }
    case 'purge': {
      const preview = await opportunities.purgePreview(ctx, {
        filter: {
          status: command.status,
          closedBefore: command.closedBefore,
          closedAfter: command.closedAfter,
          salespersonCode: command.ownerId,
          contact: command.contact,
          salesCycleCode: command.cycle,
        },
      });
      // The click deletes exactly what this preview lists, on whichever instance it lands.
      const token = await createPurgeConfirmation(
        { deps, workspaceId: ctx.workspaceId, userId: user.userId },
        { filter: preview.filter, nos: preview.opportunities.map((o) => o.no) },
      );
      return reply(purgeConfirmation(p, preview, { token }));
    }

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

    // ---- personal notifications --------------------------------------------------------------
    case 'notify':
      return notify(command, { deps: scope.deps, ctx, p, reply });
    case 'notify-mute':
      return notifyMute(command, { deps: scope.deps, ctx, p, reply });
    case 'alert':
      return addAlert(command, pipelineScope(scope, reply));
    case 'alert-remove':
      return removeAlert(command.id, pipelineScope(scope, reply));
    case 'alerts':
      return listAlerts(pipelineScope(scope, reply));
    default:
      return assertNever(command);
  }
}

function pipelineScope(scope: CommandScope, reply: (message: Message) => Promise<void>): PipelineScope {
  return {
    deps: scope.deps,
    ctx: scope.ctx,
    p: scope.p,
    user: scope.user,
    workspaceId: scope.workspaceId,
    channelId: scope.channelId,
    client: scope.client,
    logger: scope.logger,
    reply,
  };
}

async function openCreateModal(scope: CommandScope): Promise<void> {
  const form = await scope.deps.useCases.opportunities.createForm(scope.ctx);
  const view = createOpportunityModal(scope.p, { userId: scope.user.userId, ...form });
  await openForm(scope, view, { channelId: scope.channelId });
}

async function openSetupModal(
  scope: CommandScope,
  what: 'cycle' | 'stage' | 'code' | 'contact',
  cycleCode?: string,
): Promise<void> {
  const { cycles, canCreateCustomer } = await scope.deps.useCases.setup.setupForm(scope.ctx, what);
  const { p } = scope;
  const view =
    what === 'cycle'
      ? salesCycleModal(p)
      : what === 'code'
        ? closeCodeModal(p)
        : what === 'contact'
          ? contactModal(p, {}, { canCreateCustomer })
          : stageModal(p, { cycles, cycleCode });
  // Like the other forms, its context remembers the channel, where the result is shown.
  await openForm(scope, view, { channelId: scope.channelId });
}

/** The setup form pre-filled with what it changes; its context names it (the form shows it, never asks). */
async function openSetupEditModal(scope: CommandScope, target: SetupEditTarget): Promise<void> {
  const { view, context } = setupEditForm(scope.p, await scope.deps.useCases.setup.editForm(scope.ctx, target));
  await openForm(scope, view, { ...context, channelId: scope.channelId });
}

/** Opens a form with its server-side context (./contexts.ts): the id is all its private_metadata holds. */
async function openForm(scope: CommandScope, view: ModalView, context: FormContext): Promise<void> {
  const owner = { deps: scope.deps, workspaceId: scope.workspaceId, userId: scope.user.userId };
  await scope.client.views.open({ trigger_id: scope.triggerId, view: await withFormContext(owner, view, context) });
}

/**
 * A rule's refusal of a value the typed command left out, said as the key to type with the command's
 * usage (as the parser says a missing key): the rule's own sentence ("Please choose a sales cycle") is
 * written for the form, whose field is there to fill.
 */
function asMissingKey(
  subcommand: 'new' | 'close',
  key: string,
  leftOut: (problem: Problem) => boolean,
): (error: unknown) => never {
  return (error) => {
    if (error instanceof DomainError && leftOut(error.problem)) {
      throw new InputError({
        kind: 'missing-keys',
        keys: [key],
        subcommand,
        usage: commandUsage(subcommand),
      });
    }
    throw error;
  };
}

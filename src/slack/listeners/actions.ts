// Buttons and in-modal actions. A button's value is an opportunity number (or a confirmation's id):
// its shape is checked (./button-values.ts), then a use case runs, which reads the opportunity again and
// decides whether the acting user may (src/usecases); the card the user clicked is updated in place
// afterwards. A form opened here gets a server-side context (./contexts.ts) that says where its
// result goes; in-modal actions rebuild the form with the same context.
import { escapeText, type Markup } from '../../i18n/markup.ts';
import type { AllMiddlewareArgs, BlockAction, Logger, RespondFn, SlackActionMiddlewareArgs } from '@slack/bolt';
import { type Presenter, presenterFor } from '../../i18n/presenter.ts';
import type { CloseOutcome } from '../../domain/opportunity.ts';
import { inputLanguageOf } from '../../domain/typed-input/language.ts';
import {
  addNoteModal,
  addQuoteLine,
  closeOpportunityModal,
  editOpportunityModal,
  foundOpportunities,
  createOpportunityModal,
  HOME_PAGE_VALUE,
  homeOffsetOf,
  createQuoteModal,
  type Message,
  type ModalView,
  LIST_MAX_ROWS,
  noticeMessage,
  postponeTaskModal,
  quoteDraftsOf,
  type QuoteFormId,
  quoteMessage,
  opportunityList,
  readCloseOutcome,
  readQuoteDrafts,
  readUpdateSelection,
  successMessage,
  taskListMessage,
  typedUpdateValues,
  unavailableModal,
  updateOpportunityModal,
  type ViewStateValues,
} from '../blocks/index.ts';
import { ACTION_IDS, CALLBACK_IDS } from '../ids.ts';
import { workspaceOf } from '../workspace.ts';
import { opportunityNoFrom, setupEditTargetFrom, taskIdFrom, TOKEN_VALUE } from './button-values.ts';
import { setupEditForm } from './setup-edit-forms.ts';
import type { SetupEditTarget } from '../../usecases/setup.ts';
import { requestContext } from '../request-context.ts';
import type { RequestContext } from '../../usecases/index.ts';
import {
  type ClickedMessage,
  createSearchPage,
  discardConfirmation,
  type FormCallbackId,
  type FormContext,
  formContextOf,
  formOriginOf,
  searchPageOf,
  listPagingOf,
  takePurgeConfirmation,
  takeWorkspaceDeletion,
  withFormContext,
} from './contexts.ts';
import { publishHome } from './home.ts';
import {
  cardOf,
  failureMessage,
  type Origin,
  replaceOrigin,
  sentenceFor,
  type SlackDeps,
  type WebClient,
} from './support.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

interface ActionScope {
  deps: SlackDeps;
  /** What the use cases are told about this click. */
  ctx: RequestContext;
  /** The clicker's catalogue and formatter. */
  p: Presenter;
  workspaceId: string;
  userId: string;
  /** The button's value as sent (untrusted: parse it with opportunityNoFrom or TOKEN_VALUE). */
  value: string;
  origin: Origin;
  /** The message the button was clicked on, as Slack describes it. */
  clicked: ClickedMessage;
  triggerId: string;
  viewId: string | undefined;
  fromHome: boolean;
  /** The page of App Home clicked on (from its view's private_metadata), to publish it again there. */
  homeOffset: number;
  client: WebClient;
  respond: RespondFn | undefined;
  logger: Logger;
}

async function scopeOf(deps: SlackDeps, args: ActionArgs): Promise<ActionScope> {
  const { body, action } = args;
  const workspaceId = workspaceOf(args.context);
  const fromHome = body.view?.type === 'home';
  const container = body.container as
    { type?: string; channel_id?: string; message_ts?: string; is_ephemeral?: boolean } | undefined;
  const value = 'value' in action && typeof action.value === 'string' ? action.value : '';
  const channelId = container?.channel_id ?? body.channel?.id;
  const messageBlocks = (body.message as { blocks?: { block_id?: unknown }[] } | undefined)?.blocks;
  const user = await deps.users.resolve(args.client, workspaceId, body.user.id);
  const ctx = requestContext(deps, {
    workspaceId,
    user,
    surface: fromHome ? 'home' : body.view ? 'form' : 'button',
    // App Home has no channel: nothing clicked there is announced.
    channelId: fromHome ? undefined : channelId,
  });
  return {
    deps,
    ctx,
    p: presenterFor(ctx.locale),
    workspaceId,
    userId: body.user.id,
    value: value.slice(0, 2_000),
    origin: {
      channelId,
      messageTs: container?.message_ts,
      isEphemeral: container?.is_ephemeral,
      responseUrl: body.response_url,
    },
    clicked: {
      channelId,
      messageTs: container?.type === 'message' ? container.message_ts : undefined,
      isEphemeral: container?.is_ephemeral,
      blockIds: Array.isArray(messageBlocks)
        ? messageBlocks.map((b) => b.block_id).filter((id): id is string => typeof id === 'string')
        : [],
      blockId: action.block_id,
      responseUrl: body.response_url,
    },
    triggerId: body.trigger_id,
    viewId: body.view?.id,
    fromHome,
    homeOffset: fromHome ? homeOffsetOf(body.view?.private_metadata) : 0,
    client: args.client,
    respond: body.response_url ? args.respond : undefined,
    logger: args.logger,
  };
}

/** The page of App Home clicked on; undefined when the click was not on Home. */
function homePageOf(scope: ActionScope): number | undefined {
  return scope.fromHome ? scope.homeOffset : undefined;
}

/** Shows the result where the user clicked: the card in place, or the Home tab again. */
async function showResult(scope: ActionScope, message: Message): Promise<void> {
  if (scope.fromHome) {
    await publishHome(scope.deps, scope.client, scope.ctx, scope.homeOffset);
    return;
  }
  const replaced = await replaceOrigin(scope.client, scope.origin, message, scope.logger, scope.respond);
  if (!replaced && scope.respond)
    await scope.respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: message.text,
      blocks: message.blocks,
    });
}

/** A More button's value: the list's context id and the next page's offset. */
const LIST_MORE_VALUE = /^([0-9a-f]{32}):(\d{1,6})$/;

/** A failure on a button: a sentence beside the card (or in a small modal from App Home). */
async function showFailure(scope: ActionScope, error: unknown): Promise<void> {
  const sentence = sentenceFor(scope.p, error, scope.logger);
  if (scope.respond && !scope.fromHome) {
    try {
      const message = failureMessage(scope.p, error, scope.logger);
      await scope.respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: message.text,
        blocks: message.blocks,
      });
      return;
    } catch (replyError) {
      scope.logger.warn(`could not reply to a button: ${String(replyError)}`);
    }
  }
  try {
    await scope.client.views.open({ trigger_id: scope.triggerId, view: unavailableModal(scope.p, sentence) });
  } catch (openError) {
    scope.logger.warn(`could not show a failure: ${String(openError)}`);
  }
}

function buttonListener(deps: SlackDeps, work: (scope: ActionScope) => Promise<void>) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const scope = await scopeOf(deps, args);
    try {
      await work(scope);
    } catch (error) {
      await showFailure(scope, error);
    }
  };
}

/**
 * A button on one opportunity: its value must be an opportunity number (anything else is "not found");
 * the use case it calls decides whether the acting user may.
 */
function opportunityButton(deps: SlackDeps, work: (scope: ActionScope, no: string) => Promise<void>) {
  return buttonListener(deps, async (scope) => work(scope, opportunityNoFrom(scope.value)));
}

/** A confirmation token from a button value, or undefined for anything else. */
function tokenOf(scope: ActionScope): string | undefined {
  const parsed = TOKEN_VALUE.safeParse(scope.value);
  return parsed.success ? parsed.data : undefined;
}

/** Opens a form with its context: the opportunity, the version shown, and where the result goes. */
async function openForm(scope: ActionScope, view: ModalView, context: FormContext): Promise<void> {
  await scope.client.views.open({ trigger_id: scope.triggerId, view: await withFormContext(scope, view, context) });
}

/** A reply only the clicker sees, beside the message clicked (a DM when there is no response_url). */
async function replyBeside(scope: ActionScope, message: Message): Promise<void> {
  if (scope.respond && !scope.fromHome) {
    await scope.respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: message.text,
      blocks: message.blocks,
    });
  } else {
    await scope.client.chat.postMessage({ channel: scope.userId, text: message.text, blocks: message.blocks });
  }
}

/**
 * After a task changed: App Home is published again; a task list (`/opp tasks`, ephemeral) is listed
 * again for the same person; a reminder (a message in the DM) is replaced by the sentence.
 */
async function afterTaskChange(scope: ActionScope, owner: string | null, sentence: Markup): Promise<void> {
  if (scope.fromHome) {
    await publishHome(scope.deps, scope.client, scope.ctx, scope.homeOffset);
    return;
  }
  const done = successMessage(scope.p, sentence);
  if (scope.origin.isEphemeral && owner !== null) {
    const list = await scope.deps.useCases.tasks.list(scope.ctx, { owner, limit: TASK_LIST_LIMIT });
    const message = taskListMessage(scope.p, list);
    await replaceOrigin(scope.client, scope.origin, message, scope.logger, scope.respond);
    await replyBeside(scope, done);
    return;
  }
  const replaced = await replaceOrigin(scope.client, scope.origin, done, scope.logger, scope.respond);
  if (!replaced) await replyBeside(scope, done);
}

/**
 * An Edit button of an admin's setup list: its value names the row (shape checked here); the use case
 * reads it again and refuses anyone who may not edit it, so a forged click opens nothing. The form's
 * context (what it edits, where it reports) is the app's own, made here.
 */
function setupEditButton(deps: SlackDeps, what: SetupEditTarget['what']) {
  return buttonListener(deps, async (scope) => {
    const form = await deps.useCases.setup.editForm(scope.ctx, setupEditTargetFrom(what, scope.value));
    const { view, context } = setupEditForm(scope.p, form);
    await openForm(scope, view, { ...context, ...formOriginOf(scope.clicked, homePageOf(scope)) });
  });
}

/** Tasks a refreshed list shows (as `/opp tasks` does). */
const TASK_LIST_LIMIT = 20;

export function actionListeners(deps: SlackDeps): Record<string, (args: ActionArgs) => Promise<void>> {
  const { opportunities, workspace, tasks } = deps.useCases;
  const rebuildUpdate = (keepTarget: boolean) =>
    modalRebuild(deps, CALLBACK_IDS.updateOpportunity, async (scope, values, form, blocks) => {
      const selection = readUpdateSelection(values);
      const options = await opportunities.moveForm(scope.ctx, form.no, selection.action);
      // What the person typed stays; what was only pre-filled takes the new choice's defaults.
      return updateOpportunityModal(scope.p, options, {
        action: selection.action ?? null,
        targetStage: keepTarget ? (selection.targetStage ?? null) : null,
        typed: typedUpdateValues(blocks, values),
      });
    });
  return {
    // A notification's Mute button: the clicker's own notifications only (the use case knows whose).
    [ACTION_IDS.notifyMuteButton]: opportunityButton(deps, async (scope, no) => {
      await deps.useCases.notifications.mute(scope.ctx, { no, muted: true });
      await replyBeside(scope, successMessage(scope.p, scope.p.t.notify.muted(escapeText(no))));
    }),
    [ACTION_IDS.show]: opportunityButton(deps, async (scope, no) => {
      const card = cardOf(scope.p, await opportunities.show(scope.ctx, no));
      if (scope.respond && !scope.fromHome) {
        await scope.respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: card.text,
          blocks: card.blocks,
        });
      } else {
        await scope.client.chat.postMessage({ channel: scope.userId, text: card.text, blocks: card.blocks });
      }
    }),
    [ACTION_IDS.activate]: opportunityButton(deps, async (scope, no) => {
      await showResult(scope, cardOf(scope.p, await opportunities.activate(scope.ctx, no)));
    }),
    [ACTION_IDS.next]: opportunityButton(deps, async (scope, no) => {
      await showResult(scope, cardOf(scope.p, await opportunities.move(scope.ctx, { no, action: 'next' })));
    }),
    [ACTION_IDS.update]: opportunityButton(deps, async (scope, no) => {
      const options = await opportunities.moveForm(scope.ctx, no);
      await openForm(scope, updateOpportunityModal(scope.p, options), {
        no: options.no,
        version: options.version,
        ...formOriginOf(scope.clicked, homePageOf(scope), options.no),
      });
    }),
    [ACTION_IDS.close]: opportunityButton(deps, async (scope, no) => {
      const { options, currency } = await opportunities.closeForm(scope.ctx, no, 'won');
      await openForm(scope, closeOpportunityModal(scope.p, options, { no, outcome: null, currency }), {
        no,
        version: options.version,
        ...formOriginOf(scope.clicked, homePageOf(scope), no),
      });
    }),
    [ACTION_IDS.createQuote]: opportunityButton(deps, async (scope, no) => {
      const quote = await opportunities.quoteForm(scope.ctx, no);
      await openForm(scope, createQuoteModal(scope.p, { no: quote.no, currency: quote.currency }), {
        no: quote.no,
        version: quote.version,
        ...formOriginOf(scope.clicked, homePageOf(scope), quote.no),
      });
    }),
    [ACTION_IDS.makeOrder]: opportunityButton(deps, async (scope, no) => {
      // An open opportunity is closed as Won first, through the Close form set to Won (§10.2).
      const form = await opportunities.orderForm(scope.ctx, no);
      if (form) {
        const view = closeOpportunityModal(scope.p, form.options, {
          no,
          outcome: 'won',
          currency: form.currency,
          forOrder: true,
        });
        await openForm(scope, view, {
          no,
          version: form.options.version,
          makeOrder: true,
          ...formOriginOf(scope.clicked, homePageOf(scope), no),
        });
        return;
      }
      // Announced in the channel of the card (not from App Home); a repeated click announces nothing.
      await showResult(scope, cardOf(scope.p, await opportunities.makeOrder(scope.ctx, no)));
    }),
    [ACTION_IDS.edit]: opportunityButton(deps, async (scope, no) => {
      const options = await opportunities.editForm(scope.ctx, no);
      await openForm(scope, editOpportunityModal(scope.p, options), {
        no: options.no,
        version: options.version,
        ...formOriginOf(scope.clicked, homePageOf(scope), options.no),
      });
    }),
    [ACTION_IDS.addNote]: opportunityButton(deps, async (scope, no) => {
      const form = await opportunities.noteForm(scope.ctx, no);
      await openForm(scope, addNoteModal(scope.p, form), {
        no: form.no,
        version: form.version,
        ...formOriginOf(scope.clicked, homePageOf(scope), form.no),
      });
    }),
    [ACTION_IDS.editSalesCycle]: setupEditButton(deps, 'cycle'),
    [ACTION_IDS.editStage]: setupEditButton(deps, 'stage'),
    [ACTION_IDS.editCloseCode]: setupEditButton(deps, 'code'),
    [ACTION_IDS.editContact]: setupEditButton(deps, 'contact'),
    [ACTION_IDS.findMore]: buttonListener(deps, async (scope) => {
      const token = tokenOf(scope);
      const page = token ? await searchPageOf(scope, token) : null;
      if (!page) {
        await showResult(scope, noticeMessage(scope.p, scope.p.t.ui.find.expired));
        return;
      }
      // The use case reads the reader's access again: a page never shows what they may no longer see.
      const found = await opportunities.find(scope.ctx, page);
      const next = found.offset + found.items.length;
      const moreToken =
        next < found.total ? await createSearchPage(scope, { text: page.text, offset: next }) : undefined;
      await showResult(scope, foundOpportunities(scope.p, found, { moreToken }));
    }),
    [ACTION_IDS.delete]: opportunityButton(deps, async (scope, no) => {
      const { notices } = scope.p.t;
      const deleted = await opportunities.delete(scope.ctx, no);
      await showResult(
        scope,
        successMessage(scope.p, notices.deleted(escapeText(deleted.no), escapeText(deleted.description))),
      );
    }),
    [ACTION_IDS.viewQuote]: opportunityButton(deps, async (scope, no) => {
      await replyBeside(scope, quoteMessage(scope.p, await opportunities.viewQuote(scope.ctx, no)));
    }),
    [ACTION_IDS.editQuote]: opportunityButton(deps, async (scope, no) => {
      const form = await opportunities.editQuoteForm(scope.ctx, no);
      const view = createQuoteModal(scope.p, {
        no: form.no,
        currency: form.currency,
        lines: quoteDraftsOf(scope.p, form.quote.lines),
        mode: { kind: 'edit', quoteNo: form.quote.no },
      });
      await openForm(scope, view, {
        no: form.no,
        version: form.version,
        quoteNo: form.quote.no,
        ...formOriginOf(scope.clicked, homePageOf(scope), form.no),
      });
    }),
    [ACTION_IDS.replaceQuote]: opportunityButton(deps, async (scope, no) => {
      const form = await opportunities.replaceQuoteForm(scope.ctx, no);
      const view = createQuoteModal(scope.p, {
        no: form.no,
        currency: form.currency,
        mode: { kind: 'replace', quoteNo: form.quoteNo },
      });
      await openForm(scope, view, {
        no: form.no,
        version: form.version,
        quoteNo: form.quoteNo,
        ...formOriginOf(scope.clicked, homePageOf(scope), form.no),
      });
    }),
    [ACTION_IDS.taskComplete]: buttonListener(deps, async (scope) => {
      const { task } = await tasks.complete(scope.ctx, taskIdFrom(scope.value));
      await afterTaskChange(
        scope,
        task.owner.slackUserId,
        scope.p.t.work.tasks.completed(escapeText(task.description)),
      );
    }),
    [ACTION_IDS.taskPostpone]: buttonListener(deps, async (scope) => {
      const task = await tasks.postponeForm(scope.ctx, taskIdFrom(scope.value));
      const origin = scope.fromHome
        ? { fromHome: true as const, homeOffset: scope.homeOffset }
        : scope.clicked.channelId
          ? { channelId: scope.clicked.channelId }
          : {};
      await openForm(scope, postponeTaskModal(scope.p, task), { taskId: task.id, ...origin });
    }),
    [ACTION_IDS.listMore]: buttonListener(deps, async (scope) => {
      const { p } = scope;
      const match = LIST_MORE_VALUE.exec(scope.value);
      const paging = match?.[1] ? await listPagingOf(scope, match[1]) : null;
      if (!match?.[1] || !paging) {
        await replyBeside(scope, noticeMessage(p, p.t.ui.list.moreExpired));
        return;
      }
      // The use case filters again for this reader (reps see their own when the workspace says so).
      const offset = Number(match[2]);
      const page = await opportunities.list(scope.ctx, { filter: paging.filter, limit: LIST_MAX_ROWS, offset });
      await replyBeside(
        scope,
        opportunityList(p, page.items, {
          total: page.total,
          totals: page.totals,
          title: p.t.ui.list.titles[paging.title],
          currency: page.currency,
          offset,
          moreToken: match[1],
        }),
      );
    }),
    [ACTION_IDS.homePage]: buttonListener(deps, async (scope) => {
      // Only a position: the use case decides again whose opportunities the clicker sees.
      const page = HOME_PAGE_VALUE.safeParse(scope.value);
      await publishHome(scope.deps, scope.client, scope.ctx, page.success ? page.data : 0);
    }),
    [ACTION_IDS.newOpportunity]: buttonListener(deps, async (scope) => {
      // The form proposes the acting user as salesperson; naming someone else is checked on submit.
      const form = await opportunities.createForm(scope.ctx);
      const view = createOpportunityModal(scope.p, { userId: scope.userId, ...form });
      // No opportunity yet, so no card to update: the new card goes privately where the button was.
      await openForm(scope, view, formOriginOf(scope.clicked, homePageOf(scope)));
    }),
    [ACTION_IDS.purgeConfirm]: buttonListener(deps, async (scope) => {
      const { notices } = scope.p.t;
      const token = tokenOf(scope);
      // Taken once, whichever instance the click reaches: a second click finds nothing.
      const pending = token ? await takePurgeConfirmation(scope, token) : null;
      if (!pending) {
        await showResult(scope, noticeMessage(scope.p, notices.purgeExpired));
        return;
      }
      // The use case asks again: still an admin at the time of the click?
      const result = await opportunities.purge(scope.ctx, pending.filter, pending.nos);
      await showResult(scope, successMessage(scope.p, notices.purged(result.deleted.length)));
    }),
    [ACTION_IDS.purgeCancel]: buttonListener(deps, async (scope) => {
      const { notices } = scope.p.t;
      const token = tokenOf(scope);
      if (token) await discardConfirmation(scope, 'purge', token);
      await showResult(scope, noticeMessage(scope.p, notices.purgeCancelled));
    }),
    [ACTION_IDS.workspaceDeleteConfirm]: buttonListener(deps, async (scope) => {
      const { notices } = scope.p.t;
      const token = tokenOf(scope);
      // Taken once: a second click finds nothing and deletes nothing.
      if (!token || !(await takeWorkspaceDeletion(scope, token))) {
        await showResult(scope, noticeMessage(scope.p, notices.workspaceDeleteExpired));
        return;
      }
      const deleted = await workspace.deleteData(scope.ctx);
      await showResult(
        scope,
        successMessage(scope.p, notices.workspaceDeleted(deleted.opportunities, deleted.contacts)),
      );
    }),
    [ACTION_IDS.workspaceDeleteCancel]: buttonListener(deps, async (scope) => {
      const { notices } = scope.p.t;
      const token = tokenOf(scope);
      if (token) await discardConfirmation(scope, 'workspace-delete', token);
      await showResult(scope, noticeMessage(scope.p, notices.workspaceDeleteCancelled));
    }),
    // ---- inside modals: rebuild the view for the new choice ------------------------------------
    // A new action type offers new targets (the default one is preselected); a new target keeps the action.
    [ACTION_IDS.updateActionType]: rebuildUpdate(false),
    [ACTION_IDS.updateTargetStage]: rebuildUpdate(true),
    [ACTION_IDS.closeOutcome]: modalRebuild(deps, CALLBACK_IDS.closeOpportunity, async (scope, values, form) => {
      // Opened by Make Order, the form stays set to Won.
      const outcome: CloseOutcome | null = form.makeOrder ? 'won' : readCloseOutcome(values);
      const { options, currency } = await opportunities.closeForm(scope.ctx, form.no, outcome ?? 'won');
      return closeOpportunityModal(scope.p, options, { no: form.no, outcome, currency, forOrder: form.makeOrder });
    }),
    // The three quote forms share their fields, so "Add line" rebuilds whichever one it was pressed in.
    [ACTION_IDS.quoteAddLine]: async (args) => {
      const formId = QUOTE_FORM_IDS.find((id) => id === args.body.view?.callback_id) ?? CALLBACK_IDS.createQuote;
      await quoteAddLine(formId)(args);
    },
  };

  function quoteAddLine(formId: QuoteFormId) {
    return modalRebuild(deps, formId, async (scope, values, form) => {
      const { currency } = await opportunities.quoteLines(scope.ctx, form.no);
      const lines = addQuoteLine(readQuoteDrafts(values));
      const quoteNo = form.quoteNo ?? '';
      return createQuoteModal(scope.p, {
        no: form.no,
        currency,
        lines,
        language: inputLanguageOf(scope.ctx.locale),
        mode:
          formId === CALLBACK_IDS.editQuote
            ? { kind: 'edit', quoteNo }
            : formId === CALLBACK_IDS.replaceQuote
              ? { kind: 'replace', quoteNo }
              : { kind: 'create' },
      });
    });
  }
}

const QUOTE_FORM_IDS: readonly QuoteFormId[] = [
  CALLBACK_IDS.createQuote,
  CALLBACK_IDS.editQuote,
  CALLBACK_IDS.replaceQuote,
];

type OpportunityForm = typeof CALLBACK_IDS.updateOpportunity | typeof CALLBACK_IDS.closeOpportunity | QuoteFormId;

/**
 * An action inside a modal: rebuild the form from its state and swap it in with views.update, with the
 * same context (so it still reports where it was opened, and checks the version first shown).
 */
function modalRebuild<C extends OpportunityForm & FormCallbackId>(
  deps: SlackDeps,
  callbackId: C,
  build: (
    scope: ActionScope,
    values: ViewStateValues,
    form: FormContext<C>,
    /** The blocks of the form as it was shown (with what it pre-filled). */
    blocks: readonly unknown[],
  ) => Promise<ModalView>,
) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const scope = await scopeOf(deps, args);
    const view = args.body.view;
    if (!view) return;
    const showInstead = async (sentence: Markup) => {
      try {
        await scope.client.views.update({ view_id: view.id, view: unavailableModal(scope.p, sentence) });
      } catch (updateError) {
        scope.logger.warn(`could not update the modal: ${String(updateError)}`);
      }
    };
    try {
      const form =
        view.callback_id === callbackId ? await formContextOf(scope, callbackId, view.private_metadata) : null;
      if (!form) {
        scope.logger.warn(`refused an in-modal action on a ${String(view.callback_id)} form without its context`);
        await showInstead(scope.p.t.system.formContextRefused);
        return;
      }
      // Each rebuild goes through a use case, which checks the user may still change the opportunity.
      const next = await build(scope, (view.state?.values ?? {}) as ViewStateValues, form, view.blocks ?? []);
      // The rebuilt form keeps its context (a "not possible now" view has none).
      const rebuilt = next.callback_id === callbackId ? { ...next, private_metadata: view.private_metadata } : next;
      await scope.client.views.update({ view_id: view.id, hash: view.hash, view: rebuilt });
    } catch (error) {
      await showInstead(sentenceFor(scope.p, error, scope.logger));
    }
  };
}

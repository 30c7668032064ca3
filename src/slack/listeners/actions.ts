// Buttons and in-modal actions. A button's value is an opportunity number (or a confirmation's id):
// its shape is checked, then the opportunity is read again and the acting user authorized against it
// (src/slack/listeners/authorize.ts) before anything runs; the card the user clicked is updated in
// place afterwards. A form opened here gets a server-side context (./contexts.ts) that says where its
// result goes; in-modal actions rebuild the form with the same context.
import { escapeText } from '../../i18n/markup.ts';
import type { AllMiddlewareArgs, BlockAction, Logger, RespondFn, SlackActionMiddlewareArgs } from '@slack/bolt';
import { notices, system } from '../../i18n/en/index.ts';
import type { CloseOutcome } from '../../domain/opportunity.ts';
import type { Access } from '../../services/members.ts';
import {
  addQuoteLine,
  closeOpportunityModal,
  createOpportunityModal,
  createQuoteModal,
  type Message,
  type ModalView,
  noticeMessage,
  readCloseOutcome,
  readQuoteDrafts,
  readUpdateSelection,
  successMessage,
  unavailableModal,
  updateOpportunityModal,
  type ViewStateValues,
} from '../blocks/index.ts';
import { ACTION_IDS, CALLBACK_IDS } from '../ids.ts';
import { workspaceOf } from '../workspace.ts';
import { authorize, opportunityNoFrom, TOKEN_VALUE } from './authorize.ts';
import {
  type ClickedMessage,
  discardConfirmation,
  type FormCallbackId,
  type FormContext,
  formContextOf,
  formOriginOf,
  takePurgeConfirmation,
  takeWorkspaceDeletion,
  withFormContext,
} from './contexts.ts';
import { publishHome } from './home.ts';
import {
  cardFor,
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
  client: WebClient;
  respond: RespondFn | undefined;
  logger: Logger;
}

function scopeOf(deps: SlackDeps, args: ActionArgs): ActionScope {
  const { body, action } = args;
  const container = body.container as
    { type?: string; channel_id?: string; message_ts?: string; is_ephemeral?: boolean } | undefined;
  const value = 'value' in action && typeof action.value === 'string' ? action.value : '';
  const channelId = container?.channel_id ?? body.channel?.id;
  const messageBlocks = (body.message as { blocks?: { block_id?: unknown }[] } | undefined)?.blocks;
  return {
    deps,
    workspaceId: workspaceOf(args.context),
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
    },
    triggerId: body.trigger_id,
    viewId: body.view?.id,
    fromHome: body.view?.type === 'home',
    client: args.client,
    respond: body.response_url ? args.respond : undefined,
    logger: args.logger,
  };
}

/** Shows the result where the user clicked: the card in place, or the Home tab again. */
async function showResult(scope: ActionScope, message: Message): Promise<void> {
  if (scope.fromHome) {
    await publishHome(scope.deps, scope.client, scope.workspaceId, scope.userId);
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

/** A failure on a button: a sentence beside the card (or in a small modal from App Home). */
async function showFailure(scope: ActionScope, error: unknown): Promise<void> {
  const sentence = sentenceFor(error, scope.logger);
  if (scope.respond && !scope.fromHome) {
    try {
      const message = failureMessage(error, scope.logger);
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
    await scope.client.views.open({ trigger_id: scope.triggerId, view: unavailableModal(sentence) });
  } catch (openError) {
    scope.logger.warn(`could not show a failure: ${String(openError)}`);
  }
}

function buttonListener(deps: SlackDeps, work: (scope: ActionScope) => Promise<void>) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const scope = scopeOf(deps, args);
    try {
      await work(scope);
    } catch (error) {
      await showFailure(scope, error);
    }
  };
}

/**
 * A button on one opportunity: its value must be an opportunity number, and the acting user must be
 * allowed to read or change that opportunity (its salesperson is read from the database).
 */
function opportunityButton(
  deps: SlackDeps,
  action: 'read-opportunity' | 'change-opportunity',
  work: (scope: ActionScope, no: string, access: Access) => Promise<void>,
) {
  return buttonListener(deps, async (scope) => {
    const no = opportunityNoFrom(scope.value);
    const access = await authorize(scope, action, { opportunityNo: no });
    await work(scope, no, access);
  });
}

/** A confirmation token from a button value, or undefined for anything else. */
function tokenOf(scope: ActionScope): string | undefined {
  const parsed = TOKEN_VALUE.safeParse(scope.value);
  return parsed.success ? parsed.data : undefined;
}

async function today(scope: ActionScope) {
  return (await scope.deps.users.resolve(scope.client, scope.workspaceId, scope.userId)).today;
}

/** Opens a form with its context: the opportunity, the version shown, and where the result goes. */
async function openForm(scope: ActionScope, view: ModalView, context: FormContext): Promise<void> {
  await scope.client.views.open({ trigger_id: scope.triggerId, view: await withFormContext(scope, view, context) });
}

export function actionListeners(deps: SlackDeps): Record<string, (args: ActionArgs) => Promise<void>> {
  const { opportunities, queries, setup } = deps.services;
  const rebuildUpdate = (keepTarget: boolean) =>
    modalRebuild(deps, CALLBACK_IDS.updateOpportunity, async (scope, values, form) => {
      const selection = readUpdateSelection(values);
      const options = await opportunities.moveOptions(scope.workspaceId, form.no, await today(scope), selection.action);
      return updateOpportunityModal(options, {
        action: selection.action ?? null,
        targetStage: keepTarget ? (selection.targetStage ?? null) : null,
      });
    });
  return {
    [ACTION_IDS.show]: opportunityButton(deps, 'read-opportunity', async (scope, no, reader) => {
      const card = await cardFor(deps, scope.workspaceId, await queries.get(scope.workspaceId, no), reader);
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
    [ACTION_IDS.activate]: opportunityButton(deps, 'change-opportunity', async (scope, no) => {
      const detail = await opportunities.activateFirstStage(scope.workspaceId, no, await today(scope));
      await showResult(scope, await cardFor(deps, scope.workspaceId, detail));
    }),
    [ACTION_IDS.next]: opportunityButton(deps, 'change-opportunity', async (scope, no) => {
      const detail = await opportunities.move(scope.workspaceId, no, {
        action: 'next',
        today: await today(scope),
      });
      await showResult(scope, await cardFor(deps, scope.workspaceId, detail));
    }),
    [ACTION_IDS.update]: opportunityButton(deps, 'change-opportunity', async (scope, no) => {
      const options = await opportunities.moveOptions(scope.workspaceId, no, await today(scope));
      await openForm(scope, updateOpportunityModal(options), {
        no: options.no,
        version: options.version,
        ...formOriginOf(scope.clicked, scope.fromHome, options.no),
      });
    }),
    [ACTION_IDS.close]: opportunityButton(deps, 'change-opportunity', async (scope, no) => {
      const options = await opportunities.closeOptions(scope.workspaceId, no, 'won', await today(scope));
      const settings = await setup.workspaceSettings(scope.workspaceId);
      await openForm(scope, closeOpportunityModal(options, { no, outcome: null, currency: settings.currency }), {
        no,
        version: options.version,
        ...formOriginOf(scope.clicked, scope.fromHome, no),
      });
    }),
    [ACTION_IDS.createQuote]: opportunityButton(deps, 'change-opportunity', async (scope, no) => {
      const quote = await opportunities.quoteOptions(scope.workspaceId, no);
      const settings = await setup.workspaceSettings(scope.workspaceId);
      await openForm(scope, createQuoteModal({ no: quote.no, currency: settings.currency }), {
        no: quote.no,
        version: quote.version,
        ...formOriginOf(scope.clicked, scope.fromHome, quote.no),
      });
    }),
    [ACTION_IDS.makeOrder]: opportunityButton(deps, 'change-opportunity', async (scope, no) => {
      // Announced in the channel of the card (not from App Home); a repeated click announces nothing.
      const channelId = scope.fromHome ? undefined : scope.origin.channelId;
      const detail = await opportunities.makeOrder(scope.workspaceId, no, {
        today: await today(scope),
        origin: { actorUserId: scope.userId, channelId },
      });
      await showResult(scope, await cardFor(deps, scope.workspaceId, detail));
    }),
    [ACTION_IDS.delete]: opportunityButton(deps, 'change-opportunity', async (scope, no) => {
      const deleted = await opportunities.delete(scope.workspaceId, no);
      await showResult(scope, successMessage(notices.deleted(escapeText(deleted.no), escapeText(deleted.description))));
    }),
    [ACTION_IDS.newOpportunity]: buttonListener(deps, async (scope) => {
      // The form proposes the acting user as salesperson; naming someone else is checked on submit.
      await authorize(scope, 'create-opportunity', { salespersonId: scope.userId });
      const [cycles, settings] = await Promise.all([
        setup.listSalesCycles(scope.workspaceId),
        setup.workspaceSettings(scope.workspaceId),
      ]);
      const view = createOpportunityModal({
        userId: scope.userId,
        cycles,
        defaultCycleCode: settings.defaultSalesCycleCode,
      });
      // No opportunity yet, so no card to update: the new card goes privately where the button was.
      await openForm(scope, view, formOriginOf(scope.clicked, scope.fromHome));
    }),
    [ACTION_IDS.purgeConfirm]: buttonListener(deps, async (scope) => {
      const token = tokenOf(scope);
      // Taken once, whichever instance the click reaches: a second click finds nothing.
      const pending = token ? await takePurgeConfirmation(scope, token) : null;
      if (!pending) {
        await showResult(scope, noticeMessage(notices.purgeExpired));
        return;
      }
      // Still an admin at the time of the click?
      await authorize(scope, 'purge');
      const result = await opportunities.purge(scope.workspaceId, pending.filter, pending.nos);
      await showResult(scope, successMessage(notices.purged(result.deleted.length)));
    }),
    [ACTION_IDS.purgeCancel]: buttonListener(deps, async (scope) => {
      const token = tokenOf(scope);
      if (token) await discardConfirmation(scope, 'purge', token);
      await showResult(scope, noticeMessage(notices.purgeCancelled));
    }),
    [ACTION_IDS.workspaceDeleteConfirm]: buttonListener(deps, async (scope) => {
      const token = tokenOf(scope);
      // Taken once: a second click finds nothing and deletes nothing.
      if (!token || !(await takeWorkspaceDeletion(scope, token))) {
        await showResult(scope, noticeMessage(notices.workspaceDeleteExpired));
        return;
      }
      await authorize(scope, 'delete-workspace');
      const deleted = await deps.services.workspaceAdmin.deleteWorkspaceData(scope.workspaceId);
      await showResult(scope, successMessage(notices.workspaceDeleted(deleted.opportunities, deleted.contacts)));
    }),
    [ACTION_IDS.workspaceDeleteCancel]: buttonListener(deps, async (scope) => {
      const token = tokenOf(scope);
      if (token) await discardConfirmation(scope, 'workspace-delete', token);
      await showResult(scope, noticeMessage(notices.workspaceDeleteCancelled));
    }),
    // ---- inside modals: rebuild the view for the new choice ------------------------------------
    // A new action type offers new targets (the default one is preselected); a new target keeps the action.
    [ACTION_IDS.updateActionType]: rebuildUpdate(false),
    [ACTION_IDS.updateTargetStage]: rebuildUpdate(true),
    [ACTION_IDS.closeOutcome]: modalRebuild(deps, CALLBACK_IDS.closeOpportunity, async (scope, values, form) => {
      const outcome: CloseOutcome | null = readCloseOutcome(values);
      const options = await opportunities.closeOptions(
        scope.workspaceId,
        form.no,
        outcome ?? 'won',
        await today(scope),
      );
      const settings = await setup.workspaceSettings(scope.workspaceId);
      return closeOpportunityModal(options, { no: form.no, outcome, currency: settings.currency });
    }),
    [ACTION_IDS.quoteAddLine]: modalRebuild(deps, CALLBACK_IDS.createQuote, async (scope, values, form) => {
      const settings = await setup.workspaceSettings(scope.workspaceId);
      return createQuoteModal({
        no: form.no,
        currency: settings.currency,
        lines: addQuoteLine(readQuoteDrafts(values)),
      });
    }),
  };
}

type OpportunityForm =
  typeof CALLBACK_IDS.updateOpportunity | typeof CALLBACK_IDS.closeOpportunity | typeof CALLBACK_IDS.createQuote;

/**
 * An action inside a modal: rebuild the form from its state and swap it in with views.update, with the
 * same context (so it still reports where it was opened, and checks the version first shown).
 */
function modalRebuild<C extends OpportunityForm & FormCallbackId>(
  deps: SlackDeps,
  callbackId: C,
  build: (scope: ActionScope, values: ViewStateValues, form: FormContext<C>) => Promise<ModalView>,
) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const scope = scopeOf(deps, args);
    const view = args.body.view;
    if (!view) return;
    const showInstead = async (sentence: Parameters<typeof unavailableModal>[0]) => {
      try {
        await scope.client.views.update({ view_id: view.id, view: unavailableModal(sentence) });
      } catch (updateError) {
        scope.logger.warn(`could not update the modal: ${String(updateError)}`);
      }
    };
    try {
      const form =
        view.callback_id === callbackId ? await formContextOf(scope, callbackId, view.private_metadata) : null;
      if (!form) {
        scope.logger.warn(`refused an in-modal action on a ${String(view.callback_id)} form without its context`);
        await showInstead(system.formContextRefused);
        return;
      }
      // These forms change one opportunity: the user must still be allowed to.
      await authorize(scope, 'change-opportunity', { opportunityNo: form.no });
      const next = await build(scope, (view.state?.values ?? {}) as ViewStateValues, form);
      // The rebuilt form keeps its context (a "not possible now" view has none).
      const rebuilt = next.callback_id === callbackId ? { ...next, private_metadata: view.private_metadata } : next;
      await scope.client.views.update({ view_id: view.id, hash: view.hash, view: rebuilt });
    } catch (error) {
      await showInstead(sentenceFor(error, scope.logger));
    }
  };
}

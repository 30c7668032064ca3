// Modal submissions. The state is read with zod (errors go under the field, or in the view that replaces
// the "Saving…" view, below). Then the change is saved:
// when that is quick (the usual case) the ack carries a rule's refusal under the field it concerns;
// when it is not (a busy database), or other requests are waiting for their ack (a burst: the save
// then waits behind them, ../after-ack.ts), the ack pushes a "Saving…" view over the form at once, and
// the outcome replaces it: saved, or refused with a Back button to the form as typed.
// Every form's private_metadata is only the id of its server-side context (./contexts.ts), which says
// which opportunity and version it changes and where its result goes; a form without its own context
// (unknown, someone else's, another workspace's, expired, incomplete) is refused before anything runs.
// Every submission then runs a use case, which decides whether the user may (the opportunity's
// salesperson is read again), so a refusal writes nothing and shows under the field it concerns.
import { escapeText, joinMarkup, type Markup } from '../../i18n/markup.ts';
import { performance } from 'node:perf_hooks';
import { DEFAULT_LOCALE } from '../../i18n/locale.ts';
import { dec } from '../../domain/decimal.ts';
import { randomUUID } from 'node:crypto';
import type { AllMiddlewareArgs, Logger, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { DomainError, type Problem } from '../../domain/problems.ts';
import { type Presenter, presenterFor } from '../../i18n/presenter.ts';
import {
  type Message,
  notSavedView,
  readAddNote,
  readCloseCode,
  readCloseOpportunity,
  readEditOpportunity,
  readContact,
  readCreateOpportunity,
  readCreateQuote,
  readPostponeTask,
  readSalesCycle,
  readStage,
  readUpdateOpportunity,
  type ReadResult,
  savedView,
  savingView,
  successMessage,
  type ViewStateValues,
} from '../blocks/index.ts';
import { BLOCK_IDS, CALLBACK_IDS, closeCodeBlockId, quoteLineBlockId, updateTargetBlockId } from '../ids.ts';
import { requestContext } from '../request-context.ts';
import type { RequestContext } from '../../usecases/index.ts';
import type { InputLanguage } from '../../domain/typed-input/language.ts';
import type { DateContext } from '../../domain/human-date.ts';
import { type FormCallbackId, type FormContext, formContextOf, type FormOrigin } from './contexts.ts';
import { publishHome } from './home.ts';
import {
  closeCodeEdited,
  contactEdited,
  readCloseCodeEdit,
  readContactEdit,
  readSalesCycleEdit,
  readStageEdit,
  salesCycleEdited,
  stageEdited,
} from '../blocks/index.ts';
import {
  cardOf,
  postPrivately,
  replaceOrigin,
  replaceThroughResponseUrl,
  sentenceFor,
  type SlackDeps,
  type WebClient,
} from './support.ts';
import { workspaceOf } from '../workspace.ts';
import { receivedAtOf } from '../receiver.ts';
import { claimedFirst } from '../middleware/replay-guard.ts';
import { refuseRequest } from '../middleware/refusal.ts';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

interface SubmitScope<F extends FormOrigin = FormOrigin> {
  deps: SlackDeps;
  /** What the use cases are told about this submission (the channel is the form context's). */
  ctx: RequestContext;
  /** The submitter's catalogue and formatter. */
  p: Presenter;
  workspaceId: string;
  userId: string;
  /** The form's server-side context: the only source of where it reports and what it checks. */
  form: F;
  client: WebClient;
  logger: Logger;
}

interface Submission<T, F extends FormOrigin> {
  /**
   * The typed values, in the person's language: its sentences, and how the numbers they typed read (and,
   * for a typed date, their time zone and date order); amounts must be in the workspace's `currency`.
   */
  read(
    p: Presenter,
    values: ViewStateValues,
    language: InputLanguage,
    dates: DateContext,
    currency: string,
  ): ReadResult<T>;
  /** The operation; returns what to tell the user afterwards. */
  run(data: T, scope: SubmitScope<F>): Promise<() => Promise<void>>;
  /** The input block a rule's refusal is shown under. */
  fieldFor(problem: Problem, data: T): string;
}

/**
 * What a submission comes to, in the submitter's language: the field errors of a form Slack keeps open
 * (each error under its block; `sentence` is all of them, for a view), a replay, or a saved change
 * with its work after the ack. `channelId` is where the form reports, once its context is known.
 */
type Decision =
  | { kind: 'errors'; p: Presenter; errors: Record<string, string>; sentence: Markup; channelId?: string | undefined }
  | { kind: 'replay'; p: Presenter; sentence: Markup; channelId?: undefined }
  | { kind: 'done'; p: Presenter; after: () => Promise<void>; channelId: string | undefined };

/** A submission read and checked, and its save, not started yet. */
interface Checked {
  kind: 'checked';
  p: Presenter;
  save: () => Promise<Decision>;
}

function submissionListener<C extends FormCallbackId, T>(
  deps: SlackDeps,
  callbackId: C,
  submission: Submission<T, FormContext<C>>,
) {
  return async (args: ViewArgs): Promise<void> => {
    const { ack, body, client, logger, context } = args;
    const arrivedAt = receivedAtOf(context) ?? performance.now();
    const check = () => checkSubmission(args, deps, callbackId, submission);
    let waiting: Presenter;
    let outcome: Promise<Decision>;
    // While other requests wait for their ack (or were answered a moment ago: in a burst the next comes
    // a few milliseconds after), reading and saving would take the thread (and the database) their acks
    // need: the form is acknowledged with the progress view at once, and read and saved behind them.
    if (deps.afterAck.busyBesidesCaller()) {
      // Who submits was looked up when they opened the form: their language is known without asking.
      waiting = presenterFor(deps.users.knownLocale(workspaceOf(context), body.user.id) ?? DEFAULT_LOCALE);
      outcome = deps.afterAck
        .run(async () => {
          const checked = await check();
          return checked.kind === 'checked' ? checked.save() : checked;
        })
        // The progress view is shown already: whatever failed, the person reads why in its place.
        .catch((error: unknown) => failedBeforeSave(waiting, error, logger));
    } else {
      // Otherwise the form is read and checked now (its errors go under their fields), then saved: when
      // that is done within the budget, counted from the request's arrival, the ack carries the outcome;
      // when not, the progress view, and the outcome after.
      const checked = await check();
      if (checked.kind !== 'checked') {
        await answerInAck(checked);
        return;
      }
      const budget = deps.submitFastPathMs - (performance.now() - arrivedAt);
      const saved = checked.save();
      const quick = budget > 0 ? await Promise.race([saved, delay(budget).then(() => undefined)]) : undefined;
      if (quick) {
        await answerInAck(quick);
        return;
      }
      waiting = checked.p;
      outcome = saved;
    }
    const externalId = `saving-${randomUUID()}`;
    await ack({ response_action: 'push', view: savingView(waiting, externalId) });
    const decided = await outcome;
    const { p } = decided;
    const sentence = decided.kind === 'done' ? p.t.system.savedText : decided.sentence;
    const result =
      decided.kind === 'done'
        ? savedView(p, sentence)
        : notSavedView(p, sentence, { correctable: decided.kind === 'errors' });
    try {
      await client.views.update({ external_id: externalId, view: result });
    } catch (error) {
      logger.warn(`could not show the outcome in the modal: ${String(error)}`);
      // The user closed the modal meanwhile: tell them in a message instead, where the form reports (in a
      // direct message before its context is known). Not a replay's: whoever sent it saw the progress
      // view, which Slack never showed the person it names.
      if (decided.kind !== 'replay')
        await postPrivately(client, decided.channelId, body.user.id, { text: sentence, blocks: [] }, logger);
    }
    if (decided.kind === 'done') await deps.afterAck.run(decided.after);

    /** The ack that carries the outcome: errors under their fields, a replay's sentence, or none. */
    async function answerInAck(decision: Decision): Promise<void> {
      if (decision.kind === 'replay') await refuseRequest(args, decision.sentence);
      else if (decision.kind === 'errors') await ack({ response_action: 'errors', errors: decision.errors });
      else {
        await ack();
        await deps.afterAck.run(decision.after);
      }
    }
  };
}

/**
 * Reads the form's state and context and checks them: a Decision when that already decides (a replay,
 * errors), else the save to run (the submission's operation).
 */
async function checkSubmission<C extends FormCallbackId, T>(
  args: ViewArgs,
  deps: SlackDeps,
  callbackId: C,
  submission: Submission<T, FormContext<C>>,
): Promise<Decision | Checked> {
  const { body, view, client, logger, context } = args;
  const values = (view.state?.values ?? {}) as ViewStateValues;
  const owner = { deps, workspaceId: workspaceOf(context), userId: body.user.id };
  // The form's context is read while the submitter is looked up (the database and the directory at once).
  const lookup = formContextOf(owner, callbackId, view.private_metadata).then(
    (form) => ({ ok: true as const, form }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  // Amounts are in the workspace's currency (a setting every member reads): read beside the rest.
  const currencyRead = deps.useCases.workspace.currency({ workspaceId: owner.workspaceId }).then(
    (currency) => ({ ok: true as const, currency }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  // Who submits: their language writes every sentence below (even a field's error) and says how the
  // numbers they typed read ("12 000,50" in French). Cached with their time zone; they were looked up
  // when they opened the form, so an entry out of date serves the ack and Slack is asked afterwards.
  // Read while the inbound middleware records the submission's trigger_id (../middleware/replay-guard.ts):
  // nothing below runs for a replay.
  const [user, firstTime] = await Promise.all([
    deps.users.resolve(client, owner.workspaceId, owner.userId, { staleAllowed: true }),
    claimedFirst(context),
  ]);
  const p = presenterFor(user.locale);
  if (!firstTime) return { kind: 'replay', p, sentence: p.t.system.alreadyHandled };
  /** One error, under `field`. */
  const refused = (field: string, sentence: Markup, channelId?: string): Decision => ({
    kind: 'errors',
    p,
    errors: { [field]: sentence },
    sentence,
    channelId,
  });
  // The channel is the form context's (below).
  const asked = requestContext(deps, { workspaceId: owner.workspaceId, user, surface: 'form' });
  // An amount written in another currency is refused under its field, as the one-line commands refuse it.
  const read = await currencyRead;
  if (!read.ok) return refused(firstInputBlock(values), sentenceFor(p, read.error, logger));
  const parsed = submission.read(p, values, user.language, user, read.currency);
  if (!parsed.ok) {
    const sentences = Object.values(parsed.errors).map((error) => escapeText(error));
    return { kind: 'errors', p, errors: parsed.errors, sentence: joinMarkup(sentences, '\n') };
  }
  const found = await lookup;
  if (!found.ok) return refused(firstInputBlock(values), sentenceFor(p, found.error, logger));
  const form: FormContext<C> | null = found.form;
  if (!form) {
    // Nothing is written or posted: where it would go, and which checks run, are unknown.
    logger.warn(`refused a ${callbackId} submission without its form context`);
    return refused(firstInputBlock(values), p.t.system.formContextRefused);
  }
  const ctx: RequestContext = { ...asked, channelId: form.channelId };
  const scope: SubmitScope<FormContext<C>> = { ...owner, ctx, p, form, client, logger };
  const save = async (): Promise<Decision> => {
    try {
      const after = await submission.run(parsed.data, scope);
      return { kind: 'done', p, after, channelId: form.channelId };
    } catch (error) {
      const field =
        error instanceof DomainError ? submission.fieldFor(error.problem, parsed.data) : firstInputBlock(values);
      // Worked out once: sentenceFor also logs a failure the user did not cause.
      return refused(field, sentenceFor(p, error, logger), form.channelId);
    }
  };
  return { kind: 'checked', p, save };
}

/** A submission that failed before its save could decide (the directory or the database failing). */
function failedBeforeSave(p: Presenter, error: unknown, logger: Logger): Decision {
  const sentence = sentenceFor(p, error, logger);
  return { kind: 'errors', p, errors: {}, sentence };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** The three quote forms' lines, prices in the workspace's currency. */
function readQuoteLines(
  p: Presenter,
  values: ViewStateValues,
  language: InputLanguage,
  _: DateContext,
  currency: string,
) {
  return readCreateQuote(p, values, language, currency);
}

function firstInputBlock(values: ViewStateValues): string {
  return Object.keys(values)[0] ?? 'unknown';
}

/**
 * After an opportunity changed: the card where it came from, a note to the user, and the Home tab when
 * the change was made from it (Home is built afresh whenever it is opened, so a change made elsewhere
 * needs no Web API call and no pipeline query for it).
 */
async function afterChange(scope: SubmitScope, card: Message, note?: Message): Promise<void> {
  // The context keeps messageTs (or, for an ephemeral card, its response_url) only for the opportunity's
  // own card in the channel the form came from.
  const replaced = scope.form.responseUrl
    ? await replaceThroughResponseUrl(scope.form.responseUrl, card, scope.logger)
    : await replaceOrigin(
        scope.client,
        { channelId: scope.form.channelId, messageTs: scope.form.messageTs },
        card,
        scope.logger,
      );
  if (!replaced) await postPrivately(scope.client, scope.form.channelId, scope.userId, card, scope.logger);
  else if (note) await postPrivately(scope.client, scope.form.channelId, scope.userId, note, scope.logger);
  if (!scope.form.fromHome) return;
  // On the page it was opened on (the first when that page is now past the end).
  await publishHome(scope.deps, scope.client, scope.ctx, scope.form.homeOffset).catch((error: unknown) =>
    scope.logger.warn(String(error)),
  );
}

const create = BLOCK_IDS.create;
const update = BLOCK_IDS.update;
const close = BLOCK_IDS.close;

/** A rule's refusal on a quote form goes under the line it is about, else under the first line. */
function quoteFieldFor(problem: Problem): string {
  if (problem.kind === 'quote-line-invalid') {
    const field = problem.field === 'unit-price' ? 'unitPrice' : problem.field;
    return quoteLineBlockId(problem.line, field);
  }
  return quoteLineBlockId(1, 'description');
}

/** Where a stage form's problem is shown, for the fields the Add and Edit Stage forms share. */
function stageFieldFor(problem: Problem): string {
  const b = BLOCK_IDS.stage;
  switch (problem.kind) {
    case 'bad-date-formula':
      return b.dateFormula;
    case 'activity-not-found':
      return b.activityCode;
    case 'completed-not-whole':
      return b.completed;
    case 'percent-out-of-range':
      return problem.field === 'completed' ? b.completed : b.chances;
    default:
      return b.description;
  }
}

export function viewListeners(deps: SlackDeps): Record<string, (args: ViewArgs) => Promise<void>> {
  const { opportunities, setup, tasks } = deps.useCases;
  return {
    [CALLBACK_IDS.createOpportunity]: submissionListener(deps, CALLBACK_IDS.createOpportunity, {
      read: (p, values, language, _dates, currency) => readCreateOpportunity(p, values, language, currency),
      async run(data, scope) {
        // A rep may only name themselves as the salesperson (the use case decides).
        const owner = await deps.users.resolve(scope.client, scope.workspaceId, data.salespersonUserId);
        const created = await opportunities.create(scope.ctx, {
          description: data.description,
          contact: data.contactNo,
          salesperson: { slackUserId: owner.userId, displayName: owner.displayName },
          salesCycleCode: data.salesCycleCode,
          priority: data.priority,
          activate: data.activate
            ? {
                estimatedValue: data.estimatedValue,
                chancesPct: data.chancesPct,
                estimatedCloseDate: data.estimatedCloseDate,
              }
            : undefined,
        });
        return () => afterChange(scope, cardOf(scope.p, created));
      },
      fieldFor(problem) {
        switch (problem.kind) {
          case 'must-be-positive':
            return problem.field === 'chances' ? create.chances : create.estimatedValue;
          case 'percent-out-of-range':
            return create.chances;
          case 'close-date-before-today':
            return create.estimatedCloseDate;
          case 'required':
            return problem.field === 'estimated-close-date'
              ? create.estimatedCloseDate
              : problem.field === 'contact'
                ? create.contact
                : create.description;
          case 'contact-not-found':
          case 'contact-ambiguous':
            return create.contact;
          case 'salesperson-blocked':
          case 'salesperson-not-found':
          case 'not-allowed':
            return create.salesperson;
          case 'sales-cycle-blocked':
          case 'sales-cycle-not-found':
          case 'no-stages':
            return create.salesCycle;
          default:
            return create.description;
        }
      },
    }),
    [CALLBACK_IDS.updateOpportunity]: submissionListener(deps, CALLBACK_IDS.updateOpportunity, {
      read: (p, values, language, _dates, currency) => readUpdateOpportunity(p, values, language, currency),
      async run(data, scope) {
        // The card is read after the ack: only the save decides what the ack says.
        const moved = await opportunities.recordMove(scope.ctx, {
          no: scope.form.no,
          action: data.action,
          targetStage: data.targetStage,
          dateOfChange: data.dateOfChange,
          estimatedValue: data.estimatedValue,
          chancesPct: data.chancesPct,
          estimatedCloseDate: data.estimatedCloseDate,
          cancelOldTasks: data.cancelOldTasks,
          expectedVersion: scope.form.version,
        });
        return async () =>
          afterChange(scope, cardOf(scope.p, await opportunities.afterChange(scope.ctx, moved.no, moved.replaced)));
      },
      fieldFor(problem, data) {
        switch (problem.kind) {
          case 'date-of-change-before-last':
            return update.dateOfChange;
          case 'must-be-positive':
            return problem.field === 'chances' ? update.chances : update.estimatedValue;
          case 'percent-out-of-range':
            return update.chances;
          case 'close-date-before-change':
            return update.estimatedCloseDate;
          case 'stage-not-allowed':
          case 'quote-required':
            return data.action === 'skip' || data.action === 'jump'
              ? updateTargetBlockId(data.action)
              : update.actionType;
          default:
            return update.actionType;
        }
      },
    }),
    [CALLBACK_IDS.closeOpportunity]: submissionListener(deps, CALLBACK_IDS.closeOpportunity, {
      read: (p, values, language, _dates, currency) => readCloseOpportunity(p, values, language, currency),
      async run(data, scope) {
        if (scope.form.makeOrder) {
          // Make Order on an open opportunity: closed as Won and the order made, in one change.
          const ordered = await opportunities.makeOrder(scope.ctx, scope.form.no, {
            closeCode: data.closeCode,
            closingDate: data.closingDate,
            cancelOldTasks: data.cancelOldTasks,
            expectedVersion: scope.form.version,
          });
          return () => afterChange(scope, cardOf(scope.p, ordered));
        }
        const closed = await opportunities.close(scope.ctx, {
          no: scope.form.no,
          outcome: data.outcome,
          closeCode: data.closeCode,
          closingDate: data.closingDate,
          salesAmount: data.salesAmount,
          cancelOldTasks: data.cancelOldTasks,
          expectedVersion: scope.form.version,
        });
        return () => afterChange(scope, cardOf(scope.p, closed));
      },
      fieldFor(problem, data) {
        switch (problem.kind) {
          case 'close-code-not-found':
          case 'close-code-wrong-type':
            return closeCodeBlockId(data.outcome);
          case 'required':
            return problem.field === 'close-code' ? closeCodeBlockId(data.outcome) : close.outcome;
          case 'closing-date-before-last-change':
            return close.closingDate;
          case 'must-be-positive':
            return close.salesAmount;
          case 'contact-has-no-company':
          default:
            return close.outcome;
        }
      },
    }),
    [CALLBACK_IDS.createQuote]: submissionListener(deps, CALLBACK_IDS.createQuote, {
      read: readQuoteLines,
      async run(data, scope) {
        const quoted = await opportunities.createQuote(scope.ctx, {
          no: scope.form.no,
          lines: data.lines,
          expectedVersion: scope.form.version,
        });
        return () => afterChange(scope, cardOf(scope.p, quoted));
      },
      fieldFor: quoteFieldFor,
    }),
    [CALLBACK_IDS.editQuote]: submissionListener(deps, CALLBACK_IDS.editQuote, {
      read: readQuoteLines,
      async run(data, scope) {
        const edited = await opportunities.editQuote(scope.ctx, {
          no: scope.form.no,
          lines: data.lines,
          expectedVersion: scope.form.version,
        });
        const change = edited.events.find((e) => e.kind === 'quote-changed');
        const note =
          change?.kind === 'quote-changed'
            ? successMessage(
                scope.p,
                scope.p.t.work.quote.edited(
                  escapeText(change.payload.quoteNo),
                  scope.p.format.money(dec(change.payload.fromAmount), edited.currency),
                  scope.p.format.money(dec(change.payload.amount), edited.currency),
                ),
              )
            : undefined;
        return () => afterChange(scope, cardOf(scope.p, edited), note);
      },
      fieldFor: quoteFieldFor,
    }),
    [CALLBACK_IDS.replaceQuote]: submissionListener(deps, CALLBACK_IDS.replaceQuote, {
      read: readQuoteLines,
      async run(data, scope) {
        const replaced = await opportunities.replaceQuote(scope.ctx, {
          no: scope.form.no,
          lines: data.lines,
          expectedVersion: scope.form.version,
        });
        const change = replaced.events.find((e) => e.kind === 'quote-replaced');
        const note =
          change?.kind === 'quote-replaced'
            ? successMessage(
                scope.p,
                scope.p.t.work.quote.replaced(
                  escapeText(change.payload.quoteNo),
                  escapeText(change.payload.replacedQuoteNo),
                ),
              )
            : undefined;
        return () => afterChange(scope, cardOf(scope.p, replaced), note);
      },
      fieldFor: quoteFieldFor,
    }),
    [CALLBACK_IDS.postponeTask]: submissionListener(deps, CALLBACK_IDS.postponeTask, {
      read: (p, values, _language, dates) => readPostponeTask(p, values, dates),
      async run(data, scope) {
        const { task } = await tasks.postpone(scope.ctx, { taskId: scope.form.taskId, date: data.date });
        const note = successMessage(
          scope.p,
          scope.p.t.work.tasks.postponed(escapeText(task.description), scope.p.format.date(task.date)),
        );
        return async () => {
          await postPrivately(scope.client, scope.form.channelId, scope.userId, note, scope.logger);
          if (scope.form.fromHome)
            await publishHome(scope.deps, scope.client, scope.ctx, scope.form.homeOffset).catch((error: unknown) =>
              scope.logger.warn(String(error)),
            );
        };
      },
      fieldFor: () => BLOCK_IDS.postponeTask.newDate,
    }),
    [CALLBACK_IDS.editOpportunity]: submissionListener(deps, CALLBACK_IDS.editOpportunity, {
      read: readEditOpportunity,
      async run(data, scope) {
        // A salesperson other than the current one is a reassignment (the use case decides who may).
        const owner = data.salespersonUserId
          ? await deps.users.resolve(scope.client, scope.workspaceId, data.salespersonUserId)
          : null;
        const edited = await opportunities.edit(scope.ctx, {
          no: scope.form.no,
          description: data.description,
          contact: data.contactNo,
          salesperson: owner ? { slackUserId: owner.userId, displayName: owner.displayName } : undefined,
          priority: data.priority,
          expectedVersion: scope.form.version,
        });
        return () => afterChange(scope, cardOf(scope.p, edited));
      },
      fieldFor(problem) {
        const b = BLOCK_IDS.edit;
        switch (problem.kind) {
          case 'contact-not-found':
          case 'contact-ambiguous':
          case 'contact-other-company':
            return b.contact;
          case 'salesperson-blocked':
          case 'salesperson-not-found':
            return b.salesperson;
          case 'not-allowed':
            return problem.action === 'reassign-opportunity' ? b.salesperson : b.description;
          default:
            return b.description;
        }
      },
    }),
    [CALLBACK_IDS.addNote]: submissionListener(deps, CALLBACK_IDS.addNote, {
      read: readAddNote,
      async run(data, scope) {
        const noted = await opportunities.addNote(scope.ctx, { no: scope.form.no, text: data.text });
        return () => afterChange(scope, cardOf(scope.p, noted));
      },
      fieldFor: () => BLOCK_IDS.note.text,
    }),
    [CALLBACK_IDS.salesCycle]: submissionListener(deps, CALLBACK_IDS.salesCycle, {
      read: readSalesCycle,
      async run(data, scope) {
        const cycle = await setup.addSalesCycle(scope.ctx, data);
        return () =>
          postPrivately(
            scope.client,
            scope.form.channelId,
            scope.userId,
            successMessage(scope.p, scope.p.t.notices.cycleAdded(escapeText(cycle.code))),
            scope.logger,
          );
      },
      fieldFor: (problem) =>
        problem.kind === 'too-long' ? BLOCK_IDS.salesCycle.description : BLOCK_IDS.salesCycle.code,
    }),
    [CALLBACK_IDS.stage]: submissionListener(deps, CALLBACK_IDS.stage, {
      read: readStage,
      async run(data, scope) {
        const stage = await setup.addStage(scope.ctx, data);
        return () =>
          postPrivately(
            scope.client,
            scope.form.channelId,
            scope.userId,
            successMessage(scope.p, scope.p.t.notices.stageAdded(escapeText(data.cycleCode), stage.stage)),
            scope.logger,
          );
      },
      fieldFor(problem) {
        switch (problem.kind) {
          case 'duplicate':
          case 'stage-number-invalid':
            return BLOCK_IDS.stage.stageNo;
          case 'sales-cycle-not-found':
            return BLOCK_IDS.stage.cycle;
          default:
            return stageFieldFor(problem);
        }
      },
    }),
    [CALLBACK_IDS.closeCode]: submissionListener(deps, CALLBACK_IDS.closeCode, {
      read: readCloseCode,
      async run(data, scope) {
        const code = await setup.addCloseCode(scope.ctx, data);
        return () =>
          postPrivately(
            scope.client,
            scope.form.channelId,
            scope.userId,
            successMessage(scope.p, scope.p.t.notices.codeAdded(escapeText(code.code), code.type)),
            scope.logger,
          );
      },
      fieldFor: (problem) => (problem.kind === 'too-long' ? BLOCK_IDS.closeCode.description : BLOCK_IDS.closeCode.code),
    }),
    [CALLBACK_IDS.editSalesCycle]: submissionListener(deps, CALLBACK_IDS.editSalesCycle, {
      read: readSalesCycleEdit,
      async run(data, scope) {
        const changed = await setup.editSalesCycle(scope.ctx, { code: scope.form.code, change: data });
        return () =>
          postPrivately(
            scope.client,
            scope.form.channelId,
            scope.userId,
            salesCycleEdited(scope.p, changed),
            scope.logger,
          );
      },
      fieldFor: () => BLOCK_IDS.salesCycle.description,
    }),
    [CALLBACK_IDS.editStage]: submissionListener(deps, CALLBACK_IDS.editStage, {
      read: readStageEdit,
      async run(data, scope) {
        const { cycleCode, stageNo } = scope.form;
        const changed = await setup.editStage(scope.ctx, { cycleCode, stageNo, change: data });
        return () =>
          postPrivately(scope.client, scope.form.channelId, scope.userId, stageEdited(scope.p, changed), scope.logger);
      },
      fieldFor: stageFieldFor,
    }),
    [CALLBACK_IDS.editCloseCode]: submissionListener(deps, CALLBACK_IDS.editCloseCode, {
      read: readCloseCodeEdit,
      async run(data, scope) {
        const changed = await setup.editCloseCode(scope.ctx, { code: scope.form.code, description: data.description });
        return () =>
          postPrivately(
            scope.client,
            scope.form.channelId,
            scope.userId,
            closeCodeEdited(scope.p, changed),
            scope.logger,
          );
      },
      fieldFor: () => BLOCK_IDS.closeCode.description,
    }),
    [CALLBACK_IDS.editContact]: submissionListener(deps, CALLBACK_IDS.editContact, {
      read: readContactEdit,
      async run(data, scope) {
        const changed = await setup.editContact(scope.ctx, {
          contact: scope.form.contactNo,
          name: data.name,
          // "No longer works for a company" wins over the company the select still shows.
          ...(data.leaveCompany ? { company: null } : data.companyNo !== undefined ? { company: data.companyNo } : {}),
          ...(data.createCustomer ? { customer: true } : data.unlinkCustomer ? { customer: false } : {}),
        });
        return () =>
          postPrivately(
            scope.client,
            scope.form.channelId,
            scope.userId,
            contactEdited(scope.p, changed),
            scope.logger,
          );
      },
      fieldFor(problem) {
        switch (problem.kind) {
          case 'contact-not-found':
          case 'contact-ambiguous':
          case 'contact-company-not-company':
          case 'company-cannot-have-company':
            return BLOCK_IDS.contact.company;
          case 'customer-has-documents':
            return BLOCK_IDS.contact.customer;
          default:
            return BLOCK_IDS.contact.name;
        }
      },
    }),
    [CALLBACK_IDS.contact]: submissionListener(deps, CALLBACK_IDS.contact, {
      read: readContact,
      async run(data, scope) {
        const contact = await setup.addContact(scope.ctx, {
          name: data.name,
          type: data.type,
          ...(data.companyNo ? { company: data.companyNo } : {}),
          ...(data.email ? { email: data.email } : {}),
          createCustomer: data.createCustomer,
        });
        return () =>
          postPrivately(
            scope.client,
            scope.form.channelId,
            scope.userId,
            successMessage(
              scope.p,
              scope.p.t.notices.contactAdded(
                escapeText(contact.name),
                escapeText(contact.no),
                contact.customerNo === null ? null : escapeText(contact.customerNo),
              ),
            ),
            scope.logger,
          );
      },
      fieldFor(problem) {
        const b = BLOCK_IDS.contact;
        switch (problem.kind) {
          case 'contact-not-found':
          case 'contact-ambiguous':
          case 'contact-company-not-company':
          case 'company-cannot-have-company':
            return b.company;
          default:
            return b.name;
        }
      },
    }),
  };
}

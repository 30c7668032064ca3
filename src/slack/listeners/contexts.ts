// What forms and deletion confirmations may not decide for themselves, kept server-side (table
// interaction_context, see src/services/interaction-contexts.ts). A form's private_metadata and a
// confirmation button's value carry only the context's random id; the context is bound to the
// workspace, the user and the form (or confirmation) it was made for, and expires. Everything that
// decides where the app posts, what it overwrites and which checks run is read from here, and parsed
// strictly: a context that is missing, foreign, expired or lacks a field its form needs is a refusal.
import { z } from 'zod';
import type { PurgeFilterInput } from '../../domain/deletion.ts';
import { localDate } from '../../domain/local-date.ts';
import { contextIdOf, contextMetadata, HOME_OFFSET, type ModalView, OPPORTUNITY_NO } from '../blocks/index.ts';
import { BLOCK_IDS, CALLBACK_IDS, cardHeaderBlockId } from '../ids.ts';
import type { SlackDeps } from './support.ts';

/** A form can be submitted (again, after a field error) for a day after it was opened. */
export const FORM_TTL_MS = 24 * 60 * 60_000;
/** A deletion confirmation works once, within 15 minutes. */
export const CONFIRMATION_TTL_MS = 15 * 60_000;

interface ContextScope {
  deps: SlackDeps;
  workspaceId: string;
  userId: string;
}

const CHANNEL_ID = /^[CDG][A-Z0-9]{2,31}$/;
const MESSAGE_TS = /^\d{1,12}\.\d{1,9}$/;

const whereOpened = {
  /** The conversation the form was opened in: private replies and the won announcement go there. */
  channelId: z.string().regex(CHANNEL_ID).optional(),
  /** The opportunity's own card in that conversation, updated in place after the change. */
  messageTs: z.string().regex(MESSAGE_TS).optional(),
  /**
   * The opportunity's own card as an ephemeral message (only its reader sees it, and only its
   * response_url can replace it): the URL Slack sent with the signed click, kept here, never in the form.
   */
  responseUrl: z
    .url({ protocol: /^https?$/ })
    .max(1_000)
    .optional(),
  /** Opened from App Home: the tab is published again after the change. */
  fromHome: z.literal(true).optional(),
  /**
   * The page of App Home it was opened on (open opportunities before it), drawn again after the change.
   * Only a position: whose opportunities it shows is decided again for the submitter.
   */
  homeOffset: HOME_OFFSET.optional(),
};

/** Update, Close and the quote forms change one opportunity, guarded by the version the user saw. */
const opportunityForm = z.strictObject({
  no: z.string().regex(OPPORTUNITY_NO),
  version: z.number().int().min(0).max(2_147_483_647),
  /** Edit and Replace Quote: the quote they were opened for (their text names it). */
  quoteNo: z.string().max(20).optional(),
  /** A Close form opened by Make Order: closing as Won also makes the order. */
  makeOrder: z.literal(true).optional(),
  ...whereOpened,
});
/** Postpone changes one task (the use case reads it again, and checks who may). */
const taskForm = z.strictObject({ taskId: z.number().int().min(1).max(2_147_483_647), ...whereOpened });
const otherForm = z.strictObject(whereOpened);
// The edit forms: what they change, named by the app when it opened them (the form shows it, never asks it).
const setupCode = z.string().regex(/^\S{1,10}$/);
const editSalesCycleForm = z.strictObject({ code: setupCode, ...whereOpened });
const editStageForm = z.strictObject({
  cycleCode: setupCode,
  stageNo: z.number().int().min(1).max(9999),
  ...whereOpened,
});
const editCloseCodeForm = z.strictObject({ code: setupCode, ...whereOpened });
const editContactForm = z.strictObject({ contactNo: z.string().regex(/^[A-Z]{1,10}\d{1,10}$/), ...whereOpened });

const FORMS = {
  [CALLBACK_IDS.updateOpportunity]: opportunityForm,
  [CALLBACK_IDS.closeOpportunity]: opportunityForm,
  [CALLBACK_IDS.createQuote]: opportunityForm,
  [CALLBACK_IDS.editQuote]: opportunityForm,
  [CALLBACK_IDS.replaceQuote]: opportunityForm,
  [CALLBACK_IDS.postponeTask]: taskForm,
  [CALLBACK_IDS.editOpportunity]: opportunityForm,
  [CALLBACK_IDS.addNote]: opportunityForm,
  [CALLBACK_IDS.createOpportunity]: otherForm,
  [CALLBACK_IDS.salesCycle]: otherForm,
  [CALLBACK_IDS.stage]: otherForm,
  [CALLBACK_IDS.closeCode]: otherForm,
  [CALLBACK_IDS.contact]: otherForm,
  [CALLBACK_IDS.editSalesCycle]: editSalesCycleForm,
  [CALLBACK_IDS.editStage]: editStageForm,
  [CALLBACK_IDS.editCloseCode]: editCloseCodeForm,
  [CALLBACK_IDS.editContact]: editContactForm,
} as const;

export type FormCallbackId = keyof typeof FORMS;
export type FormContext<C extends FormCallbackId = FormCallbackId> = z.infer<(typeof FORMS)[C]>;
export type OpportunityFormContext = z.infer<typeof opportunityForm>;
/** Where a form was opened, as every form's context has it. */
export type FormOrigin = z.infer<typeof otherForm>;

function isFormCallback(callbackId: string | undefined): callbackId is FormCallbackId {
  return callbackId !== undefined && Object.hasOwn(FORMS, callbackId);
}

/** The kind a form's context is stored under: it works in that form only. */
function formKind(callbackId: FormCallbackId): string {
  return `form:${callbackId}`;
}

/**
 * Stores the context of a form about to be opened and puts its id into the view's private_metadata.
 * A view that is not a form (the "not possible now" modal) is returned as it is.
 */
export async function withFormContext(scope: ContextScope, view: ModalView, context: FormContext): Promise<ModalView> {
  const callbackId = view.callback_id;
  if (!isFormCallback(callbackId)) return view;
  const payload = FORMS[callbackId].parse(context);
  const id = await scope.deps.services.contexts.create(
    formKind(callbackId),
    scope.workspaceId,
    scope.userId,
    payload,
    FORM_TTL_MS,
  );
  return { ...view, private_metadata: contextMetadata(id) };
}

/**
 * The context of a form being submitted or rebuilt, or null: no context id in its private_metadata,
 * no such context for this form, workspace and user, expired, or lacking a field the form needs.
 */
export async function formContextOf<C extends FormCallbackId>(
  scope: ContextScope,
  callbackId: C,
  privateMetadata: string | null | undefined,
): Promise<FormContext<C> | null> {
  const id = contextIdOf(privateMetadata);
  if (id === null) return null;
  const payload = await scope.deps.services.contexts.find(id, formKind(callbackId), scope.workspaceId, scope.userId);
  const parsed = FORMS[callbackId].safeParse(payload);
  return parsed.success ? (parsed.data as FormContext<C>) : null;
}

/** What Slack says about the message a button was clicked on (from the signed payload). */
export interface ClickedMessage {
  channelId?: string | undefined;
  messageTs?: string | undefined;
  isEphemeral?: boolean | undefined;
  /** The block_ids of the message, when Slack sent the message (it does not for ephemeral ones). */
  blockIds: readonly string[];
  /** The block of the button clicked, and the response_url of its message (from the signed payload). */
  blockId?: string | undefined;
  responseUrl?: string | undefined;
}

/**
 * Where a form opened by a button on this message reports back: the conversation, and the message
 * itself only when it is the opportunity's own card (a card's header names its opportunity); any
 * other message (a digest, someone's announcement, a list) is never overwritten.
 */
export function formOriginOf(clicked: ClickedMessage, homeOffset: number | undefined, no?: string): FormOrigin {
  if (homeOffset !== undefined) return { fromHome: true, homeOffset };
  const origin: FormOrigin = {};
  if (clicked.channelId) origin.channelId = clicked.channelId;
  const isCard = no !== undefined && clicked.blockIds.includes(cardHeaderBlockId(no));
  if (clicked.messageTs && !clicked.isEphemeral && isCard) origin.messageTs = clicked.messageTs;
  // Slack sends no blocks for an ephemeral message: the card's own action block says it was a card.
  if (clicked.isEphemeral && clicked.responseUrl && no !== undefined && clicked.blockId === BLOCK_IDS.card.actions) {
    origin.responseUrl = clicked.responseUrl;
  }
  return origin;
}

// ---- search pages ---------------------------------------------------------------------------------

const SEARCH = 'find';
/** A search's More button works for a day, as a form does. */
export const SEARCH_TTL_MS = FORM_TTL_MS;

/** The words searched and where the next page starts: what a More button stands for. */
const searchPage = z.strictObject({
  text: z.string().min(1).max(4_000),
  offset: z.number().int().min(0).max(1_000_000),
});
export type SearchPage = z.infer<typeof searchPage>;

/** The id a More button carries for the next page of this search. */
export function createSearchPage(scope: ContextScope, page: SearchPage): Promise<string> {
  const payload = searchPage.parse(page);
  return scope.deps.services.contexts.create(SEARCH, scope.workspaceId, scope.userId, payload, SEARCH_TTL_MS);
}

/** The page a More button stands for (clicking it again shows it again), or null when unknown or expired. */
export async function searchPageOf(scope: ContextScope, id: string): Promise<SearchPage | null> {
  const payload = await scope.deps.services.contexts.find(id, SEARCH, scope.workspaceId, scope.userId);
  const parsed = searchPage.safeParse(payload);
  return parsed.success ? parsed.data : null;
}

// ---- list pages ----------------------------------------------------------------------------------

const LIST = 'list';

/** A list as it was asked for: its filter and title, for its More button (any instance shows the next page). */
const listPaging = z.strictObject({
  filter: z.strictObject({
    status: z.enum(['open', 'won', 'lost', 'closed', 'all']).optional(),
    salespersonSlackUserId: z.string().max(64).optional(),
    contact: z.string().max(200).optional(),
    salesCycleCode: z.string().max(64).optional(),
  }),
  title: z.enum(['mine', 'all', 'user']),
});
export type ListPaging = z.infer<typeof listPaging>;

/** The id of this list's context, for its More button. */
export function createListPaging(scope: ContextScope, paging: ListPaging): Promise<string> {
  const payload = listPaging.parse(paging);
  return scope.deps.services.contexts.create(LIST, scope.workspaceId, scope.userId, payload, FORM_TTL_MS);
}

/** The list a More button belongs to (this user's, this workspace's, not expired), or null. */
export async function listPagingOf(scope: ContextScope, id: string): Promise<ListPaging | null> {
  const payload = await scope.deps.services.contexts.find(id, LIST, scope.workspaceId, scope.userId);
  const parsed = listPaging.safeParse(payload);
  return parsed.success ? parsed.data : null;
}

// ---- deletion confirmations ----------------------------------------------------------------------

const PURGE = 'purge';
const WORKSPACE_DELETE = 'workspace-delete';

const optionalDate = z
  .string()
  .nullable()
  .optional()
  .transform((value) => (value === null || value === undefined ? value : localDate(value)));

/** Exactly what the purge preview showed: its filter and the numbers listed. */
const purgeConfirmation = z.strictObject({
  filter: z.strictObject({
    status: z.enum(['won', 'lost', 'both']).optional(),
    closedBefore: optionalDate,
    closedAfter: optionalDate,
    salespersonCode: z.string().nullable().optional(),
    contactNo: z.string().nullable().optional(),
    salesCycleCode: z.string().nullable().optional(),
  }),
  nos: z.array(z.string().regex(OPPORTUNITY_NO)),
});
const workspaceDeletion = z.strictObject({});

export interface PurgeConfirmation {
  filter: PurgeFilterInput;
  nos: string[];
}

/** A confirmation id for this purge, shown as the value of its buttons. */
export function createPurgeConfirmation(scope: ContextScope, confirmation: PurgeConfirmation): Promise<string> {
  const payload = purgeConfirmation.parse(confirmation);
  return scope.deps.services.contexts.create(PURGE, scope.workspaceId, scope.userId, payload, CONFIRMATION_TTL_MS);
}

/** The purge confirmed, once: a second click (on any instance), another user or workspace find nothing. */
export async function takePurgeConfirmation(scope: ContextScope, id: string): Promise<PurgeConfirmation | null> {
  const payload = await scope.deps.services.contexts.take(id, PURGE, scope.workspaceId, scope.userId);
  const parsed = purgeConfirmation.safeParse(payload);
  return parsed.success ? parsed.data : null;
}

export function createWorkspaceDeletion(scope: ContextScope): Promise<string> {
  return scope.deps.services.contexts.create(
    WORKSPACE_DELETE,
    scope.workspaceId,
    scope.userId,
    {},
    CONFIRMATION_TTL_MS,
  );
}

/** True once for a workspace deletion confirmation of this user and workspace. */
export async function takeWorkspaceDeletion(scope: ContextScope, id: string): Promise<boolean> {
  const payload = await scope.deps.services.contexts.take(id, WORKSPACE_DELETE, scope.workspaceId, scope.userId);
  return workspaceDeletion.safeParse(payload).success;
}

/** Cancel: only the person who asked can discard their confirmation. */
export async function discardConfirmation(
  scope: ContextScope,
  kind: 'purge' | 'workspace-delete',
  id: string,
): Promise<void> {
  await scope.deps.services.contexts.take(id, kind, scope.workspaceId, scope.userId);
}

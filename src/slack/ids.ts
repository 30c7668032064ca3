// Every callback_id, action_id and block_id the app's surfaces use, shared by the block builders and
// the listeners. Button values carry ids only (an opportunity number, a confirmation token), never objects.
//
// Conventions:
// - An input element that no listener reacts to has action_id = its block_id. The readers find a
//   field by its block_id; view_submission errors are keyed by these block_ids.
// - Elements a listener does react to (dispatch_action inputs, external_select option loads, buttons)
//   have their own ACTION_IDS constant.

/** Modal callback_ids (each form's listener in `slackListeners`, src/slack/register.ts). */
export const CALLBACK_IDS = {
  createOpportunity: 'opp_create',
  updateOpportunity: 'opp_update',
  closeOpportunity: 'opp_close',
  createQuote: 'opp_quote',
  /** The linked quote's lines, pre-filled (same fields as createQuote). */
  editQuote: 'opp_quote_edit',
  /** A new quote in place of the linked one (same fields as createQuote). */
  replaceQuote: 'opp_quote_replace',
  postponeTask: 'task_postpone',
  editOpportunity: 'opp_edit',
  addNote: 'opp_note',
  salesCycle: 'setup_cycle',
  stage: 'setup_stage',
  closeCode: 'setup_close_code',
  contact: 'setup_contact',
  // The same forms pre-filled to change what exists (its key shown, not typed): their context names it.
  editSalesCycle: 'setup_cycle_edit',
  editStage: 'setup_stage_edit',
  editCloseCode: 'setup_close_code_edit',
  editContact: 'setup_contact_edit',
  /** A read-only modal explaining why an operation is not possible (no submit). */
  unavailable: 'opp_unavailable',
  home: 'home',
} as const;

/** action_ids of buttons and of the elements listeners react to (clicks and option loads in `slackListeners`). */
export const ACTION_IDS = {
  // Opportunity buttons on the card, list rows and App Home. value = the opportunity number.
  show: 'opp_show',
  activate: 'opp_activate',
  next: 'opp_next',
  update: 'opp_update_open',
  close: 'opp_close_open',
  createQuote: 'opp_quote_open',
  makeOrder: 'opp_make_order',
  edit: 'opp_edit_open',
  addNote: 'opp_note_open',
  delete: 'opp_delete',
  /** The linked quote with its lines (value = the opportunity number), and its Edit / Replace buttons. */
  viewQuote: 'opp_quote_view',
  editQuote: 'opp_quote_edit_open',
  replaceQuote: 'opp_quote_replace_open',
  // Task buttons (value = the task's number).
  taskComplete: 'task_complete',
  taskPostpone: 'task_postpone_open',
  /** The next page of a search: value = the search's context id. */
  findMore: 'opp_find_more',
  /** App Home's pager: value = how many open opportunities come before the page (blocks/home-page.ts). */
  homePage: 'home_page',
  /**
   * The Edit buttons of an admin's `cycle list`, `stage list`, `code list` and `contact list`: value = the
   * code (`CYCLE 20` for a stage), or the contact's number.
   */
  editSalesCycle: 'setup_cycle_edit_open',
  editStage: 'setup_stage_edit_open',
  editCloseCode: 'setup_close_code_edit_open',
  editContact: 'setup_contact_edit_open',
  /** No value: opens the Create Opportunity modal. */
  newOpportunity: 'opp_new',
  // A list's next page. value = "<list context id>:<offset>".
  listMore: 'opp_list_more',
  // Purge confirmation message. value of confirm = the purge token.
  purgeConfirm: 'opp_purge_confirm',
  purgeCancel: 'opp_purge_cancel',
  // Workspace deletion confirmation. value of both = the confirmation token.
  workspaceDeleteConfirm: 'opp_workspace_delete_confirm',
  workspaceDeleteCancel: 'opp_workspace_delete_cancel',
  // block_suggestion (external_select, min_query_length 1): answer with contactSearchOptions().
  contactSearch: 'contact_search',
  companySearch: 'company_search',
  // block_actions inside modals (rebuild the view with views.update).
  updateActionType: 'update_action_type',
  updateTargetStage: 'update_target_stage',
  closeOutcome: 'close_outcome',
  quoteAddLine: 'quote_add_line',
  // App Home's Notifications section (blocks/notifications.ts): static_selects and Unmute buttons.
  /** selected value = "<category>:<mode>" (changes|tasks|overdue|stale : instant|daily|off). */
  notifyMode: 'notify_mode',
  /** selected value = "HH:MM". */
  notifySummaryAt: 'notify_summary_at',
  /** selected value = "HH:MM", or "off" (no quiet hours). */
  notifyQuietStart: 'notify_quiet_start',
  notifyQuietEnd: 'notify_quiet_end',
  /** value = the opportunity number to unmute. */
  notifyUnmute: 'notify_unmute',
  /** App Home's select of one's own open opportunities to mute. */
  notifyMute: 'notify_mute',
  /** A notification's Mute button (its opportunity). */
  notifyMuteButton: 'notify_mute_button',
} as const;

/**
 * Buttons of one kind that share an actions block need distinct action_ids (Slack's rule): they are
 * numbered `<action id>_<n>` by their place in the block, and one listener answers them all.
 */
export const NUMBERED_ACTION_IDS: ReadonlySet<string> = new Set([ACTION_IDS.editStage]);

/** The numbered kind whose n-th button `actionId` is (`edit_stage_3` → `edit_stage`), or undefined. */
export function numberedKindOf(actionId: string): string | undefined {
  const kind = /^(.+)_\d{1,2}$/.exec(actionId)?.[1];
  return kind !== undefined && NUMBERED_ACTION_IDS.has(kind) ? kind : undefined;
}

/** The action_id of the n-th button (from 1) of a numbered kind in its block. */
export function numberedActionId(actionId: string, n: number): string {
  return `${actionId}_${n}`;
}

export type QuoteLineField = 'description' | 'quantity' | 'unitPrice' | 'discount';

/** block_ids. Input blocks of a modal are listed under its name. */
export const BLOCK_IDS = {
  card: {
    /** Prefix of the header's block_id, which names the opportunity: see cardHeaderBlockId. */
    header: 'card_header',
    fields: 'card_fields',
    figures: 'card_figures',
    /** What the change just made replaced without it being typed (only on a change's reply). */
    replaced: 'card_replaced',
    history: 'card_history',
    tasks: 'card_tasks',
    actions: 'card_actions',
  },
  tasks: { header: 'tasks_header', empty: 'tasks_empty', more: 'tasks_more', home: 'home_tasks' },
  /** A channel alert's message: what happened (one line per folded event), the figures, the Show button. */
  alert: { events: 'alert_events', figures: 'alert_figures', actions: 'alert_actions' },
  postponeTask: { context: 'postpone_context', newDate: 'postpone_new_date' },
  quoteView: {
    header: 'quote_view_header',
    about: 'quote_view_about',
    total: 'quote_view_total',
    actions: 'quote_view_actions',
  },
  list: {
    header: 'list_header',
    totals: 'list_totals',
    more: 'list_more',
    moreActions: 'list_more_actions',
    empty: 'list_empty',
  },
  /** An admin's stage list: the actions blocks of its Edit buttons (`setup_stage_edits_1`, …). */
  setupLists: { stageEdits: 'setup_stage_edits' },
  find: { header: 'find_header', count: 'find_count', more: 'find_more', empty: 'find_empty' },
  notify: {
    header: 'notify_header',
    intro: 'notify_intro',
    /** One actions block per category: `notify_mode_<category>`. */
    modePrefix: 'notify_mode',
    times: 'notify_times',
    muted: 'notify_muted',
    mute: 'notify_mute',
    message: 'notify_message',
  },
  home: {
    header: 'home_header',
    intro: 'home_intro',
    newButton: 'home_new',
    more: 'home_more',
    pager: 'home_pager',
    byStage: 'home_by_stage',
    bySalesperson: 'home_by_salesperson',
  },
  create: {
    description: 'create_description',
    contact: 'create_contact',
    salesperson: 'create_salesperson',
    salesCycle: 'create_sales_cycle',
    priority: 'create_priority',
    activate: 'create_activate',
    estimatedValue: 'create_estimated_value',
    chances: 'create_chances',
    estimatedCloseDate: 'create_estimated_close_date',
  },
  update: {
    context: 'update_context',
    actionType: 'update_action_type',
    /** Skip and Jump offer different stages, so each has its own target block: see updateTargetBlockId. */
    targetInfo: 'update_target_info',
    quoteWarning: 'update_quote_warning',
    dateOfChange: 'update_date_of_change',
    estimatedValue: 'update_estimated_value',
    chances: 'update_chances',
    estimatedCloseDate: 'update_estimated_close_date',
    cancelTasks: 'update_cancel_tasks',
  },
  close: {
    context: 'close_context',
    outcome: 'close_outcome',
    /** Won and Lost codes differ, so each outcome has its own block: see closeCodeBlockId. */
    codeInfo: 'close_code_info',
    closingDate: 'close_closing_date',
    salesAmount: 'close_sales_amount',
    cancelTasks: 'close_cancel_tasks',
  },
  quote: { context: 'quote_context', addLine: 'quote_add_line', total: 'quote_total', maxLines: 'quote_max_lines' },
  edit: {
    context: 'edit_context',
    description: 'edit_description',
    contact: 'edit_contact',
    salesperson: 'edit_salesperson',
    priority: 'edit_priority',
  },
  note: { context: 'note_context', text: 'note_text' },
  /** The line naming what an edit form changes. */
  setupEdit: { about: 'setup_edit_about', listActions: 'setup_edit_list' },
  salesCycle: {
    code: 'cycle_code',
    description: 'cycle_description',
    calculation: 'cycle_calculation',
    blocked: 'cycle_blocked',
  },
  stage: {
    cycle: 'stage_cycle',
    stageNo: 'stage_no',
    description: 'stage_description',
    completed: 'stage_completed',
    chances: 'stage_chances',
    flags: 'stage_flags',
    dateFormula: 'stage_date_formula',
    activityCode: 'stage_activity_code',
  },
  closeCode: { code: 'close_code_code', type: 'close_code_type', description: 'close_code_description' },
  contact: {
    name: 'contact_name',
    type: 'contact_type',
    company: 'contact_company',
    email: 'contact_email',
    customer: 'contact_customer',
    /** Edit form: the person leaves their company. */
    leaveCompany: 'contact_leave_company',
  },
  purge: { list: 'purge_list', filter: 'purge_filter', actions: 'purge_actions' },
  workspaceDelete: { text: 'workspace_delete_text', actions: 'workspace_delete_actions' },
  reply: { message: 'reply_message' },
} as const;

/**
 * The card header's block_id names its opportunity, so that a click on a message can tell whether that
 * message is the card of the opportunity a form was opened for (only then is it updated in place).
 */
export function cardHeaderBlockId(no: string): string {
  return `${BLOCK_IDS.card.header}_${no}`;
}

/** The target stage select of the Update modal (Skip or Jump only). */
export function updateTargetBlockId(action: 'skip' | 'jump'): string {
  return `update_target_${action}`;
}

/** The close code select of the Close modal, one per outcome (a changed outcome clears the code). */
export function closeCodeBlockId(outcome: 'won' | 'lost'): string {
  return `close_code_${outcome}`;
}

/** Quote line inputs: `line_<i>_<field>`, i from 1. */
export function quoteLineBlockId(line: number, field: QuoteLineField): string {
  return `line_${line}_${field}`;
}

const QUOTE_LINE_BLOCK = /^line_(\d{1,3})_(description|quantity|unitPrice|discount)$/;

/** The line number and field of a quote line block_id, or undefined for any other block. */
export function parseQuoteLineBlockId(blockId: string): { line: number; field: QuoteLineField } | undefined {
  const match = QUOTE_LINE_BLOCK.exec(blockId);
  if (!match) return undefined;
  return { line: Number(match[1]), field: match[2] as QuoteLineField };
}

/** Per-row blocks of lists and App Home need unique block_ids: `<prefix>_<opportunity no>`. */
export function rowBlockId(
  prefix:
    | 'list_row'
    | 'home_row'
    | 'home_actions'
    | 'home_group'
    | 'history'
    | 'history_edit'
    | 'history_note'
    | 'find_row'
    | 'task_row'
    | 'task_line'
    | 'quote_line',
  key: string,
): string {
  return `${prefix}_${key}`;
}

/** Checkbox option values. */
export const OPTION_VALUES = {
  activate: 'activate',
  cancelTasks: 'cancel_tasks',
  blocked: 'blocked',
  quoteRequired: 'quote_required',
  allowSkip: 'allow_skip',
  createCustomer: 'create_customer',
  unlinkCustomer: 'unlink_customer',
  leaveCompany: 'leave_company',
} as const;

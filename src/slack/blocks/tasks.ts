// Tasks on every surface: a line per task, the `/opp tasks` reply and App Home's "My tasks" (each task
// with Done and Postpone when its reader may change it), the card's open tasks (read only), the Postpone
// form and its reader (a date typed as people say it, read in their time zone), and the due-date reminder.
import { type DateContext, parseHumanDate } from '../../domain/human-date.ts';
import type { LocalDate } from '../../domain/local-date.ts';
import type { OpenTask } from '../../services/opportunity-queries.ts';
import type { EventPayload } from '../../services/outbox.ts';
import type { TaskView } from '../../services/tasks.ts';
import { escapeText, type Markup, md, mentionUser } from '../../i18n/markup.ts';
import type { Presenter } from '../../i18n/presenter.ts';
import type { TaskList } from '../../usecases/tasks.ts';
import { ACTION_IDS, BLOCK_IDS, CALLBACK_IDS, rowBlockId } from '../ids.ts';
import {
  actions,
  button,
  context,
  fallback,
  input,
  LIMITS,
  type KnownBlock,
  type Message,
  modal,
  type ModalView,
  placeholder,
  section,
} from './kit.ts';
import { textOf, type ReadResult, type ViewStateValues } from './state.ts';

/** Tasks shown at most in a `/opp tasks` reply (two blocks each, within a message's 50). */
export const TASK_LIST_MAX = 20;
/** Tasks shown at most under "My tasks" in App Home (the opportunities need the rest of its 100 blocks). */
export const HOME_TASKS_MAX = 10;
/** Open tasks listed on a card. */
export const CARD_TASKS_MAX = 5;

interface LineOptions {
  /** Today for the reader: an earlier due date is shown as overdue (absent: no judgement). */
  today?: LocalDate | undefined;
  showOpportunity: boolean;
  showOwner: boolean;
}

type TaskLike = Pick<TaskView, 'description' | 'date'> & {
  opportunity?: TaskView['opportunity'];
  owner: { name: string; slackUserId: string | null };
};

export function taskLine(p: Presenter, task: TaskLike, options: LineOptions): Markup {
  const T = p.t.work.tasks;
  const opportunity =
    options.showOpportunity && task.opportunity
      ? T.opportunity(escapeText(task.opportunity.no), escapeText(task.opportunity.description))
      : null;
  const owner = options.showOwner
    ? task.owner.slackUserId
      ? mentionUser(task.owner.slackUserId)
      : escapeText(task.owner.name)
    : null;
  return T.line({
    description: escapeText(task.description),
    date: p.format.date(task.date),
    overdue: options.today !== undefined && task.date < options.today,
    opportunity,
    owner,
  });
}

function taskButtons(p: Presenter, task: TaskView): KnownBlock {
  const B = p.t.work.tasks.buttons;
  return actions(rowBlockId('task_row', String(task.id)), [
    button({ text: B.complete, actionId: ACTION_IDS.taskComplete, value: String(task.id), style: 'primary' }),
    button({ text: B.postpone, actionId: ACTION_IDS.taskPostpone, value: String(task.id) }),
  ]);
}

/** One task's blocks in a list: its line, and its buttons when the reader may change it. */
function taskBlocks(p: Presenter, task: TaskView, list: TaskList, showOwner: boolean): KnownBlock[] {
  const blocks: KnownBlock[] = [
    section(taskLine(p, task, { today: list.today, showOpportunity: true, showOwner }), {
      blockId: rowBlockId('task_line', String(task.id)),
    }),
  ];
  if (list.canChange) blocks.push(taskButtons(p, task));
  return blocks;
}

/** The reply to `/opp tasks [@user]`. */
export function taskListMessage(p: Presenter, list: TaskList): Message {
  const T = p.t.work.tasks;
  const owner = mentionUser(list.ownerSlackUserId);
  const title = list.mine ? T.listTitle.mine : T.listTitle.other(owner);
  if (list.items.length === 0) {
    const empty = list.mine ? T.empty.mine : T.empty.other(owner);
    return { text: fallback(empty), blocks: [section(empty, { blockId: BLOCK_IDS.tasks.empty })] };
  }
  const shown = list.items.slice(0, TASK_LIST_MAX);
  const blocks: KnownBlock[] = [
    section(md`*${title}*`, { blockId: BLOCK_IDS.tasks.header }),
    context([T.listCount(shown.length, list.total)], BLOCK_IDS.tasks.more),
  ];
  for (const task of shown) {
    if (blocks.length + 2 > LIMITS.messageBlocks) break;
    blocks.push(...taskBlocks(p, task, list, false));
  }
  return { text: fallback(title), blocks };
}

/** App Home's "My tasks": the first few, earliest due first, with their buttons. */
export function homeTaskBlocks(p: Presenter, list: TaskList): KnownBlock[] {
  const T = p.t.work.tasks;
  const blocks: KnownBlock[] = [section(md`*${T.homeTitle}*`, { blockId: BLOCK_IDS.tasks.home })];
  if (list.items.length === 0) {
    blocks.push(context([T.homeEmpty]));
    return blocks;
  }
  const shown = list.items.slice(0, HOME_TASKS_MAX);
  for (const task of shown) blocks.push(...taskBlocks(p, task, list, false));
  if (list.total > shown.length) blocks.push(context([T.homeMore(list.total - shown.length)]));
  return blocks;
}

/** The card's open tasks (no buttons: a card is often read by the whole channel). */
export function cardTaskBlocks(p: Presenter, no: string, tasks: readonly OpenTask[]): KnownBlock[] {
  if (tasks.length === 0) return [];
  const T = p.t.work.tasks;
  const shown = tasks.slice(0, CARD_TASKS_MAX);
  const lines = shown.map((task) => taskLine(p, task, { showOpportunity: false, showOwner: true }));
  if (tasks.length > shown.length) lines.push(T.cardMore(tasks.length - shown.length, escapeText(no)));
  return [context([T.cardTitle(tasks.length), ...lines], BLOCK_IDS.card.tasks)];
}

// ---- the Postpone form ---------------------------------------------------------------------------

export function postponeTaskModal(p: Presenter, task: TaskView): ModalView {
  const M = p.t.work.tasks.postpone;
  return modal({
    callbackId: CALLBACK_IDS.postponeTask,
    title: M.title,
    submit: M.submit,
    close: p.t.ui.common.cancel,
    blocks: [
      section(M.context(taskLine(p, task, { showOpportunity: true, showOwner: false })), {
        blockId: BLOCK_IDS.postponeTask.context,
      }),
      input({
        blockId: BLOCK_IDS.postponeTask.newDate,
        label: M.newDate,
        hint: M.newDateHint,
        element: { type: 'plain_text_input', max_length: 100, placeholder: placeholder(M.newDatePlaceholder) },
      }),
    ],
  });
}

/** The new date as typed, read like dates in commands (in the person's zone, language and date order). */
export function readPostponeTask(
  p: Presenter,
  values: ViewStateValues,
  dates: DateContext,
): ReadResult<{ date: LocalDate }> {
  const text = textOf(values, BLOCK_IDS.postponeTask.newDate).trim();
  const date = text === '' ? undefined : parseHumanDate(text, { ...dates, prefer: 'future' });
  if (!date) return { ok: false, errors: { [BLOCK_IDS.postponeTask.newDate]: p.t.work.tasks.postpone.badDate } };
  return { ok: true, data: { date } };
}

// ---- the reminder --------------------------------------------------------------------------------

/** The direct message on a task's due date, with its buttons (the owner may always change their task). */
export function taskReminderMessage(p: Presenter, task: EventPayload<'task-due'>, today: LocalDate): Message {
  const T = p.t.work.tasks;
  const opportunity =
    task.opportunityNo === null
      ? null
      : T.opportunity(escapeText(task.opportunityNo), escapeText(task.opportunityDescription ?? ''));
  const text = T.reminder({
    description: escapeText(task.description),
    date: p.format.date(task.date as LocalDate),
    today: task.date >= today,
    opportunity,
  });
  const B = T.buttons;
  return {
    text: fallback(T.reminderFallback(escapeText(task.description))),
    blocks: [
      section(text, { blockId: rowBlockId('task_line', String(task.taskId)) }),
      actions(rowBlockId('task_row', String(task.taskId)), [
        button({ text: B.complete, actionId: ACTION_IDS.taskComplete, value: String(task.taskId), style: 'primary' }),
        button({ text: B.postpone, actionId: ACTION_IDS.taskPostpone, value: String(task.taskId) }),
      ]),
    ],
  };
}

// Update Opportunity modal (spec §6): built from MoveOptions for the chosen action type. Changing the
// action type or the Skip/Jump target sends block_actions; the listener calls moveOptions() again and
// views.update with this builder. Block ids stay the same across rebuilds (so Slack keeps what the user
// typed), except the target select, which has one block per action (Skip and Jump offer different stages).
import { escapeText } from '../../../i18n/markup.ts';
import { z } from 'zod';
import type { InputLanguage } from '../../../domain/typed-input/language.ts';
import { calcDate } from '../../../domain/date-formula.ts';
import { ZERO, type Decimal } from '../../../domain/decimal.ts';
import type { LocalDate } from '../../../domain/local-date.ts';
import { MOVE_ACTIONS, type MoveAction } from '../../../domain/opportunity.ts';
import type { Stage } from '../../../domain/sales-cycle.ts';
import type { MoveOptions } from '../../../services/opportunities.ts';
import type { Presenter } from '../../../i18n/presenter.ts';
import { formatStage } from '../../format.ts';
import { ACTION_IDS, BLOCK_IDS, CALLBACK_IDS, OPTION_VALUES, updateTargetBlockId } from '../../ids.ts';
import {
  capOptions,
  context,
  input,
  modal,
  option,
  placeholder,
  section,
  unavailableModal,
  type KnownBlock,
  type ModalView,
} from '../kit.ts';
import {
  checkedOf,
  choice,
  dateOf,
  hasBlock,
  parseForm,
  requiredAmount,
  requiredDate,
  requiredPercent,
  schemaPerCatalogue,
  selectedOf,
  textOf,
  type FieldErrors,
  type ReadResult,
  type ViewStateValues,
} from '../state.ts';

const B = BLOCK_IDS.update;

export interface UpdateModalInput {
  /** The chosen action type; default: options.defaultAction. */
  action?: MoveAction | null | undefined;
  /** The chosen Skip/Jump target; default: the next stage (Skip) or the previous one (Jump). */
  targetStage?: number | null | undefined;
  /** What the person typed before changing the action or target (see typedUpdateValues): kept as typed. */
  typed?: TypedUpdateValues | undefined;
}

/** Raw values the person typed in the estimate fields (not the pre-filled ones). */
export interface TypedUpdateValues {
  estimatedValue?: string | undefined;
  chancesPct?: string | undefined;
  estimatedCloseDate?: string | undefined;
}

/** Marks an element that holds what the person typed (so a later rebuild keeps it again). */
const TYPED = 'typed';

/**
 * The estimate fields' action_id. Slack keeps what an input holds across views.update while its block_id
 * and action_id stay the same, which would keep one action's pre-filled defaults under another action:
 * a default gets an action_id of its action and target (a new choice shows the new defaults), a kept
 * typed value one of its own. The readers find a field by its block_id alone.
 */
function estimateActionId(blockId: string, typed: boolean, action: MoveAction, target: Stage): string {
  return typed ? `${blockId}.${TYPED}` : `${blockId}.${action}.${target.stage}`;
}

export interface UpdateOpportunityData {
  action: MoveAction;
  /** Only for Skip and Jump. */
  targetStage?: number | undefined;
  dateOfChange: LocalDate;
  estimatedValue: Decimal;
  chancesPct: Decimal;
  estimatedCloseDate: LocalDate;
  cancelOldTasks: boolean;
}

function isMoveAction(value: string | null | undefined): value is MoveAction {
  return (MOVE_ACTIONS as readonly string[]).includes(value ?? '');
}

function stageOption(p: Presenter, stage: Stage) {
  return option(formatStage(p.t, stage.stage, stage.description), String(stage.stage));
}

/** The target for the chosen action: the requested one if allowed, else Skip → first, Jump → last. */
function chooseTarget(
  action: MoveAction,
  targets: readonly Stage[],
  requested: number | null | undefined,
): Stage | undefined {
  const found = requested === null || requested === undefined ? undefined : targets.find((s) => s.stage === requested);
  return found ?? (action === 'jump' ? targets.at(-1) : targets[0]);
}

export function updateOpportunityModal(p: Presenter, options: MoveOptions, spec: UpdateModalInput = {}): ModalView {
  const { ui } = p.t;
  const M = ui.modal.update;
  const action = spec.action && options.actions.includes(spec.action) ? spec.action : options.defaultAction;
  const targets = action ? (options.targets[action] ?? []) : [];
  const target = action ? chooseTarget(action, targets, spec.targetStage) : undefined;
  if (!action || !target || !options.proposal) return unavailableModal(p, M.nothingPossible(escapeText(options.no)));

  const current = options.stages.find((s) => s.stage === options.currentStage);
  const where = current ? M.currentStage(formatStage(p.t, current.stage, current.description)) : M.notStarted;
  const actionOptions = options.actions.map((a) => option(p.t.ui.moveAction[a], a));
  const targetName = formatStage(p.t, target.stage, target.description);

  // Defaults (§6.6): the proposal when it is for this action and target, else the same rules here.
  const proposal = options.proposal;
  const sameTarget = proposal.action === action && proposal.target.stage === target.stage;
  const dateOfChange = proposal.dateOfChange;
  const chances = sameTarget ? proposal.chancesPct : target.chancesPct;
  const closeDate = sameTarget ? proposal.estimatedCloseDate : calcDate(target.dateFormula, dateOfChange);
  const typed = spec.typed ?? {};
  const actionId = (blockId: string, kept: string | undefined) =>
    estimateActionId(blockId, kept !== undefined, action, target);
  const typedValue = (kept: string | undefined) => (kept === '' ? {} : { initial_value: kept });

  const blocks: KnownBlock[] = [
    section(M.context(escapeText(options.no), where), { blockId: B.context }),
    input({
      blockId: B.actionType,
      label: M.actionType,
      dispatchAction: true,
      element: {
        type: 'static_select',
        action_id: ACTION_IDS.updateActionType,
        options: actionOptions,
        initial_option: actionOptions.find((o) => o.value === action) ?? option(p.t.ui.moveAction[action], action),
      },
    }),
  ];

  if (action === 'skip' || action === 'jump') {
    const targetOptions = capOptions(targets.map((stage) => stageOption(p, stage)));
    blocks.push(
      input({
        blockId: updateTargetBlockId(action),
        label: M.targetStage,
        dispatchAction: true,
        element: {
          type: 'static_select',
          action_id: ACTION_IDS.updateTargetStage,
          options: targetOptions,
          initial_option: targetOptions.find((o) => o.value === String(target.stage)) ?? stageOption(p, target),
        },
      }),
    );
  } else {
    blocks.push(context([action === 'update' ? M.staysAt(targetName) : M.movesTo(targetName)], B.targetInfo));
  }

  // Quote Required guards the stage being entered, by Next or Skip only (§6.5).
  if ((action === 'next' || action === 'skip') && target.quoteRequired && !options.hasQuote) {
    blocks.push(context([M.quoteWarning(targetName, escapeText(options.no))], B.quoteWarning));
  }

  blocks.push(
    input({
      blockId: B.dateOfChange,
      label: M.dateOfChange,
      element: { type: 'datepicker', initial_date: dateOfChange },
    }),
    input({
      blockId: B.estimatedValue,
      label: M.estimatedValue,
      element: {
        type: 'plain_text_input',
        action_id: actionId(B.estimatedValue, typed.estimatedValue),
        placeholder: placeholder(ui.placeholders.amount),
        ...(typed.estimatedValue !== undefined
          ? typedValue(typed.estimatedValue)
          : proposal.estimatedValue.greaterThan(ZERO)
            ? { initial_value: p.format.amountInput(proposal.estimatedValue) }
            : {}),
      },
    }),
    input({
      blockId: B.chances,
      label: M.chances,
      ...(action === 'skip' || action === 'jump' ? { hint: M.stageChancesHint } : {}),
      element: {
        type: 'plain_text_input',
        action_id: actionId(B.chances, typed.chancesPct),
        placeholder: placeholder(ui.placeholders.percent),
        ...(typed.chancesPct !== undefined
          ? typedValue(typed.chancesPct)
          : { initial_value: p.format.percentInput(chances) }),
      },
    }),
    input({
      blockId: B.estimatedCloseDate,
      label: M.estimatedCloseDate,
      hint: M.closeDateHint,
      element: {
        type: 'datepicker',
        action_id: actionId(B.estimatedCloseDate, typed.estimatedCloseDate),
        ...(typed.estimatedCloseDate ? { initial_date: typed.estimatedCloseDate } : { initial_date: closeDate }),
      },
    }),
  );
  if (action !== 'update' && action !== 'first') {
    blocks.push(
      input({
        blockId: B.cancelTasks,
        label: M.cancelTasks,
        optional: true,
        element: { type: 'checkboxes', options: [option(M.cancelTasksOption, OPTION_VALUES.cancelTasks)] },
      }),
    );
  }
  return modal({
    callbackId: CALLBACK_IDS.updateOpportunity,
    title: M.title(escapeText(options.no)),
    submit: M.submit,
    close: ui.common.cancel,
    blocks,
  });
}

/**
 * What the person typed in the estimate fields of the form as it was shown (its blocks and their state):
 * a field whose value differs from what the form pre-filled, or that already held a typed value. A field
 * left as pre-filled is not typed, and takes the new choice's default.
 */
export function typedUpdateValues(blocks: readonly unknown[], values: ViewStateValues): TypedUpdateValues {
  const shown = new Map<string, { actionId: string; initial: string }>();
  for (const block of blocks) {
    const b = block as { type?: unknown; block_id?: unknown; element?: Record<string, unknown> };
    if (b.type !== 'input' || typeof b.block_id !== 'string' || !b.element) continue;
    const initial = b.element.initial_value ?? b.element.initial_date ?? '';
    shown.set(b.block_id, { actionId: String(b.element.action_id ?? ''), initial: String(initial) });
  }
  const typed = (blockId: string, now: string): string | undefined => {
    const element = shown.get(blockId);
    if (!element || !hasBlock(values, blockId)) return undefined;
    return element.actionId.endsWith(`.${TYPED}`) || now !== element.initial ? now : undefined;
  };
  return {
    estimatedValue: typed(B.estimatedValue, textOf(values, B.estimatedValue)),
    chancesPct: typed(B.chances, textOf(values, B.chances)),
    estimatedCloseDate: typed(B.estimatedCloseDate, dateOf(values, B.estimatedCloseDate)),
  };
}

/** The action type and Skip/Jump target currently selected (for rebuilding on block_actions). */
export function readUpdateSelection(values: ViewStateValues): {
  action: MoveAction | undefined;
  targetStage: number | undefined;
} {
  const selected = selectedOf(values, B.actionType);
  const action = isMoveAction(selected) ? selected : undefined;
  const targetText = action === 'skip' || action === 'jump' ? selectedOf(values, updateTargetBlockId(action)) : '';
  const targetStage = /^\d{1,9}$/.test(targetText) ? Number(targetText) : undefined;
  return { action, targetStage };
}

const schemaFor = schemaPerCatalogue((errors, language, currency) =>
  z.object({
    action: choice(MOVE_ACTIONS as unknown as readonly [MoveAction, ...MoveAction[]], errors.pickOne),
    dateOfChange: requiredDate(errors),
    estimatedValue: requiredAmount(errors, { positive: true, language, currency }),
    chancesPct: requiredPercent(errors, { positive: true, language }),
    estimatedCloseDate: requiredDate(errors),
    cancelOldTasks: z.boolean(),
  }),
);

/** The form's values; amounts and percentages in the notation of `language`, amounts in `currency`. */
export function readUpdateOpportunity(
  p: Presenter,
  values: ViewStateValues,
  language: InputLanguage = 'en',
  currency?: string,
): ReadResult<UpdateOpportunityData> {
  const sentences = p.t.ui.errors;
  const { action, targetStage } = readUpdateSelection(values);
  const targetBlock = action === 'skip' || action === 'jump' ? updateTargetBlockId(action) : undefined;
  const blocks: Record<string, string> = {
    action: B.actionType,
    dateOfChange: B.dateOfChange,
    estimatedValue: B.estimatedValue,
    chancesPct: B.chances,
    estimatedCloseDate: B.estimatedCloseDate,
    cancelOldTasks: B.cancelTasks,
  };
  const result = parseForm({
    schema: schemaFor(sentences, language, currency),
    raw: {
      action: selectedOf(values, B.actionType),
      dateOfChange: dateOf(values, B.dateOfChange),
      estimatedValue: textOf(values, B.estimatedValue),
      chancesPct: textOf(values, B.chances),
      estimatedCloseDate: dateOf(values, B.estimatedCloseDate),
      cancelOldTasks:
        hasBlock(values, B.cancelTasks) && checkedOf(values, B.cancelTasks).includes(OPTION_VALUES.cancelTasks),
    },
    blockOf: (field) => blocks[field] ?? B.actionType,
    cross: (_raw, data): FieldErrors => {
      const errors: FieldErrors = {};
      if (targetBlock && targetStage === undefined) errors[targetBlock] = sentences.pickOne;
      if (data && data.estimatedCloseDate < data.dateOfChange)
        errors[B.estimatedCloseDate] = sentences.closeBeforeChange;
      return errors;
    },
  });
  if (!result.ok) return result;
  return { ok: true, data: { ...result.data, ...(targetBlock ? { targetStage } : {}) } };
}

// Realistic values for the Block Kit tests, and helpers that check built surfaces the way Slack would.
import { expect } from 'vitest';
import { dec } from '../../../src/domain/decimal.ts';
import { localDate, type LocalDate } from '../../../src/domain/local-date.ts';
import type { MoveAction, OpportunityStatus } from '../../../src/domain/opportunity.ts';
import type { Stage } from '../../../src/domain/sales-cycle.ts';
import type { MoveOptions } from '../../../src/services/opportunities.ts';
import type { EntryView, OpportunityDetail, OpportunitySummary } from '../../../src/services/opportunity-queries.ts';
import type { KnownBlock, ModalView } from '../../../src/slack/blocks/kit.ts';
import type { StateValue, ViewStateValues } from '../../../src/slack/blocks/state.ts';

export const d = (text: string): LocalDate => localDate(text);
export const n = dec;

export function stage(no: number, overrides: Partial<Stage> = {}): Stage {
  return {
    stage: no,
    description: ['', 'Qualification', 'Needs analysis', 'Proposal', 'Negotiation', 'Closing'][no] ?? `Stage ${no}`,
    completedPct: n(Math.min(100, no * 20)),
    chancesPct: n(no * 15),
    quoteRequired: false,
    allowSkip: false,
    dateFormula: '2W',
    activityCode: null,
    ...overrides,
  };
}

export const STAGES: Stage[] = [
  stage(1),
  stage(2, { allowSkip: true }),
  stage(3, { quoteRequired: true, allowSkip: true }),
  stage(4),
  stage(5),
];

export function entry(overrides: Partial<EntryView> = {}): EntryView {
  return {
    entryNo: 1,
    stage: 2,
    stageDescription: 'Needs analysis',
    previousStage: 1,
    actionTaken: 'next',
    dateOfChange: d('2026-03-10'),
    active: true,
    daysOpen: 0,
    estimatedValue: n('12000.5'),
    calcdCurrentValue: n('2400.1'),
    chancesPct: n(50),
    completedPct: n(40),
    probabilityPct: n(20),
    estimatedCloseDate: d('2026-12-15'),
    dateClosed: null,
    closeCode: null,
    closeCodeDescription: null,
    ...overrides,
  };
}

/** A consistent opportunity in the given status, with history. */
export function detail(status: OpportunityStatus, overrides: Partial<OpportunityDetail> = {}): OpportunityDetail {
  const first = entry({
    entryNo: 11,
    stage: 1,
    stageDescription: 'Qualification',
    previousStage: null,
    actionTaken: 'none',
    dateOfChange: d('2026-03-01'),
    active: false,
    daysOpen: 9,
  });
  const second = entry({ entryNo: 12 });
  const history: EntryView[] = [];
  let current: EntryView | null = null;
  let dateClosed: LocalDate | null = null;
  if (status === 'in_progress') {
    history.push(first, second);
    current = second;
  } else if (status === 'won' || status === 'lost') {
    const won = status === 'won';
    const closing = entry({
      entryNo: 13,
      stage: null,
      stageDescription: '',
      previousStage: 2,
      actionTaken: status,
      dateOfChange: d('2026-04-02'),
      chancesPct: n(won ? 100 : 0),
      completedPct: n(100),
      probabilityPct: n(won ? 100 : 0),
      calcdCurrentValue: n(won ? 11500 : 0),
      estimatedCloseDate: d('2026-04-02'),
      dateClosed: d('2026-04-02'),
      closeCode: won ? 'PRICE' : 'COMPET',
      closeCodeDescription: won ? 'Best price' : 'Lost to a competitor',
    });
    history.push(first, { ...second, active: false, daysOpen: 23 }, closing);
    current = closing;
    dateClosed = d('2026-04-02');
  }
  return {
    id: 1,
    no: 'OP00001',
    description: '20 laptops for Acme <HQ> & branches',
    status,
    priority: 'high',
    version: 3,
    contact: { no: 'CT00002', name: 'Jane Doe', type: 'person', companyName: 'Acme Corp' },
    salesperson: { code: 'ANN', name: 'Ann Smith', slackUserId: 'U0ANN' },
    salesCycle: { code: 'FIRM', description: 'Firm sales' },
    creationDate: d('2026-02-27'),
    dateClosed,
    current,
    quote: null,
    order: null,
    history,
    edits: [],
    notes: [],
    cycleStages: STAGES,
    ...overrides,
  };
}

export function summary(no: number, overrides: Partial<OpportunitySummary> = {}): OpportunitySummary {
  const { history: _history, cycleStages: _stages, edits: _edits, notes: _notes, ...rest } = detail('in_progress');
  return { ...rest, id: no, no: `OP${String(no).padStart(5, '0')}`, description: `Deal ${no}`, ...overrides };
}

export function moveOptions(overrides: Partial<MoveOptions> = {}): MoveOptions {
  const stages = STAGES;
  return {
    no: 'OP00001',
    version: 3,
    status: 'in_progress',
    currentStage: 1,
    actions: ['next', 'skip', 'update'] satisfies MoveAction[],
    defaultAction: 'next',
    targets: { next: [stages[1]!], skip: [stages[1]!, stages[2]!, stages[3]!], update: [stages[0]!] },
    proposal: {
      action: 'next',
      target: stages[1]!,
      allowedTargets: [stages[1]!],
      dateOfChange: d('2026-03-10'),
      estimatedValue: n('12000.5'),
      chancesPct: n(30),
      estimatedCloseDate: d('2026-03-24'),
      cancelOldTasks: false,
    },
    stages,
    hasQuote: false,
    ...overrides,
  };
}

// ---- checking built surfaces -------------------------------------------------------------------

/** Every string in the JSON, with its key. */
export function strings(value: unknown, key = ''): { key: string; text: string }[] {
  if (typeof value === 'string') return [{ key, text: value }];
  if (Array.isArray(value)) return value.flatMap((v) => strings(v, key));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, k));
  return [];
}

// Whole words: Italian writes "Annulla" and "nulla".
const BAD = [/\bundefined\b/, /\bnull\b/, /\bNaN\b/, /\[object Object\]/, /\bInfinity\b/];

/** Nothing a person sees (or a listener reads back) contains a rendering accident. */
export function expectCleanText(surface: unknown): void {
  for (const { key, text } of strings(surface)) {
    for (const bad of BAD) expect(text, `${String(bad)} in ${key}: ${text}`).not.toMatch(bad);
    if (key === 'text') expect(text.trim(), `empty text`).not.toBe('');
  }
}

function allElements(block: KnownBlock): Record<string, unknown>[] {
  const b = block as unknown as Record<string, unknown>;
  const out: Record<string, unknown>[] = [];
  if (b.element) out.push(b.element as Record<string, unknown>);
  if (b.accessory) out.push(b.accessory as Record<string, unknown>);
  if (Array.isArray(b.elements) && b.type === 'actions') out.push(...(b.elements as Record<string, unknown>[]));
  return out;
}

/** Slack's limits (platform notes §4) on one message or view. */
export function expectWithinLimits(blocks: readonly KnownBlock[], kind: 'message' | 'view'): void {
  expect(blocks.length).toBeGreaterThan(0);
  expect(blocks.length).toBeLessThanOrEqual(kind === 'message' ? 50 : 100);
  const blockIds = blocks.map((b) => b.block_id).filter((id): id is string => id !== undefined);
  expect(new Set(blockIds).size, 'block_ids are unique').toBe(blockIds.length);
  for (const block of blocks) {
    const b = block as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- walking untyped JSON
    if (b.block_id !== undefined) expect(b.block_id.length).toBeLessThanOrEqual(255);
    if (b.type === 'input') {
      expect(b.block_id, 'input blocks have a block_id').toBeTruthy();
      expect(b.element.action_id, 'input elements have an action_id').toBeTruthy();
      expect(b.label.text.length).toBeLessThanOrEqual(2000);
    }
    if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(150);
    if (b.type === 'section') {
      if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
      if (b.fields) {
        expect(b.fields.length).toBeLessThanOrEqual(10);
        for (const f of b.fields) expect(f.text.length).toBeLessThanOrEqual(2000);
      }
    }
    if (b.type === 'context') expect(b.elements.length).toBeLessThanOrEqual(10);
    if (b.type === 'actions') {
      expect(b.elements.length).toBeLessThanOrEqual(25);
      const ids = b.elements.map((e: { action_id: string }) => e.action_id);
      expect(new Set(ids).size, 'action_ids unique within a block').toBe(ids.length);
    }
    for (const element of allElements(block)) {
      const e = element as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- walking untyped JSON
      if (e.type === 'button') {
        expect(e.text.text.length).toBeLessThanOrEqual(75);
        if (e.value !== undefined) expect(e.value.length).toBeLessThanOrEqual(2000);
      }
      if (e.type === 'number_input') expect(typeof e.is_decimal_allowed).toBe('boolean');
      if (e.type === 'datepicker' && e.initial_date !== undefined)
        expect(e.initial_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (e.type === 'external_select') expect(e.min_query_length).toBe(1);
      const options = [
        ...(e.options ?? []),
        ...(e.initial_options ?? []),
        ...(e.initial_option ? [e.initial_option] : []),
      ];
      if (e.type === 'static_select' || e.type === 'overflow')
        expect((e.options ?? []).length).toBeLessThanOrEqual(100);
      if (e.type === 'checkboxes' || e.type === 'radio_buttons') expect(e.options.length).toBeLessThanOrEqual(10);
      for (const o of options) {
        expect(o.value.length, `option value ${o.value}`).toBeLessThanOrEqual(75);
        expect(o.text.text.length).toBeLessThanOrEqual(75);
      }
      if (e.initial_option && e.options)
        expect(e.options.map((o: { value: string }) => o.value)).toContain(e.initial_option.value);
      if (e.confirm) {
        expect(e.confirm.title.text.length).toBeLessThanOrEqual(100);
        expect(e.confirm.text.text.length).toBeLessThanOrEqual(300);
      }
    }
  }
}

export function expectModalRules(view: ModalView): void {
  expectWithinLimits(view.blocks as KnownBlock[], 'view');
  expect(view.title.text.length).toBeLessThanOrEqual(24);
  if (view.submit) expect(view.submit.text.length).toBeLessThanOrEqual(24);
  if (view.close) expect(view.close.text.length).toBeLessThanOrEqual(24);
  if (view.blocks.some((b) => b.type === 'input'))
    expect(view.submit, 'a modal with inputs needs submit').toBeDefined();
  expect(view.callback_id).toBeTruthy();
  if (view.private_metadata !== undefined) expect(view.private_metadata.length).toBeLessThanOrEqual(3000);
  expectCleanText(view);
}

/** A user's answer to one input: text, an option value, a date, a user id, or ticked values. */
export type Answer = string | string[] | null;

/**
 * `view.state.values` as Slack sends it on submit: every input block, with the initial value unless
 * `answers` (keyed by block_id) overrides it.
 */
export function submitState(view: ModalView, answers: Record<string, Answer> = {}): ViewStateValues {
  const values: ViewStateValues = {};
  for (const block of view.blocks) {
    if (block.type !== 'input') continue;
    const b = block as unknown as { block_id: string; element: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- raw element JSON
    const e = b.element;
    const given = Object.hasOwn(answers, b.block_id) ? answers[b.block_id] : undefined;
    const options: { text: { type: string; text: string }; value: string }[] = e.options ?? [];
    const pick = (value: string) =>
      options.find((o) => o.value === value) ?? { text: { type: 'plain_text', text: value }, value };
    let state: StateValue;
    switch (e.type) {
      case 'plain_text_input':
      case 'number_input':
      case 'email_text_input':
        state = { type: e.type, value: given === undefined ? (e.initial_value ?? null) : (given as string | null) };
        break;
      case 'static_select':
      case 'external_select':
      case 'radio_buttons':
        state = {
          type: e.type,
          selected_option:
            given === undefined ? (e.initial_option ?? null) : given === null ? null : pick(given as string),
        };
        break;
      case 'datepicker':
        state = {
          type: e.type,
          selected_date: given === undefined ? (e.initial_date ?? null) : (given as string | null),
        };
        break;
      case 'users_select':
        state = {
          type: e.type,
          selected_user: given === undefined ? (e.initial_user ?? null) : (given as string | null),
        };
        break;
      case 'checkboxes':
        state = {
          type: e.type,
          selected_options:
            given === undefined ? (e.initial_options ?? []) : ((given as string[] | null) ?? []).map(pick),
        };
        break;
      default:
        throw new Error(`no state for element type ${String(e.type)}`);
    }
    values[b.block_id] = { [e.action_id as string]: state };
  }
  return values;
}

export function inputBlockIds(view: ModalView): string[] {
  return view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id ?? '');
}

// The App Home tab: open opportunities grouped by stage (in stage order), with quick actions that use
// the card's action ids, a "New opportunity" button, and an empty state. A rep's shows their own; a
// manager's or admin's the team's, opened by the pipeline's totals by stage and by salesperson. Long
// pipelines are paged: the page is in the pager button's value (and the view's private_metadata), so
// any instance can draw the next one.
import { ZERO, type Decimal } from '../../domain/decimal.ts';
import type { Offer } from '../../domain/offers.ts';
import type { Stage } from '../../domain/sales-cycle.ts';
import type { HomeScope } from '../../domain/permissions.ts';
import type {
  OpenPipelineTotals,
  OpportunitySummary,
  PipelineFigures,
  StageTotals,
} from '../../services/opportunity-queries.ts';
import { escapeText, joinMarkup, type Markup, md } from '../../i18n/markup.ts';
import type { Presenter } from '../../i18n/presenter.ts';
import { formatPerson, formatStage } from '../format.ts';
import { HOME_PAGE_VALUE, homePageValue } from './home-page.ts';
import { ACTION_IDS, BLOCK_IDS, CALLBACK_IDS, rowBlockId } from '../ids.ts';
import { opportunityButton } from './opportunity-card.ts';
import { opportunityLine, showButton } from './opportunity-list.ts';
import { homeTaskBlocks } from './tasks.ts';
import { notificationHomeBlocks } from './notifications.ts';
import type { MuteChoice, PersonNotifications } from '../../services/notifications.ts';
import type { TaskList } from '../../usecases/tasks.ts';
import { actions, button, context, divider, header, LIMITS, section, type HomeView, type KnownBlock } from './kit.ts';

export interface HomeCycle {
  code: string;
  description: string;
  stages: readonly Stage[];
}

export interface HomeInput {
  userId: string;
  /** This page's open opportunities, in Home's order (others are ignored). */
  opportunities: readonly OpportunitySummary[];
  /** Sales cycles with their stages: groups follow this order, then stage number. */
  cycles: readonly HomeCycle[];
  currency: string;
  /** Each row's quick actions, as the use case decided them for this reader (none when absent). */
  offers: ReadonlyMap<string, readonly Offer[]>;
  /** The user's notification settings (a section at the end of the first page); absent: not shown. */
  notifications?: PersonNotifications | undefined;
  /** The reader's own open opportunities they may mute (the Notifications section). */
  muteChoices?: readonly MuteChoice[] | undefined;
  /** The user's open tasks ("My tasks", above the opportunities); absent: not shown. */
  tasks?: TaskList | undefined;
  /** 'team': a manager's or admin's view of everyone's pipeline, with its overview; default 'own'. */
  scope?: HomeScope | undefined;
  /** Open opportunities before this page (default 0). */
  offset?: number | undefined;
  /** Open opportunities over every page (default: those given). */
  total?: number | undefined;
  /** The whole pipeline's figures (default: those of the opportunities given). */
  totals?: OpenPipelineTotals | undefined;
}

/** Blocks kept at the end of every page for the pager (its line and its buttons). */
const PAGER_BLOCKS = 2;
/** Salespeople listed at most in the team overview (the largest weighted value first). */
export const HOME_SALESPEOPLE_MAX = 25;

/** The page a Home view shows, for the next publish of the same view (App Home's private_metadata). */
export function homeOffsetOf(privateMetadata: unknown): number {
  const parsed = HOME_PAGE_VALUE.safeParse(privateMetadata);
  return parsed.success ? parsed.data : 0;
}

interface Group {
  key: string;
  title: Markup;
  items: OpportunitySummary[];
}

function groupsOf(p: Presenter, input: HomeInput): Group[] {
  const { ui } = p.t;
  const open = input.opportunities.filter((o) => o.status === 'not_started' || o.status === 'in_progress');
  const cycleOrder = new Map(input.cycles.map((c, i) => [c.code, i]));
  const groups = new Map<string, Group & { order: [number, number, string, number] }>();
  for (const opportunity of open) {
    const stage = opportunity.status === 'in_progress' ? (opportunity.current?.stage ?? null) : null;
    const cycleCode = opportunity.salesCycle.code;
    const key = stage === null ? 'not_started' : `${cycleCode}:${stage}`;
    let group = groups.get(key);
    if (!group) {
      const cycle = input.cycles.find((c) => c.code === cycleCode);
      const description =
        stage === null
          ? ''
          : (cycle?.stages.find((s) => s.stage === stage)?.description ?? opportunity.current?.stageDescription ?? '');
      group = {
        key,
        title:
          stage === null
            ? md`*${ui.home.notStartedGroup}*`
            : ui.home.group(formatStage(p.t, stage, description), escapeText(cycleCode)),
        items: [],
        order:
          stage === null ? [0, 0, '', 0] : [1, cycleOrder.get(cycleCode) ?? Number.MAX_SAFE_INTEGER, cycleCode, stage],
      };
      groups.set(key, group);
    }
    group.items.push(opportunity);
  }
  return [...groups.values()].sort((a, b) => {
    for (let i = 0; i < 4; i++) {
      const x = a.order[i] as number | string;
      const y = b.order[i] as number | string;
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
}

function sum(items: readonly OpportunitySummary[], pick: (o: OpportunitySummary) => Decimal | undefined): Decimal {
  return items.reduce((total, o) => total.plus(pick(o) ?? ZERO), ZERO);
}

export function homeView(p: Presenter, input: HomeInput): HomeView {
  const { ui } = p.t;
  const team = input.scope === 'team';
  const offset = input.offset ?? 0;
  const groups = groupsOf(p, input);
  const pageCount = groups.reduce((n, g) => n + g.items.length, 0);
  const total = input.total ?? pageCount;
  const totals = input.totals ?? totalsOf(groups);
  const view = (blocks: KnownBlock[]): HomeView => ({
    type: 'home',
    callback_id: CALLBACK_IDS.home,
    private_metadata: String(offset),
    blocks,
  });
  const blocks: KnownBlock[] = [header(team ? ui.home.teamTitle : ui.home.title, BLOCK_IDS.home.header)];
  const newButton = button({ text: ui.buttons.newOpportunity, actionId: ACTION_IDS.newOpportunity, style: 'primary' });
  const firstPage = offset === 0;
  const myTasks = input.tasks && firstPage ? [divider(), ...homeTaskBlocks(p, input.tasks)] : [];
  // The Notifications settings close the first page; the rows above make room for them.
  const settings =
    input.notifications && firstPage ? notificationHomeBlocks(p, input.notifications, input.muteChoices) : [];

  if (total === 0) {
    blocks.push(
      section(team ? ui.home.teamEmpty : ui.home.empty, { blockId: BLOCK_IDS.home.intro }),
      actions(BLOCK_IDS.home.newButton, [newButton]),
      ...myTasks,
      ...settings,
    );
    return view(blocks);
  }
  const money = (amount: Decimal) => p.format.money(amount, input.currency);
  blocks.push(
    section(
      team
        ? ui.home.teamIntro(total, money(totals.total.estimated), money(totals.total.weighted))
        : ui.home.intro(total),
      { blockId: BLOCK_IDS.home.intro, accessory: newButton },
    ),
    ...myTasks,
  );
  // The overview by stage and by salesperson opens the first page; the rows follow on every page.
  if (team && firstPage) blocks.push(divider(), ...overviewBlocks(p, input, totals));

  const room = LIMITS.viewBlocks - PAGER_BLOCKS - settings.length;
  const groupFigures = new Map(totals.byStage.map((s) => [s.key, s]));
  let shown = 0;
  for (const group of groups) {
    if (blocks.length + 5 > room) break; // the group's three blocks and at least one row
    const figures = groupFigures.get(group.key) ?? figuresOf(group.items);
    blocks.push(
      divider(),
      section(group.title, { blockId: rowBlockId('home_group', group.key) }),
      context([ui.home.groupTotals(figures.count, money(figures.estimated), money(figures.weighted))]),
    );
    for (const opportunity of group.items) {
      if (blocks.length + 2 > room) break;
      const quick = input.offers.get(opportunity.no) ?? [];
      blocks.push(
        section(opportunityLine(p, opportunity, input.currency, { showWhere: false }), {
          blockId: rowBlockId('home_row', opportunity.no),
          accessory: showButton(p, opportunity.no),
        }),
      );
      if (quick.length > 0) {
        blocks.push(
          actions(
            rowBlockId('home_actions', opportunity.no),
            quick.map((kind) => opportunityButton(p, kind, opportunity.no, opportunity.status)),
          ),
        );
      }
      shown++;
    }
  }
  blocks.push(...pagerBlocks(p, { offset, shown, total }), ...settings);
  return view(blocks);
}

/** "Opportunities 41–60 of 85", with the buttons to the next page and back to the first. */
function pagerBlocks(p: Presenter, page: { offset: number; shown: number; total: number }): KnownBlock[] {
  const { ui } = p.t;
  const next = page.offset + page.shown;
  if (page.offset === 0 && next >= page.total) return [];
  const buttons = [];
  if (page.offset > 0)
    buttons.push(button({ text: ui.home.firstPage, actionId: ACTION_IDS.homePage, value: homePageValue(0) }));
  if (next < page.total)
    buttons.push(
      button({ text: ui.home.nextPage, actionId: ACTION_IDS.homePage, value: homePageValue(next), style: 'primary' }),
    );
  return [
    context([ui.home.pageRange(page.offset + 1, next, page.total)], BLOCK_IDS.home.more),
    actions(BLOCK_IDS.home.pager, buttons),
  ];
}

/** The team's open pipeline by stage, then by salesperson, each a list of lines with their figures. */
function overviewBlocks(p: Presenter, input: HomeInput, totals: OpenPipelineTotals): KnownBlock[] {
  const { ui } = p.t;
  const money = (amount: Decimal) => p.format.money(amount, input.currency);
  const line = (label: Markup, f: PipelineFigures) =>
    ui.home.overviewLine(label, ui.home.groupTotals(f.count, money(f.estimated), money(f.weighted)));
  const stageLines = totals.byStage.map((s) =>
    line(
      s.stage === null
        ? md`*${ui.home.notStartedGroup}*`
        : ui.home.group(formatStage(p.t, s.stage, stageDescriptionOf(input.cycles, s)), escapeText(s.cycleCode ?? '')),
      s,
    ),
  );
  const people = totals.bySalesperson.slice(0, HOME_SALESPEOPLE_MAX);
  const personLines = people.map((s) => line(formatPerson(p.t, s.salesperson), s));
  if (totals.bySalesperson.length > people.length)
    personLines.push(ui.home.moreSalespeople(totals.bySalesperson.length - people.length));
  return [
    ...linesInSections(ui.home.byStage, stageLines, BLOCK_IDS.home.byStage),
    ...linesInSections(ui.home.bySalesperson, personLines, BLOCK_IDS.home.bySalesperson),
  ];
}

/** A titled list of lines, in as many sections as Slack's text limit needs. */
function linesInSections(title: Markup, lines: readonly Markup[], blockId: string): KnownBlock[] {
  const texts: Markup[][] = [[title]];
  let length = title.length;
  for (const line of lines) {
    const last = texts[texts.length - 1] as Markup[];
    if (length + line.length + 1 > LIMITS.sectionText - 100) {
      texts.push([line]);
      length = line.length;
    } else {
      last.push(line);
      length += line.length + 1;
    }
  }
  return texts.map((part, i) => section(joinMarkup(part, '\n'), { blockId: i === 0 ? blockId : `${blockId}_${i}` }));
}

/** The stage's name as its cycle calls it now (the entry's copy when the stage is gone). */
function stageDescriptionOf(cycles: readonly HomeCycle[], s: StageTotals): string {
  const cycle = cycles.find((c) => c.code === s.cycleCode);
  return cycle?.stages.find((stage) => stage.stage === s.stage)?.description ?? s.stageDescription;
}

function figuresOf(items: readonly OpportunitySummary[]): PipelineFigures {
  return {
    count: items.length,
    estimated: sum(items, (o) => o.current?.estimatedValue),
    weighted: sum(items, (o) => o.current?.calcdCurrentValue),
  };
}

/** The figures of the opportunities given, when the caller has none for the whole pipeline. */
function totalsOf(groups: readonly Group[]): OpenPipelineTotals {
  const all = groups.flatMap((g) => g.items);
  return {
    total: figuresOf(all),
    byStage: groups.map((g) => ({
      key: g.key,
      cycleCode: null,
      stage: null,
      stageDescription: '',
      ...figuresOf(g.items),
    })),
    bySalesperson: [],
  };
}

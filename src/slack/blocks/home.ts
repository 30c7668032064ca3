// The App Home tab: the user's open opportunities grouped by stage (in stage order), with quick
// actions that use the card's action ids, a "New opportunity" button, and an empty state.
import { ZERO, type Decimal } from '../../domain/decimal.ts';
import type { Offer } from '../../domain/offers.ts';
import type { Stage } from '../../domain/sales-cycle.ts';
import type { OpportunitySummary } from '../../services/opportunity-queries.ts';
import { escapeText, type Markup, md } from '../../i18n/markup.ts';
import type { Presenter } from '../../i18n/presenter.ts';
import { formatStage } from '../format.ts';
import { ACTION_IDS, BLOCK_IDS, CALLBACK_IDS, rowBlockId } from '../ids.ts';
import { opportunityButton } from './opportunity-card.ts';
import { opportunityLine, showButton } from './opportunity-list.ts';
import { homeTaskBlocks } from './tasks.ts';
import type { TaskList } from '../../usecases/tasks.ts';
import { actions, button, context, divider, header, LIMITS, section, type HomeView, type KnownBlock } from './kit.ts';

export interface HomeCycle {
  code: string;
  description: string;
  stages: readonly Stage[];
}

export interface HomeInput {
  userId: string;
  /** The user's open opportunities (others are ignored). */
  opportunities: readonly OpportunitySummary[];
  /** Sales cycles with their stages: groups follow this order, then stage number. */
  cycles: readonly HomeCycle[];
  currency: string;
  /** Each row's quick actions, as the use case decided them for this reader (none when absent). */
  offers: ReadonlyMap<string, readonly Offer[]>;
  /** The user's open tasks ("My tasks", above the opportunities); absent: not shown. */
  tasks?: TaskList | undefined;
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
  const blocks: KnownBlock[] = [header(ui.home.title, BLOCK_IDS.home.header)];
  const newButton = button({ text: ui.buttons.newOpportunity, actionId: ACTION_IDS.newOpportunity, style: 'primary' });
  const groups = groupsOf(p, input);
  const openCount = groups.reduce((n, g) => n + g.items.length, 0);

  const myTasks = input.tasks ? [divider(), ...homeTaskBlocks(p, input.tasks)] : [];
  if (openCount === 0) {
    blocks.push(
      section(ui.home.empty, { blockId: BLOCK_IDS.home.intro }),
      actions(BLOCK_IDS.home.newButton, [newButton]),
      ...myTasks,
    );
    return { type: 'home', callback_id: CALLBACK_IDS.home, blocks };
  }
  blocks.push(section(ui.home.intro(openCount), { blockId: BLOCK_IDS.home.intro, accessory: newButton }), ...myTasks);

  const room = LIMITS.viewBlocks - 1; // keep one block for the "and N more" line
  let shown = 0;
  for (const group of groups) {
    if (blocks.length + 5 > room) break; // the group's three blocks and at least one row
    blocks.push(
      divider(),
      section(group.title, { blockId: rowBlockId('home_group', group.key) }),
      context([
        ui.home.groupTotals(
          group.items.length,
          p.format.money(
            sum(group.items, (o) => o.current?.estimatedValue),
            input.currency,
          ),
          p.format.money(
            sum(group.items, (o) => o.current?.calcdCurrentValue),
            input.currency,
          ),
        ),
      ]),
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
            quick.map((kind) => opportunityButton(p, kind, opportunity.no)),
          ),
        );
      }
      shown++;
    }
  }
  if (shown < openCount)
    blocks.push(context([ui.common.andMore(openCount - shown, ui.home.moreCommand)], BLOCK_IDS.home.more));
  return { type: 'home', callback_id: CALLBACK_IDS.home, blocks };
}

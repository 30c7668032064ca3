// The pipeline digest for a channel: open pipeline per cycle and stage, won and lost in the period, what
// changed since the previous digest, what needs attention, and figures per salesperson. A long digest is
// paged into several messages, each within Slack's 50 blocks and the total-text budget (platform notes §4).
import type { Decimal } from '../../domain/decimal.ts';
import { dateInZone, daysBetween } from '../../domain/local-date.ts';
import {
  type AttentionItem,
  type CyclePipeline,
  DIGEST_ATTENTION_LINES,
  DIGEST_CHANGE_LINES,
  type Digest,
  type Figures,
} from '../../services/digest-types.ts';
import { escapeText, joinMarkup, type Markup, md, ours, trimEnd } from '../../i18n/markup.ts';
import type { Presenter } from '../../i18n/presenter.ts';
import { formatPerson, tableCell, truncate } from '../format.ts';
import {
  context,
  divider,
  fallback,
  header,
  LIMITS,
  section,
  textLength,
  type KnownBlock,
  type Message,
} from './kit.ts';

export interface DigestOptions {
  /** Replaces "Pipeline digest" in the header. */
  title?: Markup;
  /** Mentions the channel (`<!channel>`) in the first message, so that everyone is notified. */
  channelMention?: boolean;
}

/** At most this many close-code lines and salespeople. */
export const DIGEST_REASONS_CAP = 15;
export const DIGEST_SALESPEOPLE_CAP = 40;

/** Descriptions are cut to this many characters in digest lines. */
const DESCRIPTION_MAX = 80;
/** Section texts are kept at most this long, so pages fill evenly (Slack allows 3000). */
const SECTION_ROOM = 2000;
/** Room kept on every page for the "continued" line. */
const PAGE_RESERVE_CHARS = 200;
const PAGE_MAX_BLOCKS = LIMITS.messageBlocks - 1;
const PAGE_MAX_CHARS = LIMITS.messageTextBudget - PAGE_RESERVE_CHARS;
const STAGE_LABEL_MAX = 28;

/**
 * A part of the digest: units that stay together on one page when they can (a unit is never split).
 * `divider` puts a divider before the part unless it starts a page.
 */
interface Part {
  units: KnownBlock[][];
  divider: boolean;
}

/** A person's text on one line, cut short, escaped. */
const text = (value: string): Markup => escapeText(truncate(value.replace(/\s+/g, ' ').trim(), DESCRIPTION_MAX));

/** Lines joined into as few texts as possible, each at most `room` characters (a longer line is cut). */
function chunkLines(lines: readonly Markup[], room: number): Markup[] {
  const chunks: Markup[] = [];
  let current = ours('');
  for (const raw of lines) {
    const line = truncate(raw, room);
    if (current !== '' && current.length + 1 + line.length > room) {
      chunks.push(current);
      current = ours('');
    }
    current = current === '' ? line : md`${current}\n${line}`;
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/** Lines as sections, one unit each. */
function lineUnits(lines: readonly Markup[]): KnownBlock[][] {
  return chunkLines(lines, SECTION_ROOM).map((chunk) => [section(chunk)]);
}

/**
 * The first `cap` items as lines, and "…and N more" when some are left out: those beyond the cap, and
 * those the digest itself left out (`total` is the full count when the list holds only a page).
 */
function capped<T>(
  p: Presenter,
  items: readonly T[],
  cap: number,
  line: (item: T) => Markup,
  total = items.length,
): Markup[] {
  const lines = items.slice(0, cap).map(line);
  const more = Math.max(total, items.length) - lines.length;
  if (more > 0) lines.push(p.t.digest.more(more));
  return lines;
}

/** The full count of a list: the digest's total when it gives one, else the list's length. */
const fullCount = (items: readonly unknown[], total: number | undefined): number => Math.max(items.length, total ?? 0);

// ---- the open pipeline ------------------------------------------------------------------------------

/** One cycle's table; `heading` (the pipeline's title) goes above the first cycle, so it is never left alone. */
function cyclePart(p: Presenter, cycle: CyclePipeline, currency: string, heading: Markup | null): Part {
  const P = p.t.digest.pipeline;
  const money = (value: Decimal) => p.format.money(value, currency);
  const cycleTitle = P.cycleTitle(p.t.ui.common.cycle(escapeText(cycle.code), escapeText(cycle.description)));
  const title = heading === null ? cycleTitle : md`${heading}\n${cycleTitle}`;
  const units: KnownBlock[][] = [];
  if (cycle.stages.length === 0) {
    units.push([section(md`${title}\n${P.noStages}`)]);
  } else {
    const rows = cycle.stages.map((s) => [
      p.t.digestPlain.stage(s.stage, s.description),
      String(s.count),
      money(s.estimatedValue),
      money(s.weightedValue),
    ]);
    const totals = [P.total, String(cycle.totals.count), money(cycle.totals.estimatedValue)];
    totals.push(money(cycle.totals.weightedValue));
    const all = [[...P.columns], ...rows, totals];
    const widths = P.columns.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? '')].length)));
    widths[0] = Math.min(widths[0] ?? STAGE_LABEL_MAX, STAGE_LABEL_MAX);
    const row = (cells: readonly string[]) =>
      trimEnd(
        joinMarkup(
          cells.map((c, i) => tableCell(c, widths[i] ?? 10, i === 0 ? 'left' : 'right')),
          '  ',
        ),
      );
    const head = row(P.columns);
    const rule = escapeText('-'.repeat(widths.reduce((sum, w) => sum + w, 0) + 2 * (widths.length - 1)));
    const lines = [...rows.map(row), rule, row(totals)];
    const overhead = `${title}\n\`\`\`${head}\n\`\`\``.length;
    chunkLines(lines, SECTION_ROOM - overhead).forEach((chunk, i) => {
      units.push([section(md`${i === 0 ? md`${title}\n` : ours('')}\`\`\`${head}\n${chunk}\`\`\``)]);
    });
  }
  if (cycle.notStarted > 0) units.push([context([P.notStarted(cycle.notStarted)])]);
  return { units, divider: heading !== null };
}

function pipelineParts(p: Presenter, digest: Digest): Part[] {
  const P = p.t.digest.pipeline;
  const money = (value: Decimal) => p.format.money(value, digest.currency);
  if (digest.cycles.length === 0) return [{ units: [[section(md`${P.title}\n${P.empty}`)]], divider: true }];
  const parts = digest.cycles.map((cycle, i) => cyclePart(p, cycle, digest.currency, i === 0 ? P.title : null));
  if (digest.cycles.length > 1) {
    const notStarted = digest.cycles.reduce((sum, c) => sum + c.notStarted, 0);
    const t: Figures = digest.totals;
    parts.push({
      units: [[section(P.allCycles(t.count, money(t.estimatedValue), money(t.weightedValue), notStarted))]],
      divider: false,
    });
  }
  return parts;
}

// ---- won and lost -----------------------------------------------------------------------------------

function closedPart(p: Presenter, digest: Digest): Part {
  const C = p.t.digest.closed;
  const { closed, currency } = digest;
  const money = (value: Decimal) => p.format.money(value, currency);
  /** A win rate (a percentage), or a dash when there is none. */
  const rate = (value: Decimal | null): Markup => (value === null ? C.notAvailable : p.format.percent(value));
  const from = p.format.readerDate(closed.from);
  const to = p.format.readerDate(closed.to);
  if (closed.won.count === 0 && closed.lost.count === 0) {
    return { units: [[section(md`${C.title(from, to)}\n${C.nothing(from, to)}`)]], divider: true };
  }
  const byCount = rate(closed.winRateByCount);
  const byValue = rate(closed.winRateByValue);
  const lines = [
    C.title(from, to),
    C.won(closed.won.count, money(closed.won.amount)),
    C.lost(closed.lost.count, money(closed.lost.amount)),
    C.winRate(byCount, byValue),
  ];
  if (closed.byReason.length > 0) {
    lines.push(C.reasonsTitle);
    lines.push(
      ...capped(p, closed.byReason, DIGEST_REASONS_CAP, (r) =>
        C.reason(
          p.t.ui.outcome[r.outcome],
          r.code === null ? C.noCode : C.code(text(r.code), text(r.description)),
          r.count,
          money(r.amount),
        ),
      ),
    );
  }
  return { units: lineUnits(lines), divider: true };
}

// ---- what changed -----------------------------------------------------------------------------------

function sinceText(p: Presenter, since: Date): Markup {
  const C = p.t.digest.changes;
  const millis = since.getTime();
  if (!Number.isFinite(millis)) return C.previousDigest;
  const iso = since.toISOString();
  const date = p.format.date(dateInZone(since, 'UTC'));
  return C.sinceToken(Math.floor(millis / 1000), C.sinceFallback(date, escapeText(iso.slice(11, 16))));
}

function changesPart(p: Presenter, digest: Digest): Part {
  const C = p.t.digest.changes;
  const { changes, currency } = digest;
  const money = (value: Decimal) => p.format.money(value, currency);
  if (changes.since === null) return { units: [[section(C.first)]], divider: true };
  const since = sinceText(p, changes.since);
  const totals = changes.totals;
  const counts = {
    newOpportunities: fullCount(changes.newOpportunities, totals?.newOpportunities),
    movedForward: fullCount(changes.movedForward, totals?.movedForward),
    movedBack: fullCount(changes.movedBack, totals?.movedBack),
    closed: fullCount(changes.closed, totals?.closed),
    valueChanges: fullCount(changes.valueChanges, totals?.valueChanges),
  };
  if (Object.values(counts).every((n) => n === 0))
    return { units: [[section(md`${C.title(since)}\n${C.nothing(since)}`)]], divider: true };

  const stageText = (stage: number | null) => (stage === null ? C.notStarted : C.stageNo(stage));
  const lines = [C.title(since)];
  const group = <T>(items: readonly T[], count: number, title: (n: number) => Markup, line: (item: T) => Markup) => {
    if (count === 0) return;
    lines.push(title(count), ...capped(p, items, DIGEST_CHANGE_LINES, line, count));
  };
  group(changes.newOpportunities, counts.newOpportunities, C.newTitle, (o) =>
    C.newLine(text(o.no), text(o.description), money(o.estimatedValue)),
  );
  group(changes.movedForward, counts.movedForward, C.forwardTitle, (o) =>
    C.moveLine(text(o.no), text(o.description), stageText(o.fromStage), stageText(o.toStage)),
  );
  group(changes.movedBack, counts.movedBack, C.backTitle, (o) =>
    C.moveLine(text(o.no), text(o.description), stageText(o.fromStage), stageText(o.toStage)),
  );
  group(changes.closed, counts.closed, C.closedTitle, (o) =>
    C.closedLine(text(o.no), text(o.description), p.t.ui.outcome[o.outcome], money(o.amount)),
  );
  group(changes.valueChanges, counts.valueChanges, C.valueTitle, (o) => {
    const delta = o.to.minus(o.from);
    const deltaText = delta.isPositive() && !delta.isZero() ? md`+${money(delta)}` : money(delta);
    return C.valueLine(text(o.no), text(o.description), money(o.from), money(o.to), deltaText);
  });
  return { units: lineUnits(lines), divider: true };
}

// ---- attention --------------------------------------------------------------------------------------

function attentionParts(p: Presenter, digest: Digest): Part[] {
  const A = p.t.digest.attention;
  const { attention, currency } = digest;
  const today = digest.request.today;
  const owner = (item: AttentionItem) =>
    formatPerson(p.t, { name: item.salespersonName, slackUserId: item.salespersonSlackUserId });
  const value = (item: AttentionItem) => p.format.money(item.estimatedValue, currency);
  const overdue = fullCount(attention.overdue, attention.totals?.overdue);
  const closingSoon = fullCount(attention.closingSoon, attention.totals?.closingSoon);
  const stale = fullCount(attention.stale, attention.totals?.stale);
  if (overdue + closingSoon + stale === 0) {
    return [{ units: [[section(md`${A.title}\n${A.nothing(attention.staleDays)}`)]], divider: true }];
  }
  const parts: Part[] = [];
  const list = (
    items: readonly AttentionItem[],
    count: number,
    title: Markup,
    line: (item: AttentionItem) => Markup,
  ) => {
    if (count === 0) return;
    const first = parts.length === 0;
    const lines = [...(first ? [A.title] : []), title, ...capped(p, items, DIGEST_ATTENTION_LINES, line, count)];
    parts.push({ units: lineUnits(lines), divider: first });
  };
  list(attention.overdue, overdue, A.overdueTitle(overdue), (i) =>
    A.overdueLine(
      text(i.no),
      text(i.description),
      owner(i),
      p.format.readerDate(i.estimatedCloseDate),
      Math.max(0, daysBetween(i.estimatedCloseDate, today)),
      value(i),
    ),
  );
  list(attention.closingSoon, closingSoon, A.closingSoonTitle(closingSoon), (i) =>
    A.closingSoonLine(
      text(i.no),
      text(i.description),
      owner(i),
      p.format.readerDate(i.estimatedCloseDate),
      daysBetween(today, i.estimatedCloseDate),
      value(i),
    ),
  );
  list(attention.stale, stale, A.staleTitle(stale, attention.staleDays), (i) =>
    A.staleLine(
      text(i.no),
      text(i.description),
      owner(i),
      p.format.readerDate(i.lastChange),
      Math.max(0, daysBetween(i.lastChange, today)),
      value(i),
    ),
  );
  return parts;
}

// ---- salespeople ------------------------------------------------------------------------------------

function salespeoplePart(p: Presenter, digest: Digest): Part {
  const S = p.t.digest.salespeople;
  if (digest.salespeople.length === 0) return { units: [[section(md`${S.title}\n${S.empty}`)]], divider: true };
  const lines = [
    S.title,
    ...capped(p, digest.salespeople, DIGEST_SALESPEOPLE_CAP, (person) =>
      S.line(
        formatPerson(p.t, { name: person.name, slackUserId: person.slackUserId }),
        person.openCount,
        p.format.money(person.weightedValue, digest.currency),
        p.format.money(person.wonValue, digest.currency),
      ),
    ),
  ];
  return { units: lineUnits(lines), divider: true };
}

// ---- header and paging ------------------------------------------------------------------------------

function scopeLine(p: Presenter, digest: Digest): Markup {
  const S = p.t.digest.scope;
  const code = digest.request.salesCycleCode;
  const cycle = code === null ? undefined : digest.cycles.find((c) => c.code === code);
  const user = digest.request.salespersonSlackUserId;
  return S.join([
    code === null ? S.allCycles : S.cycle(p.t.ui.common.cycle(escapeText(code), escapeText(cycle?.description ?? ''))),
    user === null ? S.everyone : S.salesperson(formatPerson(p.t, { name: '', slackUserId: user })),
    S.period(p.format.readerDate(digest.closed.from), p.format.readerDate(digest.closed.to)),
  ]);
}

/** Parts laid out on as few pages as possible, each within `PAGE_MAX_BLOCKS` and `PAGE_MAX_CHARS`. */
function paginate(parts: readonly Part[]): KnownBlock[][] {
  const pages: KnownBlock[][] = [];
  let page: KnownBlock[] = [];
  let chars = 0;
  const fits = (blocks: readonly KnownBlock[]) =>
    page.length + blocks.length <= PAGE_MAX_BLOCKS && chars + textLength(blocks) <= PAGE_MAX_CHARS;
  const add = (blocks: readonly KnownBlock[]) => {
    page.push(...blocks);
    chars += textLength(blocks);
  };
  const nextPage = () => {
    while (page.at(-1)?.type === 'divider') page.pop();
    if (page.length > 0) pages.push(page);
    page = [];
    chars = 0;
  };
  for (const part of parts) {
    const blocks = part.units.flat();
    const lead = part.divider && page.length > 0 ? [divider()] : [];
    if (fits([...lead, ...blocks])) {
      add([...lead, ...blocks]);
      continue;
    }
    if (page.length > 0) {
      const onEmpty = blocks.length <= PAGE_MAX_BLOCKS && textLength(blocks) <= PAGE_MAX_CHARS;
      // A part that fits a page of its own is not split; a larger one fills this page first.
      if (onEmpty) {
        nextPage();
        add(blocks);
        continue;
      }
      if (fits(lead)) add(lead);
    }
    for (const unit of part.units) {
      if (!fits(unit)) nextPage();
      add(unit);
    }
  }
  nextPage();
  return pages;
}

/**
 * The digest as one or more messages (post them in order, e.g. the later ones in the first one's
 * thread). Every message holds at most 50 blocks and stays within the total-text budget.
 */
export function digestMessages(p: Presenter, digest: Digest, opts: DigestOptions = {}): Message[] {
  const digestText = p.t.digest;
  const title = opts.title?.trim() ? opts.title : digestText.defaultTitle;
  const date = p.format.date(digest.request.today);
  const headerText = digestText.header(title, date);
  const scope = [scopeLine(p, digest)];
  if (opts.channelMention) scope.unshift(digestText.channelMention);
  const intro: Part = { units: [[header(headerText), context(scope)]], divider: false };

  const pages = paginate([
    intro,
    ...pipelineParts(p, digest),
    closedPart(p, digest),
    changesPart(p, digest),
    ...attentionParts(p, digest),
    salespeoplePart(p, digest),
  ]);
  const notStarted = digest.cycles.reduce((sum, c) => sum + c.notStarted, 0);
  const summary = digestText.fallback(
    title,
    date,
    digest.totals.count + notStarted,
    p.format.money(digest.totals.weightedValue, digest.currency),
  );
  return pages.map((blocks, i) => {
    if (i === 0) {
      return { text: fallback(opts.channelMention ? md`${digestText.channelMention} ${summary}` : summary), blocks };
    }
    const continued = digestText.continued(title, date, i + 1, pages.length);
    return { text: fallback(continued), blocks: [context([continued]), ...blocks] };
  });
}

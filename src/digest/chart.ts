// Server-side rendering of the pipeline chart for digests: echarts draws an SVG (SSR mode, no DOM, no
// canvas) and resvg turns it into a PNG that Slack can show. Amounts stay Decimal everywhere except at
// the very last step, where they become plain numbers for drawing.
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import type { BarSeriesOption } from 'echarts/charts';
import { GraphicComponent, GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import type {
  GraphicComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TitleComponentOption,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ComposeOption, XAXisComponentOption, YAXisComponentOption } from 'echarts';
import { renderAsync } from '@resvg/resvg-js';
import { ZERO } from '../domain/decimal.ts';
import type { Decimal } from '../domain/decimal.ts';
import type { Presenter } from '../i18n/presenter.ts';
import { defaultChartFont, resvgFontOptions } from './chart-fonts.ts';
import type { ChartFont } from './chart-fonts.ts';

// Registration is idempotent and only tells echarts which modules exist; it holds no chart state.
echarts.use([BarChart, GridComponent, LegendComponent, TitleComponent, GraphicComponent, SVGRenderer]);

export interface PipelineChartInput {
  title: string;
  /** ISO 4217 code, e.g. USD. */
  currency: string;
  /** Open pipeline per stage, in pipeline order. */
  stages: { label: string; estimated: Decimal; weighted: Decimal }[];
  /** Won and lost value per week, oldest first; labelled with the week's start date. */
  weeks?: { label: string; won: Decimal; lost: Decimal }[];
  /**
   * The digest's won/lost period (the one its message reports), summed up under the title with its dates,
   * so that the chart and the message say the same thing. Without it the subtitle shows the pipeline only.
   */
  closed?: { from: string; to: string; won: Decimal; lost: Decimal };
}

export interface ChartImage {
  png: Buffer;
  width: number;
  height: number;
  svg: string;
  /**
   * False when no font could be found, or when the chart has Chinese text and no Chinese font was found:
   * the PNG then lacks (some of) its text.
   */
  textRendered: boolean;
}

export interface RenderChartOptions {
  /** Font configuration; detected on the machine when omitted. */
  font?: ChartFont;
}

export const CHART_WIDTH = 1000;
/** Heights with up to 8 stages (taller with more stages, so that every stage keeps its full label). */
export const CHART_HEIGHT_ONE_PANEL = 500;
export const CHART_HEIGHT_TWO_PANELS = 800;

const COLORS = {
  text: '#1f2328',
  muted: '#57606a',
  axis: '#8c959f',
  grid: '#e4e7eb',
  estimated: '#9ebfea',
  weighted: '#1f4e99',
  won: '#2e9e5b',
  lost: '#d64545',
  emptyBox: '#f6f8fa',
};

const GRID_LEFT = 90;
const GRID_RIGHT = 40;
/** Room right of the stage bars for the value label of the longest bar. */
const STAGE_GRID_RIGHT = 80;
/** Stage labels sit left of their bars in a column at most this wide (about 40 characters a line). */
const STAGE_LABEL_MAX_WIDTH = 300;
const STAGE_LABEL_MAX_LINES = 3;
const LABEL_LINE_HEIGHT = 15;
const TITLE_BLOCK = 128;
const BOTTOM_MARGIN = 64;
const PIPELINE_GRID_ONE_PANEL = CHART_HEIGHT_ONE_PANEL - TITLE_BLOCK - BOTTOM_MARGIN;
const PIPELINE_GRID_TWO_PANELS = 240;
const HISTORY_GRID = 248;
/** From the bottom of the pipeline grid to the history heading, and from the heading to its grid. */
const HISTORY_HEADING_GAP = 76;
const HEADING_TO_GRID = 44;
/** Average advance of a narrow character of DejaVu Sans at 12px; used to size wrapped axis labels. */
const AVG_CHAR_WIDTH_12PX = 7.2;
const AVG_CHAR_WIDTH_11PX = 6.4;

// Chinese (and other East Asian wide) characters are about twice as wide as a Latin letter, and a line
// may break between any two of them.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const WIDE_OR_NARROW_RUN = new RegExp(`${WIDE.source}|(?:(?!${WIDE.source}).)+`, 'gu');

/** Width of a text in narrow-character units: a wide character counts two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

/** The longest start of `text` at most `width` units wide. */
function sliceToWidth(text: string, width: number): string {
  let out = '';
  for (const char of text) {
    if (displayWidth(out + char) > width) break;
    out += char;
  }
  return out;
}

interface Token {
  text: string;
  /** What joins this token to the previous one on the same line. */
  joiner: string;
}

/**
 * Words split on spaces; long words also split after "-" or "/" so "2026-W14" can become "2026-" + "W14",
 * and between wide characters, which need no space to break.
 */
function tokenize(label: string, limit: number): Token[] {
  const tokens: Token[] = [];
  for (const word of label.trim().split(/\s+/)) {
    if (word === '') continue;
    const runs = word.match(WIDE_OR_NARROW_RUN) ?? [word];
    runs.forEach((run, r) => {
      const parts = displayWidth(run) > limit ? (run.match(/[^-/]+[-/]*|[-/]+/g) ?? [run]) : [run];
      parts.forEach((text, i) => tokens.push({ text, joiner: r === 0 && i === 0 ? ' ' : '' }));
    });
  }
  return tokens;
}

/**
 * Wraps a label on word boundaries into at most `maxLines` lines of at most `maxChars` narrow characters
 * (a wide character counts two); whatever does not fit ends with an ellipsis.
 */
export function wrapLabel(label: string, maxChars: number, maxLines = 2): string {
  const limit = Math.max(2, Math.floor(maxChars));
  const lines: string[] = [];
  let current = '';
  let overflow = false;
  for (const token of tokenize(label, limit)) {
    const candidate = current === '' ? token.text : `${current}${token.joiner}${token.text}`;
    if (displayWidth(candidate) <= limit) {
      current = candidate;
      continue;
    }
    if (current !== '') {
      lines.push(current);
      current = '';
    }
    if (lines.length === maxLines) {
      overflow = true;
      break;
    }
    // A single token longer than a line is cut; the ellipsis marks the cut.
    current = displayWidth(token.text) <= limit ? token.text : `${sliceToWidth(token.text, limit - 1)}…`;
  }
  if (!overflow && current !== '') {
    if (lines.length < maxLines) lines.push(current);
    else overflow = true;
  }
  if (overflow && lines.length > 0) {
    const last = (lines[lines.length - 1] ?? '').replace(/…$/, '');
    const trimmed = displayWidth(last) + 1 > limit ? sliceToWidth(last, limit - 1) : last;
    lines[lines.length - 1] = `${trimmed.trimEnd()}…`;
  }
  return lines.join('\n');
}

function sum(values: Decimal[]): Decimal {
  return values.reduce((total, v) => total.plus(v), ZERO);
}

interface PanelLayout {
  /** Top of the panel heading. */
  headingTop: number;
  gridTop: number;
  gridHeight: number;
}

interface ChartParts {
  titles: TitleComponentOption[];
  legends: LegendComponentOption[];
  grids: GridComponentOption[];
  xAxes: XAXisComponentOption[];
  yAxes: YAXisComponentOption[];
  series: BarSeriesOption[];
  graphics: GraphicComponentOption[];
}

type ChartOption = ComposeOption<
  | BarSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | GraphicComponentOption
  | XAXisComponentOption
  | YAXisComponentOption
>;

type Money = (value: number) => string;

const HAN = /\p{Script=Han}/u;

/** The words of the input (the catalogue's words follow the presenter's locale). */
function chartInputText(input: PipelineChartInput): string {
  return [input.title, ...input.stages.map((s) => s.label), ...(input.weeks ?? []).map((w) => w.label)].join(' ');
}

/** The chart's words, from the reader's catalogue. */
type ChartTexts = Presenter['t']['digestPlain']['chart'];

interface Bar {
  name: string;
  color: string;
  values: number[];
}

function emptyPanel(parts: ChartParts, layout: PanelLayout, message: string): void {
  const width = CHART_WIDTH - GRID_LEFT - GRID_RIGHT;
  parts.graphics.push({
    type: 'group',
    left: GRID_LEFT,
    top: layout.gridTop,
    children: [
      {
        type: 'rect',
        shape: { x: 0, y: 0, width, height: layout.gridHeight, r: 8 },
        style: { fill: COLORS.emptyBox, stroke: COLORS.grid, lineWidth: 1 },
      },
      {
        type: 'text',
        x: width / 2,
        y: layout.gridHeight / 2,
        style: {
          text: message,
          fill: COLORS.muted,
          fontSize: 20,
          fontWeight: 'bold',
          align: 'center',
          verticalAlign: 'middle',
        },
      },
    ],
  });
}

/** The value axis: anchored at zero unless something is negative (a correction booked as a negative amount). */
function valueAxis(gridIndex: number, money: Money, bars: readonly Bar[]) {
  return {
    type: 'value' as const,
    gridIndex,
    min: bars.every((b) => b.values.every((v) => v >= 0)) ? 0 : undefined,
    splitNumber: 4,
    axisLabel: { color: COLORS.muted, fontSize: 12, formatter: (value: number) => money(value) },
    splitLine: { lineStyle: { color: COLORS.grid } },
  };
}

function barSeries(
  gridIndex: number,
  money: Money,
  bar: Bar,
  showLabels: boolean,
  horizontal: boolean,
): BarSeriesOption {
  return {
    type: 'bar',
    name: bar.name,
    xAxisIndex: gridIndex,
    yAxisIndex: gridIndex,
    data: bar.values,
    itemStyle: { color: bar.color, borderRadius: horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0] },
    barGap: '12%',
    barCategoryGap: '30%',
    label: {
      show: showLabels,
      position: horizontal ? 'right' : 'top',
      color: COLORS.text,
      fontSize: 11,
      formatter: (params) => {
        const v = typeof params.value === 'number' ? params.value : Number(params.value);
        return v === 0 ? '' : money(v);
      },
    },
  };
}

function legend(parts: ChartParts, layout: PanelLayout, bars: readonly Bar[]): void {
  parts.legends.push({
    data: bars.map((b) => b.name),
    top: layout.headingTop + 2,
    right: GRID_RIGHT,
    itemGap: 28,
    itemWidth: 14,
    itemHeight: 14,
    textStyle: { color: COLORS.text, fontSize: 13 },
  });
}

/** Vertical bars, one group per category along the bottom (the weeks). */
function addColumnPanel(parts: ChartParts, layout: PanelLayout, money: Money, categories: string[], bars: Bar[]): void {
  const gridIndex = parts.grids.length;
  parts.grids.push({ left: GRID_LEFT, right: GRID_RIGHT, top: layout.gridTop, height: layout.gridHeight });
  const categoryWidth = (CHART_WIDTH - GRID_LEFT - GRID_RIGHT) / Math.max(1, categories.length);
  const maxChars = Math.max(4, Math.floor((categoryWidth - 10) / AVG_CHAR_WIDTH_12PX));
  parts.xAxes.push({
    type: 'category',
    gridIndex,
    data: categories,
    axisTick: { alignWithLabel: false },
    axisLine: { lineStyle: { color: COLORS.axis } },
    axisLabel: {
      interval: 0,
      color: COLORS.text,
      fontSize: 12,
      lineHeight: LABEL_LINE_HEIGHT,
      margin: 10,
      formatter: (value: string) => wrapLabel(value, maxChars),
    },
  });
  parts.yAxes.push(valueAxis(gridIndex, money, bars));
  // Value labels above the bars only while the widest one fits between neighbouring bar centres.
  const widestLabel = Math.max(0, ...bars.flatMap((b) => b.values.map((v) => money(v).length)));
  const barPitch = (categoryWidth * 0.7) / bars.length;
  const showLabels = widestLabel * AVG_CHAR_WIDTH_11PX <= barPitch + 4;
  for (const bar of bars) parts.series.push(barSeries(gridIndex, money, bar, showLabels, false));
  legend(parts, layout, bars);
}

/** Stage labels wrapped to the label column, and the column's width. */
interface StageLabels {
  lines: string[];
  width: number;
}

function stageLabels(labels: readonly string[]): StageLabels {
  const maxChars = Math.floor(STAGE_LABEL_MAX_WIDTH / AVG_CHAR_WIDTH_12PX);
  const lines = labels.map((label) => wrapLabel(label, maxChars, STAGE_LABEL_MAX_LINES));
  const widest = Math.max(0, ...lines.flatMap((l) => l.split('\n').map(displayWidth)));
  return { lines, width: Math.min(STAGE_LABEL_MAX_WIDTH, Math.ceil(widest * AVG_CHAR_WIDTH_12PX)) };
}

/** Height of one stage's row: its two bars, or its label's lines when they need more. */
function stageRowHeight(labels: StageLabels): number {
  const lines = Math.max(1, ...labels.lines.map((l) => l.split('\n').length));
  return Math.max(30, lines * LABEL_LINE_HEIGHT + 12);
}

/**
 * Horizontal bars, one group per stage down the left, pipeline order from the top: a stage's full label
 * fits left of its bars however many stages there are (a column of stages along the bottom cut long
 * labels short).
 */
function addStagePanel(parts: ChartParts, layout: PanelLayout, money: Money, labels: StageLabels, bars: Bar[]): void {
  const gridIndex = parts.grids.length;
  const left = Math.max(GRID_LEFT, labels.width + 24);
  parts.grids.push({ left, right: STAGE_GRID_RIGHT, top: layout.gridTop, height: layout.gridHeight });
  parts.yAxes.push({
    type: 'category',
    gridIndex,
    inverse: true,
    data: labels.lines,
    axisTick: { show: false },
    axisLine: { lineStyle: { color: COLORS.axis } },
    axisLabel: { interval: 0, color: COLORS.text, fontSize: 12, lineHeight: LABEL_LINE_HEIGHT, margin: 12 },
  });
  parts.xAxes.push(valueAxis(gridIndex, money, bars));
  const barThickness = (layout.gridHeight / Math.max(1, labels.lines.length)) * (0.7 / bars.length);
  for (const bar of bars) parts.series.push(barSeries(gridIndex, money, bar, barThickness >= 11, true));
  legend(parts, layout, bars);
}

function heading(parts: ChartParts, text: string, top: number): void {
  parts.titles.push({
    text,
    left: GRID_LEFT - 60,
    top,
    textStyle: { color: COLORS.text, fontSize: 16, fontWeight: 'bold' },
  });
}

interface Layout {
  height: number;
  pipeline: PanelLayout;
  history?: PanelLayout;
}

function layout(input: PipelineChartInput, labels: StageLabels): Layout {
  const twoPanels = (input.weeks ?? []).length > 0;
  const rows = labels.lines.length * stageRowHeight(labels);
  const pipelineGrid = Math.max(twoPanels ? PIPELINE_GRID_TWO_PANELS : PIPELINE_GRID_ONE_PANEL, rows);
  const pipeline: PanelLayout = { headingTop: 84, gridTop: TITLE_BLOCK, gridHeight: pipelineGrid };
  if (!twoPanels) return { height: TITLE_BLOCK + pipelineGrid + BOTTOM_MARGIN, pipeline };
  const headingTop = TITLE_BLOCK + pipelineGrid + HISTORY_HEADING_GAP;
  const history: PanelLayout = { headingTop, gridTop: headingTop + HEADING_TO_GRID, gridHeight: HISTORY_GRID };
  return { height: history.gridTop + HISTORY_GRID + BOTTOM_MARGIN, pipeline, history };
}

function buildOption(
  texts: ChartTexts,
  input: PipelineChartInput,
  panels: Layout,
  labels: StageLabels,
  money: Money,
  family: string,
): ChartOption {
  const parts: ChartParts = { titles: [], legends: [], grids: [], xAxes: [], yAxes: [], series: [], graphics: [] };
  const weeks = input.weeks ?? [];

  const estimatedTotal = sum(input.stages.map((s) => s.estimated));
  const weightedTotal = sum(input.stages.map((s) => s.weighted));
  const summary = [texts.pipelineSummary(money(estimatedTotal.toNumber()), money(weightedTotal.toNumber()))];
  const closed = input.closed;
  if (closed !== undefined) {
    summary.push(
      texts.closedSummary(money(closed.won.toNumber()), money(closed.lost.toNumber()), closed.from, closed.to),
    );
  }
  parts.titles.push({
    text: input.title,
    subtext: summary.join(texts.summarySeparator),
    left: GRID_LEFT - 60,
    top: 16,
    itemGap: 8,
    textStyle: { color: COLORS.text, fontSize: 22, fontWeight: 'bold' },
    subtextStyle: { color: COLORS.muted, fontSize: 14 },
  });

  heading(parts, texts.pipelineHeading, panels.pipeline.headingTop);
  const hasPipeline = input.stages.some((s) => !s.estimated.isZero() || !s.weighted.isZero());
  if (hasPipeline) {
    addStagePanel(parts, panels.pipeline, money, labels, [
      { name: texts.estimated, color: COLORS.estimated, values: input.stages.map((s) => s.estimated.toNumber()) },
      { name: texts.weighted, color: COLORS.weighted, values: input.stages.map((s) => s.weighted.toNumber()) },
    ]);
  } else {
    emptyPanel(parts, panels.pipeline, texts.noOpenOpportunities);
  }

  if (panels.history !== undefined) {
    heading(parts, texts.historyHeading(weeks.length), panels.history.headingTop);
    const hasHistory = weeks.some((w) => !w.won.isZero() || !w.lost.isZero());
    if (hasHistory) {
      addColumnPanel(
        parts,
        panels.history,
        money,
        weeks.map((w) => w.label),
        [
          { name: texts.won, color: COLORS.won, values: weeks.map((w) => w.won.toNumber()) },
          { name: texts.lost, color: COLORS.lost, values: weeks.map((w) => w.lost.toNumber()) },
        ],
      );
    } else {
      emptyPanel(parts, panels.history, texts.noClosedDeals);
    }
  }

  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: family, color: COLORS.text },
    title: parts.titles,
    legend: parts.legends,
    grid: parts.grids,
    xAxis: parts.xAxes,
    yAxis: parts.yAxes,
    series: parts.series,
    graphic: parts.graphics,
  };
}

/**
 * Removes what differs between two renders of the same chart: zrender numbers its instances
 * (class names like `zr3-cls-0`), and the hover styles are useless in a static image anyway.
 */
function normalizeSvg(svg: string): string {
  return svg
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ class="zr\d+-[^"]*"/g, '')
    .replace(/\bzr\d+-/g, 'zr-');
}

/**
 * Renders the pipeline (and, when weeks are given, won vs lost) chart as one PNG with a white background,
 * in the presenter's words and with its compact amounts.
 */
export async function renderPipelineChart(
  p: Presenter,
  input: PipelineChartInput,
  options: RenderChartOptions = {},
): Promise<ChartImage> {
  const font = options.font ?? defaultChartFont();
  const width = CHART_WIDTH;
  const labels = stageLabels(input.stages.map((s) => s.label));
  const panels = layout(input, labels);
  const height = panels.height;
  const money: Money = (value) => p.format.compactMoney(value, input.currency);
  const family = p.locale.startsWith('zh') || HAN.test(chartInputText(input)) ? font.cjkFamily : font.family;

  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  let svg: string;
  try {
    chart.setOption(buildOption(p.t.digestPlain.chart, input, panels, labels, money, family));
    svg = normalizeSvg(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }

  // Drawn on libuv's thread pool, not on the app's one thread: drawing took about 115 ms (half of it
  // loading the font files; 72 to 79 ms now for a chart without CJK text, ChartFont.cjkFontFiles),
  // during which every request that came waited for its ack.
  const image = await renderAsync(svg, {
    font: resvgFontOptions(font, svg),
    background: '#ffffff',
    fitTo: { mode: 'original' },
    logLevel: 'off',
  });
  const png = image.asPng();
  // Chinese text needs the CJK font on top of the Latin one.
  const textRendered = font.textRendered && (font.cjkRendered || !HAN.test(svg));
  return { png, width, height, svg, textRendered };
}

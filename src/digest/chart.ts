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
import { Resvg } from '@resvg/resvg-js';
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
  /** Won and lost value per week, oldest first. */
  weeks?: { label: string; won: Decimal; lost: Decimal }[];
}

export interface ChartImage {
  png: Buffer;
  width: number;
  height: number;
  svg: string;
  /** False when no font could be found: the PNG then has bars and axes but no text. */
  textRendered: boolean;
}

export interface RenderChartOptions {
  /** Font configuration; detected on the machine when omitted. */
  font?: ChartFont;
}

export const CHART_WIDTH = 1000;
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
/** Average advance of a character of DejaVu Sans at 12px; used to size wrapped axis labels. */
const AVG_CHAR_WIDTH_12PX = 7.2;
const AVG_CHAR_WIDTH_11PX = 6.4;

interface Token {
  text: string;
  /** What joins this token to the previous one on the same line. */
  joiner: string;
}

/** Words split on spaces; long words also split after "-" or "/" so "2026-W14" can become "2026-" + "W14". */
function tokenize(label: string, limit: number): Token[] {
  const tokens: Token[] = [];
  for (const word of label.trim().split(/\s+/)) {
    if (word === '') continue;
    const parts = word.length > limit ? (word.match(/[^-/]+[-/]*|[-/]+/g) ?? [word]) : [word];
    parts.forEach((text, i) => tokens.push({ text, joiner: i === 0 ? ' ' : '' }));
  }
  return tokens;
}

/**
 * Wraps a label on word boundaries into at most `maxLines` lines of at most `maxChars` characters;
 * whatever does not fit ends with an ellipsis.
 */
export function wrapLabel(label: string, maxChars: number, maxLines = 2): string {
  const limit = Math.max(2, Math.floor(maxChars));
  const lines: string[] = [];
  let current = '';
  let overflow = false;
  for (const token of tokenize(label, limit)) {
    const candidate = current === '' ? token.text : `${current}${token.joiner}${token.text}`;
    if (candidate.length <= limit) {
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
    current = token.text.length <= limit ? token.text : `${token.text.slice(0, limit - 1)}…`;
  }
  if (!overflow && current !== '') {
    if (lines.length < maxLines) lines.push(current);
    else overflow = true;
  }
  if (overflow && lines.length > 0) {
    const last = (lines[lines.length - 1] ?? '').replace(/…$/, '');
    const trimmed = last.length + 1 > limit ? last.slice(0, limit - 1) : last;
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

/** The chart's words, from the reader's catalogue. */
type ChartTexts = Presenter['t']['digestPlain']['chart'];

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

function addBarPanel(
  parts: ChartParts,
  layout: PanelLayout,
  money: Money,
  categories: string[],
  bars: { name: string; color: string; values: number[] }[],
): void {
  const gridIndex = parts.grids.length;
  parts.grids.push({
    left: GRID_LEFT,
    right: GRID_RIGHT,
    top: layout.gridTop,
    height: layout.gridHeight,
  });
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
      lineHeight: 15,
      margin: 10,
      formatter: (value: string) => wrapLabel(value, maxChars),
    },
  });
  parts.yAxes.push({
    type: 'value',
    gridIndex,
    // Anchored at zero unless something is negative (a correction booked as a negative amount).
    min: bars.every((b) => b.values.every((v) => v >= 0)) ? 0 : undefined,
    splitNumber: 4,
    axisLabel: { color: COLORS.muted, fontSize: 12, formatter: (value: number) => money(value) },
    splitLine: { lineStyle: { color: COLORS.grid } },
  });
  // Value labels above the bars only while the widest one fits between neighbouring bar centres.
  const widestLabel = Math.max(0, ...bars.flatMap((b) => b.values.map((v) => money(v).length)));
  const barPitch = (categoryWidth * 0.7) / bars.length;
  const showLabels = widestLabel * AVG_CHAR_WIDTH_11PX <= barPitch + 4;
  for (const bar of bars) {
    parts.series.push({
      type: 'bar',
      name: bar.name,
      xAxisIndex: gridIndex,
      yAxisIndex: gridIndex,
      data: bar.values,
      itemStyle: { color: bar.color, borderRadius: [3, 3, 0, 0] },
      barGap: '12%',
      barCategoryGap: '30%',
      label: {
        show: showLabels,
        position: 'top',
        color: COLORS.text,
        fontSize: 11,
        formatter: (params) => {
          const v = typeof params.value === 'number' ? params.value : Number(params.value);
          return v === 0 ? '' : money(v);
        },
      },
    });
  }
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

function heading(parts: ChartParts, text: string, top: number): void {
  parts.titles.push({
    text,
    left: GRID_LEFT - 60,
    top,
    textStyle: { color: COLORS.text, fontSize: 16, fontWeight: 'bold' },
  });
}

function buildOption(
  texts: ChartTexts,
  input: PipelineChartInput,
  height: number,
  money: Money,
  family: string,
): ChartOption {
  const parts: ChartParts = { titles: [], legends: [], grids: [], xAxes: [], yAxes: [], series: [], graphics: [] };
  const weeks = input.weeks ?? [];
  const twoPanels = weeks.length > 0;

  const estimatedTotal = sum(input.stages.map((s) => s.estimated));
  const weightedTotal = sum(input.stages.map((s) => s.weighted));
  const summary = [texts.pipelineSummary(money(estimatedTotal.toNumber()), money(weightedTotal.toNumber()))];
  if (twoPanels) {
    const won = sum(weeks.map((w) => w.won));
    const lost = sum(weeks.map((w) => w.lost));
    summary.push(texts.closedSummary(money(won.toNumber()), money(lost.toNumber())));
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

  const pipeline: PanelLayout = twoPanels
    ? { headingTop: 84, gridTop: 128, gridHeight: 240 }
    : { headingTop: 84, gridTop: 128, gridHeight: height - 128 - 64 };
  heading(parts, texts.pipelineHeading, pipeline.headingTop);
  const hasPipeline = input.stages.some((s) => !s.estimated.isZero() || !s.weighted.isZero());
  if (hasPipeline) {
    addBarPanel(
      parts,
      pipeline,
      money,
      input.stages.map((s) => s.label),
      [
        { name: texts.estimated, color: COLORS.estimated, values: input.stages.map((s) => s.estimated.toNumber()) },
        { name: texts.weighted, color: COLORS.weighted, values: input.stages.map((s) => s.weighted.toNumber()) },
      ],
    );
  } else {
    emptyPanel(parts, pipeline, texts.noOpenOpportunities);
  }

  if (twoPanels) {
    const history: PanelLayout = { headingTop: 444, gridTop: 488, gridHeight: height - 488 - 64 };
    heading(parts, texts.historyHeading(weeks.length), history.headingTop);
    const hasHistory = weeks.some((w) => !w.won.isZero() || !w.lost.isZero());
    if (hasHistory) {
      addBarPanel(
        parts,
        history,
        money,
        weeks.map((w) => w.label),
        [
          { name: texts.won, color: COLORS.won, values: weeks.map((w) => w.won.toNumber()) },
          { name: texts.lost, color: COLORS.lost, values: weeks.map((w) => w.lost.toNumber()) },
        ],
      );
    } else {
      emptyPanel(parts, history, texts.noClosedDeals);
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
export function renderPipelineChart(
  p: Presenter,
  input: PipelineChartInput,
  options: RenderChartOptions = {},
): ChartImage {
  const font = options.font ?? defaultChartFont();
  const width = CHART_WIDTH;
  const height = (input.weeks ?? []).length > 0 ? CHART_HEIGHT_TWO_PANELS : CHART_HEIGHT_ONE_PANEL;
  const money: Money = (value) => p.format.compactMoney(value, input.currency);

  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  let svg: string;
  try {
    chart.setOption(buildOption(p.t.digestPlain.chart, input, height, money, font.family));
    svg = normalizeSvg(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }

  const png = new Resvg(svg, {
    font: resvgFontOptions(font),
    background: '#ffffff',
    fitTo: { mode: 'original' },
    logLevel: 'off',
  })
    .render()
    .asPng();
  return { png, width, height, svg, textRendered: font.textRendered };
}

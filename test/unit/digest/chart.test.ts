// Server-side pipeline chart: echarts SSR to SVG, resvg to PNG. The sample PNG is written to
// test-output/digest-chart-sample.png so a person can look at it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/domain/decimal.ts';
import {
  CHART_HEIGHT_ONE_PANEL,
  CHART_HEIGHT_TWO_PANELS,
  CHART_WIDTH,
  renderPipelineChart,
  wrapLabel,
  type PipelineChartInput,
} from '../../../src/digest/chart.ts';
import {
  CHART_FONT_PACKAGES,
  chartFontFiles,
  defaultChartFont,
  detectChartFont,
  packagedFontFiles,
  type ChartFont,
} from '../../../src/digest/chart-fonts.ts';
import { presenterFor } from '../../../src/i18n/presenter.ts';
import { enUS } from '../../support/presenter.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  // The first chunk is IHDR: length (4), type (4), then width and height as big-endian uint32.
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const STAGES: PipelineChartInput['stages'] = [
  { label: 'Prospecting', estimated: dec('1250000'), weighted: dec('125000') },
  { label: 'Qualification', estimated: dec('840500'), weighted: dec('168100') },
  { label: 'Needs analysis', estimated: dec('612000'), weighted: dec('183600') },
  { label: 'Proposal sent', estimated: dec('455250.50'), weighted: dec('227625.25') },
  { label: 'Negotiation', estimated: dec('310000'), weighted: dec('217000') },
  { label: 'Verbal commitment', estimated: dec('12500'), weighted: dec('11250') },
];

const WEEKS: NonNullable<PipelineChartInput['weeks']> = [
  { label: 'W40', won: dec('20000'), lost: dec('0') },
  { label: 'W41', won: dec('27300'), lost: dec('13100') },
  { label: 'W42', won: dec('34600'), lost: dec('17200') },
  { label: 'W43', won: dec('41900'), lost: dec('0') },
  { label: 'W44', won: dec('49200'), lost: dec('25400') },
  { label: 'W45', won: dec('56500'), lost: dec('29500') },
  { label: 'W46', won: dec('63800'), lost: dec('0') },
  { label: 'W47', won: dec('71100'), lost: dec('37700') },
];

/** A one-panel chart whose stages are named `words`: what differs between two of them is their text. */
const stagesNamed = (words: string[]): PipelineChartInput => ({
  title: 'Pipeline',
  currency: 'USD',
  stages: words.map((word) => ({ label: word, estimated: dec(50000), weighted: dec(10000) })),
});

const REALISTIC: PipelineChartInput = {
  title: 'Weekly pipeline — Acme Sales',
  currency: 'USD',
  stages: STAGES,
  weeks: WEEKS,
};

const NO_OPEN_OPPORTUNITIES = enUS.t.digestPlain.chart.noOpenOpportunities;
const formatCompactCurrency = (value: number, currency: string) => enUS.format.compactMoney(value, currency);

describe('compact currency', () => {
  it('uses Intl compact notation with at most one decimal and no trailing zeros', () => {
    expect(formatCompactCurrency(12500, 'USD')).toBe('$12.5K');
    expect(formatCompactCurrency(1_234_567, 'USD')).toBe('$1.2M');
    expect(formatCompactCurrency(900_000, 'USD')).toBe('$900K');
    expect(formatCompactCurrency(0, 'USD')).toBe('$0');
    expect(formatCompactCurrency(640_000, 'EUR')).toBe('€640K');
  });

  it('falls back to a plain compact number and the code for an unknown currency', () => {
    expect(formatCompactCurrency(12500, 'not a code')).toBe('12.5K not a code');
  });
});

describe('wrapLabel', () => {
  it('keeps short labels on one line', () => {
    expect(wrapLabel('Proposal sent', 18)).toBe('Proposal sent');
  });

  it('wraps on words and ends an overflowing label with an ellipsis', () => {
    expect(wrapLabel('Negotiation and contract review with legal', 18)).toBe('Negotiation and\ncontract review…');
    expect(wrapLabel('Supercalifragilisticexpialidocious', 8)).toBe('Superca…');
  });

  it('breaks long hyphenated tokens after the hyphen', () => {
    expect(wrapLabel('2026-W14', 6)).toBe('2026-\nW14');
  });

  it('never produces a line longer than the limit', () => {
    for (const label of ['a b c d e f g h', 'Discovery call scheduled', 'x'.repeat(40), 'Lead <new> & R&D']) {
      for (const max of [4, 6, 9, 14]) {
        for (const line of wrapLabel(label, max).split('\n')) expect(line.length).toBeLessThanOrEqual(max);
      }
    }
  });
});

describe('renderPipelineChart', () => {
  it('draws Latin and Chinese text with the fonts of the npm packages, not the system', () => {
    const font = defaultChartFont();
    expect(font.textRendered, `npm ci installs ${CHART_FONT_PACKAGES.join(' and ')}`).toBe(true);
    expect(font.cjkRendered).toBe(true);
    expect(font.loadSystemFonts).toBe(false);
    expect(font.fontFiles).toHaveLength(2);
    for (const file of font.fontFiles) expect(file).toMatch(/node_modules\/dejavu-fonts-ttf\//);
    expect(font.cjkFontFiles).toHaveLength(2);
    for (const file of font.cjkFontFiles) expect(file).toMatch(/node_modules\/@embedpdf\/fonts-sc\//);
  });

  it('loads the CJK font files only for text with a character the Latin font lacks', () => {
    const font = defaultChartFont();
    const latin = [...font.fontFiles];
    const all = [...font.fontFiles, ...font.cjkFontFiles];
    // Each render reads and parses the files it is given: the two CJK files weigh about 16 MB, and an
    // English chart took about 115 ms with them, half of it loading them.
    expect(chartFontFiles(font, 'Weekly pipeline — Négociation, Forhandling, Trattativa € 1,2 M')).toEqual(latin);
    expect(chartFontFiles(font, '销售周期')).toEqual(all);
    expect(chartFontFiles(font, '商談 フェーズ')).toEqual(all);
    expect(chartFontFiles(font, 'ひらがな')).toEqual(all);
    expect(chartFontFiles(font, 'Ｗ４７')).toEqual(all);
    // DejaVu has ① to ⑩ but not ⑪ (nor Ⓐ, nor the small ﹙): the CJK font has them.
    expect(chartFontFiles(font, '⑩ Lead')).toEqual(latin);
    expect(chartFontFiles(font, '⑪ Lead')).toEqual(all);
    expect(chartFontFiles(font, 'Ⓐ')).toEqual(all);
    expect(chartFontFiles(font, '﹙a﹚')).toEqual(all);
    // Hangul too, although the packaged CJK font has none (a system Noto CJK collection does).
    expect(chartFontFiles(font, '영업 단계')).toEqual(all);
  });

  it('draws the characters of the CJK font that the Latin font lacks, in a chart without CJK text', async () => {
    const circled = await renderPipelineChart(enUS, stagesNamed(['⑪ Lead', '⑫ Won']));
    const otherCircled = await renderPipelineChart(enUS, stagesNamed(['⑬ Lead', '⑭ Won']));
    expect(circled.png.equals(otherCircled.png)).toBe(false);
  });

  it('does not take missing-glyph boxes for Chinese text', () => {
    // DejaVu Sans alone has no Chinese glyphs: it draws boxes, which produce pixels all the same.
    const latinOnly = (packagedFontFiles() ?? []).filter((f) => f.includes('dejavu'));
    const font = detectChartFont({ packagedFiles: latinOnly });
    expect(font.textRendered).toBe(true);
    expect(font.cjkRendered).toBe(false);
  });

  it('falls back to system fonts only when the npm files are missing', () => {
    const font = detectChartFont({ packagedFiles: [] });
    for (const file of font.fontFiles) expect(file).not.toContain('node_modules');
  });

  it("draws the PNG off the app's thread, which goes on serving requests meanwhile", async () => {
    let turns = 0;
    let drawn = false;
    const turn = () => {
      turns += 1;
      if (!drawn) setImmediate(turn);
    };
    setImmediate(turn);
    const image = await renderPipelineChart(enUS, REALISTIC);
    drawn = true;
    expect(pngSize(image.png)).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT_TWO_PANELS });
    // Drawn on this thread, the whole render ran before the event loop turned once.
    expect(turns).toBeGreaterThan(1);
  });

  it('renders a realistic pipeline with weeks as a legible 1000×800 PNG', async () => {
    const image = await renderPipelineChart(enUS, REALISTIC);
    mkdirSync('test-output', { recursive: true });
    writeFileSync('test-output/digest-chart-sample.png', image.png);

    expect(pngSize(image.png)).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT_TWO_PANELS });
    expect(image.width).toBe(1000);
    expect(image.height).toBe(800);
    expect(image.png.length).toBeGreaterThan(10 * 1024);
    expect(image.png.length).toBeLessThan(1024 * 1024);
    expect(image.textRendered).toBe(true);

    for (const stage of STAGES) expect(image.svg).toContain(`>${stage.label}<`);
    for (const week of WEEKS) expect(image.svg).toContain(`>${week.label}<`);
    expect(image.svg).toContain('Open pipeline by stage');
    expect(image.svg).toContain('Won vs lost, last 8 weeks');
    expect(image.svg).toContain('Estimated value');
    expect(image.svg).toContain('Weighted value');
    // Bar labels and axis ticks in compact currency.
    for (const text of ['$1.3M', '$840.5K', '$12.5K', '$11.3K', '$71.1K', '$900K', '$0']) {
      expect(image.svg).toContain(`>${text}<`);
    }
    // White background, no animation leftovers.
    expect(image.svg).toMatch(/<rect [^>]*fill="#ffffff"/);
    expect(image.svg).not.toContain('<animate');
  });

  it('renders the same input to byte-identical output', async () => {
    const first = await renderPipelineChart(enUS, REALISTIC);
    const second = await renderPipelineChart(enUS, REALISTIC);
    expect(second.svg).toBe(first.svg);
    expect(second.png.equals(first.png)).toBe(true);
  });

  it('renders one panel at 1000×500 without weeks', async () => {
    const image = await renderPipelineChart(enUS, { title: 'Pipeline', currency: 'EUR', stages: STAGES });
    expect(pngSize(image.png)).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT_ONE_PANEL });
    expect(image.svg).toContain('>€840.5K<');
    expect(image.svg).not.toContain('Won vs lost');
  });

  it('says "No open opportunities" for an empty pipeline instead of drawing an empty axis', async () => {
    for (const stages of [[], STAGES.map((s) => ({ ...s, estimated: dec(0), weighted: dec(0) }))]) {
      const image = await renderPipelineChart(enUS, { title: 'Pipeline', currency: 'USD', stages });
      expect(pngSize(image.png)).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT_ONE_PANEL });
      expect(image.svg).toContain(NO_OPEN_OPPORTUNITIES);
      expect(image.svg).not.toContain('>Prospecting<');
      expect(image.png.length).toBeGreaterThan(1024);
    }
  });

  it('keeps the weeks panel when the pipeline is empty', async () => {
    const image = await renderPipelineChart(enUS, { title: 'Pipeline', currency: 'USD', stages: [], weeks: WEEKS });
    expect(image.height).toBe(CHART_HEIGHT_TWO_PANELS);
    expect(image.svg).toContain(NO_OPEN_OPPORTUNITIES);
    expect(image.svg).toContain('>$71.1K<');
  });

  it('escapes labels that are not valid XML text', async () => {
    const image = await renderPipelineChart(enUS, {
      title: 'R&D <pipeline>',
      currency: 'USD',
      stages: [{ label: 'Lead & <new>', estimated: dec(5000), weighted: dec(1000) }],
    });
    expect(image.svg).toContain('R&amp;D &lt;pipeline&gt;');
    expect(image.svg).not.toContain('<new>');
    expect(pngSize(image.png).width).toBe(CHART_WIDTH);
  });

  it('still returns a PNG, flagged, when no font can be loaded', async () => {
    const noFont: ChartFont = {
      family: 'No Such Font',
      cjkFamily: 'No Such Font',
      fontFiles: [],
      cjkFontFiles: [],
      loadSystemFonts: false,
      textRendered: false,
      cjkRendered: false,
    };
    const image = await renderPipelineChart(enUS, REALISTIC, { font: noFont });
    expect(image.textRendered).toBe(false);
    expect(pngSize(image.png)).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT_TWO_PANELS });
  });

  it('shows every stage label in full, however many stages and however long their descriptions', async () => {
    const long = 'Initial contact and discovery call with the purchasing department of the customer';
    const stages = Array.from({ length: 14 }, (_, i) => ({
      label: `FIRM ${i + 1} · ${i === 0 ? long : `Stage description number ${i + 1}`}`,
      estimated: dec(10000 * (i + 1)),
      weighted: dec(1000 * (i + 1)),
    }));
    const image = await renderPipelineChart(enUS, { title: 'Pipeline', currency: 'USD', stages, weeks: WEEKS });
    const drawn = [...image.svg.matchAll(/>([^<>]+)</g)].map((m) => m[1]).join(' ');
    expect(drawn).not.toContain('…');
    for (const stage of stages) {
      for (const word of stage.label.split(' ')) expect(drawn).toContain(word);
    }
    expect(drawn.replace(/\s+/g, ' ')).toContain(long);
    // Fourteen stages do not fit the usual height: the chart grows instead of cutting labels.
    expect(image.height).toBeGreaterThan(CHART_HEIGHT_TWO_PANELS);
    expect(pngSize(image.png)).toEqual({ width: CHART_WIDTH, height: image.height });
  });
});

describe('Chinese text in the chart', () => {
  const chinese = (stageWords: [string, string, string], title: string): PipelineChartInput => ({
    title,
    currency: 'CNY',
    stages: stageWords.map((word, i) => ({ label: `${i + 1} · ${word}`, estimated: dec(50000), weighted: dec(10000) })),
    weeks: WEEKS.slice(0, 2).map((w, i) => ({ ...w, label: `12月${i + 1}日` })),
  });
  const first = chinese(['阶段', '销售周期', '已赢'], '销售周期');
  // The same layout with other Chinese characters: same counts, same widths.
  const second = chinese(['报价', '谈判合同', '已输'], '客户报价');

  it('draws the Chinese glyphs themselves, not boxes', async () => {
    const a = await renderPipelineChart(enUS, first);
    const b = await renderPipelineChart(enUS, second);
    expect(a.svg).toContain('>1 · 阶段<');
    expect(a.textRendered).toBe(true);
    // Missing-glyph boxes look alike whatever the character, so only real glyphs tell the two apart.
    expect(a.png.equals(b.png)).toBe(false);
  });

  it('draws Japanese stage names in a chart without Chinese characters with their glyphs, not boxes', async () => {
    const kana = await renderPipelineChart(enUS, stagesNamed(['ひらがな', 'カタカナ']));
    const otherKana = await renderPipelineChart(enUS, stagesNamed(['さくらだ', 'テストだ']));
    expect(kana.png.equals(otherKana.png)).toBe(false);
  });

  it('writes Chinese charts, and charts for a Chinese reader, with the CJK family first', async () => {
    const cjkFirst = /font-family:Noto Sans S Chinese, DejaVu Sans;/;
    expect((await renderPipelineChart(enUS, first)).svg).toMatch(cjkFirst);
    expect((await renderPipelineChart(presenterFor('zh-CN'), REALISTIC)).svg).toMatch(cjkFirst);
    const latin = (await renderPipelineChart(enUS, REALISTIC)).svg;
    expect(latin).toMatch(/font-family:DejaVu Sans, Noto Sans S Chinese;/);
    expect(latin).not.toMatch(cjkFirst);
  });

  it('reports the text as not drawn, and draws boxes, without the Chinese font', async () => {
    const latinOnly = detectChartFont({
      packagedFiles: (packagedFontFiles() ?? []).filter((f) => f.includes('dejavu')),
    });
    const a = await renderPipelineChart(enUS, first, { font: latinOnly });
    const b = await renderPipelineChart(enUS, second, { font: latinOnly });
    expect(a.textRendered).toBe(false);
    expect(a.png.equals(b.png)).toBe(true);
    // Latin-only charts are still fine with that font.
    expect((await renderPipelineChart(enUS, REALISTIC, { font: latinOnly })).textRendered).toBe(true);
  });
});

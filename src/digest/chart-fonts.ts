// Fonts for server-side chart rendering. resvg draws no text at all without a font (the labels just
// vanish), so the fonts ship as npm dependencies and a fresh `npm ci` renders every language with no
// system package: DejaVu Sans (`dejavu-fonts-ttf`) for Latin text and Noto Sans CJK SC, named
// "Noto Sans S Chinese" (`@embedpdf/fonts-sc`, OpenType, about 8 MB per weight, the smallest npm package
// with a full Simplified Chinese font that resvg loads) for Chinese. The SVG names both families, and resvg
// takes every glyph DejaVu lacks from the next font that has it, so mixed text renders too.
//
// Only when the npm files are missing does detection fall back to system fonts: known files first
// (Debian's fonts-dejavu-core and fonts-noto-cjk), then resvg's own system-font scan. Every
// configuration is checked with tiny probe renders: that Latin text produces pixels, and that Chinese
// text produces real glyphs (two different words draw different pixels, which a missing-glyph box does
// not). With no usable font the chart is still rendered (bars, axes, colours) and reports
// `textRendered: false`, so callers can fall back to a text-only message.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

const LATIN_PACKAGE = 'dejavu-fonts-ttf';
const CJK_PACKAGE = '@embedpdf/fonts-sc';
/** The npm packages that provide the chart's fonts. */
export const CHART_FONT_PACKAGES = [LATIN_PACKAGE, CJK_PACKAGE] as const;

export interface ChartFont {
  /** CSS font family list written into the SVG; its first family is resvg's default when files are given. */
  family: string;
  /**
   * The family list for charts with Chinese text: the CJK font first, as its Latin letters go well with
   * its Chinese ones. (resvg's fallback for a glyph the first family lacks ignores the weight, so with
   * DejaVu first, bold Chinese titles came out regular.) Same as `family` when no CJK font is known.
   */
  cjkFamily: string;
  /** Font files handed to resvg explicitly: the Latin font's, for every chart. */
  fontFiles: readonly string[];
  /**
   * The CJK font's files, handed to resvg only for a chart with text beyond the Latin font
   * (chartFontFiles): resvg reads and parses the files it is given at each render, and the npm CJK
   * files weigh about 16 MB (an English chart took 114 ms to draw with them, 62 without).
   */
  cjkFontFiles: readonly string[];
  /** Whether resvg should scan the system font folders (slower; used only when no known file exists). */
  loadSystemFonts: boolean;
  /** Whether the probe render drew Latin text with this configuration. */
  textRendered: boolean;
  /** Whether the probe render drew Chinese glyphs (not missing-glyph boxes) with this configuration. */
  cjkRendered: boolean;
}

type FontSetup = Omit<ChartFont, 'textRendered' | 'cjkRendered'>;

const LATIN_FAMILY = 'DejaVu Sans';
/** The family name inside the Noto Sans CJK SC files of `@embedpdf/fonts-sc`. */
const CJK_FAMILY = 'Noto Sans S Chinese';

/** Font files of npm packages, relative to the package's folder. */
const PACKAGE_FILES: readonly { pkg: (typeof CHART_FONT_PACKAGES)[number]; files: readonly string[] }[] = [
  { pkg: LATIN_PACKAGE, files: ['ttf/DejaVuSans.ttf', 'ttf/DejaVuSans-Bold.ttf'] },
  { pkg: CJK_PACKAGE, files: ['fonts/NotoSansHans-Regular.otf', 'fonts/NotoSansHans-Bold.otf'] },
];

const require = createRequire(import.meta.url);

/**
 * The folder of an installed package, or undefined. `@embedpdf/fonts-sc` exports only its entry point
 * (not its package.json), so the folder is found by walking up from whatever resolves.
 */
function packageFolder(pkg: string): string | undefined {
  let path: string;
  try {
    path = require.resolve(`${pkg}/package.json`);
  } catch {
    try {
      path = require.resolve(pkg);
    } catch {
      return undefined;
    }
  }
  for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && dir.endsWith(join('node_modules', pkg))) return dir;
  }
  return undefined;
}

/** The npm font files, or undefined when any is missing (a partial install falls back to the system). */
export function packagedFontFiles(): string[] | undefined {
  const files: string[] = [];
  for (const { pkg, files: relative } of PACKAGE_FILES) {
    const folder = packageFolder(pkg);
    if (folder === undefined) return undefined;
    for (const file of relative) {
      const path = join(folder, file);
      if (!existsSync(path)) return undefined;
      files.push(path);
    }
  }
  return files;
}

interface FontCandidate {
  family: string;
  regular: readonly string[];
  bold: readonly string[];
}

const SYSTEM_FAMILY_LIST =
  'DejaVu Sans, Liberation Sans, Noto Sans, Arial, Helvetica, Noto Sans CJK SC, WenQuanYi Zen Hei, sans-serif';
const SYSTEM_CJK_FAMILY_LIST =
  'Noto Sans CJK SC, WenQuanYi Zen Hei, DejaVu Sans, Liberation Sans, Noto Sans, Arial, Helvetica, sans-serif';

const FONT_ROOTS = ['/usr/share/fonts', '/usr/local/share/fonts'];

// Paths used by Debian/Ubuntu, Fedora and Alpine packages, in order of preference.
const CANDIDATES: readonly FontCandidate[] = [
  {
    family: 'DejaVu Sans',
    regular: [
      'truetype/dejavu/DejaVuSans.ttf',
      'dejavu-sans-fonts/DejaVuSans.ttf',
      'dejavu/DejaVuSans.ttf',
      'TTF/DejaVuSans.ttf',
    ],
    bold: [
      'truetype/dejavu/DejaVuSans-Bold.ttf',
      'dejavu-sans-fonts/DejaVuSans-Bold.ttf',
      'dejavu/DejaVuSans-Bold.ttf',
      'TTF/DejaVuSans-Bold.ttf',
    ],
  },
  {
    family: 'Liberation Sans',
    regular: ['truetype/liberation/LiberationSans-Regular.ttf', 'liberation-sans/LiberationSans-Regular.ttf'],
    bold: ['truetype/liberation/LiberationSans-Bold.ttf', 'liberation-sans/LiberationSans-Bold.ttf'],
  },
  {
    family: 'Noto Sans',
    regular: ['truetype/noto/NotoSans-Regular.ttf', 'noto/NotoSans-Regular.ttf'],
    bold: ['truetype/noto/NotoSans-Bold.ttf', 'noto/NotoSans-Bold.ttf'],
  },
];

/** System CJK fonts (Debian's fonts-noto-cjk, Fedora's google-noto-sans-cjk), added after the Latin font. */
const CJK_CANDIDATE: FontCandidate = {
  family: 'Noto Sans CJK SC',
  regular: ['opentype/noto/NotoSansCJK-Regular.ttc', 'google-noto-sans-cjk-vf-fonts/NotoSansCJK-VF.ttc'],
  bold: ['opentype/noto/NotoSansCJK-Bold.ttc'],
};

function firstExisting(relativePaths: readonly string[]): string | undefined {
  for (const root of FONT_ROOTS) {
    for (const relative of relativePaths) {
      const path = `${root}/${relative}`;
      if (existsSync(path)) return path;
    }
  }
  return undefined;
}

function candidateFiles(candidate: FontCandidate): string[] {
  const regular = firstExisting(candidate.regular);
  if (regular === undefined) return [];
  const bold = firstExisting(candidate.bold);
  return bold === undefined ? [regular] : [regular, bold];
}

/**
 * Text the Latin font has no glyphs for and the CJK font may: CJK radicals to the unified ideographs
 * (with kana, bopomofo and CJK punctuation), Hangul, compatibility ideographs and forms, fullwidth forms,
 * and the supplementary ideographs.
 */
const BEYOND_LATIN_FONT =
  /[\u1100-\u11FF\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u{20000}-\u{3FFFF}]/u;

/** The font files a render of `text` needs: the CJK font's only when the text has characters of its own. */
export function chartFontFiles(font: FontSetup, text: string): string[] {
  return BEYOND_LATIN_FONT.test(text) ? [...font.fontFiles, ...font.cjkFontFiles] : [...font.fontFiles];
}

/** resvg options for a font configuration, for a render of `text` (the SVG, or a probe's text). */
export function resvgFontOptions(font: FontSetup, text: string): NonNullable<ResvgRenderOptions['font']> {
  const options: NonNullable<ResvgRenderOptions['font']> = {
    loadSystemFonts: font.loadSystemFonts,
    fontFiles: chartFontFiles(font, text),
    defaultFontSize: 12,
  };
  // With explicit files the first family also stands in for the generic `sans-serif`; a system scan keeps
  // resvg's own defaults, as the list's first family may not be installed.
  const first = font.family.split(',')[0]?.trim() ?? '';
  if (!font.loadSystemFonts && first !== '') {
    options.defaultFontFamily = first;
    options.sansSerifFamily = first;
  }
  return options;
}

/** The alpha channel of a probe render of `text`, or undefined when resvg failed. */
function probeAlpha(font: FontSetup, text: string): Uint8Array | undefined {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="48" height="24">' +
    `<text x="2" y="18" style="font-size:16px;font-family:${font.family};" fill="#000">${text}</text></svg>`;
  try {
    const pixels = new Resvg(svg, { font: resvgFontOptions(font, text), logLevel: 'off' }).render().pixels;
    const alpha = new Uint8Array(pixels.length / 4);
    for (let i = 0; i < alpha.length; i++) alpha[i] = pixels[i * 4 + 3] ?? 0;
    return alpha;
  } catch {
    return undefined;
  }
}

const drewSomething = (alpha: Uint8Array | undefined): alpha is Uint8Array => alpha?.some((a) => a !== 0) ?? false;

/** Renders a couple of Latin glyphs and reports whether any pixel was drawn. */
export function probeTextRendering(font: FontSetup): boolean {
  return drewSomething(probeAlpha(font, 'Hg$5'));
}

/**
 * Renders two different Chinese words and reports whether both drew pixels that differ. A font without
 * Chinese glyphs draws the same missing-glyph boxes for both, so "some pixels" alone proves nothing.
 */
export function probeCjkRendering(font: FontSetup): boolean {
  const cjk = { ...font, family: font.cjkFamily };
  const first = probeAlpha(cjk, '阶段');
  const second = probeAlpha(cjk, '已赢');
  if (!drewSomething(first) || !drewSomething(second)) return false;
  return first.some((a, i) => a !== second[i]);
}

function probed(font: FontSetup): ChartFont {
  return { ...font, textRendered: probeTextRendering(font), cjkRendered: probeCjkRendering(font) };
}

export interface FontSources {
  /** The npm packages' font files (default: those installed); an empty list skips them. */
  packagedFiles?: readonly string[] | undefined;
}

/** Finds a usable font, preferring the npm packages' files; never throws. */
export function detectChartFont(sources: FontSources = { packagedFiles: packagedFontFiles() }): ChartFont {
  const packaged = sources.packagedFiles ?? [];
  if (packaged.length > 0) {
    const isCjk = (file: string) => file.includes(join(CJK_PACKAGE, sep));
    const font = probed({
      family: `${LATIN_FAMILY}, ${CJK_FAMILY}`,
      cjkFamily: `${CJK_FAMILY}, ${LATIN_FAMILY}`,
      fontFiles: packaged.filter((file) => !isCjk(file)),
      cjkFontFiles: packaged.filter(isCjk),
      loadSystemFonts: false,
    });
    if (font.textRendered) return font;
  }
  const cjk = candidateFiles(CJK_CANDIDATE);
  for (const candidate of CANDIDATES) {
    const files = candidateFiles(candidate);
    if (files.length === 0) continue;
    const font = probed({
      family: cjk.length > 0 ? `${candidate.family}, ${CJK_CANDIDATE.family}` : candidate.family,
      cjkFamily: cjk.length > 0 ? `${CJK_CANDIDATE.family}, ${candidate.family}` : candidate.family,
      fontFiles: files,
      cjkFontFiles: cjk,
      loadSystemFonts: false,
    });
    if (font.textRendered) return font;
  }
  // No known file: let resvg scan the system folders and take the first common sans family it finds.
  return probed({
    family: SYSTEM_FAMILY_LIST,
    cjkFamily: SYSTEM_CJK_FAMILY_LIST,
    fontFiles: [],
    cjkFontFiles: [],
    loadSystemFonts: true,
  });
}

let detected: ChartFont | undefined;

/**
 * The font used by default, detected once per process. Only the lookup is cached (it depends on the
 * machine, not on any chart), so renders stay independent of each other.
 */
export function defaultChartFont(): ChartFont {
  detected ??= detectChartFont();
  return detected;
}

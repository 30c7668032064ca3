// Fonts for server-side chart rendering. resvg draws no text at all without a font (the labels just
// vanish), so the fonts ship as npm dependencies and a fresh `npm ci` renders every language with no
// system package: DejaVu Sans (`dejavu-fonts-ttf`) for Latin text and Noto Sans CJK SC, named
// "Noto Sans S Chinese" (`@embedpdf/fonts-sc`, OpenType, about 8 MB per weight, the smallest npm package
// with a full Simplified Chinese font that resvg loads) for Chinese. The SVG names both families, and resvg
// takes every glyph DejaVu lacks from the next font that has it, so mixed text renders too. The CJK files
// (about 16 MB, read at each render) are given to resvg only for a chart with a character DejaVu lacks
// (chartFontFiles, from the fonts' own character tables).
//
// Only when the npm files are missing does detection fall back to system fonts: known files first
// (Debian's fonts-dejavu-core and fonts-noto-cjk), then resvg's own system-font scan. Every
// configuration is checked with tiny probe renders: that Latin text produces pixels, and that Chinese
// text produces real glyphs (two different words draw different pixels, which a missing-glyph box does
// not). With no usable font the chart is still rendered (bars, axes, colours) and reports
// `textRendered: false`, so callers can fall back to a text-only message.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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
   * The CJK font's files, handed to resvg only for a chart with a character the Latin font lacks
   * (chartFontFiles): resvg reads and parses the files it is given at each render, and the npm CJK
   * files weigh about 16 MB (an English chart drew in 127 ms with them, 79 without, at the median).
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

const CJK_FILES = ['fonts/NotoSansHans-Regular.otf', 'fonts/NotoSansHans-Bold.otf'];

/** Font files of npm packages, relative to the package's folder. */
const PACKAGE_FILES: readonly { pkg: (typeof CHART_FONT_PACKAGES)[number]; files: readonly string[] }[] = [
  { pkg: LATIN_PACKAGE, files: ['ttf/DejaVuSans.ttf', 'ttf/DejaVuSans-Bold.ttf'] },
  { pkg: CJK_PACKAGE, files: CJK_FILES },
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
 * The characters a font file has glyphs for, from its `cmap` table (formats 4 and 12, Unicode
 * encodings); undefined for a file that cannot be read so (a collection, say). Read once per file.
 */
function fontCharacters(file: string): ReadonlySet<number> | undefined {
  if (!charactersByFile.has(file)) {
    let characters: Set<number> | undefined;
    try {
      characters = cmapCharacters(readFileSync(file));
    } catch {
      characters = undefined;
    }
    charactersByFile.set(file, characters);
  }
  return charactersByFile.get(file);
}
const charactersByFile = new Map<string, ReadonlySet<number> | undefined>();

function cmapCharacters(font: Buffer): Set<number> | undefined {
  const tables = font.readUInt16BE(4);
  let cmap: number | undefined;
  for (let i = 0; i < tables; i++) {
    const record = 12 + 16 * i;
    if (font.toString('latin1', record, record + 4) === 'cmap') cmap = font.readUInt32BE(record + 8);
  }
  if (cmap === undefined) return undefined;
  // The Unicode subtables: full repertoire (format 12) when there is one, else the basic plane (format 4).
  const subtables: number[] = [];
  for (let i = 0; i < font.readUInt16BE(cmap + 2); i++) {
    const record = cmap + 4 + 8 * i;
    const platform = font.readUInt16BE(record);
    const encoding = font.readUInt16BE(record + 2);
    if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))) {
      subtables.push(cmap + font.readUInt32BE(record + 4));
    }
  }
  const format = (at: number) => font.readUInt16BE(at);
  const full = subtables.find((at) => format(at) === 12);
  const basic = subtables.find((at) => format(at) === 4);
  const characters = new Set<number>();
  if (full !== undefined) {
    for (let g = 0, groups = font.readUInt32BE(full + 12); g < groups; g++) {
      const group = full + 16 + 12 * g;
      const first = font.readUInt32BE(group);
      const firstGlyph = font.readUInt32BE(group + 8);
      for (let c = first; c <= font.readUInt32BE(group + 4); c++) if (firstGlyph + (c - first) !== 0) characters.add(c);
    }
    return characters;
  }
  if (basic === undefined) return undefined;
  const segments = font.readUInt16BE(basic + 6) / 2;
  const ends = basic + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let s = 0; s < segments; s++) {
    const start = font.readUInt16BE(starts + 2 * s);
    const end = font.readUInt16BE(ends + 2 * s);
    const delta = font.readUInt16BE(deltas + 2 * s);
    const rangeOffset = font.readUInt16BE(rangeOffsets + 2 * s);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const raw = font.readUInt16BE(rangeOffsets + 2 * s + rangeOffset + 2 * (c - start));
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) characters.add(c);
    }
  }
  return characters;
}

/**
 * The font files a render of `text` needs: the CJK font's only when the text has a character the Latin
 * font's files have no glyph for (whitespace and control characters aside), or when their characters
 * cannot be read.
 */
export function chartFontFiles(font: FontSetup, text: string): string[] {
  return font.cjkFontFiles.length > 0 && hasCharacterBeyond(font.fontFiles, text)
    ? [...font.fontFiles, ...font.cjkFontFiles]
    : [...font.fontFiles];
}

/** Whether `text` has a character none of `files` draws (true when one file's characters cannot be read). */
function hasCharacterBeyond(files: readonly string[], text: string): boolean {
  const tables = files.map(fontCharacters);
  if (tables.some((characters) => characters === undefined)) return true;
  for (const character of text) {
    const c = character.codePointAt(0) ?? 0;
    if (c > 0x20 && !tables.some((characters) => characters?.has(c))) return true;
  }
  return false;
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
    const isCjk = (file: string) => CJK_FILES.some((relative) => file.endsWith(join(CJK_PACKAGE, relative)));
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

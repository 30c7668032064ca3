// Fonts for server-side chart rendering. resvg draws no text at all without a font (the labels just
// vanish), and neither echarts nor any installed npm package ships a TTF/OTF, so charts rely on a system
// font. On Debian the font comes from the package `fonts-dejavu-core` (DejaVu Sans); it is part of the
// machine image here, and `apt-get install -y fonts-dejavu-core` provides it anywhere else.
//
// Detection looks for a known font file first (fast: resvg loads one file instead of scanning every
// system font), falls back to resvg's own system-font scan, and checks with a tiny probe render that
// text really produces pixels. With no usable font the chart is still rendered (bars, axes, colours)
// and reports `textRendered: false`, so callers can fall back to a text-only message.
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

/** The Debian package that provides the font the charts are designed for. */
export const CHART_FONT_DEBIAN_PACKAGE = 'fonts-dejavu-core';

export interface ChartFont {
  /** CSS font family written into the SVG and used by resvg as the default family. */
  family: string;
  /** Font files handed to resvg explicitly. */
  fontFiles: readonly string[];
  /** Whether resvg should scan the system font folders (slower; used only when no known file exists). */
  loadSystemFonts: boolean;
  /** Whether the probe render drew text with this configuration. */
  textRendered: boolean;
}

interface FontCandidate {
  family: string;
  regular: readonly string[];
  bold: readonly string[];
}

const SYSTEM_FAMILY_LIST = 'DejaVu Sans, Liberation Sans, Noto Sans, Arial, Helvetica, sans-serif';

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

function firstExisting(relativePaths: readonly string[]): string | undefined {
  for (const root of FONT_ROOTS) {
    for (const relative of relativePaths) {
      const path = `${root}/${relative}`;
      if (existsSync(path)) return path;
    }
  }
  return undefined;
}

/** resvg options for a font configuration. */
export function resvgFontOptions(font: ChartFont): NonNullable<ResvgRenderOptions['font']> {
  const options: NonNullable<ResvgRenderOptions['font']> = {
    loadSystemFonts: font.loadSystemFonts,
    fontFiles: [...font.fontFiles],
    defaultFontSize: 12,
  };
  // A single family name (not a CSS list) also stands in for the generic `sans-serif`.
  if (!font.family.includes(',')) {
    options.defaultFontFamily = font.family;
    options.sansSerifFamily = font.family;
  }
  return options;
}

/** Renders a couple of glyphs and reports whether any pixel was drawn. */
export function probeTextRendering(font: Omit<ChartFont, 'textRendered'>): boolean {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="48" height="24">' +
    `<text x="2" y="18" style="font-size:16px;font-family:${font.family};" fill="#000">Hg$5</text></svg>`;
  try {
    const rendered = new Resvg(svg, {
      font: resvgFontOptions({ ...font, textRendered: false }),
      logLevel: 'off',
    }).render();
    const pixels = rendered.pixels;
    // RGBA: any non-transparent pixel means a glyph was drawn.
    for (let i = 3; i < pixels.length; i += 4) {
      if (pixels[i] !== 0) return true;
    }
    return false;
  } catch {
    return false;
  }
}

/** Finds a usable font on this machine; never throws. */
export function detectChartFont(): ChartFont {
  for (const candidate of CANDIDATES) {
    const regular = firstExisting(candidate.regular);
    if (regular === undefined) continue;
    const bold = firstExisting(candidate.bold);
    const font = {
      family: candidate.family,
      fontFiles: bold === undefined ? [regular] : [regular, bold],
      loadSystemFonts: false,
    };
    if (probeTextRendering(font)) return { ...font, textRendered: true };
  }
  // No known file: let resvg scan the system folders and take the first common sans family it finds.
  const system = { family: SYSTEM_FAMILY_LIST, fontFiles: [], loadSystemFonts: true };
  return { ...system, textRendered: probeTextRendering(system) };
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

// Vega-Lite to SVG on the server: a chart is a declaration (a Vega-Lite spec), compiled and rendered headless by
// Vega itself. The SVG's own ARIA is switched off; the page or document gives it one name and a text alternative.
import escapeHtml from 'escape-html';
import type * as Vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import type { Language } from '../../core/contracts';

/** Okabe and Ito's colours, told apart by readers with any colour vision, each at least 3:1 against white. */
export const PALETTE = ['#0072B2', '#D55E00', '#007A5E', '#000000', '#CC79A7'];
const FONT = 'Roboto, Arial, sans-serif';

const LOCALES: Record<Language, object> = {
  fi: { number: { decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', '\u00a0€'] } },
  sv: { number: { decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', '\u00a0€'] } },
  en: { number: { decimal: '.', thousands: ',', grouping: [3], currency: ['€', ''] } },
};

/** The spec's look, the same in every chart: fonts, sizes, no ARIA of Vega's own. */
export const CHART_CONFIG = {
  font: FONT,
  aria: false,
  background: 'white',
  axis: { labelFontSize: 12, titleFontSize: 12, labelColor: '#222', titleColor: '#222', gridColor: '#ddd' },
  legend: {
    labelFontSize: 12,
    titleFontSize: 12,
    labelColor: '#222',
    labelLimit: 400,
    orient: 'bottom',
    direction: 'vertical',
  },
  header: { labelFontSize: 12, labelColor: '#222' },
  view: { stroke: '#bbb' },
} as const;

/** The chart as an SVG image, its title inside it (a reader opening the image alone has its name). */
export async function renderChart(spec: TopLevelSpec, language: Language, title: string): Promise<string> {
  // Imported when first drawn: Vega is an ES module that awaits at its top level, which require() cannot load.
  const [vega, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new vega.View(vega.parse(compile({ ...spec, config: CHART_CONFIG } as TopLevelSpec).spec), {
    renderer: 'none',
    locale: LOCALES[language],
  } as Vega.ViewOptions);
  try {
    // Vega's own roles and descriptions of each mark are dropped: the chart is one image with one text alternative.
    const svg = (await view.toSVG()).replace(/ (role|aria-[a-z]+)="[^"]*"/g, '');
    return svg.replace(/^<svg([^>]*)>/, `<svg$1><title>${escapeHtml(title)}</title>`);
  } finally {
    view.finalize();
  }
}

/** A chart drawn, with its text alternative: a caption, the same figures in sentences and as a table. */
export interface Chart {
  svg: string;
  caption: string;
  sentences: string[];
  table: { header: string[]; rows: string[][] };
}

/** The SVG as one image of the page, named and described by the page's elements of these ids. */
export const labelledSvg = (svg: string, ids: { labelledBy: string; describedBy: string }): string =>
  svg.replace(
    /^<svg/,
    `<svg role="img" focusable="false" aria-labelledby="${ids.labelledBy}" aria-describedby="${ids.describedBy}"`,
  );

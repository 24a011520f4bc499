// What a goal's chart is made of: numbers read from what people wrote, the course of a goal, the chart's series and
// its text alternative in each language, the SVG's one name, and the PNG a document carries beside it.
import { describe, expect, it } from 'vitest';
import { chartImage } from '../../client/charts/chart-image';
import { courseOverview } from '../../client/charts/course-overview';
import { goalChart, hasFigures, type GoalFigures } from '../../client/charts/goal-chart';
import { courseOf, figureIn, thlIndicatorIn, yearOfPeriod } from '../../core/domain/goal-figures';

const figures: GoalFigures = {
  goal: 'Ikäihmisten liikkuminen lisääntyy',
  indicator: 'Liikuntaa harrastavien osuus (%)',
  own: [
    { year: 2025, text: '31', status: null },
    { year: 2026, text: '33,5', status: 'on_track' },
    { year: 2027, text: 'noin 35 %', status: 'delayed' },
  ],
  target: { year: 2029, text: '40' },
  thl: {
    id: 4420,
    title: 'Liikunta (testi)',
    series: [
      { region: 'Sipoo', points: [{ year: 2025, value: 34.25 }] },
      { region: 'Itä-Uudenmaan hyvinvointialue', points: [] },
    ],
  },
};

describe('figures in what people wrote', () => {
  it('reads the first number in Finnish or English notation, and nothing from text without one', () => {
    expect(figureIn('31')).toBe(31);
    expect(figureIn('31,5 %')).toBe(31.5);
    expect(figureIn('12.25')).toBe(12.25);
    expect(figureIn('n. 1 200 henkeä')).toBe(1200);
    expect(figureIn('-3,5')).toBe(-3.5);
    expect(figureIn('ei mitattu')).toBeNull();
    expect(figureIn(undefined)).toBeNull();
  });

  it("names a period's first year, a goal's course by its latest status, and the indicator a field names", () => {
    expect(yearOfPeriod('2027')).toBe(2027);
    expect(yearOfPeriod('2025-2029')).toBe(2025);
    expect(courseOf([])).toBe('not-reported');
    expect(courseOf([{ status: 'delayed' }, { status: 'achieved' }])).toBe('on-course');
    expect(courseOf([{ status: 'on_track' }, { status: 'delayed' }])).toBe('off-course');
    expect(courseOf([{ status: 'dropped' }])).toBe('dropped');
    expect(thlIndicatorIn('4420')).toBe(4420);
    expect(thlIndicatorIn(' 4420 Liikunta')).toBe(4420);
    expect(thlIndicatorIn('liikunta')).toBeNull();
  });
});

describe("a goal's chart", () => {
  it('says every figure in words and as a table, in the reader’s notation, a figure with words as written', async () => {
    const chart = await goalChart(figures, 'fi');
    expect(chart.caption).toBe('Ikäihmisten liikkuminen lisääntyy – mittari: Liikuntaa harrastavien osuus (%)');
    expect(chart.sentences).toEqual([
      'Omat luvut: 2025: 31 (lähtötaso); 2026: 33,5 (etenee); 2027: noin 35 % (viivästynyt).',
      'Tavoite: 40 vuonna 2029.',
      'THL:n indikaattori 4420: Liikunta (testi).',
      'THL, Sipoo: 2025: 34,25.',
    ]);
    expect(chart.table.header).toEqual([
      'Vuosi',
      'Oma luku',
      'THL: Sipoo',
      'THL: Itä-Uudenmaan hyvinvointialue',
      'Tavoite',
    ]);
    expect(chart.table.rows).toEqual([
      ['2025', '31 (lähtötaso)', '34,25', '', ''],
      ['2026', '33,5 (etenee)', '', '', ''],
      ['2027', 'noin 35 % (viivästynyt)', '', '', ''],
      ['2029', '', '', '', '40'],
    ]);
    const english = await goalChart(figures, 'en');
    expect(english.sentences[0]).toBe(
      'Own figures: 2025: 31 (baseline); 2026: 33.5 (on track); 2027: noin 35 % (delayed).',
    );
  });

  it('draws each series it names, as one image with its title, and no role or description of Vega’s own', async () => {
    const { svg } = await goalChart(figures, 'sv');
    expect(svg).toMatch(/^<svg [^>]*><title>Ikäihmisten liikkuminen lisääntyy – indikator: /);
    for (const legend of ['Eget värde', 'THL: Sipoo', 'Mål 2029']) expect(svg).toContain(`>${legend}</text>`);
    // The county's series has no values: not drawn, not named.
    expect(svg).not.toContain('Itä-Uudenmaan hyvinvointialue</text>');
    expect(svg).not.toMatch(/ role=|aria-/);
    // The y axis in Swedish notation: a decimal comma on its ticks.
    const small = await goalChart(
      { ...figures, own: [{ year: 2025, text: '12', status: null }], target: { year: 2027, text: '8' }, thl: null },
      'sv',
    );
    expect(small.svg).toContain('>8,5</text>');
    expect(small.svg).not.toMatch(/>\d+\.\d<\/text>/);
  });

  it('keeps what people wrote text in the SVG: a goal, an indicator or a name cannot become markup', async () => {
    const { svg } = await goalChart(
      {
        ...figures,
        goal: '<b>tavoite</b>',
        indicator: '</text><image href="x" onerror="alert(1)"/><text>',
        thl: { id: 1, title: null, series: [{ region: 'A & <B>', points: [{ year: 2025, value: 3 }] }] },
      },
      'fi',
    );
    expect(svg).not.toMatch(/<image|<b>|<B>/);
    expect(svg).toContain('&lt;b&gt;tavoite&lt;/b&gt;');
    expect(svg).toContain('THL: A &amp; &lt;B&gt;');
  });

  it('says when THL’s figures of a linked indicator have not been fetched, and has nothing to draw without numbers', async () => {
    const unfetched = { ...figures, thl: { id: 4420, title: null, series: [] } };
    const { sentences } = await goalChart(unfetched, 'en');
    expect(sentences).toContain('The figures of THL indicator 4420 have not been fetched yet.');
    expect(sentences).not.toContain('THL indicator 4420: 4420.');
    expect(hasFigures({ ...figures, own: [{ year: 2025, text: 'hyvä', status: null }], target: null, thl: null })).toBe(
      false,
    );
  });

  it('is carried by a document as an SVG and a PNG of it, sized to fit the page', async () => {
    const image = await chartImage((await goalChart(figures, 'fi')).svg);
    expect(image.png.subarray(1, 4).toString()).toBe('PNG');
    expect(image.width).toBeLessThanOrEqual(600);
    expect(image.height).toBeGreaterThan(100);
  });
});

describe("the county's goals by course", () => {
  it('counts each party’s goals on and off course, and names them in the table', async () => {
    const overview = await courseOverview(
      [
        {
          party: '753 Sipoo',
          goals: [
            { goal: 'A', statuses: [{ status: 'on_track' }] },
            { goal: 'B', statuses: [] },
          ],
        },
        { party: '638 Porvoo', goals: [{ goal: 'C', statuses: [{ status: 'delayed' }] }] },
      ],
      'Itä-Uudenmaan hyvinvointialue',
      'fi',
    );
    expect(overview.sentences).toEqual([
      '753 Sipoo: Etenee 1, Viivästynyt 0, Luovuttu 0, Ei raportoitu 1.',
      '638 Porvoo: Etenee 0, Viivästynyt 1, Luovuttu 0, Ei raportoitu 0.',
    ]);
    expect(overview.table.rows[0]).toEqual(['753 Sipoo', '1: A', '0', '0', '1: B']);
    expect(overview.svg).toContain('>753 Sipoo</text>');
  });
});

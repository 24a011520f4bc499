// `npm run bench:charts`: how long the goals' charts take to draw, and how large they are, for a county's follow-up
// page and its goals register — a county of 20 municipalities with 6 goals each (`--goals N` for another count),
// every goal with THL's figures beside its own. Prints the figures docs/performance.md quotes.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { chartParagraphs, documentChart } from '../../client/charts/chart-image';
import { goalChart, type GoalFigures } from '../../client/charts/goal-chart';
import { Document, Packer } from 'docx';

const { values } = parseArgs({ options: { goals: { type: 'string', default: '120' } } });
const count = Number(values.goals);
const series = (from: number) => Array.from({ length: 8 }, (_, i) => ({ year: 2018 + i, value: from + i * 0.6 }));
const goals: GoalFigures[] = Array.from({ length: count }, (_, i) => ({
  goal: `Tavoite ${i + 1}: liikkuminen lisääntyy`,
  indicator: 'Liikuntaa harrastavien osuus (%)',
  own: [
    { year: 2025, text: '31', status: null },
    { year: 2026, text: '33,5', status: 'on_track' },
    { year: 2027, text: '35', status: 'delayed' },
  ],
  target: { year: 2029, text: '40' },
  thl: {
    id: 4420,
    title: 'Vapaa-ajallaan liikuntaa harrastavat, %',
    series: [
      { region: `Kunta ${i % 20}`, points: series(30 + (i % 7)) },
      { region: 'Hyvinvointialue', points: series(31) },
    ],
  },
}));

async function main(): Promise<void> {
  // The first chart loads Vega and Vega-Lite: timed apart from the rest.
  let started = performance.now();
  await goalChart(goals[0]!, 'fi');
  const first = performance.now() - started;
  started = performance.now();
  const charts = [];
  for (const g of goals) charts.push(await goalChart(g, 'fi'));
  const page = performance.now() - started;
  const svgBytes = charts.reduce((n, c) => n + c.svg.length, 0);
  const rssPage = process.memoryUsage().rss;
  started = performance.now();
  const drawn = [];
  for (const chart of charts) drawn.push(await documentChart(chart));
  const docx = await Packer.toBuffer(
    new Document({ sections: [{ children: drawn.flatMap((c) => chartParagraphs(c, { table: true })) }] }),
  );
  const document = performance.now() - started;
  const rss = process.memoryUsage().rss;
  console.log(`${count} goal charts (Node ${process.version}, ${new Date().toISOString().slice(0, 10)}):`);
  console.log(`  first chart, loading Vega:         ${first.toFixed(0)} ms`);
  console.log(`  every chart for the follow-up page: ${page.toFixed(0)} ms (${(page / count).toFixed(1)} ms a chart)`);
  console.log(
    `  SVG on the page:                   ${(svgBytes / 1024).toFixed(0)} KiB (${(svgBytes / count / 1024).toFixed(1)} KiB a chart)`,
  );
  console.log(
    `  Word document with their PNGs:     ${document.toFixed(0)} ms, ${(docx.length / 1024 / 1024).toFixed(1)} MiB`,
  );
  console.log(`  resident memory after the page:    ${(rssPage / 1024 / 1024).toFixed(0)} MiB`);
  console.log(`  resident memory after the document: ${(rss / 1024 / 1024).toFixed(0)} MiB`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

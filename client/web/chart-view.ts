// A chart on a page: the SVG named by its caption and described by its summary, and the same figures as a table
// under it (open it to read). The caption, summary and table are the chart's text alternative.
import { labelledSvg, type Chart } from '../charts/render';
import { html, SafeHtml } from './html';

export function chartFigure(chart: Chart, id: string, figuresLabel: string): SafeHtml {
  const svg = labelledSvg(chart.svg, { labelledBy: `${id}-caption`, describedBy: `${id}-summary` });
  return html`<figure class="chart" id="${id}">
    ${new SafeHtml(svg)}
    <figcaption id="${id}-caption">${chart.caption}</figcaption>
    <p id="${id}-summary">${chart.sentences.join(' ')}</p>
    <details><summary>${figuresLabel}</summary><table><thead><tr>${chart.table.header.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead><tbody>${chart.table.rows.map(
      ([first, ...rest]) => html`<tr><th scope="row">${first}</th>${rest.map((c) => html`<td>${c}</td>`)}</tr>`,
    )}</tbody></table></details>
  </figure>`;
}

// The cycle page's record of what was said: per phase, every party's latest answer with its earlier versions and
// marks, and the meeting's minutes and attendees.
import type { AnswerRow, meetingRecord } from '../../db/answers';
import type { AgendaEntry } from '../../workflows/contracts';
import { agendaName } from '../../activities/domain/cycle-templates';
import { areasIn, groupAnswers, helsinkiTime, marks } from '../answers';
import { html, type SafeHtml } from './html';

const text = (t: string) => html`<div class="said">${t}</div>`;

const GOAL_COLUMNS = [
  ['goal', 'Goal'],
  ['measure', 'Measure'],
  ['indicator', 'Indicator'],
  ['baseline', 'Baseline'],
  ['target', 'Target'],
  ['targetYear', 'Year'],
  ['responsible', 'Responsible'],
  ['partyPerson', "Party's person"],
  ['countyPerson', "County's person"],
] as const;

function version(v: AnswerRow, agenda: AgendaEntry[]): SafeHtml {
  const m = marks(v);
  return html`<p class="muted">${v.participantName} &lt;${v.participantEmail}&gt;, ${helsinkiTime(v.at)}${m.length ? html` – <strong>${m.join(', ')}</strong>` : ''}</p>${v.text ? text(v.text) : ''}
    ${areasIn(v, agenda, 'en').map(
      (a) =>
        html`<h4>${a.name}</h4>${a.text ? text(a.text) : ''}${
          a.goals?.length
            ? html`<table class="goals"><tr>${GOAL_COLUMNS.map(([, label]) => html`<th scope="col">${label}</th>`)}</tr>${a.goals.map((g) => html`<tr>${GOAL_COLUMNS.map(([key]) => html`<td>${g[key] ?? ''}</td>`)}</tr>`)}</table>`
            : ''
        }`,
    )}`;
}

/** `phases`: every phase key of the cycle, for the filter; `selected`: the one shown. */
/** `area`: one agenda item only (its index), or every answer whole when undefined. */
export function answersSection(
  cycleId: string,
  rows: AnswerRow[],
  phases: string[],
  selected: string,
  agenda: AgendaEntry[],
  area?: number,
): SafeHtml {
  const inPhase = rows.filter((r) => r.phaseKey === selected);
  // Filtered by an agenda item: what each party said there, and nothing else.
  const shown =
    area === undefined
      ? inPhase
      : inPhase
          .filter((r) => r.areas.some((a) => a.area === area))
          .map((r) => ({ ...r, text: '', areas: r.areas.filter((a) => a.area === area) }));
  const [phase] = groupAnswers(shown);
  const here = `/cycles/${encodeURIComponent(cycleId)}?phase=${encodeURIComponent(selected)}`;
  const areaLinks = agenda.length
    ? html`<nav class="phases" aria-label="Agenda item">${
        area === undefined
          ? html`<strong aria-current="page">every item</strong>`
          : html`<a href="${here}#answers">every item</a>`
      }${agenda.map((item, i) =>
        i === area
          ? html` · <strong aria-current="page">${agendaName(item, 'en')}</strong>`
          : html` · <a href="${here}&amp;area=${String(i)}#answers">${agendaName(item, 'en')}</a>`,
      )}</nav>`
    : '';
  const link = (key: string) =>
    key === selected
      ? html`<strong aria-current="page">${key}</strong>`
      : html`<a href="/cycles/${encodeURIComponent(cycleId)}?phase=${encodeURIComponent(key)}#answers">${key}</a>`;
  return html`<h2 id="answers">What the parties said</h2>
    <nav class="phases" aria-label="Phase">${phases.map((key, i) => html`${i ? ' · ' : ''}${link(key)}`)}</nav>
    ${areaLinks}
    <p class="muted">Download: <a href="/cycles/${encodeURIComponent(cycleId)}/answers.csv">every answer (CSV)</a> · <a href="/cycles/${encodeURIComponent(cycleId)}/goals.csv">goals register (CSV)</a> · the county's follow-up report (<a href="/cycles/${encodeURIComponent(cycleId)}/follow-up">page</a>, <a href="/cycles/${encodeURIComponent(cycleId)}/follow-up.csv">CSV</a>) · statement summary (Word): <a href="/cycles/${encodeURIComponent(cycleId)}/summary.docx?lang=fi" hreflang="fi">suomeksi</a>, <a href="/cycles/${encodeURIComponent(cycleId)}/summary.docx?lang=sv" hreflang="sv">på svenska</a></p>
    ${
      phase
        ? phase.parties.map(
            (
              p,
            ) => html`<section class="party-answer"><h3>${p.partyCode} ${p.partyName}</h3>${version(p.versions[0]!, agenda)}
            ${p.versions.length > 1 ? html`<details><summary>${p.versions.length - 1} earlier ${p.versions.length === 2 ? 'version' : 'versions'}</summary>${p.versions.slice(1).map((v) => version(v, agenda))}</details>` : ''}</section>`,
          )
        : html`<p class="muted">No answers in ${selected} yet.</p>`
    }`;
}

export function meetingSection(record: Awaited<ReturnType<typeof meetingRecord>>): SafeHtml {
  if (!record.minutes && !record.attendees.length) return html``;
  return html`<h2>The meeting</h2>
    ${
      record.minutes
        ? html`<h3>Minutes</h3><p class="muted">Recorded by ${record.minutes.recordedBy}, ${helsinkiTime(record.minutes.recordedAt)}</p>
          <ol>${record.minutes.items.map((i) => html`<li value="${i.number}"><strong>${i.title}</strong>: ${i.conclusion}</li>`)}</ol>`
        : ''
    }
    ${
      record.attendees.length
        ? html`<h3>Attendees</h3><table><tr><th scope="col">Party</th><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Organisation</th><th scope="col">From</th></tr>
          ${record.attendees.map((a) => html`<tr><td>${a.partyCode}</td><td>${a.name}</td><td>${a.role}</td><td>${a.organisation}</td><td>${a.source === 'minutes' ? 'the minutes' : 'registration'}</td></tr>`)}</table>`
        : ''
    }`;
}

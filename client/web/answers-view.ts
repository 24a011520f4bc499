// The cycle page's record of what was said: per phase, every party's latest answer with its earlier versions and
// marks, and the meeting's minutes and attendees.
import type { AnswerRow, meetingRecord } from '../../db/answers';
import type { AgendaEntry, Language, MeetingInfo } from '../../core/contracts';
import { agendaName } from '../../core/domain/cycle-templates';
import { areasIn, groupAnswers, helsinkiTime } from '../answers';
import { attachmentList } from './document-view';
import { GOAL_FIELDS } from './words/page-words';
import { html, type SafeHtml } from './html';
import type { StaffReader } from './session';
import type { StaffWords } from './words/staff-words';

const text = (t: string) => html`<div class="said">${t}</div>`;

/** Late, on behalf, no comments, a decision: the marks a reader needs beside the text, in the reader's words. */
function marksIn(w: StaffWords, row: AnswerRow): string[] {
  return [
    ...(row.kind === 'no_comments' ? [w.answers.marks.noComments] : []),
    ...(row.kind === 'approved' || row.kind === 'rejected' ? [w.task[row.kind]] : []),
    ...(row.late ? [w.answers.marks.late] : []),
    ...(row.onBehalfBy ? [w.answers.marks.onBehalf(row.onBehalfBy)] : []),
  ];
}

function version(w: StaffWords, lang: Language, cycleId: string, v: AnswerRow, agenda: AgendaEntry[]): SafeHtml {
  const m = marksIn(w, v);
  const file = (sha256: string) => `/cycles/${encodeURIComponent(cycleId)}/attachments/${sha256}`;
  return html`<p class="muted">${v.participantName} &lt;${v.participantEmail}&gt;, ${helsinkiTime(v.at)}${m.length ? html` – <strong>${m.join(', ')}</strong>` : ''}</p>${v.text ? text(v.text) : ''}${attachmentList(v.attachments, file)}
    ${areasIn(v, agenda, lang).map(
      (a) =>
        html`<h4>${a.name}</h4>${a.text ? text(a.text) : ''}${
          a.goals?.length
            ? html`<table class="goals"><tr>${GOAL_FIELDS.map((key) => html`<th scope="col">${w.answers.goalColumns[key]}</th>`)}</tr>${a.goals.map((g) => html`<tr>${GOAL_FIELDS.map((key) => html`<td>${g[key] ?? ''}</td>`)}</tr>`)}</table>`
            : ''
        }`,
    )}`;
}

/** `phases`: every phase key of the cycle, for the filter; `selected`: the one shown. */
/** `area`: one agenda item only (its index), or every answer whole when undefined. */
export function answersSection(
  reader: Pick<StaffReader, 'w' | 'lang'>,
  cycleId: string,
  rows: AnswerRow[],
  phases: string[],
  selected: string,
  agenda: AgendaEntry[],
  area?: number,
): SafeHtml {
  const { w, lang } = reader;
  const a = w.answers;
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
    ? html`<nav class="phases" aria-label="${a.itemNav}">${
        area === undefined
          ? html`<strong aria-current="page">${a.everyItem}</strong>`
          : html`<a href="${here}#answers">${a.everyItem}</a>`
      }${agenda.map((item, i) =>
        i === area
          ? html` · <strong aria-current="page">${agendaName(item, lang)}</strong>`
          : html` · <a href="${here}&amp;area=${String(i)}#answers">${agendaName(item, lang)}</a>`,
      )}</nav>`
    : '';
  const link = (key: string) =>
    key === selected
      ? html`<strong aria-current="page">${w.phaseKey(key)}</strong>`
      : html`<a href="/cycles/${encodeURIComponent(cycleId)}?phase=${encodeURIComponent(key)}#answers">${w.phaseKey(key)}</a>`;
  const file = (name: string) => `/cycles/${encodeURIComponent(cycleId)}/${name}`;
  // Word documents in either language of the county's records, whatever the page's language.
  const word = (name: string) =>
    html`Word: <a href="${file(name)}?language=fi" hreflang="fi">suomeksi</a>, <a href="${file(name)}?language=sv" hreflang="sv">på svenska</a>`;
  return html`<h2 id="answers">${a.heading}</h2>
    <nav class="phases" aria-label="${a.phaseNav}">${phases.map((key, i) => html`${i ? ' · ' : ''}${link(key)}`)}</nav>
    ${areaLinks}
    <p class="muted">${a.download}: <a href="${file('answers.csv')}?language=${lang}">${a.everyAnswer}</a> · ${a.goalsRegister} (<a href="${file('goals.csv')}?language=${lang}">CSV</a>; ${word('goals.docx')}) · ${a.followUp} (<a href="${file('follow-up')}">${a.page}</a>, <a href="${file('follow-up.csv')}?language=${lang}">CSV</a>) · ${a.summary} (${word('summary.docx')})</p>
    ${
      phase
        ? phase.parties.map(
            (
              p,
            ) => html`<section class="party-answer"><h3>${p.partyCode} ${p.partyName}</h3>${version(w, lang, cycleId, p.versions[0]!, agenda)}
            ${p.versions.length > 1 ? html`<details><summary>${a.earlier(p.versions.length - 1)}</summary>${p.versions.slice(1).map((v) => version(w, lang, cycleId, v, agenda))}</details>` : ''}</section>`,
          )
        : html`<p class="muted">${a.noneIn(w.phaseKey(selected))}</p>`
    }`;
}

export function meetingSection(
  w: StaffWords,
  record: Awaited<ReturnType<typeof meetingRecord>>,
  scheduled: MeetingInfo | null,
): SafeHtml {
  if (!scheduled && !record.minutes && !record.attendees.length) return html``;
  const m = w.meeting;
  // When and where, as the parties were told: the time in Helsinki, the place, and the link to join.
  const facts = scheduled
    ? html`<table class="facts"><tr><th scope="row">${m.time}</th><td>${helsinkiTime(new Date(scheduled.startsAt))}</td></tr>${scheduled.location ? html`<tr><th scope="row">${m.place}</th><td>${scheduled.location}</td></tr>` : ''}${scheduled.link ? html`<tr><th scope="row">${m.link}</th><td><a href="${scheduled.link}">${scheduled.link}</a></td></tr>` : ''}</table>`
    : '';
  return html`<h2>${m.heading}</h2>${facts}
    ${
      record.minutes
        ? html`<h3>${m.minutes}</h3><p class="muted">${m.recordedBy(record.minutes.recordedBy, helsinkiTime(record.minutes.recordedAt))}</p>
          <ol>${record.minutes.items.map((i) => html`<li value="${i.number}"><strong>${i.title}</strong>: ${i.conclusion}</li>`)}</ol>`
        : ''
    }
    ${
      record.attendees.length
        ? html`<h3>${m.attendees}</h3><table><tr><th scope="col">${w.cycle.party}</th><th scope="col">${m.name}</th><th scope="col">${m.role}</th><th scope="col">${m.organisation}</th><th scope="col">${m.from}</th></tr>
          ${record.attendees.map((a) => html`<tr><td>${a.partyCode}</td><td>${a.name}</td><td>${a.role}</td><td>${a.organisation}</td><td>${a.source === 'minutes' ? m.fromMinutes : m.fromRegistration}</td></tr>`)}</table>`
        : ''
    }`;
}

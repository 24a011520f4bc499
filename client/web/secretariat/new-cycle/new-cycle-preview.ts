// What a valid new cycle will do, shown before it starts: its planned timeline in Helsinki time, the mail that goes
// out, and one of those messages in each language its readers read, as the outbox will render it.
import { LANGUAGES, type CycleInput, type Language, type Notification } from '../../../../core/contracts';
import type { ValidCycle } from '../../../../core/domain/cycle-definition';
import { renderEmail } from '../../../../core/domain/email/templates';
import { cycleTitleIn } from '../../../../core/domain/local-names';
import { plannedTimeline } from '../../../../core/domain/planned-timeline';
import type { ReferenceData } from '../../../../core/domain/reference';
import { WORDS as MAIL_WORDS } from '../../../../core/domain/words';
import { mailedAtStart } from '../../../cycle-file';
import type { Fields } from '../../forms';
import { html, type SafeHtml } from '../../html';
import type { StaffReader } from '../../session';
import type { NewCycleWords } from '../../words/new-cycle-words';

/** The preparation task's mail to a party's contact, in the contact's language, as the worker would send it. */
function sampleMail(input: CycleInput, reference: ReferenceData, language: Language, deadline: string) {
  const party = input.parties.find((p) => p.participants.some((x) => x.language === language));
  const contact = party?.participants.find((x) => x.language === language);
  if (!party || !contact) return null;
  const notification: Notification = {
    kind: 'task-assigned',
    cycleId: input.cycleId,
    cycleTitle: cycleTitleIn(reference, input, language),
    recipient: { name: contact.name, email: contact.email, language },
    replyTo: input.secretariat.email,
    secretariatName: input.secretariat.name,
    task: {
      taskId: `${input.cycleId}/${party.code}/preparation`,
      kind: 'input',
      partyName: party.name,
      deadline,
      deadlineVersion: 1,
      document: null,
      meeting: null,
    },
  };
  // The link is each person's own and signed when the mail is sent; the sample shows where it goes.
  return { to: contact, mail: renderEmail(notification, '…/t/…', input.agenda) };
}

export function previewBody(
  user: StaffReader,
  nw: NewCycleWords,
  valid: ValidCycle,
  reference: ReferenceData,
  fields: Fields,
  csrf: SafeHtml,
): { title: string; body: SafeHtml } {
  const { input, startsAt } = valid;
  const date = MAIL_WORDS[user.lang].date;
  const plan = plannedTimeline(input.schedule, startsAt ?? new Date());
  const title = cycleTitleIn(reference, input, user.lang);
  const row = (label: string, value: string) => html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`;
  const samples = LANGUAGES.map((l) => ({ l, sample: sampleMail(input, reference, l, plan.preparation.nominal) }));
  const hidden = Object.entries(fields)
    .filter(([key]) => key !== '_csrf' && key !== 'action')
    .map(([key, value]) => html`<input type="hidden" name="${key}" value="${value ?? ''}">`);
  const body = html`<h1>${nw.preview(title)}</h1>
    <h2>${nw.timeline}</h2><p class="hint">${nw.timelineHint}</p>
    <table class="facts">
      ${row(nw.starts, startsAt ? date(startsAt.toISOString()) : nw.startsNow)}
      ${row(nw.preparationDue, date(plan.preparation.nominal))}
      ${row(nw.reminders, plan.preparation.reminders.map((r) => date(r.nominal)).join('; ') || '–')}
      ${row(nw.lateUntil, date(plan.preparation.closesAt.nominal))}
      ${row(nw.roundDue(input.schedule.roundDays), `${nw.atTheEarliest} ${date(plan.round.nominal)}`)}
      ${row(nw.signOffDue(input.schedule.signOffDays), `${nw.atTheEarliest} ${date(plan.signOff.nominal)}`)}
    </table>
    <h2>${nw.mails}</h2><p>${nw.mailsText(mailedAtStart(input), input.parties.length)}</p>
    ${samples.map(({ l, sample }) =>
      sample
        ? html`<h3>${nw.mailPreview(nw.languages[l])}</h3><p><strong>${nw.to}:</strong> ${sample.to.name} &lt;${sample.to.email}&gt;<br><strong>${nw.subject}:</strong> ${sample.mail.subject}</p><pre class="mail" lang="${l}">${sample.mail.text}</pre>`
        : '',
    )}
    <form method="post" action="/cycles/new">${csrf}${hidden}
      <button type="submit" name="action" value="start">${nw.start}</button>
      <button type="submit" name="action" value="edit" class="secondary">${nw.edit}</button>
      <button type="submit" name="action" value="download" class="secondary">${nw.download}</button>
    </form>`;
  return { title: nw.preview(title), body };
}

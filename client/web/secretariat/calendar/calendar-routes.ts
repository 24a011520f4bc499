// The statutory calendar on the web, for a county's secretariat: its schedules, their last and next start, install
// (late in a period, what will not start by itself is said and offered to start now), trigger, pause and resume.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { DateTime } from 'luxon';
import { scheduleOf, TASK_QUEUE, TIME_ZONE, type CycleKind } from '../../../../core/contracts';
import { partyNameIn } from '../../../../core/domain/local-names';
import { WORDS as MAIL_WORDS } from '../../../../core/domain/words';
import { hasSecretariat } from '../../../../db/directory';
import { referenceOn } from '../../../../db/reference-store';
import { installCalendar, listCalendar, periodsLeft, type CalendarSettings } from '../../../calendar';
import { installThlSchedule } from '../../../thl';
import { readForm, type Fields } from '../../forms';
import { html, type SafeHtml } from '../../html';
import { notFoundPage } from '../../scope';
import { csrfField, requireRole, staffPage, type StaffReader } from '../../session';
import { inScope } from '../../staff-session';
import type { WebDeps } from '../../web-deps';
import { CALENDAR_WORDS } from '../../words/calendar-words';
import { calendarBody } from './calendar-views';

const DEFAULT_SETTINGS: Fields = {
  annualDate: '1.9.',
  annualTime: '9.00',
  termOffsetMonths: '6',
  ministryDate: '15.8.',
};

/** The settings as a county writes them (1.9., 9.00), or null when one is not a day, a time or a number. */
function settingsOf(f: Fields): CalendarSettings | null {
  const day = (text = '') => /^(\d{1,2})\.(\d{1,2})\.?$/.exec(text.trim());
  const time = /^(\d{1,2})[.:](\d{2})$/.exec((f.annualTime ?? '').trim());
  const annual = day(f.annualDate);
  const ministry = day(f.ministryDate);
  const months = /^\d{1,2}$/.test((f.termOffsetMonths ?? '').trim()) ? Number(f.termOffsetMonths) : NaN;
  if (!annual || !ministry || !time || !(months >= 0 && months <= 48)) return null;
  const [hour, minute] = [Number(time[1]), Number(time[2])];
  const at = (m: RegExpExecArray) => ({ day: Number(m[1]), month: Number(m[2]), hour, minute });
  const valid = [at(annual), at(ministry)].every(
    (d) => DateTime.fromObject({ year: 2027, month: d.month, day: d.day, hour, minute }).isValid,
  );
  return valid ? { annual: at(annual), ministry: at(ministry), termOffsetMonths: months } : null;
}

export function registerCalendarRoutes(app: FastifyInstance, deps: WebDeps): void {
  const { db, client } = deps;
  const today = () => DateTime.now().setZone(TIME_ZONE).toISODate()!;

  async function calendarPage(
    user: StaffReader,
    reply: FastifyReply,
    county: string | null,
    options: { notice?: { ok: boolean; text: SafeHtml | string }; after?: SafeHtml; settings?: Fields } = {},
  ) {
    const cw = CALENDAR_WORDS[user.lang];
    const reference = await referenceOn(db, today());
    const counties = [...reference.counties.values()]
      .filter((c) => c.code !== '91' && inScope(user, c.code))
      .map((c) => ({ code: c.code, name: c.name[user.lang] }))
      .sort((a, b) => a.name.localeCompare(b.name, user.lang));
    const chosen = county && reference.counties.has(county) && county !== '91' && inScope(user, county) ? county : null;
    const schedules = chosen ? await listCalendar(client, db, chosen) : [];
    const view = {
      counties,
      county: chosen,
      schedules,
      names: (code: string) => partyNameIn(reference, code, code, user.lang),
      date: MAIL_WORDS[user.lang].date,
    };
    const { notice = null, after = '', settings = DEFAULT_SETTINGS } = options;
    const body = calendarBody(user, cw, view, settings, notice, after, csrfField(reply));
    return staffPage(user, reply.code(notice && !notice.ok ? 422 : 200), cw.heading, body);
  }

  app.get<{ Querystring: { county?: string; done?: string; schedule?: string } }>(
    '/calendar',
    async (request, reply) => {
      const user = requireRole(request, reply, ['secretariat']);
      if (!user) return;
      const cw = CALENDAR_WORDS[user.lang];
      const { county = null, done, schedule = '' } = request.query;
      const said = { triggered: cw.triggered, paused: cw.pausedDone, resumed: cw.resumedDone }[done ?? ''];
      return calendarPage(user, reply, county, said ? { notice: { ok: true, text: said(schedule) } } : {});
    },
  );

  app.post('/calendar/install', { preHandler: app.csrfProtection }, async (request, reply) => {
    const user = requireRole(request, reply, ['secretariat']);
    if (!user) return;
    const cw = CALENDAR_WORDS[user.lang];
    const { fields } = await readForm(request);
    const county = fields.county ?? '';
    if (!inScope(user, county)) return notFoundPage(request, reply);
    const settings = settingsOf(fields);
    if (!settings)
      return calendarPage(user, reply, county, { notice: { ok: false, text: cw.badSettings }, settings: fields });
    if (!(await hasSecretariat(db, county)))
      return calendarPage(user, reply, county, {
        notice: {
          ok: false,
          text: html`${cw.noSecretariat} <a href="/directory?county=${county}">${cw.toDirectory}</a>`,
        },
        settings: fields,
      });
    const results = await installCalendar(client, db, [county], settings, deps.taskQueue);
    // THL's figures for the goals are fetched nightly with the calendar, for every county at once.
    await installThlSchedule(client, deps.taskQueue ?? TASK_QUEUE);
    const installed = results.flatMap((r) => ('scheduleId' in r ? [r] : []));
    const kindOf = (id: string) => cw.kinds[scheduleOf(id)?.kind as CycleKind] ?? id;
    // Installed late in a period, a schedule starts next in the following one: said, and offered to start now.
    const left = await periodsLeft(client, db, results);
    const date = MAIL_WORDS[user.lang].date;
    const after = left.length
      ? html`<section class="error" aria-labelledby="periods-left"><h2 id="periods-left">${cw.notByItself}</h2><ul>${left.map(
          (l) =>
            html`<li><p>${cw.periodLeft(kindOf(l.scheduleId), l.period, l.nextRun ? date(l.nextRun) : cw.never)}</p><form method="post" action="/calendar/trigger">${csrfField(reply)}<input type="hidden" name="schedule" value="${l.scheduleId}"><button type="submit">${cw.startNow(kindOf(l.scheduleId), l.period)}</button></form></li>`,
        )}</ul></section>`
      : html``;
    const text = html`<ul>${installed.map((r) => html`<li>${kindOf(r.scheduleId)}: ${cw.result[r.result]}</li>`)}${results.some((r) => 'skipped' in r) ? html`<li>${cw.notScheduled}</li>` : ''}</ul>`;
    return calendarPage(user, reply, county, { notice: { ok: true, text }, after, settings: fields });
  });

  for (const action of ['trigger', 'pause', 'resume'] as const) {
    app.post(`/calendar/${action}`, { preHandler: app.csrfProtection }, async (request, reply) => {
      const user = requireRole(request, reply, ['secretariat']);
      if (!user) return;
      const { fields } = await readForm(request);
      const id = fields.schedule ?? '';
      const schedule = scheduleOf(id);
      if (!schedule) return reply.redirect('/calendar', 303);
      if (!inScope(user, schedule.countyCode)) return notFoundPage(request, reply);
      const handle = client.schedule.getHandle(id);
      const note = `${action} by ${user.email}`;
      if (action === 'trigger') await handle.trigger();
      else if (action === 'pause') await handle.pause(note);
      else await handle.unpause(note);
      const done = { trigger: 'triggered', pause: 'paused', resume: 'resumed' }[action];
      return reply.redirect(
        `/calendar?${new URLSearchParams({ county: schedule.countyCode, done, schedule: id })}`,
        303,
      );
    });
  }
}

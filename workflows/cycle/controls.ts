// The secretariat's controls: one validated Update each. A validator checks the payload and whether the control
// fits the phase, so a refused control leaves no trace in history; the handler does it, one control at a time.
import type { UpdateDefinition } from '@temporalio/common';
import { currentUpdateInfo, patched, setHandler } from '@temporalio/workflow';
import { markFinal, recordControl, recordMeeting, recordMinutes, storeDocument } from '../activity-proxies';
import { ErrorType, roundKey, type ControlReceipt } from '../../core/contracts';
import { reject } from '../validation';
import { phaseChangeInOneWrite, type CycleRunner } from './cycle-runner';
import type { Guarded } from './cycle-state';
import { refuseMultiLine, type ControlName, type ControlRequest } from '../../core/requests';
import { CONTROL_UPDATES, parseControl } from './messages';

const now = () => new Date().toISOString();
/** A control whose request needs no check beyond its schema and its phase. */
const asIs = <T>(request: T) => request;

export function registerControls(runner: CycleRunner): void {
  const { state } = runner;
  const { cycleId, schedule } = state.input;

  /** Registers a control: `check` runs in the validator and again in the handler (the phase may have moved). */
  function control<K extends ControlName, Checked>(
    name: K,
    check: (request: ControlRequest<K>) => Checked,
    run: (checked: Checked, receipt: ControlReceipt, request: unknown) => Promise<Partial<ControlReceipt> | void>,
  ) {
    const validate = (request: unknown) => {
      const checked = check(parseControl(name, request));
      state.allow(name);
      return checked;
    };
    setHandler(
      CONTROL_UPDATES[name] as UpdateDefinition<ControlReceipt, [ControlRequest<K>]>,
      (request) =>
        state.exclusive(async () => {
          const checked = validate(request);
          const receipt: ControlReceipt = { updateId: currentUpdateInfo()!.id, recordedAt: now(), phase: state.phase };
          if (patched('audit-every-control')) {
            // Every control is in the ledger with the SHA-256 of its request, to be matched with this history.
            const { content: _content, ...rest } = request as Record<string, unknown>;
            await recordControl({
              cycleId,
              action: `control.${name}`,
              by: String(rest.by),
              at: receipt.recordedAt,
              updateId: receipt.updateId,
              payload: { request: rest },
              request,
            });
          }
          const extra = await run(checked, receipt, request);
          return { ...receipt, ...extra, phase: state.phase };
        }),
      // Rules added since cycles started run only here: a validator is not run again on replay, so an old history
      // whose control would be refused today still replays.
      {
        validator: (request) => {
          const checked = validate(request);
          refuseMultiLine(request);
          // Large content never enters a history: a draft is stored first and named by its SHA-256.
          if (name === 'publishDraft' && (checked as { content?: string }).content !== undefined)
            reject(
              'content: store the draft first and send it as file (the cycle page and the CLI do)',
              ErrorType.invalidRequest,
              { key: 'draftNotStored' },
            );
          state.guard(name, checked as Guarded);
        },
      },
    );
  }

  /** The effect a control had, in the ledger with the control's Update id and request hash. */
  const audit = (
    receipt: ControlReceipt,
    request: unknown,
    by: string,
    action: string,
    payload: Record<string, unknown>,
  ) => recordControl({ cycleId, action, by, at: receipt.recordedAt, updateId: receipt.updateId, payload, request });

  control('publishDraft', asIs, async (req, receipt) => {
    const closesOpen = phaseChangeInOneWrite();
    if (!closesOpen) await runner.closeOpenPhase();
    const document = await storeDocument({
      cycleId,
      version: state.documents.length + 1,
      title: req.title,
      ...(req.file ? { file: req.file } : { content: req.content }),
      by: req.by,
      at: receipt.recordedAt,
      updateId: receipt.updateId,
    });
    state.documents.push(document);
    state.round++;
    await runner.openPhase(
      roundKey(state.round),
      'comment',
      { workingDays: schedule.roundDays },
      { document, closesOpen },
    );
    await runner.setPhase('consultation');
    return { document };
  });

  control('closePhase', asIs, async (req, receipt, request) => {
    await audit(receipt, request, req.by, 'phase.closed', { phaseKey: state.openPhaseKey });
    if (state.phase === 'signoff') await runner.complete();
    else await runner.closeOpenPhase();
  });

  control('scheduleMeeting', asIs, async (req, receipt) => {
    const meeting = {
      version: (state.meeting?.version ?? 0) + 1,
      startsAt: new Date(req.startsAt).toISOString(),
      location: req.location ?? null,
      link: req.link ?? null,
    };
    await recordMeeting(cycleId, meeting, req.by, receipt.recordedAt, receipt.updateId);
    const moved = state.meeting !== null && state.openPhaseKey === 'meeting';
    state.meeting = meeting;
    if (moved) await runner.moveMeeting(meeting);
    else {
      const closesOpen = phaseChangeInOneWrite();
      if (!closesOpen) await runner.closeOpenPhase();
      await runner.openPhase(
        'meeting',
        'meeting',
        { nominal: meeting.startsAt },
        { meeting, document: state.documents.at(-1), closesOpen },
      );
      await runner.setPhase('meeting');
    }
    return { meeting };
  });

  control('recordMinutes', asIs, async (req, receipt) => {
    for (const attendee of req.attendees) state.party(attendee.partyCode);
    await recordMinutes({
      cycleId,
      meetingVersion: state.meeting!.version,
      attendees: req.attendees,
      items: req.items,
      by: req.by,
      at: receipt.recordedAt,
      updateId: receipt.updateId,
    });
    state.minutesRecorded = true;
    if (patched('mail-minutes'))
      await runner.sendMinutes({ meetingStartsAt: state.meeting?.startsAt ?? null, items: req.items });
    await runner.closeOpenPhase();
  });

  control('startSignOff', asIs, async (req, receipt) => {
    const document =
      (req.documentVersion ? state.documents.find((d) => d.version === req.documentVersion) : state.documents.at(-1)) ??
      reject(`no draft version ${req.documentVersion}`, ErrorType.invalidRequest, {
        key: 'noDraftVersion',
        version: req.documentVersion ?? 0,
      });
    const closesOpen = phaseChangeInOneWrite();
    if (!closesOpen) await runner.closeOpenPhase();
    await markFinal(cycleId, document, req.by, receipt.recordedAt, receipt.updateId);
    state.finalDocument = document;
    await runner.openPhase('signoff', 'signoff', { workingDays: schedule.signOffDays }, { document, closesOpen });
    await runner.setPhase('signoff');
    return { document };
  });

  control(
    'extendDeadline',
    (req) => {
      if (req.partyCode) {
        state.party(req.partyCode);
        if (!state.openTaskOf(req.partyCode))
          reject(`party ${req.partyCode} has no open task to extend`, ErrorType.taskNotOpen, {
            key: 'noOpenTaskToExtend',
            party: req.partyCode,
          });
      }
      return req;
    },
    async (req, receipt, request) => {
      const phaseKey = state.openPhaseKey;
      const deadline = await runner.extend(req.partyCode, req.workingDays);
      await audit(receipt, request, req.by, 'phase.deadline_extended', {
        phaseKey,
        partyCode: req.partyCode ?? '*',
        workingDays: req.workingDays,
        reason: req.reason,
        deadline: deadline.nominal,
        version: deadline.version,
      });
    },
  );

  control(
    'replaceParticipant',
    (req) => {
      state.party(req.partyCode);
      const people = state.participants.get(req.partyCode)!;
      const old = people.find((p) => p.active && p.email === req.oldEmail);
      if (!old)
        reject(`${req.oldEmail} is not an active participant of party ${req.partyCode}`, ErrorType.notParticipant, {
          key: 'notActiveParticipant',
          party: req.partyCode,
          email: req.oldEmail,
        });
      if (req.participant.email !== req.oldEmail && people.some((p) => p.active && p.email === req.participant.email)) {
        reject(
          `${req.participant.email} is already a participant of party ${req.partyCode}`,
          ErrorType.invalidRequest,
          {
            key: 'alreadyParticipant',
            party: req.partyCode,
            email: req.participant.email,
          },
        );
      }
      return { req, old: old! };
    },
    async ({ req, old }, receipt, request) => {
      const participant = { ...req.participant, language: req.participant.language ?? old.language };
      const people = state.participants.get(req.partyCode)!;
      old.active = false;
      const existing = people.find((p) => p.email === participant.email);
      if (existing) Object.assign(existing, participant, { active: true });
      else people.push({ ...participant, active: true });
      await audit(receipt, request, req.by, 'cycle.participant_replaced', {
        partyCode: req.partyCode,
        oldEmail: req.oldEmail,
        newEmail: participant.email,
        reason: req.reason,
      });
      await runner.replaceParticipant(req.partyCode, {
        oldEmail: req.oldEmail,
        participant,
        reason: req.reason,
        by: req.by,
      });
    },
  );

  control(
    'recordOnBehalf',
    (req) => {
      state.party(req.partyCode);
      const task =
        state.openTaskOf(req.partyCode) ??
        reject(`party ${req.partyCode} has no open task`, ErrorType.taskNotOpen, {
          key: 'noOpenTask',
          party: req.partyCode,
        });
      if (task.kind === 'meeting')
        reject(
          'meeting registrations are not recorded on behalf; record the attendees in the minutes',
          ErrorType.invalidRequest,
          { key: 'noRegistrationOnBehalf' },
        );
      if ((task.kind === 'signoff') !== Boolean(req.signOff))
        reject(
          `the open task is ${task.kind}: give ${task.kind === 'signoff' ? 'signOff' : 'answer'}`,
          ErrorType.invalidRequest,
          { key: 'giveAnswerOrSignOff', kind: task.kind },
        );
      if (task.kind === 'signoff' && task.decision)
        reject(`party ${req.partyCode} has already signed off`, ErrorType.taskNotOpen, {
          key: 'alreadySignedOff',
          party: req.partyCode,
        });
      if (req.answer?.noComments && task.kind !== 'comment')
        reject('"no comments" is an answer to a consultation round only', ErrorType.invalidRequest, {
          key: 'noCommentsOutsideRound',
        });
      return { req, task };
    },
    async ({ req, task }, receipt, request) => {
      await audit(receipt, request, req.by, 'on_behalf.recorded', {
        partyCode: req.partyCode,
        taskId: task.taskId,
        reason: req.reason,
      });
      await runner.onBehalf(req.partyCode, {
        taskId: task.taskId,
        by: req.by,
        reason: req.reason,
        answer: req.answer ? { text: req.answer.text ?? '', noComments: req.answer.noComments ?? false } : null,
        signOff: req.signOff
          ? {
              decision: req.signOff.decision,
              decisionReference: req.signOff.decisionReference ?? null,
              reason: req.signOff.reason ?? null,
            }
          : null,
      });
    },
  );

  control('cancel', asIs, async (req) => {
    await runner.cancel(req.reason, req.by);
  });
}

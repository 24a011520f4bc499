// Activities that record nothing: the workflow tier runs real workflow code against these, so a test proves what the
// orchestration does (phases, deadlines, outcome) without PostgreSQL or mail. Plans use the real calendar rules.
import { createHash } from 'node:crypto';
import type { Activities } from '../../activities';
import { planDeadline } from '../../core/domain/deadline-plan';
import type { Notification } from '../../core/contracts';

export function stubActivities(notices: Notification[] = []): Activities {
  const nothing = async () => {};
  return {
    recordCycleStarted: nothing,
    setPhase: nothing,
    planDeadline: async (request) => planDeadline({ speed: 1 }, request),
    storeDocument: async (doc) => ({
      version: doc.version,
      title: doc.title,
      sha256:
        doc.file?.sha256 ??
        createHash('sha256')
          .update(doc.content ?? '')
          .digest('hex'),
    }),
    markFinal: nothing,
    recordMeeting: nothing,
    recordMinutes: nothing,
    recordControl: nothing,
    recordOutcome: nothing,
    issueAgreement: async (cycleId: string) => ({
      sha256: 'a'.repeat(64),
      name: `sopimus-${cycleId}.pdf`,
      mediaType: 'application/pdf' as const,
      bytes: 1,
    }),
    recordCancelled: nothing,
    openTask: nothing,
    openTasks: nothing,
    setTaskStatus: nothing,
    closeTask: nothing,
    setTaskDeadline: nothing,
    recordResponse: nothing,
    recordSignOff: nothing,
    recordAttendees: nothing,
    replaceParticipant: nothing,
    notify: async (n) => {
      notices.push(n);
      return 'sent';
    },
    notifyEach: async (ns) => {
      notices.push(...ns);
      return [];
    },
    archiveHistories: async () => 0,
    buildScheduledCycle: async () => ({ missing: ['not in the workflow tier'], period: '' }),
    fetchThlCatalogue: async () => null,
    fetchThlValues: async () => ({ indicators: [], values: 0 }),
  };
}

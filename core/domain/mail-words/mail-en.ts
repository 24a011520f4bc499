// Every word of Sopu's emails in English; typed by Words, so a missing key is a compile error.
import { format, type Words } from './mail-words';

export const en: Words = {
  task: {
    input: 'Input for the negotiation',
    comment: 'Comments on the draft',
    meeting: 'Registration for the meeting',
    signoff: 'Sign-off',
  },
  assigned: {
    input: {
      subject: 'Request: input for the negotiation',
      lead: "Please send your party's input for the negotiation: goals, proposals, responsible persons and counterparts per area of cooperation.",
    },
    comment: {
      subject: 'Request for comments: new draft',
      lead: "A new draft has been published. Please send your party's comments, or tell us you have none.",
    },
    meeting: {
      subject: 'Invitation to the negotiation',
      lead: "You are invited to the negotiation meeting. Please register your party's attendees.",
    },
    signoff: {
      subject: 'Request for sign-off',
      lead: 'The final version is ready. Please approve it for your party with the decision reference, or reject it with a reason.',
    },
  },
  reminder: {
    subject: 'Reminder',
    lead: (days) =>
      `Reminder: ${days} working ${days === 1 ? 'day is' : 'days are'} left until the deadline and your party has not answered yet.`,
  },
  overdue: {
    subject: 'Deadline passed',
    lead: 'The deadline of the task has passed. A late answer is still accepted, and marked late, until the phase closes.',
  },
  escalation: { subject: 'Answer missing', lead: (party) => `The answer of ${party} is missing after the deadline.` },
  extended: { subject: 'Deadline extended', lead: 'The deadline of the task has been extended.' },
  meetingChanged: {
    subject: 'The meeting has changed',
    lead: 'The time or place of the meeting has changed. The calendar invitation has been updated.',
  },
  meetingCancelled: { subject: 'Meeting cancelled', lead: 'The negotiation meeting has been cancelled.' },
  roundClosed: {
    subject: 'Consultation round closed',
    lead: 'The consultation round has been closed. Thank you for taking part.',
  },
  replaced: {
    subject: 'Participant replaced',
    lead: (party, from, to) => `A participant of ${party} has been replaced: ${from} → ${to}.`,
  },
  completed: {
    subject: 'Negotiation completed',
    lead: 'The negotiation has been completed.',
    agreement: 'The agreement with its certificate of completion (PDF)',
  },
  cancelled: {
    subject: 'Negotiation cancelled',
    lead: 'The negotiation has been cancelled; open tasks need no answer.',
  },
  minutes: {
    subject: 'Minutes of the negotiation meeting',
    lead: 'The minutes of the negotiation meeting have been recorded. Their items and conclusions are below and on the task page.',
  },
  receipt: {
    subject: 'Receipt',
    lead: (what, at, late) =>
      `${what}: received and recorded ${at}${late ? ' (after the deadline)' : ''}. Keep this message as your receipt.`,
  },
  witness: (lines, root, signedAt, ownLine) =>
    `The negotiation's record had ${lines} lines when this message was sent, signed ${signedAt}, Merkle root ${root}.${ownLine ? ` Your entry is line ${ownLine}.` : ''} The attachment sopu-witness.json proves it: anyone can later show with it that the record has not been changed (sopu audit verify --witness).`,
  mailLate: {
    subject: 'Mail delayed',
    lead: (waited, still, minutes) =>
      `Messages of this negotiation that waited more than ${minutes} minutes for the mail server: ${waited}, of which ${still} still waiting. Sopu keeps trying to send them. The waiting messages are on the negotiation's page and in sopu mail --pending.`,
  },
  outcome: {
    agreed_by_all: 'Agreed by all parties',
    agreed_by_some: 'Agreed by some parties',
    not_agreed: 'Not agreed',
  },
  labels: {
    cycle: 'Negotiation',
    party: 'Party',
    task: 'Task',
    deadline: 'Deadline',
    document: 'Document',
    sha256: 'Checksum (SHA-256)',
    meeting: 'Time',
    place: 'Place',
    reference: 'Task reference',
    reason: 'Reason',
    agenda: 'Agenda',
    outcome: 'Outcome',
    receiptId: 'Receipt id',
  },
  action: {
    input: 'Answer',
    comment: 'Read the draft and comment',
    meeting: 'Register attendees',
    signoff: 'Approve or reject',
  },
  footer: (secretariat) => `Sent by Sopu for the negotiation's secretariat. Questions: ${secretariat}`,
  date: format('en-GB', "cccc d LLLL yyyy 'at' HH:mm"),
};

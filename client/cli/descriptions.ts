// What each top-level command of `sopu` is for: shown by `sopu --help` before any command's file is loaded, and by
// each command's own help.
export const DESCRIPTIONS = {
  cycle: 'start, follow and steer negotiation cycles (secretariat)',
  mail: "the cycle's outgoing mail from the outbox: to whom, what, when, and what failed",
  'follow-up': "a county's follow-up report: every goal its parties set, with the status each reported on it since",
  compliance: 'who has negotiated: the term (§14) and annual (§7) negotiations per county and municipality',
  audit: 'export and verify the record of a cycle (auditors)',
  calendar: 'the statutory calendar: Temporal Schedules that start cycles (secretariat)',
  directory: 'the party directory: default participants of each party, and each county secretariat',
  reference: 'reference data: counties and municipalities',
  user: 'staff accounts for the web pages: role and counties',
  task: "act on a party's open task as one of its participants",
  thl: "THL's figures (Sotkanet) for the goals: fetch them now (operators; a schedule fetches them nightly)",
} as const;

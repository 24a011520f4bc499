// The contracts every room shares, in one runtime-free place: plain types and constants only, so workflow code,
// activities, the worker and clients can all import them.
export * from './vocabulary';
export * from './ids-and-limits';
export * from './cycle';
export * from './party';
export * from './activity-inputs';
export * from './agreement';
export * from './refusals';
export * from './thl';
export type {
  AreaAnswer,
  CancelCycleRequest,
  ClosePhaseRequest,
  ExtendDeadlineRequest,
  Goal,
  GoalFollowUp,
  PublishDraftRequest,
  RecordMinutesRequest,
  RecordOnBehalfRequest,
  RegisterAttendeesRequest,
  ReplaceParticipantRequest,
  ScheduleMeetingRequest,
  SignOffRequest,
  StartSignOffRequest,
  SubmitAnswerRequest,
} from '../requests';

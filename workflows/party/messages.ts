// Messages of the party workflow. Payload shape is checked here so that malformed input never reaches history;
// whether the sender may act on the task is checked by the party state.
import { ApplicationFailure, defineQuery, defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import { ErrorType, MAX_ANSWER_LENGTH, type PartyStatus, type Receipt, type SignOffRequest, type SubmitAnswerRequest } from '../contracts';

// zod compiles schemas with `new Function` unless told not to; workflow code stays free of eval.
z.config({ jitless: true });

const identity = {
  taskId: z.string().min(1).max(300),
  participantEmail: z.string().trim().toLowerCase().pipe(z.email()),
};

const submitAnswerSchema = z.strictObject({
  ...identity,
  text: z.string().trim().min(1, 'answer is empty').max(MAX_ANSWER_LENGTH, `answer is longer than ${MAX_ANSWER_LENGTH} characters`),
});

const signOffSchema = z
  .strictObject({
    ...identity,
    decision: z.enum(['approved', 'rejected']),
    decisionReference: z.string().trim().min(1).max(500).optional(),
    reason: z.string().trim().min(1).max(MAX_ANSWER_LENGTH).optional(),
  })
  .refine((s) => s.decision !== 'approved' || s.decisionReference, {
    message: 'an approval needs the decision reference, e.g. "Kunnanhallitus 12.3.2026 § 45"',
    path: ['decisionReference'],
  })
  .refine((s) => s.decision !== 'rejected' || s.reason, { message: 'a rejection needs a reason', path: ['reason'] });

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const message = result.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ');
  throw ApplicationFailure.nonRetryable(message, ErrorType.invalidRequest);
}

export const parseSubmitAnswer = (input: unknown): SubmitAnswerRequest => parse(submitAnswerSchema, input);
export const parseSignOff = (input: unknown): SignOffRequest => parse(signOffSchema, input);

export const submitAnswerUpdate = defineUpdate<Receipt, [SubmitAnswerRequest]>('submitAnswer');
export const signOffUpdate = defineUpdate<Receipt, [SignOffRequest]>('signOff');
export const partyStatusQuery = defineQuery<PartyStatus>('partyStatus');

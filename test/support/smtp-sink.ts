// A real SMTP server on loopback that keeps every message it receives, parsed, for assertions.
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { waitFor } from '../../worker/dev/processes';

/** The Sopu headers every message carries: which cycle, task and kind of notification. */
export const sopuHeader = (m: ParsedMail, name: 'cycle' | 'task' | 'kind'): string | undefined =>
  m.headers.get(`x-sopu-${name}`) as string | undefined;
/** A message as the server received it, byte for byte: what a party saves as an .eml file. */
const sources = new WeakMap<ParsedMail, Buffer>();
export const emlOf = (m: ParsedMail): Buffer => sources.get(m)!;
export const recipient = (m: ParsedMail): string | undefined =>
  Array.isArray(m.to) ? undefined : m.to?.value[0]?.address;

export interface SmtpSink {
  url: string;
  messages: ParsedMail[];
  /** Resolves once `count` messages match, or fails naming what arrived. */
  waitForMessages(count: number, match?: (m: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

export interface SinkBehaviour {
  /** Answer the first N messages with 421 (try again later), as a server under maintenance does. */
  refuseFirst?: number;
  /** Refuse these recipients for good (550). */
  rejectRecipients?: string[];
  /** Listen here (a sink started again after an outage); a free port when omitted. */
  port?: number;
}

export async function startSmtpSink(behaviour: SinkBehaviour = {}): Promise<SmtpSink & { refused: number }> {
  const messages: ParsedMail[] = [];
  const state = { refused: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Closed means gone (an outage in the fault suite): open connections are cut at once, not drained for 30 s.
    closeTimeout: 500,
    onRcptTo(address, _session, callback) {
      if (behaviour.rejectRecipients?.includes(address.address)) {
        return callback(Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, _session, callback) {
      if (state.refused < (behaviour.refuseFirst ?? 0)) {
        state.refused++;
        stream.resume();
        return stream.on('end', () =>
          callback(Object.assign(new Error('4.3.2 try again later'), { responseCode: 421 })),
        );
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const source = Buffer.concat(chunks);
        simpleParser(source)
          .then((mail) => {
            sources.set(mail, source);
            messages.push(mail);
            callback();
          })
          .catch(callback);
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(behaviour.port ?? 0, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port));
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    get refused() {
      return state.refused;
    },
    async waitForMessages(count, match = () => true, timeoutMs = 30_000) {
      let found: ParsedMail[] = [];
      await waitFor(
        async () => {
          found = messages.filter(match);
          if (found.length < count)
            throw new Error(
              `${found.length} of ${count} messages; received: ${messages.map((m) => m.subject).join(' | ')}`,
            );
        },
        { timeoutMs, what: `${count} messages` },
      );
      return found;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

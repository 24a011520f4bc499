import nodemailer from 'nodemailer';

export interface OutgoingMessage {
  to: { name: string; address: string };
  replyTo: string;
  subject: string;
  text: string;
  html: string;
  /** Derived from the outbox key, so a resend after a crash carries the same id and mail clients collapse it. */
  messageId: string;
  headers: Record<string, string>;
  invitation: { method: 'REQUEST' | 'CANCEL'; content: string } | null;
  deadlineIcs: string | null;
  /** Attached files (the agreement PDF). */
  files?: { filename: string; content: Buffer; contentType: string }[];
}

export interface Mailer {
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}

export interface SmtpOptions {
  url: string;
  from: string;
  /** Override or add to the credentials in the URL. */
  user?: string;
  password?: string;
}

/** Connections the pool keeps to the mail server: a notice to several people sends this many messages at a time. */
export const SMTP_CONNECTIONS = 3;

/** A pooled SMTP transport with timeouts short enough that a hung server fails the attempt, which is retried. */
export function createSmtpMailer(options: SmtpOptions): Mailer {
  const transport = nodemailer.createTransport({
    url: options.url,
    pool: true,
    maxConnections: SMTP_CONNECTIONS,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    ...(options.user ? { auth: { user: options.user, pass: options.password } } : {}),
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async send(m) {
      await transport.sendMail({
        from: options.from,
        to: m.to,
        replyTo: m.replyTo,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: m.messageId,
        headers: m.headers,
        ...(m.invitation
          ? { icalEvent: { method: m.invitation.method, filename: 'invite.ics', content: m.invitation.content } }
          : {}),
        attachments: [
          ...(m.deadlineIcs
            ? [
                {
                  filename: 'deadline.ics',
                  content: m.deadlineIcs,
                  contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
                },
              ]
            : []),
          ...(m.files ?? []),
        ],
      });
    },
    close: () => transport.close(),
  };
}

// A local SMTP server for `npm start` without SMTP_URL: every message Sopu sends lands in .data/mail as an .eml
// file, and a line is printed, so a newcomer sees the tasks go out without configuring a mail server.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface MailCatcher {
  url: string;
  close(): Promise<void>;
}

export async function startMailCatcher(options: {
  port: number;
  dir: string;
  log: (line: string) => void;
}): Promise<MailCatcher> {
  mkdirSync(options.dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const file = path.join(options.dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${++count}.eml`);
        writeFileSync(file, raw);
        const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
        options.log(`mail to ${to} saved as ${path.relative(process.cwd(), file)}`);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return {
    url: `smtp://127.0.0.1:${options.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

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
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port));
    });
  // Another program on the port (a second checkout's npm start, a local mail server): catch on a free one instead,
  // and say which, and how to choose.
  const port = await listen(options.port).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EADDRINUSE') throw err;
    options.log(`port ${options.port} is taken; catching mail on a free port instead (SOPU_DEV_SMTP_PORT chooses one)`);
    return listen(0);
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

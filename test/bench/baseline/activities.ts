// The baseline's two activities: a participant's or a control's rows in one transaction, and a task opened (its
// rows and its mails).
import nodemailer from 'nodemailer';
import pg from 'pg';

export function baselineActivities(options: { databaseUrl: string; smtpUrl: string }) {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
  const mailer = nodemailer.createTransport({ url: options.smtpUrl, pool: true, maxConnections: 3 } as never);
  const ready = pool.query(
    'create table if not exists baseline_rows (id bigserial primary key, cycle_id text, tag text, body text, at timestamptz default now())',
  );
  async function insert(cycleId: string, tag: string, body: string, rows: number) {
    await ready;
    const client = await pool.connect();
    try {
      await client.query('begin');
      for (let i = 0; i < rows; i++)
        await client.query('insert into baseline_rows (cycle_id, tag, body) values ($1, $2, $3)', [cycleId, tag, body]);
      await client.query('commit');
    } catch (err) {
      await client.query('rollback');
      throw err;
    } finally {
      client.release();
    }
  }
  return {
    async record(cycleId: string, tag: string, body: string, rows: number): Promise<void> {
      await insert(cycleId, tag, body, rows);
    },
    async open(cycleId: string, code: string, phase: string, rows: number, mails: number): Promise<void> {
      await insert(cycleId, `${code}:${phase}`, phase, rows);
      for (let i = 0; i < mails; i++)
        await mailer.sendMail({
          from: 'baseline@bench.example.fi',
          to: `contact.${code}@bench.example.fi`,
          subject: `${cycleId} ${phase}`,
          text: `Task ${phase} for ${code}`,
          messageId: `<${cycleId}.${code}.${phase}.${i}@baseline>`,
        });
    },
  };
}

export type BaselineActivities = ReturnType<typeof baselineActivities>;

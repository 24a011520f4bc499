// The bench's deadline-day mode (`--answers web`): the preparation answers arrive as people send them on the day
// a deadline falls — each contact after its task mail has come, by the link in it, through the web server's form,
// spread over a working day with the last hour's peak — and the latency is what the participant sees: from sending
// the form to the receipt page saying the answer is recorded.
import type { ParsedMail } from 'mailparser';
import type { CycleInput } from '../../core/contracts';
import { waitFor } from '../../worker/dev/processes';
import type { FaultRig } from '../faults/fault-rig';

/** A working day of eight hours, compressed into `daySeconds`: seven in ten answers at any time of it, three in ten in
 * its last hour. Deterministic per run (a seeded generator), so two runs face the same day. */
function arrivals(count: number, daySeconds: number): number[] {
  let seed = 20270115;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const day = daySeconds * 1000;
  return Array.from({ length: count }, () => (random() < 0.7 ? random() * day : day * (7 / 8 + random() / 8)));
}

const header = (m: ParsedMail, name: string) => m.headers.get(name) as string | undefined;

async function taskMail(rig: FaultRig, taskId: string, to: string): Promise<{ link: string; at: number }> {
  let found: ParsedMail | undefined;
  await waitFor(
    async () => {
      found = rig.mail.find(
        (m) =>
          header(m, 'x-sopu-task') === taskId &&
          header(m, 'x-sopu-kind') === 'task-assigned' &&
          !Array.isArray(m.to) &&
          m.to?.value[0]?.address === to,
      );
      if (!found) throw new Error(`no task mail for ${taskId} yet`);
    },
    { timeoutMs: 600_000, intervalMs: 250, what: `the task mail of ${taskId}` },
  );
  const link = /https?:\/\/\S+\/t\/[A-Za-z0-9._~-]+/.exec(found!.text ?? '')?.[0];
  if (!link) throw new Error(`the task mail of ${taskId} has no link`);
  return { link, at: Date.now() };
}

/** One participant's answer through the form: the page read, the form sent, the receipt page read until it says the
 * answer is recorded (a 202 "not confirmed yet" page is read again, as the page itself refreshes). */
async function answerByForm(link: string, text: string, address: string): Promise<number> {
  const headers = { 'x-forwarded-for': address };
  const page = await (await fetch(link, { headers })).text();
  const request = /name="request" value="([^"]+)"/.exec(page)?.[1];
  if (!request) throw new Error(`no answer form at ${link}: ${page.replace(/<[^>]+>/g, ' ').slice(0, 600)}`);
  const started = performance.now();
  const sent = await fetch(link, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ action: 'answer', text, request }),
  });
  const receipt = sent.headers.get('location');
  if (sent.status !== 303 || !receipt) throw new Error(`the form was refused (${sent.status})`);
  const url = new URL(receipt, link).href;
  for (;;) {
    const shown = await fetch(url, { headers });
    if (shown.status === 200) return performance.now() - started;
    if (shown.status !== 202) throw new Error(`the receipt page answered ${shown.status}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** Every party's contact answers the preparation task through the web on the compressed day; `record` keeps each
 * receipt latency. The day starts when the first task mail has come. */
export async function webAnswers(
  rig: FaultRig,
  cycles: CycleInput[],
  daySeconds: number,
  record: (ms: number) => void,
): Promise<void> {
  const contacts = cycles.flatMap((c) =>
    c.parties.map((p) => ({ taskId: `${c.cycleId}/${p.code}/preparation`, person: p.participants[0]!, name: p.name })),
  );
  const dayStarts = Date.now();
  const at = arrivals(contacts.length, daySeconds);
  await Promise.all(
    contacts.map(async (c, i) => {
      const mail = await taskMail(rig, c.taskId, c.person.email);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, dayStarts + at[i]! - mail.at)));
      // Each participant from an address of its own (a private 10.x one), as behind the county's proxy.
      const address = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
      const text = `${c.name}: lähtötiedot. Tavoitteena hyvinvoinnin ja terveyden edistäminen.`;
      record(await answerByForm(mail.link, text, address));
    }),
  );
}

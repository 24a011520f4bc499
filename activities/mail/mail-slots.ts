// Mail is sent a few messages at a time per worker, whatever the number of notices in flight. A phase's task mails
// (hundreds at national scale) come the moment the phase opens, when the first answers do: each message reads the
// record's signed head, renders, writes its outbox row and its ledger line (under the cycle's lock), and unbounded
// they took the CPU, the connections and the lock the answers wait for (docs/performance.md). Answers go first; mail
// follows within seconds.

/** Runs at most `slots` of the given jobs at a time, in the order they came. */
export function slotsOf(slots: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(job: () => Promise<T>): Promise<T> => {
    if (running >= slots) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await job();
    } finally {
      // A finished job hands its slot to the next one waiting, or frees it.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

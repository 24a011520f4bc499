// A resource that several test projects' global set-ups share: started by the first that asks, stopped after the
// last lets go. Global set-ups all run in vitest's main process, so the registry lives on globalThis.
const registry = ((globalThis as { __sopuTestResources?: Map<string, unknown> }).__sopuTestResources ??= new Map());

interface Entry<T> {
  started: Promise<T & { stop(): Promise<void> }>;
  users: number;
}

export function once<T>(name: string, start: () => Promise<T & { stop(): Promise<void> }>) {
  return {
    async acquire(): Promise<{ value: T; release: () => Promise<void> }> {
      let entry = registry.get(name) as Entry<T> | undefined;
      if (!entry) registry.set(name, (entry = { started: start(), users: 0 }));
      entry.users++;
      const value = await entry.started;
      return {
        value,
        release: async () => {
          if (--entry.users > 0) return;
          registry.delete(name);
          await value.stop();
        },
      };
    },
  };
}

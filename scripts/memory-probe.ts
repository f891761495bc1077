/**
 * Preloaded into a server process by the load test (`node --expose-gc --import tsx --import
 * ./scripts/memory-probe.ts server/main.ts`, with an IPC channel): on a `{ type: 'memory' }`
 * message it collects garbage and answers with the process's memory and open handles, so the load
 * test can tell a leak from noise. Does nothing in a process without an IPC channel.
 */

/** What the probe reports. */
export interface MemorySample {
  heapUsed: number;
  heapTotal: number;
  rss: number;
  external: number;
  arrayBuffers: number;
  /** Open handles by type (sockets, timers, …). */
  handles: Record<string, number>;
}

async function collect(): Promise<MemorySample> {
  const gc = (globalThis as { gc?: () => void }).gc;
  // Several passes, with turns of the event loop between them, let finalisers and weak maps settle.
  for (let pass = 0; pass < 4; pass++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const usage = process.memoryUsage();
  const handles: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) handles[type] = (handles[type] ?? 0) + 1;
  return { heapUsed: usage.heapUsed, heapTotal: usage.heapTotal, rss: usage.rss, external: usage.external, arrayBuffers: usage.arrayBuffers, handles };
}

if (process.send) {
  process.on('message', (message: { type?: string; id?: number }) => {
    if (message?.type !== 'memory') return;
    void collect().then((sample) => process.send?.({ type: 'memory', id: message.id, sample }));
  });
  // The channel must not keep the server alive on its own.
  process.channel?.unref();
}

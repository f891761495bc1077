/** Small statistics and process-measurement helpers for the benchmark. */
import fs from 'node:fs';
import os from 'node:os';

/** Percentile summary of a list of milliseconds. */
export interface Summary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The `p`-th percentile (0–100) by the nearest-rank method on a sorted copy. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((left, right) => left - right);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
  return { count: sorted.length, mean: round(mean), p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted[sorted.length - 1] ?? Number.NaN) };
}

/** Rounds to 3 significant decimals for readable JSON. */
export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Peak and current resident memory of this process, from /proc (Linux) or process.memoryUsage. */
export function memoryNow(): { rssBytes: number; peakRssBytes: number | null } {
  const rssBytes = process.memoryUsage().rss;
  try {
    const status = fs.readFileSync('/proc/self/status', 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return { rssBytes, peakRssBytes: match ? Number(match[1]) * 1024 : null };
  } catch {
    return { rssBytes, peakRssBytes: null };
  }
}

/** Machine load, recorded next to every measurement (other work on the machine skews timings). */
export function machineLoad(): { loadavg: number[]; cpus: number } {
  return { loadavg: os.loadavg().map((value) => round(value, 2)), cpus: os.availableParallelism() };
}

/**
 * How much two threads get done at once compared with one, on this machine right now (1 = two
 * full cores). Shared hosts sometimes stall one vCPU for seconds; recording this next to each
 * measurement tells a slow row caused by the code from one caused by the host.
 */
export async function parallelismCheck(): Promise<{ soloMs: number; pairMs: number[]; efficiency: number }> {
  const { Worker } = await import('node:worker_threads');
  // The loop's own time, measured inside the worker (thread start-up excluded).
  const code = `const started = performance.now(); let x = 0; for (let i = 0; i < 4e8; i++) x = (x + i) | 0; require('node:worker_threads').parentPort.postMessage(x & 0 ? 0 : performance.now() - started);`;
  const run = (): Promise<number> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(code, { eval: true });
      worker.once('message', (ms: number) => {
        resolve(ms);
        void worker.terminate();
      });
      worker.once('error', reject);
    });
  const soloMs = await run();
  const pairMs = await Promise.all([run(), run()]);
  return { soloMs: round(soloMs, 1), pairMs: pairMs.map((value) => round(value, 1)), efficiency: round(soloMs / Math.max(...pairMs), 2) };
}

/**
 * Runs a bench stage in a forked child process, so each stage's memory and CPU are its own (one
 * corpus size cannot inflate the next one's resident memory). The child gets its task as the first
 * IPC message and answers with one `result` message; `progress` messages are logged.
 */
import { fork } from 'node:child_process';
import path from 'node:path';

export interface ChildMessage<R> {
  type: 'result' | 'progress' | 'error';
  result?: R;
  line?: string;
  error?: string;
}

/** Forks `script` (a .ts file under bench/), sends it `task`, and resolves with its result. */
export function runChild<T, R>(script: string, task: T, options: { log?: (line: string) => void; timeoutMs?: number; execArgv?: string[] } = {}): Promise<R> {
  const log = options.log ?? (() => undefined);
  return new Promise<R>((resolve, reject) => {
    const child = fork(path.resolve(import.meta.dirname, script), [], {
      execArgv: ['--import', 'tsx', ...(options.execArgv ?? [])],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    let settled = false;
    const timer = options.timeoutMs
      ? setTimeout(() => {
          if (settled) return;
          settled = true;
          child.kill('SIGKILL');
          reject(new Error(`${script} took longer than ${options.timeoutMs} ms`));
        }, options.timeoutMs)
      : undefined;
    child.on('message', (message: ChildMessage<R>) => {
      if (message.type === 'progress' && message.line) log(message.line);
      else if (message.type === 'result' && !settled) {
        settled = true;
        resolve(message.result as R);
      } else if (message.type === 'error' && !settled) {
        settled = true;
        reject(new Error(`${script}: ${message.error}`));
      }
    });
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (!settled) {
        settled = true;
        reject(new Error(`${script} exited (${signal ?? code}) without a result`));
      }
    });
    child.send(task as object);
  });
}

/**
 * The child side: waits for the task, runs `work`, sends the result and exits. `progress` sends a
 * log line to the parent.
 */
export function childMain<T, R>(work: (task: T, progress: (line: string) => void) => Promise<R>): void {
  const send = (message: ChildMessage<R>): Promise<void> => new Promise((resolve) => process.send!(message, () => resolve()));
  process.once('message', (task: T) => {
    work(task, (line) => void send({ type: 'progress', line })).then(
      async (result) => {
        await send({ type: 'result', result });
        process.exit(0);
      },
      async (error: unknown) => {
        await send({ type: 'error', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        process.exit(1);
      },
    );
  });
}

/**
 * The real server (`server/main.ts`) as a child process, for start-up, shutdown and load tests.
 * Settings come only from the given environment (the parent's own settings are dropped, so a
 * developer's OPENAI_API_KEY or ACCESS_TOKEN never leaks in); PORT defaults to 0 and the bound
 * port is read from the start-up line. Every process started here is killed by
 * `killServerProcesses` (call it from afterEach).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { settings } from '../../core/config.ts';
import { withTimeout } from './fake-openai.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  child: ChildProcess;
  /** The bound port, once `ready` resolved. */
  port: number;
  baseUrl: string;
  /** Everything written so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** True once the process has exited. */
  hasExited(): boolean;
  /** Waits (bounded) until stderr or stdout matches `pattern`. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

export interface StartOptions {
  /** Settings and other variables for the child; every product setting not given takes its default. */
  env: Record<string, string>;
  /** Extra node flags, e.g. --expose-gc or an --import preload. */
  nodeArgs?: string[];
  /** How long to wait for the server to listen (default 30 s). */
  readyTimeoutMs?: number;
  /** Resolve as soon as the process is spawned, without waiting for it to listen. */
  waitForReady?: boolean;
  /** An IPC channel to the child (`child.send`). */
  ipc?: boolean;
}

const running = new Set<ChildProcess>();

/** Environment of the parent without any product setting, plus `env`. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(settings)) delete base[name];
  return { ...base, EMBEDDING_MODEL: '', ALLOW_REMOTE_MODELS: 'false', LOG_LEVEL: 'warn', PORT: '0', HOST: '127.0.0.1', ...env };
}

/** Starts `node --import tsx server/main.ts`; by default waits until it listens. */
export async function startServerProcess(options: StartOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env: childEnv(options.env),
    stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  const wake = (): void => {
    for (const listener of [...listeners]) listener();
  };
  child.stdout!.setEncoding('utf8').on('data', (data: string) => {
    out += data;
    wake();
  });
  child.stderr!.setEncoding('utf8').on('data', (data: string) => {
    err += data;
    wake();
  });
  let exitedFlag = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      exitedFlag = true;
      running.delete(child);
      wake();
      resolve({ code, signal });
    }),
  );

  const server: ServerProcess = {
    child,
    port: 0,
    baseUrl: '',
    stdout: () => out,
    stderr: () => err,
    exited,
    hasExited: () => exitedFlag,
    async waitForOutput(pattern, timeoutMs = 30_000) {
      let check: (() => void) | undefined;
      const found = new Promise<string>((resolve, reject) => {
        check = (): void => {
          const match = pattern.exec(err) ?? pattern.exec(out);
          if (match) resolve(match[0]);
          else if (exitedFlag) reject(new Error(`the server exited (code ${child.exitCode}) before printing ${pattern}; stderr:\n${err}`));
        };
      });
      listeners.add(check!);
      check!();
      try {
        return await withTimeout(found, timeoutMs, `${pattern} in the server output; stderr so far:\n${err}`);
      } finally {
        listeners.delete(check!);
      }
    },
  };
  if (options.waitForReady === false) return server;
  const line = await server.waitForOutput(/is running at http:\/\/[^:]+:(\d+)\//, options.readyTimeoutMs ?? 30_000);
  server.port = Number(/:(\d+)\/$/.exec(line)![1]);
  server.baseUrl = `http://127.0.0.1:${server.port}`;
  return server;
}

/** SIGKILLs every server process still running. */
export async function killServerProcesses(): Promise<void> {
  const children = [...running];
  running.clear();
  await Promise.all(
    children.map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await withTimeout(gone, 5_000, 'a server process to die').catch(() => undefined);
    }),
  );
}

/**
 * A PostgreSQL server for tests: PGlite (PostgreSQL 18 compiled to WebAssembly, with pgvector and
 * pg_textsearch) served on a loopback port by pglite-socket, so the product connects to it with
 * the ordinary `pg` client exactly as to a real server. It runs in a child process
 * (pglite-child.ts). One per test file: PGlite is a single backend that pglite-socket shares
 * between connections, one statement at a time.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export type PgliteExtension = 'vector' | 'pg_textsearch';

export interface PgliteServer {
  /** `postgres://…` for DATABASE_URL. */
  url: string;
  /** Closes every connection and stops listening: the database "goes away" (its data stays). */
  pause(): Promise<void>;
  /** Listens again on the same port. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

const script = path.join(import.meta.dirname, 'pglite-child.ts');

function reply(child: ChildProcess, check: (message: any) => boolean): Promise<any> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown): void => {
      if (!check(message)) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message);
    };
    const onExit = (code: number | null): void => reject(new Error(`the PGlite process exited (${code}) before answering`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/**
 * Starts PGlite with `extensions` (default: both) on a free loopback port. Its files live in
 * memory unless `dataDir` names a folder (for corpora too large to hold in memory).
 */
export async function startPglite(options: { extensions?: readonly PgliteExtension[]; dataDir?: string } = {}): Promise<PgliteServer> {
  const extensions = options.extensions ?? ['vector', 'pg_textsearch'];
  const child = fork(script, [extensions.join(','), ...(options.dataDir ? [options.dataDir] : [])], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { port } = await reply(child, (message) => typeof message?.port === 'number');
  const command = async (name: 'pause' | 'resume' | 'stop'): Promise<void> => {
    if (child.exitCode !== null) return;
    const done = reply(child, (message) => message?.done === name);
    child.send({ command: name });
    await done;
  };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    pause: () => command('pause'),
    resume: () => command('resume'),
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await command('stop').catch(() => undefined);
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

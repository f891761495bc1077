/**
 * A real PostgreSQL 15 server for tests (Debian's `postgresql-15`: no pgvector, no pg_textsearch,
 * so the product runs lexical-only with the tsvector fallback). The test runs `initdb` in a
 * temporary folder and starts the server on a free loopback port. PostgreSQL refuses to run as
 * root: when the tests run as root, both run as the `postgres` user (or `nobody`).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface PostgresServer {
  url: string;
  /** Stops the server (a fast shutdown: connections are cut); its data stays. */
  pause(): Promise<void>;
  /** Starts it again on the same port. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

const binDir = '/usr/lib/postgresql/15/bin';

/** The user the server runs as: ourselves, or an unprivileged account when we are root. */
function serverUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    const entry = fs
      .readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((line) => line.startsWith(`${name}:`));
    if (entry) {
      const [, , uid, gid] = entry.split(':');
      return { uid: Number(uid), gid: Number(gid) };
    }
  }
  throw new Error('running as root, and neither a postgres nor a nobody account exists to run PostgreSQL as');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited with ${child.exitCode}:\n${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`postgres did not accept connections within 30 s:\n${log()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** Runs initdb in a temporary folder and starts PostgreSQL 15 on a free loopback port. */
export async function startPostgres15(): Promise<PostgresServer> {
  if (!fs.existsSync(path.join(binDir, 'initdb'))) {
    throw new Error(`${binDir}/initdb not found: install Debian's PostgreSQL 15 (apt-get install -y postgresql-15)`);
  }
  const user = serverUser();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pbqa-pg15-'));
  if (user) fs.chownSync(root, user.uid, user.gid);
  const dataDir = path.join(root, 'data');
  const asUser = user ? { uid: user.uid, gid: user.gid } : {};
  const init = spawnSync(path.join(binDir, 'initdb'), ['-D', dataDir, '-U', 'pbqa', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], { ...asUser, encoding: 'utf8', cwd: root });
  if (init.status !== 0) throw new Error(`initdb failed (${init.status}): ${init.stderr || init.error?.message}`);
  const port = await freePort();
  const url = `postgres://pbqa@127.0.0.1:${port}/postgres`;
  let child: ChildProcess | null = null;
  let output = '';
  const start = async (): Promise<void> => {
    output = '';
    const started = spawn(
      path.join(binDir, 'postgres'),
      ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${root}`, '-c', 'fsync=off', '-c', 'max_connections=60'],
      { ...asUser, cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    started.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child = started;
    await waitUntilReady(url, started, () => output);
  };
  const halt = async (): Promise<void> => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGINT');
    await exited;
  };
  await start();
  return {
    url,
    pause: halt,
    resume: async () => {
      if (!child) await start();
    },
    async stop() {
      await halt();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

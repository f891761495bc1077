/**
 * A PGlite server in its own process (started by `startPglite` in pglite-server.ts): PostgreSQL
 * in WebAssembly runs its statements synchronously on its thread, and a test process must keep
 * its own event loop (and its native addons) to itself. Commands come over IPC: `pause` (close
 * every connection and stop listening: the database "goes away"), `resume`, `stop`.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { PGlite, type Extensions } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { pg_textsearch } from '@electric-sql/pglite-pg_textsearch';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const available: Record<string, Extensions[string]> = { vector, pg_textsearch };
// The package does not export its package.json: read it beside the resolved entry point.
const packageDir = path.resolve(path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')), '..');
const version = (JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;

/** The initialised data folder as a tarball: initdb takes 15–30 s here, loading the tarball 2–3 s. */
async function initialisedDataDir(extensions: Extensions, key: string): Promise<Blob> {
  const file = path.join(os.tmpdir(), `pbqa-pglite-${version}-${key}.tar`);
  if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
  const db = await PGlite.create({ extensions });
  const dump = await db.dumpDataDir('none');
  await db.close();
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(temporary, file);
  return dump;
}

const names = (process.argv[2] ?? '').split(',').filter(Boolean).sort();
const extensions: Extensions = Object.fromEntries(names.map((name) => [name, available[name]!]));
// A data folder on disk (argv[3]) is initialised in place; in memory, from the cached tarball.
const dataDir = process.argv[3];
const db = dataDir ? await PGlite.create({ extensions, dataDir }) : await PGlite.create({ extensions, loadDataDir: await initialisedDataDir(extensions, names.join('+') || 'plain') });
let port = 0;
let server: PGLiteSocketServer | null = null;

async function listen(): Promise<void> {
  server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 64 });
  await server.start();
  port = Number(server.getServerConn().split(':').pop());
}

await listen();
process.send!({ port });
process.on('message', (message: { command: 'pause' | 'resume' | 'stop' }) => {
  void (async () => {
    if (message.command === 'pause') {
      await server?.stop();
      server = null;
    } else if (message.command === 'resume') {
      if (!server) await listen();
    } else {
      await server?.stop();
      await db.close();
    }
    process.send!({ done: message.command });
    if (message.command === 'stop') process.exit(0);
  })();
});
// The parent went away: nothing is left to serve.
process.on('disconnect', () => process.exit(0));

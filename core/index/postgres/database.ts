/**
 * The `pg` adapter: the only file that imports pg. A connection pool; every statement runs in an
 * explicit transaction whose per-query settings are `SET LOCAL` (through `set_config(…, true)`),
 * so they never outlive the query and stay correct behind a transaction-pooling pgbouncer. The
 * transaction opens with one simple-protocol message: a server that shares one session between
 * connections (PGlite behind pglite-socket) then runs a connection's parse/bind/execute without
 * interleaving another's. Connection failures become DATABASE_UNAVAILABLE with the database
 * named, never a raw driver error.
 */
import pg from 'pg';
import { AppError, throwIfAborted } from '../../errors.ts';

export interface DatabaseOptions {
  /** `postgres://user:password@host:port/database` (the `DATABASE_URL` setting). */
  url: string;
  /** Connections this process may hold (searches run in parallel up to this many). */
  maxConnections?: number;
  /** Longest a single statement may run, in milliseconds (0: no limit, e.g. for the ingest's publish). */
  statementTimeoutMs?: number;
}

/** A connection taken from the pool for several statements (the ingest holds one throughout). */
export type DatabaseClient = pg.PoolClient;

/** Per-transaction settings: a name (`hnsw.ef_search`) and its value. */
export type LocalSettings = Readonly<Record<string, string | number>>;

const settingName = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

/** bigint (int8) comes back as a number: counts and passage ids fit in a double (hashes are read as text). */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** The connection string without its password, for messages and logs. */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
  } catch {
    return 'the database';
  }
}

/** Whether an error means the server could not be reached or went away (rather than a bad statement). */
export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|57P0[1-3]|08\w{3})$/.test(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|terminating connection|Connection ended/i.test(message);
}

export class Database {
  private readonly pool: pg.Pool;
  readonly name: string;

  constructor(readonly options: DatabaseOptions) {
    this.name = describeDatabase(options.url);
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: options.maxConnections ?? 8,
      // Idle connections stay a while: opening one waits behind a long publish on a single-session
      // server (PGlite), and costs a handshake on any server.
      idleTimeoutMillis: 300_000,
      connectionTimeoutMillis: 30_000,
      application_name: 'party-building-qa',
      types,
    });
    // An idle connection that dies (the server restarts) must not crash the process: the pool
    // drops it and the next query opens a new one.
    this.pool.on('error', () => undefined);
  }

  /** Turns driver errors into AppErrors: unreachable → DATABASE_UNAVAILABLE; others keep their cause. */
  wrap(error: unknown, what: string): AppError {
    if (error instanceof AppError) return error;
    if (isConnectionError(error)) {
      return new AppError('DATABASE_UNAVAILABLE', `cannot reach the database ${this.name} (${what}): ${(error as Error).message}`, { cause: error });
    }
    return new AppError('INTERNAL', `${what} failed in ${this.name}: ${(error as Error).message}`, { cause: error });
  }

  /** Takes a connection; release it with `client.release()` (pass the error when it broke). */
  async connect(): Promise<DatabaseClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      throw this.wrap(error, 'connect');
    }
  }

  /** One statement, in a transaction of its own. */
  async query<Row extends object>(sql: string, params: readonly unknown[] = [], what = 'query'): Promise<Row[]> {
    return this.transaction(async (client) => (await client.query<Row>(sql, params as unknown[])).rows, { what });
  }

  /**
   * Runs `work` in a transaction with `settings` applied as SET LOCAL (plus the statement time-out),
   * commits, and returns its result; rolls back on any error. `readOnly` with `repeatableRead`
   * gives one consistent view of the database across several statements.
   */
  async transaction<T>(
    work: (client: DatabaseClient) => Promise<T>,
    options: { what?: string; settings?: LocalSettings; readOnly?: boolean; repeatableRead?: boolean; signal?: AbortSignal | undefined } = {},
  ): Promise<T> {
    throwIfAborted(options.signal);
    const client = await this.connect();
    let broken: Error | undefined;
    try {
      return await inTransaction(client, work, { ...options, settings: { statement_timeout: this.options.statementTimeoutMs ?? 0, ...options.settings } });
    } catch (error) {
      if (isConnectionError(error)) broken = error as Error;
      throw this.wrap(error, options.what ?? 'transaction');
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * Runs `work` on `client` in a transaction opened with `settings` as SET LOCAL, in one
 * simple-protocol message (values escaped, names checked); commits, or rolls back on an error.
 */
export async function inTransaction<T>(
  client: DatabaseClient,
  work: (client: DatabaseClient) => Promise<T>,
  options: { settings?: LocalSettings | undefined; readOnly?: boolean | undefined; repeatableRead?: boolean | undefined } = {},
): Promise<T> {
  const settings = options.settings ?? {};
  const names = Object.keys(settings);
  for (const name of names) if (!settingName.test(name)) throw new AppError('INTERNAL', `not a setting name: ${name}`);
  const begin = `BEGIN${options.repeatableRead ? ' ISOLATION LEVEL REPEATABLE READ' : ''}${options.readOnly ? ' READ ONLY' : ''}`;
  const local = names.map((name) => `set_config('${name}', ${pg.escapeLiteral(String(settings[name]))}, true)`).join(', ');
  await client.query(names.length > 0 ? `${begin}; SELECT ${local}` : begin);
  try {
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    if (!isConnectionError(error)) await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

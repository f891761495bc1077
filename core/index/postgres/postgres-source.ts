/**
 * Snapshots from PostgreSQL: the published corpus version, polled cheaply (one row) so that every
 * app server over the same database picks up a new version within its poll interval.
 */
import type { SnapshotSource } from '../index-snapshot.ts';
import { Database, type DatabaseOptions } from './database.ts';
import { PostgresSnapshot } from './postgres-snapshot.ts';
import { migrate, type DatabaseCapabilities } from './schema.ts';
import { TextCache } from './text-cache.ts';

/** An open, migrated database: what the server and the ingest share. */
export interface PostgresStore {
  database: Database;
  capabilities: DatabaseCapabilities;
}

/** Connects and migrates (idempotent; concurrent callers wait for one another). */
export async function openPostgres(options: DatabaseOptions): Promise<PostgresStore> {
  const database = new Database(options);
  try {
    const { capabilities } = await migrate(database);
    return { database, capabilities };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

/** Why search is weaker than it could be on this server, for health and the start-up log. */
export function capabilityWarnings(capabilities: DatabaseCapabilities): string[] {
  const warnings: string[] = [];
  if (capabilities.vectorsMissing) warnings.push(`vector search is off: ${capabilities.vectorsMissing} (search is lexical-only)`);
  if (capabilities.bm25Missing) warnings.push(`lexical search uses the tsvector fallback: ${capabilities.bm25Missing}`);
  return warnings;
}

export class PostgresSource implements SnapshotSource {
  private readonly texts: TextCache;

  constructor(readonly store: PostgresStore) {
    this.texts = new TextCache(store.database);
  }

  async currentVersion(): Promise<string | null> {
    const rows = await this.store.database.query<{ corpus_version: number }>('SELECT corpus_version FROM pbqa_meta', [], 'reading the corpus version');
    const version = rows[0]?.corpus_version ?? 0;
    return version === 0 ? null : String(version);
  }

  load(options: { vectorModel: string | null }): Promise<PostgresSnapshot> {
    return PostgresSnapshot.load(this.store.database, this.store.capabilities, this.texts, options);
  }

  async close(): Promise<void> {
    await this.store.database.close();
  }
}

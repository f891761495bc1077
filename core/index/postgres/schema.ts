/**
 * The PostgreSQL schema and its migrations, applied at start-up (server and ingest alike) in one
 * transaction under an advisory lock, so several app servers starting at once migrate once.
 *
 * Tables (all `pbqa_`-prefixed, in the connection's schema):
 * - `pbqa_meta`       one row: schema version, how lexical search ranks, the analyzer (tokenizer)
 *                     version and embedding model and dimension of the stored corpus, the
 *                     published corpus version and its statistics
 * - `pbqa_documents`  one row per article: metadata, headings, reposts folded into it, and its
 *                     term counts (`words`, `bigrams`: tsvectors whose positions count occurrences)
 * - `pbqa_texts`      cleaned article texts by content hash (a replaced text stays a while for
 *                     servers still reading the previous version)
 * - `pbqa_passages`   one row per passage: offsets, heading path, term counts, the hash of its
 *                     embedded text, and (with pgvector) its `embedding`
 * - `pbqa_terms`      per field and term: how many passages and documents contain it
 * - `pbqa_practices`  one row: the practice catalog (做法库) of the published version, as
 *                     core/practices/store.ts serialises it, and its vectors
 * - `pbqa_feedback`, `pbqa_uploads`  what the app servers keep besides the index (see
 *                     core/store/app-store.ts), so that any server can answer for any other
 * - `pbqa_ingest_*`   staging of an ingest in progress (unlogged; published in one transaction)
 *
 * Tokens come from the app (jieba words and character bigrams, see core/text/tokenize.ts), never
 * from a server-side parser. Lexical search uses pg_textsearch's BM25 indexes when the server has
 * the extension, and GIN indexes over the tsvectors (BM25 computed in SQL) otherwise.
 */
import { AppError } from '../../errors.ts';
import type { Database, DatabaseClient } from './database.ts';

/** Bump with a new entry in `migrations`. */
export const schemaVersion = 2;

/** How lexical search ranks on this server. */
export type LexicalMode = 'pg_textsearch' | 'tsvector-fallback';

/** What the server offers, found at migration. */
export interface DatabaseCapabilities {
  /** pgvector is installed: passages can hold vectors. */
  vectors: boolean;
  /** Why not, when not. */
  vectorsMissing: string | null;
  lexical: LexicalMode;
  /** Why pg_textsearch is not used, when it is not. */
  bm25Missing: string | null;
  serverVersion: string;
}

/** The meta row. */
export interface DatabaseMeta {
  schemaVersion: number;
  lexical: LexicalMode;
  analyzer: string | null;
  embeddingModel: string | null;
  embeddingDimension: number | null;
  chunking: { size: number; overlap: number } | null;
  corpusVersion: number;
  publishedAt: string | null;
  build: Record<string, unknown> | null;
  passages: number;
  documents: number;
  wordTokens: number;
  bigramTokens: number;
}

const migrateLock = "hashtextextended('party-building-qa:migrate', 0)";

const tokensFunction = `
CREATE OR REPLACE FUNCTION pbqa_tokens(terms tsvector) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(repeat(u.lexeme || ' ', coalesce(cardinality(u.positions), 1)), ''), '') FROM unnest(terms) u
$$`;

/** Schema changes in order; each runs once, inside the migration transaction. */
const migrations: readonly { version: number; statements: readonly string[] }[] = [
  {
    version: 1,
    statements: [
      `CREATE TABLE pbqa_meta (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        schema_version integer NOT NULL,
        lexical text NOT NULL,
        analyzer text,
        embedding_model text,
        embedding_dimension integer,
        chunking jsonb,
        corpus_version bigint NOT NULL DEFAULT 0,
        published_at timestamptz,
        build jsonb,
        passages bigint NOT NULL DEFAULT 0,
        documents bigint NOT NULL DEFAULT 0,
        word_tokens bigint NOT NULL DEFAULT 0,
        bigram_tokens bigint NOT NULL DEFAULT 0
      )`,
      `CREATE TABLE pbqa_texts (content_hash text PRIMARY KEY, body text NOT NULL, released_at timestamptz)`,
      `CREATE TABLE pbqa_documents (
        doc_id text PRIMARY KEY,
        source_path text NOT NULL,
        line integer,
        format text NOT NULL,
        title text NOT NULL, college text NOT NULL, unit text NOT NULL, date text NOT NULL,
        source text NOT NULL, author text NOT NULL, url text NOT NULL,
        year integer NOT NULL,
        content_hash text NOT NULL,
        text_length integer NOT NULL,
        headings jsonb NOT NULL,
        duplicates jsonb NOT NULL DEFAULT '[]',
        chunk_count integer NOT NULL,
        word_length integer NOT NULL,
        bigram_length integer NOT NULL,
        words tsvector NOT NULL,
        bigrams tsvector NOT NULL
      )`,
      `CREATE INDEX pbqa_documents_college ON pbqa_documents (college, year)`,
      `CREATE TABLE pbqa_passages (
        id bigserial PRIMARY KEY,
        doc_id text NOT NULL REFERENCES pbqa_documents (doc_id) ON DELETE CASCADE,
        ordinal integer NOT NULL,
        start_offset integer NOT NULL,
        end_offset integer NOT NULL,
        heading_path integer[] NOT NULL,
        college text NOT NULL,
        year integer NOT NULL,
        text_hash bigint NOT NULL,
        word_length integer NOT NULL,
        bigram_length integer NOT NULL,
        words tsvector NOT NULL,
        bigrams tsvector NOT NULL,
        UNIQUE (doc_id, ordinal)
      )`,
      `CREATE INDEX pbqa_passages_college ON pbqa_passages (college, year)`,
      `CREATE INDEX pbqa_passages_text_hash ON pbqa_passages (text_hash)`,
      `CREATE TABLE pbqa_terms (
        field smallint NOT NULL,
        term text NOT NULL,
        passages integer NOT NULL,
        documents integer NOT NULL,
        PRIMARY KEY (field, term)
      )`,
      `CREATE UNLOGGED TABLE pbqa_ingest_documents (run text NOT NULL, body text NOT NULL, LIKE pbqa_documents INCLUDING DEFAULTS)`,
      `CREATE INDEX pbqa_ingest_documents_run ON pbqa_ingest_documents (run)`,
      `CREATE UNLOGGED TABLE pbqa_ingest_passages (
        run text NOT NULL,
        doc_id text NOT NULL,
        ordinal integer NOT NULL,
        start_offset integer NOT NULL,
        end_offset integer NOT NULL,
        heading_path integer[] NOT NULL,
        text_hash bigint NOT NULL,
        word_length integer NOT NULL,
        bigram_length integer NOT NULL,
        words tsvector NOT NULL,
        bigrams tsvector NOT NULL,
        embedding_model text,
        embedding real[]
      )`,
      `CREATE INDEX pbqa_ingest_passages_run ON pbqa_ingest_passages (run)`,
      `CREATE INDEX pbqa_ingest_passages_text_hash ON pbqa_ingest_passages (text_hash)`,
      `CREATE UNLOGGED TABLE pbqa_ingest_duplicates (run text NOT NULL, doc_id text NOT NULL, duplicates jsonb NOT NULL)`,
    ],
  },
  {
    version: 2,
    statements: [
      `CREATE TABLE pbqa_practices (singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton), catalog text NOT NULL, vectors bytea)`,
      `CREATE TABLE pbqa_feedback (
        id serial PRIMARY KEY,
        answer_id text NOT NULL UNIQUE,
        rating text NOT NULL CHECK (rating IN ('up', 'down')),
        comment text NOT NULL,
        question text NOT NULL,
        mode text NOT NULL,
        answer text NOT NULL,
        citations jsonb NOT NULL,
        searched_for text NOT NULL,
        engine text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`,
      `CREATE INDEX pbqa_feedback_by_rating ON pbqa_feedback (rating, id)`,
      `CREATE TABLE pbqa_uploads (source_path text PRIMARY KEY, original_name text NOT NULL, bytes integer NOT NULL, sha256 text NOT NULL, uploaded_at timestamptz NOT NULL)`,
    ],
  },
];

/** Tries `sql` inside a savepoint; returns the error message, or null when it worked. */
async function attempt(client: DatabaseClient, sql: string): Promise<string | null> {
  await client.query('SAVEPOINT attempt');
  try {
    await client.query(sql);
    await client.query('RELEASE SAVEPOINT attempt');
    return null;
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT attempt');
    return (error as Error).message;
  }
}

/** Creates an extension when the server has it; returns why not otherwise. */
async function ensureExtension(client: DatabaseClient, name: string, label: string): Promise<string | null> {
  const { rows } = await client.query<{ installed: string | null }>('SELECT installed_version AS installed FROM pg_available_extensions WHERE name = $1', [name]);
  if (rows.length === 0) return `the database server has no ${label} extension`;
  if (rows[0]!.installed) return null;
  const failed = await attempt(client, `CREATE EXTENSION IF NOT EXISTS ${name}`);
  return failed === null ? null : `${label} could not be enabled (${failed}); a superuser can run CREATE EXTENSION ${name}`;
}

/** The lexical indexes of `mode`; the other mode's are dropped (they would only cost space and writes). */
function lexicalIndexes(mode: LexicalMode): string[] {
  const bm25 = (table: string, column: string): string =>
    `CREATE INDEX IF NOT EXISTS ${table}_${column}_bm25 ON ${table} USING bm25 ((pbqa_tokens(${column}))) WITH (text_config = 'simple')`;
  const gin = (table: string, column: string): string => `CREATE INDEX IF NOT EXISTS ${table}_${column}_gin ON ${table} USING gin (${column})`;
  const drop = (table: string, column: string, kind: string): string => `DROP INDEX IF EXISTS ${table}_${column}_${kind}`;
  const columns = [
    ['pbqa_passages', 'words'],
    ['pbqa_passages', 'bigrams'],
    ['pbqa_documents', 'words'],
    ['pbqa_documents', 'bigrams'],
  ] as const;
  if (mode === 'pg_textsearch') return [...columns.map(([table, column]) => bm25(table, column)), ...columns.map(([table, column]) => drop(table, column, 'gin'))];
  // The fallback finds passages by term; documents are scored from their passages' matches.
  return [gin('pbqa_passages', 'words'), gin('pbqa_passages', 'bigrams'), ...columns.map(([table, column]) => drop(table, column, 'bm25'))];
}

/** Reads the meta row (null before the first migration). */
export async function readMeta(client: Pick<DatabaseClient, 'query'>): Promise<DatabaseMeta | null> {
  const { rows } = await client.query<Record<string, unknown>>(`SELECT to_regclass('pbqa_meta') IS NOT NULL AS present`);
  if (!rows[0]?.present) return null;
  const meta = (await client.query<Record<string, any>>('SELECT * FROM pbqa_meta')).rows[0];
  if (!meta) return null;
  return {
    schemaVersion: meta.schema_version,
    lexical: meta.lexical,
    analyzer: meta.analyzer,
    embeddingModel: meta.embedding_model,
    embeddingDimension: meta.embedding_dimension,
    chunking: meta.chunking,
    corpusVersion: Number(meta.corpus_version),
    publishedAt: meta.published_at ? new Date(meta.published_at).toISOString() : null,
    build: meta.build,
    passages: Number(meta.passages),
    documents: Number(meta.documents),
    wordTokens: Number(meta.word_tokens),
    bigramTokens: Number(meta.bigram_tokens),
  };
}

/**
 * Brings the database to this program's schema: enables pgvector and pg_textsearch where the
 * server has them, creates or migrates the tables, and makes the lexical indexes match what the
 * server offers. Throws INDEX_SCHEMA_MISMATCH when the database was migrated by a newer program.
 */
export async function migrate(database: Database): Promise<{ meta: DatabaseMeta; capabilities: DatabaseCapabilities }> {
  return database.transaction(
    async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock(${migrateLock})`);
      const serverVersion = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
      const vectorsMissing = await ensureExtension(client, 'vector', 'pgvector');
      const bm25Missing = await ensureExtension(client, 'pg_textsearch', 'pg_textsearch (BM25)');
      const lexical: LexicalMode = bm25Missing === null ? 'pg_textsearch' : 'tsvector-fallback';
      const before = await readMeta(client);
      const current = before?.schemaVersion ?? 0;
      if (current > schemaVersion) {
        throw new AppError(
          'INDEX_SCHEMA_MISMATCH',
          `the database ${database.name} has schema version ${current}, newer than this program's ${schemaVersion}: run the newer version of the program`,
          { details: { found: current, expected: schemaVersion } },
        );
      }
      for (const migration of migrations) {
        if (migration.version <= current) continue;
        for (const statement of migration.statements) await client.query(statement);
      }
      await client.query(tokensFunction);
      for (const statement of lexicalIndexes(lexical)) await client.query(statement);
      if (before) await client.query('UPDATE pbqa_meta SET schema_version = $1, lexical = $2', [schemaVersion, lexical]);
      else await client.query('INSERT INTO pbqa_meta (schema_version, lexical) VALUES ($1, $2)', [schemaVersion, lexical]);
      const meta = (await readMeta(client))!;
      return { meta, capabilities: { vectors: vectorsMissing === null, vectorsMissing, lexical, bm25Missing, serverVersion } };
    },
    { what: 'schema migration' },
  );
}

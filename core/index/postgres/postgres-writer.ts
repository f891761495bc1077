/**
 * The PostgreSQL backend of `CorpusWriter`. An ingest stages what changed, then publishes it in
 * one transaction:
 *
 * 1. It holds an advisory lock for its whole run (a second ingest is refused) on one connection.
 * 2. Each article whose content hash the database already holds is kept as it is: not written,
 *    not embedded. New and changed articles are staged in the unlogged `pbqa_ingest_*` tables,
 *    their passages with vectors reused by text hash (from the live passages, or from a staging
 *    run that died) or embedded. Readers see none of this.
 * 3. `publish` runs one transaction: replaced and removed articles are deleted, the staged ones
 *    inserted, term statistics adjusted, reposts updated, and the corpus version bumped. A reader
 *    sees the previous version or the new one, never a mix; a kill -9 at any point leaves the
 *    previous version serving (the server rolls back a transaction whose connection died).
 *
 * Everything is rewritten (vectors still reused where the model matches) when the analyzer
 * version or the chunking changed, or when vectors are switched to another model (`reembed`).
 */
import { AppError } from '../../errors.ts';
import type { DuplicateSource } from '../../documents.ts';
import type { Embedder } from '../../embedding/embedder.ts';
import type { PracticeCatalogWriter, SerializedCatalog } from '../../practices/store.ts';
import { tokenizerVersion } from '../../text/tokenize.ts';
import type { CorpusWriter, PublishInfo } from '../corpus-writer.ts';
import type { DocumentToWrite, WrittenChunk } from '../index-writer.ts';
import { inTransaction, type DatabaseClient } from './database.ts';
import type { PostgresStore } from './postgres-source.ts';
import { readMeta, type DatabaseMeta } from './schema.ts';
import { countTokens, hashToBigint, parseVector, tsvectorLiteral, unpackAnalysis } from './term-vectors.ts';

export interface PostgresWriterOptions {
  /** The ingest's chunking: stored passages cut another way are all rewritten. */
  chunking: { size: number; overlap: number };
  /**
   * Replace the stored vectors with this ingest's model (or drop them, without a model). Without
   * it, an ingest whose model differs from the stored vectors' is refused: re-embedding a large
   * corpus takes hours, and a mistyped setting should not start it.
   */
  reembed?: boolean;
  /** Staged rows sent per statement. */
  batchSize?: number;
}

const ingestLock = "hashtextextended('party-building-qa:ingest', 0)";

interface StagedPassage {
  docId: string;
  ordinal: number;
  start: number;
  end: number;
  headingPath: number[];
  textHash: string;
  wordLength: number;
  bigramLength: number;
  words: string;
  bigrams: string;
  embedding: Float32Array | null;
}

interface StagedDocument {
  body: string;
  row: unknown[];
}

/** The columns of a document row, in the order `documentRow` returns them. */
const documentColumns = [
  'doc_id', 'source_path', 'line', 'format', 'title', 'college', 'unit', 'date', 'source', 'author', 'url', 'year',
  'content_hash', 'text_length', 'headings', 'chunk_count', 'word_length', 'bigram_length', 'words', 'bigrams',
] as const;
const documentTypes = ['text', 'text', 'int', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'int', 'text', 'int', 'jsonb', 'int', 'int', 'int', 'tsvector', 'tsvector'];

/** Publication year of a date string, or 0. */
function yearOf(date: string): number {
  return /^\d{4}/.test(date) ? Number(date.slice(0, 4)) : 0;
}

export class PostgresCorpusWriter implements CorpusWriter {
  readonly previousDocuments: ReadonlyMap<string, string>;
  readonly previousSources: ReadonlySet<string>;
  private readonly previousDuplicates: ReadonlyMap<string, string>;
  private readonly run = `${Date.now().toString(36)}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private readonly docIds: string[] = [];
  private readonly staged = new Set<string>();
  private readonly duplicates = new Map<number, DuplicateSource[]>();
  private pendingDocuments: StagedDocument[] = [];
  private practices: SerializedCatalog | null = null;
  private pendingPassages: StagedPassage[] = [];
  /** Passages still waiting for `addVector`, oldest first (all of them are in `pendingPassages`). */
  private awaiting = 0;
  private passageTotal = 0;
  private finished = false;
  private readonly batchSize: number;

  private constructor(
    private readonly store: PostgresStore,
    private readonly client: DatabaseClient,
    private readonly meta: DatabaseMeta,
    /** The model whose vectors this ingest stores, or null. */
    private readonly model: { id: string; dimension: number } | null,
    private readonly rewriteAll: boolean,
    previous: { doc_id: string; source_path: string; content_hash: string; duplicates: unknown }[],
    options: PostgresWriterOptions,
  ) {
    this.previousDocuments = new Map(previous.map((row) => [row.doc_id, row.content_hash]));
    this.previousSources = new Set(previous.map((row) => row.source_path));
    this.previousDuplicates = new Map(previous.map((row) => [row.doc_id, JSON.stringify(row.duplicates)]));
    this.batchSize = options.batchSize ?? 500;
  }

  /**
   * Takes the ingest lock and reads what the database holds. Throws when another ingest runs, or
   * when the embedding model differs from the stored vectors' without `reembed`.
   */
  static async open(store: PostgresStore, embedder: Pick<Embedder, 'modelId' | 'dimension'> | null, options: PostgresWriterOptions): Promise<PostgresCorpusWriter> {
    const { database, capabilities } = store;
    const client = await database.connect();
    try {
      const locked = (await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${ingestLock}) AS locked`)).rows[0]?.locked;
      if (!locked) throw new AppError('INTERNAL', `another ingest is writing the database ${database.name}; wait for it to finish`);
      const meta = (await readMeta(client))!;
      const model = embedder && capabilities.vectors ? { id: embedder.modelId, dimension: embedder.dimension } : null;
      const stored = meta.embeddingModel;
      if (stored !== null && meta.passages > 0 && !options.reembed) {
        if (model === null) {
          throw new AppError(
            'EMBEDDING_MISMATCH',
            `the database ${database.name} holds ${stored} vectors; this ingest has no embedding model. Ingest with ${stored}, or add --reembed to drop the vectors (search becomes lexical-only)`,
          );
        }
        if (model.id !== stored || model.dimension !== meta.embeddingDimension) {
          throw new AppError(
            'EMBEDDING_MISMATCH',
            `the database ${database.name} holds ${stored} vectors (${meta.embeddingDimension} dimensions); this ingest embeds with ${model.id} (${model.dimension}). Set EMBEDDING_MODEL=${stored}, or add --reembed to replace every vector`,
          );
        }
      }
      const chunking = options.chunking;
      const rewriteAll =
        meta.analyzer !== tokenizerVersion ||
        meta.chunking?.size !== chunking.size ||
        meta.chunking?.overlap !== chunking.overlap ||
        (model?.id ?? null) !== stored ||
        (model !== null && model.dimension !== meta.embeddingDimension);
      // Rows an abandoned run staged without vectors are of no further use.
      await client.query('DELETE FROM pbqa_ingest_passages WHERE embedding IS NULL');
      await client.query('DELETE FROM pbqa_ingest_documents');
      await client.query('DELETE FROM pbqa_ingest_duplicates');
      const previous = (await client.query<{ doc_id: string; source_path: string; content_hash: string; duplicates: unknown }>('SELECT doc_id, source_path, content_hash, duplicates FROM pbqa_documents')).rows;
      return new PostgresCorpusWriter(store, client, meta, model, rewriteAll, previous, options);
    } catch (error) {
      await client.query(`SELECT pg_advisory_unlock(${ingestLock})`).catch(() => undefined);
      client.release();
      throw database.wrap(error, 'starting the ingest');
    }
  }

  get documentCount(): number {
    return this.docIds.length;
  }

  get chunkCount(): number {
    return this.passageTotal;
  }

  async addDocument(document: DocumentToWrite, chunks: readonly WrittenChunk[]): Promise<{ number: number; needsVectors: boolean }> {
    const number = this.docIds.length;
    this.docIds.push(document.docId);
    this.passageTotal += chunks.length;
    if (!this.rewriteAll && this.previousDocuments.get(document.docId) === document.contentHash) return { number, needsVectors: false };
    this.staged.add(document.docId);
    const documentWords = new Map<string, number>();
    const documentBigrams = new Map<string, number>();
    let wordLength = 0;
    let bigramLength = 0;
    chunks.forEach((chunk, ordinal) => {
      const { words, bigrams } = unpackAnalysis(chunk.analyzed);
      countTokens(words, documentWords);
      countTokens(bigrams, documentBigrams);
      wordLength += words.length;
      bigramLength += bigrams.length;
      this.pendingPassages.push({
        docId: document.docId,
        ordinal,
        start: chunk.start,
        end: chunk.end,
        headingPath: chunk.headingPath,
        textHash: hashToBigint(chunk.hash),
        wordLength: words.length,
        bigramLength: bigrams.length,
        words: tsvectorLiteral(countTokens(words)),
        bigrams: tsvectorLiteral(countTokens(bigrams)),
        embedding: null,
      });
    });
    if (this.model) this.awaiting += chunks.length;
    const row = [
      document.docId, document.sourcePath, document.line ?? null, document.format, document.title, document.college, document.unit, document.date,
      document.source, document.author, document.url, yearOf(document.date), document.contentHash, document.text.length, JSON.stringify(document.headings),
      chunks.length, wordLength, bigramLength, tsvectorLiteral(documentWords), tsvectorLiteral(documentBigrams),
    ];
    this.pendingDocuments.push({ body: document.text, row });
    await this.flush(false);
    return { number, needsVectors: this.model !== null };
  }

  async reusableVectors(hashes: readonly (readonly [number, number])[]): Promise<(Float32Array | null)[]> {
    if (!this.model || hashes.length === 0) return hashes.map(() => null);
    const keys = hashes.map((hash) => hashToBigint(hash));
    const live = this.meta.embeddingModel === this.model.id && this.meta.embeddingDimension === this.model.dimension;
    const sql = [
      ...(live ? ['SELECT text_hash::text AS hash, embedding::text AS embedding FROM pbqa_passages WHERE text_hash = ANY($1::bigint[])'] : []),
      `SELECT text_hash::text AS hash, embedding::text AS embedding FROM pbqa_ingest_passages
       WHERE text_hash = ANY($1::bigint[]) AND embedding_model = $2 AND cardinality(embedding) = $3`,
    ].join(' UNION ALL ');
    const rows = await this.statement<{ hash: string; embedding: string }>(sql, [keys, this.model.id, this.model.dimension]);
    const found = new Map<string, string>();
    for (const row of rows) if (!found.has(row.hash)) found.set(row.hash, row.embedding);
    return keys.map((key) => {
      const text = found.get(key);
      // Staged vectors are real[] ({…}), live ones pgvector ([…]): the same numbers.
      return text === undefined ? null : parseVector(text.replace(/^\{/, '[').replace(/\}$/, ']'));
    });
  }

  addVector(vector: Float32Array): void {
    if (!this.model || vector.length !== this.model.dimension) throw new Error(`vector of ${vector.length} dimensions for passages of ${this.model?.dimension ?? 'no'} dimensions`);
    const waiting = this.pendingPassages.length - this.awaiting;
    const passage = this.pendingPassages[waiting];
    if (!passage) throw new Error('a vector came for no passage');
    passage.embedding = vector;
    this.awaiting--;
  }

  addDuplicate(number: number, duplicate: DuplicateSource): void {
    const list = this.duplicates.get(number);
    if (list) list.push(duplicate);
    else this.duplicates.set(number, [duplicate]);
  }

  /**
   * One statement on the ingest's connection, in a transaction of its own (see database.ts: a
   * single-session server must not interleave it with another connection's).
   */
  private async statement<Row extends object>(sql: string, params: unknown[]): Promise<Row[]> {
    return inTransaction(this.client, async (client) => (await client.query<Row>(sql, params)).rows);
  }

  /** Sends staged rows: all of them (`all`), or once a batch of passages has its vectors. */
  private async flush(all: boolean): Promise<void> {
    const ready = this.pendingPassages.length - this.awaiting;
    if (!all && ready < this.batchSize && this.pendingDocuments.length < this.batchSize) return;
    if (this.pendingDocuments.length > 0) {
      const documents = this.pendingDocuments;
      this.pendingDocuments = [];
      const columns = documentColumns.map((_, index) => documents.map((document) => document.row[index]));
      const casts = documentColumns.map((_, index) => `$${index + 3}::text[]`);
      const selects = documentColumns.map((name, index) => `c${index}::${documentTypes[index]}`);
      await this.statement(
        `INSERT INTO pbqa_ingest_documents (run, body, ${documentColumns.join(', ')})
         SELECT $1, body, ${selects.join(', ')} FROM unnest($2::text[], ${casts.join(', ')}) AS t(body, ${documentColumns.map((_, index) => `c${index}`).join(', ')})`,
        [this.run, documents.map((document) => document.body), ...columns.map((values) => values.map((value) => (value === null ? null : String(value))))],
      );
    }
    if (ready === 0) return;
    const passages = this.pendingPassages.slice(0, ready);
    this.pendingPassages = this.pendingPassages.slice(ready);
    await this.statement(
      `INSERT INTO pbqa_ingest_passages (run, doc_id, ordinal, start_offset, end_offset, heading_path, text_hash, word_length, bigram_length, words, bigrams, embedding_model, embedding)
       SELECT $1, doc_id, ordinal, start_offset, end_offset, heading_path::int[], text_hash::bigint, word_length, bigram_length, words::tsvector, bigrams::tsvector, $2, embedding::real[]
       FROM unnest($3::text[], $4::int[], $5::int[], $6::int[], $7::text[], $8::text[], $9::int[], $10::int[], $11::text[], $12::text[], $13::text[])
         AS t(doc_id, ordinal, start_offset, end_offset, heading_path, text_hash, word_length, bigram_length, words, bigrams, embedding)`,
      [
        this.run,
        this.model?.id ?? null,
        passages.map((passage) => passage.docId),
        passages.map((passage) => passage.ordinal),
        passages.map((passage) => passage.start),
        passages.map((passage) => passage.end),
        passages.map((passage) => `{${passage.headingPath.join(',')}}`),
        passages.map((passage) => passage.textHash),
        passages.map((passage) => passage.wordLength),
        passages.map((passage) => passage.bigramLength),
        passages.map((passage) => passage.words),
        passages.map((passage) => passage.bigrams),
        passages.map((passage) => (passage.embedding ? `{${Array.from(passage.embedding).join(',')}}` : null)),
      ],
    );
  }

  /** Reposts folded into each document, where they differ from what the database holds. */
  private duplicateUpdates(): { docIds: string[]; lists: string[] } {
    const docIds: string[] = [];
    const lists: string[] = [];
    this.docIds.forEach((docId, number) => {
      const list = JSON.stringify(this.duplicates.get(number) ?? []);
      const before = this.staged.has(docId) ? '[]' : this.previousDuplicates.get(docId);
      if (list !== before) {
        docIds.push(docId);
        lists.push(list);
      }
    });
    return { docIds, lists };
  }

  async writePractices(catalog: PracticeCatalogWriter, embedder: Embedder | null, signal?: AbortSignal): Promise<void> {
    // Practices are embedded only where passages are: one model for both, or none.
    this.copyPractices(await catalog.serialize(this.model ? embedder : null, signal));
  }

  /** Stores this catalog with the version, in the transaction of `publish` (index:migrate copies one). */
  copyPractices(catalog: SerializedCatalog): void {
    this.practices = catalog;
  }

  async publish(info: PublishInfo): Promise<string> {
    const { database } = this.store;
    if (this.awaiting > 0) throw new Error(`${this.awaiting} passages never got their vectors`);
    try {
      await this.flush(true);
      const duplicates = this.duplicateUpdates();
      await this.statement(`INSERT INTO pbqa_ingest_duplicates (run, doc_id, duplicates) SELECT $1, d, l::jsonb FROM unnest($2::text[], $3::text[]) AS t(d, l)`, [this.run, duplicates.docIds, duplicates.lists]);
      const seen = new Set(this.docIds);
      const gone = [...this.previousDocuments.keys()].filter((docId) => !seen.has(docId) || this.staged.has(docId));
      const version = await this.publishTransaction(gone, info);
      return `${database.name} (corpus version ${version})`;
    } catch (error) {
      throw database.wrap(error, 'publishing the ingest');
    } finally {
      await this.release();
    }
  }

  private async publishTransaction(gone: string[], info: PublishInfo): Promise<number> {
    const client = this.client;
    const run = this.run;
    const { finishLexicalElsewhere: _unused, ...build } = info;
    // No time-out: a first load of a large corpus builds the HNSW graph here.
    return inTransaction(client, async () => {
      const current = (await client.query<{ corpus_version: number }>('SELECT corpus_version FROM pbqa_meta FOR UPDATE')).rows[0]!.corpus_version;
      if (Number(current) !== this.meta.corpusVersion) throw new AppError('INTERNAL', `corpus version ${current} was published while this ingest ran (it started from ${this.meta.corpusVersion})`);
      await this.adjustTerms(-1, 'doc_id = ANY($1::text[])', [gone]);
      await client.query(
        `UPDATE pbqa_texts SET released_at = now() WHERE released_at IS NULL AND content_hash IN (SELECT content_hash FROM pbqa_documents WHERE doc_id = ANY($1::text[]))`,
        [gone],
      );
      await client.query('DELETE FROM pbqa_documents WHERE doc_id = ANY($1::text[])', [gone]);
      const vectors = await this.prepareVectorColumn();
      await client.query(
        `INSERT INTO pbqa_texts (content_hash, body) SELECT DISTINCT ON (content_hash) content_hash, body FROM pbqa_ingest_documents WHERE run = $1
         ON CONFLICT (content_hash) DO UPDATE SET released_at = NULL`,
        [run],
      );
      await client.query(`INSERT INTO pbqa_documents (${documentColumns.join(', ')}) SELECT ${documentColumns.join(', ')} FROM pbqa_ingest_documents WHERE run = $1`, [run]);
      await client.query(
        `INSERT INTO pbqa_passages (doc_id, ordinal, start_offset, end_offset, heading_path, college, year, text_hash, word_length, bigram_length, words, bigrams${vectors ? ', embedding' : ''})
         SELECT s.doc_id, s.ordinal, s.start_offset, s.end_offset, s.heading_path, d.college, d.year, s.text_hash, s.word_length, s.bigram_length, s.words, s.bigrams${vectors ? ', s.embedding::vector' : ''}
         FROM pbqa_ingest_passages s JOIN pbqa_ingest_documents d ON d.run = s.run AND d.doc_id = s.doc_id
         WHERE s.run = $1 ORDER BY s.doc_id, s.ordinal`,
        [run],
      );
      await this.adjustTerms(1, 'doc_id IN (SELECT doc_id FROM pbqa_ingest_documents WHERE run = $1)', [run]);
      await client.query('DELETE FROM pbqa_terms WHERE passages <= 0 AND documents <= 0');
      await client.query('UPDATE pbqa_documents d SET duplicates = s.duplicates FROM pbqa_ingest_duplicates s WHERE s.run = $1 AND d.doc_id = s.doc_id', [run]);
      await client.query('DELETE FROM pbqa_practices');
      if (this.practices) await client.query('INSERT INTO pbqa_practices (catalog, vectors) VALUES ($1, $2)', [this.practices.catalog, this.practices.vectors]);
      if (vectors === 'build') {
        const hnsw = info.embedding ?? { m: 16, efConstruction: 200 };
        await client.query(`CREATE INDEX pbqa_passages_embedding_hnsw ON pbqa_passages USING hnsw (embedding vector_cosine_ops) WITH (m = ${Math.trunc(hnsw.m)}, ef_construction = ${Math.trunc(hnsw.efConstruction)})`);
      }
      const totals = (
        await client.query<{ passages: number; documents: number; words: number; bigrams: number }>(
          `SELECT (SELECT count(*) FROM pbqa_passages) AS passages, (SELECT count(*) FROM pbqa_documents) AS documents,
                  (SELECT coalesce(sum(word_length), 0) FROM pbqa_passages) AS words, (SELECT coalesce(sum(bigram_length), 0) FROM pbqa_passages) AS bigrams`,
        )
      ).rows[0]!;
      const published = await client.query<{ corpus_version: number }>(
        `UPDATE pbqa_meta SET corpus_version = corpus_version + 1, published_at = now(), analyzer = $1, embedding_model = $2, embedding_dimension = $3,
           chunking = $4, build = $5, passages = $6, documents = $7, word_tokens = $8, bigram_tokens = $9 RETURNING corpus_version`,
        [tokenizerVersion, this.model?.id ?? null, this.model?.dimension ?? null, JSON.stringify(build.chunking), JSON.stringify(build), totals.passages, totals.documents, totals.words, totals.bigrams],
      );
      // Staging of this run and of runs that died; texts replaced long enough ago.
      await client.query('DELETE FROM pbqa_ingest_passages');
      await client.query('DELETE FROM pbqa_ingest_documents');
      await client.query('DELETE FROM pbqa_ingest_duplicates');
      await client.query(`DELETE FROM pbqa_texts WHERE released_at < now() - interval '15 minutes'`);
      return Number(published.rows[0]!.corpus_version);
    }, { settings: { statement_timeout: 0, maintenance_work_mem: '512MB' } });
  }

  /**
   * Makes the passages' vector column fit this ingest's model: added (its HNSW index built after
   * the rows are in: `build`), replaced or dropped when the model changes. Returns whether the
   * inserted passages carry vectors. Everything was rewritten in those cases, so the table holds
   * no passage of the old model by now.
   */
  private async prepareVectorColumn(): Promise<false | 'keep' | 'build'> {
    const model = this.model;
    const storedModel = this.meta.embeddingModel;
    const same = model !== null && storedModel === model.id && this.meta.embeddingDimension === model.dimension;
    if (same) {
      const column = await this.client.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'pbqa_passages' AND column_name = 'embedding'`);
      if (column.rows.length > 0) return 'keep';
    }
    await this.client.query('DROP INDEX IF EXISTS pbqa_passages_embedding_hnsw');
    await this.client.query('ALTER TABLE pbqa_passages DROP COLUMN IF EXISTS embedding');
    if (model === null) return false;
    await this.client.query(`ALTER TABLE pbqa_passages ADD COLUMN embedding vector(${Math.trunc(model.dimension)})`);
    return 'build';
  }

  /** Adds (`sign` 1) or removes (-1) the term counts of the passages and documents matching `where`. */
  private async adjustTerms(sign: 1 | -1, where: string, params: unknown[]): Promise<void> {
    await this.client.query(
      `INSERT INTO pbqa_terms (field, term, passages, documents)
       SELECT field, term, ${sign} * sum(passages), ${sign} * sum(documents) FROM (
         SELECT 0 AS field, l AS term, count(*) AS passages, 0 AS documents FROM pbqa_passages, unnest(tsvector_to_array(words)) l WHERE ${where} GROUP BY l
         UNION ALL SELECT 1, l, count(*), 0 FROM pbqa_passages, unnest(tsvector_to_array(bigrams)) l WHERE ${where} GROUP BY l
         UNION ALL SELECT 0, l, 0, count(*) FROM pbqa_documents, unnest(tsvector_to_array(words)) l WHERE ${where} GROUP BY l
         UNION ALL SELECT 1, l, 0, count(*) FROM pbqa_documents, unnest(tsvector_to_array(bigrams)) l WHERE ${where} GROUP BY l
       ) t GROUP BY field, term
       ON CONFLICT (field, term) DO UPDATE SET passages = pbqa_terms.passages + excluded.passages, documents = pbqa_terms.documents + excluded.documents`,
      params,
    );
  }

  async abandon(): Promise<void> {
    // Staged rows stay until the next publish: their vectors are reused by the next run.
    await this.release();
  }

  private async release(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    let broken: Error | undefined;
    await this.client.query(`SELECT pg_advisory_unlock(${ingestLock})`).catch((error: Error) => (broken = error));
    this.client.release(broken);
  }
}

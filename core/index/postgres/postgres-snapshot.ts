/**
 * The PostgreSQL backend of `IndexSnapshot`: one published corpus version. Loading reads, in one
 * repeatable-read transaction, the documents' metadata, every passage's place (document, offsets,
 * heading path) and the words field's statistics, as the embedded index keeps them in memory;
 * texts are fetched when a passage or article is shown (and cached by content hash), searches run
 * in the database.
 *
 * A search may run after another version was published and before this process loaded it (a few
 * seconds at most): passages the database returns that this version does not know are skipped,
 * and texts stay readable (a replaced text is kept for a while, see schema.ts).
 */
import type { IngestProblem } from '../../documents.ts';
import { AppError } from '../../errors.ts';
import type { PracticeCatalog } from '../../practices/catalog.ts';
import { catalogLoader } from '../../practices/store.ts';
import { runLoaderSync } from '../binary-io.ts';
import { bm25Idf } from '../bm25.ts';
import { chunkByIdIn, documentMatcher, acceptedRanges, type IndexBackendInfo, type IndexSnapshot, type IndexedChunk, type IndexedDocument, type PassageFilter, type ScoredChunk, type TermStatistics, type VectorSearchOptions } from '../index-snapshot.ts';
import { defaultBm25 } from '../lexical-index.ts';
import { tokenizerVersion, type AnalyzedText } from '../../text/tokenize.ts';
import type { Database, DatabaseClient } from './database.ts';
import { filterCondition, searchLexical } from './lexical-search.ts';
import { readMeta, type DatabaseCapabilities, type DatabaseMeta } from './schema.ts';
import { parseVector, vectorLiteral } from './term-vectors.ts';
import type { TextCache } from './text-cache.ts';

/** Word statistics held in memory (the answer engine asks for them synchronously). */
class WordStatistics implements TermStatistics {
  constructor(
    private readonly frequencies: ReadonlyMap<string, number>,
    readonly chunkCount: number,
  ) {}

  documentFrequency(word: string): number {
    return this.frequencies.get(word) ?? 0;
  }

  idf(word: string): number {
    const df = this.documentFrequency(word);
    return bm25Idf(this.chunkCount, df);
  }
}

/** A code-unit comparison, as the ingest orders corpus files. */
const byCodeUnits = (left: string, right: string): number => (left < right ? -1 : left > right ? 1 : 0);

interface PassageRow {
  id: number;
  doc_id: string;
  ordinal: number;
  start_offset: number;
  end_offset: number;
  heading_path: number[];
}

export class PostgresSnapshot implements IndexSnapshot {
  readonly chunkCount: number;
  readonly lexical: WordStatistics;
  readonly vectorModel: string | null;
  readonly builtAt: string;
  readonly info: IndexBackendInfo;
  readonly practices: PracticeCatalog | null;
  readonly problems: readonly IngestProblem[];
  private readonly byDocId: Map<string, IndexedDocument>;
  private readonly numberOfId: Map<number, number>;
  private closed = false;

  private constructor(
    private readonly database: Database,
    private readonly meta: DatabaseMeta,
    private readonly capabilities: DatabaseCapabilities,
    private readonly texts: TextCache,
    readonly documents: readonly IndexedDocument[],
    private readonly passages: {
      ids: Float64Array;
      documents: Uint32Array;
      starts: Uint32Array;
      ends: Uint32Array;
      headingPaths: (readonly number[])[];
    },
    wordFrequencies: ReadonlyMap<string, number>,
    vectorModel: string | null,
    practices: PracticeCatalog | null,
  ) {
    this.practices = practices;
    this.problems = (meta.build?.problems as IngestProblem[] | undefined) ?? [];
    this.chunkCount = passages.ids.length;
    this.lexical = new WordStatistics(wordFrequencies, this.chunkCount);
    this.vectorModel = vectorModel;
    this.builtAt = (meta.build?.createdAt as string | undefined) ?? meta.publishedAt ?? '';
    this.info = {
      backend: 'postgres',
      lexical: meta.lexical,
      version: String(meta.corpusVersion),
      ...(capabilities.bm25Missing ? { note: `${capabilities.bm25Missing}: BM25 is computed in SQL over GIN matches (exact on small corpora; past tens of thousands of passages slower and approximate: install pg_textsearch, PostgreSQL 17+)` } : {}),
    };
    this.byDocId = new Map(documents.map((document) => [document.docId, document]));
    this.numberOfId = new Map();
    passages.ids.forEach((id, number) => this.numberOfId.set(id, number));
  }

  /**
   * Loads the published corpus version. Throws INDEX_MISSING before the first ingest,
   * INDEX_SCHEMA_MISMATCH when it was tokenised by another analyzer version, INDEX_CORRUPT when
   * passages and documents disagree. `vectorModel` is the model the caller embeds queries with:
   * vectors of another model are never searched.
   */
  static async load(database: Database, capabilities: DatabaseCapabilities, texts: TextCache, options: { vectorModel: string | null }): Promise<PostgresSnapshot> {
    return database.transaction(
      async (client) => {
        const meta = await readMeta(client);
        if (!meta || meta.corpusVersion === 0) throw new AppError('INDEX_MISSING', `the database ${database.name} holds no corpus yet: run the ingest first`);
        if (meta.analyzer !== tokenizerVersion) {
          throw new AppError('INDEX_SCHEMA_MISMATCH', `the database ${database.name} was tokenised with ${meta.analyzer}; this program uses ${tokenizerVersion}. Run the ingest again.`);
        }
        const documents = await PostgresSnapshot.readDocuments(client);
        const passages = await PostgresSnapshot.readPassages(client, documents, database.name);
        const frequencies = new Map<string, number>();
        const terms = await client.query<{ term: string; passages: number }>('SELECT term, passages FROM pbqa_terms WHERE field = 0');
        for (const row of terms.rows) frequencies.set(row.term, row.passages);
        const vectorModel = capabilities.vectors && meta.embeddingModel !== null && meta.embeddingModel === options.vectorModel ? meta.embeddingModel : null;
        const practices = await PostgresSnapshot.readPractices(client, database.name);
        return new PostgresSnapshot(database, meta, capabilities, texts, documents, passages, frequencies, vectorModel, practices);
      },
      { what: 'loading the corpus', readOnly: true, repeatableRead: true },
    );
  }

  /** The 做法库 published with this version, or null when none was (a version from before it). */
  private static async readPractices(client: DatabaseClient, name: string): Promise<PracticeCatalog | null> {
    const row = (await client.query<{ catalog: string; vectors: Buffer | null }>('SELECT catalog, vectors FROM pbqa_practices')).rows[0];
    if (!row) return null;
    const where = { catalog: `the practice catalog of the database ${name}`, vectors: `the practice vectors of the database ${name}` };
    return runLoaderSync(catalogLoader(row.catalog, row.vectors ? { bytes: row.vectors } : null, where));
  }

  private static async readDocuments(client: DatabaseClient): Promise<IndexedDocument[]> {
    const { rows } = await client.query<Record<string, any>>(
      `SELECT doc_id, source_path, line, format, title, college, unit, date, source, author, url, year,
              content_hash, text_length, headings, duplicates, chunk_count FROM pbqa_documents`,
    );
    // The embedded index keeps corpus order: files by path, lines within a file.
    rows.sort((left, right) => byCodeUnits(left.source_path, right.source_path) || (left.line ?? 0) - (right.line ?? 0) || byCodeUnits(left.doc_id, right.doc_id));
    let firstChunk = 0;
    return rows.map((row, number) => {
      const document: IndexedDocument = {
        docId: row.doc_id,
        sourcePath: row.source_path,
        ...(row.line === null ? {} : { line: row.line }),
        format: row.format,
        title: row.title,
        college: row.college,
        unit: row.unit,
        date: row.date,
        source: row.source,
        author: row.author,
        url: row.url,
        contentHash: row.content_hash,
        headings: row.headings,
        textLength: row.text_length,
        firstChunk,
        chunkCount: row.chunk_count,
        number,
        duplicates: row.duplicates,
        year: row.year,
      };
      firstChunk += row.chunk_count;
      return document;
    });
  }

  private static async readPassages(client: DatabaseClient, documents: readonly IndexedDocument[], name: string): Promise<PostgresSnapshot['passages']> {
    const { rows } = await client.query<PassageRow>('SELECT id, doc_id, ordinal, start_offset, end_offset, heading_path FROM pbqa_passages');
    const count = documents.reduce((sum, document) => sum + document.chunkCount, 0);
    if (rows.length !== count) throw new AppError('INDEX_CORRUPT', `${name}: ${rows.length} passages, but the documents list ${count}`);
    const byDocId = new Map(documents.map((document) => [document.docId, document]));
    const passages = { ids: new Float64Array(count), documents: new Uint32Array(count), starts: new Uint32Array(count), ends: new Uint32Array(count), headingPaths: new Array<readonly number[]>(count) };
    for (const row of rows) {
      const document = byDocId.get(row.doc_id);
      if (!document || row.ordinal < 0 || row.ordinal >= document.chunkCount) throw new AppError('INDEX_CORRUPT', `${name}: passage ${row.id} does not fit its document ${row.doc_id}`);
      const number = document.firstChunk + row.ordinal;
      passages.ids[number] = Number(row.id);
      passages.documents[number] = document.number;
      passages.starts[number] = row.start_offset;
      passages.ends[number] = row.end_offset;
      passages.headingPaths[number] = row.heading_path;
    }
    return passages;
  }

  vectorStatus(queryModel: string | null): string | null {
    const stored = this.meta.embeddingModel;
    if (this.capabilities.vectorsMissing) return this.capabilities.vectorsMissing;
    if (stored === null) return 'the database holds no vectors (the corpus was ingested without an embedding model)';
    if (queryModel === null) return `the database has ${stored} vectors but no embedding model is loaded`;
    if (stored !== queryModel) return `the database holds ${stored} vectors but the configured model is ${queryModel}; ingest again with --reembed to replace them`;
    return null;
  }

  document(docId: string): IndexedDocument | undefined {
    return this.byDocId.get(docId);
  }

  documentText(document: IndexedDocument): string {
    const text = this.texts.get(document.contentHash);
    if (text === undefined) throw new AppError('INTERNAL', `the text of ${document.docId} was not fetched before it was read`);
    return text;
  }

  async preloadTexts(documents: readonly IndexedDocument[]): Promise<void> {
    if (this.closed) return;
    await this.texts.load(documents.map((document) => document.contentHash));
  }

  chunkDocument(chunk: number): IndexedDocument {
    return this.documents[this.passages.documents[chunk]!]!;
  }

  chunk(chunk: number): IndexedChunk {
    const document = this.chunkDocument(chunk);
    const start = this.passages.starts[chunk]!;
    const end = this.passages.ends[chunk]!;
    const text = this.documentText(document);
    const headingPath: string[] = [];
    for (const index of this.passages.headingPaths[chunk] ?? []) {
      const heading = document.headings[index];
      if (heading) headingPath.push(text.slice(heading[0], heading[1]));
    }
    const ordinal = chunk - document.firstChunk;
    return { chunkId: `${document.docId}#${ordinal}`, number: chunk, document, ordinal, start, end, text: text.slice(start, end), headingPath };
  }

  chunkById(chunkId: string): IndexedChunk | undefined {
    return chunkByIdIn(this, chunkId);
  }

  /** Database rows as this version's passage numbers; rows of a newer version are skipped. */
  private numbered(rows: readonly { id: number; score: number }[]): ScoredChunk[] {
    const hits: ScoredChunk[] = [];
    for (const { id, score } of rows) {
      const chunk = this.numberOfId.get(id);
      if (chunk !== undefined) hits.push({ chunk, score });
    }
    return hits;
  }

  async lexicalSearch(query: AnalyzedText, k: number, filter: PassageFilter | undefined, signal?: AbortSignal): Promise<ScoredChunk[]> {
    const statistics = { passages: this.meta.passages, documents: this.meta.documents, wordTokens: this.meta.wordTokens, bigramTokens: this.meta.bigramTokens };
    // A search scoped to a few articles is about them: their texts come along (the answer engine
    // may show passages of them that the search did not return).
    const scoped = filter?.docIds && filter.docIds.length <= 20 ? filter.docIds.map((docId) => this.byDocId.get(docId)).filter((document) => document !== undefined) : [];
    const [rows] = await Promise.all([searchLexical(this.database, this.meta.lexical, query, k, filter, defaultBm25, statistics, signal), this.preloadTexts(scoped)]);
    return this.numbered(rows);
  }

  /**
   * pgvector. Unfiltered: the HNSW index. Filtered to at most `exactSearchLimit` passages: an
   * exact scan of just those (the planner cannot use the index for `distance + 0`). Filtered to
   * more: HNSW with an iterative scan in strict order, which keeps walking the graph until `k`
   * passages pass the filter, allowed to visit as many tuples as the filter's selectivity needs;
   * should it still come back short, the exact scan answers.
   */
  async vectorSearch(query: Float32Array, k: number, filter: PassageFilter | undefined, options: VectorSearchOptions): Promise<ScoredChunk[]> {
    if (!this.vectorModel || k <= 0 || this.chunkCount === 0) return [];
    const vector = vectorLiteral(query);
    const ef = Math.max(options.efSearch, Math.min(k, 1000));
    const accept = documentMatcher(filter);
    if (!accept) return this.numbered(await this.nearest(vector, k, undefined, { 'hnsw.ef_search': ef }, options.signal));
    const { ranges, passages } = acceptedRanges(this.documents, accept, options.exactSearchLimit);
    if (passages === 0) return [];
    if (passages <= options.exactSearchLimit) {
      const docIds = ranges.map(([first]) => this.chunkDocument(first).docId);
      return this.numbered(await this.nearest(vector, k, { docIds }, {}, options.signal, true));
    }
    const selectivity = passages / this.chunkCount;
    const settings = {
      'hnsw.ef_search': ef,
      'hnsw.iterative_scan': 'strict_order',
      'hnsw.max_scan_tuples': Math.min(10_000_000, Math.ceil((4 * Math.max(k, ef)) / selectivity)),
    };
    const found = this.numbered(await this.nearest(vector, k, filter, settings, options.signal));
    if (found.length >= Math.min(k, passages)) return found;
    return this.numbered(await this.nearest(vector, k, filter, {}, options.signal, true));
  }

  private async nearest(vector: string, k: number, filter: PassageFilter | undefined, settings: Record<string, string | number>, signal: AbortSignal | undefined, exact = false): Promise<{ id: number; score: number }[]> {
    const params: unknown[] = [vector, k];
    const condition = filterCondition(filter, 'p', params);
    // `+ 0` hides the distance from the planner's index matching: an exact scan over the filtered rows.
    const order = exact ? '(p.embedding <=> $1::vector) + 0' : 'p.embedding <=> $1::vector';
    const sql = `SELECT p.id, 1 - (p.embedding <=> $1::vector) AS score FROM pbqa_passages p WHERE ${condition} AND p.embedding IS NOT NULL ORDER BY ${order} LIMIT $2`;
    const rows = await this.database.transaction((client) => client.query<{ id: number; score: number }>(sql, params).then((result) => result.rows), {
      what: 'vector search',
      settings,
      readOnly: true,
      signal,
    });
    return rows.map((row) => ({ id: Number(row.id), score: Number(row.score) }));
  }

  /** A passage's stored vector (the bench's recall check compares the index with exact scans). */
  async storedVector(chunk: number): Promise<Float32Array | null> {
    const rows = await this.database.query<{ embedding: string | null }>('SELECT embedding::text AS embedding FROM pbqa_passages WHERE id = $1', [this.passages.ids[chunk]]);
    return rows[0]?.embedding ? parseVector(rows[0].embedding) : null;
  }

  close(): void {
    this.closed = true;
  }
}

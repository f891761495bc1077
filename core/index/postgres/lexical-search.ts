/**
 * Lexical search in PostgreSQL, ranked as the embedded index ranks: a passage's BM25 over jieba
 * words plus its bigram field's BM25 weighted `bigramWeight`, plus its whole document's BM25
 * (same two fields) weighted `documentWeight` (see core/index/lexical-index.ts).
 *
 * - With pg_textsearch: four BM25 index scans (passage words, passage bigrams, document words,
 *   document bigrams), each a real top-k by block-max WAND; a passage found by either passage
 *   scan gets the four scores combined (a score outside a scan's top list counts as 0).
 * - Without it (the documented fallback): passages containing any query term are found through
 *   GIN indexes over the term tsvectors and BM25 is computed in SQL from their term frequencies
 *   and the `pbqa_terms` statistics; a document's evidence is summed from its matching passages.
 *   Exact while the query's terms have a few thousand postings; past that, only a field's rarest
 *   terms (up to `fallbackMatchLimit` postings together, and at least the rarest one) select
 *   passages, the common ones still score the passages selected.
 */
import { throwIfAborted } from '../../errors.ts';
import type { PassageFilter } from '../index-snapshot.ts';
import type { Bm25Parameters } from '../lexical-index.ts';
import type { AnalyzedText } from '../../text/tokenize.ts';
import type { Database, LocalSettings } from './database.ts';
import type { LexicalMode } from './schema.ts';
import { countTokens } from './term-vectors.ts';

/** Corpus statistics the scores are computed with (the snapshot's). */
export interface LexicalStatistics {
  passages: number;
  documents: number;
  wordTokens: number;
  bigramTokens: number;
}

/**
 * Postings the fallback's selective terms may have in all, per field. Each candidate costs a read
 * of its two tsvectors, so this bounds a search; a small corpus's queries stay under it (exact).
 */
export const fallbackMatchLimit = 5_000;

/** Per-query settings of the fallback (SET LOCAL). */
const fallbackSettings: LocalSettings = { enable_seqscan: 'off' };

/** Each pg_textsearch scan returns this many times `k` candidates. */
const candidateFactor = 2;

/** A SQL condition for `filter` over a table with `college`, `year` and `doc_id` columns; binds its values to `params`. */
export function filterCondition(filter: PassageFilter | undefined, alias: string, params: unknown[]): string {
  const conditions: string[] = [];
  const bind = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter?.college) conditions.push(`${alias}.college = ${bind(filter.college)}`);
  // Undated articles (year 0) may be from any year: a year filter keeps them.
  if (filter?.year) conditions.push(`${alias}.year IN (${bind(filter.year)}, 0)`);
  if (filter?.docIds) conditions.push(`${alias}.doc_id = ANY(${bind(filter.docIds)}::text[])`);
  if (filter?.excludeDocIds && filter.excludeDocIds.length > 0) conditions.push(`NOT (${alias}.doc_id = ANY(${bind(filter.excludeDocIds)}::text[]))`);
  return conditions.length > 0 ? conditions.join(' AND ') : 'true';
}

/** The query's distinct tokens of a field and how often each is repeated. */
function queryTerms(tokens: readonly string[]): { terms: string[]; repeats: number[] } {
  const counts = countTokens(tokens);
  return { terms: [...counts.keys()], repeats: [...counts.values()] };
}

/** pg_textsearch: top-k scans per field and level, combined (see the file comment). */
function bm25Sql(query: AnalyzedText, k: number, filter: PassageFilter | undefined, parameters: Bm25Parameters): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const bind = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const fields = [
    { name: 'w', column: 'words', tokens: query.words, weight: 1 },
    { name: 'b', column: 'bigrams', tokens: query.bigrams, weight: parameters.bigramWeight },
  ].filter((field) => field.tokens.length > 0 && field.weight > 0);
  const limit = bind(k * candidateFactor);
  const scans: string[] = [];
  const passageScore: string[] = [];
  const documentScore: string[] = [];
  for (const field of fields) {
    const text = bind(field.tokens.join(' '));
    for (const [level, table, key] of [
      ['p', 'pbqa_passages', 'id'],
      ['d', 'pbqa_documents', 'doc_id'],
    ] as const) {
      const score = `pbqa_tokens(t.${field.column}) <@> to_bm25query(${text}, '${table}_${field.column}_bm25')`;
      // Scores are negative (lower is better); a row that matches no term scores 0.
      scans.push(`${level}${field.name} AS (SELECT ${key} AS key, -(${score}) AS s FROM ${table} t WHERE ${filterCondition(filter, 't', params)} ORDER BY ${score} LIMIT ${limit})`);
    }
    const weight = bind(field.weight);
    passageScore.push(`${weight} * coalesce(p${field.name}.s, 0)`);
    documentScore.push(`${weight} * coalesce(d${field.name}.s, 0)`);
  }
  const candidates = fields.map((field) => `SELECT key FROM p${field.name} WHERE s > 0`).join(' UNION ');
  const joins = fields.map((field) => `LEFT JOIN p${field.name} ON p${field.name}.key = c.key LEFT JOIN d${field.name} ON d${field.name}.key = p.doc_id`).join(' ');
  const sql = `WITH ${scans.join(', ')}, c AS (${candidates})
    SELECT c.key AS id, (${passageScore.join(' + ')}) + ${bind(parameters.documentWeight)} * (${documentScore.join(' + ')}) AS score
    FROM c JOIN pbqa_passages p ON p.id = c.key ${joins}
    ORDER BY score DESC, c.key LIMIT ${bind(k)}`;
  return { sql, params };
}

/** The fallback: BM25 computed in SQL over the passages that contain a query term (see the file comment). */
function fallbackSql(query: AnalyzedText, k: number, filter: PassageFilter | undefined, parameters: Bm25Parameters, statistics: LexicalStatistics): { sql: string; params: unknown[] } {
  const words = queryTerms(query.words);
  const bigrams = queryTerms(parameters.bigramWeight > 0 ? query.bigrams : []);
  const { k1, b } = parameters;
  const passages = Math.max(1, statistics.passages);
  const documents = Math.max(1, statistics.documents);
  const params: unknown[] = [
    words.terms,
    words.repeats,
    bigrams.terms,
    bigrams.repeats,
    passages,
    documents,
    Math.max(1, statistics.wordTokens / passages),
    Math.max(1, statistics.bigramTokens / passages),
    Math.max(1, statistics.wordTokens / documents),
    Math.max(1, statistics.bigramTokens / documents),
    k1,
    b,
    parameters.bigramWeight,
    parameters.documentWeight,
    fallbackMatchLimit,
    k,
  ];
  const condition = filterCondition(filter, 'p', params);
  // The term frequency of each query term in a passage: the lexemes of the query (marked with
  // weight A, every stored position having the default D) kept, then unnested. Filtered in the
  // candidate scan itself, so no passage row is fetched twice.
  const filtered = (column: string, terms: string): string => `ts_filter(setweight(p.${column}, 'A', ${terms}::text[]), '{a}') AS ${column}`;
  const frequencies = (column: string, field: number, length: string): string =>
    `SELECT c.id, c.doc_id, ${field}::smallint AS field, u.lexeme AS term, cardinality(u.positions) AS tf, c.${length} AS len
     FROM candidates c CROSS JOIN LATERAL unnest(c.${column}) u`;
  const sql = `WITH q AS (
      SELECT 0::smallint AS field, t.term, t.repeat FROM unnest($1::text[], $2::int[]) AS t(term, repeat)
      UNION ALL SELECT 1::smallint, t.term, t.repeat FROM unnest($3::text[], $4::int[]) AS t(term, repeat)
    ), stats AS (
      SELECT q.field, q.term, q.repeat, s.passages AS df, s.documents AS ddf,
             sum(s.passages) OVER (PARTITION BY q.field ORDER BY s.passages, q.term) - s.passages AS before
      FROM q JOIN pbqa_terms s ON s.field = q.field AND s.term = q.term
    ), matching AS (
      SELECT field, string_agg('''' || replace(replace(term, '\\', '\\\\'), '''', '''''') || '''', ' | ')::tsquery AS terms
      FROM stats WHERE before < $15::bigint GROUP BY field
    ), candidates AS (
      SELECT p.id, p.doc_id, p.word_length, p.bigram_length, ${filtered('words', '$1')}, ${filtered('bigrams', '$3')} FROM pbqa_passages p
      WHERE (p.words @@ (SELECT terms FROM matching WHERE field = 0) OR p.bigrams @@ (SELECT terms FROM matching WHERE field = 1)) AND ${condition}
    ), hits AS (
      ${frequencies('words', 0, 'word_length')}
      UNION ALL
      ${frequencies('bigrams', 1, 'bigram_length')}
    ), passage AS (
      SELECT h.id, h.doc_id,
        sum(CASE WHEN h.field = 0 THEN 1 ELSE $13::float8 END * s.repeat * ln(1 + ($5::float8 - s.df + 0.5) / (s.df + 0.5))
            * h.tf * ($11::float8 + 1) / (h.tf + $11::float8 * (1 - $12::float8 + $12::float8 * h.len / CASE WHEN h.field = 0 THEN $7::float8 ELSE $8::float8 END))) AS score
      FROM hits h JOIN stats s ON s.field = h.field AND s.term = h.term
      GROUP BY h.id, h.doc_id
    ), document_terms AS (
      SELECT h.doc_id, h.field, h.term, sum(h.tf) AS tf FROM hits h GROUP BY h.doc_id, h.field, h.term
    ), document AS (
      SELECT t.doc_id,
        sum(CASE WHEN t.field = 0 THEN 1 ELSE $13::float8 END * s.repeat * ln(1 + ($6::float8 - s.ddf + 0.5) / (s.ddf + 0.5))
            * t.tf * ($11::float8 + 1) / (t.tf + $11::float8 * (1 - $12::float8 + $12::float8 * CASE WHEN t.field = 0 THEN d.word_length ELSE d.bigram_length END
                                             / CASE WHEN t.field = 0 THEN $9::float8 ELSE $10::float8 END))) AS score
      FROM document_terms t JOIN stats s ON s.field = t.field AND s.term = t.term JOIN pbqa_documents d ON d.doc_id = t.doc_id
      GROUP BY t.doc_id
    ), scored AS (
      SELECT passage.id, passage.doc_id, passage.score, false AS whole FROM passage
      UNION ALL SELECT NULL, document.doc_id, document.score, true FROM document
    ), combined AS (
      -- A window over the document rather than a join: the planner, seeing one row on each side,
      -- chose a nested loop that compared every passage with every document.
      SELECT id, whole, score + $14::float8 * coalesce(sum(score) FILTER (WHERE whole) OVER (PARTITION BY doc_id), 0) AS score FROM scored
    )
    SELECT id, score FROM combined WHERE NOT whole
    ORDER BY score DESC, id LIMIT $16::int`;
  return { sql, params };
}

/** The `k` best passages (database ids and scores) for an analysed query. */
export async function searchLexical(
  database: Database,
  mode: LexicalMode,
  query: AnalyzedText,
  k: number,
  filter: PassageFilter | undefined,
  parameters: Bm25Parameters,
  statistics: LexicalStatistics,
  signal?: AbortSignal,
): Promise<{ id: number; score: number }[]> {
  if (k <= 0 || (query.words.length === 0 && query.bigrams.length === 0)) return [];
  const { sql, params } = mode === 'pg_textsearch' ? bm25Sql(query, k, filter, parameters) : fallbackSql(query, k, filter, parameters, statistics);
  // The fallback's candidates must come from the GIN indexes: with no statistics yet (an ingest
  // just published) the planner scanned every passage, detoasting each tsvector, instead. Only
  // the fallback pays for the transaction that setting needs.
  const rows =
    mode === 'pg_textsearch'
      ? await database.query<{ id: number; score: number }>(sql, params, 'lexical search')
      : await database.transaction(async (client) => (await client.query<{ id: number; score: number }>(sql, params)).rows, { what: 'lexical search', settings: fallbackSettings });
  throwIfAborted(signal);
  return rows.map((row) => ({ id: Number(row.id), score: Number(row.score) }));
}

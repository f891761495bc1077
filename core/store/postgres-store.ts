/**
 * The AppStore in PostgreSQL (with DATABASE_URL): feedback and upload records live beside the
 * corpus, so every app server behind a load balancer shows the same ones. The tables come with
 * the schema's migrations (core/index/postgres/schema.ts); the database is shared with the index
 * and closed by its owner.
 */
import type { Database } from '../index/postgres/database.ts';
import {
  exportPageSize,
  feedbackFromRow,
  likePattern,
  type AppStore,
  type FeedbackInput,
  type FeedbackPage,
  type FeedbackQuery,
  type FeedbackRating,
  type FeedbackRecord,
  type FeedbackRow,
  type UploadRecord,
} from './app-store.ts';

export class PostgresAppStore implements AppStore {
  constructor(private readonly database: Database) {}

  async saveFeedback(input: FeedbackInput): Promise<FeedbackRecord> {
    const now = new Date().toISOString();
    const rows = await this.database.query<FeedbackRow>(
      `INSERT INTO pbqa_feedback (answer_id, rating, comment, question, mode, answer, citations, searched_for, engine, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
       ON CONFLICT (answer_id) DO UPDATE SET
         rating = excluded.rating, comment = excluded.comment, question = excluded.question, mode = excluded.mode,
         answer = excluded.answer, citations = excluded.citations, searched_for = excluded.searched_for,
         engine = excluded.engine, updated_at = excluded.updated_at
       RETURNING *`,
      [input.answerId, input.rating, input.comment, input.question, input.mode, input.answer, JSON.stringify(input.citations), input.searchedFor, input.engine, now],
      'saving feedback',
    );
    return feedbackFromRow(rows[0]!);
  }

  /** The filter of a query, its parameters numbered from `first`. */
  private where(query: Pick<FeedbackQuery, 'rating' | 'text'>, first = 1): { sql: string; values: string[] } {
    const clauses: string[] = [];
    const values: string[] = [];
    if (query.rating) {
      values.push(query.rating);
      clauses.push(`rating = $${first + values.length - 1}`);
    }
    if (query.text) {
      values.push(likePattern(query.text));
      // ILIKE: SQLite's LIKE ignores ASCII case too.
      clauses.push(`(question ILIKE $${first + values.length - 1} ESCAPE '\\' OR comment ILIKE $${first + values.length - 1} ESCAPE '\\')`);
    }
    return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', values };
  }

  async listFeedback(query: FeedbackQuery): Promise<FeedbackPage> {
    const where = this.where(query);
    const next = where.values.length + 1;
    // One consistent view: the total, the page and the counts agree.
    return this.database.transaction(
      async (client) => {
        const total = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM pbqa_feedback ${where.sql}`, where.values)).rows[0]!.n);
        const items = (
          await client.query<FeedbackRow>(`SELECT * FROM pbqa_feedback ${where.sql} ORDER BY id DESC LIMIT $${next} OFFSET $${next + 1}`, [...where.values, query.limit, query.offset])
        ).rows.map(feedbackFromRow);
        const counts: Record<FeedbackRating, number> = { up: 0, down: 0 };
        for (const { rating, n } of (await client.query<{ rating: FeedbackRating; n: string }>('SELECT rating, count(*) AS n FROM pbqa_feedback GROUP BY rating')).rows) counts[rating] = Number(n);
        return { total, counts, items };
      },
      { what: 'listing feedback', readOnly: true, repeatableRead: true },
    );
  }

  async *exportFeedback(rating: FeedbackRating | undefined): AsyncIterable<FeedbackRecord> {
    const where = this.where({ rating });
    const next = where.values.length + 1;
    // Keyset paging on the id: a record never repeats or goes missing however the table changes meanwhile.
    let before = 2 ** 31 - 1;
    for (;;) {
      const rows = await this.database.query<FeedbackRow>(
        `SELECT * FROM pbqa_feedback ${where.sql ? `${where.sql} AND` : 'WHERE'} id < $${next} ORDER BY id DESC LIMIT ${exportPageSize}`,
        [...where.values, before],
        'exporting feedback',
      );
      for (const row of rows) yield feedbackFromRow(row);
      if (rows.length < exportPageSize) return;
      before = rows.at(-1)!.id;
    }
  }

  async recordUpload(record: UploadRecord): Promise<void> {
    await this.database.query(
      `INSERT INTO pbqa_uploads (source_path, original_name, bytes, sha256, uploaded_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (source_path) DO UPDATE SET original_name = excluded.original_name, bytes = excluded.bytes, sha256 = excluded.sha256, uploaded_at = excluded.uploaded_at`,
      [record.sourcePath, record.originalName, record.bytes, record.sha256, record.uploadedAt],
      'recording an upload',
    );
  }

  async uploads(): Promise<UploadRecord[]> {
    const rows = await this.database.query<{ source_path: string; original_name: string; bytes: number; sha256: string; uploaded_at: Date }>(
      'SELECT source_path, original_name, bytes, sha256, uploaded_at FROM pbqa_uploads ORDER BY uploaded_at DESC',
      [],
      'reading the uploads',
    );
    return rows.map((row) => ({ sourcePath: row.source_path, originalName: row.original_name, bytes: row.bytes, sha256: row.sha256, uploadedAt: row.uploaded_at.toISOString() }));
  }

  async forgetUploads(sourcePaths: readonly string[]): Promise<void> {
    await this.database.query('DELETE FROM pbqa_uploads WHERE source_path = ANY($1::text[])', [sourcePaths], 'forgetting uploads');
  }

  async close(): Promise<void> {
    // The database belongs to the index source, which closes it.
  }
}

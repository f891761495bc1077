/**
 * The AppStore in an embedded SQLite database (better-sqlite3). Calls are synchronous and take
 * well under a millisecond at the sizes an office produces; the interface is asynchronous so that
 * a networked database can implement it too. The schema version lives in `user_version`.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors.ts';
import { exportPageSize, feedbackFromRow, likePattern, type AppStore, type FeedbackInput, type FeedbackPage, type FeedbackQuery, type FeedbackRating, type FeedbackRecord, type FeedbackRow, type UploadRecord } from './app-store.ts';

const migrations: readonly string[] = [
  `CREATE TABLE feedback (
     id INTEGER PRIMARY KEY,
     answer_id TEXT NOT NULL UNIQUE,
     rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
     comment TEXT NOT NULL,
     question TEXT NOT NULL,
     mode TEXT NOT NULL,
     answer TEXT NOT NULL,
     citations TEXT NOT NULL,
     searched_for TEXT NOT NULL,
     engine TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE INDEX feedback_by_rating ON feedback (rating, id);
   CREATE TABLE uploads (
     source_path TEXT PRIMARY KEY,
     original_name TEXT NOT NULL,
     bytes INTEGER NOT NULL,
     sha256 TEXT NOT NULL,
     uploaded_at TEXT NOT NULL
   );`,
];

export class SqliteStore implements AppStore {
  private constructor(private readonly db: Database.Database) {}

  /**
   * Opens (creating when missing) the database at `file` (`:memory:` for a private one) and brings
   * its schema up to date. Throws STORE_UNAVAILABLE naming the file when it cannot be used.
   */
  static open(file: string): SqliteStore {
    let db: Database.Database | undefined;
    try {
      if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > migrations.length) throw new Error(`schema version ${version} is newer than this program's ${migrations.length}`);
      for (let next = version; next < migrations.length; next++) {
        db.transaction(() => {
          db!.exec(migrations[next]!);
          db!.pragma(`user_version = ${next + 1}`);
        })();
      }
      return new SqliteStore(db);
    } catch (error) {
      db?.close();
      throw new AppError('STORE_UNAVAILABLE', `cannot open the database ${file}: ${(error as Error).message}`, { cause: error });
    }
  }

  async saveFeedback(input: FeedbackInput): Promise<FeedbackRecord> {
    const now = new Date().toISOString();
    const row = this.db
      .prepare<unknown[], FeedbackRow>(
        `INSERT INTO feedback (answer_id, rating, comment, question, mode, answer, citations, searched_for, engine, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (answer_id) DO UPDATE SET
           rating = excluded.rating, comment = excluded.comment, question = excluded.question, mode = excluded.mode,
           answer = excluded.answer, citations = excluded.citations, searched_for = excluded.searched_for,
           engine = excluded.engine, updated_at = excluded.updated_at
         RETURNING *`,
      )
      .get(input.answerId, input.rating, input.comment, input.question, input.mode, input.answer, JSON.stringify(input.citations), input.searchedFor, input.engine, now, now)!;
    return feedbackFromRow(row);
  }

  private where(query: Pick<FeedbackQuery, 'rating' | 'text'>): { sql: string; values: string[] } {
    const clauses: string[] = [];
    const values: string[] = [];
    if (query.rating) {
      clauses.push('rating = ?');
      values.push(query.rating);
    }
    if (query.text) {
      clauses.push("(question LIKE ? ESCAPE '\\' OR comment LIKE ? ESCAPE '\\')");
      values.push(likePattern(query.text), likePattern(query.text));
    }
    return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', values };
  }

  async listFeedback(query: FeedbackQuery): Promise<FeedbackPage> {
    const where = this.where(query);
    const total = (this.db.prepare(`SELECT count(*) AS n FROM feedback ${where.sql}`).get(...where.values) as { n: number }).n;
    const items = this.db
      .prepare<unknown[], FeedbackRow>(`SELECT * FROM feedback ${where.sql} ORDER BY id DESC LIMIT ? OFFSET ?`)
      .all(...where.values, query.limit, query.offset)
      .map(feedbackFromRow);
    const counts: Record<FeedbackRating, number> = { up: 0, down: 0 };
    for (const { rating, n } of this.db.prepare('SELECT rating, count(*) AS n FROM feedback GROUP BY rating').all() as { rating: FeedbackRating; n: number }[]) counts[rating] = n;
    return { total, counts, items };
  }

  async *exportFeedback(rating: FeedbackRating | undefined): AsyncIterable<FeedbackRecord> {
    const where = this.where({ rating });
    // Keyset paging on the id: a record never repeats or goes missing however the table changes meanwhile.
    let before = Number.MAX_SAFE_INTEGER;
    for (;;) {
      const rows = this.db
        .prepare<unknown[], FeedbackRow>(`SELECT * FROM feedback ${where.sql ? `${where.sql} AND` : 'WHERE'} id < ? ORDER BY id DESC LIMIT ${exportPageSize}`)
        .all(...where.values, before);
      for (const row of rows) yield feedbackFromRow(row);
      if (rows.length < exportPageSize) return;
      before = rows.at(-1)!.id;
      // Let other requests in between pages.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async recordUpload(record: UploadRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO uploads (source_path, original_name, bytes, sha256, uploaded_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (source_path) DO UPDATE SET original_name = excluded.original_name, bytes = excluded.bytes, sha256 = excluded.sha256, uploaded_at = excluded.uploaded_at`,
      )
      .run(record.sourcePath, record.originalName, record.bytes, record.sha256, record.uploadedAt);
  }

  async uploads(): Promise<UploadRecord[]> {
    const rows = this.db.prepare('SELECT source_path, original_name, bytes, sha256, uploaded_at FROM uploads ORDER BY uploaded_at DESC').all() as {
      source_path: string;
      original_name: string;
      bytes: number;
      sha256: string;
      uploaded_at: string;
    }[];
    return rows.map((row) => ({ sourcePath: row.source_path, originalName: row.original_name, bytes: row.bytes, sha256: row.sha256, uploadedAt: row.uploaded_at }));
  }

  async forgetUploads(sourcePaths: readonly string[]): Promise<void> {
    const remove = this.db.prepare('DELETE FROM uploads WHERE source_path = ?');
    this.db.transaction(() => {
      for (const sourcePath of sourcePaths) remove.run(sourcePath);
    })();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

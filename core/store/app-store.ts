/**
 * What the server keeps besides the index: feedback on answers (👍 / 👎 with a comment, and the
 * answer it is about) and a record of every file uploaded from the page. One small interface, so
 * that PostgreSQL (`postgres-store.ts`, with DATABASE_URL) can stand in for the embedded SQLite
 * one (`sqlite-store.ts`).
 */
import { z } from 'zod';
import { answerModeSchema, citationSchema } from '../answer/protocol.ts';

export const feedbackRatings = ['up', 'down'] as const;
export type FeedbackRating = (typeof feedbackRatings)[number];

/** Feedback as a client sends it: the rating and comment, and the answer as the user saw it. */
export const feedbackInputSchema = z.object({
  /** The client's id of the answer; feedback given again on the same answer replaces the earlier one. */
  answerId: z.string().min(1).max(100).regex(/^[\w.:-]+$/, 'answerId may use letters, digits and . _ : - only'),
  rating: z.enum(feedbackRatings),
  comment: z.string().trim().max(2000, '评论最多 2000 个字符').default(''),
  question: z.string().trim().min(1).max(20_000),
  mode: answerModeSchema,
  answer: z.string().max(60_000),
  citations: z
    .array(citationSchema.extend({ title: z.string().max(500), college: z.string().max(200), date: z.string().max(50), quote: z.string().max(4_000) }))
    .max(100)
    .default([]),
  searchedFor: z.string().max(20_000).default(''),
  engine: z.string().max(200).default(''),
});
export type FeedbackInput = z.output<typeof feedbackInputSchema>;

export interface FeedbackRecord extends FeedbackInput {
  id: number;
  /** ISO 8601 times: when the answer was first rated, and last changed. */
  createdAt: string;
  updatedAt: string;
}

export interface FeedbackQuery {
  rating?: FeedbackRating | undefined;
  /** Words that must occur in the question or the comment. */
  text?: string | undefined;
  limit: number;
  offset: number;
}

export interface FeedbackPage {
  /** Records matching the query. */
  total: number;
  /** All records by rating, whatever the query. */
  counts: Record<FeedbackRating, number>;
  /** Newest first. */
  items: FeedbackRecord[];
}

/** A file uploaded from the page. */
export interface UploadRecord {
  /** Where the file was saved, relative to the corpus folder. */
  sourcePath: string;
  /** The name the browser gave, as it was (shown, never used as a path). */
  originalName: string;
  bytes: number;
  sha256: string;
  uploadedAt: string;
}

export interface AppStore {
  /** Saves feedback on an answer, replacing earlier feedback on the same `answerId`. */
  saveFeedback(input: FeedbackInput): Promise<FeedbackRecord>;
  listFeedback(query: FeedbackQuery): Promise<FeedbackPage>;
  /** Every record matching `rating`, newest first, read in pages (for an export). */
  exportFeedback(rating: FeedbackRating | undefined): AsyncIterable<FeedbackRecord>;
  recordUpload(record: UploadRecord): Promise<void>;
  uploads(): Promise<UploadRecord[]>;
  forgetUploads(sourcePaths: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/** A feedback row as both databases store it (SQLite gives JSON text and ISO strings, PostgreSQL jsonb and dates). */
export interface FeedbackRow {
  id: number;
  answer_id: string;
  rating: FeedbackRating;
  comment: string;
  question: string;
  mode: FeedbackInput['mode'];
  answer: string;
  citations: string | FeedbackRecord['citations'];
  searched_for: string;
  engine: string;
  created_at: string | Date;
  updated_at: string | Date;
}

/** The record of a stored row. */
export function feedbackFromRow(row: FeedbackRow): FeedbackRecord {
  let citations: FeedbackRecord['citations'] = [];
  try {
    citations = typeof row.citations === 'string' ? (JSON.parse(row.citations) as FeedbackRecord['citations']) : row.citations;
  } catch {
    // A hand-edited row: the rest of the record is still worth showing.
  }
  const time = (value: string | Date): string => (value instanceof Date ? value.toISOString() : value);
  return {
    id: row.id,
    answerId: row.answer_id,
    rating: row.rating,
    comment: row.comment,
    question: row.question,
    mode: row.mode,
    answer: row.answer,
    citations,
    searchedFor: row.searched_for,
    engine: row.engine,
    createdAt: time(row.created_at),
    updatedAt: time(row.updated_at),
  };
}

/** `LIKE` pattern for a literal substring (escaped with a backslash). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Rows read per page of an export: bounded memory and short event-loop turns however many there are. */
export const exportPageSize = 500;

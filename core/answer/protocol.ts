/**
 * The chat protocol, validated with zod in both directions. One schema per message; types come
 * from `z.infer`. The websocket carries these messages as JSON; `POST /api/ask` takes the `ask`
 * fields and returns the `answer-end` message.
 *
 * Client → server: `ask`, `cancel`.
 * Server → client, per question id, in order: `sources`, any number of `text-delta` (and at most
 * one `notice` when the engine falls back), then `answer-end`; or `error`.
 */
import { z } from 'zod';

export const answerModes = ['qa', 'summary', 'compare'] as const;
export const answerModeSchema = z.enum(answerModes);
export type AnswerMode = z.infer<typeof answerModeSchema>;

/** Question ids are chosen by the client; kept short and printable so they can be logged safely. */
export const questionIdSchema = z.string().min(1).max(100).regex(/^[\w.:-]+$/, 'id may use letters, digits and . _ : - only');

export const historyTurnSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string().max(20_000),
});
export type HistoryTurn = z.infer<typeof historyTurnSchema>;

export const filtersSchema = z.object({
  college: z.string().trim().max(100).optional(),
  year: z.number().int().min(1900).max(2100).optional(),
  /** Ask about one article (就本文提问): retrieval is limited to it. */
  docId: z.string().min(1).max(500).optional(),
});
export type AnswerFilters = z.infer<typeof filtersSchema>;

/** Limits that depend on configuration. */
export interface ProtocolLimits {
  maxQuestionLength: number;
  maxHistoryTurns: number;
}

/** The fields of a question (shared by the websocket `ask` message and `POST /api/ask`). */
export function askFieldsSchema(limits: ProtocolLimits) {
  return z.object({
    question: z.string().trim().min(1, '问题不能为空').max(limits.maxQuestionLength, `问题最多 ${limits.maxQuestionLength} 个字符`),
    mode: answerModeSchema.default('qa'),
    history: z.array(historyTurnSchema).max(limits.maxHistoryTurns, `对话历史最多 ${limits.maxHistoryTurns} 轮`).default([]),
    filters: filtersSchema.default({}),
  });
}
export type AskFields = z.infer<ReturnType<typeof askFieldsSchema>>;

export function clientMessageSchema(limits: ProtocolLimits) {
  return z.discriminatedUnion('type', [
    askFieldsSchema(limits).extend({ type: z.literal('ask'), id: questionIdSchema }),
    z.object({ type: z.literal('cancel'), id: questionIdSchema }),
  ]);
}
export type ClientMessage = z.infer<ReturnType<typeof clientMessageSchema>>;

/** A numbered source the answer cites: a passage, and the exact span (`quote`, `start`-`end`) that supports the claim. */
export const citationSchema = z.object({
  n: z.number().int().positive(),
  chunkId: z.string(),
  docId: z.string(),
  title: z.string(),
  college: z.string(),
  date: z.string(),
  quote: z.string(),
  /** Offsets of `quote` in the document's cleaned text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Citation = z.infer<typeof citationSchema>;

/** One row of a comparison table. A filled cell carries its citation numbers. */
export const comparisonRowSchema = z.object({
  college: z.string(),
  unit: z.string(),
  practice: z.object({ text: z.string(), citations: z.array(z.number().int()) }).nullable(),
  outcome: z.object({ text: z.string(), citations: z.array(z.number().int()) }).nullable(),
  sources: z.array(z.number().int()),
});
export type ComparisonRow = z.infer<typeof comparisonRowSchema>;

/**
 * The header row of a comparison table in Markdown: what each college did and what came of it, or,
 * for a table of honours, the honours alone (a 做法 column would stand empty).
 */
export function comparisonHeader(honours: boolean): string {
  return honours ? '| 院校 | 荣誉 | 来源 |' : '| 院校 | 做法 | 成效 | 来源 |';
}

/**
 * Said above an answer: the engine fell back (`code` is the error's), or a draft or table was drawn up
 * without what its request names that no article writes (`PARTLY_UNWRITTEN`).
 */
export const noticeSchema = z.object({ code: z.string(), message: z.string() });

/** A practice of the 做法库 an answer links to. */
export const practiceLinkSchema = z.object({ id: z.string(), name: z.string(), college: z.string() });

export const sourcesMessageSchema = z.object({ type: z.literal('sources'), id: questionIdSchema, citations: z.array(citationSchema) });
export const textDeltaMessageSchema = z.object({ type: z.literal('text-delta'), id: questionIdSchema, delta: z.string() });
/** Sent when generation failed and the answer restarts from another engine: the client clears the text streamed so far. */
export const noticeMessageSchema = z.object({ type: z.literal('notice'), id: questionIdSchema, code: z.string(), message: z.string(), reset: z.boolean() });
export const answerEndMessageSchema = z.object({
  type: z.literal('answer-end'),
  id: questionIdSchema,
  answer: z.string(),
  citations: z.array(citationSchema),
  notFound: z.boolean(),
  mode: answerModeSchema,
  /** Which engine wrote the answer: `extractive` or `openai:<model>`. */
  engine: z.string(),
  /** The question as it was searched (follow-ups are rewritten with the conversation's subject). */
  searchedFor: z.string(),
  notice: noticeSchema.optional(),
  /** Comparison mode: the table as data, for export. */
  table: z.object({ rows: z.array(comparisonRowSchema), coverage: z.object({ covered: z.number().int(), total: z.number().int() }) }).optional(),
  /** 2–3 questions to ask next, built from what the answer cites (see suggestions.ts). */
  suggestions: z.array(z.string().max(200)).max(5).optional(),
  /** Practices of the 做法库 the question names (links to their pages). */
  practices: z.array(practiceLinkSchema).optional(),
});
export const errorMessageSchema = z.object({
  type: z.literal('error'),
  id: questionIdSchema.optional(),
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export const serverMessageSchema = z.discriminatedUnion('type', [
  sourcesMessageSchema,
  textDeltaMessageSchema,
  noticeMessageSchema,
  answerEndMessageSchema,
  errorMessageSchema,
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;
export type AnswerEnd = z.infer<typeof answerEndMessageSchema>;

/**
 * What an answer produces, before the transport adds the question id. The websocket layer only
 * serialises these.
 */
export type AnswerEvent =
  | { type: 'sources'; citations: Citation[] }
  | { type: 'text-delta'; delta: string }
  | { type: 'notice'; code: string; message: string; reset: boolean }
  | Omit<AnswerEnd, 'id'>;

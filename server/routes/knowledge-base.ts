/**
 * The knowledge base, for maintainers (every route here passes `requireAdmin`):
 *
 * - `GET /api/kb/status`             what the page needs: who is managing, limits, the ingest
 * - `GET /api/kb/documents`          the corpus table (filter, sort, full-text search, pages)
 * - `PATCH /api/kb/documents/:docId` correct 标题 / 院校 / 单位 / 日期
 * - `DELETE /api/kb/documents/:docId`, `DELETE /api/kb/files?path=…`
 * - `POST /api/kb/uploads`           multipart files (+ a `metadata` JSON field): 202 with a job
 * - `GET /api/kb/jobs/:jobId`        what became of each file once the ingest has run
 * - `GET /api/kb/hit-test?q=…`       passages with their lexical, vector and fused scores
 * - `GET /api/kb/events`             websocket: ingest progress and finished jobs
 *
 * Changes go through the same incremental ingest as `npm run ingest`; routes only validate and
 * hand over to KnowledgeBase (server/knowledge-base.ts).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { stagingPath } from '../../core/corpus/corpus-files.ts';
import type { IngestStatus, KnowledgeBaseEvent, KnowledgeBaseJob, KnowledgeBaseStatus } from '../../core/corpus/knowledge-base-types.ts';
import { mergeOverride, overridableFields, type MetadataOverride } from '../../core/corpus/overrides.ts';
import { AppError } from '../../core/errors.ts';
import { hitTest } from '../../core/retrieval/hit-test.ts';
import { normalizeDate } from '../../ingest/readers/metadata.ts';
import { supportedExtensions } from '../../ingest/readers/index.ts';
import { adminDecision, requireAdmin } from '../admin-access.ts';
import type { AppDependencies } from '../deps.ts';
import { disconnectSignal } from '../disconnect.ts';
import type { KnowledgeBase, StagedUpload } from '../knowledge-base.ts';
import { jsonBody } from '../validation.ts';

/** The knowledge base's progress events (a websocket). */
export const kbEventsPath = '/api/kb/events';

/** A metadata field from the page: trimmed, at most 300 characters; a date must be one ingest understands. */
const fieldSchema = z.string().trim().max(300, '最多 300 个字符');
const dateProblem = '日期格式不正确，请写成 2024-05-08、2024年5月8日、2024-05 或 2024';

function checkDate(value: string | null | undefined, context: z.RefinementCtx, path: PropertyKey[]): void {
  if (value && normalizeDate(value) === undefined) context.addIssue({ code: 'custom', message: dateProblem, path });
}

/** One upload's metadata (every field optional; empty means "as extracted"). */
const uploadMetadataSchema = z
  .object({ title: fieldSchema.optional(), college: fieldSchema.optional(), unit: fieldSchema.optional(), date: fieldSchema.optional() })
  .strict()
  .superRefine((value, context) => checkDate(value.date, context, ['date']));

/** Most bytes of the `metadata` field of an upload (a few hundred bytes a file). */
const metadataFieldBytes = 256 * 1024;

/** The upload's metadata field, or an UPLOAD_INVALID naming the file and field that is wrong. */
function parseUploadMetadata(text: string, maxFiles: number): (MetadataOverride | undefined)[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('UPLOAD_INVALID', 'metadata 字段不是有效的 JSON');
  }
  const parsed = z.array(z.union([uploadMetadataSchema, z.null()])).max(maxFiles).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [index, field] = issue.path;
    const where = typeof index === 'number' ? `第 ${index + 1} 个文件${typeof field === 'string' ? `的 ${field}` : ''}` : 'metadata';
    throw new AppError('UPLOAD_INVALID', `${where}：${issue.message}`, { details: { issues: parsed.error.issues.map((each) => ({ field: each.path.join('.'), problem: each.message })) } });
  }
  return parsed.data.map((entry) => (entry ? mergeOverride(undefined, entry) : undefined));
}

/** Errors of the multipart parser, as the product's codes. */
function uploadError(error: unknown, maxFiles: number): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code;
  if (code === 'FST_FILES_LIMIT') return new AppError('UPLOAD_TOO_MANY_FILES', `一次最多上传 ${maxFiles} 个文件`, { details: { limit: maxFiles } });
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return new AppError('UPLOAD_INVALID', '上传请求的字段过多');
  return new AppError('UPLOAD_INVALID', '上传没有完成：请求不完整或格式不正确', { cause: error });
}

/** Receives the files of a multipart upload into the staging folder (checked afterwards). */
async function receiveUpload(
  parts: AsyncIterable<import('@fastify/multipart').Multipart>,
  corpusDir: string,
  maxFiles: number,
): Promise<{ staged: StagedUpload[]; metadata: (MetadataOverride | undefined)[] }> {
  const staged: StagedUpload[] = [];
  let metadata: (MetadataOverride | undefined)[] = [];
  try {
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.fieldname !== 'metadata') throw new AppError('UPLOAD_INVALID', `未知的字段 “${part.fieldname.slice(0, 50)}”：只接受 files 和 metadata`);
        if (part.valueTruncated || typeof part.value !== 'string') throw new AppError('UPLOAD_INVALID', 'metadata 字段过大');
        metadata = parseUploadMetadata(part.value, maxFiles);
        continue;
      }
      const target = stagingPath(corpusDir);
      const hash = createHash('sha256');
      let bytes = 0;
      part.file.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        bytes += chunk.length;
      });
      // Registered first, so a file that fails on the way is cleaned up with the others.
      const entry: StagedUpload = { originalName: part.filename ?? '', stagedPath: target, bytes: 0, sha256: '', truncated: false, metadata: undefined };
      staged.push(entry);
      await pipeline(part.file, fs.createWriteStream(target, { flags: 'wx' }));
      Object.assign(entry, { bytes, sha256: hash.digest('hex'), truncated: part.file.truncated });
    }
  } catch (error) {
    for (const file of staged) fs.rmSync(file.stagedPath, { force: true });
    throw uploadError(error, maxFiles);
  }
  return { staged, metadata };
}

export const knowledgeBaseRoutes: FastifyPluginAsyncZod<AppDependencies & { knowledgeBase: KnowledgeBase }> = async (app, deps) => {
  const { config, knowledgeBase } = deps;
  app.addHook('onRequest', requireAdmin(config));
  // Multipart bodies are parsed in this plugin only: every other route still takes JSON.
  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: {
      fileSize: config.UPLOAD_MAX_FILE_BYTES,
      files: config.UPLOAD_MAX_FILES,
      fields: 4,
      fieldSize: metadataFieldBytes,
      parts: config.UPLOAD_MAX_FILES + 4,
      headerPairs: 100,
    },
  });

  app.get('/api/kb/status', async (request): Promise<KnowledgeBaseStatus> => {
    const decision = adminDecision(request, config);
    return {
      access: decision.allowed ? decision.via : 'loopback',
      limits: { ...knowledgeBase.limits, extensions: [...supportedExtensions] },
      ingest: knowledgeBase.ingest,
      feedback: Boolean(deps.store),
    };
  });

  const listSchema = z.object({
    q: z.string().trim().max(200).optional(),
    text: z.string().trim().max(config.MAX_QUESTION_LENGTH).optional(),
    college: z.string().trim().max(200).optional(),
    year: z.union([z.literal(''), z.string().regex(/^\d{4}$/, 'year is four digits')]).optional(),
    status: z.enum(['indexed', 'updating', 'pending', 'duplicate', 'skipped', 'removing']).optional(),
    sort: z.enum(['relevance', 'addedAt', 'title', 'college', 'unit', 'date', 'passages', 'sourcePath', 'status']).optional(),
    order: z.enum(['asc', 'desc']).optional(),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  });
  app.get('/api/kb/documents', { schema: { querystring: listSchema } }, async (request) => {
    const query = request.query;
    return knowledgeBase.rows({ ...query, q: query.q || undefined, text: query.text || undefined, college: query.college || undefined, year: query.year || undefined });
  });

  const docParams = z.object({ docId: z.string().min(1).max(500) });
  const correctionSchema = z
    .object(Object.fromEntries(overridableFields.map((field) => [field, fieldSchema.nullable().optional()])) as Record<(typeof overridableFields)[number], z.ZodOptional<z.ZodNullable<typeof fieldSchema>>>)
    .strict()
    .superRefine((value, context) => {
      if (overridableFields.every((field) => value[field] === undefined)) context.addIssue({ code: 'custom', message: '请至少修改一个字段（title、college、unit、date）' });
      checkDate(value.date, context, ['date']);
    });
  app.patch('/api/kb/documents/:docId', { schema: { params: docParams, body: jsonBody(correctionSchema) } }, async (request, reply) => {
    const job = await knowledgeBase.correct(request.params.docId, request.body);
    return reply.status(202).send({ job });
  });

  app.delete('/api/kb/documents/:docId', { schema: { params: docParams } }, async (request, reply) => {
    const job = await knowledgeBase.deleteDocument(request.params.docId);
    return reply.status(202).send({ job });
  });

  app.delete('/api/kb/files', { schema: { querystring: z.object({ path: z.string().min(1).max(1000) }) } }, async (request, reply) => {
    const job = await knowledgeBase.deleteFile(request.query.path);
    return reply.status(202).send({ job });
  });

  app.post('/api/kb/uploads', async (request, reply) => {
    if (!request.isMultipart()) throw new AppError('UPLOAD_INVALID', '请以 multipart/form-data 上传文件（字段 files，可选字段 metadata）');
    const { staged, metadata } = await receiveUpload(request.parts(), knowledgeBase.corpusDir, config.UPLOAD_MAX_FILES);
    if (staged.length === 0) throw new AppError('UPLOAD_INVALID', '没有收到文件');
    staged.forEach((file, index) => (file.metadata = metadata[index]));
    const result = await knowledgeBase.upload(staged);
    if (!result.job) {
      const first = result.files[0]!;
      throw new AppError('UPLOAD_REFUSED', `${first.name}：${first.message}`, { details: { files: result.files } });
    }
    return reply.status(202).send(result);
  });

  app.get('/api/kb/jobs/:jobId', { schema: { params: z.object({ jobId: z.string().min(1).max(100) }) } }, async (request) => {
    const job = knowledgeBase.job(request.params.jobId);
    if (!job) throw new AppError('NOT_FOUND', '没有这个任务（服务器只保留最近 50 个任务）');
    return { job };
  });

  const hitTestSchema = z.object({
    q: z
      .string({ error: (issue) => (issue.input === undefined ? 'q is required' : undefined) })
      .trim()
      .min(1, 'q is required')
      .max(config.MAX_QUESTION_LENGTH),
    k: z.coerce.number().int().min(1).max(50).default(10),
    college: z.string().trim().max(200).optional(),
    year: z.union([z.literal(''), z.coerce.number().int().min(1900).max(2100)]).optional(),
  });
  app.get('/api/kb/hit-test', { schema: { querystring: hitTestSchema } }, async (request, reply) => {
    const { q, k, college, year } = request.query;
    return hitTest(deps.search.retriever(), { query: q, k, college: college || undefined, year: year || undefined, signal: disconnectSignal(reply) });
  });

  app.route({
    method: 'GET',
    url: kbEventsPath,
    handler: async (_request, reply) => {
      const error = new AppError('BAD_REQUEST', '该地址只接受 websocket 连接');
      return reply.status(error.status).header('upgrade', 'websocket').send({ error: error.toJSON() });
    },
    wsHandler: (socket) => followEvents(socket, knowledgeBase),
  });
};

/** Most bytes waiting for a slow event reader before it is dropped. */
const eventBufferLimit = 1 << 20;
const pingIntervalMs = 30_000;

/** Sends the knowledge base's events to one socket until it closes. */
function followEvents(socket: WebSocket, knowledgeBase: KnowledgeBase): void {
  const send = (event: KnowledgeBaseEvent): void => {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > eventBufferLimit) {
      socket.terminate();
      return;
    }
    socket.send(JSON.stringify(event));
  };
  const onIngest = (ingest: IngestStatus): void => send({ type: 'ingest', ingest });
  const onJob = (job: KnowledgeBaseJob): void => send({ type: 'job', job });
  knowledgeBase.on('ingest', onIngest);
  knowledgeBase.on('job', onJob);
  // A peer that stopped answering pings is gone: its listeners must not pile up.
  let alive = true;
  socket.on('pong', () => (alive = true));
  const ping = setInterval(() => {
    if (!alive) {
      socket.terminate();
      return;
    }
    alive = false;
    socket.ping();
  }, pingIntervalMs);
  ping.unref();
  socket.on('message', () => send({ type: 'error', code: 'INVALID_MESSAGE', message: '此连接只发送知识库事件，不接受消息' }));
  socket.on('close', () => {
    clearInterval(ping);
    knowledgeBase.off('ingest', onIngest);
    knowledgeBase.off('job', onJob);
  });
  socket.on('error', () => socket.terminate());
  send({ type: 'status', ingest: knowledgeBase.ingest, jobs: knowledgeBase.recentJobs() });
}

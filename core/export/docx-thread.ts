/**
 * Builds .docx files on a worker thread, so that a large document never blocks the event loop
 * that answers everyone else. One worker, started on first use and kept (unreferenced, so it never
 * holds the process open); requests queue in order. A build that runs past `timeoutMs` or a worker
 * that dies (its heap is capped) fails that request with an AppError; the next one starts afresh.
 */
import type { Worker } from 'node:worker_threads';
import { AppError } from '../errors.ts';
import { startTsWorker } from '../ts-worker.ts';
import type { DocxContent } from './docx.ts';
import type { DocxReply, DocxRequest } from './docx-worker.ts';

interface Pending {
  resolve: (bytes: Buffer) => void;
  reject: (error: AppError) => void;
  timer: ReturnType<typeof setTimeout>;
}

let worker: Worker | null = null;
const pending = new Map<number, Pending>();
let sequence = 0;

/** Fails every request in flight and forgets the worker (the next request starts a new one). */
function discard(error: AppError): void {
  const current = worker;
  worker = null;
  void current?.terminate();
  for (const request of pending.values()) {
    clearTimeout(request.timer);
    request.reject(error);
  }
  pending.clear();
}

function currentWorker(): Worker {
  if (worker) return worker;
  const started = startTsWorker(new URL('./docx-worker.ts', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: 512 } });
  started.on('message', (reply: DocxReply) => {
    const request = pending.get(reply.id);
    if (!request) return;
    pending.delete(reply.id);
    clearTimeout(request.timer);
    if ('bytes' in reply) request.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
    else request.reject(new AppError(reply.error.code, reply.error.message, reply.error.details ? { details: reply.error.details } : {}));
  });
  started.on('error', (error) => {
    if (worker === started) discard(new AppError('INTERNAL', `the document worker failed: ${error.message}`, { cause: error }));
  });
  started.on('exit', () => {
    if (worker === started) discard(new AppError('INTERNAL', 'the document worker exited'));
  });
  // After the listeners (a 'message' listener refs the worker again). A request in flight keeps the
  // process up through its time-out timer.
  started.unref();
  worker = started;
  return started;
}

/** `buildDocx` on the worker thread. Throws what it throws (DOCUMENT_TOO_COMPLEX…), or DOCUMENT_TOO_COMPLEX after `timeoutMs`. */
export function buildDocxOffThread(content: DocxContent, options: { now?: Date; timeoutMs?: number } = {}): Promise<Buffer> {
  const target = currentWorker();
  const id = ++sequence;
  const timeoutMs = options.timeoutMs ?? 30_000;
  return new Promise<Buffer>((resolve, reject) => {
    const timer = setTimeout(() => discard(new AppError('DOCUMENT_TOO_COMPLEX', `导出超时（${Math.round(timeoutMs / 1000)} 秒），请缩短内容后重试`)), timeoutMs);
    pending.set(id, { resolve, reject, timer });
    // The request is copied to the worker; the content is already validated and bounded in size.
    target.postMessage({ id, content: { title: content.title, markdown: content.markdown, citations: [...content.citations] }, now: (options.now ?? new Date()).getTime() } satisfies DocxRequest);
  });
}

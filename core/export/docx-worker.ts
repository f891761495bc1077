/** Worker-thread entry that builds .docx files (see docx-thread.ts): one request at a time, in order. */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../errors.ts';
import { buildDocx, type DocxContent } from './docx.ts';

/** A document to build, with its id. */
export interface DocxRequest {
  id: number;
  content: DocxContent;
  /** The date printed in the footer, as a time value. */
  now: number;
}

/** The bytes, or the error as the server should report it. */
export type DocxReply = { id: number; bytes: Uint8Array } | { id: number; error: { code: AppError['code']; message: string; details?: Record<string, unknown> } };

parentPort!.on('message', (request: DocxRequest) => {
  buildDocx(request.content, new Date(request.now)).then(
    (bytes) => {
      const copy = new Uint8Array(bytes);
      parentPort!.postMessage({ id: request.id, bytes: copy } satisfies DocxReply, [copy.buffer]);
    },
    (error: unknown) => {
      const appError = error instanceof AppError ? error : new AppError('INTERNAL', error instanceof Error ? error.message : String(error));
      parentPort!.postMessage({ id: request.id, error: { code: appError.code, message: appError.message, ...(appError.details ? { details: appError.details } : {}) } } satisfies DocxReply);
    },
  );
});

/**
 * `POST /api/export/docx`: an answer and its citations as a Word document (built by
 * core/export/docx.ts on a worker thread), sent as a download.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { citationSchema } from '../../core/answer/protocol.ts';
import { docxMimeType } from '../../core/export/docx.ts';
import { buildDocxOffThread } from '../../core/export/docx-thread.ts';
import { xmlSafeText } from '../../core/text/never-text.ts';
import type { AppDependencies } from '../deps.ts';
import { jsonBody } from '../validation.ts';

/** Largest export request body, in bytes: drafts with their quotes are far below this. */
export const exportBodyLimit = 512 * 1024;

export const docxExportSchema = z
  .object({
    title: z.string().trim().min(1, '标题不能为空').max(200, '标题最多 200 个字符'),
    markdown: z.string().trim().min(1, '内容不能为空').max(100_000, '内容过长（最多 100000 个字符）'),
    citations: z
      .array(citationSchema.extend({ title: z.string().max(500), college: z.string().max(200), date: z.string().max(50), quote: z.string().max(10_000) }))
      .max(300, '来源最多 300 条')
      .default([]),
  })
  .strict();

/** A download filename from a title: no path or reserved characters, at most 60 characters. */
export function exportFilename(title: string, extension: string): string {
  // Lone surrogates would make encodeURIComponent throw (a 500) in the header below.
  const base = xmlSafeText(title).replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 60) || '导出';
  return `${base}.${extension}`;
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export const exportRoutes: FastifyPluginAsyncZod<AppDependencies> = async (app, deps) => {
  app.post('/api/export/docx', { bodyLimit: Math.max(deps.config.MAX_MESSAGE_BYTES, exportBodyLimit), schema: { body: jsonBody(docxExportSchema) } }, async (request, reply) => {
    const input = request.body;
    // Off the event loop: a large document takes seconds to build.
    const bytes = await buildDocxOffThread(input);
    return reply
      .type(docxMimeType)
      .header('content-disposition', contentDisposition(exportFilename(input.title, 'docx')))
      .header('cache-control', 'no-store')
      .send(bytes);
  });
};

/** `GET /api/documents` and `GET /api/documents/:docId`: the corpus as indexed. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import type { AppDependencies } from '../deps.ts';

export const documentRoutes: FastifyPluginAsyncZod<AppDependencies> = async (app, deps) => {
  app.get('/api/documents', async () => {
    const { snapshot } = deps.search.retriever();
    return {
      documents: snapshot.documents.map((document) => ({
        id: document.docId,
        docId: document.docId,
        title: document.title,
        college: document.college,
        unit: document.unit,
        date: document.date,
        source: document.source,
        url: document.url,
        chunkCount: document.chunkCount,
        duplicates: document.duplicates.length,
      })),
    };
  });

  const paramsSchema = z.object({ docId: z.string().min(1).max(500) });

  app.get('/api/documents/:docId', { schema: { params: paramsSchema } }, async (request) => {
    const { docId } = request.params;
    const { snapshot } = deps.search.retriever();
    const document = snapshot.document(docId);
    if (!document) throw new AppError('DOCUMENT_NOT_FOUND', `没有 id 为 “${docId.slice(0, 100)}” 的文章`, { details: { docId: docId.slice(0, 100) } });
    await snapshot.preloadTexts([document]);
    const text = snapshot.documentText(document);
    const chunks = [];
    for (let ordinal = 0; ordinal < document.chunkCount; ordinal++) {
      const chunk = snapshot.chunk(document.firstChunk + ordinal);
      chunks.push({ chunkId: chunk.chunkId, start: chunk.start, end: chunk.end });
    }
    return {
      id: document.docId,
      docId: document.docId,
      title: document.title,
      college: document.college,
      unit: document.unit,
      date: document.date,
      source: document.source,
      author: document.author,
      url: document.url,
      sourcePath: document.sourcePath,
      text,
      headings: document.headings.map(([start, end, level]) => ({ start, end, level, text: text.slice(start, end) })),
      chunks,
      duplicates: document.duplicates,
    };
  });
};

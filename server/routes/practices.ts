/**
 * The 做法库 (practice catalog) of the live index:
 * - `GET /api/practices/categories`: the taxonomy with counts, colleges, years and the category ×
 *   college matrix;
 * - `GET /api/practices?category&college&year&q&limit&offset`: practices, filtered and searched;
 * - `GET /api/practices/:id`: one practice with every field cited, and comparable practices at
 *   other colleges (`similar`), each with a one-line reason;
 * - `GET /api/practices/export?format=docx|csv&…`: the filtered catalog as a download.
 * The logic is in core/practices; this file validates and shapes.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { docxMimeType } from '../../core/export/docx.ts';
import type { PracticeCatalog, PracticeFilter } from '../../core/practices/catalog.ts';
import { practicesCsv, practicesDocx } from '../../core/practices/export.ts';
import type { PracticeRecord } from '../../core/practices/record.ts';
import { comparableReason } from '../../core/practices/similarity.ts';
import { categoryNames } from '../../core/practices/taxonomy.ts';
import type { SearchService } from '../../core/retrieval/search-service.ts';
import type { AppDependencies } from '../deps.ts';
import { contentDisposition, exportFilename } from './export.ts';

/** The live catalog, or the reason there is none (no index: INDEX_MISSING; an index from before the catalog). */
function liveCatalog(search: SearchService): { catalog: PracticeCatalog; useVectors: boolean } {
  const retriever = search.retriever();
  const { snapshot } = retriever;
  if (!snapshot.practices) throw new AppError('INDEX_SCHEMA_MISMATCH', '索引中还没有做法库，请重新导入语料');
  const vectors = snapshot.practices.vectors;
  return { catalog: snapshot.practices, useVectors: vectors !== null && retriever.mode === 'hybrid' && search.embedder?.modelId === vectors.model };
}

/** The number of practices of the live index, or null when it has no catalog (for /api/health). */
export function practiceCount(search: SearchService): number | null {
  try {
    return search.retriever().snapshot.practices?.size ?? null;
  } catch {
    return null;
  }
}

/** A practice in a list: enough to show and to filter. */
function summaryOf(record: PracticeRecord) {
  return {
    id: record.id,
    name: record.name.text,
    category: record.category,
    college: record.college,
    unit: record.unit,
    date: record.date,
    docId: record.docId,
    title: record.title,
    description: record.description,
    components: record.components.map((part) => part.text),
    outcomes: record.outcomes.length,
  };
}

const categorySchema = z.enum(categoryNames as [string, ...string[]], { error: () => `category 须为：${categoryNames.join('、')}` });

const filterFields = {
  category: categorySchema.optional(),
  college: z.string().trim().max(100).optional(),
  year: z.union([z.literal(''), z.coerce.number().int().min(1900).max(2100)]).optional(),
  q: z.string().trim().max(100).optional(),
};

function filterOf(query: { category?: string | undefined; college?: string | undefined; year?: number | '' | undefined; q?: string | undefined }): PracticeFilter {
  return {
    category: (query.category || undefined) as PracticeFilter['category'],
    college: query.college || undefined,
    year: query.year || undefined,
    q: query.q || undefined,
  };
}

/** How an export names what it holds: 全部做法, 党员教育管理, 嘉兴职业技术学院 · 2022年 · “积分”. */
function scopeOf(filter: PracticeFilter): string {
  const parts = [filter.category, filter.college, filter.year ? `${filter.year}年` : '', filter.q ? `“${filter.q}”` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : '全部做法';
}

export const practiceRoutes: FastifyPluginAsyncZod<AppDependencies> = async (app, deps) => {
  app.get('/api/practices/categories', async () => {
    const { catalog } = liveCatalog(deps.search);
    return catalog.summary();
  });

  const listSchema = z.object({
    ...filterFields,
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  });

  app.get('/api/practices', { schema: { querystring: listSchema } }, async (request) => {
    const { catalog } = liveCatalog(deps.search);
    const { limit, offset } = request.query;
    const matches = catalog.filter(filterOf(request.query));
    return { total: matches.length, offset, limit, practices: matches.slice(offset, offset + limit).map(summaryOf) };
  });

  const exportSchema = z.object({ ...filterFields, format: z.enum(['docx', 'csv']).default('docx') });

  app.get('/api/practices/export', { schema: { querystring: exportSchema } }, async (request, reply) => {
    const { catalog } = liveCatalog(deps.search);
    const filter = filterOf(request.query);
    const matches = catalog.filter(filter);
    const scope = scopeOf(filter);
    reply.header('cache-control', 'no-store');
    if (request.query.format === 'csv') {
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition(exportFilename(`做法库：${scope}`, 'csv')))
        .send(practicesCsv(matches));
    }
    const { title, bytes } = await practicesDocx(matches, scope);
    return reply.type(docxMimeType).header('content-disposition', contentDisposition(exportFilename(title, 'docx'))).send(bytes);
  });

  const paramsSchema = z.object({ id: z.string().min(1).max(100) });
  const detailSchema = z.object({ similar: z.coerce.number().int().min(0).max(20).default(6) });

  app.get('/api/practices/:id', { schema: { params: paramsSchema, querystring: detailSchema } }, async (request) => {
    const { id } = request.params;
    const { catalog, useVectors } = liveCatalog(deps.search);
    const record = catalog.byId(id);
    if (!record) throw new AppError('PRACTICE_NOT_FOUND', `没有编号为 “${id.slice(0, 100)}” 的做法（语料重新导入后编号可能变化）`, { details: { id: id.slice(0, 100) } });
    const similar = request.query.similar === 0 ? [] : catalog.comparable(id, request.query.similar, useVectors);
    return {
      practice: record,
      similar: similar.map((comparable) => ({
        ...summaryOf(comparable.record),
        score: Number(comparable.score.toFixed(3)),
        sameCategory: comparable.sameCategory,
        shared: comparable.shared,
        reason: comparableReason(record, comparable),
      })),
    };
  });
};

/**
 * Hit testing (命中测试): one query through the retriever, with everything that ranked each
 * passage (its BM25 score and place, its vector similarity and place, the fused score) and the
 * filters applied, the way maintainers check why an answer did or did not find a passage.
 */
import type { HitTestResult } from '../corpus/knowledge-base-types.ts';
import type { Retriever } from './retriever.ts';

export interface HitTestQuery {
  query: string;
  k: number;
  college?: string | undefined;
  year?: number | undefined;
  signal?: AbortSignal | undefined;
}

const round = (value: number | null, digits = 4): number | null => (value === null ? null : Number(value.toFixed(digits)));

/** Runs `query` through `retriever` and reports every score. */
export async function hitTest(retriever: Retriever, input: HitTestQuery): Promise<HitTestResult> {
  const response = await retriever.search(input.query, {
    k: input.k,
    filters: { college: input.college || undefined, year: input.year || undefined },
    signal: input.signal,
  });
  const colleges = new Set<string>();
  for (const document of retriever.snapshot.documents) if (document.college && input.query.includes(document.college)) colleges.add(document.college);
  const timing = (ms: number): number => Number(ms.toFixed(2));
  return {
    query: input.query,
    words: response.queryTokens,
    mode: response.mode,
    filters: { college: input.college || null, year: input.year || null },
    namedColleges: [...colleges],
    timings: {
      embedMs: timing(response.timings.embedMs),
      lexicalMs: timing(response.timings.lexicalMs),
      vectorMs: timing(response.timings.vectorMs),
      fuseMs: timing(response.timings.fuseMs),
      totalMs: timing(response.timings.totalMs),
    },
    hits: response.hits.map((hit, index) => ({
      rank: index + 1,
      chunkId: hit.chunk.chunkId,
      docId: hit.chunk.document.docId,
      title: hit.chunk.document.title,
      college: hit.chunk.document.college,
      unit: hit.chunk.document.unit,
      date: hit.chunk.document.date,
      text: hit.chunk.text,
      headingPath: hit.chunk.headingPath,
      fused: round(hit.score, 6)!,
      lexical: round(hit.lexicalScore),
      lexicalRank: hit.lexicalRank ?? null,
      vector: round(hit.vectorScore),
      vectorRank: hit.vectorRank ?? null,
    })),
  };
}

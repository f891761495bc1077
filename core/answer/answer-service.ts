/**
 * Answers questions from the live index: understands follow-ups, retrieves for the mode, judges
 * whether the corpus can answer at all, then streams a cited answer from the model endpoint or,
 * without one (or when it fails), from the extractive engine. The result is an AsyncIterable of
 * typed events; transports only serialise it.
 */
import type { IndexSnapshot, IndexedChunk } from '../index/index-reader.ts';
import { AppError, isAbortError, throwIfAborted, toAppError } from '../errors.ts';
import { passageView, type PassageView } from '../retrieval/passage-view.ts';
import type { SearchFilters, SearchHit } from '../retrieval/retriever.ts';
import type { SearchService } from '../retrieval/search-service.ts';
import { StreamingCitationFilter, cleanCitationMarkers } from './citations.ts';
import { carrySubjects, collegesIn, isFollowUp } from './conversation.ts';
import { judgeEvidence, minimumCoverage, queryProfile } from './evidence.ts';
import { composeCompare, composeQa, composeSummary, documentLabel, hitsByCollege, notFoundText, type ComposedAnswer } from './extractive.ts';
import type { ChatGenerator } from './generator.ts';
import { answerMessages, notFoundMarker, rewriteMessages } from './prompt.ts';
import type { AnswerEnd, AnswerEvent, AnswerMode, AskFields, Citation } from './protocol.ts';

/** Where the answer service reports what users should not see (fallback causes). */
export interface AnswerLogger {
  warn(details: Record<string, unknown>, message: string): void;
}

export interface AnswerServiceOptions {
  search: SearchService;
  generator: ChatGenerator | null;
  logger?: AnswerLogger;
}

export interface SimilarGroup {
  college: string;
  /** Passages similar to the given article or text, from this other college. */
  passages: PassageView[];
}

const collegeLists = new WeakMap<IndexSnapshot, string[]>();

/** The distinct colleges of an index, most articles first. */
export function corpusColleges(snapshot: IndexSnapshot): string[] {
  let list = collegeLists.get(snapshot);
  if (!list) {
    const counts = new Map<string, number>();
    for (const document of snapshot.documents) if (document.college) counts.set(document.college, (counts.get(document.college) ?? 0) + 1);
    list = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh')).map(([college]) => college);
    collegeLists.set(snapshot, list);
  }
  return list;
}

/** A passage as a numbered source for the model: the quote is the whole passage. */
function passageCitation(n: number, chunk: IndexedChunk): Citation {
  return {
    n,
    chunkId: chunk.chunkId,
    docId: chunk.document.docId,
    title: documentLabel(chunk.document),
    college: chunk.document.college,
    date: chunk.document.date,
    quote: chunk.text,
    start: chunk.start,
    end: chunk.end,
  };
}

/** Splits an answer into deltas the way a stream would deliver it: line by line. */
function* deltas(text: string): Generator<string> {
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) yield index < lines.length - 1 ? `${lines[index]}\n` : lines[index]!;
}

const maxCompareColleges = 30;

export class AnswerService {
  private logger: AnswerLogger | undefined;

  constructor(private readonly options: AnswerServiceOptions) {
    this.logger = options.logger;
  }

  /** Sends fallback warnings to the server's log (set by the app that serves this service). */
  attachLogger(logger: AnswerLogger): void {
    this.logger ??= logger;
  }

  /** `extractive` or the generator's name. */
  get engineName(): string {
    return this.options.generator?.name ?? 'extractive';
  }

  /** Rewrites a follow-up into a standalone question: with the model when there is one, else by carrying subjects. */
  private async standalone(request: AskFields, snapshot: IndexSnapshot, signal: AbortSignal): Promise<{ question: string; college: string | undefined }> {
    const colleges = corpusColleges(snapshot);
    if (request.history.length === 0) return { question: request.question, college: undefined };
    const carried = carrySubjects(request.question, request.history, colleges, snapshot.lexical);
    const generator = this.options.generator;
    if (generator && isFollowUp(request.question, colleges)) {
      const controller = new AbortController();
      const stop = (): void => controller.abort();
      signal.addEventListener('abort', stop, { once: true });
      const timer = setTimeout(stop, 10_000);
      try {
        const rewritten = (await generator.complete(rewriteMessages(request.question, request.history), controller.signal)).trim().split('\n')[0]!.slice(0, 500);
        if (rewritten.length > 1) return { question: rewritten, college: carried.college };
      } catch (error) {
        throwIfAborted(signal);
        this.logger?.warn({ code: toAppError(error).code }, 'follow-up rewrite failed; carrying subjects instead');
      } finally {
        clearTimeout(timer);
        signal.removeEventListener('abort', stop);
      }
    }
    return { question: carried.question, college: carried.college };
  }

  /**
   * The college a question is about, when it names exactly one and does not ask to look beyond it
   * (除了…, 相比…): a question about 嘉兴职业技术学院 is answered from its articles only.
   */
  private namedCollege(mode: AnswerMode, question: string, snapshot: IndexSnapshot): string | undefined {
    if (mode === 'compare' || /除了|以外|之外|其他|其它|别的|相比|对比|比较|以及/.test(question)) return undefined;
    const named = collegesIn(question, corpusColleges(snapshot));
    return named.length === 1 ? named[0] : undefined;
  }

  /** Retrieval for a mode: comparison takes a quota of passages from every college. */
  private async retrieve(mode: AnswerMode, question: string, filters: SearchFilters, signal: AbortSignal): Promise<{ hits: SearchHit[]; perCollege: Map<string, SearchHit[]> | null; colleges: string[] }> {
    const retriever = this.options.search.retriever();
    const colleges = corpusColleges(retriever.snapshot);
    if (mode === 'compare') {
      const wanted = filters.college ? colleges.filter((college) => college === filters.college) : colleges;
      let perCollege: Map<string, SearchHit[]>;
      if (wanted.length <= maxCompareColleges) {
        perCollege = new Map();
        const queryVector = (await retriever.embedQuery(question, signal)) ?? undefined;
        for (const college of wanted) {
          const response = await retriever.search(question, { k: 4, filters: { ...filters, college }, maxPerDocument: 2, signal, queryVector });
          perCollege.set(college, response.hits);
        }
      } else {
        const response = await retriever.search(question, { k: 120, filters, maxPerDocument: 2, signal });
        perCollege = hitsByCollege(response.hits);
      }
      const shown = wanted.length <= maxCompareColleges ? wanted : [...perCollege.keys()].slice(0, maxCompareColleges);
      return { hits: [...perCollege.values()].flat(), perCollege, colleges: shown };
    }
    // A question about a named college wants depth from its articles; a broad one wants breadth.
    const focused = Boolean(filters.college) || collegesIn(question, colleges).length > 0;
    const response = await retriever.search(question, {
      k: mode === 'summary' ? 16 : 12,
      filters,
      maxPerDocument: focused ? 10 : mode === 'summary' ? 5 : 3,
      signal,
    });
    return { hits: response.hits, perCollege: null, colleges };
  }

  /** Streams the answer to one question. Throws AppError (INDEX_MISSING, CANCELLED, …) before or between events. */
  async *answer(request: AskFields, signal: AbortSignal): AsyncGenerator<AnswerEvent> {
    const snapshot = this.options.search.retriever().snapshot;
    const { question: searchedFor, college } = await this.standalone(request, snapshot, signal);
    throwIfAborted(signal);
    const filters: SearchFilters = {
      college: request.filters.college || college || this.namedCollege(request.mode, searchedFor, snapshot),
      year: request.filters.year,
    };
    const { hits, perCollege, colleges } = await this.retrieve(request.mode, searchedFor, filters, signal);
    throwIfAborted(signal);
    const profile = queryProfile(searchedFor, snapshot.lexical);
    const verdict = judgeEvidence(hits, profile);
    const base = { mode: request.mode, searchedFor };

    if (!verdict.answerable) {
      const text = notFoundText(request.question, verdict.unknownWords);
      yield { type: 'sources', citations: [] };
      yield { type: 'text-delta', delta: text };
      yield { type: 'answer-end', answer: text, citations: [], notFound: true, engine: this.engineName, ...base };
      return;
    }

    let notice: AnswerEnd['notice'];
    const generator = this.options.generator;
    if (generator) {
      const sources = this.sourcesFor(request.mode, hits, perCollege);
      const citations = sources.map((chunk, index) => passageCitation(index + 1, chunk));
      const valid = new Set(citations.map((citation) => citation.n));
      yield { type: 'sources', citations };
      try {
        const filter = new StreamingCitationFilter(valid);
        let raw = '';
        for await (const delta of generator.stream(answerMessages(request.mode, searchedFor, sources, request.mode === 'compare' ? colleges : []), signal)) {
          raw += delta;
          const shown = filter.push(delta);
          if (shown) yield { type: 'text-delta', delta: shown };
        }
        const tail = filter.flush();
        if (tail) yield { type: 'text-delta', delta: tail };
        const final = cleanCitationMarkers(raw, valid);
        if (final.text.includes(notFoundMarker) || final.cited.length === 0) {
          const text = notFoundText(request.question, []);
          yield { type: 'answer-end', answer: text, citations: [], notFound: true, engine: generator.name, ...base };
          return;
        }
        const cited = citations.filter((citation) => final.cited.includes(citation.n));
        yield { type: 'answer-end', answer: final.text.trim(), citations: cited, notFound: false, engine: generator.name, ...base };
        return;
      } catch (error) {
        if (signal.aborted || isAbortError(error)) throw toAppError(error);
        const appError = toAppError(error, 'UPSTREAM_ERROR');
        this.logger?.warn({ code: appError.code, reason: appError.message }, 'generation failed; answering extractively');
        notice = {
          code: appError.code,
          message: appError.code === 'UPSTREAM_TIMEOUT' ? '生成模型响应超时，已改用摘录式回答。' : '生成模型服务暂时不可用，已改用摘录式回答。',
        };
        yield { type: 'notice', ...notice, reset: true };
      }
    }

    // In a follow-up, what the last answer already said is shown again only if nothing else fits.
    const alreadyShown = [...request.history].reverse().find((turn) => turn.role === 'assistant')?.content ?? '';
    const composed = this.compose(request.mode, snapshot, hits, perCollege, colleges, profile, searchedFor, alreadyShown);
    if (composed.citations.length === 0) {
      const text = notFoundText(request.question, verdict.unknownWords);
      yield { type: 'sources', citations: [] };
      yield { type: 'text-delta', delta: text };
      yield { type: 'answer-end', answer: text, citations: [], notFound: true, engine: 'extractive', ...base, ...(notice ? { notice } : {}) };
      return;
    }
    yield { type: 'sources', citations: composed.citations };
    for (const delta of deltas(composed.text)) {
      throwIfAborted(signal);
      yield { type: 'text-delta', delta };
    }
    yield {
      type: 'answer-end',
      answer: composed.text,
      citations: composed.citations,
      notFound: false,
      engine: 'extractive',
      ...base,
      ...(notice ? { notice } : {}),
      ...(composed.table ? { table: composed.table } : {}),
    };
  }

  /** Runs `answer` to the end and returns its `answer-end` (for `POST /api/ask`). */
  async answerOnce(request: AskFields, signal: AbortSignal): Promise<Omit<AnswerEnd, 'id'>> {
    for await (const event of this.answer(request, signal)) {
      if (event.type === 'answer-end') return event;
    }
    throw new AppError('INTERNAL', 'the answer ended without a result');
  }

  /** The passages numbered for the model. */
  private sourcesFor(mode: AnswerMode, hits: readonly SearchHit[], perCollege: ReadonlyMap<string, readonly SearchHit[]> | null): IndexedChunk[] {
    if (mode === 'compare' && perCollege) return [...perCollege.values()].flatMap((list) => list.slice(0, 2)).slice(0, 30).map((hit) => hit.chunk);
    return hits.slice(0, mode === 'summary' ? 12 : 6).map((hit) => hit.chunk);
  }

  private compose(
    mode: AnswerMode,
    snapshot: IndexSnapshot,
    hits: readonly SearchHit[],
    perCollege: ReadonlyMap<string, readonly SearchHit[]> | null,
    colleges: readonly string[],
    profile: ReturnType<typeof queryProfile>,
    question: string,
    alreadyShown: string,
  ): ComposedAnswer {
    if (mode === 'summary') return composeSummary(snapshot, hits, profile, question);
    // A college's articles rarely repeat a comparison question's wording; a lower bar keeps
    // colleges that address the topic in their own words.
    if (mode === 'compare') return composeCompare(snapshot, perCollege ?? new Map(), profile, colleges, minimumCoverage * 0.7);
    return composeQa(snapshot, hits, profile, alreadyShown);
  }

  /**
   * Passages most similar to an article (by `docId`) or a text, from other colleges, grouped by
   * college. The article is described by its most distinctive words (tf × idf).
   */
  async similar(input: { docId?: string | undefined; text?: string | undefined }, signal: AbortSignal, perCollege = 3): Promise<{ groups: SimilarGroup[]; basedOn: { docId: string | null; college: string | null } }> {
    const retriever = this.options.search.retriever();
    const snapshot = retriever.snapshot;
    let text: string;
    let college = '';
    let docId: string | null = null;
    if (input.docId !== undefined) {
      const document = snapshot.document(input.docId);
      if (!document) throw new AppError('DOCUMENT_NOT_FOUND', `没有 id 为 “${input.docId.slice(0, 100)}” 的文章`);
      text = `${document.title}\n${snapshot.documentText(document)}`;
      college = document.college;
      docId = document.docId;
    } else {
      text = input.text ?? '';
    }
    const query = distinctiveWords(text, snapshot, 24).join(' ');
    if (!query) return { groups: [], basedOn: { docId, college: college || null } };
    const response = await retriever.search(query, { k: 60, maxPerDocument: 2, signal, filters: docId ? { excludeDocIds: [docId] } : undefined });
    const groups = new Map<string, PassageView[]>();
    for (const { chunk, score } of response.hits) {
      const other = chunk.document.college;
      if (!other || other === college) continue;
      const list = groups.get(other) ?? [];
      if (list.length >= perCollege) continue;
      list.push(passageView(chunk, score));
      groups.set(other, list);
    }
    return { groups: [...groups.entries()].map(([name, passages]) => ({ college: name, passages })), basedOn: { docId, college: college || null } };
  }
}

/** The `limit` most distinctive words of a text by tf × idf, for describing an article as a query. */
export function distinctiveWords(text: string, snapshot: IndexSnapshot, limit: number): string[] {
  const counts = new Map<string, number>();
  // Words of the analysed query path (stopwords and question words removed).
  for (const word of queryProfile(text, snapshot.lexical).words) counts.set(word.word, word.weight);
  const frequency = new Map<string, number>();
  for (const word of counts.keys()) {
    let occurrences = 0;
    let from = text.indexOf(word);
    while (from !== -1 && occurrences < 20) {
      occurrences++;
      from = text.indexOf(word, from + word.length);
    }
    frequency.set(word, occurrences);
  }
  return [...counts.entries()]
    .filter(([word, weight]) => word.length > 1 && weight > 0 && snapshot.lexical.documentFrequency(word) > 0)
    .sort((a, b) => b[1] * Math.log(1 + frequency.get(b[0])!) - a[1] * Math.log(1 + frequency.get(a[0])!))
    .slice(0, limit)
    .map(([word]) => word);
}

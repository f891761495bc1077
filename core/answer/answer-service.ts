/**
 * Answers questions from the live index: understands follow-ups, analyses the question, retrieves
 * for the mode, judges from the evidence whether the corpus can answer at all, then streams a
 * cited answer from the model endpoint or, without one (or when it fails), from the extractive
 * engine. Both engines get the same questions: the evidence gate runs before either. The result
 * is an AsyncIterable of typed events; transports only serialise it.
 */
import type { IndexSnapshot, IndexedChunk } from '../index/index-reader.ts';
import { AppError, isAbortError, throwIfAborted, toAppError } from '../errors.ts';
import { practiceLinks } from '../practices/mentions.ts';
import type { SearchFilters, SearchHit, SearchResponse } from '../retrieval/retriever.ts';
import type { SearchService } from '../retrieval/search-service.ts';
import { toSimplified } from '../text/simplified.ts';
import { getJieba } from '../text/tokenize.ts';
import { typedSpans } from './answer-spans.ts';
import { CitationBook, documentLabel } from './citation-book.ts';
import { StreamingCitationFilter, cleanCitationMarkers } from './citations.ts';
import { fallbackNotice } from './fallback-notice.ts';
import { composeCompare, hitsByCollege } from './compose-compare.ts';
import { composePair, composeQa } from './compose-qa.ts';
import { composeLacking, lackingTopic } from './compose-lacking.ts';
import { otherGrade } from './claimed-values.ts';
import { compareSearch, composeSummary, draftPointingBack, draftPracticeCount, draftSearch, draftTitle, framingClause, occasionTopic, questionAsTopic, withoutLeftOut, withoutLeftOutRuns, leftOutText, clauseEnd, draftSectionsLeftOut } from './compose-summary.ts';
import { conciseQuestion } from './concise-question.ts';
import type { ComposedAnswer } from './composed-answer.ts';
import { peopleNamedIn, peopleToLookFor } from './people.ts';
import { carrySubjects, isFollowUp, narrowingForm, ownTopicWords, pointedName, pointsIntoList, subjectlessFactoidAsked, swappedValue } from './conversation.ts';
import { abbreviatedIn, gatherEvidence, namesIn, passageContext, withoutQuotationMarks, type Evidence } from './evidence.ts';
import type { ChatGenerator } from './generator.ts';
import { nearbySpans } from './nearby.ts';
import { notFoundText } from './not-found.ts';
import { composeLevelSuperlative, superlativeLevelAsked } from './honour-level.ts';
import { answerMessages, notFoundMarker, rewriteMessages } from './prompt.ts';
import type { AnswerEnd, AnswerEvent, AnswerMode, AskFields, Citation, HistoryTurn } from './protocol.ts';
import { pairOf } from './pair-question.ts';
import { articleFactAsked, composeArticleFact } from './article-facts.ts';
import { questionParts } from './question-parts.ts';
import { withCorpusSynonyms } from './query-synonyms.ts';
import { absentQualifiers, absentThings, analyzeQuestion, scopeObjectUnwritten, holdsUnwritten, noticeWorthy, unwrittenPieces, unwrittenThings, unwrittenTopicWords, answerTypeOf, collegeMentions, isYear, organisationsNamedIn, withClaimedValuesGeneric, withCollegeNamesMended, type QuestionAnalysis } from './question.ts';
import { isHonoursOnly } from './says-topic.ts';
import { acrossColleges, itemsAskedToo, summaryKnobs, answerMark, askerLead, draftWording, quotedShape, quotedPhrase, namedCounted, clausePointsBack, leftOutClause, modeRetrieval, narrowingFollowUp, otherCollegesAsked, requestClauseBreak, rewriteTimeoutMs, unitNameReach, yearClaimedAsked } from './tuning.ts';
import { withSuggestions } from './suggestions.ts';

/** Where the answer service reports what users should not see (fallback causes). */
export interface AnswerLogger {
  warn(details: Record<string, unknown>, message: string): void;
}

export interface AnswerServiceOptions {
  search: SearchService;
  generator: ChatGenerator | null;
  logger?: AnswerLogger;
}

const collegeLists = new WeakMap<IndexSnapshot, string[]>();
const peopleFound = new WeakMap<IndexSnapshot, Map<string, boolean>>();
const peopleFoundLimit = 4096;

/** What has been found of the runs questions asked as names, per index (people.ts); started afresh past its limit. */
function peopleKnown(snapshot: IndexSnapshot): Map<string, boolean> {
  let known = peopleFound.get(snapshot);
  if (!known || known.size >= peopleFoundLimit) {
    known = new Map();
    peopleFound.set(snapshot, known);
  }
  return known;
}

/**
 * The people a question names that the corpus's articles name as people (people.ts). The texts are
 * read only for a run not looked for before; the PostgreSQL backend, which reads texts on demand,
 * fetches them first (cached ones cost nothing).
 */
async function peopleOfQuestion(snapshot: IndexSnapshot, question: string): Promise<string[]> {
  const known = peopleKnown(snapshot);
  if (snapshot.info.backend === 'postgres' && peopleToLookFor(question, known)) await snapshot.preloadTexts(snapshot.documents);
  return peopleNamedIn(question, () => readableTexts(snapshot), known);
}

/** The texts of the articles that can be read now (a cache may have let one go: it is passed over). */
function* readableTexts(snapshot: IndexSnapshot): Generator<string> {
  for (const document of snapshot.documents) {
    try {
      yield snapshot.documentText(document);
    } catch {
      continue;
    }
  }
}

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

/** What retrieval found for a question, per mode. */
interface Retrieved {
  hits: SearchHit[];
  /** Comparison: hits per compared college. */
  perCollege: Map<string, SearchHit[]> | null;
  /** Comparison: the colleges compared. */
  colleges: string[];
  /** A draft on colleges named together (苏工院和湖南电气两个支部): they are heard from each. */
  together?: string[];
}

/** What one question (or one side of a pair question) is answered from. */
interface Gathered {
  analysis: QuestionAnalysis;
  retrieved: Retrieved;
  evidence: Evidence;
  /** The college whose articles the search was narrowed to because the question (or its conversation) named it. */
  namedCollege?: string | undefined;
}

/** Everything an answer is built from. */
interface Grounds extends Gathered {
  request: AskFields;
  snapshot: IndexSnapshot;
  base: Pick<AnswerEnd, 'mode' | 'searchedFor' | 'notice'>;
  /** A question comparing two things, or a message asking several: each side gathered on its own. */
  sides?: (Gathered & { name: string })[];
  sidesAre?: 'pair' | 'parts';
  /** A draft drawn up from the clauses of its request the articles answer (without the colleges' names): its title keeps only those. */
  answeredClauses?: string[];
  /** What the request names that no article writes, though the rest is drawn up: said in the answer's notice. */
  unwrittenWords?: string[];
}

/**
 * The request with the user's words in simplified characters, as the articles are written, and a
 * narrowing asked the other way round in its usual order (其中哪些是国家级的 → 其中国家级的是哪些).
 */
function simplifiedRequest(request: AskFields): AskFields {
  const read = (text: string): string => narrowingForm(toSimplified(text));
  const history = request.history.map((turn) => (turn.role === 'user' ? { ...turn, content: read(turn.content) } : turn));
  return { ...request, question: read(request.question), history };
}

/** A draft drawing on the colleges at large (综合各院校…), no college or article chosen: it hears from each. */
function draftAcrossColleges(request: AskFields): boolean {
  return request.mode === 'summary' && !request.filters.college && !request.filters.docId && acrossColleges.test(request.question);
}

/** Two sides' hits alternately, each passage once: the model reads both sides from the start. */
function interleave(lists: readonly SearchHit[][]): SearchHit[] {
  const merged: SearchHit[] = [];
  const seen = new Set<string>();
  for (let index = 0; lists.some((list) => index < list.length); index++) {
    for (const list of lists) {
      const hit = list[index];
      if (hit && !seen.has(hit.chunk.chunkId)) {
        seen.add(hit.chunk.chunkId);
        merged.push(hit);
      }
    }
  }
  return merged;
}

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

  /**
   * Rewrites a follow-up into a standalone question: with the model when there is one, else by
   * carrying the conversation's subject and topic. A question that is no follow-up is left as it is.
   */
  private async standalone(request: AskFields, snapshot: IndexSnapshot, signal: AbortSignal): Promise<{ question: string; college: string | undefined }> {
    const colleges = corpusColleges(snapshot);
    // A college named by one of its units alone (那风能学院…) is named: the question is about it.
    const unitsOf = (text: string): { form: string; college: string }[] => this.unitMentions(text, colleges);
    if (request.history.length === 0 || !(isFollowUp(request.question, colleges, unitsOf) || pointsIntoList(request.question) || pointedName(request.question, request.history))) return { question: request.question, college: undefined };
    const carried = carrySubjects(request.question, request.history, colleges, snapshot.lexical, unitsOf);
    const generator = this.options.generator;
    if (generator) {
      try {
        const reply = await generator.complete(rewriteMessages(request.question, request.history), AbortSignal.any([signal, AbortSignal.timeout(rewriteTimeoutMs)]));
        const rewritten = reply.trim().split('\n')[0]!.slice(0, 500);
        if (rewritten.length > 1) return { question: rewritten, college: carried.college };
      } catch (error) {
        throwIfAborted(signal);
        this.logger?.warn({ code: toAppError(error).code }, 'follow-up rewrite failed; carrying subjects instead');
      }
    }
    return { question: carried.question, college: carried.college };
  }

  /**
   * The college a question is about, when it names exactly one and does not ask to look beyond it
   * (除了…, 相比…): a question about 嘉兴职业技术学院 is answered from its articles only.
   */
  private namedCollege(mode: AnswerMode, analysis: QuestionAnalysis): string | undefined {
    if (mode === 'compare' || /除了|以外|之外|其他|其它|别的|相比|对比|比较|以及/u.test(analysis.question)) return undefined;
    if (analysis.colleges.length > 0) return analysis.colleges.length === 1 ? analysis.colleges[0] : undefined;
    // A unit named without its college (风能工程学院获得过哪些省级荣誉) is one college's when only its
    // articles carry that unit.
    const owners = new Set(analysis.otherOrganisations.map((unit) => this.unitOwner(unit)).filter((owner) => owner !== undefined));
    return owners.size === 1 ? [...owners][0] : undefined;
  }

  /** The topic of the conversation's last question: its words without its colleges, units or asking frame (党员先锋岗). */
  private lastTopic(history: readonly HistoryTurn[], colleges: readonly string[]): string {
    const previous = [...history].reverse().find((turn) => turn.role === 'user')?.content ?? '';
    const named = [...collegeMentions(previous, colleges), ...this.unitMentions(previous, colleges)].map((mention) => mention.form);
    return questionAsTopic(named.reduce((text, form) => text.split(form).join(''), previous)).replace(/^[的在]/u, '');
  }

  /** Where a text names a college by one of its units alone (风能学院…): the unit's words and its college. */
  private unitMentions(text: string, colleges: readonly string[]): { form: string; college: string }[] {
    const found = organisationsNamedIn(text, colleges).flatMap((unit) => {
      const owner = this.unitOwner(unit);
      return owner ? [{ form: unit, college: owner }] : [];
    });
    // jieba may read a unit's first character with the word before it (再跟风能学院: 跟风; 和风能学院:
    // 和风): the longest name ending where a unit's noun does that one college's articles carry.
    for (const end of text.matchAll(/学院|工程系/gu)) {
      const stop = end.index + end[0].length;
      if (found.some((mention) => text.indexOf(mention.form) < stop && stop <= text.indexOf(mention.form) + mention.form.length)) continue;
      for (let start = Math.max(0, end.index - unitNameReach); start <= end.index - 2; start++) {
        const form = text.slice(start, stop);
        const owner = /^\p{Script=Han}+$/u.test(form) && collegeMentions(form, colleges).length === 0 ? this.unitOwner(form) : undefined;
        if (owner) {
          found.push({ form, college: owner });
          break;
        }
      }
    }
    return found;
  }

  /** The one college whose articles carry a unit of this name, also by its short name (风能学院 of 风能工程学院…), or undefined. */
  private unitOwner(unit: string): string | undefined {
    const owners = new Set(this.options.search.retriever().snapshot.documents.filter((document) => document.college && (document.unit.includes(unit) || namesIn(unit, document.unit) || abbreviatedIn(unit, document.unit))).map((document) => document.college));
    return owners.size === 1 ? [...owners][0] : undefined;
  }

  /**
   * The colleges a comparison or a draft names, when it names two or more (对比苏州工业职院和湖南电气职院…,
   * 苏工院和风能学院…: a unit names its college): they are its scope, not its topic, since no one
   * article is about all of them. With the words that name them, which a comparison naming one
   * college leaves out of its topic too.
   */
  private scopeColleges(request: AskFields, question: string, colleges: readonly string[]): { colleges: string[]; forms: string[] } {
    const none = { colleges: [], forms: [] };
    if (request.mode === 'qa' || request.filters.college || request.filters.docId) return none;
    const mentions = [...collegeMentions(question, colleges), ...this.unitMentions(question, colleges)];
    const named = [...new Set(mentions.map((mention) => mention.college))];
    const forms = mentions.map((mention) => mention.form);
    if (named.length >= 2) return { colleges: named, forms };
    // 跟嘉职院…比一比 after questions about 风能学院: the conversation's college beside the one named,
    // unless the request asks across the colleges (各校…, 其他学校).
    if (request.mode === 'compare' && named.length === 1 && !acrossColleges.test(question) && !otherCollegesAsked.test(question)) {
      const before = request.history.filter((turn) => turn.role === 'user').reverse().map((turn) => [...collegeMentions(turn.content, colleges), ...this.unitMentions(turn.content, colleges)].map((mention) => mention.college)).find((found) => found.length > 0);
      const conversation = before && new Set(before).size === 1 ? before[0] : undefined;
      if (conversation && conversation !== named[0]) return { colleges: [conversation, named[0]!], forms };
    }
    // A comparison naming one college (跟嘉职院比一比) compares every college with it: its name is no topic.
    return request.mode === 'compare' && named.length === 1 ? { colleges: [], forms } : none;
  }

  /** Retrieval for a mode: comparison takes a quota of passages from every college (or those in `scope`). */
  private async retrieve(mode: AnswerMode, question: string, filters: SearchFilters, signal: AbortSignal, collegeFromWords = false, scope: readonly string[] = [], everyCollege = false): Promise<Retrieved> {
    const retriever = this.options.search.retriever();
    const colleges = corpusColleges(retriever.snapshot);
    if (mode === 'compare') {
      const settings = modeRetrieval.compare;
      const wanted = filters.college ? colleges.filter((college) => college === filters.college) : scope.length > 0 ? [...scope] : colleges;
      let perCollege: Map<string, SearchHit[]>;
      if (wanted.length <= settings.maxColleges) {
        perCollege = new Map();
        const queryVector = (await retriever.embedQuery(question, signal)) ?? undefined;
        // A college may say the topic in other words: its passages for the topic's synonyms follow
        // those for the question's own.
        const widened = withCorpusSynonyms(question, retriever.snapshot.lexical, true);
        for (const college of wanted) {
          const search = (text: string): Promise<SearchResponse> => retriever.search(text, { k: settings.perCollegeK, filters: { ...filters, college }, maxPerDocument: settings.maxPerDocument, signal, queryVector });
          const hits = [...(await search(question)).hits];
          if (widened !== question) for (const hit of (await search(widened)).hits) if (!hits.some((kept) => kept.chunk.chunkId === hit.chunk.chunkId)) hits.push(hit);
          perCollege.set(college, hits);
        }
      } else {
        const response = await retriever.search(question, { k: settings.broadK, filters, maxPerDocument: settings.maxPerDocument, signal });
        perCollege = hitsByCollege(response.hits);
      }
      const shown = wanted.length <= settings.maxColleges ? wanted : [...perCollege.keys()].slice(0, settings.maxColleges);
      return { hits: [...perCollege.values()].flat(), perCollege, colleges: shown };
    }
    // A question about a named college wants depth from its articles; a broad one wants breadth.
    const settings = modeRetrieval[mode];
    const focused = Boolean(filters.college) || Boolean(filters.docIds?.length);
    const within = new Set(scope);
    const searchFilters = scope.length > 0 ? { ...filters, docIds: retriever.snapshot.documents.filter((document) => within.has(document.college)).map((document) => document.docId) } : filters;
    const response = await retriever.search(question, { k: settings.k, filters: searchFilters, maxPerDocument: focused ? settings.maxPerDocumentFocused : settings.maxPerDocument, signal });
    const hits = [...response.hits];
    // A question that is all a college's short name the articles never write (苏工院的典型经验材料):
    // the college's passages, found by its full name.
    if (hits.length === 0 && filters.college) hits.push(...(await retriever.search(filters.college, { k: settings.k, filters: searchFilters, maxPerDocument: settings.maxPerDocumentFocused, signal })).hits);
    // The college's articles first; then articles under another name of it (人民大学 / 中国人民大学)
    // or with none, never another college's.
    if (collegeFromWords && filters.college) {
      const named = filters.college;
      const wider = await retriever.search(question, { k: settings.k, filters: { ...filters, college: undefined }, maxPerDocument: settings.maxPerDocument, signal });
      for (const hit of wider.hits) {
        const other = hit.chunk.document.college;
        if ((other === '' || other.includes(named) || named.includes(other)) && !hits.some((kept) => kept.chunk.chunkId === hit.chunk.chunkId)) hits.push(hit);
      }
    }
    // A draft across the colleges (综合各院校…) hears from each: the best passages of every college
    // follow the broad search's, so one college's many passages do not crowd the others out.
    const together = mode === 'summary' && scope.length > 1 ? [...scope] : [];
    if ((everyCollege || together.length > 0) && !focused) {
      for (const college of together.length > 0 ? together : colleges) {
        const own = await retriever.search(question, { k: modeRetrieval.summary.perCollegeK, filters: { ...searchFilters, college }, maxPerDocument: settings.maxPerDocument, signal });
        for (const hit of own.hits) if (!hits.some((kept) => kept.chunk.chunkId === hit.chunk.chunkId)) hits.push(hit);
      }
    }
    // Asked about one article (就本文提问) in words it does not use: its own passages, in order, are the evidence.
    for (const docId of filters.docIds ?? []) {
      const document = retriever.snapshot.document(docId);
      for (let ordinal = 0; document && ordinal < document.chunkCount && hits.length < settings.k; ordinal++) {
        const chunk = retriever.snapshot.chunk(document.firstChunk + ordinal);
        if (!hits.some((hit) => hit.chunk.chunkId === chunk.chunkId)) hits.push({ chunk, score: 0, lexicalScore: null, vectorScore: null });
      }
    }
    return { hits, perCollege: null, colleges, ...(together.length > 0 ? { together } : {}) };
  }

  /** Streams the answer to one question. Throws AppError (INDEX_MISSING, CANCELLED, …) before or between events. */
  async *answer(request: AskFields, signal: AbortSignal): AsyncGenerator<AnswerEvent> {
    const snapshot = this.options.search.retriever().snapshot;
    yield* withSuggestions(this.answerEvents(simplifiedRequest(request), signal), { colleges: corpusColleges(snapshot), terms: snapshot.lexical });
  }

  private async *answerEvents(typed: AskFields, signal: AbortSignal): AsyncGenerator<AnswerEvent> {
    const snapshot = this.options.search.retriever().snapshot;
    // 台洲科院, 湖南电器: a college's name typed with a character that sounds the same is that college's.
    const asked = { ...typed, question: withCollegeNamesMended(typed.question, corpusColleges(snapshot)) };
    // 就这个主题帮我写个会议材料: the draft is of the conversation's last question.
    const pointedBack = asked.mode === 'summary' ? draftPointingBack(asked.question, asked.history) : null;
    const request = pointedBack ? { ...asked, question: pointedBack } : asked;
    const standalone = await this.standalone(request, snapshot, signal);
    const college = standalone.college;
    // A draft's asking and use (写一份…的会议材料，支部学习会上用) are not what to search for.
    // A question's lead-up (我们书记下周要去…调研，想提前知道…) and closing courtesy are not what to search for either.
    // 嘉兴职业技术学院的党建工作 is the college's whole work; 二级学院的党建工作 names no college.
    // The owner is names alone: 台州科院校企地 (党建) is a topic of the college's, not the college.
    const namesCollege = (owner: string): boolean => {
      const forms = [...collegeMentions(owner, corpusColleges(snapshot)), ...this.unitMentions(owner, corpusColleges(snapshot))].map((mention) => mention.form);
      return forms.length > 0 && forms.reduce((rest, form) => rest.split(form).join(''), owner).replace(/[的\s]/gu, '') === '';
    };
    const searchedFor = request.mode === 'summary' ? draftSearch(standalone.question, namesCollege) : request.mode === 'qa' ? conciseQuestion(standalone.question, corpusColleges(snapshot)) : compareSearch(standalone.question);
    throwIfAborted(signal);
    const base = { mode: request.mode, searchedFor, ...practiceLinks(snapshot.practices, request.question) };
    // 哪些学校没有提到乡村振兴: the colleges whose articles never write the topic, beside where the
    // others do (absence has no passage to cite). A refusal is gathered as a comparison, whose
    // retrieval finds the nearest text.
    const lacking = request.mode === 'qa' && !request.filters.college && !request.filters.docId ? lackingTopic(searchedFor) : null;
    if (lacking) {
      const colleges = corpusColleges(snapshot);
      await snapshot.preloadTexts(snapshot.documents.filter((document) => colleges.includes(document.college)));
      const analysis = analyzeQuestion(lacking, { colleges, terms: snapshot.lexical, topicPhrase: true });
      const composed = composeLacking(snapshot, analysis, lacking, colleges);
      if (composed) yield* this.respond(base, composed, signal);
      else yield* this.notFound({ request, snapshot, base, ...(await this.gather({ ...request, mode: 'compare' }, snapshot, lacking, undefined, signal)) }, 'extractive');
      return;
    }
    const single = request.mode !== 'qa' || Boolean(request.filters.docId);
    const pair = single ? null : pairOf(searchedFor);
    // Two things side by side (A与B有何不同), or several questions in one message.
    // …nor is 几个名头，哪个级别最低: it asks one thing of the honours it names.
    const parts = single || pair || superlativeLevelAsked(searchedFor) ? null : questionParts(searchedFor, corpusColleges(snapshot), snapshot.lexical);
    let grounds: Grounds;
    if (pair || parts) {
      // Each side on its own; the answer stands when either side has evidence.
      const sides: Grounds['sides'] = [];
      for (const side of pair ?? parts ?? []) sides.push({ name: side.name, ...(await this.gather(request, snapshot, side.question, college, signal)) });
      const answerable = sides.filter((side) => side.evidence.verdict.answerable);
      const verdict = answerable.length > 0 ? { ...answerable[0]!.evidence.verdict, answerable: true } : { ...sides[0]!.evidence.verdict, missing: [...new Set(sides.flatMap((side) => side.evidence.verdict.missing))] };
      const retrieved: Retrieved = { hits: interleave(sides.map((side) => side.retrieved.hits)), perCollege: null, colleges: sides[0]!.retrieved.colleges };
      const analysis = analyzeQuestion(searchedFor, { colleges: corpusColleges(snapshot), terms: snapshot.lexical });
      grounds = { request, snapshot, analysis, retrieved, evidence: { sentences: sides.flatMap((side) => side.evidence.sentences), verdict }, base, sides, sidesAre: pair ? 'pair' : 'parts' };
      // Sides asked of one college were not found there (嘉兴职业技术学院的文章中…).
      const named = new Set(sides.map((side) => side.namedCollege));
      if (named.size === 1) grounds.namedCollege = sides[0]!.namedCollege;
    } else {
      grounds = { request, snapshot, base, ...(await this.gather(request, snapshot, searchedFor, college, signal)) };
      // A draft or a table on a kind of thing the articles never write (研究生党支部建设) is refused,
      // whatever else it names: a practice to draw on makes no draft of that kind.
      const kindsAbsent = request.mode !== 'qa' ? absentQualifiers(grounds.analysis, snapshot.lexical) : [];
      if (kindsAbsent.length > 0) grounds = { ...grounds, evidence: { ...grounds.evidence, verdict: { answerable: false, strength: 0, missing: kindsAbsent } } };
      // 一共引进人才多少名 after a question about 台州: asked of the conversation's college only for want
      // of a subject, it is asked of all when that college's articles do not say it.
      if (!grounds.evidence.verdict.answerable && searchedFor !== request.question && subjectlessFactoidAsked(request.question, corpusColleges(snapshot)) && request.mode === 'qa') {
        const unscopedQuestion = request.question.trim();
        const unscoped = { request, snapshot, base: { ...base, searchedFor: unscopedQuestion }, ...(await this.gather(request, snapshot, unscopedQuestion, undefined, signal)) };
        if (unscoped.evidence.verdict.answerable) grounds = unscoped;
      }
      // A long request for a draft or a table (…要给上级报特色亮点，想先看看…：入选了哪些典型案例、
      // 哪些媒体报道过…，按学校拉个表) is drawn up from the clauses the articles can answer.
      if (!grounds.evidence.verdict.answerable && request.mode !== 'qa' && kindsAbsent.length === 0) {
        const narrowed = await this.answerableClauses(request, snapshot, searchedFor, college, signal);
        if (narrowed) grounds = { request, snapshot, base: { ...base, searchedFor: narrowed.searchedFor }, ...narrowed.gathered, answeredClauses: narrowed.kept, unwrittenWords: narrowed.unwrittenWords };
      }
    }
    // A draft or a table quoting what no passage names (嘉职院“领头羊”和湖南“双带头人”, 党委要开“红色引擎”
    // 专题会，…) is drawn up from the rest, saying so; only when a noun of the quote is in no article,
    // since a quote in a clause that was not searched may be written elsewhere.
    if (request.mode !== 'qa' && grounds.evidence.verdict.answerable) {
      const texts = grounds.retrieved.hits.map((hit) => `${hit.chunk.text} ${passageContext(hit.chunk)}`.toLowerCase());
      // A quoted list (“一帮一、手拉手”) is its items, which an article may list the other way round.
      const quoted = quotesIn(withoutLeftOut(withoutLeftOutRuns(request.question))).filter((quote) => !answerMark.test(quote) && !quotedShape.test(quote)).flatMap((quote) => quote.split('、')).filter((item) => [...item].length >= 2);
      // A heading quoted with other marks or commas (“坚持全面从严治党,夯实防腐拒变‘压舱石’”) names it.
      const plain = (text: string): string => withoutQuotationMarks(text).replace(/，/gu, ',');
      const unnamed = quoted.filter((name) => !texts.some((text) => namesIn(name.toLowerCase(), text) || plain(text).includes(plain(name.toLowerCase()))) && holdsUnwritten(name, snapshot.lexical));
      if (unnamed.length > 0) grounds = { ...grounds, unwrittenWords: [...new Set([...unnamed, ...(grounds.unwrittenWords ?? [])])] };
    }
    if (request.mode !== 'qa' && grounds.evidence.verdict.answerable) grounds = this.withUnwrittenAsked(grounds, request, snapshot);
    // Said once, whichever engine writes the answer.
    if (grounds.evidence.verdict.answerable && grounds.unwrittenWords?.length) grounds = { ...grounds, base: { ...grounds.base, notice: unwrittenNotice(grounds.unwrittenWords) } };
    const { evidence } = grounds;
    // Asked when an article came out or who wrote it: its metadata answers, whatever its text says.
    const fact = request.mode === 'qa' && !grounds.sides ? articleFactAsked(searchedFor) : null;
    const stated = fact ? composeArticleFact(snapshot, grounds.retrieved.hits, fact, searchedFor) : null;
    if (stated) {
      yield* this.respond(grounds.base, stated, signal);
      return;
    }
    // 哪个级别最高: the honours the article names, ranked by their levels, whatever words the question
    // adds (名头). Like an article's date, a ranking the words settle asks no model.
    const ranked = request.mode === 'qa' && !grounds.sides && !evidence.verdict.missing.length ? composeLevelSuperlative(snapshot, evidence, searchedFor) : null;
    if (ranked) {
      yield* this.respond(grounds.base, ranked, signal);
      return;
    }
    if (!evidence.verdict.answerable) {
      yield* this.notFound(grounds, this.engineName);
      return;
    }
    let notice: AnswerEnd['notice'];
    if (this.options.generator) {
      const generated = yield* this.generate(grounds, this.options.generator, signal);
      if (generated.done) return;
      notice = generated.notice;
    }
    const composed = this.compose(grounds);
    if (composed.citations.length === 0) {
      yield* this.notFound(grounds, 'extractive', notice);
      return;
    }
    yield* this.respond(grounds.base, composed, signal, notice);
  }

  /**
   * A draft or a table drawn only from a practice the request points at (参考…, 借鉴…) is refused when
   * what it asks about besides is in no article (各校巡察整改工作是怎么开展的，借鉴…清廉文化进校园的做法).
   * One whose topic, said in a few words, names what no article writes beside what one does (各校巡察
   * 整改和清廉文化进校园的做法) says so; a longer one's words are mostly how it asks. So does one naming
   * such a thing in a clause read as how to fill or lay out the draft (党费收缴那块别编, 网格化管理的
   * 口径放最前面), which is not searched; on a topic naming nothing of its own (五所学院的做法) it refuses.
   */
  private withUnwrittenAsked(grounds: Grounds, request: AskFields, snapshot: IndexSnapshot): Grounds {
    const colleges = corpusColleges(snapshot);
    // A draft's topic is what titles it, without the asking and the form (写成要点, 要编一本《…》).
    const topicOf = (text: string, answered?: readonly string[]): string => (request.mode === 'summary' ? draftTitle(text, answered, colleges) : compareSearch(text));
    const analysed = (topic: string): QuestionAnalysis => analyzeQuestion(topic, { colleges, terms: snapshot.lexical, topicPhrase: true });
    const refused = (missing: string[]): Grounds => ({ ...grounds, evidence: { ...grounds.evidence, verdict: { answerable: false, strength: 0, missing } } });
    const own = request.question.replace(draftWording.pointedAtPart, '');
    if (own !== request.question) {
      const ownTopic = analysed(topicOf(own));
      const ownUnwritten = unwrittenTopicWords(ownTopic, snapshot.lexical);
      if (ownUnwritten.length > 0 && !ownTopic.terms.some((term) => term.role === 'topic' && term.documentFrequency > 0)) return refused(ownUnwritten);
    }
    const labels = grounds.unwrittenWords ?? [];
    const searched = new Set(unwrittenTopicWords(grounds.analysis, snapshot.lexical));
    const unlabelled = (word: string): boolean => noticeWorthy(word) && !labels.some((label) => label.includes(word));
    const howClauses = request.question.split(/[，,。；;：:！!？?]/u).map((clause) => clause.trim()).filter((clause) => draftWording.instruction.test(clause) || draftWording.arrangement.test(clause));
    const aside = howClauses.length === 0 ? [] : unwrittenThings(analysed(howClauses.join('，').replace(draftWording.formWords, '')), snapshot.lexical).filter((word) => !searched.has(word) && unlabelled(word));
    const topic = topicOf(request.question, grounds.answeredClauses);
    const short = !/[，,。；;：:]/u.test(topic) && [...topic].length <= draftWording.shortTopic;
    const absent = [...new Set([...(short ? unwrittenTopicWords(analysed(topic), snapshot.lexical).filter(unlabelled) : []), ...aside])];
    const topicless = !analysed(topic).terms.some((term) => term.role === 'topic' && (term.documentFrequency > 0 || term.isName));
    if (aside.length > 0 && topicless) return refused(aside);
    return absent.length > 0 ? { ...grounds, unwrittenWords: [...absent, ...labels] } : grounds;
  }

  /** Streams an extractive answer: its sources, its text, its end. */
  private *respond(base: Grounds['base'], composed: ComposedAnswer, signal: AbortSignal, notice?: AnswerEnd['notice']): Generator<AnswerEvent> {
    yield { type: 'sources', citations: composed.citations };
    for (const delta of deltas(composed.text)) {
      throwIfAborted(signal);
      yield { type: 'text-delta', delta };
    }
    yield {
      type: 'answer-end',
      answer: composed.text,
      citations: composed.citations,
      notFound: composed.notFound ?? false,
      engine: 'extractive',
      ...base,
      ...(notice ? { notice } : {}),
      ...(composed.table ? { table: composed.table } : {}),
    };
  }

  /**
   * The clauses of a draft's or a table's request the articles answer, each asked on its own with the
   * colleges the request names, and what they gather asked together. Null when none does, when they
   * are the whole request (asked already), when a clause they do not answer names what no article
   * writes, or when together they are not answered.
   */
  private async answerableClauses(request: AskFields, snapshot: IndexSnapshot, searchedFor: string, carried: string | undefined, signal: AbortSignal): Promise<{ searchedFor: string; gathered: Gathered; kept: string[]; unwrittenWords: string[] } | null> {
    const colleges = corpusColleges(snapshot);
    const formsIn = (text: string): string[] => [...new Set([...collegeMentions(text, colleges), ...this.unitMentions(text, colleges)].map((mention) => mention.form))];
    const withoutForms = (text: string, named: readonly string[]): string => named.reduce((rest, form) => rest.split(form).join(''), text);
    // A college named only in what the request leaves out (嘉职院投档线…就不用放了), wherever that
    // clause stands, is not asked about.
    const everyForm = formsIn(searchedFor);
    const asked = searchedFor
      .split(/(?<=[，,；;。])/u)
      .filter((clause) => !leftOutClause.test(`，${withoutForms(clause, everyForm).replace(/[，,；;。]$/u, '')}`))
      .join('');
    const forms = formsIn(asked);
    const named = forms.join('、');
    const parts = asked.split(requestClauseBreak);
    if (parts.length < 2) return null;
    const clauses = parts
      .map((clause) => withoutForms(clause, forms).trim().replace(/^[、，,]+/u, '').replace(askerLead, '').replace(draftWording.audienceLead, ''))
      // An occasion (下周支委会要讨论跟企业搞党建联建的事) is asked as what it says, not its time or meeting.
      .map((clause) => occasionTopic(clause) ?? clause)
      // What the request leaves out (理论学习和党史学习教育就不用展开了) is no clause to draw on.
      // Nor what points back at the clause before (各是什么团队): it says nothing without that one.
      .filter((clause) => !draftWording.superiorAsks.test(clause))
      .filter((clause) => [...clause.replace(/[^\p{Script=Han}]/gu, '')].length >= 2 && !leftOutClause.test(`，${clause}`) && !draftWording.arrangement.test(clause) && (!framingClause(clause) || refusesNothing(clause)) && !clausePointsBack.test(clause))
      .slice(0, modeRetrieval.requestClauses);
    const kept: string[] = [];
    const unwritten: { words: string[]; labels: string[]; scope: boolean }[] = [];
    let spelledOut = 0;
    const scopeAbsent: string[] = [];
    let strongest: Gathered | undefined;
    let occasions = 0;
    const occasionWords: string[] = [];
    for (const clause of clauses) {
      const gathered = await this.gather(request, snapshot, named ? `${named}，${clause}` : clause, carried, signal);
      if (gathered.evidence.verdict.answerable && gathered.analysis.terms.some((term) => term.role === 'topic')) {
        kept.push(clause);
        // A scope clause answered by its generic words (文章里写到意识形态工作责任制的: 责任制) names what no
        // article writes: said in the notice, as a label would be.
        if (draftWording.scope.test(clause)) scopeAbsent.push(...scopeObjectUnwritten(clause, snapshot.lexical));
        // Answered in full: every thing it names written (not 支部怎么开会、党课怎么上的, found by 支部 alone).
        if (!draftWording.secondary.test(clause) && unwrittenThings(gathered.analysis, snapshot.lexical).length === 0) spelledOut += 1;
        if (!strongest || gathered.evidence.verdict.strength > strongest.evidence.verdict.strength) strongest = gathered;
      } else if (!refusesNothing(clause)) {
        const words = [...new Set([...gathered.evidence.verdict.missing, ...absentThings(gathered.analysis, snapshot.lexical)])];
        // Told once and asking nothing of the articles (上周组织部带队去…学习, 工会和组织部打算合办一个…):
        // the asker's occasion. What a request is about it asks of them, or says again.
        if (!asksOfArticles(clause, words) && !words.some((word) => saidTimes(word, asked) > 1)) {
          if (words.length > 0) occasions += 1;
          if (draftWording.fieldOfWork.test(clause)) occasionWords.push(...words);
          continue;
        }
        const labels = quotesIn(clause).filter((quote) => words.includes(quote));
        // A name no article writes beside the label (用宁波职业技术学院的“四色工作法”做底子) is no label's.
        const unlabelledNames = gathered.evidence.verdict.missing.filter((word) => !labels.includes(word));
        if (words.length > 0) unwritten.push({ words, labels: unlabelledNames.length > 0 ? [] : labels, scope: draftWording.scope.test(clause) });
      }
    }
    // A clause the articles do not answer because it names what they never mention (研究生党支部,
    // a practice no article names) is what the request is about: no draft from its other clauses.
    // Unless it is the user's own label (“头雁”作用这块) that as many clauses, answered, spell out.
    // …nor when a word no article writes recurs from clause to clause (see recurringUnwritten).
    // A clause saying which text to draw on (几所学院文章里凡是写明拿了一等奖的), answered, is what the
    // request is about: what its other clauses name that no article writes is its occasion or form.
    // With an occasion set aside, what is left must name a topic, not only who acts (请整理几所学院党员的做法).
    if (occasions > 0 && kept.every((clause) => [...clause.replace(draftWording.actorsOnly, '').replace(/[^\p{Script=Han}]/gu, '')].length < 2)) return null;
    const scoped = kept.some((clause) => draftWording.scope.test(clause)) && !unwritten.some((clause) => clause.scope);
    if (!scoped && (recurringUnwritten(asked, snapshot).length > 0 || (unwritten.length > 0 && !labelsOnly(unwritten, spelledOut, asked)))) return null;
    // Scoped, the request draws on what its scope clauses say, not on the occasion around them.
    const drawnOn = scoped ? kept.filter((clause) => draftWording.scope.test(clause)) : kept;
    const narrowed = named ? `${named}，${drawnOn.join('，')}` : drawnOn.join('，');
    // The request as a whole was asked already.
    if (kept.length === 0 || narrowed === searchedFor) return null;
    // The notice names the labels; the other words of their clauses (专栏 of 要开“身边的榜样”专栏) frame them.
    const unwrittenWords = [...new Set([...occasionWords, ...unwritten.flatMap((clause) => clause.labels), ...(scoped ? scopeAbsent : [])])];
    const gathered = await this.gather(request, snapshot, narrowed, carried, signal);
    if (gathered.evidence.verdict.answerable) return { searchedFor: narrowed, gathered, kept, unwrittenWords };
    // Clauses each answered are answered together, though no one sentence says all their words: the
    // draft is drawn from what they gather together, on the evidence of the best answered clause.
    return strongest ? { searchedFor: narrowed, gathered: { ...gathered, evidence: { ...gathered.evidence, verdict: strongest.evidence.verdict } }, kept, unwrittenWords } : null;
  }

  /** Analysis, retrieval and evidence for one question; `carried` is the college a follow-up carried. */
  private async gather(request: AskFields, snapshot: IndexSnapshot, question: string, carried: string | undefined, signal: AbortSignal): Promise<Gathered> {
    const colleges = corpusColleges(snapshot);
    const { colleges: scope, forms } = this.scopeColleges(request, question, colleges);
    // The names of the colleges in scope are left out of what is searched for and weighed.
    question = forms.reduce((text, form) => text.split(form).join(' '), question);
    // The colleges named, then counted with their kind (苏州和湖南两个教工党支部: 工作理念、…): the kind is
    // theirs, no topic, when the request names one besides.
    const counted = scope.length >= 2 ? namedCounted.exec(question)?.[0] : undefined;
    const uncounted = counted ? question.split(counted).join(' ') : question;
    if (counted && ownTopicWords(withoutLeftOut(uncounted), colleges).length > 0) question = uncounted;
    // 跟苏工院对比一下 after 风能学院党员先锋岗是怎么搞的: compared on the last question's topic.
    if (request.mode === 'compare' && forms.length > 0 && ownTopicWords(question, colleges).length === 0) question = `${question} ${this.lastTopic(request.history, colleges)}`.trim();
    // 个人获奖的不用列: what a table or draft leaves out is not searched for.
    if (request.mode !== 'qa') question = withoutLeftOut(question);
    // A follow-up narrowing the last question (其中第二批的…) asks within what it carried: those words are asked too.
    const narrowing = question !== request.question && narrowingFollowUp.test(request.question.trim());
    const ownWords = question === request.question || narrowing ? undefined : request.question;
    const narrowedBy = narrowing ? request.question.trim().replace(/^(?:那么?)?(?:其中)?/u, '').replace(/的?(?:是|有)?哪(?:个|些|几个|一个|位|家|所)[？?]?$/u, '') : '';
    // Several colleges compared, or several practices quoted (嘉兴“…”和湖南“…”), are each asked apart.
    const analysis = analyzeQuestion(question, { colleges, terms: snapshot.lexical, ownWords, topicPhrase: request.mode !== 'qa', quotedApart: request.mode !== 'qa' && (scope.length > 1 || quotesIn(question).length > 1), people: await peopleOfQuestion(snapshot, question), ...(narrowedBy ? { narrowedBy } : {}) });
    // A college the question names (or its conversation carried), unlike one the user chose, is read
    // off the words: articles that name it differently or not at all may hold the answer too.
    // Colleges compared are the scope, whatever college the conversation carried.
    const named = request.filters.docId || request.filters.college || scope.length > 1 ? undefined : carried || this.namedCollege(request.mode, analysis);
    const filters: SearchFilters = {
      // An article the user chose is the scope itself; a college named in the question does not narrow it further.
      college: request.filters.docId ? request.filters.college : request.filters.college || named,
      year: request.filters.year,
      docIds: request.filters.docId ? [request.filters.docId] : undefined,
    };
    const everyCollege = scope.length === 0 && draftAcrossColleges(request);
    const retrieved = await this.retrieve(request.mode, withCorpusSynonyms(question, snapshot.lexical), filters, signal, named !== undefined, scope, everyCollege);
    throwIfAborted(signal);
    const scoped = Boolean(request.filters.docId || request.filters.college);
    let evidence = gatherEvidence(snapshot, retrieved.hits, analysis, { scoped });
    // 是每月第一周周一吗 against 每月第四周周四: the numbers a yes-or-no question claims need not be
    // in the articles for them to answer it (no).
    const claimsAside = evidence.verdict.answerable ? null : withClaimedValuesGeneric(analysis);
    if (claimsAside) {
      const judged = gatherEvidence(snapshot, retrieved.hits, claimsAside, { scoped });
      if (judged.verdict.answerable) evidence = judged;
    }
    // 跟几家单位共建…，分别是哪些, where the article names them without counting them: the items answer.
    if (!evidence.verdict.answerable && evidence.verdict.lacking === '数量' && itemsAskedToo.test(analysis.question)) {
      const asList: QuestionAnalysis = { ...analysis, answerType: '列表' };
      const judged = gatherEvidence(snapshot, retrieved.hits, asList, { scoped });
      if (judged.verdict.answerable) return { analysis: asList, retrieved, evidence: judged, namedCollege: named };
    }
    return { analysis, retrieved, evidence, namedCollege: named };
  }

  /** The one way an answer says the corpus has nothing on the question, with the text nearest it. */
  private refusal(grounds: Grounds): { text: string; citations: Citation[]; settled: boolean } {
    const { request, snapshot, analysis, evidence } = grounds;
    // A model's own refusal (【未找到】) follows an answerable verdict: its missing words (the year an
    // undated article may be of) did not block, so they are no reason to give.
    // A year the articles never write, where they tell the same of other years (2021年…投档线猛增50分
    // for 2023年…), is said as those years, with their sentences near.
    const otherYearsOnly = evidence.verdict.yearsInstead !== undefined && evidence.verdict.missing.every((word) => isYear(word));
    const missing = evidence.verdict.answerable || otherYearsOnly ? [] : evidence.verdict.missing.length > 0 || request.mode === 'qa' ? evidence.verdict.missing : unwrittenTopicWords(analysis, snapshot.lexical);
    // A comparison or a draft has no one sentence to point to; a pair question's sides are analysed
    // apart. The parts of one message share their words: the whole question points to the nearest text.
    const pointing = request.mode === 'qa' && grounds.sidesAre !== 'pair';
    // Nothing is near a question about what the corpus lacks (another college).
    // A college the articles only name in passing: where they name it.
    const namedInPassing = evidence.verdict.mentionedOnly;
    const nearby = (missing.length === 0 && pointing ? nearbySpans(snapshot, evidence, analysis) : []).filter((span) => !namedInPassing || snapshot.documentText(span.chunk.document).slice(span.start, span.end).includes(namedInPassing));
    // “No number was found” is not said over related text that shows one (27名讲师…): the engine
    // just did not see it next to the question's words.
    const shownSpan = nearby.some((span) => typedSpans(analysis.answerType, snapshot.documentText(span.chunk.document).slice(span.start, span.end), analysis.nameHead).length > 0);
    const lacking = pointing && !shownSpan ? evidence.verdict.lacking : undefined;
    const book = new CitationBook(snapshot);
    const claims = nearby.map((span) => book.claim(span));
    // Under a filter, or narrowed to the college the question named, what was not found was not
    // found there (所选范围内的文章中…, 湖南电气职业技术学院的文章中…).
    const { college, year, docId } = request.filters;
    const within = college || year || docId ? 'filters' : grounds.namedCollege ? { college: grounds.namedCollege } : undefined;
    // 是2022年评上…的吗, where the articles date it 2021年: their sentences answer no.
    const searched = grounds.base.searchedFor || request.question;
    const yearClaimed = otherYearsOnly && analysis.answerType === '是否' && yearClaimedAsked.test(searched.trim()) && claims.length > 0;
    // 挑战杯红色专项一等奖是哪一年, where the nearest text says 三等奖: the grade is said first.
    const [nearest] = nearby;
    const gradeInstead = missing.length === 0 && nearest ? (otherGrade(searched, snapshot.documentText(nearest.chunk.document).slice(nearest.start, nearest.end)) ?? undefined) : undefined;
    // A follow-up is quoted as it was searched (苏州工业职业技术学院的校长是谁), not as typed (那…呢).
    return { text: notFoundText(searched, { missing, gradeInstead, lacking, unlisted: evidence.verdict.unlisted, vaguelyCounted: evidence.verdict.vaguelyCounted, shortNameOnly: evidence.verdict.shortNameOnly, mentionedOnly: evidence.verdict.mentionedOnly, unnamedHonour: evidence.verdict.unnamedHonour, yearsInstead: evidence.verdict.yearsInstead, nearby: claims, within, yearClaimed }), citations: book.citations, settled: yearClaimed };
  }

  private *notFound(grounds: Grounds, engine: string, notice?: AnswerEnd['notice']): Generator<AnswerEvent> {
    const { text, citations, settled } = this.refusal(grounds);
    const base = refusalBase(grounds.base);
    yield { type: 'sources', citations };
    for (const delta of deltas(text)) yield { type: 'text-delta', delta };
    yield { type: 'answer-end', answer: text, citations, notFound: !settled, engine, ...base, ...(notice ? { notice } : {}) };
  }

  /**
   * Streams the model's answer. Returns `done` when the answer ended (also as not found), or the
   * notice to show when the model failed and the extractive answer follows.
   */
  private async *generate(grounds: Grounds, generator: ChatGenerator, signal: AbortSignal): AsyncGenerator<AnswerEvent, { done: true } | { done: false; notice: NonNullable<AnswerEnd['notice']> }> {
    const { request, analysis, retrieved } = grounds;
    const sources = this.sourcesFor(request.mode, retrieved);
    const citations = sources.map((chunk, index) => passageCitation(index + 1, chunk));
    const valid = new Set(citations.map((citation) => citation.n));
    yield { type: 'sources', citations };
    try {
      const filter = new StreamingCitationFilter(valid);
      let raw = '';
      const sideNames = grounds.sides?.map((side) => side.name) ?? [];
      const messages = answerMessages(request.mode, grounds.base.searchedFor, sources, {
        colleges: request.mode === 'compare' ? retrieved.colleges : [],
        answerType: analysis.answerType,
        pair: grounds.sidesAre === 'pair' ? sideNames : [],
        parts: grounds.sidesAre === 'parts' ? sideNames : [],
        honours: request.mode === 'compare' && isHonoursOnly(analysis),
        unwritten: grounds.unwrittenWords ?? [],
      });
      for await (const delta of generator.stream(messages, signal)) {
        raw += delta;
        const shown = filter.push(delta);
        if (shown) yield { type: 'text-delta', delta: shown };
      }
      const tail = filter.flush();
      if (tail) yield { type: 'text-delta', delta: tail };
      const final = cleanCitationMarkers(raw, valid);
      if (final.text.includes(notFoundMarker) || final.cited.length === 0) {
        // The model's own refusal: what it streamed is replaced by the refusal (answer-end carries the final text).
        const { text, citations: nearby } = this.refusal(grounds);
        yield { type: 'answer-end', answer: text, citations: nearby, notFound: true, engine: generator.name, ...refusalBase(grounds.base) };
        return { done: true };
      }
      const cited = citations.filter((citation) => final.cited.includes(citation.n));
      yield { type: 'answer-end', answer: final.text.trim(), citations: cited, notFound: false, engine: generator.name, ...grounds.base };
      return { done: true };
    } catch (error) {
      if (signal.aborted || isAbortError(error)) throw toAppError(error);
      const appError = toAppError(error, 'UPSTREAM_ERROR');
      this.logger?.warn({ code: appError.code, reason: appError.message }, 'generation failed; answering extractively');
      const notice = fallbackNotice(appError);
      yield { type: 'notice', ...notice, reset: true };
      return { done: false, notice };
    }
  }

  /** Runs `answer` to the end and returns its `answer-end` (for `POST /api/ask`). */
  async answerOnce(request: AskFields, signal: AbortSignal): Promise<Omit<AnswerEnd, 'id'>> {
    for await (const event of this.answer(request, signal)) {
      if (event.type === 'answer-end') return event;
    }
    throw new AppError('INTERNAL', 'the answer ended without a result');
  }

  /** The passages numbered for the model. */
  private sourcesFor(mode: AnswerMode, retrieved: Retrieved): IndexedChunk[] {
    if (mode === 'compare' && retrieved.perCollege) {
      const settings = modeRetrieval.compare;
      return [...retrieved.perCollege.values()].flatMap((list) => list.slice(0, settings.modelSourcesPerCollege)).slice(0, settings.modelSources).map((hit) => hit.chunk);
    }
    return retrieved.hits.slice(0, modeRetrieval[mode].modelSources).map((hit) => hit.chunk);
  }

  private compose(grounds: Grounds): ComposedAnswer {
    const { request, snapshot, analysis, retrieved, evidence } = grounds;
    if (grounds.sides) return composePair(snapshot, grounds.sides, { parts: grounds.sidesAre === 'parts' });
    switch (request.mode) {
      case 'summary': {
        // The draft is titled with what the user asked for, not with the search words; it holds nothing the request leaves out.
        const leftOut = leftOutTeller(request.question, snapshot);
        return composeSummary(snapshot, { ...evidence, sentences: evidence.sentences.filter((sentence) => !leftOut(sentence.text)) }, analysis, draftTitle(request.question, grounds.answeredClauses, corpusColleges(snapshot)), { everyCollege: draftAcrossColleges(request) || retrieved.together !== undefined, practiceCount: draftPracticeCount(request.question), together: retrieved.together ?? [], leftOut: draftSectionsLeftOut(request.question) });
      }
      case 'compare':
        return composeCompare(snapshot, retrieved.perCollege ?? new Map(), analysis, { colleges: retrieved.colleges, corpusColleges: corpusColleges(snapshot).length, leftOut: leftOutTeller(request.question, snapshot) });
      default: {
        // In a follow-up, what the last answer already said is shown again only if nothing else fits;
        // one narrowing the last question (其中全国的是哪个) asks within what it showed, and
        // one asking another kind of answer (效果如何 after …是怎么回事) may find it in what was shown.
        const previous = [...request.history].reverse().find((turn) => turn.role === 'user')?.content;
        const sameKind = previous !== undefined && answerTypeOf(previous) === analysis.answerType;
        const alreadyShown = narrowingFollowUp.test(request.question.trim()) || !sameKind ? '' : ([...request.history].reverse().find((turn) => turn.role === 'assistant')?.content ?? '');
        // So is a sentence saying the other level or year one asks the same of (那省级的呢): it holds both.
        const swapped = previous !== undefined ? swappedValue(grounds.base.searchedFor, previous) : null;
        return composeQa(snapshot, evidence, analysis, { alreadyShown, ...(swapped ? { shownSaying: swapped } : {}) });
      }
    }
  }
}

/**
 * Whether a sentence tells what a request leaves out (…援疆援青那段不写; 给杨梅种植户讲无人机是助农，…都别
 * 拿来顶): it names a word of the left-out text that few passages write and the rest of the request
 * does not say. Common words (获奖 of 个人获奖的不用列) tell nothing apart.
 */
function leftOutTeller(request: string, snapshot: IndexSnapshot): (sentence: string) => boolean {
  // A clause setting a condition (光是签约仪式的也不算, 只说“新模式”却没起名字的跳过) leaves out some of
  // the sentences naming its words, not all: it drops none.
  const text = leftOutText(request).split(clauseEnd).filter((clause) => !draftWording.leftOutWhen.test(clause)).join('');
  if (!text) return () => false;
  const rest = withoutLeftOut(withoutLeftOutRuns(request));
  const words = [...new Set(getJieba().cut(text, false))].filter((word) => /^\p{Script=Han}{2,}$/u.test(word) && !rest.includes(word) && snapshot.lexical.documentFrequency(word) > 0 && snapshot.lexical.documentFrequency(word) <= summaryKnobs.leftOutWordChunks);
  return words.length === 0 ? () => false : (sentence) => words.some((word) => sentence.includes(word));
}

/** What a refusal says besides its text: what a drawn-up answer would have left out is no notice on it. */
function refusalBase(base: Grounds['base']): Omit<Grounds['base'], 'notice'> {
  const { notice: _drawnUp, ...rest } = base;
  return rest;
}

/**
 * A clause of a long request that may name its topic but refuses nothing when the articles do not
 * answer it: the asker's own plan (我打算在党总支推一个党员志愿服务队), whom it is to show (想先给大家一个全景)
 * or a meeting's theme (讲“支部建在哪里”).
 */
function refusesNothing(clause: string): boolean {
  return draftWording.askerPurpose.test(clause) || draftWording.audience.test(clause) || draftWording.meetingTheme.test(clause);
}

/**
 * Whether a clause of a long request asks something of the articles: a question (怎么组建, 讲了多少场),
 * what to draw on (凡是写到…的), or a name it quotes that no article writes (`absent`).
 */
function asksOfArticles(clause: string, absent: readonly string[]): boolean {
  return draftWording.asking.test(clause) || draftWording.scope.test(clause) || quotesIn(clause).some((quote) => absent.includes(quote));
}

/**
 * Whether the clauses of a request its articles do not answer for words they never write are only the
 * user's labels for what its other clauses ask (“头雁”作用这块, then 书记、院长…怎么带头干的): each
 * holds a quoted phrase no article writes, says its absent words once, and they are no more than the
 * clauses answered in full (`answered`: every thing they name written, none only pointing at what to
 * draw on). A word said again (研究生党支部建设…研究生党员发展), or one not quoted (党费), is what the
 * request is about.
 */
function labelsOnly(unwritten: readonly { words: readonly string[]; labels: readonly string[] }[], answered: number, request: string): boolean {
  return unwritten.length <= answered && unwritten.every((clause) => clause.labels.length > 0 && clause.words.every((word) => saidTimes(word, request) <= 1));
}

/**
 * The things a request names that no article writes and that recur from clause to clause (要规范党员
 * 档案管理，…人事档案: 档案), read with the absent words inside absent compounds: what it is about.
 * Said twice in one list (给外校开课、培训外校老师) a word is one item's detail.
 */
function recurringUnwritten(request: string, snapshot: IndexSnapshot): string[] {
  const clauses = request.split(requestClauseBreak);
  const absent = unwrittenThings(analyzeQuestion(request, { colleges: corpusColleges(snapshot), terms: snapshot.lexical, topicPhrase: true }), snapshot.lexical);
  return [...new Set(absent.flatMap((word) => unwrittenPieces(word, snapshot.lexical)).filter((word) => clauses.filter((clause) => clause.includes(word)).length > 1))];
}

/** What a text quotes (“头雁”作用这块 → 头雁), without the marks. */
function quotesIn(text: string): string[] {
  return [...text.matchAll(quotedPhrase)].map((quote) => quote[0].slice(1, -1));
}

/** How many times a request says a word. */
function saidTimes(word: string, request: string): number {
  return request.split(word).length - 1;
}

/** The notice of a draft or a table drawn up without the words of its request no article writes. */
function unwrittenNotice(words: readonly string[]): NonNullable<AnswerEnd['notice']> {
  return { code: 'PARTLY_UNWRITTEN', message: `文章中没有提到${words.map((word) => `“${word}”`).join('、')}，以下只整理文章写到的部分。` };
}

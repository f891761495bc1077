/**
 * 院校对比: one row per college with its practice (做法), its result (成效) and its sources, a
 * citation in every filled cell, 未见相关内容 where a college's articles say nothing on the topic,
 * and a coverage line. A college counts when its articles say the topic, in the question's words
 * or in this field's synonyms; each cell is cut to the clauses that answer (about 80 characters),
 * the citation opening the full passage.
 */
import type { IndexSnapshot, IndexedDocument } from '../index/index-reader.ts';
import type { SearchHit } from '../retrieval/retriever.ts';
import { splitSentences } from '../text/sentences.ts';
import { getJieba } from '../text/tokenize.ts';
import { CitationBook, newsDateline, passageHolding, type CitedSpan } from './citation-book.ts';
import type { ComposedAnswer } from './composed-answer.ts';
import { cutSentence, isRunInLabel, labelBefore, labelWithSentence, standsAlone } from './compose-qa.ts';
import { clausesOf, withinLength } from './clauses.ts';
import { coreCoverageOf, formsOf, gatherEvidence, outcomeStrength, reflects, statesHonour, typeFit, type EvidenceSentence } from './evidence.ts';
import { comparisonHeader, type ComparisonRow } from './protocol.ts';
import { weightiestTopic, type QuestionAnalysis } from './question.ts';
import { isHonoursOnly, topicSayer } from './says-topic.ts';
import { orderNote, orderRows, tableOrderOf } from './table-order.ts';
import { answerLengths, compareKnobs, evidence as evidenceKnobs, sentenceCues, summaryKnobs } from './tuning.ts';

function cell(text: string): string {
  return text.replace(/\|/g, '｜').replace(/\s*\n\s*/g, ' ');
}

/** Hits grouped by college, keeping retrieval order. */
export function hitsByCollege(hits: readonly SearchHit[]): Map<string, SearchHit[]> {
  const groups = new Map<string, SearchHit[]>();
  for (const hit of hits) {
    const college = hit.chunk.document.college;
    if (!college) continue;
    const group = groups.get(college);
    if (group) group.push(hit);
    else groups.set(college, [hit]);
  }
  return groups;
}

export interface CompareScope {
  /** Colleges compared (all of the corpus, or those the filter allows). */
  colleges: readonly string[];
  /** Colleges in the whole corpus. */
  corpusColleges: number;
  /** Whether a sentence tells what the request leaves out: no cell holds it. */
  leftOut?: (sentence: string) => boolean;
}

/** `compare`: the table, its data, and the coverage line. */
export function composeCompare(snapshot: IndexSnapshot, perCollege: ReadonlyMap<string, readonly SearchHit[]>, analysis: QuestionAnalysis, scope: CompareScope): ComposedAnswer {
  const book = new CitationBook(snapshot);
  // The question's weightiest topic word: a practice cut from an outcome must still say it.
  const keyTopic = weightiestTopic(analysis);
  // Cutting a sentence asks more than ranking it: the word as asked (or, where a test asks for them,
  // its synonyms), never its parts.
  const keyForms = keyTopic ? formsOf(keyTopic.word.toLowerCase()) : [];
  const topicOf: TopicTest = (text, synonyms = false) => keyTopic !== undefined && (synonyms ? keyForms : [keyTopic.word.toLowerCase()]).some((form) => text.includes(form));
  const saysTopic = topicSayer(snapshot, analysis);
  const honoursOnly = isHonoursOnly(analysis);
  // Its words as asked, their synonyms, and the parts of its compounds that are no commonplace of
  // the articles (品牌 of 党建品牌, not 党建).
  const topicWords = analysis.terms.filter((term) => term.role === 'topic').flatMap((term) => [term.word, ...(term.alternatives ?? [])]);
  const parts = topicWords.flatMap((word) => getJieba().cutForSearch(word, true).filter((part) => part !== word && [...part].length > 1 && snapshot.lexical.documentFrequency(part) <= snapshot.lexical.chunkCount * compareKnobs.commonPartShare));
  const topicForms = [...topicWords.flatMap((word) => formsOf(word.toLowerCase())), ...parts.map((part) => part.toLowerCase())];
  // A run-in label (优秀成果奖。, 推进“廉风洁雨”建设。) with the sentence it heads, within a cell's length; null for any other sentence.
  const headedSpan = (sentence: EvidenceSentence): CitedSpan | null => (isRunInLabel(sentence.text) ? labelWithSentence(snapshot, sentence, analysis, answerLengths.comparisonCell) : null);
  const headedText = (sentence: EvidenceSentence): string | null => {
    const headed = headedSpan(sentence);
    return headed ? snapshot.documentText(headed.chunk.document).slice(headed.start, headed.end) : null;
  };
  // The sentence (a run-in label with the sentence it heads) says a word of the topic as asked.
  // Not the headings above it: a whole section stands under them (…党建工作…).
  const saysATopicWord = (sentence: EvidenceSentence): boolean => {
    const text = (headedText(sentence) ?? sentence.text).toLowerCase();
    return topicForms.some((form) => [...form].length > 1 && text.includes(form));
  };
  // The run-in label a sentence stands under says every topic word, as asked or in a synonym.
  const topicTerms = analysis.terms.filter((term) => term.role === 'topic');
  // The aspects a cell may show further items for: the items the question lists (积分制、党性体检、警示教育之类的).
  const aspectWords = [...new Set(topicTerms.flatMap((term) => (term.alternatives ? [term.word, ...term.alternatives] : [])).map((word) => word.toLowerCase()))];
  // A text says every topic word, as asked or in a synonym (and, `listed`, in the words the question lists beside it).
  const everyTopicWordIn = (text: string, listed: boolean): boolean =>
    topicTerms.every((term) => [term.word, ...(listed ? (term.alternatives ?? []) : [])].some((word) => formsOf(word.toLowerCase()).some((form) => text.includes(form))));
  const labelSaysTopic = (sentence: EvidenceSentence): boolean => {
    const label = topicTerms.length > 0 ? labelBefore(snapshot, sentence) : null;
    const text = label ? snapshot.documentText(sentence.chunk.document).slice(label.start, label.end).toLowerCase() : '';
    return text !== '' && everyTopicWordIn(text, false);
  };
  // A sentence (with the run-in label it stands under) says every topic word.
  const saysEveryTopicWord = (sentence: EvidenceSentence): boolean => {
    const label = labelBefore(snapshot, sentence);
    return everyTopicWordIn((headedText(sentence) ?? snapshot.documentText(sentence.chunk.document).slice(label?.start ?? sentence.start, sentence.end)).toLowerCase(), true);
  };
  // The holders the topic names (学生 of 学生竞赛获奖): a text naming another (教师能力竞赛) and not
  // them is another's result. Each holder is said in any of its words.
  const says = (text: string, group: string): boolean => formsOf(group).some((form) => text.includes(form));
  const groupsAsked = compareKnobs.holderGroups.filter((group) => topicTerms.some((term) => term.word === group));
  const otherGroups = compareKnobs.holderGroups.filter((group) => !groupsAsked.includes(group));
  // Honours of a body asked (集体荣誉): a result counting people honoured and naming no body is theirs alone.
  const bodyAsked = topicTerms.some((term) => term.word === compareKnobs.collectiveWord);
  const heldByGroupAsked = (text: string): boolean =>
    !(bodyAsked && compareKnobs.peopleHonoured.test(text) && !compareKnobs.bodyHonoured.test(text)) && (groupsAsked.length === 0 || groupsAsked.some((group) => says(text, group)) || !otherGroups.some((group) => says(text, group)));
  const titleTopicCoverage = coreCoverageOf(analysis, ['topic']);
  const rows: (ComparisonRow & { strength: number })[] = [];
  for (const college of scope.colleges) {
    const hits = perCollege.get(college) ?? [];
    const sentences = gatherEvidence(snapshot, hits, analysis).sentences.filter((sentence) => !sentence.isHeading && !scope.leftOut?.(sentence.text));
    const strength = Math.max(0, ...sentences.map((sentence) => sentence.coreCoverage));
    const unit = hits[0]?.chunk.document.unit ?? snapshot.documents.find((document) => document.college === college)?.unit ?? '';
    // A cell says the topic itself when the college's articles do anywhere (学生党员培养: not any
    // sentence that says 党员).
    const saying = saysTopic ? sentences.filter(saysTopic) : [];
    // A college counts when its articles cover the question, or for a table of honours state one
    // in their own words (…获评2023年台州市职业教育先进单位).
    const admitted = strength >= compareKnobs.minimumCoverage || (honoursOnly && saying.length > 0);
    // Else what says a word of the topic, as asked (校企 of 校企党建共建): not what shares only parts
    // of its words (获奖 read off 奖章获得者).
    const pool = saying.length > 0 ? saying : saysTopic ? sentences.filter(saysATopicWord) : sentences;
    if (!admitted || pool.length === 0) {
      rows.push({ college, unit, practice: null, outcome: null, sources: [], strength: 0 });
      continue;
    }
    // A cell's sentence covers a share of the college's best; of a college admitted only by what
    // says the topic its own way, any such sentence will do.
    // A news lede covers the question by naming the college and unit in full (…客户端讯…台州科技职业学院
    // 机电与模具工程学院党总支本着…): the floor is set by the college's best other sentence.
    const bodyStrength = Math.max(0, ...sentences.filter((sentence) => !newsDateline.test(sentence.text)).map((sentence) => sentence.coreCoverage));
    const coverageFloor = strength >= compareKnobs.minimumCoverage && !honoursOnly ? bodyStrength * compareKnobs.cellCoverage : 0;
    // A fit of 0 rules a sentence out of the cell.
    const pickFrom = (from: readonly EvidenceSentence[], fit: (sentence: EvidenceSentence) => number, exclude?: EvidenceSentence, extra: readonly EvidenceSentence[] = []): EvidenceSentence | undefined =>
      [...from, ...extra]
        .filter((sentence) => sentence !== exclude && sentence.coreCoverage >= coverageFloor)
        .map((sentence) => ({ sentence, score: sentence.score * fit(sentence) }))
        .filter((candidate) => candidate.score > 0)
        .sort((a, b) => b.score - a.score)[0]?.sentence;
    // 做法 wants what the college did; honours and figures belong in 成效. A run-in label is judged
    // with the sentence it heads (优秀成果奖。 heads an award, not a practice).
    const practiceText = (sentence: EvidenceSentence): string => headedText(sentence) ?? practicePart(sentence, topicOf).text;
    // A news lede (…客户端讯（通讯员…）…党总支本着…) sums up the whole article, whatever the question
    // asked; a sentence saying nothing done (毕业生月薪平均达6000元以上…) is a practice only failing all else.
    const practiceFit = (sentence: EvidenceSentence): number => {
      const text = practiceText(sentence);
      const outcome = outcomeStrength(text);
      // A dated caption kept as a line of its own (2019年11月6日，…开展主题教育活动) is no practice.
      return outcome >= compareKnobs.practiceOutcomeBelow || reflects(sentence) || (standsAlone(snapshot, sentence) && summaryKnobs.datedEvent.test(sentence.text.trim()))
        ? 0
        : typeFit('做法', text, false) * (1 - 0.6 * outcome) * (newsDateline.test(sentence.text) ? evidenceKnobs.ledeFactor : 1) * (labelSaysTopic(sentence) ? compareKnobs.topicLabelFactor : sentenceCues.practice.test(text) ? 1 : compareKnobs.practiceWithoutCue);
    };
    // What the college did, said in other words than the topic's key (教工党支部 of 教工党支部管理党员
    // 的方式 names whose practice, not which), rather than nothing; but still saying a topic word of
    // the question (创业 of 创新创业教育: not any work of the college's students). A table of honours
    // has no 做法 column: a sentence that merely names one (表彰奖励…听取意见) is no practice of it.
    const practice = honoursOnly ? undefined : (pickFrom(pool, practiceFit) ?? (pool !== saying ? undefined : pickFrom(sentences.filter(saysATopicWord), practiceFit)));
    // The span a cell shows for its sentence: a run-in label picked as the practice (建设思政育人“新高地”。)
    // with the sentence it heads; a practice with the label that names it (推进“廉风洁雨”建设。通过组织
    // 党员…); each within the cell's length.
    const cellSpan = (sentence: EvidenceSentence, role: 'practice' | 'outcome'): CitedSpan => {
      const headed = role === 'practice' ? headedSpan(sentence) : null;
      if (headed) return headed;
      const label = role === 'practice' ? labelBefore(snapshot, sentence) : null;
      const room = answerLengths.comparisonCell - (label ? label.end - label.start : 0);
      const whole = cutSentence(snapshot, role === 'practice' ? practicePart(sentence, topicOf) : sentence, analysis, room, role === 'outcome' ? (clause) => 2 * outcomeStrength(clause) : undefined);
      // One clause listing many items keeps the items within the cell that say most of the topic.
      const text = snapshot.documentText(sentence.chunk.document);
      const cut = { ...whole, ...withinLength(text, whole, room, (part) => titleTopicCoverage(text.slice(part.start, part.end).toLowerCase())) };
      const labelled = label && cut.start === sentence.start ? passageHolding(snapshot, sentence.chunk.document, { start: label.start, end: cut.end }, cut.chunk) : undefined;
      return labelled && label ? { start: label.start, end: cut.end, chunk: labelled } : cut;
    };
    const spanText = (span: CitedSpan): string => snapshot.documentText(span.chunk.document).slice(span.start, span.end).toLowerCase();
    const overlaps = (sentence: EvidenceSentence, span: CitedSpan): boolean => sentence.chunk.document.docId === span.chunk.document.docId && sentence.start < span.end && span.start < sentence.end;
    const practiceSpan = practice ? cellSpan(practice, 'practice') : null;
    // Further practices, up to compareKnobs.itemsPerCell items in all: the next best, each saying a
    // thing the request lists that no item before it says (警示教育 beside 积分制), and scoring close
    // enough to the cell's first.
    const morePractices: CitedSpan[] = [];
    if (practice && practiceSpan && aspectWords.length > 0) {
      const first = practice.score * practiceFit(practice);
      const said = new Set(aspectWords.filter((word) => formsOf(word).some((form) => spanText(practiceSpan).includes(form))));
      const candidates = pool
        .filter((sentence) => sentence !== practice && sentence.coreCoverage >= coverageFloor)
        .map((sentence) => ({ sentence, score: sentence.score * practiceFit(sentence) }))
        .filter((candidate) => candidate.score > 0 && candidate.score >= first * compareKnobs.furtherItemShare)
        .sort((a, b) => b.score - a.score);
      for (const { sentence } of candidates) {
        if (morePractices.length + 1 >= compareKnobs.itemsPerCell) break;
        if ([practiceSpan, ...morePractices].some((shown) => overlaps(sentence, shown))) continue;
        const span = cellSpan(sentence, 'practice');
        const fresh = aspectWords.filter((word) => !said.has(word) && formsOf(word).some((form) => spanText(span).includes(form)));
        if (fresh.length === 0) continue;
        for (const word of fresh) said.add(word);
        morePractices.push(span);
      }
    }
    // What came of the practice, when its sentence turns to it, may be the outcome; what the practice
    // cell already shows (the sentence its label heads) may not.
    const turned = practice ? outcomePart(practice, topicOf) : undefined;
    const shown = (sentence: EvidenceSentence): boolean => practiceSpan !== null && sentence.chunk.document.docId === practiceSpan.chunk.document.docId && sentence.start < practiceSpan.end && practiceSpan.start < sentence.end;
    // A result must say the topic itself when anything of the college's does: no fallback. Or it
    // follows closely, in the same paragraph, a sentence that says it (三是社会服务。主持国培项目…。
    // 累计培训500人次以上。), weighed as that sentence, when that one says all of it: a list of works
    // naming one word of it (“党建+师资团队共育”等工程。学生…入党申请人比例…) is no practice whose result
    // follows (教师团队建设). Not an honour: it says what earned it, and a unit's honours follow
    // whatever it did (…配强支部书记双带头人…。支部“人人出彩创新”工作法获…奖).
    // Inside a point whose run-in label says all of the topic (坚持党建与教学科研相融合。…近两年来，…被…
    // 授予…称号，建成…8个校级科创平台), an honour is that point's own.
    const followers = sentences.flatMap((sentence) => {
      const honour = sentenceCues.honour.test(sentence.text) && !pointSaysTopic(snapshot, sentence, (label) => everyTopicWordIn(label.toLowerCase(), false));
      const sayer = saying.includes(sentence) || honour ? undefined : saying.find((candidate) => sameParagraphAfter(snapshot, candidate, sentence) && saysEveryTopicWord(candidate));
      return sayer ? [{ ...sentence, score: sayer.score * compareKnobs.followerShare, coreCoverage: sayer.coreCoverage }] : [];
    });
    // An article whose title says the topic (对标“七个有力”，赋能…) is about it throughout: its results,
    // wherever they stand in it, are the topic's though they do not repeat its words; each is weighed
    // as the sentence that says the topic best.
    const topSayer = saying[0] ?? pool[0];
    const titled = topSayer && titleTopicCoverage(topSayer.chunk.document.title.toLowerCase()) >= summaryKnobs.titleSaysTopic
      ? wholeArticle(snapshot, topSayer.chunk.document, analysis)
          // A result in figures or an honour, not a claim (党建品牌影响力…持续上升).
          .filter((sentence) => !sentence.isHeading && !pool.some((other) => other.chunk.document.docId === sentence.chunk.document.docId && other.start === sentence.start) && outcomeStrength(sentence.text) >= compareKnobs.outcomeStrength && (sentenceCues.quantity.test(sentence.text) || statesHonour(sentence.text)))
          .map((sentence) => ({ ...sentence, score: topSayer.score * compareKnobs.followerShare, coreCoverage: topSayer.coreCoverage }))
      : [];
    const outcome = pickFrom([...pool, ...followers, ...titled], (sentence) => (shown(sentence) || reflects(sentence) || !heldByGroupAsked(sentence.text) ? 0 : 1) * (0.3 + outcomeStrength(sentence.text)) * (summaryKnobs.headingCues.outcome.test(sentence.chunk.headingPath.join(' ')) ? 1.3 : 1) * (bodyAsked && !compareKnobs.bodyHonoured.test(sentence.text) ? compareKnobs.bodyUnnamedFactor : 1), practice, turned ? [turned] : []);
    // A result must be about the topic too, not just any achievement of the college.
    const outcomeRelevant = outcome !== undefined && outcomeStrength(outcome.text) >= compareKnobs.outcomeStrength;
    const outcomeSpan = outcomeRelevant && outcome ? cellSpan(outcome, 'outcome') : null;
    const filled = [practiceSpan ? [practiceSpan, ...morePractices] : null, outcomeSpan ? [outcomeSpan] : null].map((spans) => (spans ? cellOf(book, spans) : null));
    const sources = [...new Set(filled.flatMap((entry) => entry?.citations ?? []))];
    rows.push({ college, unit, practice: filled[0] ?? null, outcome: filled[1] ?? null, sources, strength });
  }
  rows.sort((a, b) => b.strength - a.strength || a.college.localeCompare(b.college, 'zh'));
  // An order the request asks for (按立项时间从早到晚), by what each row's cells write.
  const order = tableOrderOf(analysis.question);
  if (order) {
    const ordered = orderRows(rows, order, (row) => `${row.practice?.text ?? ''}\n${row.outcome?.text ?? ''}`);
    rows.splice(0, rows.length, ...ordered);
  }
  const covered = rows.filter((row) => row.sources.length > 0).length;
  // A table of honours shows the honours beside the sources, not an empty 做法 column.
  const header = comparisonHeader(honoursOnly);
  const lines = [header, header.replace(/[^|]+/gu, '---')];
  const byNumber = new Map(book.citations.map((citation) => [citation.n, citation]));
  for (const row of rows) {
    const name = cell(row.unit ? `${row.college}（${row.unit}）` : row.college);
    const practiceText = row.practice ? cell(withMarkers(row.practice)) : '未见相关内容';
    const outcomeText = row.outcome ? cell(withMarkers(row.outcome)) : '未见相关内容';
    const titles = [...new Map(row.sources.map((n) => [byNumber.get(n)!.docId, n])).entries()].map(([, n]) => {
      const citation = byNumber.get(n)!;
      return `《${cell(citation.title)}》${citation.date ? `（${citation.date}）` : ''}${row.sources.filter((m) => byNumber.get(m)!.docId === citation.docId).map((m) => `[${m}]`).join('')}`;
    });
    const cells = honoursOnly ? [name, outcomeText] : [name, practiceText, outcomeText];
    lines.push(`| ${cells.join(' | ')} | ${titles.length > 0 ? titles.join('；') : '—'} |`);
  }
  const compared = scope.colleges.length;
  const scopeText = compared < scope.corpusColleges ? `比较了 ${compared} 所院校（语料中共 ${scope.corpusColleges} 所）` : `语料中共 ${compared} 所院校`;
  if (order) lines.push('', orderNote(order));
  lines.push('', `覆盖情况：${scopeText}，其中 ${covered} 所有与该主题相关的内容。`);
  return {
    text: lines.join('\n'),
    citations: book.citations,
    table: { rows: rows.map(({ strength: _strength, ...row }) => row), coverage: { covered, total: compared } },
  };
}

/** Every sentence of an article, as evidence for the question. */
function wholeArticle(snapshot: IndexSnapshot, document: IndexedDocument, analysis: QuestionAnalysis): EvidenceSentence[] {
  const hits: SearchHit[] = Array.from({ length: document.chunkCount }, (_, ordinal) => ({ chunk: snapshot.chunk(document.firstChunk + ordinal), score: 0, lexicalScore: null, vectorScore: null }));
  return gatherEvidence(snapshot, hits, analysis).sentences;
}

/**
 * Whether `later` follows `earlier` closely (`compareKnobs.followerWithin` sentences) in the same
 * paragraph of the same article, as a sentence of its own: after a full stop, not as the next item
 * of a run joined by ； (组建…先锋队…；邀请…劳模工匠…进校园…；).
 */
function sameParagraphAfter(snapshot: IndexSnapshot, earlier: EvidenceSentence, later: EvidenceSentence): boolean {
  if (earlier.chunk.document.docId !== later.chunk.document.docId || later.start < earlier.end) return false;
  const text = snapshot.documentText(earlier.chunk.document);
  const before = text.slice(earlier.start, later.start).trimEnd();
  return !text.slice(earlier.end, later.start).includes('\n') && /[。！？!?]$/u.test(before) && splitSentences(text, earlier.end, later.start).length < compareKnobs.followerWithin;
}

/**
 * Whether the point a sentence stands in (its paragraph from the run-in label that opens it, no other
 * label between) is headed by a label that `says` the topic.
 */
function pointSaysTopic(snapshot: IndexSnapshot, sentence: EvidenceSentence, says: (label: string) => boolean): boolean {
  const text = snapshot.documentText(sentence.chunk.document);
  const paragraphStart = text.lastIndexOf('\n', sentence.start - 1) + 1;
  const before = splitSentences(text, paragraphStart, sentence.start).map((span) => text.slice(span.start, span.end));
  const labels = before.map((line, index) => (isRunInLabel(line) ? index : -1)).filter((index) => index >= 0);
  return labels.length === 1 && labels[0] === 0 && says(before[0]!);
}

/**
 * What a sentence says was done, before it turns to what came of it (…，育人成效凸显，…获…), when
 * that part says the topic (`topicOf`) on its own; else the whole sentence.
 */
function practicePart(sentence: EvidenceSentence, topic: TopicTest): EvidenceSentence {
  const turn = turnOf(sentence, topic);
  return turn === undefined ? sentence : { ...sentence, end: sentence.start + turn, text: sentence.text.slice(0, turn) };
}

/** What came of it, from the clause after the turn; none when the sentence does not turn. */
function outcomePart(sentence: EvidenceSentence, topic: TopicTest): EvidenceSentence | undefined {
  const turn = turnOf(sentence, topic);
  if (turn === undefined) return undefined;
  const from = turn + 1;
  return { ...sentence, start: sentence.start + from, text: sentence.text.slice(from) };
}

/** Whether a text says the question's key topic word: as asked, or (`synonyms`) in the field's other words too. */
type TopicTest = (text: string, synonyms?: boolean) => boolean;

function turnOf(sentence: EvidenceSentence, topic: TopicTest): number | undefined {
  const turn = compareKnobs.outcomeTurn.exec(sentence.text);
  // Turning to the people it brought forth (…为党培养德技双馨人才，涌现出马庆斋等…) is a result whatever the part before says.
  if (turn && (topic(sentence.text.slice(0, turn.index).toLowerCase()) || /涌现/u.test(turn[0]))) return turn.index;
  // Or at its first clause naming an honour (…2021年打造42个党建特色品牌，现代农业学院…党总支获批…):
  // a clearer turn than 成效凸显, so the part before may say the topic in the field's other words.
  // Not past a 成效凸显 that did not say the topic before it: the sentence turned there already.
  const clauses = clausesOf(sentence.text, 0, turn ? turn.index : sentence.text.length);
  const honoured = clauses.findIndex((clause, index) => index > 0 && statesHonour(sentence.text.slice(clause.start, clause.end)));
  if (honoured <= 0) return undefined;
  const end = clauses[honoured - 1]!.end;
  return topic(sentence.text.slice(0, end).toLowerCase(), true) ? end : undefined;
}


/** A cell of one or more cited items: each item's citation follows it. */
function cellOf(book: CitationBook, spans: readonly CitedSpan[]): { text: string; citations: number[] } {
  const citations = spans.map((span) => book.cite(span));
  if (spans.length === 1) return { text: book.display(spans[0]!), citations };
  return { text: spans.map((span, index) => `${book.display(span)}[${citations[index]}]`).join(''), citations };
}

/** A cell's text with its citation markers: a cell of several items carries each after its item already. */
function withMarkers(entry: { text: string; citations: readonly number[] }): string {
  return entry.citations.length > 1 ? entry.text : `${entry.text}${entry.citations.map((n) => `[${n}]`).join('')}`;
}

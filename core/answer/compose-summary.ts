/**
 * 会议材料: a meeting-ready draft with 背景, 主要做法, 取得成效 and 经验启示, every line an exact span
 * of an article with its citation. Headings never stand in as practices: a run-in heading
 * (校企合作实现新拓展。) is shown with the sentence it introduces. 经验启示 holds only sentences
 * that state lessons; when the articles state none, the section says so.
 */
import type { IndexSnapshot } from '../index/index-reader.ts';
import type { IndexedDocument } from '../index/index-snapshot.ts';
import { splitSentences } from '../text/sentences.ts';
import { CitationBook, passageHolding, type CitedSpan } from './citation-book.ts';
import type { TextSpan } from './answer-spans.ts';
import { cutToClauses, trimSpan } from './clauses.ts';
import type { ComposedAnswer } from './composed-answer.ts';
import type { HistoryTurn } from './protocol.ts';
import { cutSentence, groupLabel, isRunInLabel, labelBefore, labelWithSentence, standsAlone } from './compose-qa.ts';
import { ordinalOf } from './enumerations.ts';
import { coreCoverageOf, documentContext, outcomeStrength, selectSentences, type Evidence, type EvidenceSentence } from './evidence.ts';
import { collegeMentions, numeral, scopeObject, type QuestionAnalysis } from './question.ts';
import { topicSayer } from './says-topic.ts';
import { answerLengths, askerLead, compareKnobs, draftSectionWords, draftUsageNote, draftWording, leftOutClause, leftOutRunEnd, leftOutStandIn, leftOutStandInSaid, sectionLeftOut, sentenceCues, summaryKnobs } from './tuning.ts';

export type Section = 'background' | 'practice' | 'outcome' | 'insight';

const sectionTitles: Record<Section, string> = {
  background: '一、背景',
  practice: '二、主要做法',
  outcome: '三、取得成效',
  insight: '四、经验启示',
};

/**
 * How well a sentence fits a section of a meeting draft (0: it does not belong there). `ofTopic`:
 * it stands in a paragraph that says the whole topic before it; `headed`: a run-in label heads it
 * (it tells that label's practice).
 */
function sectionFit(section: Section, sentence: EvidenceSentence, { ofTopic = false, headed = false, alone = false } = {}): number {
  const headings = sentence.chunk.headingPath.join(' ');
  const result = outcomeStrength(sentence.text);
  const underItsHeading = summaryKnobs.headingCues[section].test(headings);
  let fit = underItsHeading ? summaryKnobs.headingBonus : 1;
  switch (section) {
    case 'outcome':
      // 取得成效 lists results and honours; a sentence without either is not a result, nor one that
      // says nothing of the topic itself (an award beside a sentence that does).
      // A figure alone (在9个专业群上设置了24个师生党支部) is a practice's size, not a result, unless the
      // article says it under its results.
      // What the article gives as its lessons (under 体会与思考) is no result, whatever honour it names.
      if (!underItsHeading && summaryKnobs.headingCues.insight.test(headings)) return 0;
      return (result >= summaryKnobs.outcomeStrength || (result > 0 && underItsHeading)) && (sentence.ownTopicCoverage >= summaryKnobs.outcomeOwnTopic || ofTopic) ? fit * (1 + result) : 0;
    case 'insight':
      // A lesson says what matters (关键, 必须, 只有…才能) or stands under 体会/启示.
      return sentenceCues.insight.test(sentence.text) || summaryKnobs.headingCues.insight.test(headings) ? fit * (1 - 0.5 * result) : 0;
    case 'background': {
      // A label names a practice (党建引领：“两翼齐飞、全链驱动”打造…“金基地”): no background; nor is a
      // clear result, however it opens (近年来，基地获批…项目5个).
      // Nor what a speaker means to do next (“站在新的历史起点上，我们要…): that looks ahead.
      // Nor one that points back at the sentence before it (这支队伍就是来自…), which it would open without.
      if (isRunInLabel(sentence.text) || result >= summaryKnobs.outcomeStrength || sentenceCues.lookingAhead.test(sentence.text) || sentenceCues.pointsBack.test(sentence.text.trim())) return 0;
      // Background says why or where from (为深入贯彻…, 近年来…, 作为…), stands under its heading, or
      // opens its article; a practice in the body (推进清廉文化进校园…) is none, nor one a label heads
      // near the opening of a short article.
      const cue = sentenceCues.background.test(sentence.text);
      const opening = !headed && sentence.start < summaryKnobs.openingCharacters;
      if (!cue && !opening && !underItsHeading) return 0;
      if (cue) fit *= summaryKnobs.cueBonus;
      if (opening) fit *= summaryKnobs.openingBonus;
      return fit * (1 - 0.4 * result);
    }
    case 'practice':
      // An honour (被…收录为典型案例) is a result, whatever else it says.
      // …nor a lesson (…的核心在于组织力建设), where 启示 has no room left for it.
      if (result >= compareKnobs.practiceOutcomeBelow || summaryKnobs.lessonOnly.test(sentence.text)) return 0;
      // Nor what only points back at the sentence before it (这支队伍就是来自…), the media's reporting, nor a dated caption.
      // Nor what a speaker means to do next (“站在新的历史起点上，我们要…).
      if (sentenceCues.pointsBack.test(sentence.text.trim()) || summaryKnobs.mediaReported.test(sentence.text.trim()) || sentenceCues.lookingAhead.test(sentence.text) || (alone && summaryKnobs.datedEvent.test(sentence.text.trim()))) return 0;
      if (sentenceCues.practice.test(sentence.text)) fit *= summaryKnobs.cueBonus;
      return fit * (1 - 0.4 * result);
  }
}

/** The name over a draft's lines from articles that name no college or unit. */
const unnamedSource = '**其他来源**';

/** A drafting request without what it says of the draft's use (…的经验材料，支部学习会上用). */
export function withoutUsageNote(question: string): string {
  return question.replace(draftUsageNote, '');
}

/**
 * The topic of a drafting request: the request without its asking (写一份…的会议材料), the sections it
 * lists and the draft's use; what a clause of its own says the draft draws on (根据X的经验，起草…,
 * 以X为例，写…) when the asking clause says nothing more. It titles the draft.
 */
export function draftTopic(question: string): string {
  return draftParts(question, true).topic;
}

/** A request without the clauses at its end that say what to leave out (…之前写过了，别再展开). */
export function withoutLeftOut(request: string): string {
  let rest = request;
  for (let previous = ''; previous !== rest; ) {
    previous = rest;
    rest = rest.replace(leftOutClause, '');
  }
  return rest;
}

/** Splits a request after each sentence's closing mark, keeping the mark. */
const sentenceEnd = /(?<=[。！!？?])/u;
/** …and after each clause's. */
export const clauseEnd = /(?<=[，,；;。！!？?])/u;

/**
 * What a request leaves out, as it writes it: each sentence set aside whole (see `leftOutRunEnd`) and
 * each clause that says to leave something out (…援疆援青那段不写, 个人获奖的不用列).
 */
export function leftOutText(request: string): string {
  const asked = withoutLeftOutRuns(request);
  const runs = request.length > asked.length ? request.split(sentenceEnd).filter((sentence) => !asked.includes(sentence)) : [];
  const clauses = asked.split(clauseEnd).filter((clause) => leftOutClause.test(`，${clause.replace(/[，,；;。！!？?]$/u, '')}`));
  return [...runs, ...clauses].join('');
}

/**
 * A request without each sentence whose last clause leaves out all its clauses name (see
 * `leftOutRunEnd`, `leftOutStandIn`). Read off the request as typed: its sentences are gone once clauses are joined.
 */
export function withoutLeftOutRuns(request: string): string {
  return request
    .split(sentenceEnd)
    .filter((sentence) => {
      const clauses = sentence.split(/[，,；;]/u);
      const last = clauses[clauses.length - 1]!;
      return !(clauses.length >= 2 && (leftOutRunEnd.test(last) || (leftOutStandIn.test(last) && leftOutStandInSaid.test(clauses[clauses.length - 2]!))));
    })
    .join('');
}

/**
 * A draft's title: the request's topic; when the draft was drawn up from some clauses of the request
 * (`answered`), only the topic's clauses that hold one of them or name one of the `colleges`.
 */
export function draftTitle(question: string, answered: readonly string[] | undefined, colleges: readonly string[]): string {
  const topic = draftTopic(question);
  if (!answered) return topic;
  const kept = topic.split(/[，,]/u).filter((clause) => answered.some((part) => clause.includes(part) || part.includes(clause)) || collegeMentions(clause, colleges).length > 0);
  return kept.length > 0 ? kept.join('，') : topic;
}

/**
 * A draft's heading: 关于“topic”的典型经验材料 where the request's topic (`draftTitle`) reads as a title (at
 * most two clauses), or what its scope clause names (文章里写到“双带头人”的几个学校 → 双带头人).
 * A request too long for one (下个月…沙龙，请了…来讲，开头两三句交代…) is titled by the names it quotes
 * that the draft writes, if any, and by whose practice it tells (关于“七个有力”的典型经验材料（湖南电气
 * 职业技术学院风能工程学院教工党支部）).
 */
export function draftHeading(title: string, drawnFrom: readonly IndexedDocument[], named: readonly string[] = []): string {
  // Quotes inside the title's own quotes are single ones, as Chinese nests them.
  const quoted = (text: string): string => `关于“${text.replace(/“/gu, '‘').replace(/”/gu, '’')}”的典型经验材料`;
  // A request drawn from what its scope clause names (文章里写到“双带头人”的几个学校，…) is about that.
  const scoped = title.split(/[，,]/u).map(scopeObject).find((object) => object !== null && /\p{Script=Han}{2}/u.test(object) && [...object].length <= summaryKnobs.scopeTitleLength);
  const topic = scoped ? scoped.trim().replace(/^“([^“”]+)”$/u, '$1') : title;
  if ([...topic].length <= summaryKnobs.titleLength && (topic.match(/[，,]/gu) ?? []).length <= 1 && !/[。；;：:]/u.test(topic)) return quoted(topic);
  const names = [...new Set(drawnFrom.map((document) => `${document.college}${document.unit}`).filter(Boolean))];
  const whose = names.length === 0 ? '' : names.length <= summaryKnobs.titleNames ? names.join('、') : `${names[0]}等${names.length}个单位`;
  const shown = named.slice(0, summaryKnobs.titleNames + 1);
  if (shown.length > 0) return `${quoted(shown.join('、'))}${whose ? `（${whose}）` : ''}`;
  return `${whose}典型经验材料`;
}

/**
 * A drafting request whose topic only points back (就这个主题帮我写个会议材料) with the conversation's
 * last question in place of the pointer, asked as a topic (台州科院访企拓岗促就业); null otherwise.
 */
export function draftPointingBack(question: string, history: readonly HistoryTurn[]): string | null {
  const pointer = draftTopic(question);
  if (!draftWording.pointer.test(pointer)) return null;
  // Courtesies between (谢谢, 好的) say no topic.
  const previous = [...history].reverse().find((turn) => turn.role === 'user' && !draftWording.pointer.test(draftTopic(turn.content)) && !draftWording.courtesyOnly.test(turn.content.trim()))?.content;
  const topic = previous ? questionAsTopic(previous).replace(/^(?:那么|那)/u, '').replace(/呢$/u, '') : undefined;
  return topic ? question.replace(pointer, topic) : null;
}

/** A question said as a topic: without its closing mark or how it asks (台州科院访企拓岗促就业是怎么搞的 → 台州科院访企拓岗促就业). */
export function questionAsTopic(question: string): string {
  return question.trim().replace(/[？?。！!]+$/u, '').replace(draftWording.questionFrame, '');
}

/**
 * A clause of a request that frames the draft rather than says its topic: its occasion (党委要开研讨会,
 * 下周支委会要学习), its use (给新任支部书记培训用), an aside (…不是都配了实训室吗, 这个大家都知道), or
 * the asking alone (写份材料).
 */
export function framingClause(clause: string): boolean {
  const text = clause.trim();
  return occasionOrUse(text) || draftWording.aside.test(text) || draftWording.instruction.test(text) || draftWording.askerPurpose.test(text) || draftWording.audience.test(text) || draftParts(text).topic === '党建工作';
}

/**
 * A request without what only frames it as a whole: a question someone asked (有人问：…？) and the
 * columns it names (就三列：…), unless the columns are all it says of its topic (国际处想做个对比表，
 * 就三列：院校｜留学生规模｜境外合作院校): then they are read as a list.
 */
export function withoutFraming(request: string): string {
  const asked = request.replace(draftWording.reportedQuestion, '').replace(/^[，,。；;\s]+/u, '').trim() || request;
  const rest = asked.replace(draftWording.columns, '。').replace(/^[，,。；;\s]+/u, '').trim();
  const saysTopic = rest.split(/[，,；;：:。！!？?]/u).some((clause) => {
    const text = clause.trim().replace(askerLead, '');
    return [...text.replace(/[^\p{Script=Han}]/gu, '')].length >= 2 && !draftWording.tableAskingOnly.test(text) && !occasionOrUse(text) && !draftWording.askerPurpose.test(text);
  });
  return saysTopic ? rest : asked.replace(draftWording.columnsLabel, '，').replace(/[｜|]/gu, '、');
}

/**
 * What an occasion said as a clause of its own is to discuss (下周支委会要讨论跟企业搞党建联建的事 →
 * 跟企业搞党建联建的事); null for a clause that is no occasion or names no topic (交流一下, 总结上半年工作).
 */
export function occasionTopic(clause: string): string | null {
  if (draftWording.occasionOnly.test(clause)) return null;
  const match = draftWording.occasion.exec(clause);
  const said = (match?.[1] ?? match?.[2] ?? '').trim();
  return said && !draftWording.occasionWithoutTopic.test(said) ? said : null;
}

/** A clause that says only a request's occasion or its use (党委要开研讨会, 支部书记培训用, 给支部学习用). */
function occasionOrUse(clause: string): boolean {
  return draftWording.occasionOnly.test(clause) || draftUsageNote.test(`，${clause}`);
}

/**
 * What a table request searches for: the request without the clauses that only frame it, its
 * occasion or its use (支部书记培训用，比较…), or ask for the table (国际处想做个对比表), whose words
 * (书记, 培训, 国际处) say nothing of the topic.
 */
export function compareSearch(request: string): string {
  const question = withoutFraming(withoutLeftOutRuns(request));
  const clauses = question.split(/(?<=[，,；;：:。])/u);
  const bare = (clause: string): string => clause.replace(/[，,；;：:。！!]+$/u, '').trim();
  const kept = clauses.filter((clause) => !occasionOrUse(bare(clause)) && !draftWording.tableAskingOnly.test(bare(clause).replace(askerLead, '')));
  return kept.length > 0 && kept.length < clauses.length ? kept.join('').trim() : question;
}

/** The sections of a draft its request says to leave out (背景介绍就不用展开了, 不想再罗列做法了). */
export function draftSectionsLeftOut(question: string): Section[] {
  return (Object.keys(draftSectionWords) as Section[]).filter((section) => sectionLeftOut(draftSectionWords[section]).test(question));
}

/** How many practices a drafting request asks for (整理三条…: 3), or undefined. */
export function draftPracticeCount(question: string): number | undefined {
  const count = draftWording.practiceCount.exec(question)?.[1];
  return count ? (numeral(count) ?? undefined) : undefined;
}

/**
 * What a drafting request searches for: its topic, and what it says to draw on or stress
 * (，重点参考苏州工业职院和湖南电气职院: the two colleges). The field at large after an owner
 * `namesCollege` accepts (嘉兴职业技术学院的党建工作) is searched as the owner alone.
 */
export function draftSearch(question: string, namesCollege: (owner: string) => boolean = () => false): string {
  const { topic: asked, reference } = draftParts(question);
  const owner = draftWording.ownerFieldWide.exec(asked)?.[1];
  const topic = owner && namesCollege(owner) ? owner : asked;
  return reference ? `${topic}，${reference}` : topic;
}

/**
 * A request's topic and what it says to draw on. A title (`forTitle`) leaves out its asides and its
 * instructions too (…不是都配了实训室吗, 数字有就写上); the search keeps them, since without them a
 * request on what no article holds may read as covered.
 */
function draftParts(question: string, forTitle = false): { topic: string; reference: string } {
  // What the request leaves out (…就不用展开了) is no part of its topic.
  let request = withoutLeftOut(withoutUsageNote(withoutFraming(withoutLeftOutRuns(question))).replace(/[？?。！!]+$/u, '')).replace(draftWording.length, '').replace(draftWording.layout, '').replace(draftWording.only, '$1').replace(draftWording.courtesy, '').replace(draftWording.labelled, '');
  const handedOver = draftWording.handedOver.exec(request);
  if (handedOver) request = handedOver[1]!;
  // Sections and reference may come in either order (，包括…，重点参考…).
  let reference = '';
  for (let previous = ''; previous !== request; ) {
    previous = request;
    request = request.replace(draftWording.sections, '');
    const stressed = draftWording.reference.exec(request);
    if (stressed) {
      reference = stressed[1]!.trim();
      request = request.slice(0, stressed.index);
    }
  }
  const bare = (text: string): string => {
    let topic = text.trim().replace(draftWording.audienceLead, '').replace(draftWording.request, '').replace(draftWording.questionFrame, '');
    // 典型经验的会议材料: a kind may stand before another.
    for (let previous = ''; previous !== topic; ) {
      previous = topic;
      topic = topic.replace(draftWording.kind, '').replace(/的$/u, '').replace(draftWording.trailingRequest, '').trim();
    }
    // …活动的做法: what a draft tells anyway is no part of its topic.
    // …建设方面, 党建和业务两方面: the aspect a topic is of is the topic.
    topic = topic.replace(/^关于/u, '').replace(draftWording.learnFromPeers, '').replace(draftWording.anyColleges, '').replace(draftWording.collegesPractice, '').replace(/(?<=.{2})的(?:典型)?情况$/u, '').replace(/(?<=.{2})(?:[两三四五六七八九十几多各诸]个?)?方面$|(?<=.{2})这一?块$/u, '').trim();
    // 嘉兴、台州这两家的体会和下一步打算: the sections of their work at large.
    if (!draftWording.practiceOnly.test(topic)) topic = topic.replace(draftWording.sectionsTail, '的党建工作');
    // …在党员先锋岗、志愿服务上的做法: the field the practice is in, without its 上 (not 线上, 以上).
    topic = topic.replace(/(?<=.{3})(?<![线网之以向晚早马路身会台])上$/u, '');
    // A topic asked as a question (…党总支是怎么建成标杆院系的) is titled as the thing done.
    topic = topic.replace(/(?<=.{2})(?:是)?(?:怎么|怎样|如何)(?=\p{Script=Han})/u, '').replace(/^(?:怎么|怎样|如何)(?=\p{Script=Han}{2})/u, '');
    // Quotes around the whole topic go; a name quoted inside it (…教工党支部“手拉手、一帮一”) keeps both of its marks.
    const wrapped = /^[“"]([^“”"]*)[”"]$/u.exec(topic);
    return wrapped ? wrapped[1]!.trim() : topic;
  };
  // A question and then the asking (…是怎么建成…的？出一份会议材料) are clauses too.
  // A clause handing over what to write up (帮我把各校做法汇总成一份材料) is what it hands over.
  const handed = (clause: string): string => draftWording.handedOver.exec(clause)?.[1] ?? draftWording.recipient.exec(clause)?.[1] ?? clause.replace(draftWording.recipientOnly, '');
  // A colon closes a lead-in (给新任支部书记培训用：…) as a comma does.
  const clauses = request.split(/[，,；;？?！!。：:]/u).map((clause) => handed(clause.trim())).filter(Boolean);
  // The asking clause may hold what it draws on (帮我以嘉职院为例起草一份会议材料): it is that basis.
  // Not a wish to learn from peers at large (借鉴兄弟院校经验): that names nothing to draw on.
  const bases = clauses.map((clause) => (draftWording.learnFromPeers.test(clause) ? null : (draftWording.basis.exec(clause) ?? draftWording.basis.exec(bare(clause).replace(draftWording.askerFirst, '')))));
  const kept = clauses.filter((clause, index) => !bases[index] && !draftWording.occasion.test(clause) && !occasionOrUse(clause) && !leftOutClause.test(`，${clause}`) && !draftWording.aside.test(clause) && !draftWording.instruction.test(clause) && !draftWording.arrangement.test(clause) && !draftWording.audience.test(clause)).map(bare).filter((clause) => clause && !draftWording.arrangement.test(clause));
  const asked = kept.filter((clause) => !draftWording.practiceOnly.test(clause));
  // Only the colleges' sections asked for (几所学院文章里的体会和下一步打算), and how to fill them: their work at large.
  const sectionsOnly = asked.length < kept.length && asked.every((clause) => draftWording.aside.test(clause) || draftWording.instruction.test(clause));
  // The occasion says the topic (…中心组要交流乡村振兴和服务共同富裕, 党委要开党建品牌建设研讨会) as a
  // basis clause does, when it names one (not 交流一下, 总结上半年工作), whatever the asking says
  // besides (帮我把台州科院和苏工院的做法梳理成材料).
  // A meeting named by its kind only (组织员座谈会, 中心组学习会) names no topic.
  const occasion = clauses.map(occasionTopic).find((topic) => topic !== null);
  const basis = bases.find((match) => match !== null);
  // 以…“深化产教融合立匠品”那一节为底子, 用嘉职院那篇里“…”那一大块做底子: the part pointed at is what it draws on.
  const drawnOnOf = (part: string | undefined): string => {
    const drawn = part ? bare(part).replace(draftWording.anyColleges, '') : '';
    // 参考几所学院的做法 points at no practice of its own.
    if (!drawn || draftWording.practiceOnly.test(drawn)) return '';
    return drawn.replace(/方面$/u, '').replace(/(?<=.{2})(?:那|这)一?大?(?:节|部分|段|块)$/u, '').replace(/(?<=.{2})(?:那|这)篇(?:文章)?(?:里|中)?的?(?=“)/u, '');
  };
  // A clause another holds whole (乡村振兴 of …服务乡村振兴) says nothing more.
  const said = [...new Set([drawnOnOf(basis?.slice(1).find((part) => part !== undefined)), drawnOnOf(occasion), ...asked])].filter(Boolean);
  const topic = said.filter((part) => !said.some((other) => other !== part && other.includes(part))).join('，');
  if (sectionsOnly && !basis && !occasion) return { topic: '党建工作', reference };
  // A request that is all the colleges' sections (几所学院的体会和启示) is on their work at large too.
  const whole = bare(request);
  return { topic: topic || (draftWording.practiceOnly.test(whole) ? '' : whole) || '党建工作', reference };
}

/**
 * Where a heading's line starts, when the heading is the end of it: a heading of two phrases
 * (培养“红船工匠” 铸就担当之能) is read as two, and shown whole.
 */
function headingLineStart(snapshot: IndexSnapshot, heading: EvidenceSentence): number {
  const text = snapshot.documentText(heading.chunk.document);
  const lineStart = text.lastIndexOf('\n', heading.start - 1) + 1;
  const before = text.slice(lineStart, heading.start);
  if (lineStart < heading.chunk.start || /[。！？!?；;]/u.test(before)) return heading.start;
  return lineStart + (/^\s*/u.exec(before)?.[0].length ?? 0);
}

/** A practice as shown: with the run-in heading that introduces its sentence, if there is one. */
function practiceSpan(snapshot: IndexSnapshot, sentence: EvidenceSentence, headingBefore: EvidenceSentence | undefined, analysis: QuestionAnalysis): CitedSpan {
  // A run-in label (加强“行动支部”建设。, 党建聚智：“读·聚匠心、五育并举”组建六支金队伍。) names a
  // practice; the sentence after it says what was done.
  if (isRunInLabel(sentence.text)) {
    const labelled = labelWithSentence(snapshot, sentence, analysis);
    // Not when what follows opens the next point of the outline (4.实施“三融教育”工程…).
    const body = labelled ? snapshot.documentText(sentence.chunk.document).slice(sentence.end, labelled.end).trim() : '';
    if (labelled && ordinalOf(body) === null) return labelled;
  }
  const cut = cutSentence(snapshot, sentence, analysis, answerLengths.longSentence);
  // Only a cut that keeps the sentence's start can carry its heading (the span must stay contiguous).
  if (cut.start !== sentence.start) return cut;
  if (headingBefore && headingBefore.chunk.chunkId === sentence.chunk.chunkId) return { ...cut, start: headingLineStart(snapshot, headingBefore) };
  // A label the evidence did not hold (it closes the passage before): read off the text.
  const label = labelBefore(snapshot, sentence);
  const chunk = label ? passageHolding(snapshot, sentence.chunk.document, { start: label.start, end: cut.end }, cut.chunk) : undefined;
  return label && chunk ? { start: label.start, end: cut.end, chunk } : cut;
}

/**
 * The sentence right after a practice, in its paragraph and before the paragraph's next point,
 * when it states a result (summaryKnobs.outcomeStrength) saying something of the topic (`topicOf`,
 * summaryKnobs.outcomeOwnTopic); cut to its clauses that state it. Null otherwise.
 */
function resultAfter(snapshot: IndexSnapshot, practice: CitedSpan, topicOf: (text: string) => number): CitedSpan | null {
  const document = practice.chunk.document;
  const text = snapshot.documentText(document);
  const paragraphEnd = text.indexOf('\n', practice.end);
  // The practice's own full stop is no sentence after it.
  const rest = splitSentences(text, practice.end, paragraphEnd < 0 ? text.length : paragraphEnd).find((sentence) => /[\p{L}\p{N}]/u.test(text.slice(sentence.start, sentence.end)));
  if (!rest) return null;
  // A practice cut from its sentence leaves the rest of it (…的形式|，深入挖掘…开展宣讲128场次…).
  const next = { start: rest.start + (/^[，,；;、\s]*/u.exec(text.slice(rest.start, rest.end))?.[0].length ?? 0), end: rest.end };
  const sentence = text.slice(next.start, next.end).trim();
  if (ordinalOf(sentence) !== null || isRunInLabel(sentence) || outcomeStrength(sentence) < summaryKnobs.outcomeStrength) return null;
  const shown = text.slice(practice.start, practice.end).trim();
  const [opening] = splitSentences(shown, 0, shown.length);
  const label = opening !== undefined && opening.end < shown.length && (ordinalOf(shown) !== null || isRunInLabel(shown.slice(opening.start, opening.end))) ? shown.slice(opening.start, opening.end) : null;
  // An honour follows whatever its unit did: it is the practice's own only inside a labelled point (二是加强…建设。…).
  if (sentenceCues.honour.test(sentence) && label === null) return null;
  // Like any result, it says something of the topic, read with its point's label (加强“行动先锋”队伍建设。…支部党员15人次获…).
  if (topicOf(`${label ?? ''}${sentence}`.toLowerCase()) < summaryKnobs.outcomeOwnTopic) return null;
  const cut = cutToClauses(text, next, (clause) => outcomeStrength(text.slice(clause.start, clause.end)), answerLengths.longSentence);
  const chunk = passageHolding(snapshot, document, cut, practice.chunk);
  return chunk ? { ...cut, chunk } : null;
}

/**
 * A draft across the colleges hears from each: a college none of whose sentences was chosen gets its
 * best, when that scores summaryKnobs.otherCollegeShare of the section's best, in place of the
 * weakest choice of a college with several.
 */
function withEveryCollege<T extends EvidenceSentence>(chosen: readonly T[], scored: readonly T[], limit: number): T[] {
  const result = [...chosen];
  const best = Math.max(0, ...scored.map((sentence) => sentence.score));
  const heard = (college: string): boolean => result.some((sentence) => sentence.chunk.document.college === college);
  const others = [...scored].sort((a, b) => b.score - a.score).filter((sentence) => sentence.chunk.document.college !== '' && sentence.score >= best * summaryKnobs.otherCollegeShare);
  for (const candidate of others) {
    const college = candidate.chunk.document.college;
    if (heard(college)) continue;
    if (result.length >= limit) {
      // The weakest choice of a college that keeps another.
      const crowded = [...result].sort((a, b) => a.score - b.score).find((sentence) => result.filter((other) => other.chunk.document.college === sentence.chunk.document.college).length > 1);
      if (!crowded) break;
      result.splice(result.indexOf(crowded), 1);
    }
    result.push(candidate);
  }
  return result;
}

/** A heading of an article, with its text. */
interface Heading {
  start: number;
  end: number;
  level: number;
  text: string;
}

/**
 * The article's outline of practices: the largest group of sibling headings (one level, under one
 * parent) that says no background, result or lesson, of at least `outlineAtLeast` short headings
 * (1.实施“四个一”工程，落实教育党员有力 … 5.实施“手拉手、一帮一”工程…), or null.
 */
function practiceOutline(snapshot: IndexSnapshot, document: IndexedDocument): Heading[] | null {
  const text = snapshot.documentText(document);
  const headings: Heading[] = document.headings.map(([start, end, level]) => ({ start, end, level, text: text.slice(start, end).trim() }));
  const { background, outcome, insight } = summaryKnobs.headingCues;
  const notPractice = (heading: Heading): boolean => background.test(heading.text) || outcome.test(heading.text) || insight.test(heading.text);
  let best: Heading[] | null = null;
  headings.forEach((first, index) => {
    const parent = headings.slice(0, index).reverse().find((heading) => heading.level < first.level);
    // The first of its siblings only: a group is read once, from its start.
    const previous = headings[index - 1];
    if (previous && previous.level === first.level && previous !== parent) return;
    const group: Heading[] = [];
    for (const heading of headings.slice(index)) {
      if (heading.level < first.level) break;
      if (heading.level === first.level) group.push(heading);
    }
    if (group.length < summaryKnobs.outlineAtLeast || (best && group.length <= best.length)) return;
    if ((parent && notPractice(parent)) || group.some((heading) => notPractice(heading) || heading.text.length > summaryKnobs.outlineHeadingLength)) return;
    best = group;
  });
  return best;
}

/** A heading of the outline with the first sentence after it, as one span (the heading alone when nothing follows in its passage). */
function outlinePractice(snapshot: IndexSnapshot, document: IndexedDocument, heading: Heading, next: number): CitedSpan | null {
  const text = snapshot.documentText(document);
  const [body] = splitSentences(text, heading.end, next);
  if (body) {
    const cut = cutToClauses(text, body, (clause) => (clause.start === body.start ? 1 : 0), answerLengths.longSentence);
    const span = { start: heading.start, end: cut.end };
    const chunk = passageHolding(snapshot, document, span);
    if (chunk) return { ...span, chunk };
  }
  const chunk = passageHolding(snapshot, document, heading);
  return chunk ? { start: heading.start, end: heading.end, chunk } : null;
}

/**
 * The practices of a draft about one article that outlines them under headings, one per heading
 * in the article's order, or null: a draft on a topic of its own (志愿服务) that the article's title
 * does not say keeps the sentences that say it.
 */
function outlinedPractices(snapshot: IndexSnapshot, relevant: readonly EvidenceSentence[], analysis: QuestionAnalysis): CitedSpan[] | null {
  const counts = new Map<string, number>();
  for (const sentence of relevant) counts.set(sentence.chunk.document.docId, (counts.get(sentence.chunk.document.docId) ?? 0) + 1);
  const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (!top || top[1] < relevant.length * summaryKnobs.outlineShare) return null;
  const sentence = relevant.find((candidate) => candidate.chunk.document.docId === top[0])!;
  const context = documentContext(sentence.chunk).toLowerCase();
  // Its title, college and unit say the request's topic: nearly all of its weight (not 落实 of
  // 每个工程对应落实哪个“有力”, how the request wants the practices told).
  const topic = analysis.terms.filter((term) => term.role === 'topic');
  const said = topic.filter((term) => context.includes(term.word.toLowerCase())).reduce((sum, term) => sum + term.weight, 0);
  if (said < topic.reduce((sum, term) => sum + term.weight, 0) * summaryKnobs.outlineTopicShare) return null;
  const document = sentence.chunk.document;
  const outline = practiceOutline(snapshot, document);
  if (!outline) return null;
  const headings = document.headings;
  const spans = outline.map((heading) => {
    const following = headings.find(([start]) => start > heading.start);
    return outlinePractice(snapshot, document, heading, following ? following[0] : document.textLength);
  });
  return spans.every((span) => span !== null) ? (spans as CitedSpan[]) : null;
}

/**
 * What an article tells under its own results or lessons heading ((二)实施成效, 三、体会与思考), for a
 * draft from that article whose section found nothing that says its topic: the article's results
 * are its practices' results. Results by their strength, lessons as each subheading with the
 * sentence after it; in the article's order. Null when the article has no such heading.
 */
function articleSection(snapshot: IndexSnapshot, document: IndexedDocument, section: 'outcome' | 'insight', limit: number): { heading: string; spans: CitedSpan[] } | null {
  const text = snapshot.documentText(document);
  const headings: Heading[] = document.headings.map(([start, end, level]) => ({ start, end, level, text: text.slice(start, end).trim() }));
  const { practice, background } = summaryKnobs.headingCues;
  // Not a heading over practices too (二、实施过程与成效): its own section is the one to read.
  const index = headings.findIndex((heading) => summaryKnobs.headingCues[section].test(heading.text) && !practice.test(heading.text) && !background.test(heading.text));
  const heading = headings[index];
  if (!heading) return null;
  const end = headings.slice(index + 1).find((other) => other.level <= heading.level)?.start ?? document.textLength;
  const inside = headings.slice(index + 1).filter((other) => other.start < end);
  const spans: CitedSpan[] = [];
  if (section === 'insight' && inside.length > 0) {
    for (const [position, subheading] of inside.entries()) {
      const span = outlinePractice(snapshot, document, subheading, inside[position + 1]?.start ?? end);
      if (span && spans.length < limit) spans.push(span);
    }
  } else {
    const sentences = splitSentences(text, heading.end, end).filter((sentence) => !inside.some((other) => other.start <= sentence.start && sentence.end <= other.end) && /\p{Script=Han}/u.test(text.slice(sentence.start, sentence.end)));
    const strength = (sentence: TextSpan): number => (section === 'outcome' ? outcomeStrength(text.slice(sentence.start, sentence.end)) : 1);
    const chosen = section === 'outcome' ? [...sentences].filter((sentence) => strength(sentence) > 0).sort((a, b) => strength(b) - strength(a) || a.start - b.start).slice(0, limit) : sentences.slice(0, limit);
    for (const sentence of chosen.sort((a, b) => a.start - b.start)) {
      const cut = cutToClauses(text, sentence, (clause) => (section === 'outcome' ? outcomeStrength(text.slice(clause.start, clause.end)) : 0), answerLengths.longSentence);
      const chunk = passageHolding(snapshot, document, cut);
      if (chunk) spans.push({ ...cut, chunk });
    }
  }
  return spans.length > 0 ? { heading: heading.text.replace(/^[（(]?[一二三四五六七八九十\d]+[）)、.．]\s*/u, ''), spans } : null;
}

/** Whether a span overlaps one already told, of the same article: a draft says a thing once. */
function toldIn(told: readonly CitedSpan[], span: CitedSpan): boolean {
  return told.some((other) => other.chunk.document.docId === span.chunk.document.docId && other.start < span.end && span.start < other.end);
}

/** The sentences of an article that can only be lessons (…的核心在于…, 关键在于), in its order. */
function statedLessons(snapshot: IndexSnapshot, document: IndexedDocument): CitedSpan[] {
  const text = snapshot.documentText(document);
  return splitSentences(text, 0, text.length).flatMap((sentence) => {
    if (!summaryKnobs.lessonOnly.test(text.slice(sentence.start, sentence.end))) return [];
    const span = trimSpan(text, sentence);
    const chunk = passageHolding(snapshot, document, span);
    return chunk ? [{ ...span, chunk }] : [];
  });
}

/**
 * Whether a sentence is told under a heading of its article that names a practice the request
 * quotes (5.实施“手拉手、一帮一”工程…): a draft on that practice takes its practices from there.
 * Null when no heading of the evidence's articles names one.
 */
function underQuotedHeading(snapshot: IndexSnapshot, sentences: readonly EvidenceSentence[], analysis: QuestionAnalysis): ((sentence: EvidenceSentence) => boolean) | null {
  if (analysis.quoted.length === 0) return null;
  const sections = new Map<string, { start: number; end: number }[]>();
  for (const document of new Set(sentences.map((sentence) => sentence.chunk.document))) {
    const text = snapshot.documentText(document);
    // A name every heading of a level says (有力 of 落实教育党员有力 … 落实凝聚和服务师生有力) is what
    // the outline shares, no one practice's.
    const saying = (name: string, level: number): number => document.headings.filter(([start, end, other]) => other === level && text.slice(start, end).includes(name)).length;
    document.headings.forEach(([start, end, level], index) => {
      const heading = text.slice(start, end);
      if (!analysis.quoted.some((name) => heading.includes(name) && saying(name, level) < summaryKnobs.outlineAtLeast)) return;
      const next = document.headings.slice(index + 1).find(([, , other]) => other <= level);
      const ranges = sections.get(document.docId) ?? [];
      ranges.push({ start: end, end: next ? next[0] : document.textLength });
      sections.set(document.docId, ranges);
    });
  }
  if (sections.size === 0) return null;
  return (sentence) => (sections.get(sentence.chunk.document.docId) ?? []).some((range) => range.start <= sentence.start && sentence.end <= range.end);
}

/** `summary`: the four sections, each from the sentences that fit it best, every line cited. */
export function composeSummary(snapshot: IndexSnapshot, evidence: Evidence, analysis: QuestionAnalysis, title: string, { everyCollege = false, practiceCount, together = [], leftOut = [] }: { everyCollege?: boolean; practiceCount?: number | undefined; together?: readonly string[]; leftOut?: readonly Section[] } = {}): ComposedAnswer {
  const candidates = evidence.sentences.filter((sentence) => sentence.score > 0);
  const best = Math.max(0, ...candidates.map((candidate) => candidate.score));
  // A draft about a college's work draws on all of its articles, not only the sentences that
  // repeat the request's wording: core coverage, article context included, admits them.
  const admitted = candidates.filter((candidate) => !candidate.isHeading && (candidate.score >= best * summaryKnobs.relevantShare || candidate.coreCoverage >= summaryKnobs.relevantCoverage));
  // A request with a topic of its own (加强教师队伍建设) draws on what says it, not on every sentence
  // of the college's article, when enough says it (a branch named in other words, 教工 / 教师, may not).
  const onTopic = admitted.filter((candidate) => candidate.topicCoverage >= summaryKnobs.relevantTopic);
  // What says the topic itself (or whose label does) before what only stands beside it: a sentence
  // under a 清廉 paragraph that says 校园文化建设年 is no 清廉校园 practice.
  const saysTopic = topicSayer(snapshot, analysis);
  const ownTopic = saysTopic ? onTopic.filter(saysTopic) : [];
  // What a paragraph says after a sentence saying every topic word is of the topic, though it need
  // not repeat it (…全面实施教师评价机制综合改革。实施政治素质“首关制”。…取消了5名…申报资格。).
  const topicStatements = candidates.filter((candidate) => !candidate.isHeading && candidate.ownTopicCoverage >= 1);
  // The next point of an outline (三是推进“廉风洁雨”建设。) is the topic's sibling, no part of it.
  const ofTopic = (sentence: EvidenceSentence): boolean => {
    const text = snapshot.documentText(sentence.chunk.document);
    const paragraphStart = text.lastIndexOf('\n', sentence.start - 1) + 1;
    return topicStatements.some(
      (statement) =>
        statement.chunk.document.docId === sentence.chunk.document.docId &&
        statement.start >= paragraphStart &&
        statement.end <= sentence.start &&
        !splitSentences(text, statement.end, sentence.end).some((between) => ordinalOf(text.slice(between.start, between.end).trim()) !== null),
    );
  };
  // …and a paragraph's run-in labels after it are the points of the topic's practice.
  const pointOfTopic = (sentence: EvidenceSentence): boolean => isRunInLabel(sentence.text) && ofTopic(sentence);
  const saying = ownTopic.length >= summaryKnobs.ownTopicAtLeast ? ownTopic : onTopic.length >= summaryKnobs.onTopicAtLeast ? onTopic : admitted;
  const relevant = [...saying, ...admitted.filter((candidate) => !saying.includes(candidate) && pointOfTopic(candidate))];
  // An article whose title says the topic (…党总支顺利通过…党建工作标杆院系验收) is about it throughout:
  // its honours and figures are the topic's results though they do not repeat its words.
  const titleCoverage = coreCoverageOf(analysis, ['topic']);
  const titledResults = admitted.filter((candidate) => !relevant.includes(candidate) && titleCoverage(candidate.chunk.document.title.toLowerCase()) >= summaryKnobs.titleSaysTopic);
  // A practice the request quotes, told under its own heading, is the draft's practice: not the
  // article's other practices that share the request's words.
  const underNamed = underQuotedHeading(snapshot, candidates, analysis);
  const named = underNamed ? candidates.filter((candidate) => !candidate.isHeading && underNamed(candidate)) : [];
  const headingsBefore = new Map<EvidenceSentence, EvidenceSentence>();
  for (let index = 1; index < evidence.sentences.length; index++) {
    const previous = evidence.sentences[index - 1]!;
    const sentence = evidence.sentences[index]!;
    if (previous.isHeading && previous.chunk.chunkId === sentence.chunk.chunkId && snapshot.documentText(sentence.chunk.document).slice(previous.end, sentence.start).trim() === '') headingsBefore.set(sentence, previous);
  }
  const used = new Set<EvidenceSentence>();
  const picked = new Map<Section, EvidenceSentence[]>();
  // The most specific sections first, so a sentence lands where it fits best.
  for (const section of ['outcome', 'insight', 'background', 'practice'] as Section[]) {
    // A result told under the quoted practice's heading is that practice's, whatever its words.
    const pool = section === 'practice' && named.length > 0 ? named : section === 'outcome' ? [...new Set([...relevant, ...titledResults, ...named])] : relevant;
    const scored = pool
      .filter((sentence) => !used.has(sentence))
      .map((sentence) => {
        const topical = ofTopic(sentence) || (section === 'outcome' && named.includes(sentence));
        const point = section === 'practice' && topical && isRunInLabel(sentence.text) ? summaryKnobs.topicParagraphPoint : 1;
        const headed = section === 'background' && labelBefore(snapshot, sentence) !== null;
        return { ...sentence, score: sentence.score * sectionFit(section, sentence, { ofTopic: topical, headed, alone: section === 'practice' && standsAlone(snapshot, sentence) }) * point, original: sentence };
      })
      .filter((sentence) => sentence.score > 0);
    // A run-in label and the sentence it heads are shown as one practice: one line, at the better score.
    if (section === 'practice') {
      for (const body of [...scored]) {
        const label = isRunInLabel(body.text) ? null : labelBefore(snapshot, body);
        const head = label ? scored.find((other) => other !== body && other.chunk.document.docId === body.chunk.document.docId && other.start === label.start && isRunInLabel(other.text)) : undefined;
        if (!head) continue;
        head.score = Math.max(head.score, body.score);
        scored.splice(scored.indexOf(body), 1);
      }
    }
    const size = section === 'practice' && practiceCount ? practiceCount : summaryKnobs.sizes[section];
    const selected = selectSentences(scored, size, summaryKnobs.floor, section === 'outcome' || section === 'insight' ? best * summaryKnobs.specificMinimum : 0);
    const chosen = (everyCollege && (section === 'practice' || section === 'outcome') ? withEveryCollege(selected, scored, size) : selected).map((sentence) => sentence.original);
    for (const sentence of chosen) used.add(sentence);
    picked.set(section, chosen);
  }
  const book = new CitationBook(snapshot);
  const documents = new Set([...used].map((sentence) => sentence.chunk.document.docId));
  // The names the request quotes that the draft's own lines write (“校园文化建设年”): a long request's title keeps them.
  // A word of two characters is a name only where a line quotes it too (“三服务”, not 坚持 of 以“坚持”打头的段落);
  // a time quoted as the request writes it (“2024届”“截至2023年底”这些别混) names nothing.
  const namedInDraft = analysis.quoted.filter((name) => [...name].length >= 2 && !/^(?:截至|截止)?[\d—\-~～至年届月日底度以来]+$/u.test(name) && [...used].some((sentence) => sentence.text.includes([...name].length > 2 ? name : `“${name}”`)));
  const lines = [`# ${draftHeading(title, [...used].map((sentence) => sentence.chunk.document), namedInDraft)}`, ''];
  // The spans each section shows. A draft says a thing once: practices (a label with its body)
  // first, then background, results and lessons, each leaving out what an earlier one told.
  const told: CitedSpan[] = [];
  const spans = new Map<Section, CitedSpan[]>();
  // A draft heard from several colleges is no one article's outline; one on colleges named together
  // (苏州和湖南两个教工党支部) is each one's outline, when each has one.
  const outlines = together.length > 1 ? together.map((college) => outlinedPractices(snapshot, relevant.filter((sentence) => sentence.chunk.document.college === college), analysis)) : [];
  const eachOutlined = outlines.length > 0 && outlines.every((outline) => outline !== null) ? outlines.flatMap((outline) => outline ?? []) : null;
  const outlined = named.length > 0 ? null : (eachOutlined ?? (everyCollege ? null : outlinedPractices(snapshot, relevant, analysis)))?.slice(0, practiceCount) ?? null;
  if (outlined) {
    told.push(...outlined);
    spans.set('practice', outlined);
  }
  const background = picked.get('background') ?? [];
  for (const section of ['practice', 'background', 'outcome', 'insight'] as Section[]) {
    if (section === 'practice' && outlined) continue;
    const sentences = picked.get(section) ?? [];
    // Practices and background read best in the articles' order; results and lessons by strength.
    const ordered = section === 'practice' || section === 'background' ? [...sentences].sort((a, b) => a.chunk.document.docId.localeCompare(b.chunk.document.docId) || a.start - b.start) : sentences;
    const shown: CitedSpan[] = [];
    for (const sentence of ordered) {
      const span =
        section === 'practice'
          ? practiceSpan(snapshot, sentence, headingsBefore.get(sentence), analysis)
          : cutSentence(snapshot, sentence, analysis, answerLengths.longSentence, section === 'outcome' ? (clause) => 2 * outcomeStrength(clause) : undefined);
      // A label whose body is the background (坚持问题导向…。聚焦…积弊，…全面实施…改革。) leaves it to 背景.
      if (section === 'practice' && background.some((other) => other !== sentence && other.chunk.document.docId === span.chunk.document.docId && other.start < span.end && span.start < other.end)) continue;
      // A label's practice already told this sentence.
      if (shown.some((other) => other.chunk.document.docId === span.chunk.document.docId && other.start <= span.start && span.end <= other.end)) continue;
      if (toldIn(told, span)) continue;
      shown.push(span);
    }
    // A practice's own result, the sentence after it in its point (…示范标杆。支部党员15人次获…等31项。),
    // is a result of the topic though it need not repeat the topic's words: where few results say them.
    if (section === 'outcome') {
      const topicOf = coreCoverageOf(analysis, ['topic']);
      for (const practice of spans.get('practice') ?? []) {
        if (shown.length >= summaryKnobs.practiceResultsBelow) break;
        const result = resultAfter(snapshot, practice, topicOf);
        if (result && !toldIn([...told, ...shown], result)) shown.push(result);
      }
    }
    told.push(...shown);
    spans.set(section, shown);
  }
  // A draft from one article whose results or lessons said nothing of its topic reads them where
  // the article sets them out, and says where from (该文: every line of the draft is of it).
  const practiceDocuments = new Set((spans.get('practice') ?? []).map((span) => span.chunk.document));
  const [practiceDocument] = practiceDocuments;
  const drawnFrom = new Map<Section, string>();
  for (const section of ['outcome', 'insight'] as const) {
    if (practiceDocuments.size !== 1 || documents.size !== 1 || !practiceDocument || (spans.get(section) ?? []).length > 0) continue;
    const found = articleSection(snapshot, practiceDocument, section, summaryKnobs.sizes[section]);
    const fresh = found?.spans.filter((span) => !toldIn(told, span)) ?? [];
    if (!found || fresh.length === 0) continue;
    told.push(...fresh);
    spans.set(section, fresh);
    drawnFrom.set(section, `摘自该文“${found.heading}”部分`);
  }
  // A draft across articles whose lessons said nothing of its topic reads those its sources state
  // as lessons: under their own headings, or as 核心在于/关键在于….
  if (practiceDocuments.size > 1 && (spans.get('insight') ?? []).length === 0) {
    const lessons: CitedSpan[] = [];
    // Each says something of the topic itself: 核心在于组织力建设 is no lesson of 党风廉政建设.
    const ofTopic = coreCoverageOf(analysis, ['topic']);
    for (const document of practiceDocuments) {
      const found = [...(articleSection(snapshot, document, 'insight', summaryKnobs.sizes.insight)?.spans ?? []), ...statedLessons(snapshot, document)];
      for (const span of found) {
        if (lessons.length >= summaryKnobs.sizes.insight) break;
        if (ofTopic(snapshot.documentText(span.chunk.document).slice(span.start, span.end).toLowerCase()) < summaryKnobs.outcomeOwnTopic) continue;
        if (!toldIn([...told, ...lessons], span)) lessons.push(span);
      }
    }
    if (lessons.length > 0) {
      told.push(...lessons);
      spans.set('insight', lessons);
      drawnFrom.set('insight', '摘自所引文章总结的体会');
    }
  }
  // Whose practice a line tells: a draft from one college names it once, above; one from several
  // groups its practices and results under each college, since the lines say 该党总支 or 学校.
  const labelOf = (span: CitedSpan): string => (span.chunk.document.college || span.chunk.document.unit ? groupLabel(span.chunk.document) : unnamedSource);
  const labels = new Set([...spans.values()].flat().map(labelOf));
  const [only] = labels;
  lines.push(labels.size === 1 && only && only !== unnamedSource ? `（依据${only.replace(/\*\*/gu, '')}的 ${documents.size} 篇相关文章整理，每句均注明出处）` : `（依据语料中 ${documents.size} 篇相关文章整理，每句均注明出处）`, '');
  for (const section of ['background', 'practice', 'outcome', 'insight'] as Section[]) {
    lines.push(`## ${sectionTitles[section]}`, '');
    if (leftOut.includes(section)) {
      lines.push('（按要求从略）', '');
      continue;
    }
    const shown = spans.get(section) ?? [];
    if (shown.length === 0) lines.push('（语料中未见相关内容）');
    const from = drawnFrom.get(section);
    if (from) lines.push(`（${from}）`, '');
    // Background too: its lines say 该支部 or 学院党总支, whose the reader must be told; and lessons
    // read from the articles, which are each one's.
    const grouped = labels.size > 1 && (section === 'practice' || section === 'outcome' || section === 'background' || (section === 'insight' && from !== undefined));
    const order = grouped ? [...new Set(shown.map(labelOf))] : [''];
    let number = 0;
    for (const label of order) {
      // Blank lines around the name: a list numbered on from 3 cannot interrupt a paragraph in Markdown.
      if (grouped) lines.push(...(lines.at(-1) === '' ? [] : ['']), label, '');
      for (const span of shown) {
        if (grouped && labelOf(span) !== label) continue;
        const claim = book.claim(span);
        if (section === 'background') lines.push(claim);
        else if (section === 'practice') lines.push(`${++number}. ${claim}`);
        else lines.push(`- ${claim}`);
      }
    }
    lines.push('');
  }
  return { text: lines.join('\n').trim(), citations: book.citations };
}

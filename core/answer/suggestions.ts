/**
 * Suggested next questions under an answer (2–3, clickable on the page), built from what the
 * answer cites rather than from a model: the named practices its sources quote (“双带头人”), the
 * results after the practices (成效 after 做法, and back), and the colleges of the corpus it did not
 * cover. Pure: the same answer always gets the same suggestions.
 */
import type { AnswerEvent, AnswerMode, Citation } from './protocol.ts';
import { analyzeQuestion, type QuestionAnalysis, type QuestionContext } from './question.ts';

export interface SuggestionInput {
  /** The question as it was searched (a follow-up already carries its subject). */
  question: string;
  /** What question analysis made of it: whether it asked for results, the names it quotes. */
  analysis: Pick<QuestionAnalysis, 'answerType' | 'quoted'>;
  mode: AnswerMode;
  answer: string;
  citations: readonly Pick<Citation, 'college' | 'quote' | 'title'>[];
  notFound: boolean;
  /** The colleges of the index, most articles first. */
  colleges: readonly string[];
}

/** Most suggestions shown under one answer. */
export const maxSuggestions = 3;
/** Longest suggestion, in characters: a question a person would type. */
const maxLength = 60;

const asking = /^(?:请问|请|麻烦|帮我)?(?:介绍一下|介绍|谈谈|说说|讲讲|总结一下|总结|梳理一下|梳理|列举一下|列举)?/;
const interrogatives = /(?:都|主要|具体|分别|又|还)?(?:有哪些|有什么|是什么|是怎样的?|是怎么|怎么样|怎样|如何|怎么|取得了?(?:哪些|什么))/g;
const askedFor = /(?:的|方面的|上的)?(?:经验做法|做法|举措|措施|经验|成效|成果|效果|成绩|收获|启示|亮点|情况)?[？?。！!，,、\s]*$/;
const stillAsking = /谁|什么|哪|多少|几[个项名人位次家所年]|何时|吗|是否|怎/u;
const fillers = /^(?:各院校|各高校|各学校|其他院校|高校|院校|学校|在|对|关于|的)+|(?:方面|的)+$/g;

/** What the question is about, without its question words and the colleges it names. */
export function questionTopic(question: string, colleges: readonly string[]): string {
  let topic = question.trim();
  for (const college of [...colleges].sort((a, b) => b.length - a.length)) topic = topic.split(college).join('');
  topic = topic.replace(asking, '').replace(interrogatives, '');
  for (let pass = 0; pass < 2; pass++) topic = topic.replace(askedFor, '').replace(fillers, '').trim();
  // What is left still asks (党委书记是谁, 做了什么): it is a question, not a topic to put in another.
  if (stillAsking.test(topic)) return '';
  return topic.length >= 2 ? topic : '';
}

/** Names of practices the sources put in quotation marks (“党建+”, “双带头人”), most quoted first. */
export function quotedPractices(texts: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const match of text.matchAll(/[“「『]([^”」』\n]{2,14})[”」』]/g)) {
      const name = match[1]!.trim();
      // A quoted sentence or a number is not the name of a practice.
      if (/[，。；：,;:！？!?]/.test(name) || /^[\d\s.%％]+$/.test(name)) continue;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length).map(([name]) => name);
}

/** 2–3 questions to ask next, or none when the answer found nothing to build on. */
export function suggestNextQuestions(input: SuggestionInput): string[] {
  if (input.notFound || input.citations.length === 0) return [];
  const topic = questionTopic(input.question, input.colleges);
  const cited = [...new Set(input.citations.map((citation) => citation.college).filter(Boolean))];
  const subject = cited.length === 1 ? cited[0]! : '';
  const about = topic ? `${subject ? `${subject}在` : ''}${topic}${subject ? '方面' : ''}` : subject;
  const candidates: string[] = [];

  const asksForResults = input.analysis.answerType === '成效';
  const practice = quotedPractices([input.answer, ...input.citations.map((citation) => citation.quote)]).find((name) => !input.analysis.quoted.includes(name) && !input.question.includes(name));
  if (practice) candidates.push(`${subject ? `${subject}的` : ''}“${practice}”具体是怎么做的？`);

  if (about) {
    if (asksForResults) candidates.push(`${about}有哪些具体做法？`, `${about}有哪些经验启示？`);
    else candidates.push(`${about}取得了哪些成效？`);
    // A comparison already covers the colleges: what to learn from them is the next question.
    if (input.mode === 'compare' && !asksForResults) candidates.push(`${about}有哪些经验启示？`);
  }

  if (topic && input.mode !== 'compare') {
    const uncovered = input.colleges.find((college) => !cited.includes(college));
    if (uncovered) candidates.push(`${uncovered}在${topic}方面有哪些做法？`);
    if (cited.length >= 2 || (cited.length === 1 && uncovered)) candidates.push(`各院校在${topic}方面的做法有什么不同？`);
  }

  const seen = new Set<string>([input.question.trim()]);
  const chosen: string[] = [];
  for (const candidate of candidates) {
    if (chosen.length >= maxSuggestions) break;
    if (candidate.length > maxLength || seen.has(candidate)) continue;
    seen.add(candidate);
    chosen.push(candidate);
  }
  return chosen;
}

/**
 * Passes answer events on, adding the suggestions to the `answer-end` (when there are any).
 * `context` is the corpus the question was analysed against (its colleges, most articles first).
 */
export async function* withSuggestions(events: AsyncIterable<AnswerEvent>, context: QuestionContext): AsyncGenerator<AnswerEvent> {
  for await (const event of events) {
    if (event.type !== 'answer-end') {
      yield event;
      continue;
    }
    const { answer, citations, notFound, mode, searchedFor: question } = event;
    const analysis = notFound ? { answerType: 'general' as const, quoted: [] } : analyzeQuestion(question, context);
    const suggestions = suggestNextQuestions({ question, analysis, mode, answer, citations, notFound, colleges: context.colleges });
    yield suggestions.length > 0 ? { ...event, suggestions } : event;
  }
}

import { describe, expect, it } from 'vitest';
import type { AnswerEvent } from '../../core/answer/protocol.ts';
import { analyzeQuestion, type QuestionContext } from '../../core/answer/question.ts';
import { questionTopic, quotedPractices, suggestNextQuestions, withSuggestions, type SuggestionInput } from '../../core/answer/suggestions.ts';

const colleges = ['嘉兴职业技术学院', '浙江机电职业技术学院', '湖南电气职业技术学院', '台州科技职业学院', '苏州工业职业技术学院'];
/** Every word equally common: what matters here is the question's answer type and quoted names. */
const context: QuestionContext = { colleges, terms: { chunkCount: 100, documentFrequency: () => 10, idf: () => 2 } };

function input(overrides: Partial<Omit<SuggestionInput, 'analysis'>>): SuggestionInput {
  const question = overrides.question ?? '如何打造党建特色品牌？';
  return {
    question,
    analysis: analyzeQuestion(question, context),
    mode: 'qa',
    answer: '学院实施“红色领航”工程[1]。',
    citations: [{ college: '嘉兴职业技术学院', title: '标题', quote: '学院实施“红色领航”工程，推进“双带头人”培育。' }],
    notFound: false,
    colleges,
    ...overrides,
  };
}

describe('question topics', () => {
  it.each([
    ['如何打造党建特色品牌？', '打造党建特色品牌'],
    ['教工党支部如何服务企业和地方产业？', '教工党支部服务企业和地方产业'],
    ['嘉兴职业技术学院党史学习教育取得了哪些成效？', '党史学习教育'],
    ['各院校如何开展党史学习教育？', '开展党史学习教育'],
    ['请介绍一下“双带头人”培育工程的经验做法', '“双带头人”培育工程'],
    ['党建引领人才培养', '党建引领人才培养'],
    ['湖南电气职业技术学院有哪些做法？', ''],
    // What still asks is no topic to put into another question.
    ['嘉职院党委书记是谁？', ''],
    ['王五在党建工作中做了什么？', ''],
  ])('%s → %s', (question, topic) => {
    expect(questionTopic(question, colleges)).toBe(topic);
  });
});

describe('quoted practices', () => {
  it('takes short quoted names, most quoted first, and leaves quoted sentences and numbers out', () => {
    expect(quotedPractices(['实施“红色领航”工程，“红色领航”覆盖全院', '推进“双带头人”培育', '他说“我们要坚持，不断前进”', '占比“85%”'])).toEqual(['红色领航', '双带头人']);
  });
});

describe('suggested next questions', () => {
  it('asks how a named practice works, for the results after the practices, and about a college not covered', () => {
    expect(suggestNextQuestions(input({}))).toEqual([
      '嘉兴职业技术学院的“红色领航”具体是怎么做的？',
      '嘉兴职业技术学院在打造党建特色品牌方面取得了哪些成效？',
      '浙江机电职业技术学院在打造党建特色品牌方面有哪些做法？',
    ]);
  });

  it('after a question about results, asks for the practices and the lessons', () => {
    const suggestions = suggestNextQuestions(input({ question: '嘉兴职业技术学院党史学习教育取得了哪些成效？', answer: '成效显著[1]。', citations: [{ college: '嘉兴职业技术学院', title: 't', quote: '成效显著。' }] }));
    expect(suggestions).toEqual(['嘉兴职业技术学院在党史学习教育方面有哪些具体做法？', '嘉兴职业技术学院在党史学习教育方面有哪些经验启示？', '浙江机电职业技术学院在党史学习教育方面有哪些做法？']);
  });

  it('never repeats the question or a practice it already names, and stays within three', () => {
    const suggestions = suggestNextQuestions(input({ question: '“红色领航”工程取得了哪些成效？' }));
    expect(suggestions.length).toBeLessThanOrEqual(3);
    expect(suggestions.join('')).not.toContain('“红色领航”具体');
    expect(suggestions[0]).toBe('嘉兴职业技术学院的“双带头人”具体是怎么做的？');
  });

  it('offers a comparison when the answer drew on several colleges; after a comparison, results and lessons instead', () => {
    const citations = [
      { college: '嘉兴职业技术学院', title: 'a', quote: '开展主题党日。' },
      { college: '湖南电气职业技术学院', title: 'b', quote: '开展主题党日。' },
    ];
    expect(suggestNextQuestions(input({ question: '如何开展主题党日？', answer: '开展主题党日[1][2]。', citations }))).toEqual([
      '开展主题党日取得了哪些成效？',
      '浙江机电职业技术学院在开展主题党日方面有哪些做法？',
      '各院校在开展主题党日方面的做法有什么不同？',
    ]);
    expect(suggestNextQuestions(input({ question: '各院校如何开展主题党日？', mode: 'compare', answer: '', citations }))).toEqual(['开展主题党日取得了哪些成效？', '开展主题党日有哪些经验启示？']);
  });

  it('suggests nothing after an answer that found nothing', () => {
    expect(suggestNextQuestions(input({ notFound: true }))).toEqual([]);
    expect(suggestNextQuestions(input({ citations: [] }))).toEqual([]);
  });

  it('adds the suggestions to the answer-end and passes every other event on as it is', async () => {
    async function* events(): AsyncGenerator<AnswerEvent> {
      yield { type: 'sources', citations: [] };
      yield { type: 'text-delta', delta: '学院实施“红色领航”工程[1]。' };
      yield {
        type: 'answer-end',
        answer: '学院实施“红色领航”工程[1]。',
        citations: [{ n: 1, chunkId: 'a#0', docId: 'a', title: 't', college: '嘉兴职业技术学院', date: '', quote: '学院实施“红色领航”工程。', start: 0, end: 10 }],
        notFound: false,
        mode: 'qa',
        engine: 'extractive',
        searchedFor: '如何打造党建特色品牌？',
      };
    }
    const seen: AnswerEvent[] = [];
    for await (const event of withSuggestions(events(), context)) seen.push(event);
    expect(seen.map((event) => event.type)).toEqual(['sources', 'text-delta', 'answer-end']);
    const end = seen[2] as Extract<AnswerEvent, { type: 'answer-end' }>;
    expect(end.suggestions?.[0]).toBe('嘉兴职业技术学院的“红色领航”具体是怎么做的？');
  });
});

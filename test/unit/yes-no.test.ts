/**
 * 是否: the verdict a sentence gives a yes-or-no question (real jieba, corpus statistics from a
 * real index of the default corpus), and the words that say it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../core/answer/question.ts';
import { verdictWord, yesNoVerdict, type YesNo } from '../../core/answer/yes-no.ts';
import { EmbeddedSnapshot } from '../../core/index/index-reader.ts';
import { ingestDefaultCorpus, removeTempDirs } from '../helpers/corpus.ts';

let snapshot: EmbeddedSnapshot;
let colleges: string[];

beforeAll(async () => {
  snapshot = EmbeddedSnapshot.load(await ingestDefaultCorpus('yes-no'), { vectorModel: null });
  colleges = [...new Set(snapshot.documents.map((document) => document.college).filter(Boolean))];
});
afterAll(() => {
  snapshot.close();
  removeTempDirs();
});

const verdict = (question: string, sentence: string, context = ''): YesNo | null =>
  yesNoVerdict(analyzeQuestion(question, { colleges, terms: snapshot.lexical }), sentence, context);

const twoCounts = '学校领导班子连续2年考核优秀，党委书记抓党建工作述职评议考核连续3年获得“优秀”等次。';

describe('the verdict a sentence gives', () => {
  const table: [string, string, string, YesNo | null][] = [
    // Every word of the question, the same number, in the clause that says it.
    ['嘉兴职业技术学院党委书记抓党建工作述职评议考核是不是连续3年获得“优秀”？', twoCounts, '嘉兴职业技术学院', 'yes'],
    // The same sentence counts the leaders' years otherwise.
    ['嘉兴职业技术学院领导班子是不是连续3年考核优秀？', twoCounts, '嘉兴职业技术学院', 'no'],
    ['嘉兴职业技术学院领导班子是不是连续两年考核优秀？', twoCounts, '嘉兴职业技术学院', 'yes'],
    ['“风能党员活动日”是每月第一周吗？', '固定每月第四周周四为“风能党员活动日”，动态更新团队成员的状态。', '', 'no'],
    ['嘉兴职业技术学院在全国“挑战杯”红色专项比赛中拿了一等奖吗？', '获全国“挑战杯”红色专项比赛三等奖，全省仅3家高职院校获此殊荣。', '嘉兴职业技术学院', 'no'],
    // 获评 and 荣获 say the same.
    ['智能制造教学创新团队是否获评过全国高校黄大年式教师团队？', '组建智能制造教学创新团队和科技创新团队，先后荣获国家级教育教学创新团队、第二批全国高校黄大年式教师团队和省科技创新团队。', '', 'yes'],
    // A word of the question the sentence lacks (全国 against 省级) settles nothing.
    ['嘉兴职业技术学院获评过全国文明单位吗？', '是浙江省示范性高职院校、省级文明单位。', '嘉兴职业技术学院', null],
    // The sentence does not say which week.
    ['“风能党员活动日”是每月第一周吗？', '风能工程学院定期开展“风能党员活动日”。', '', null],
    // A sentence that says no itself.
    ['自动化学院党总支通过标杆院系验收了吗？', '自动化学院党总支尚未通过标杆院系验收。', '', null],
    ['各地用于支持农产品保供工作的资金是否受70%资金比例的限制？', '相关资金不受《通知》中70%资金比例用于支持产地商品化处理设施和农产品冷链物流的限制。', '', null],
    ['密云区图书馆闭馆期间还能借阅文献吗？', '闭馆期间读者不能到馆借阅文献，但可以利用密云区图书馆的微信公众号进行阅读。', '', null],
    // 不断 says nothing against.
    ['浙江机电职业技术学院自动化学院党总支通过首批标杆院系验收了吗？', '自动化学院党总支不断提升党建质量，通过了我省首批党建工作标杆院系验收。', '浙江机电职业技术学院', 'yes'],
  ];
  it.each(table)('%s / %s', (question, sentence, context, expected) => {
    expect(verdict(question, sentence, context)).toBe(expected);
  });

  it('gives none to a question that is not yes or no', () => {
    expect(verdict('风能党员活动日固定在什么时间？', '固定每月第四周周四为“风能党员活动日”。')).toBeNull();
  });
});

describe('the words that say it', () => {
  const table: [string, YesNo, string][] = [
    ['“风能党员活动日”是每月第一周吗？', 'no', '不是'],
    ['领导班子是不是连续3年考核优秀？', 'yes', '是'],
    ['湖南电气职业技术学院有没有开展党史学习教育？', 'no', '没有'],
    ['学校是否有劳动教育课程？', 'yes', '有'],
    ['嘉兴职业技术学院在全国“挑战杯”红色专项比赛中拿了一等奖吗？', 'no', '否'],
    ['该团队是否获评过全国高校黄大年式教师团队？', 'yes', '是'],
  ];
  it.each(table)('%s (%s) → %s', (question, said, word) => {
    expect(verdictWord(question, said)).toBe(word);
  });
});

/**
 * Bench queries: questions a user could ask, derived from the news articles every corpus size
 * contains (their opening clause, as "what happened" questions), plus party-building questions
 * about the default corpus. Deterministic, so runs compare.
 */
import type { NewsArticle } from './crud-news.ts';

/** Questions about the five default articles and party-building work in general. */
export const partyBuildingQuestions: readonly string[] = [
  '嘉兴职业技术学院党委如何建设“红船堡垒”？',
  '湖南电气职业技术学院风能工程学院教工党支部有哪些特色做法？',
  '台州科技职业学院机电与模具工程学院党总支如何推动党建与业务融合？',
  '苏州工业职业技术学院智能制造教工党支部的经验是什么？',
  '浙江机电职业技术学院自动化学院党总支如何开展样板支部创建？',
  '高校党支部如何发挥战斗堡垒作用？',
  '党建引领专业建设有哪些典型经验？',
  '如何把思政教育融入专业课程？',
  '教师党支部书记“双带头人”培育怎么做？',
  '学生党员志愿服务有哪些形式？',
  '主题教育期间高校党组织开展了哪些活动？',
  '党建工作如何服务地方产业发展？',
];

const suffixes = ['有哪些做法？', '是怎么开展的？', '情况如何？', '', '有什么成效？'];

/** The opening clause of a news article without its dateline (`人民网北京7月28日电（记者…）`). */
export function openingTopic(text: string): string {
  let body = text.replace(/\s+/g, '');
  // Reposts start with their original title: the best question topic there is.
  const title = /^原标题[：:]([^。！？]{6,40}?)(?=[A-Za-z0-9]*[\u4e00-\u9fff]{0,2}[。！？]|$|\d{4}|来源|作者)/.exec(body);
  if (title) return title[1]!.replace(/[“”"「」《》|丨]/g, ' ').trim().slice(0, 28);
  body = body
    .replace(/^原标题[：:]/, '')
    .replace(/^[^，。]{0,30}?\d{1,2}月\d{1,2}日(?:电|讯|消息)\s*(?:[（(][^）)]{0,40}[）)])?[，,：:]?/, '')
    .replace(/^[^，。]{0,12}(?:电|讯)[：:]/, '')
    .replace(/^(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[上下]午|晚|早|晚间)?[，,]?/, '')
    .replace(/^\d{1,2}日(?:[上下]午|晚|早)?[，,]?/, '')
    .replace(/^(?:近日|日前|近年来|近期|目前|昨天|今天|昨日|今日|今年以来|记者从[^，]{0,20}获悉)[，,]?/, '');
  const end = body.search(/[。！？；]/);
  if (end > 0) body = body.slice(0, end);
  const parts = body.split(/[，,]/).filter((part) => part.length > 0);
  let topic = parts[0] ?? '';
  for (const part of parts.slice(1)) {
    if (topic.length >= 12) break;
    topic += `，${part}`;
  }
  return topic.replace(/[“”"「」《》]/g, '').slice(0, 28);
}

/**
 * `count` questions: about a fifth party-building ones (repeating the list as needed), the rest
 * from the openings of `articles` (taken evenly across them).
 */
export function benchQueries(articles: readonly NewsArticle[], count: number): string[] {
  const queries: string[] = [...partyBuildingQuestions];
  const wanted = Math.max(0, count - queries.length);
  const step = Math.max(1, Math.floor(articles.length / Math.max(1, wanted)));
  for (let index = 0; queries.length < count && index < articles.length; index += step) {
    const topic = openingTopic(articles[index]!.text);
    if (topic.length < 8) continue;
    queries.push(`${topic}${suffixes[queries.length % suffixes.length]}`);
  }
  return queries.slice(0, count);
}

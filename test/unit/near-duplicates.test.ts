import { beforeAll, describe, expect, it } from 'vitest';
import { cleanArticleText } from '../../core/text/clean.ts';
import { fingerprint, hammingDistance, NearDuplicateDetector } from '../../ingest/near-duplicates.ts';
import { defaultCorpusDir, defaultFiles, readArticle } from '../helpers/corpus.ts';

/** Deterministic pseudo-random numbers in [0, 1), so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const headers = ['转载自 新华网', '来源：中国教育新闻网 发布时间：2024-01-02 点击：', '【本站讯】', '首页 > 新闻中心 > 党建动态', ''];
const footers = ['（责任编辑：张三 来源：某某网）', '编辑：李四 审核：王五', '版权所有 © 2024 某某学院 浙ICP备12345678号', '分享到：微信 微博 QQ空间', ''];

/** A repost: another site's header and footer, and `edits` characters changed at random places. */
function repost(text: string, next: () => number, edits: number): string {
  const characters = Array.from(text);
  for (let edit = 0; edit < edits; edit++) characters[Math.floor(next() * characters.length)] = '某';
  const header = headers[Math.floor(next() * headers.length)]!;
  const footer = footers[Math.floor(next() * footers.length)]!;
  return `${header}\n${characters.join('')}\n${footer}`;
}

describe('near-duplicate detection', () => {
  /** The five default articles, cleaned as ingest cleans them. */
  const articles = new Map<string, string>();

  beforeAll(async () => {
    for (const [name, file] of Object.entries(defaultFiles)) {
      const article = await readArticle(defaultCorpusDir, file);
      articles.set(name, cleanArticleText(article.text).text);
    }
  });

  it('finds a reposted article with another header and footer and a few changed characters', () => {
    const next = random(42);
    for (const [name, text] of articles) {
      const detector = new NearDuplicateDetector<string>();
      detector.add(name, fingerprint(text));
      for (let trial = 0; trial < 40; trial++) {
        const copy = repost(text, next, 1 + (trial % 3));
        expect(detector.find(fingerprint(copy)), `${name}, trial ${trial}: ${hammingDistance(fingerprint(text), fingerprint(copy))} bits apart`).toBe(name);
      }
    }
  });

  it('finds the original among all five articles, and only it', () => {
    const detector = new NearDuplicateDetector<string>();
    for (const [name, text] of articles) {
      expect(detector.find(fingerprint(text)), name).toBeUndefined();
      detector.add(name, fingerprint(text));
    }
    const next = random(7);
    for (const [name, text] of articles) expect(detector.find(fingerprint(repost(text, next, 3)))).toBe(name);
  });

  it('does not match different articles, even of the same college sharing a lead paragraph', () => {
    // The Jiaxing article's four sections read as four articles from one college, each opening
    // with the same introduction of the school.
    const jiaxing = articles.get('jiaxing')!;
    const sectionTitles = ['守好“红色根脉”', '锻造“红船铁军”', '建设“红船堡垒”', '培养“红船工匠”'];
    const starts = sectionTitles.map((title) => jiaxing.indexOf(title));
    expect(starts.every((start) => start > 0)).toBe(true);
    const introduction = jiaxing.slice(0, jiaxing.indexOf('\n'));
    const sections = starts.map((start, index) => `${introduction}\n${jiaxing.slice(start, starts[index + 1] ?? jiaxing.length)}`);
    const detector = new NearDuplicateDetector<number>();
    sections.forEach((section, index) => {
      expect(detector.find(fingerprint(section)), `section ${index}`).toBeUndefined();
      detector.add(index, fingerprint(section));
    });
    // They are far apart, not just over the line.
    for (let left = 0; left < sections.length; left++) {
      for (let right = left + 1; right < sections.length; right++) {
        expect(hammingDistance(fingerprint(sections[left]!), fingerprint(sections[right]!))).toBeGreaterThan(10);
      }
    }
    // And the five different articles are all far from each other.
    const prints = [...articles.values()].map(fingerprint);
    for (let left = 0; left < prints.length; left++) {
      for (let right = left + 1; right < prints.length; right++) expect(hammingDistance(prints[left]!, prints[right]!)).toBeGreaterThan(10);
    }
  });

  it('does not take an article and a short excerpt of it for the same story', () => {
    const text = articles.get('hunan')!;
    const detector = new NearDuplicateDetector<string>();
    detector.add('hunan', fingerprint(text));
    expect(detector.find(fingerprint(text.slice(0, Math.floor(text.length / 2))))).toBeUndefined();
  });

  it('matches short texts only when they are the same apart from spaces and punctuation', () => {
    const notice = '学院党委召开党史学习教育动员大会，全体党员参加。';
    const detector = new NearDuplicateDetector<string>();
    detector.add('notice', fingerprint(notice));
    expect(detector.find(fingerprint(' 学院党委召开党史学习教育动员大会 全体党员参加！\n'))).toBe('notice');
    expect(detector.find(fingerprint('学院党委召开党史学习教育动员大会，全体党员参会。'))).toBeUndefined();
    expect(detector.find(fingerprint('学院团委召开党史学习教育动员大会，全体党员参加。'))).toBeUndefined();
  });

  it('ignores spaces and punctuation in the fingerprint and is deterministic', () => {
    const text = articles.get('suzhou')!;
    expect(fingerprint(text)).toEqual(fingerprint(text));
    expect(fingerprint('党建，引领 发展。')).toEqual(fingerprint('党建引领发展'));
    expect(fingerprint(text).length).toBe(text.replace(/[\s\p{P}]/gu, '').length);
  });

  it('skips whitespace and punctuation as the regular expression does, astral characters and lone surrogates included', () => {
    // 𠀀 is an astral ideograph (kept), 𐄀 an astral punctuation mark (skipped); lone surrogates are kept.
    // The last one is longer than the buffer fingerprints reuse (1M code units).
    const texts = ['党建𠀀引领𐄀发展，\u3000全面\ud800从严\udc00治党', '𐄀𐄀党建\ud83d', '\u00a0\u2028「」【】—…·', articles.get('jiaxing')!, '党建引领，发展。'.repeat(150_000)];
    for (const text of texts) {
      const compact = text.replace(/[\s\p{P}]/gu, '');
      expect(fingerprint(text).length, JSON.stringify(text.slice(0, 20))).toBe(compact.length);
      expect(fingerprint(text)).toEqual(fingerprint(compact));
    }
    expect(fingerprint('党建𐄀引领')).toEqual(fingerprint('党建引领'));
    expect(fingerprint('党建𠀀引领')).not.toEqual(fingerprint('党建引领'));
  });
});

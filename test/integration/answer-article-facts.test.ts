/**
 * Questions about an article itself — when it was published, who wrote it, its title — are answered from the
 * metadata ingest read off its publish line, byline or dateline, citing the article's opening; a
 * question about what it says is not taken for one. Real ingest, real index, real jieba.
 */
import { describe, expect, it } from 'vitest';
import { askOverArticles } from '../helpers/answer-checks.ts';

const ask = askOverArticles('article-facts', {
  'volunteers.txt': [
    '星海职业技术学院党委深化志愿服务品牌建设',
    '来源：星海职业技术学院 作者：王明 李华 发布时间：2023-05-12 10:20:00',
    '星海职业技术学院党委组建党员志愿服务队，常态化开展社区义诊和政策宣讲，全年服务群众3000余人次。',
    '学院把志愿服务纳入党员年度考核，推动党员在服务中亮身份、作表率。',
  ].join('\n'),
  'report.txt': [
    '星河职业技术学院推进校企党建联建',
    '中国教育报客户端讯（通讯员 赵强 孙丽）星河职业技术学院机电学院党总支与12家企业开展党建联建，共建实训基地5个。',
  ].join('\n'),
  'dateline.txt': [
    '中国教育报客户端讯（通讯员 周明）星辰职业技术学院党委开展“红色课堂进社区”活动，全年宣讲120场。',
    '学院组织党员教师深入社区，结合专业特长开展科普宣讲。',
  ].join('\n'),
});

describe('a question about an article itself', () => {
  it('is told when the article was published', async () => {
    const end = await ask('星海职业技术学院深化志愿服务品牌建设的这篇文章是哪天发布的？');
    expect(end.notFound, end.answer).toBe(false);
    expect(end.answer).toMatch(/^《星海职业技术学院党委深化志愿服务品牌建设》的发布日期是 2023-05-12/u);
    expect(end.citations[0]?.quote ?? '', end.answer).toContain('组建党员志愿服务队');
  });

  it('is told who wrote it, as the question names them', async () => {
    expect((await ask('星海职业技术学院志愿服务的那篇文章，作者是谁？')).answer).toContain('的作者：王明 李华');
    const report = await ask('报道星河职业技术学院校企党建联建的那篇稿子，通讯员是哪几位？');
    expect(report.answer, report.answer).toContain('的通讯员：赵强 孙丽，来源：中国教育报客户端');
  });

  it('is told its title, not its headings', async () => {
    const end = await ask('星海职业技术学院志愿服务的那篇文章，标题是什么？');
    expect(end.answer, end.answer).toMatch(/^这篇文章的标题是《星海职业技术学院党委深化志愿服务品牌建设》（2023-05-12），来源：星海职业技术学院。/u);
    expect((await ask('星海职业技术学院志愿服务那篇文章有哪几个小标题')).answer).not.toMatch(/^这篇文章的标题是/u);
    expect((await ask('星海职业技术学院志愿服务那篇文章第二部分的标题是什么')).answer).not.toMatch(/^这篇文章的标题是/u);
    // Nor the title of a report it mentions.
    expect((await ask('星河职业技术学院那篇里提到中国教育报的报道，那个报道的标题是什么')).answer).not.toMatch(/^这篇文章的标题是/u);
    // An article kept without a headline says so, with its opening.
    const untitled = await ask('星辰职业技术学院那篇稿子的题目叫啥');
    expect(untitled.answer, untitled.answer).toMatch(/^这篇文章收录时没有标题（来源：中国教育报客户端），它的开头是：中国教育报客户端讯/u);
  });

  it('is told when it came out however the time is asked (啥时候发布的, 什么时候发的)', async () => {
    for (const question of ['星海职业技术学院志愿服务那篇文章啥时候发布的', '星海职业技术学院志愿服务那篇文章是什么时候发的']) {
      expect((await ask(question)).answer, question).toMatch(/的发布日期是 2023-05-12/u);
    }
  });

  it('lists the articles published in a year asked, and says how many have no date', async () => {
    const listed = await ask('哪几篇文章是2023年发的？');
    expect(listed.answer).toMatch(/^2023 年发布的文章有 1 篇：\n- 《星海职业技术学院党委深化志愿服务品牌建设》（2023-05-12）\[1\]/u);
    expect(listed.answer).toContain('另有 2 篇文章没有发布日期。');
    expect(listed.citations[0]?.quote).toContain('组建党员志愿服务队');
    const none = await ask('哪篇文章是2021年发布的');
    expect(none.answer).toBe('已收录的文章中没有 2021 年发布的；有发布日期的文章发布于 2023 年，另有 2 篇没有发布日期。');
  });

  it('is told that an undated page gave no date, not a time its text writes', async () => {
    const end = await ask('星河职业技术学院校企党建联建那篇报道是哪天发布的？');
    expect(end.notFound, end.answer).toBe(true);
    expect(end.answer).toMatch(/^《星河职业技术学院推进校企党建联建》收录时没有发布日期（原网页未标注，来源：中国教育报客户端），无法确定它是哪天发布的。\[1\]$/u);
    expect(end.citations[0]?.quote ?? '').toContain('中国教育报客户端讯');
  });

  it('is asked of its date only with a time word: who published it is no date', async () => {
    expect((await ask('星海职业技术学院志愿服务的这篇文章是谁发布的？')).answer).not.toContain('发布日期');
  });

  it('is not a question about what the article says', async () => {
    const end = await ask('这篇文章里，星海职业技术学院全年服务群众多少人次？');
    expect(end.answer).toContain('3000余人次');
    expect(end.answer).not.toContain('发布日期');
  });
});

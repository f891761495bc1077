import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanArticleText, findDate } from '../../core/text/clean.ts';
import { normalizeText } from '../../core/text/normalize.ts';

const corpusDirectory = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../corpus');

function readArticle(prefix: string): string {
  const name = fs.readdirSync(corpusDirectory).find((file) => file.startsWith(prefix));
  if (!name) throw new Error(`no corpus file starting with ${prefix}`);
  return fs.readFileSync(path.join(corpusDirectory, name), 'utf8');
}

/** The raw lines, normalised one by one, without blanks: what the body is made of. */
function normalisedLines(raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .map((line) => normalizeText(line).trim())
    .filter((line) => line.length > 0);
}

interface ArticleExpectation {
  prefix: string;
  /** Starts of the raw lines (normalised) that must be removed, title included. */
  noise: string[];
  hints: Record<string, string>;
  /** Sentences from the middle and the end that must survive verbatim. */
  sentences: string[];
  /** Dated captions (by their start) and the event sentence each is kept as. */
  events?: Record<string, string>;
}

const articles: ArticleExpectation[] = [
  {
    prefix: '2022-10-03-zhejiang',
    noise: ['迎盛会 创标杆丨', '作者： 时间：', '图 1 ', '版权所有', '地址：'],
    events: {
      '图 2 ': '2019年11月6日，自动化学院党总支赴“中国共产党杭州历史馆”开展主题教育活动。',
      '图 3 ': '2021年11月2日，自动化学院党总支与杭州供电段党委共建校企协同党建基地签约仪式在上海铁路局杭州供电段六楼会议室举行。',
      '图 4 ': '2021年12月8日，浙阿两地五校院系共话党建引领育人研讨会暨东西部协作党建共建签约仪式顺利举行。',
    },
    hints: {
      title: '迎盛会 创标杆丨自动化学院党总支顺利通过浙江省首批全省高校党建“双创”党建工作标杆院系验收',
      date: '2022-10-03',
      source: '浙江机电职业技术学院自动化学院',
    },
    sentences: [
      '不忘初心强使命 示范创建树标杆',
      '学院党总支深化产教融合发展，为学生能力培养和企业岗位需求匹配问题破局开新，',
      '用初心担使命，以奋斗树标杆，自动化学院党总支着力提升学院党建工作质量，推进学院党建工作纵深发展，以高质量党建立德树人，开创新局。',
    ],
  },
  {
    prefix: '2022-02-24-jiaxing',
    noise: ['首页 | 典型经验', '喜迎党代会 | 坚持党建引领', '来源：嘉兴职业技术学院', '责任编辑', '我要评论', '全部评论', '育人号推荐', 'Baidu', 'map'],
    hints: {
      title: '喜迎党代会 | 坚持党建引领 培养红船工匠 嘉兴职业技术学院高质量打造新时代党建高地',
      date: '2022-02-24',
      source: '嘉兴职业技术学院',
      author: '付梦婕 俞佩忠',
    },
    sentences: [
      '锻造“红船铁军” 推动蝶变跃升',
      '百舸争流，破浪者领航；千帆竞发，奋勇者当先。嘉兴职业技术学院未来五年发展的美好图景，正在奋笔擘画：',
      '以优异成绩迎接党的二十大胜利召开！”嘉职院党委书记方俊良表示。',
    ],
  },
  {
    prefix: '2023-10-20-hunan',
    noise: ['当前位置', '对标“七个有力”，赋能党建', '发布时间'],
    hints: {
      title: '对标“七个有力”，赋能党建与事业高水平发展——湖南电气职业技术学院风能工程学院教工党支部',
      date: '2023-10-20',
    },
    sentences: [
      '一、实施背景',
      '（一）实施过程',
      '1.实施“四个一”工程，落实教育党员有力',
      '2019-2021年，学院党总支立项湖南省高校党组织“对标争先”建设计划第二批项目标杆院系1个',
      '（二）拓宽“党建+事业”融合的深度和广度',
      '发挥基层党组织在提高院系事业发展的战斗堡垒作用，着力拓宽基层党建工作与事业发展融合的深度和广度，促进二者同频共振发展。',
    ],
  },
  {
    prefix: 'taizhou',
    noise: ['原文链接'],
    hints: {
      source: '中国教育报客户端',
      author: '徐兵 陈晓 吴金龙',
      url: 'https://share.app3.jyb.cn/news_d/215e31ffad34e4b5681703bf5e75fce3?from=VjZDc29lWmRlREZnUWRtcXVVam1CSEp4WThtNGUrS0wrU0FZV3lrSkhoL2RjcWZIdU9MUFQ2eDNnTG9janhDbw==',
    },
    sentences: [
      '中国教育报客户端讯（通讯员 徐兵 陈晓 吴金龙）台州科技职业学院机电与模具工程学院党总支本着“以党建促业务，以业务强党建”的宗旨，',
      '党建聚智：“读·聚匠心、五育并举”组建六支金队伍。',
      '《党建引领聚合力 多方携手共发展》等党建引领产教融合、匠心筑梦、协同育人经验形成可复制、可示范、可推广的工作范式。',
    ],
  },
  {
    prefix: 'suzhou',
    noise: ['让支部“在一线行动'],
    hints: { title: '让支部“在一线行动、行动在一线”——苏州工业职业技术学院精密制造工程系党总支智能制造教工党支部' },
    sentences: [
      '一、聚焦 “铸魂引领”，实施“筑基”项目，夯实信念根基',
      '二、聚焦“智能制造”，实施“示范”项目，打造品牌先锋',
      '在学校高质量发展中彰显了基层党组织的政治引领功能和新担当新作为，发挥了示范和辐射作用。',
    ],
  },
];

const forbidden = ['当前位置', '发布时间', '点击数', '版权所有', 'ICP备', '责任编辑', '我要评论', '全部评论', '育人号推荐', '原文链接', '返回上页'];

describe('cleanArticleText on the corpus articles', () => {
  for (const article of articles) {
    describe(article.prefix, () => {
      const raw = readArticle(article.prefix);
      const result = cleanArticleText(raw);
      const lines = result.text.split('\n');

      it('removes the web-page noise', () => {
        for (const word of forbidden) expect(result.text).not.toContain(word);
        expect(lines.at(-1)).not.toMatch(/^(?:Baidu|map)$/);
        expect(lines.some((line) => /^图\s*\d/.test(line))).toBe(false);
      });

      it('keeps every body line, in order, only normalised (and a portal\'s name put back to its keyword)', () => {
        const expected = normalisedLines(raw)
          .filter((line) => !article.noise.some((start) => line.startsWith(start)))
          .map((line) => Object.entries(article.events ?? {}).find(([start]) => line.startsWith(start))?.[1] ?? line)
          .map((line) => line.replace('学生全国高校思想政治工作网素质', '学生思政素质').replace('党建、全国高校思想政治工作网工作', '党建、思政工作'));
        expect(lines).toEqual(expected);
        for (const sentence of article.sentences) expect(result.text).toContain(sentence);
      });

      it('reads the hints from the removed lines', () => {
        expect(result.hints).toEqual(article.hints);
      });

      it('separates paragraphs with single line breaks', () => {
        expect(result.text).not.toMatch(/\n\s*\n/);
        expect(result.text).toBe(result.text.trim());
        expect(lines.every((line) => line === line.trim())).toBe(true);
      });
    });
  }

  it('records what it removed and why', () => {
    const { removed } = cleanArticleText(readArticle('2022-02-24-jiaxing'));
    expect(removed).toContainEqual({ kind: 'breadcrumb', text: '首页 | 典型经验 | 党建统战 | 喜迎党代会 | 坚持党建引领 培养红船工匠 嘉兴职业技术学院高质...' });
    expect(removed).toContainEqual({ kind: 'editor', text: '责任编辑：王涛立' });
    expect(removed).toContainEqual({ kind: 'widget', text: 'Baidu' });
    expect(removed.find((entry) => entry.kind === 'title')?.text).toContain('嘉兴职业技术学院高质量打造新时代党建高地');
    const zhejiang = cleanArticleText(readArticle('2022-10-03-zhejiang')).removed;
    expect(zhejiang.filter((entry) => entry.kind === 'caption')).toHaveLength(1);
    expect(zhejiang.map((entry) => entry.kind)).toEqual(expect.arrayContaining(['meta', 'copyright', 'contact', 'title']));
  });
});

describe('cleanArticleText: a portal\'s name left in place of a keyword', () => {
  it('puts 思政 back where the portal linked it, and leaves the portal named as such alone', () => {
    const { text, removed } = cleanArticleText(
      ['入党申请人比例提高，学生全国高校思想政治工作网素质明显提高。', '把清廉文化融入学校党建、全国高校思想政治工作网工作和教育教学全过程。', '经验做法在全国高校思想政治工作网上刊登，被全国高校思想政治工作网报道。', '来源：全国高校思想政治工作网'].join('\n'),
      { keepFirstLine: true },
    );
    expect(text.split('\n')).toEqual(['入党申请人比例提高，学生思政素质明显提高。', '把清廉文化融入学校党建、思政工作和教育教学全过程。', '经验做法在全国高校思想政治工作网上刊登，被全国高校思想政治工作网报道。']);
    expect(removed.filter((entry) => entry.kind === 'keyword-link')).toHaveLength(2);
  });
});

describe('cleanArticleText: publish lines', () => {
  it('reads 发布日期 in Chinese date form and removes the line', () => {
    const result = cleanArticleText('某某大学召开党委理论学习中心组学习会\n发布日期：2023年5月8日  浏览次数：120\n5月6日上午，某某大学党委召开理论学习中心组学习会，深入学习党的二十大精神。');
    expect(result.hints.date).toBe('2023-05-08');
    expect(result.text).toBe('5月6日上午，某某大学党委召开理论学习中心组学习会，深入学习党的二十大精神。');
  });

  it.each([
    ['发布时间：2022/2/24', '2022-02-24'],
    ['发布时间：2022.02.24', '2022-02-24'],
    ['时间：2022-2-4 10:00', '2022-02-04'],
    ['【发布日期：2021年12月8日】【字号：大 中 小】【打印本页】【关闭窗口】', '2021-12-08'],
    ['2023-03-01 来源：学校党委宣传部', '2023-03-01'],
  ])('reads the date of %s', (line, date) => {
    const result = cleanArticleText(`某校召开党建工作会议\n${line}\n会议强调，要坚持党建引领，推动学校高质量发展，全体教职工参加会议并认真学习。`);
    expect(result.hints.date).toBe(date);
    expect(result.text).not.toContain(line.slice(0, 4));
  });

  it('leaves the author empty when the 作者 field is empty', () => {
    const result = cleanArticleText('标题\n作者： 时间：2022-10-03 点击数：\n正文第一段，内容较长，用来说明这是一篇文章的正文部分。');
    expect(result.hints.author).toBeUndefined();
    expect(result.hints.date).toBe('2022-10-03');
  });

  it('prefers 来源 over the copyright holder', () => {
    const result = cleanArticleText('标题\n来源：党委宣传部\n正文第一段，内容较长，用来说明这是一篇文章的正文部分。\n版权所有 © 2020 某某职业技术学院');
    expect(result.hints.source).toBe('党委宣传部');
  });

  it('reads the copyright holder even when the ICP number is glued to it', () => {
    const result = cleanArticleText('标题\n正文第一段，内容较长，用来说明这是一篇文章的正文部分。\n版权所有©某某大学党委宣传部浙ICP备05074421号 浙公网安备33010602000000号');
    expect(result.hints.source).toBe('某某大学党委宣传部');
  });

  it('falls back to the copyright holder for the source', () => {
    const result = cleanArticleText('标题\n正文第一段，内容较长，用来说明这是一篇文章的正文部分。\nCopyright © 2018-2023 某某职业技术学院 All Rights Reserved 浙ICP备12345678号');
    expect(result.hints.source).toBe('某某职业技术学院');
    expect(result.text).not.toContain('Copyright');
  });

  it('keeps body lines that merely contain a label-like word', () => {
    const body = [
      '本次活动的资金来源：学校专项经费和社会捐赠，共计二十万元，用于支持支部建设。',
      '时间：2023年5月8日下午，学校在图书馆报告厅召开党建工作推进会，全体党员参加会议。',
    ];
    const result = cleanArticleText(['标题', '正文第一段，内容较长，用来说明这是一篇文章的正文部分，并且足够长以算作正文。', ...body].join('\n'));
    for (const line of body) expect(result.text).toContain(line);
    expect(result.hints.date).toBeUndefined();
    expect(result.hints.source).toBeUndefined();
  });

  it('does not take a body event date as the publish date', () => {
    const result = cleanArticleText('标题\n2019年11月6日，自动化学院党总支赴中国共产党杭州历史馆开展主题教育活动，全体党员参加。');
    expect(result.hints.date).toBeUndefined();
  });
});

describe('cleanArticleText: breadcrumbs, footers and widgets', () => {
  it('removes breadcrumb and navigation lines', () => {
    const result = cleanArticleText(
      ['您现在的位置：首页 > 新闻中心 > 党建工作', '学校首页 » 党建思政 » 基层党建 » 正文', '标题', '正文第一段，内容较长，用来说明这是一篇文章的正文部分。'].join('\n'),
    );
    expect(result.hints.title).toBe('标题');
    expect(result.text).toBe('正文第一段，内容较长，用来说明这是一篇文章的正文部分。');
    expect(result.removed.filter((entry) => entry.kind === 'breadcrumb')).toHaveLength(2);
  });

  it('removes editor, comment, share and related lines and trailing widget words', () => {
    const body = '正文第一段，内容较长，用来说明这是一篇文章的正文部分。';
    const result = cleanArticleText(
      ['标题', body, '（责任编辑：张三）', '审核：李四', '分享到：微信 微博', '上一篇：某某新闻', '下一篇：某某新闻', '相关阅读', '某校开展主题党日', '某院召开专题会', 'Baidu', 'map', 'https://example.edu.cn/a.html'].join('\n'),
    );
    expect(result.text).toBe(body);
    expect(result.hints.url).toBe('https://example.edu.cn/a.html');
  });

  it('keeps a lone English word inside the body', () => {
    const body = ['正文第一段，内容较长，用来说明这是一篇文章的正文部分。', 'Python', '正文第二段，内容较长，用来说明这是一篇文章的正文部分。'];
    expect(cleanArticleText(['标题', ...body].join('\n')).text).toBe(body.join('\n'));
  });

  it('removes figure captions of several spellings', () => {
    const body = '图书馆党支部开展主题党日活动，组织党员参观红色教育基地，重温入党誓词。';
    const result = cleanArticleText(['标题', body, '图1 党员参观红色基地', '图一：重温入党誓词', '图为活动现场'].join('\n'));
    expect(result.text).toBe(body);
  });

  it('keeps the event a dated caption records, as a sentence without its figure label', () => {
    const body = '图书馆党支部开展主题党日活动，组织党员参观红色教育基地，重温入党誓词。';
    const lines = ['标题', body, '图 2 2021 年 11 月 2 日,党总支与供电段党委共建党建基地签约仪式举行', '（图为6月28日，党员重温入党誓词）', '图3 党员参观红色基地'];
    const result = cleanArticleText(lines.join('\n'));
    expect(result.text.split('\n')).toEqual([body, '2021年11月2日，党总支与供电段党委共建党建基地签约仪式举行。', '6月28日，党员重温入党誓词。']);
    expect(result.removed).toEqual([{ kind: 'caption', text: '图3 党员参观红色基地' }, { kind: 'title', text: '标题' }]);
  });

  it('reads 原文链接 into hints.url', () => {
    const result = cleanArticleText('标题\n正文第一段，内容较长，用来说明这是一篇文章的正文部分。\n原文链接：https://example.com/news/1.html');
    expect(result.hints.url).toBe('https://example.com/news/1.html');
    expect(result.text).not.toContain('原文链接');
  });
});

describe('cleanArticleText: datelines', () => {
  it.each([
    ['中国教育报客户端讯（通讯员 徐兵 陈晓 吴金龙）台州科技职业学院机电与模具工程学院党总支本着宗旨，开展工作。', '中国教育报客户端', '徐兵 陈晓 吴金龙'],
    ['本报讯（记者 张三 通讯员 李四）近日，某某大学党委召开会议，部署主题教育工作。', undefined, '张三 李四'],
    ['新华社北京10月3日电（记者王五）某某大学近日举行开学典礼，全体新生参加。', '新华社', '王五'],
    ['四川新闻网成都8月9日讯（记者 张宇）8月8日，四川省社会体育指导中心党总支开展主题党日活动。', '四川新闻网', '张宇'],
    ['中新网新疆新闻8月8日电（张瑜 林杨）为进一步弘扬文明新风，乌苏市各乡镇开展志愿服务。', '中新网', '张瑜 林杨'],
  ])('reads the outlet and reporters of %s', (lead, source, author) => {
    const result = cleanArticleText(lead);
    expect(result.text).toBe(lead);
    expect(result.hints.source).toBe(source);
    expect(result.hints.author).toBe(author);
    expect(result.hints.title).toBeUndefined();
  });
});

describe('cleanArticleText: titles', () => {
  it('does not invent a title when the text starts with a paragraph', () => {
    const text = '近日，学校召开党建工作会议。\n会议强调，要坚持党建引领。';
    const result = cleanArticleText(text);
    expect(result.hints.title).toBeUndefined();
    expect(result.text).toBe(text);
  });

  it('does not take a section heading for the title', () => {
    const text = '一、实施背景\n学校党委坚持以政治建设为统领，推动学校高质量发展。';
    expect(cleanArticleText(text).hints.title).toBeUndefined();
  });

  it('does not take a lone line for the title', () => {
    expect(cleanArticleText('只有一行').hints.title).toBeUndefined();
    expect(cleanArticleText('只有一行').text).toBe('只有一行');
  });

  it('keeps the first line when asked to (the title is stated elsewhere)', () => {
    const text = '学校召开党建工作会议\n会议强调，要坚持党建引领，推动学校高质量发展。';
    const result = cleanArticleText(`当前位置：首页 > 新闻\n${text}`, { keepFirstLine: true });
    expect(result.text).toBe(text);
    expect(result.hints.title).toBeUndefined();
  });

  it('takes the line after a breadcrumb that ends with the truncated title', () => {
    const title = '坚持党建引领 培养红船工匠 某某职业技术学院高质量打造新时代党建高地 深入实施铸魂育人工程并取得显著成效 相关经验做法得到上级领导的高度肯定和社会各界的广泛好评与持续关注';
    const result = cleanArticleText(`首页 | 新闻 | 党建 | ${title.slice(0, 20)}...\n${title}\n正文第一段，内容较长，用来说明这是一篇文章的正文部分。`);
    expect(title.length).toBeGreaterThan(80);
    expect(result.hints.title).toBe(title);
  });
});

describe('cleanArticleText: robustness', () => {
  it('handles empty and garbage input', () => {
    expect(cleanArticleText('')).toEqual({ text: '', hints: {}, removed: [] });
    const garbage = Array.from({ length: 20_000 }, (_, index) => String.fromCharCode((index * 40503) % 65536)).join('');
    expect(() => cleanArticleText(garbage)).not.toThrow();
  });

  it('handles a 1 MB single line and many short noise-like lines', () => {
    const line = '来源：某某 作者：某某 发布时间：2022-02-24 '.repeat(40_000);
    expect(line.length).toBeGreaterThan(1_000_000);
    expect(cleanArticleText(line).text.length).toBeGreaterThan(1_000_000);
    const lines = Array.from({ length: 20_000 }, (_, index) => (index % 2 ? '首页 > 新闻 > 党建' : `图${index % 10} 说明`)).join('\n');
    expect(cleanArticleText(lines).text).toBe('');
  });
});

describe('findDate', () => {
  it.each([
    ['2022-02-24 09:17:32', '2022-02-24'],
    ['2022/2/24', '2022-02-24'],
    ['2022.02.24', '2022-02-24'],
    ['2022年2月4日', '2022-02-04'],
    ['2023年5月', '2023-05'],
    ['2022-13-01', ''],
    ['2022-02-30', ''],
    ['版权所有 2010-2017', ''],
    ['', ''],
  ])('%s → %s', (text, date) => {
    expect(findDate(text)).toBe(date);
  });
});

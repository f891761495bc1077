import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ArticleMetadata } from '../../core/documents.ts';
import { cleanArticleText } from '../../core/text/clean.ts';
import { extractMetadata } from '../../core/text/metadata.ts';

const corpusDirectory = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../corpus');

function metadataOf(prefix: string, given: Partial<ArticleMetadata> = {}): ArticleMetadata {
  const name = fs.readdirSync(corpusDirectory).find((file) => file.startsWith(prefix));
  if (!name) throw new Error(`no corpus file starting with ${prefix}`);
  const { text, hints } = cleanArticleText(fs.readFileSync(path.join(corpusDirectory, name), 'utf8'));
  return extractMetadata({ text, hints, given });
}

/** Cleans and extracts a synthetic article. */
function metadataOfText(raw: string, given: Partial<ArticleMetadata> = {}): ArticleMetadata {
  const { text, hints } = cleanArticleText(raw);
  return extractMetadata({ text, hints, given });
}

describe('extractMetadata on the corpus articles', () => {
  const table: [string, ArticleMetadata][] = [
    [
      '2022-10-03-zhejiang',
      {
        college: '浙江机电职业技术学院',
        unit: '自动化学院党总支',
        date: '2022-10-03',
        title: '迎盛会 创标杆丨自动化学院党总支顺利通过浙江省首批全省高校党建“双创”党建工作标杆院系验收',
        source: '浙江机电职业技术学院自动化学院',
        author: '',
        url: '',
      },
    ],
    [
      '2022-02-24-jiaxing',
      {
        college: '嘉兴职业技术学院',
        unit: '学校党委',
        date: '2022-02-24',
        title: '喜迎党代会 | 坚持党建引领 培养红船工匠 嘉兴职业技术学院高质量打造新时代党建高地',
        source: '嘉兴职业技术学院',
        author: '付梦婕 俞佩忠',
        url: '',
      },
    ],
    [
      '2023-10-20-hunan',
      {
        college: '湖南电气职业技术学院',
        unit: '风能工程学院教工党支部',
        date: '2023-10-20',
        title: '对标“七个有力”，赋能党建与事业高水平发展——湖南电气职业技术学院风能工程学院教工党支部',
        source: '',
        author: '',
        url: '',
      },
    ],
    [
      'taizhou',
      {
        college: '台州科技职业学院',
        unit: '机电与模具工程学院党总支',
        date: '',
        title: '',
        source: '中国教育报客户端',
        author: '徐兵 陈晓 吴金龙',
        url: 'https://share.app3.jyb.cn/news_d/215e31ffad34e4b5681703bf5e75fce3?from=VjZDc29lWmRlREZnUWRtcXVVam1CSEp4WThtNGUrS0wrU0FZV3lrSkhoL2RjcWZIdU9MUFQ2eDNnTG9janhDbw==',
      },
    ],
    [
      'suzhou',
      {
        college: '苏州工业职业技术学院',
        unit: '精密制造工程系党总支智能制造教工党支部',
        date: '',
        title: '让支部“在一线行动、行动在一线”——苏州工业职业技术学院精密制造工程系党总支智能制造教工党支部',
        source: '',
        author: '',
        url: '',
      },
    ],
  ];

  it.each(table)('%s', (prefix, expected) => {
    expect(metadataOf(prefix)).toEqual(expected);
  });
});

describe('extractMetadata: precedence', () => {
  it('drops non-characters from given values (they skip normalisation)', () => {
    const metadata = metadataOf('', { title: '\uFFFE党建\uFFFF引领\u{10FFFF}', college: '嘉兴职业技术学院\uFDD0' });
    expect(metadata).toMatchObject({ title: '党建引领', college: '嘉兴职业技术学院' });
  });

  it('prefers given values over hints and hints over extraction', () => {
    const text = '近日，嘉兴职业技术学院党委召开专题会议，研究部署党建工作。';
    const hints = { title: '提示标题', source: '提示来源', college: '提示学院' };
    const given = { title: '给定标题', unit: '给定单位', date: '2024/3/5' };
    expect(extractMetadata({ text, hints, given })).toEqual({
      title: '给定标题',
      college: '提示学院',
      unit: '给定单位',
      date: '2024-03-05',
      source: '提示来源',
      author: '',
      url: '',
    });
  });

  it('ignores blank given values', () => {
    const metadata = extractMetadata({ text: '近日，嘉兴职业技术学院党委召开专题会议，研究部署党建工作。', hints: { title: '提示标题' }, given: { title: '  ', college: '' } });
    expect(metadata.title).toBe('提示标题');
    expect(metadata.college).toBe('嘉兴职业技术学院');
    expect(metadata.unit).toBe('学校党委');
  });

  it('keeps a given date it cannot parse as it is', () => {
    expect(extractMetadata({ text: '', hints: {}, given: { date: '2024' } }).date).toBe('2024');
  });
});

describe('extractMetadata: college and unit of other articles', () => {
  it('reads a university school party committee', () => {
    const metadata = metadataOfText(
      [
        '北京师范大学马克思主义学院党委：以高质量党建引领学科建设',
        '发布日期：2023年5月8日',
        '近日，北京师范大学马克思主义学院党委召开理论学习中心组学习会，学院党委书记主持会议并讲话。',
        '会议强调，学院党委要坚持以习近平新时代中国特色社会主义思想为指导，推动党建与学科建设深度融合。',
      ].join('\n'),
    );
    expect(metadata.college).toBe('北京师范大学');
    expect(metadata.unit).toBe('马克思主义学院党委');
    expect(metadata.date).toBe('2023-05-08');
  });

  it('returns no college when the article names none', () => {
    const metadata = metadataOfText(
      '阳光社区党支部开展主题党日活动\n近日，阳光社区党支部组织党员开展主题党日活动，重温入党誓词，学习党的二十大精神。\n活动中，党员们纷纷表示要立足岗位作贡献。',
    );
    expect(metadata.college).toBe('');
    expect(metadata.unit).toBe('阳光社区党支部');
  });

  it('returns nothing at all for an article about no organisation', () => {
    const metadata = metadataOfText('春天来了\n春天来了，花开了，草绿了，小朋友们在公园里放风筝，玩得非常开心。');
    expect(metadata).toEqual({ title: '春天来了', college: '', unit: '', date: '', source: '', author: '', url: '' });
  });

  it('lets the subject win over colleges and units mentioned in passing', () => {
    const metadata = metadataOfText(
      [
        '近日，嘉兴职业技术学院城市建设学院党总支与阿克苏职业技术学院机电工程学院党总支签订结对共建协议。',
        '城市建设学院党总支书记介绍了支部建设经验，双方围绕专业共建、师资互派等进行了交流。',
        '此前，该党总支已与新疆理工学院、青海柴达木职业技术学院等院校开展合作，现代农业学院党总支也参与其中。',
        '城市建设学院党总支表示，将以共建为契机，推动东西部协作走深走实。',
      ].join('\n'),
    );
    expect(metadata.college).toBe('嘉兴职业技术学院');
    expect(metadata.unit).toBe('城市建设学院党总支');
  });

  it('counts abbreviations for their full name but only outputs the full name', () => {
    const metadata = metadataOfText(
      [
        '近日，浙江工业职业技术学院专家来校调研交流，双方就专业建设进行了座谈。',
        '嘉职院党委书记在座谈会上介绍了学校党建工作情况，嘉职院将进一步深化合作。',
        '嘉兴职业技术学院始终坚持以高质量党建引领学校高质量发展，嘉职院党委扎实推进党建工作。',
        '嘉职院各级党组织积极行动，形成了一批党建工作品牌。',
      ].join('\n'),
    );
    expect(metadata.college).toBe('嘉兴职业技术学院');
    expect(metadata.unit).toBe('学校党委');
  });

  it('recognises an X学院 college when X is a place, but not a school inside a college', () => {
    const subject = metadataOfText('新疆理工学院机电学院党总支开展主题党日活动\n近日，新疆理工学院机电学院党总支组织全体党员赴红色教育基地开展主题党日活动。');
    expect(subject.college).toBe('新疆理工学院');
    expect(subject.unit).toBe('机电学院党总支');
    const unitOnly = metadataOfText('自动化学院党总支开展主题党日活动\n近日，自动化学院党总支组织全体党员开展主题党日活动，现代农业学院师生参加。');
    expect(unitOnly.college).toBe('');
    expect(unitOnly.unit).toBe('自动化学院党总支');
  });

  it('reads a unit the college refers to as 我校, and does not let 学校党委 in passing win', () => {
    const metadata = metadataOfText(
      [
        '市场营销系党支部：党建引领专业建设',
        '近日，我校市场营销系党支部开展“党建+专业”主题党日活动，支部全体党员参加。',
        '在学校党委的坚强领导下，支部坚持把党建工作与专业建设紧密结合。',
        '学校党委高度重视基层党支部建设，多次到支部调研指导。',
      ].join('\n'),
    );
    expect(metadata.college).toBe('');
    expect(metadata.unit).toBe('市场营销系党支部');
  });

  it('does not report a college named once in passing', () => {
    const metadata = metadataOfText(
      [
        '近日，阳光社区党支部组织党员开展志愿服务活动，清理小区环境卫生。',
        '活动中，党员们分工协作，清理了楼道杂物和绿化带垃圾。',
        '居民们纷纷为党员志愿者点赞，表示小区环境焕然一新。',
        '此外，来自浙江大学的两名大学生志愿者也参与了此次活动。',
      ].join('\n'),
    );
    expect(metadata.college).toBe('');
    expect(metadata.unit).toBe('阳光社区党支部');
  });

  it('reads a college name behind a verb or preposition', () => {
    expect(metadataOfText('7月11日，安徽省六安市中级人民法院对安徽财经大学原副校长张某受贿案作出一审判决。').college).toBe('安徽财经大学');
    expect(metadataOfText('公开简历显示，肖某历任上海大学教师、副教授等职。').college).toBe('上海大学');
    expect(metadataOfText('近日，对外经济贸易大学党委召开专题会议。').college).toBe('对外经济贸易大学');
  });

  it('reads a unit whose 党委 is followed by a verb like 组织', () => {
    const metadata = metadataOfText('7月16日以来，云南农业大学植物保护学院党委组织党员教师带队，分批次到10余个县开展科技支农活动。');
    expect(metadata.college).toBe('云南农业大学');
    expect(metadata.unit).toBe('植物保护学院党委');
  });

  it('finds a sub-unit written after the college when no party organisation is named', () => {
    const metadata = metadataOfText('近日，温州大学继续教育学院举办专题培训班，来自全省的80余名学员参加培训。\n培训内容涵盖党的创新理论和业务知识。');
    expect(metadata.college).toBe('温州大学');
    expect(metadata.unit).toBe('继续教育学院');
  });

  it('cuts verbs, pronouns and numerals off a college name that does not open with a place', () => {
    expect(metadataOfText('为什么要选择人民大学？\n学生们纷纷表示，在人民大学的学习让他们受益匪浅。').college).toBe('人民大学');
    expect(metadataOfText('2023届毕业生中，多名毕业生直接进入康奈尔大学深造。\n康奈尔大学是他们的首选。').college).toBe('康奈尔大学');
    expect(metadataOfText('学校充分利用人民大学的学科优势，开设系列讲座。\n讲座面向全体师生。').college).toBe('人民大学');
    // 省内大学 (优先聘用省内大学毕业生): colleges of a province, no name.
    expect(metadataOfText('复工复产后优先聘用省内大学毕业生。\n省内大学毕业生可享受补贴。').college).toBe('');
    // Names jieba cuts with a verb or an adverb in them, or before a word it knows, stay whole.
    for (const name of ['国家开放大学', '首尔大学', '莫斯科国立大学', '空军军医大学']) expect(metadataOfText(`${name}代表团来访。\n${name}与我校签约。`).college).toBe(name);
    // 省内 describes only as the prefix's start: 四川省|内江 is a place, then a name.
    expect(metadataOfText('四川省内江师范学院召开会议。').college).toBe('四川省内江师范学院');
    // 同年入|大学, 多|国大学: no name is left.
    expect(metadataOfText('他同年入大学学习。\n多国大学代表参会。').college).toBe('');
  });

  it('does not read an alliance of colleges as a college', () => {
    const text = '学校发起组建“建构中国自主的知识体系大学联盟”，着力打造高端交流平台。\n目前知识体系大学联盟成员单位达60家。';
    expect(metadataOfText(text).college).toBe('');
  });

  it('reads the college from the publisher when the text only names the unit', () => {
    const metadata = extractMetadata({ text: '日前，自动化学院党总支顺利通过验收。', hints: { source: '浙江机电职业技术学院自动化学院' }, given: {} });
    expect(metadata.college).toBe('浙江机电职业技术学院');
    expect(metadata.unit).toBe('自动化学院党总支');
  });
});

describe('extractMetadata: date and url', () => {
  it('does not take an event date from the body', () => {
    const metadata = metadataOfText('标题\n2019年11月6日，自动化学院党总支赴杭州历史馆开展主题教育活动。\n2021年12月8日，签约仪式顺利举行。');
    expect(metadata.date).toBe('');
  });

  it('reads a publication date stated at the top', () => {
    expect(extractMetadata({ text: '2023年5月8日\n近日，学校召开党建工作会议。', hints: {}, given: {} }).date).toBe('2023-05-08');
    expect(extractMetadata({ text: '发布日期：2023.5.8\n近日，学校召开党建工作会议。', hints: {}, given: {} }).date).toBe('2023-05-08');
    expect(metadataOfText('某校召开党建工作会议\n2023-05-08 10:20\n近日，学校召开党建工作会议，全体中层干部参加会议，会议由党委书记主持。').date).toBe('2023-05-08');
  });

  it('reads 原文链接 from the text', () => {
    const metadata = extractMetadata({ text: '正文。\n原文链接：https://example.com/a.html', hints: {}, given: {} });
    expect(metadata.url).toBe('https://example.com/a.html');
  });
});

describe('extractMetadata: robustness', () => {
  it('handles empty and huge input', () => {
    expect(extractMetadata({ text: '', hints: {}, given: {} })).toEqual({ title: '', college: '', unit: '', date: '', source: '', author: '', url: '' });
    const huge = '嘉兴职业技术学院自动化学院党总支'.repeat(60_000) + '学院'.repeat(100_000);
    expect(extractMetadata({ text: huge, hints: {}, given: {} }).college).toBe('嘉兴职业技术学院');
  });
});

/**
 * Practice extraction on sentences of each pattern it knows, and on the phrases that must never
 * become practices: ideas and slogans, national formulas, honours, problems, titles in 《》,
 * emphasis, lists of examples, and articles that are not about party building at all.
 */
import { describe, expect, it } from 'vitest';
import { extractPractices, isPartyArticle, type ExtractedPractice } from '../../core/practices/extract.ts';
import { plainName, practiceKey } from '../../core/practices/names.ts';

/** A first line that makes any text a party-building article (three party words). */
const lead = '学院党委坚持党建引领，各党支部组织党员积极参与。';

function extract(body: string, headings: { start: number; end: number }[] = []): { text: string; practices: ExtractedPractice[] } {
  const text = `${lead}\n${body}`;
  const shifted = headings.map((heading) => ({ start: heading.start + lead.length + 1, end: heading.end + lead.length + 1 }));
  const practices = extractPractices({ text, headings: shifted });
  // Every field is an exact span of the text.
  for (const practice of practices) {
    for (const field of [practice.name, practice.description, practice.verb, practice.heading, ...practice.components, ...practice.outcomes]) {
      if (field) expect(text.slice(field.start, field.end)).toBe(field.text);
    }
  }
  return { text, practices };
}

function names(body: string): string[] {
  return extract(body).practices.map((practice) => practice.name.text);
}

describe('names with the words around them', () => {
  it('takes a quoted name with its verb and head word', () => {
    const [practice] = extract('支部实施“三亮三比”工程，落实管理和监督党员有力。').practices;
    expect(practice?.name.text).toBe('“三亮三比”工程');
    expect(practice?.verb?.text).toBe('实施');
  });

  it('keeps the qualifier in front of the quotation', () => {
    expect(names('嘉职院实施政治素质“首关制”，将政治素质作为干部提任、职称评聘的前置条件。')).toEqual(['政治素质“首关制”']);
    expect(names('建立起新教师培养“四双”机制，促使青年教师加快成长。')).toEqual(['新教师培养“四双”机制']);
    expect(names('积极开展党员“三服务”行动，助力小微企业迭代升级。')).toEqual(['党员“三服务”行动']);
  });

  it('leaves the organisation, an adverb or the last item of a list out of the name', () => {
    expect(names('花桥坝边境检查站“三抓三提”推进党小组建设。')).toEqual(['“三抓三提”']);
    expect(names('推进社区党建、“两新”党建、区域单位党建“三建融合”。')).toEqual(['“三建融合”']);
  });

  it('reads a head word that follows after 的 or a long qualifier of its own', () => {
    expect(names('建立起合作企业与学生“双向互选”的实践教学体系。')).toEqual(['“双向互选”的实践教学体系']);
    expect(names('开展“风能蒲公英”党员志愿服务活动，服务社区群众。')).toEqual(['“风能蒲公英”党员志愿服务活动']);
  });

  it('reads a name its sentence calls an instrument (以“X”为抓手)', () => {
    expect(names('以“教学质量提升年”活动为抓手，加快推进教学科研工作。')).toEqual(['“教学质量提升年”活动']);
    expect(names('开展以“青锋赛”为主题的岗位建功活动，组织青年职工上岗再培训。')).toEqual(['“青锋赛”']);
  });

  it('reads a numbered programme without a head word', () => {
    expect(names('支部着力推进“三室一岗”建设，带领党员亮身份。')).toEqual(['“三室一岗”建设']);
    expect(names('固定每月第四周周四为“风能党员活动日”，动态更新团队成员的状态。')).toEqual(['“风能党员活动日”']);
  });

  it('finds unquoted practices with a party word and the idioms of the field', () => {
    expect(names('党总支与杭州供电段党委共建校企协同党建基地，融合党建资源。')).toEqual(['校企协同党建基地']);
    expect(names('坚持把支部建在专业群上，在9个专业群上设置了24个师生党支部。')).toEqual(['把支部建在专业群上']);
    expect(names('推进清廉文化进校园，拓展清廉文化的宣传阵地。')).toEqual(['清廉文化进校园']);
  });
});

describe('runs of quotations', () => {
  it('makes each item of a counted run a practice (五大工程)', () => {
    expect(names('实施“四个一”“三亮三比”“三服务”三大工程，赋能学院事业发展。')).toEqual(['“四个一”', '“三亮三比”', '“三服务”']);
  });

  it('makes items sharing a head word practices, each keeping its own qualifier (等10个项目)', () => {
    expect(names('启动“楼委共智汇”、人才服务专线“精英汇”、创业就业“筑梦汇”等3个项目，激发各类群体参与治理。')).toEqual(['“楼委共智汇”', '人才服务专线“精英汇”', '创业就业“筑梦汇”']);
  });

  it('makes a run before a singular head one practice whose parts are the items (工作法, 评选)', () => {
    const [practice, ...rest] = extract('创新实行“常规+创新”“稳定+关爱”“基础+特色”工作法，推动党建与业务工作深度融合。').practices;
    expect(rest).toEqual([]);
    expect(practice?.name.text).toBe('“常规+创新”“稳定+关爱”“基础+特色”工作法');
    expect(practice?.components.map((part) => part.text)).toEqual(['常规+创新', '稳定+关爱', '基础+特色']);
  });

  it('reads an enumeration inside one quotation as the parts of the practice it counts', () => {
    const { practices } = extract('实施“红船领航、精英引航、赋能续航、制度护航”四大工程，大力引育博士、教授。');
    expect(practices).toHaveLength(1);
    expect(practices[0]!.components.map((part) => part.text)).toEqual(['红船领航', '精英引航', '赋能续航', '制度护航']);
  });

  it('treats items listed right after a counted name as its parts, not practices', () => {
    const { practices } = extract('抓“五大计划”，强化干部教师素养。实施“强基”“提优”“攀登”“登峰”培育计划和“青年培优计划”，助推教师综合素质全面提升。');
    expect(practices.map((practice) => practice.name.text)).toEqual(['“五大计划”']);
    expect(practices[0]!.components.map((part) => part.text)).toEqual(['强基', '提优', '攀登', '登峰', '青年培优计划']);
  });

  it('reads parallel numbered phrases as one practice in parts', () => {
    const { practices } = extract('坚持“三课”强基、“四径”培元、“五制”育新，积极探索中国特色学徒制育人模式。');
    expect(practices.map((practice) => practice.name.text)).toEqual(['“三课”强基、“四径”培元、“五制”育新']);
    expect(practices[0]!.components).toHaveLength(3);
  });
});

describe('fields', () => {
  it('takes the parts an article enumerates after the name (即…, 一是…二是…)', () => {
    const first = extract('支部推行“三亮”工程，即亮身份、亮职责、亮承诺，引导党员发挥作用。').practices[0]!;
    expect(first.components.map((part) => part.text)).toEqual(['亮身份', '亮职责', '亮承诺']);
    const heading = '1.实施“四个一”工程，落实教育党员有力';
    const body = `${heading}\n坚持以政治建设为统领。一是每位党员每月听取群众意见。二是每位党员每月阅读理论书籍。三是每位党员每月参加志愿者活动。`;
    const second = extract(body, [{ start: 0, end: heading.length }]).practices[0]!;
    expect(second.components.map((part) => part.text)).toEqual(['每位党员每月听取群众意见', '每位党员每月阅读理论书籍', '每位党员每月参加志愿者活动']);
    expect(second.heading?.text).toBe(heading);
    // A heading alone says little: the description is the sentence after it.
    expect(second.description.text).toBe('坚持以政治建设为统领。');
  });

  it('takes outcome sentences (figures, honours) that follow it in its paragraph, up to the next practice', () => {
    const { practices } = extract('实施政治素质“首关制”。出台考察办法，实行一票否决。近两年已累计开展700多人次的考察，取消了5名人员的申报资格。实施职称评聘“替代制”。2021年有5名教师成功直聘高一级职称。');
    expect(practices.map((practice) => practice.name.text)).toEqual(['政治素质“首关制”', '职称评聘“替代制”']);
    expect(practices[0]!.outcomes.map((outcome) => outcome.text)).toEqual(['近两年已累计开展700多人次的考察，取消了5名人员的申报资格。']);
    expect(practices[1]!.outcomes.map((outcome) => outcome.text)).toEqual(['2021年有5名教师成功直聘高一级职称。']);
  });

  it('names one practice once per article, under the mention that names it in full', () => {
    const { practices } = extract('以“立示范，树标杆”为基点，强堡垒，树先锋。大力推进“立示范，树标杆”党建品牌建设。坚持“红色物业”，打造“红色物业”示范点，深化“红色物业”品牌建设。');
    expect(practices.map((practice) => practice.name.text)).toEqual(['“立示范，树标杆”党建品牌建设', '“红色物业”示范点']);
    const { practices: again } = extract('实施“三亮三比”工程。深化“三亮三比”，亮身份。');
    expect(again).toHaveLength(1);
  });

  it('assigns categories from the words of the name, its parts and its description', () => {
    const category = (body: string): string => extract(body).practices[0]!.category;
    expect(category('开展“风能蒲公英”党员志愿服务活动，与社会福利院对接，关爱残疾人。')).toBe('志愿服务与社会服务');
    expect(category('构建“三领域、六平台、五精准”校企协同实践育人新体系，联合企业共建实训基地。')).toBe('校企合作与产教融合');
    expect(category('推进“廉风洁雨”建设，组织党员走访廉洁基地，开展廉洁文化周活动。')).toBe('全面从严治党与廉洁文化');
  });
});

describe('what is not a practice', () => {
  it.each([
    ['a problem', '聚焦人才评价的“五唯”积弊，全面实施教师评价机制改革。'],
    ['an idea with 理念', '秉持“红船铸魂、双元强能、求真创新、报效祖国”的办学理念，坚持立德树人。'],
    ['an idea with 为…理念', '以“党建统领、全员参与、全程贯穿”为工作理念，推进改革。'],
    ['national formulas', '牢固树立“四个意识”，坚定“四个自信”，坚决做到“两个维护”，落实“第一议题”制度。'],
    ['a document title', '出台《高质量推进“三全育人”综合改革行动方案》等制度。'],
    ['emphasis', '牢牢牵住人才培养方案“牛鼻子”，打通服务的“最后一米”。'],
    ['a metaphor', '着力锻造素质过硬的“红船铁军”，建设牢不可破的“红船堡垒”。'],
    ['an honour', '学院党总支获浙江省高校党建“双百示范”首批党建特色品牌。'],
    ['a team that was honoured', '“机电一体化教学团队”获得了国家级职业教育教师教学创新团队称号。'],
    ['a goal', '打造九里亭“三全六治、九里同心”的美好家园共同体。'],
    ['examples of an activity list', '举办“红色故事大赛”“七个一红色阅读节”、红歌比赛等系列活动。'],
    ['a requirement', '落实市气象局党组提出的加强党建“三联三动”和“三问三考”工作要求。'],
    ['a quoted slogan without a head', '推动落实“资源向网格倾斜、力量向网格下沉、服务向网格延伸”。'],
    ['a quoted problem in full', '引导教职工克服“三心不强十种表现”。'],
  ])('%s', (_label, body) => {
    expect(names(body)).toEqual([]);
  });

  it('looks at nothing in an article that is not about party building', () => {
    const text = '某公司推出“智慧零售”项目，实施“数字化转型”工程，打造“城市大脑”平台。';
    expect(isPartyArticle(text)).toBe(false);
    expect(extractPractices({ text, headings: [] })).toEqual([]);
  });
});

describe('names compared', () => {
  it('ignores quotation marks, punctuation and the trailing head word', () => {
    expect(practiceKey('“三亮三比”工程')).toBe(practiceKey('三亮三比'));
    expect(practiceKey('政治素质“首关制”')).toBe('政治素质首关');
    expect(practiceKey('“党建引领+积分制”模式')).toBe(practiceKey('党建引领+积分制'));
    expect(plainName('“党建＋企服”')).toBe('党建+企服');
    // A head word is kept when nothing would be left.
    expect(practiceKey('工程')).toBe('工程');
  });
});

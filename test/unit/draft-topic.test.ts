/**
 * A drafting request's topic: the request without its wording, its sections, and what it says of
 * the draft's use.
 */
import { describe, expect, it } from 'vitest';
import { compareSearch, leftOutText, draftSectionsLeftOut, framingClause, draftPointingBack, draftPracticeCount, draftSearch, draftTopic, withoutUsageNote } from '../../core/answer/compose-summary.ts';

describe('a drafting request', () => {
  const table: [string, string][] = [
    ['整理一份嘉职院加强教师队伍建设的经验材料，支部学习会上用', '整理一份嘉职院加强教师队伍建设的经验材料'],
    ['写一份湖南电气风能学院教工支部的经验材料，用于党课', '写一份湖南电气风能学院教工支部的经验材料'],
    ['写一份校企合作的会议材料，下周开会时要用', '写一份校企合作的会议材料'],
    ['写一份校企合作的会议材料，供支部学习参考', '写一份校企合作的会议材料'],
    // …交流用, …汇报用: a meeting's use too.
    ['干部队伍和年轻干部培养方面写个材料，周四中心组学习交流用', '干部队伍和年轻干部培养方面写个材料'],
    ['帮我写个材料：党组织在干部提任、职称评聘中的政治把关作用，下周党委会交流用', '帮我写个材料：党组织在干部提任、职称评聘中的政治把关作用'],
    // A clause about the topic stays (应用 is no use of the draft).
    ['写一份党建引领的材料，突出信息技术应用', '写一份党建引领的材料，突出信息技术应用'],
    ['写一份党建引领产教融合的会议材料', '写一份党建引领产教融合的会议材料'],
  ];
  it.each(table)('%s → %s', (request, searched) => {
    expect(withoutUsageNote(request)).toBe(searched);
  });

  it('leaves out the sections it lists and an occasion that says no topic', () => {
    expect(draftTopic('写一份党建引领人才培养的会议材料，分背景、主要做法、成效、启示')).toBe('党建引领人才培养');
    expect(draftTopic('嘉职院党建经验总结一下，要背景、做法、成效、启示')).toBe('嘉职院党建');
    expect(draftTopic('下周支委会要学习，整理一份教师思想政治和师德建设方面的会议材料')).toBe('教师思想政治和师德建设');
    // Whom a draft is for is its topic when the writing names nothing else, else only its audience;
    // what to draw on (照着…的真实经验) is a basis.
    expect(draftTopic('给我们后勤党支部写一份会议材料')).toBe('后勤党支部');
    expect(draftTopic('参照台州的真实做法，给我们后勤党支部写一份会议材料')).toBe('台州，后勤党支部');
    expect(draftTopic('参照台州科院的做法，给我们机电学院教工党支部写一份校企合作的会议材料')).toBe('台州科院，校企合作');
    expect(draftTopic('照着苏州支部的真实经验，给学校图书馆和档案馆党支部起草会议材料')).toBe('苏州支部，图书馆和档案馆党支部');
    expect(draftTopic('给新任支部书记写一份党员教育管理的培训材料')).toBe('党员教育管理');
    // A wish to learn from peers at large (借鉴兄弟院校经验) names nothing to draw on.
    expect(draftTopic('借鉴兄弟院校经验，写一份校企合作的会议材料')).toBe('校企合作');
    expect(draftTopic('参考兄弟院校的做法，写一份校企合作的会议材料')).toBe('校企合作');
    // A usage note (…，给支部书记学习用) is still no topic.
    expect(draftTopic('写一份清廉文化建设的会议材料，给支部书记学习用')).toBe('清廉文化建设');
    // Nor a meeting named by its kind (中心组学习会, 组织生活会, 组织员座谈会).
    expect(draftTopic('党委要开中心组学习会，帮我整理一份党建引领产教融合的会议材料')).toBe('党建引领产教融合');
    expect(draftTopic('支部要开组织生活会，帮忙整理一份党员志愿服务的会议材料')).toBe('党员志愿服务');
    // A use, as a clause of its own (支部书记培训用), says no topic either.
    expect(draftTopic('支部书记培训用，整理一份嘉职院清廉文化建设的会议材料')).toBe('嘉职院清廉文化建设');
    // An occasion that says its topic keeps it; a clause that stresses something stays.
    expect(draftTopic('下周党委理论学习中心组要交流乡村振兴，帮我写个材料')).toBe('乡村振兴');
    // A clause saying the topic is a meeting's study (主题是主题党日学习, 重点是中心组学习) is the topic.
    expect(draftTopic('写一份材料，主题是主题党日学习')).not.toContain('材料');
    expect(draftTopic('整理一份材料，重点是中心组学习')).toContain('中心组学习');
    expect(draftTopic('写一份校企合作的会议材料，支部会上用')).toBe('校企合作');
    // The asking clause may hold what the draft draws on; the occasion then says the topic.
    expect(draftTopic('下周党委中心组要交流党史学习教育，帮我以嘉职院为例起草一份会议材料，背景、主要做法、成效、启示都要有')).toBe('嘉职院，党史学习教育');
    // A meeting to be held names the topic; what the request then hands over says it again.
    expect(draftTopic('组织部要开党员志愿服务工作交流会，帮我把几所学院党员志愿服务的做法和成效汇总成一份材料')).toBe('党员志愿服务');
    expect(draftTopic('组织部要开党员志愿服务工作交流会，帮我写个材料')).toBe('党员志愿服务');
    // The meeting's topic stays whatever else the request hands over; 做法和成效 alone is no topic.
    expect(draftTopic('党委要开党建品牌建设研讨会，帮我汇总几所学校的做法和成效')).toBe('党建品牌建设');
    expect(draftTopic('学院要开课程思政推进会，帮我把台州科院和苏工院的做法梳理成材料')).toBe('课程思政，台州科院和苏工院');
    expect(draftTopic('访企拓岗这块想借鉴兄弟院校，写一份会议材料，把做法和成效梳理一下')).toBe('访企拓岗');
    // 就业 is no 就 (on) before a topic.
    expect(draftTopic('就业工作这块想学习其他院校的经验，帮我写份会议材料')).toBe('就业工作');
    // A wish to learn from other colleges is no topic; a clause another holds whole says nothing more.
    expect(draftTopic('乡村振兴这块想学学兄弟院校，写一份会议材料，把嘉职院、台州科院服务乡村振兴的做法和成效梳理一下')).toBe('嘉职院、台州科院服务乡村振兴');
    expect(draftSearch('写一份党建引领的材料，突出信息技术应用')).toBe('党建引领，信息技术应用');
  });

  it('searches for a college\'s whole work as the college alone, since every article is of 党建', () => {
    const namesCollege = (owner: string): boolean => ['嘉兴职业技术学院', '苏工院智能制造支部', '台州科院'].includes(owner);
    expect(draftSearch('写一份嘉兴职业技术学院的党建工作经验材料', namesCollege)).toBe('嘉兴职业技术学院');
    expect(draftTopic('写一份嘉兴职业技术学院的党建工作经验材料')).toBe('嘉兴职业技术学院的党建工作');
    expect(draftSearch('写一份苏工院智能制造支部党建经验的材料', namesCollege)).toBe('苏工院智能制造支部');
    // Not a kind of unit (二级学院, 标杆院系), a topic of its own that ends in 党建 (校企地党建), the
    // field alone, nor what the work achieved (党建成效).
    expect(draftSearch('二级学院党建工作经验', namesCollege)).toBe('二级学院党建工作');
    // A part of an article the draft is based on (以…那一节为底子起草…).
    expect(draftSearch('以嘉兴职业技术学院“深化产教融合立匠品”那一节为底子起草一份交流材料，2000字以内')).toBe('嘉兴职业技术学院“深化产教融合立匠品”');
    // 研讨会 after 峰会 is a meeting listed, not 研讨 said of a meeting (党委会研讨乡村振兴).
    expect(draftSearch('办峰会研讨会、接待来访、给外校开课这些，写一份会议材料')).toBe('办峰会研讨会、接待来访、给外校开课这些');
    // A paragraph asked for (写一段会议材料) asks as 写一份 does.
    expect(draftSearch('请参考湖南风能那个教工党支部的“三亮三比”，写一段会议材料')).toBe('湖南风能那个教工党支部的“三亮三比”');
    // The colleges counted (这几家在…) are no part of the topic.
    expect(draftSearch('保卫处要报平安校园建设材料，请整理这几家在反诈宣传方面的做法。')).toBe('反诈宣传');
    // 讲讲/谈谈 ask as 写 does.
    expect(draftSearch('请起草一份材料，讲讲这几所学校在大学生心理健康教育方面的经验')).toBe('大学生心理健康教育');
    expect(draftSearch('写一份标杆院系党建工作的材料', namesCollege)).toBe('标杆院系党建工作');
    expect(draftSearch('写一份台州科院校企地党建的会议材料', namesCollege)).toBe('台州科院校企地党建');
    expect(draftSearch('写一份党建工作的会议材料', namesCollege)).toBe('党建工作');
    expect(draftSearch('写一份台州科院的党建成效材料', namesCollege)).toBe('台州科院的党建成效');
  });

  it('is titled by its topic alone', () => {
    expect(draftTopic('整理一份嘉职院加强教师队伍建设的经验材料，支部学习会上用')).toBe('嘉职院加强教师队伍建设');
    expect(draftTopic('帮我整理一份党建引领产教融合的会议材料，包括背景、主要做法、成效和启示。')).toBe('党建引领产教融合');
    expect(draftTopic('帮我起草一份党建促就业的经验交流材料')).toBe('党建促就业');
  });

  it('is titled by what its occasion says is to be discussed, not by the occasion or a hand-over of the colleges\' practice', () => {
    expect(draftTopic('下周党委理论学习中心组要交流乡村振兴和服务共同富裕，帮我把各校做法汇总成一份材料')).toBe('乡村振兴和服务共同富裕');
    expect(draftTopic('下周支部大会要交流劳模工匠进校园，帮我把各校做法汇总成一份材料')).toBe('劳模工匠进校园');
    // An occasion naming no topic (总结上半年工作, 交流一下) gives none; the hand-over's does.
    expect(draftTopic('这周五支部要总结上半年工作，帮我把各校支部建设做法整理成材料')).toBe('支部建设');
    expect(draftTopic('下周党委会要交流一下，帮我把各校校企合作的做法汇总成一份材料')).toBe('校企合作');
    // What a draft tells anyway at the topic's end (方面的各校做法), with or without 的.
    expect(draftTopic('乡村振兴和服务共同富裕方面的各校做法，整理个材料')).toBe('乡村振兴和服务共同富裕');
    // …方面各校的经验: the kind (经验) goes first, then the colleges at large.
    expect(draftTopic('科技创新平台建设方面各校的经验，写一份会议材料')).toBe('科技创新平台建设');
    // 会上发言 is the draft's use, whether or not 的 follows it.
    expect(draftTopic('党建怎么带动科研和技术服务，起草一份会上发言材料')).toBe('党建带动科研和技术服务');
  });

  it('is titled by its topic however the asking is put: kind then colon, 把…整理成, a question then the asking', () => {
    expect(draftTopic('写个会议材料：台州科技职院机电与模具学院靠党建联建推动产教融合')).toBe('台州科技职院机电与模具学院靠党建联建推动产教融合');
    expect(draftTopic('把苏州工业职院智能制造教工支部“在一线行动”的经验整理成会议材料')).toBe('苏州工业职院智能制造教工支部“在一线行动”');
    expect(draftTopic('帮我把苏工院的经验写成一份会议交流材料')).toBe('苏工院');
    expect(draftTopic('浙江机电自动化学院党总支是怎么建成党建标杆院系的？出一份会议材料')).toBe('浙江机电自动化学院党总支建成党建标杆院系');
    expect(draftTopic('写一份嘉职院如何推进清廉校园建设的会议材料')).toBe('嘉职院推进清廉校园建设');
    // 经验交流 before the kind is part of the kind; 交流 of a topic is not.
    expect(draftTopic('帮我起草一份湖南电气风能学院教工支部对标“七个有力”的经验交流会议材料')).toBe('湖南电气风能学院教工支部对标“七个有力”');
    expect(draftTopic('写一份关于国际交流的会议材料')).toBe('国际交流');
    // The asking at the end, before the kind, and the draft's use said with it.
    expect(draftTopic('围绕红船精神铸魂育人写个会议材料')).toBe('红船精神铸魂育人');
    expect(draftTopic('课程思政怎么和党建结合，整理个材料')).toBe('课程思政和党建结合');
    expect(draftTopic('党史学习教育的典型做法，写个会上用的稿子')).toBe('党史学习教育');
    // 整理一下 without a count; the aspect word a topic ends in.
    expect(draftTopic('清廉文化建设和全面从严治党的做法整理一下')).toBe('清廉文化建设和全面从严治党');
    expect(draftTopic('师德师风和教师队伍建设方面，写个会议发言材料')).toBe('师德师风和教师队伍建设');
    // A count of points (整理三条), and 把…整理一下.
    expect(draftTopic('红色校园文化建设方面的做法，整理三条')).toBe('红色校园文化建设');
    expect(draftTopic('把清廉文化建设方面的做法整理一下，给党委会用')).toBe('清廉文化建设');
    expect(draftTopic('红色文化建设方面的做法，整理几条')).toBe('红色文化建设');
    expect(draftTopic('总结三点党建引领的经验')).toBe('党建引领');
    // The aspect word goes with its count (两方面); 领域 names a field (两新领域).
    expect(draftTopic('党建和业务两方面的做法，写个材料')).toBe('党建和业务');
    expect(draftTopic('两新领域党建的做法，写个材料')).toBe('两新领域党建');
    // A length is no topic (nor a number to search for); a layout clause goes, an owner clause names the topic's owner.
    expect(draftSearch('写个500字左右的党员教育管理经验材料')).toBe('党员教育管理');
    expect(draftTopic('写一份一千字以内的清廉校园建设材料')).toBe('清廉校园建设');
    expect(draftTopic('按做法和成效分开，把嘉职院教师评价改革整理一下')).toBe('嘉职院教师评价改革');
    expect(draftTopic('只要苏工院的，支部建设经验写个会议材料')).toBe('苏工院支部建设');
  });

  it('drops every kind of draft it names, however many stand together', () => {
    const table: [string, string][] = [
      ['写一份清廉校园建设的会议发言材料', '清廉校园建设'],
      ['起草一份党建品牌创建的典型经验汇报材料', '党建品牌创建'],
      ['写一份苏州工业职业技术学院智能制造教工党支部典型经验的会议材料。', '苏州工业职业技术学院智能制造教工党支部'],
      ['写一份基层教工党支部建设经验的会议材料', '基层教工党支部建设'],
      // The meeting it is for (支委会, 党委会上用的, 组织生活会) is no part of the topic.
      ['党员博士、高层次人才发挥作用方面，整理一份支委会材料', '党员博士、高层次人才发挥作用'],
      ['写一份党建引领人才培养的支委会学习材料', '党建引领人才培养'],
      ['校企合作写个党委会上用的材料', '校企合作'],
      ['党史学习教育整理一份组织生活会材料', '党史学习教育'],
      // Who it is for, before the kind (支部书记会上发言用的, 党小组会用的, 给支委会用的), and 这块.
      ['围绕党员志愿服务和助力乡村振兴，写个支部书记会上发言用的材料', '党员志愿服务和助力乡村振兴'],
      ['党员先锋岗和党员亮身份的做法，写个党小组会用的发言稿', '党员先锋岗和党员亮身份'],
      ['劳模工匠进校园方面，写个给支委会用的材料', '劳模工匠进校园'],
      ['教师评价改革和职称评聘这块，出个会议材料', '教师评价改革和职称评聘'],
      ['乡村振兴会上用的材料', '乡村振兴'],
      // 学习 and 大会 of the topic stay.
      ['写一份关于党史学习经验的材料', '党史学习'],
      ['写一份劳动教育推进大会发言稿', '劳动教育推进大会'],
      // What the draft draws on, in a clause of its own, is its topic.
      ['根据湖南电气职业技术学院风能工程学院教工党支部的经验，起草一份支部会议交流材料。', '湖南电气职业技术学院风能工程学院教工党支部'],
      ['以嘉兴职业技术学院教师评价改革为例，写一份会议发言材料。', '嘉兴职业技术学院教师评价改革'],
      // A name quoted inside the topic keeps its quotes; quotes around the whole topic go.
      ['根据湖南电气职业技术学院风能工程学院教工党支部“手拉手、一帮一”的经验，起草一份党员联系服务师生的会议交流材料。', '湖南电气职业技术学院风能工程学院教工党支部“手拉手、一帮一”，党员联系服务师生'],
      ['写一份关于“清廉校园”的会议材料', '清廉校园'],
      // A courtesy (请) is no topic; nor are the colleges a request draws on at large.
      ['请帮我写一份嘉兴职业技术学院教师评价机制综合改革的会议交流材料', '嘉兴职业技术学院教师评价机制综合改革'],
      ['请以湖南电气职院风能工程学院教工党支部“对标七个有力”为题，整理一份会议材料', '湖南电气职院风能工程学院教工党支部“对标七个有力”'],
      ['请围绕台州科技职院“红模力”模具产业链党建联建，写一份会议材料', '台州科技职院“红模力”模具产业链党建联建'],
      ['请综合几所院校的经验，写一份关于党建引领产教融合的会议材料', '党建引领产教融合'],
      ['请综合各院校在廉洁文化建设和全面从严治党方面的做法，整理一份会议材料', '廉洁文化建设和全面从严治党'],
      // Drawing on colleges at large names no topic; 交流发言材料 is one kind.
      ['根据几所学院的经验，起草一份加强党支部书记队伍建设、培育“双带头人”的交流发言材料。', '加强党支部书记队伍建设、培育“双带头人”'],
      // The asking may stand after the topic (，整理成…); 的做法 is what every draft tells.
      ['嘉职院党史学习教育和庆祝建党100周年活动的做法，整理成会议交流材料', '嘉职院党史学习教育和庆祝建党100周年活动'],
      // 成效 after a verb is the topic's, not the asking's 成.
      ['写成效总结', '成效'],
      // Nothing but the asking: the draft is about party building at large.
      ['写个总结', '党建工作'],
    ];
    for (const [request, topic] of table) expect(draftTopic(request), request).toBe(topic);
  });

  it('searches for the topic and what the request says to draw on, without the asking', () => {
    expect(draftSearch('写一份基层教工党支部建设经验的会议材料，重点参考苏州工业职院和湖南电气职院')).toBe('基层教工党支部建设，苏州工业职院和湖南电气职院');
    expect(draftSearch('写一份党建引领的材料，突出信息技术应用')).toBe('党建引领，信息技术应用');
    expect(draftSearch('帮我整理一份党建引领产教融合的会议材料，包括背景、主要做法、成效和启示。')).toBe('党建引领产教融合');
    expect(draftTopic('写一份基层教工党支部建设经验的会议材料，重点参考苏州工业职院和湖南电气职院')).toBe('基层教工党支部建设');
  });
});

describe('a drafting request for the colleges\' sections only', () => {
  it('is on their work at large (体会和启示, 规律性认识和下一步打算), whatever it says of how to fill them', () => {
    expect(draftTopic('帮我把几所学院的体会和启示整理成一份材料')).toBe('党建工作');
    expect(draftTopic('支部书记论坛要做个发言，不想再罗列做法了，帮我把几所学院文章里总结出来的体会、规律性认识和下一步打算提炼成一份发言稿，每条注明是哪家说的')).toBe('党建工作');
    // A topic of its own stays.
    expect(draftTopic('帮我把几所学院在乡村振兴上的体会整理成一份材料')).not.toBe('党建工作');
  });
});

describe('a drafting request as office staff type it', () => {
  it('reads 重点写…的具体做法和成效 as its topic, and leaves out its length, what to leave out and asides', () => {
    expect(draftTopic('请帮我起草一份会议材料，重点写苏州和台州两家在党建与业务融合上的具体做法和成效')).toBe('苏州和台州两家在党建与业务融合');
    const search = draftSearch('请起草一份会议材料，写苏州和台州两家在党建与业务融合上的做法和成效，嘉兴的做法前面已经汇报过了，别再展开，字数控制在800字左右。');
    for (const word of ['字数', '嘉兴', '展开']) expect(search, word).not.toContain(word);
    expect(draftSearch('帮我写一份整改的会议材料，“四责协同”那些做法大家都熟了，整改台账怎么建')).not.toContain('四责协同');
  });
  it('reads the part of an article it is to be built on (用…那一大块做底子) as its topic, not the publication it is for or its form', () => {
    const request = '党委办要出一期《基层党建简报》，给各总支书记看。用嘉职院那篇里“建设‘红船堡垒’ 夯实党建之基”那一大块做底子，写成要点式会议材料：开头一句背景，然后做法和成效合在一起压到8条以内，每条尽量带上原文里的数字';
    expect(draftTopic(request)).toBe('嘉职院“建设‘红船堡垒’ 夯实党建之基”');
    expect(draftTopic('拿嘉职院那篇“深化产教融合立匠品”那一节当底子，写个材料')).toBe('嘉职院“深化产教融合立匠品”');
  });
  it('leaves out a sentence whose last clause sets aside all it names (…是护林，…也没写抗台，都别拿来顶)', () => {
    const request = '请以台州科院机模学院为例写一份防汛防台会议材料：党员突击队怎么组建、台风来时怎么值守。跟大峃镇成立的无人机森林安全巡防队是护林，“匠心机电”党员志愿服务先锋队也没写抗台；苏工院的复工复产更不是一回事，都别拿来顶。分背景、做法、成效';
    for (const text of [draftSearch(request), compareSearch(request)]) {
      for (const word of ['巡防队', '匠心机电', '复工复产', '拿来顶']) expect(text, word).not.toContain(word);
      expect(text).toContain('突击队');
    }
    // …or says not to write it at all (…报道里没有，一律不写).
    expect(draftSearch('请按做法、成效写一份学习考察报告。现场看到了什么、对方谁接待的，报道里没有，一律不写')).not.toContain('现场');
    // A last clause that only says not to stand them in (…都不是植树，别拿来顶; …那是别的志愿服务，别凑) sets aside its sentence too.
    const planting = '植树节要组织党员义务植树，请以台科院机模学院为例写一份会议材料：种了多少棵、党员林怎么认养。台科院“保障森林生态安全”是护林巡防，“博士课堂”是送技术，都不是植树，别拿来顶。分背景、做法、成效';
    for (const word of ['保障森林生态安全', '博士课堂', '拿来顶']) expect(draftSearch(planting), word).not.toContain(word);
    expect(draftSearch(planting)).toContain('植树');
    expect(compareSearch('五家文章里写到控烟的，按学校列：党员带头戒烟几人。湖电“风能蒲公英”那是别的志愿服务，别凑')).not.toContain('风能蒲公英');
    // …but not after the request itself, which says nothing of what they are (…写一份汇报材料，别硬凑).
    expect(draftSearch('请以嘉职院劳动教育为例写一份汇报材料，别硬凑。')).toContain('劳动教育');
    expect(compareSearch('按学校列出各校的党员志愿服务做法，数量不够就空着，别凑。')).toContain('志愿服务');
    // What is left out, as the request writes it: the sentence set aside and each clause saying not to write.
    expect(leftOutText('给支委会整理一份浙江机电自动化学院党总支党建引领育人的材料。援疆援青那段不写，获奖的个人名单也不要。')).toBe('援疆援青那段不写，获奖的个人名单也不要。');
    expect(leftOutText(request)).toContain('匠心机电');
    expect(leftOutText('写一份嘉职院双带头人培育的会议材料')).toBe('');
    // A clause naming what it leaves out (别的学校的都不要) leaves out only itself.
    expect(draftSearch('写一份嘉职院和苏工院双带头人培育的会议材料，别的学校的都不要')).toContain('双带头人');
    // Asking for all of it (一个都不能少, 一条都别落下) leaves nothing out; nor does a clause counting none
    // (一个数都别挪), which may say to keep every number as written.
    expect(leftOutText('整理嘉职院党史学习教育的7大系列专题，一个都不能少')).toBe('');
    expect(draftSearch('对比湖南电气风能工程学院和苏州工业智能制造教工党支部的党员教育做法，这些都别落下')).toContain('党员教育');
    expect(draftSearch('对比嘉职院和台州科技职业学院的产教融合成果，一个数都别挪')).toContain('产教融合');
  });
  it('reads how to fill the text (没写的写“未写”, 姓名只用文中点了名的) as framing, not as what it is about', () => {
    for (const clause of ['没写的写“未写”', '一句话里看不出口径的也写“未写”）', '文中没解释的写“文中未解释”', '学生姓名只用文中点了名的']) expect(framingClause(clause), clause).toBe(true);
    // Which text to draw on is no instruction (素材只用那篇…一节, 只用文中嘉职院劳动教育的内容), nor what a part is to say (第二部分的写“红船堡垒”).
    for (const clause of ['素材只用那篇“深化产教融合立匠品”一节', '只用文中嘉职院劳动教育的内容', '第二部分的写“红船堡垒”', '主题就写“红模力”']) expect(framingClause(clause), clause).toBe(false);
  });
  it('reads the sections asked of named colleges (嘉兴和台州两家的体会、启示和下一步打算) as their work at large', () => {
    expect(draftTopic('请写嘉兴和台州两家的体会、启示和下一步打算')).toBe('嘉兴和台州两家的党建工作');
  });
});

describe('draftSectionsLeftOut', () => {
  it('reads the sections a request says to leave out, before or after naming them', () => {
    expect(draftSectionsLeftOut('嘉兴职院教师评价改革那几个“制”都是怎么搞的，背景介绍就不用展开了')).toEqual(['background']);
    expect(draftSectionsLeftOut('支部书记论坛要做个发言，不想再罗列做法了，帮我把几所学院的体会提炼成一份发言稿')).toEqual(['practice']);
    expect(draftSectionsLeftOut('参考湖南电气“手拉手、一帮一”工程，整理一份会议材料，体会部分就不用展开了')).toEqual(['insight']);
    // A section asked for, or a topic left out, is no section left out.
    expect(draftSectionsLeftOut('写一份校企合作的会议材料，包括背景、做法和成效')).toEqual([]);
    expect(draftSectionsLeftOut('写一份党员先锋岗的材料，党史学习教育就不用展开了')).toEqual([]);
  });
});

describe('draftPracticeCount', () => {
  it('reads how many practices a request asks for, where it asks them written', () => {
    expect(draftPracticeCount('整理三条嘉职院教师评价改革的做法')).toBe(3);
    expect(draftPracticeCount('写5点党员教育管理的经验材料')).toBe(5);
    expect(draftPracticeCount('嘉职院教师评价改革会议材料')).toBeUndefined();
    // Points of another section are not practices.
    expect(draftPracticeCount('写两点体会')).toBeUndefined();
    // A count inside the topic (“三亮三比”, 四个一) is no count of the draft's practices.
    expect(draftPracticeCount('湖南电气“三亮三比”工程的会议材料')).toBeUndefined();
  });
});

describe('a drafting request that points back', () => {
  const history = (question: string) => [
    { role: 'user' as const, content: question },
    { role: 'assistant' as const, content: '…[1]' },
  ];

  it('takes the conversation\'s last question, asked as a topic, in place of the pointer', () => {
    expect(draftPointingBack('就这个主题帮我写个会议材料', history('台州科院访企拓岗促就业是怎么搞的'))).toBe('就台州科院访企拓岗促就业帮我写个会议材料');
    expect(draftTopic(draftPointingBack('把这个写成会议材料', history('嘉职院红船精神铸魂育人是怎么做的'))!)).toBe('嘉职院红船精神铸魂育人');
    expect(draftTopic(draftPointingBack('把上面的内容整理成会议材料', history('苏工院的三室一岗是什么'))!)).toBe('苏工院的三室一岗');
    // 按这个, 按刚才说的: what was just asked, however it was asked (搞了哪些).
    expect(draftTopic(draftPointingBack('就按这个写个支委会交流稿', history('台州科院校企地党建联建搞了哪些'))!)).toBe('台州科院校企地党建联建');
    expect(draftTopic(draftPointingBack('按刚才说的写个交流稿', history('风能学院手拉手一帮一是怎么做的'))!)).toBe('风能学院手拉手一帮一');
    // A courtesy in between says no topic.
    const thanked = [...history('台州科院访企拓岗促就业是怎么搞的'), { role: 'user' as const, content: '好的谢谢' }, { role: 'assistant' as const, content: '不客气' }];
    expect(draftPointingBack('就这个主题帮我写个会议材料', thanked)).toBe('就台州科院访企拓岗促就业帮我写个会议材料');
  });

  it('leaves a request with a topic of its own, or without a conversation, as it is', () => {
    expect(draftPointingBack('写一份校企合作的会议材料', history('台州科院访企拓岗促就业是怎么搞的'))).toBeNull();
    expect(draftPointingBack('就这个主题帮我写个会议材料', [])).toBeNull();
  });
});

describe('framingClause', () => {
  it('reads the asker\'s own plan, a meeting\'s theme and a wish about style as framing, not topic', () => {
    expect(framingClause('想在支部里多用用“仪式感”教育党员')).toBe(true);
    expect(framingClause('我们想把支部工作“项目化”')).toBe(true);
    expect(framingClause('下周支委会讲“问题导向”')).toBe(true);
    expect(framingClause('院长们不爱听空话')).toBe(true);
    expect(framingClause('保卫处要报平安校园建设材料')).toBe(true);
    expect(framingClause('宣传部要给省里报“清廉校园”材料')).toBe(true);
    expect(framingClause('支委会下周要讨论')).toBe(true);
    expect(framingClause('写实一点')).toBe(true);
    // What the colleges did stays the topic.
    expect(framingClause('各校在支部里怎么用仪式教育党员')).toBe(false);
    expect(framingClause('想看看兄弟院校文章里点明了要解决哪些问题')).toBe(false);
  });
});

describe('compareSearch', () => {
  it('leaves out of a table request the clauses that only frame it: its use, its occasion', () => {
    expect(compareSearch('支部书记培训用，比较嘉兴职院和台州科院在产教融合、学生就业上的做法，按学校拉个表')).toBe('比较嘉兴职院和台州科院在产教融合、学生就业上的做法，按学校拉个表');
    expect(compareSearch('党委要开研讨会，按学校拉个表对比各校志愿服务的做法')).toBe('按学校拉个表对比各校志愿服务的做法');
    expect(compareSearch('学院下周开组织员座谈会，请列表对比各校党员志愿服务的做法')).toBe('请列表对比各校党员志愿服务的做法');
  });

  it('leaves out a report upward, a study session\'s theme and a use said with 要用', () => {
    expect(compareSearch('要给省委教育工委报材料，按学校列出各校的省级党建荣誉')).toBe('按学校列出各校的省级党建荣誉');
    expect(compareSearch('要向上级汇报“标志性成果”，列表对比各校拿到的国家级称号')).toBe('列表对比各校拿到的国家级称号');
    expect(compareSearch('党委中心组学“乡村振兴”专题，对比各校服务乡村振兴的做法')).toBe('对比各校服务乡村振兴的做法');
    expect(compareSearch('学生党支部书记培训要用，对比各校学生党员的做法')).toBe('对比各校学生党员的做法');
  });

  it('leaves out a clause that only asks for the table, its asker aside (国际处想做个对比表)', () => {
    expect(compareSearch('国际处想做个对比表，列出这几家在国际交流合作方面的做法和成效')).toBe('列出这几家在国际交流合作方面的做法和成效');
    expect(compareSearch('要拉一张表，对比各校志愿服务的做法')).toBe('对比各校志愿服务的做法');
    // A clause that says what the table is on stays.
    expect(compareSearch('想做个志愿服务的对比表，按学校分开')).toBe('想做个志愿服务的对比表，按学校分开');
  });

  it('leaves out a question someone asked (有人问：…？) and the columns the table should have (就三列：…)', () => {
    expect(compareSearch('校长办公会上有人问：党建到底能不能带来“真金白银”？嘉兴那边和台州那边两家的文章里，跟钱有关的数字各是多少，列个表')).toBe('嘉兴那边和台州那边两家的文章里，跟钱有关的数字各是多少，');
    expect(compareSearch('想看看兄弟院校点明了要解决哪些问题。做张表，就三列：针对的问题、用的招、解决得怎么样。别硬凑')).toBe('想看看兄弟院校点明了要解决哪些问题。别硬凑');
  });

  it('reads the columns as the topic when they are all the request says of it', () => {
    expect(compareSearch('国际处想做个对比表，就三列：院校｜留学生规模｜境外合作院校。')).toBe('院校、留学生规模、境外合作院校。');
  });

  it('keeps a request with no framing clause, or one that is nothing else, as it is', () => {
    expect(compareSearch('对比各院校在党员先锋岗、积分管理方面的做法')).toBe('对比各院校在党员先锋岗、积分管理方面的做法');
    expect(compareSearch('党员学习用')).toBe('党员学习用');
  });
});

import { describe, expect, it } from 'vitest';
import { evidenceSpans, isHeadline, type EvidenceSpan } from '../../core/answer/run-together.ts';

/** The spans' texts, a heading marked `#`, a headline `##`, with the headings each sentence stands under. */
function pieces(text: string): string[] {
  const show = (span: EvidenceSpan): string => `${span.headline ? '## ' : span.heading ? '# ' : ''}${text.slice(span.start, span.end)}`;
  return evidenceSpans(text, 0, text.length).map((span) => (span.under ? `${show(span)} < ${span.under.map((heading) => text.slice(heading.start, heading.end)).join(' / ')}` : show(span)));
}

describe('sentences run together', () => {
  it('cuts a page title off the line it ran into, and keeps it as the line’s context', () => {
    expect(pieces('北京市住房和城乡建设委员会关于加强疫情防控保障建设工程安全复工的通知 各区住房城乡建设委，各集团总公司：')).toEqual([
      '## 北京市住房和城乡建设委员会关于加强疫情防控保障建设工程安全复工的通知',
      '## 各区住房城乡建设委，各集团总公司： < 北京市住房和城乡建设委员会关于加强疫情防控保障建设工程安全复工的通知',
    ]);
  });

  it('cuts headings that lost their line breaks, but not a clause or a bare date', () => {
    const text = '（责任单位：各市政府，省财政厅）   二、加大财政金融支持   （四）对重点保障企业贷款给予财政贴息支持。';
    expect(pieces(`开头。${text}`)).toEqual([
      '开头。',
      '（责任单位：各市政府，省财政厅）   二、加大财政金融支持   （四）对重点保障企业贷款给予财政贴息支持。',
    ]);
    expect(pieces('开头。二、加大财政金融支持   （四）对重点保障企业贷款给予财政贴息支持。')).toEqual(['开头。', '# 二、加大财政金融支持', '（四）对重点保障企业贷款给予财政贴息支持。 < 二、加大财政金融支持']);
    expect(pieces('开头。2020年2月4日 为做好疫情防控物资保障工作，工业和信息化部赴企业督导检查。')).toEqual(['开头。', '2020年2月4日 为做好疫情防控物资保障工作，工业和信息化部赴企业督导检查。']);
    // A space inside a document title is no lost line; a line that only cites documents ends before the next.
    expect(pieces('开头。【政策依据】   1.《财政部 税务总局关于支持疫情防控有关税收政策的公告》（财政部 税务总局公告2020年第8号）   （三）公共交通运输服务收入免征增值税。')).toEqual([
      '开头。',
      '【政策依据】   1.《财政部 税务总局关于支持疫情防控有关税收政策的公告》（财政部 税务总局公告2020年第8号）',
      '（三）公共交通运输服务收入免征增值税。',
    ]);
    // A line of two headings (a couplet) is headings both; a heading's line that runs into a sentence is not.
    expect(pieces('开头。\n不忘初心强使命 示范创建树标杆\n学院聚焦“双高”建设。')).toEqual(['开头。', '# 不忘初心强使命', '# 示范创建树标杆 < 不忘初心强使命', '学院聚焦“双高”建设。']);
    // One space inside Latin text or between a number and its unit is no lost line.
    expect(pieces('开头。访问 www.bjac.org.cn 提交材料，最多 300 元。')).toEqual(['开头。', '访问 www.bjac.org.cn 提交材料，最多 300 元。']);
  });

  it('cuts a notice’s salutation, with its document number, off its first sentence', () => {
    expect(pieces('开头。各县（市、区）人社局，市直各单位：为落实疫情防控工作，现将有关事项通知如下。')).toEqual([
      '开头。',
      '## 各县（市、区）人社局，市直各单位：',
      '为落实疫情防控工作，现将有关事项通知如下。',
    ]);
    expect(pieces('开头。发改价格〔2020〕258号 各省、自治区、直辖市发展改革委，国家电网有限公司：   为支持企业复工复产，现就有关事项通知如下。')).toEqual([
      '开头。',
      '## 发改价格〔2020〕258号 各省、自治区、直辖市发展改革委，国家电网有限公司：',
      '为支持企业复工复产，现就有关事项通知如下。',
    ]);
    // A title too long to be cut off as a heading, then the salutation, the page's line breaks lost.
    const title = '浙江省新型冠状病毒感染的肺炎疫情防控工作领导小组办公室关于印发浙江省农村地区新型冠状病毒感染的肺炎疫情防控工作指南（暂行）的通知';
    expect(pieces(`开头。${title} 各市、县（市、区）疫情防控工作领导小组，省领导小组成员单位： 《工作指南》已经同意，现印发给你们。`)).toEqual([
      '开头。',
      `## ${title} 各市、县（市、区）疫情防控工作领导小组，省领导小组成员单位：`,
      '《工作指南》已经同意，现印发给你们。',
    ]);
    // An instruction to every unit is what the notice says, not whom it is sent to.
    expect(pieces('开头。各地要做到以下几点：一是摸清底数。')).toEqual(['开头。', '各地要做到以下几点：一是摸清底数。']);
  });

  it('cuts a news headline off its story at the dateline', () => {
    expect(pieces('成都推出减税抗疫贷支持小微企业渡难关 新华社成都2月24日电（记者胡旭）日前，一家公司获得贷款。')).toEqual([
      '## 成都推出减税抗疫贷支持小微企业渡难关 新华社成都2月24日电（记者胡旭）',
      '日前，一家公司获得贷款。',
    ]);
    expect(isHeadline('成都推出减税抗疫贷 新华社成都2月24日电（记者胡旭）')).toBe(true);
    // A story that repeats its title with a byline after the dateline: title and byline are no story.
    expect(pieces('开头。返程潮来袭——专家回应焦点 新华社北京1月31日电 题：返程潮来袭——专家回应焦点 新华社记者陈芳、陈聪 新增确诊病例1982例。')).toEqual([
      '开头。',
      '## 返程潮来袭——专家回应焦点 新华社北京1月31日电',
      '## 题：返程潮来袭——专家回应焦点 新华社记者陈芳、陈聪',
      '新增确诊病例1982例。',
    ]);
    expect(isHeadline('新华社成都2月24日电 日前，一家公司获得贷款。')).toBe(false);
  });
});

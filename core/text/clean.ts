/**
 * Removes web-page noise from an article (breadcrumbs, publish lines, copyright footers, comment
 * widgets, undated figure captions) and keeps what those lines said about the article as
 * metadata hints.
 * The body itself is kept line for line: only whole noise lines and the title line are dropped
 * (and a portal's name left where it linked a keyword is put back to the keyword).
 *
 * Lines longer than `maxNoiseLength` are always body, so every pattern below runs on short
 * strings and a megabyte-long line costs one length check.
 */
import type { ArticleMetadata } from '../documents.ts';
import { normalizeText } from './normalize.ts';

export interface CleanResult {
  /** The article body: normalised, web-page noise removed, title line removed when it was recognised as the title. */
  text: string;
  /** Metadata read from the noise lines before they were removed (publish line, 来源/作者, 原文链接, title line, copyright footer). */
  hints: Partial<ArticleMetadata>;
  /** What was removed and why, for debugging/tests: e.g. { kind: 'breadcrumb', text: '当前位置: 首页>>…' } */
  removed: { kind: string; text: string }[];
}

export interface CleanOptions {
  /**
   * Never take the first remaining line for the title: for sources that state the title
   * elsewhere (JSONL `title`, front matter), whose text starts straight with the body.
   */
  keepFirstLine?: boolean;
}

// Noise lines are short; a body paragraph may be any length.
const maxNoiseLength = 200;
const maxMetaLength = 120;
const maxTitleLength = 80;

// ---------------------------------------------------------------------------------------------
// Dates

/**
 * Finds the first calendar date in `text` and returns it as YYYY-MM-DD (or YYYY-MM when only the
 * month is given), zero padded; '' when there is none. Accepts 2022-02-24 09:17:32, 2022/2/24,
 * 2022.02.24 and 2022年2月24日. Impossible dates (month 13, day 32) are not dates.
 */
export function findDate(text: string): string {
  const full = /(?<!\d)(\d{4}) ?[-/.年] ?(\d{1,2}) ?[-/.月] ?(\d{1,2})(?!\d)/g;
  for (let match = full.exec(text); match; match = full.exec(text)) {
    const date = formatDate(match[1], match[2], match[3]);
    if (date) return date;
  }
  const month = /(?<!\d)(\d{4})年(\d{1,2})月(?!\d)/.exec(text);
  return month ? formatDate(month[1], month[2], undefined) : '';
}

function formatDate(year: string | undefined, month: string | undefined, day: string | undefined): string {
  const y = Number(year);
  const m = Number(month);
  if (!(y >= 1900 && y <= 2100 && m >= 1 && m <= 12)) return '';
  const yearMonth = `${y}-${String(m).padStart(2, '0')}`;
  if (day === undefined) return yearMonth;
  const d = Number(day);
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (!(d >= 1 && d <= daysInMonth)) return '';
  return `${yearMonth}-${String(d).padStart(2, '0')}`;
}

const bareDateLine = /^[（(【[]?\d{4} ?[-/.年] ?\d{1,2} ?[-/.月] ?\d{1,2}日?(?: ?\d{1,2}:\d{2}(?::\d{2})?)?[）)】\]]?$/;

/**
 * True for a line that is nothing but a date, maybe with a time (`2023年5月8日`, `2023-05-08 10:20`):
 * a publish date when it stands at the top of a page.
 */
export function isBareDateLine(line: string): boolean {
  return line.length <= 40 && bareDateLine.test(line);
}

// ---------------------------------------------------------------------------------------------
// Publish / meta lines

/** Field labels that only appear in page chrome. */
const strongFieldKeys = [
  '发布时间', '发布日期', '发表时间', '发表日期', '更新时间', '更新日期', '上传时间', '发稿时间',
  '来源', '稿件来源', '信息来源', '文章来源', '新闻来源', '作者', '撰稿', '撰稿人', '撰文', '供稿', '供稿单位',
  '投稿', '摄影', '责任编辑', '责编', '编辑', '审核', '审稿', '审核人', '校对', '初审', '复审', '终审', '一审', '二审',
  '三审', '发布人', '发布者', '录入', '字号', '字体',
];
/** Field labels that body text also uses (a meeting notice has 时间：…); trusted at the top only. */
const weakFieldKeys = ['时间', '日期', '文字', '图片'];
/** Counters, which may come without a colon (`点击数 123`). */
const counterKeys = ['点击数', '点击量', '点击率', '浏览次数', '浏览量', '阅读量', '阅读次数', '访问量', '访问次数', '点击', '浏览', '阅读'];
/** Page buttons that sit on the publish line. */
const buttonWords = ['返回上页', '返回上一页', '返回列表', '打印本页', '打印此页', '打印文章', '关闭窗口', '关闭本页', '【打印】', '【关闭】', '【大 中 小】', '[大 中 小]', '大 中 小'];

const sourceKeys = new Set(['来源', '稿件来源', '信息来源', '文章来源', '新闻来源']);
const authorKeys = new Set(['作者', '撰稿', '撰稿人', '撰文', '文字']);
const dateKeys = new Set(['发布时间', '发布日期', '发表时间', '发表日期', '发稿时间', '上传时间', '时间', '日期', '更新时间', '更新日期']);
const editorKeys = new Set(['责任编辑', '责编', '编辑', '审核', '审稿', '审核人', '校对', '初审', '复审', '终审', '一审', '二审', '三审']);
const weakKeys = new Set([...weakFieldKeys, '点击', '浏览', '阅读']);

const byLengthDescending = (a: string, b: string): number => b.length - a.length;
/** The text as a regular expression that matches it literally. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: string[]): string => [...words].sort(byLengthDescending).map(escapeRegExp).join('|');

// A label counts only at a field position: start of line, after a space or a bracket/separator.
// Otherwise `资金来源：` inside a sentence would look like a 来源 field.
const fieldPattern = new RegExp(
  `(?<=^|[\\s|｜丨[\\]【】（）()/])(?:(${alternation([...strongFieldKeys, ...weakFieldKeys])}) ?[：:]|(${alternation(counterKeys)}) ?[：:]?|(${alternation(buttonWords)}))`,
  'g',
);

interface Field {
  key: string;
  start: number;
  /** Where the value starts: after the colon (for buttons, after the button). */
  valueStart: number;
  value: string;
}

function parseFields(line: string): Field[] {
  const fields: Field[] = [];
  fieldPattern.lastIndex = 0;
  for (let match = fieldPattern.exec(line); match; match = fieldPattern.exec(line)) {
    const key = match[1] ?? match[2] ?? match[3] ?? '';
    fields.push({ key, start: match.index, valueStart: match.index + match[0].length, value: '' });
  }
  for (let index = 0; index < fields.length; index++) {
    const field = fields[index] as Field;
    if (buttonWords.includes(field.key)) continue;
    const next = fields[index + 1];
    field.value = stripBrackets(line.slice(field.valueStart, next ? next.start : line.length));
  }
  return fields;
}

/** Trims spaces, brackets and separators around a field value: `【作者：张三】` → `张三`. */
function stripBrackets(value: string): string {
  return value.replace(/^[\s|｜丨[\]【】（）()]+|[\s|｜丨[\]【】（）()]+$/g, '');
}

/** Splits a list of names (张三、李四 / 张三 李四 / 张三，李四) into `张三 李四`. */
function joinNames(value: string): string {
  return value
    .split(/[\s、，,;；/|｜]+/)
    .filter((name) => name.length > 0)
    .join(' ');
}

interface MetaLine {
  kind: 'meta' | 'editor';
  date: string;
  source: string;
  author: string;
  url: string;
}

/**
 * Reads a publish/meta line (`来源：X 作者：Y 发布时间：Z`, `作者： 时间：2022-10-03 点击数：`,
 * `责任编辑：王涛立`); undefined when the line is not one.
 */
function readMetaLine(line: string, atTop: boolean): MetaLine | undefined {
  if (line.length > maxMetaLength || /[。！？]$/.test(line)) return undefined;
  const fields = parseFields(line);
  const first = fields[0];
  if (!first) return undefined;
  // Whatever stands before the first label must itself look like chrome (a date, a site name),
  // not the start of a sentence.
  const prefix = stripBrackets(line.slice(0, first.start));
  if (prefix.length > 30 || /[，。；！？]/.test(prefix)) return undefined;
  const strong = fields.some((field) => !weakKeys.has(field.key));
  if (!strong) {
    if (!atTop) return undefined;
    // `时间：` alone is only a publish line when a date follows.
    if (!fields.some((field) => dateKeys.has(field.key) && findDate(field.value))) return undefined;
  }
  const result: MetaLine = { kind: editorKeys.has(first.key) ? 'editor' : 'meta', date: '', source: '', author: '', url: '' };
  for (const field of fields) {
    if (dateKeys.has(field.key) && !result.date) result.date = findDate(field.value);
    else if (sourceKeys.has(field.key) && !result.source && field.value) {
      const url = /^https?:\/\/\S+$/.exec(field.value);
      if (url) result.url ||= url[0];
      else if (field.value.length <= 50) result.source = field.value;
    } else if (authorKeys.has(field.key) && !result.author && field.value.length <= 50) {
      result.author = joinNames(field.value);
    }
  }
  // Some sites print the date without a label: `2022-02-24 来源：…`.
  if (!result.date) result.date = findDate(line);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Breadcrumbs and navigation

const breadcrumbStart = /^[【[]?(?:当前位置|您现在的位置|你现在的位置|您当前的位置|你当前的位置|您的位置|你的位置|当前页面|所在位置|现在位置)(?:是)?[】\]]?\s*[：:>»]?/;
const navSeparator = /\s*(?:>>|»|›|>|→|\||｜)\s*/;
const homeWords = /^(?:首页|主页|网站首页|学校首页|学院首页|返回首页|home)$/i;
const ellipsisEnd = /(?:\.{2,}|…+|。{3,})$/;

/**
 * Returns the nav items when the line is a navigation bar or breadcrumb trail, else undefined.
 * A trail that starts with 首页 is one anywhere; a row of short items only above the body, since
 * lower down it may as well be a table row.
 */
function readNavigation(line: string, atTop: boolean): string[] | undefined {
  const items = line.split(navSeparator).map((item) => item.trim());
  if (items.length < 3 || items.some((item) => item.length === 0) || /[。！？]/.test(line)) return undefined;
  const startsHome = homeWords.test(items[0] as string);
  // Without 首页 in front, a nav bar is several short menu items; the last may be a truncated title.
  const shortItems = items.slice(0, -1).every((item) => item.length <= 12);
  if (startsHome || (atTop && items.length >= 4 && shortItems)) return items;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Footers, widgets, captions

const copyrightMarks = /版权所有|copyright|©|\(c\)|ICP备|ICP证|公网安备|技术支持[：:]|powered by|all rights reserved/i;
const contactStart = /^[【[]?(?:地址|学校地址|学院地址|通讯地址|联系地址|校址|电话|联系电话|招生电话|办公电话|咨询电话|邮编|邮政编码|传真|邮箱|电子邮箱|e-?mail|联系方式)\s*[：:]/i;
const contactMarks = /邮编|邮政编码|电话|传真|邮箱|e-?mail/i;
const commentLine = /^(?:我要评论|发表评论|网友评论|全部评论|最新评论|热门评论|评论\s*\(\d*\)|已有\s*\d*\s*条评论|共\s*\d*\s*条评论|\d*\s*条评论)|已有\s*\d*\s*条评论|育人号推荐/;
const shareLine = /^[【[]?(?:分享到|分享至|分享：|分享:|一键分享|扫一扫|微信扫一扫|手机扫一扫|扫码分享|扫描二维码)/;
const relatedLine = /^[【[]?(?:上一篇|下一篇|上一条|下一条|上一页|下一页|上篇|下篇|相关阅读|相关文章|相关新闻|相关链接|推荐阅读|延伸阅读|热门推荐|热点推荐|热门文章|最新文章|猜你喜欢)/;
const relatedHeader = /^[【[]?(?:相关阅读|相关文章|相关新闻|相关链接|推荐阅读|延伸阅读|热门推荐|热点推荐|热门文章|最新文章|猜你喜欢)[】\]]?[：:]?$/;
const widgetWords = new Set([
  '打印', '关闭', '收藏', '分享', '点赞', '在看', '返回', '返回顶部', '顶部', '置顶', '网站地图', '联系我们', '设为首页',
  '加入收藏', '【打印】', '【关闭】', '【收藏】', '【返回顶部】', '字号：大 中 小', '大 中 小', '【大 中 小】',
]);
// Lone ASCII words (Baidu, map, top, share) only count as widgets in the trailing run of noise.
const asciiWidget = /^[A-Za-z][A-Za-z .-]{0,14}$/;
const urlLine = /^https?:\/\/\S+$/;
const sourceLinkLine = /^[【[]?(?:原文链接|原文地址|原文网址|本文链接|文章链接|原文|链接|网址|来源网址)\s*[：:]\s*(https?:\/\/\S+?)[】\]]?$/;
// 图1 / 图 1 / 图一 / 图1-2 followed by a description; 图为… / （图为…）.
const captionLine = /^[（(]?(?:图|图片)\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:[-—.．]\d{1,2})?(?=[\s：:.．、，]|[\u4e00-\u9fff])|^[（(]?图为/;

/**
 * A caption that dates what the photo shows (`图 2 2019年11月6日，自动化学院党总支赴…开展主题教育活动`)
 * records an event the body may not state: its text without the figure label, ended as a sentence
 * so that it never reads as a heading. Undefined for any other caption.
 */
function datedCaptionEvent(line: string): string | undefined {
  const label = captionLine.exec(line)?.[0] ?? '';
  // A caption set in two lines is joined with a space that never separates Han characters in a sentence.
  const event = line
    .slice(label.length)
    .replace(/^[\s：:.．、，]+/, '')
    .replace(/[）)]$/, '')
    .replace(/(\p{Script=Han}) (?=\p{Script=Han})/gu, '$1');
  if (!/(?:^|\D)\d{1,2}月\d{1,2}日/.test(event) && !findDate(event)) return undefined;
  return /[。！？]$/.test(event) ? event : `${event}。`;
}

/** Reads the holder out of a copyright line: `版权所有 © 2010-2017 X 浙ICP备…` → `X`. */
function copyrightHolder(line: string): string {
  const stripped = line
    .replace(/[京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川蜀黔贵滇云陕甘陇青蒙桂藏宁新港澳]?ICP[备证][\s\d号-]*/gi, ' ')
    .replace(/[京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川蜀黔贵滇云陕甘陇青蒙桂藏宁新港澳]?公网安备[\s\d号-]*/g, ' ')
    .replace(/技术支持[：:]?\s*\S*/g, ' ')
    .replace(/版权所有|copyright|all rights reserved|powered by|©|\(c\)/gi, ' ')
    .replace(/\d{4}\s*(?:[-—~至]\s*\d{4})?\s*年?/g, ' ')
    .replace(/[：:，,.。|｜]/g, ' ');
  const holder = stripped.split(/\s+/).find((part) => /[\u4e00-\u9fff]{2}/.test(part) && part.length <= 40);
  return holder ?? '';
}

// ---------------------------------------------------------------------------------------------
// Places: provinces, regions and prefecture-level cities. Datelines name the place an outlet
// reports from, and `X学院` is a college when X is a place (新疆理工学院), a unit otherwise (自动化学院).

const places = new Set(
  (
    '北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 ' +
    '陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门 中国 中华 中央 首都 华北 华东 华南 华中 西北 西南 东北 中南 ' +
    '东南 长江 黄河 珠江 江南 江淮 江汉 汉江 荆楚 三峡 燕山 太行 泰山 岭南 北方 南方 齐鲁 中原 闽江 闽南 闽西 闽北 湘南 湘中 ' +
    '滇西 河西 陇东 兵团 塔里木 ' +
    '石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水 太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁 ' +
    '呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布 锡林郭勒 阿拉善 沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 ' +
    '营口 阜新 辽阳 盘锦 铁岭 葫芦岛 长春 四平 辽源 通化 白山 松原 白城 延边 哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 ' +
    '佳木斯 七台河 牡丹江 黑河 绥化 大兴安岭 南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 昆山 ' +
    '江阴 常熟 张家港 杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水 义乌 合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 ' +
    '安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城 福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德 南昌 景德镇 萍乡 九江 新余 ' +
    '鹰潭 赣州 吉安 宜春 抚州 上饶 井冈山 济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽 ' +
    '曲阜 郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 黄淮 武汉 黄石 十堰 ' +
    '宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施 长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 ' +
    '湘西 广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮 南宁 ' +
    '柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 崇左 海口 三亚 儋州 琼州 琼台 成都 自贡 攀枝花 泸州 德阳 ' +
    '绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 阿坝 甘孜 凉山 西华 西昌 贵阳 六盘水 遵义 安顺 毕节 ' +
    '铜仁 黔东南 黔南 黔西南 凯里 昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧 楚雄 红河 文山 西双版纳 大理 德宏 怒江 迪庆 拉萨 ' +
    '日喀则 昌都 林芝 那曲 西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛 杨凌 长安 兰州 嘉峪关 金昌 白银 天水 武威 张掖 ' +
    '平凉 酒泉 庆阳 定西 陇南 临夏 甘南 西宁 海东 柴达木 银川 石嘴山 吴忠 固原 中卫 乌鲁木齐 克拉玛依 吐鲁番 哈密 昌吉 ' +
    '博尔塔拉 巴音郭楞 阿克苏 克孜勒苏 喀什 和田 伊犁 塔城 阿勒泰 石河子'
  ).split(' '),
);

/** True when `text` starts with a Chinese province, region or prefecture-level city name. */
export function startsWithPlace(text: string): boolean {
  for (let length = 2; length <= 4 && length <= text.length; length++) if (places.has(text.slice(0, length))) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Dateline: 中国教育报客户端讯（通讯员 徐兵 陈晓 吴金龙）, 新华社北京10月3日电（记者 张三）

const dateline = /^([^\s，。；！？（）()]{1,24}?)(讯|电)\s*[（(]([^（）()]{1,80})[）)]/;
const ownOutlet = /^本(?:报|网|台|刊|站|社)/;
const roleWords = /(?:本报|本网|本台|本刊|特约|见习|实习)?(?:摄影记者|记者|通讯员|实习生|评论员|摄影|摄|编辑|报道|供图)/g;

function readDateline(line: string): { source: string; author: string } | undefined {
  const match = dateline.exec(line);
  if (!match) return undefined;
  const outlet = match[1] as string;
  const kind = match[2];
  const credits = match[3] as string;
  if (!/记者|通讯员|实习生|特约|报道|摄/.test(credits) && !ownOutlet.test(outlet) && kind === '讯') return undefined;
  let source = '';
  if (!ownOutlet.test(outlet)) {
    if (kind === '讯') {
      // 四川新闻网成都8月9日讯 → 四川新闻网: the outlet without the place and date it reports from.
      source = outlet.replace(/\d{1,2}月\d{1,2}日$/, '');
      if (source !== outlet) {
        for (let length = 4; length >= 2; length--) {
          if (source.length > length + 1 && places.has(source.slice(-length))) {
            source = source.slice(0, -length);
            break;
          }
        }
      }
    } else {
      // 新华社北京10月3日电 → 新华社: the outlet is what comes before the place and the date.
      const agency = /^(.+?(?:社|网|报|台))/.exec(outlet);
      source = agency ? (agency[1] as string) : '';
    }
  }
  const author = joinNames(credits.replace(roleWords, ' '));
  return { source, author };
}

// ---------------------------------------------------------------------------------------------
// Title

const sectionHeading = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．)）]|第[一二三四五六七八九十\d]+[章节部分条篇])/;

function looksLikeTitle(line: string, maxLength: number): boolean {
  return (
    line.length <= maxLength &&
    !/[。！？；：，、…]$/.test(line) &&
    !sectionHeading.test(line) &&
    !dateline.test(line)
  );
}

// ---------------------------------------------------------------------------------------------

/** True for a paragraph of running text (the article has started below this line). */
function isBodyParagraph(line: string): boolean {
  return line.length > 80 || (line.length > 30 && /[。！？]$/.test(line));
}

/**
 * Portals that turn a keyword into a link to themselves and, copied as text, leave their name in its
 * place (学生全国高校思想政治工作网素质明显提高 for 学生思政素质明显提高): the name is put back to the
 * keyword. The one exception to keeping the body line for line.
 */
const keywordLinks: ReadonlyMap<string, string> = new Map([['全国高校思想政治工作网', '思政']]);
// Inside a sentence only: between two Chinese characters (or after 、), and not where an article
// names the portal (在…上, 被…刊登, …报道).
const keywordLink = new RegExp(`(?<=[\\u4e00-\\u9fa5、])(?<![在由被经于和与及向到登选])(?:${[...keywordLinks.keys()].join('|')})(?=[\\u4e00-\\u9fa5])(?![上发刊推报专首等的])`, 'gu');

/** `text` with the keywords a portal replaced by its name put back, each replacement recorded in `removed`. */
function withKeywordsRestored(text: string, removed: { kind: string; text: string }[]): string {
  return text.replace(keywordLink, (match) => {
    removed.push({ kind: 'keyword-link', text: match });
    return keywordLinks.get(match) ?? match;
  });
}

/**
 * Cleans one article: normalises it, removes web-page noise lines (breadcrumbs, publish lines,
 * copyright and contact footers, editor and comment lines, share/related widgets, source links,
 * figure captions but for a dated one's event) and the title line (unless
 * `options.keepFirstLine`), and returns the metadata those lines stated as hints.
 * Body paragraphs come out one per line, in order, otherwise unchanged (but for `keywordLinks`).
 */
export function cleanArticleText(raw: string, options: CleanOptions = {}): CleanResult {
  const removed: { kind: string; text: string }[] = [];
  const lines = withKeywordsRestored(normalizeText(raw), removed)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const hints: Partial<ArticleMetadata> = {};
  let copyrightSource = '';
  let breadcrumbStem = '';
  const kinds: (string | undefined)[] = new Array<string | undefined>(lines.length).fill(undefined);

  const firstBody = lines.findIndex(isBodyParagraph);
  const topEnd = firstBody === -1 ? lines.length : firstBody;

  const takeMeta = (meta: MetaLine): void => {
    if (meta.date && !hints.date) hints.date = meta.date;
    if (meta.source && !hints.source) hints.source = meta.source;
    if (meta.author && !hints.author) hints.author = meta.author;
    if (meta.url && !hints.url) hints.url = meta.url;
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    if (line.length > maxNoiseLength) continue;
    const atTop = index < topEnd;

    if (breadcrumbStart.test(line)) {
      kinds[index] = 'breadcrumb';
      const items = line.split(navSeparator);
      const last = (items[items.length - 1] ?? '').trim();
      if (ellipsisEnd.test(last)) breadcrumbStem = last.replace(ellipsisEnd, '');
      continue;
    }
    const nav = readNavigation(line, atTop);
    if (nav) {
      kinds[index] = 'breadcrumb';
      const last = nav[nav.length - 1] as string;
      if (ellipsisEnd.test(last)) breadcrumbStem = last.replace(ellipsisEnd, '');
      continue;
    }
    const link = sourceLinkLine.exec(line);
    if (link) {
      kinds[index] = 'url';
      hints.url ||= link[1] as string;
      continue;
    }
    if (captionLine.test(line) && (line.length <= 50 || (line.length <= 100 && !/[。！？]$/.test(line)))) {
      const event = datedCaptionEvent(line);
      if (event) lines[index] = event;
      else kinds[index] = 'caption';
      continue;
    }
    if (copyrightMarks.test(line) && !/[。！？]$/.test(line)) {
      kinds[index] = 'copyright';
      if (/版权所有|copyright|©|\(c\)/i.test(line)) copyrightSource ||= copyrightHolder(line);
      continue;
    }
    if (contactStart.test(line) && (contactMarks.test(line.slice(3)) || line.length <= 60)) {
      kinds[index] = 'contact';
      continue;
    }
    if (line.length <= maxMetaLength) {
      if (commentLine.test(line)) {
        kinds[index] = 'comment';
        continue;
      }
      if (shareLine.test(line)) {
        kinds[index] = 'share';
        continue;
      }
      if (relatedLine.test(line)) {
        kinds[index] = 'related';
        continue;
      }
      if (widgetWords.has(line)) {
        kinds[index] = 'widget';
        continue;
      }
    }
    const meta = readMetaLine(line, atTop);
    if (meta) {
      kinds[index] = meta.kind;
      takeMeta(meta);
      continue;
    }
    if (atTop && index < 6 && isBareDateLine(line)) {
      kinds[index] = 'meta';
      hints.date ||= findDate(line);
    }
  }

  // The trailing run of noise: lone widget words (Baidu, map), bare URLs, and link lists under a
  // 相关阅读 header, which only count as noise at the very end of the page.
  let tail = lines.length;
  while (tail > 0) {
    const line = lines[tail - 1] as string;
    const kind = kinds[tail - 1];
    if (kind === undefined) {
      if (asciiWidget.test(line)) kinds[tail - 1] = 'widget';
      else if (urlLine.test(line)) {
        kinds[tail - 1] = 'url';
        hints.url ||= line;
      } else break;
    }
    tail--;
  }
  const headerIndex = lines.findIndex((line, index) => kinds[index] === 'related' && relatedHeader.test(line));
  if (headerIndex !== -1 && lines.slice(headerIndex + 1).every((line) => line.length <= 60)) {
    for (let index = headerIndex + 1; index < lines.length; index++) kinds[index] ??= 'related';
  }

  const kept: string[] = [];
  lines.forEach((line, index) => {
    const kind = kinds[index];
    if (kind === undefined) kept.push(line);
    else removed.push({ kind, text: line });
  });

  // Title: the first remaining line, when it reads like a headline and text follows it. A
  // breadcrumb that ends with a truncated title confirms the line (and allows a longer one).
  const candidate = kept[0];
  if (candidate !== undefined && kept.length >= 2 && !options.keepFirstLine) {
    const confirmed = breadcrumbStem.length >= 4 && candidate.includes(breadcrumbStem);
    if (looksLikeTitle(candidate, confirmed ? 160 : maxTitleLength)) {
      hints.title = candidate;
      removed.push({ kind: 'title', text: candidate });
      kept.shift();
    }
  }

  // A news dateline opens the first paragraph and stays there, but names the outlet and reporters.
  const lead = kept[0];
  const credits = lead === undefined ? undefined : readDateline(lead);
  if (credits) {
    if (credits.source && !hints.source) hints.source = credits.source;
    if (credits.author && !hints.author) hints.author = credits.author;
  }
  if (!hints.source && copyrightSource) hints.source = copyrightSource;

  return { text: kept.join('\n'), hints, removed };
}

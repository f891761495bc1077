/**
 * Every knob of the answer layer in one place: word lists, cue patterns, weights and thresholds.
 * The modules that use them (question analysis, evidence, the composers) hold no numbers of their
 * own. Values were chosen on the `tune` half of the answer eval sets (`npm run eval -- --answers`);
 * docs/answers.md records the figures on the `check` half. Change a value, re-run the eval.
 */

// ------------------------------------------------------------------------------------------------
// Question analysis

/**
 * The answer types a question can ask for. 数量 a count or amount, 时间 a date or period, 人物 a
 * person, 机构 an organisation, 名称 a name (practice, brand, title), 列表 an enumeration, 定义 a
 * meaning, 做法 what was done, 成效 what it achieved, 是否 yes or no.
 */
export const answerTypes = ['数量', '时间', '人物', '机构', '名称', '列表', '定义', '做法', '成效', '是否', 'general'] as const;
export type AnswerType = (typeof answerTypes)[number];

/** Roles of people: the topic of a 人物 question (党委书记是谁), however common the word. */
export const roleWords: readonly string[] = ['书记', '副书记', '党委书记', '党总支书记', '支部书记', '党支部书记', '校长', '副校长', '院长', '副院长', '主任', '副主任', '部长', '处长', '局长', '厅长', '市长', '县长', '主席', '委员', '负责人', '带头人', '理事长', '董事长', '总经理', '经理'];

/** A role's name asked for (校长叫什么名字): a person, not a name of a thing. */
const roleNameAsked = new RegExp(`(?:${roleWords.join('|')})(?:的|是)?(?:叫什么|姓名|名字|姓什么)`, 'u');

/** A contact number asked for (举报电话是多少, 咨询热线是什么): a 数量 question whose answer is a string of digits. */
export const contactAsked = /(电话|热线|手机|传真|邮编|号码)(?:号码?)?(?:是|为)?(?:多少|什么|哪个)/u;

/**
 * 得过…没有, 建了…没有, 评上过没有, 超过九成了没: a doing asked with 没有 or 没 at the end is asked whether it happened;
 * not 通过/经过/超过 or 过程, nor a question asking which (哪些支部通过了考核哪些没有).
 */
const happenedAsked = '^(?!.*(?:哪|什么|谁|多少|几))[^？?]*(?:(?<![通经超])过(?!程)|了)[^？?，,]{0,30}没有?[？?]?$';
/**
 * A guess put to be confirmed (拿的是国家级教学成果奖吧, 是省级的吧, 得过…先进基层党组织吧, 不到一千万吧, 有二十多个…吧): a
 * yes-or-no. Not a request (说说…吧, 主要是…吧), nor a 是 of another word (还是, 就是, 特别是, 要是), nor
 * one after a comma.
 */
const guessAsked = '^(?!.*(?:说说|讲讲|谈谈|聊聊|介绍|整理|列一下|列出|帮我|写|看看|怎么|如何|什么|哪|多少|几|谁))[^，,。]*(?:(?<![还就别要主可但或总倒只正真若即而也凡像点键])是|(?:得|获|拿|评|上|入选)过|(?:有|不到|不足|超过|突破|过|破|逾)(?=[一二两三四五六七八九十百千万亿\\d]))[^，,。？?]{0,30}吧[？?]?$';

/**
 * A claim put to be confirmed: asked with 对不对/对吗/是吗 after it, or a statement of 是 ending in a
 * question mark with no asking word (…党总支是全国标杆院系？); not a choice (是周四还是周五？), 是多高？,
 * nor 那些 typed for 哪些 (是从那些专业选拔的？).
 */
const claimChecked = '(?:对不对|对吗|对么|是吗|是不是这样|没错吧|对吧)[？?]?$|^(?!.*(?:什么|哪|那些|那几|几|多少|多[高大长久远重深宽快]|谁|怎|如何|吗|呢|么|啥|咋|何|吧|还是|或者|或是))[^？?，,。]*(?<![还就别要主可但或总倒只正真若即而也凡像点键])是[^，,。？?]{2,30}[？?]$';

/** A team founded asked by name (成立了一支什么队伍, 组建了什么…服务队伍): group 1 is the noun its name ends in. */
export const teamAsked = /(?:成立|组建|组成|建立)(?:了|起)?(?:一[支个])?什么\p{Script=Han}{0,8}?(队伍|队|团队|团)[？?]?$/u;

/**
 * Cues of each answer type, tried in this order: the first that matches decides. Specific wh-words
 * come before 列表 (哪些人 is 人物, 哪些学院 is 机构), and 做法/成效 lists (哪些做法, 哪些成效) are 做法/成效.
 */
/** A name of the form N个一 (七个一, 四个一: one each of N things), not a count (七个一等奖, 三个一流) nor another name (五个一批). */
export const eachOneName = /[二三四五六七八九十两]个一(?![等个些般切共直定样起下流批体带路线系套类级])/gu;

/** How often something is done (多久开一次, 频率): answered by a frequency (每年召开…), a 时间 question. */
export const frequencyAsked = /多久(?:\p{Script=Han}{1,4}?)?一次|多长时间(?:[^，。？?]{0,4})?一次|隔多久|频次|频率/u;
/** What a frequency question names as its name head: a frequency answers it. */
export const frequencyHead = '每';
/** A frequency an article states (每年召开, 每月, 定期, 一年一次). */
export const frequencySpan = /每(?:个)?(?:年|月|周|季度|学期|季|天|日|两年|半年)|定期|一年一次|一月一次/gu;
/**
 * The major asked of a person or a team, at the question's end (樊文天学的是哪个专业, 是哪个专业的学生):
 * a name ending in 专业 answers, nothing quoted.
 */
export const majorAsked = /(?:哪个|哪一个|哪|什么|啥)专业(?:的(?:学生|学子|毕业生|校友|老师|教师|人)?)?[？?。]?$|专业是(?:什么|哪个|啥)[？?。]?$/u;
export const majorHead = '专业';
/** What follows 专业 in a compound built on it rather than a major's name (专业育人, 专业建设, 专业评价). */
export const majorCompound = /^(?:育人|建设|群|发展|技能|劳动|课|教师|带头人|负责人|主任|评价|布局|设置|思政|技术职务)/u;
/** In a question asking an article's outline (一级标题依次是哪几个), the words of its headings: where the answer stands, not what it says. */
export const outlineWords = /^(?:一级|二级|大|小)?标题$|^(?:一级|二级|依次)$/u;
/** Asked what parts a body of work falls into (党建工作分哪几个板块, 分为哪几部分, 正文三块小标题): its article's outline answers. */
export const outlineAsked = /(?:文章|那篇|这篇|全文|正文)[^，。？?]{0,6}?(?:哪|几)(?:几|些)?(?:个|大)?(?:块|部分|方面|板块)|分(?:为|成)?了?(?:哪|几)(?:几|些)?(?:个|大)?(?:板块|部分|模块|方面)|(?:有|包括)(?:哪|几)(?:几|些)?(?:个|大)?(?:板块|模块)|(?:[一二三四五六七八九十两几]|哪几|哪些)(?:块|个|部分)?的?(?:小|大|一级|二级)标题|(?:小|大|一级|二级)标题(?:是|有|分别|依次)/u;

/**
 * A count asked with what each counted thing is (跟几家单位共建…，分别是哪些; 有几位，分别是谁): where the
 * articles name the things without counting them, the things answer it.
 */
export const itemsAskedToo = /[，,\s](?:各|分别)(?:是|叫|有)?(?:什么|啥|哪些|哪几|谁)/u;

export const answerTypeCues: readonly (readonly [AnswerType, RegExp])[] = [
  ['是否', new RegExp(`是否|是不是|有没有|能否|可否|有无|吗[？?]?$|${happenedAsked}|${guessAsked}|${claimChecked}`, 'u')],
  ['数量', contactAsked],
  ['时间', frequencyAsked],
  ['名称', majorAsked],
  // 几几年 asks a year (是几几年拿的), not a count.
  ['时间', /何时|什么时候|什么时间|几几年|哪一?年|哪一天|哪天|哪个月|几月|几号|何年|日期|年份|时间是|时间为|哪个时间|起止时间|截止/u],
  // 文章分几个部分: its parts are asked, not only their count.
  ['列表', outlineAsked],
  // 几所学校在…各有什么做法: the schools are who is asked about, not what is counted.
  // 跟几家单位一起搞的基地，是把哪类资源…: a count inside what describes the thing asked about is no count asked.
  ['数量', /多少|(?<![哪这那])几(?![所个](?:学校|院校|高校|学院)(?:在|的|各|都|分别))[个项名人位次家所支大类种条门年届批场期篇本张份岁万元%](?![^，。？?]{0,12}的[^？?]*(?:哪|什么|啥))(?![\s，,]*(?:各|分别)(?:是|叫)?(?:什么|啥|哪些|哪几))|几方(?!面)|几[？?]?$|数量(?!最)|人数(?!最)|规模|比例|比率|占比|百分之|多大|多长|多高|多久|几何/u],
  // 针对谁, 面向谁, 给谁讲, 为谁: a group served, not a person's name.
  // 被谁收录, 被谁报道: the agent of a publication or an award is mostly an organisation (教育部, 光明日报).
  // 跟谁一起共建, 和谁合作: a partner in this field is an organisation (浙江红船干部学院).
  ['机构', /(?:跟|和|与|同)谁(?:一起|一块|共同)?(?:共建|合作|联建|签约|联合|结对|共同)/u],
  ['人物', /(?<!针对|面向|对象是|服务于?|帮助|为了|给|为)谁(?!收录|报道|采用|转载|推送|刊发|刊登|播报|认定|授予|命名|批准|立项)|哪位|哪些人|何人|(?<!针对|面向)什么人|姓名|哪几位|哪个人|哪(?:个|名|一位|一个)(?:学生|同学|学子|老师|教师|党员|教授|博士|校友|毕业生)(?!团队|队伍|党支部|支部|工作室|宣讲团|志愿)|哪些(?:学生|同学|学子|老师|教师|教授|博士|校友|毕业生)(?!团队|队伍|党员|党支部|支部|工作室|宣讲团|志愿|群体)|哪些(?:典型人物|先进人物|优秀代表|榜样)/u],
  ['人物', roleNameAsked],
  // 那位浙江省千名好支书叫什么名字: the name of someone who holds a title or a role is a person's.
  // 讲无人机的那位博士，叫什么名字: so too one of a kind of people, or one pointed at as 那位.
  ['人物', /(?:支书|书记|老师|教师|校长|院长|主任|工匠|能手|模范|获得者|带头人|博士|教授|专家|同学|校友|毕业生|劳模)(?:的)?[，,]?(?:各|分别|都)?(?:名字)?(?:叫什么|叫啥|是什么名字)|[那这]位[^，。？?]{0,12}[，,]?(?:名字)?(?:叫什么|叫啥|是什么名字)/u],
  ['机构', /哪所|哪个(?:学院|学校|院校|高校|支部|党支部|党总支|单位|部门|企业|机构|系|组织|党委|镇|乡|街道|村|社区|县|区)|哪家|哪些(?:学院|学校|院校|高校|单位|企业|部门|机构|支部)|什么(?:单位|部门|机构|企业)/u],
  ['名称', /(?:口号|标语|主题词|旗号)(?:是|为|叫)(?:什么|啥)(?=[？?]?$)|叫什么|叫做什么|叫啥|名称|名字|题目(?:是|叫)(?:什么|啥)|什么称号|哪个称号|什么荣誉称号|什么奖|哪个奖|哪项奖|什么品牌|哪个品牌|被评为什么|评为什么|获评什么|入选(?:了)?什么|称为什么|命名为/u],
  ['名称', teamAsked],
  // 三比是比啥: what a counted name's verb takes is what the name is.
  // 先锋工程是干嘛的: what a project does, not what it means.
  ['定义', /是[比抓讲学建亮](?:什么|啥)[？?]?$|是什么意思|是指什么|指的是什么|(?<!工程|项目|计划|行动|工作法)是(?:干|做|搞)什么的|指代(?:的是)?什么|什么是|何为|何谓|含义|内涵|意思|定义|(?<!分别)是什么[？?]?$|指什么/u],
  // 就业率如何, 满意度怎么样, 毕业生就业咋样 (咋 is read 怎么): how a measure or a matter stands, not how
  // something was done; not what one must do (需要怎么样).
  ['成效', /成效|成果|成绩|效果|取得了?(?:哪些|什么)|获得了?(?:哪些|什么)|荣誉|奖项|收获|变化|成就|(?:率|度)(?:如何|怎么样|怎样)|(?<![要应该须])怎么样[？?]?$/u],
  // “四双”机制具体是哪四双, 学习法是哪三种方式, 机制包括哪些: the items, not how they work; 做法被哪些媒体报道:
  // who reported it, not the practice.
  ['列表', /哪[两二三四五六七八九十]|包括|包含|被哪些|哪些(?:媒体|报纸|报刊|网站|网媒)/u],
  ['做法', /如何|怎样|怎么|做法|举措|措施|经验|路径|途径|办法|方式|抓手|机制|哪些工作|做了什么|(?:工程|项目|计划|行动|工作法)(?:主要|具体|都|到底)?(?:是)?(?:干|做|搞)(?:了|些)?(?:什么|啥)|开展了?(?:哪些|什么)|采取了?(?:哪些|什么)|(?:展开|具体|详细)(?:讲讲|说说|谈谈|介绍)/u],
  ['列表', /哪些|哪几|包括|包含|分别|几个?方面|哪[两三四五六七八九十]|几大|几项/u],
  // A rate asked with nothing else (台州科技职业学院就业率？, 那就业率呢): its value; not 效率, 表率.
  ['数量', /(?<![效频功概表坦直草轻])率呢?[？?]?$/u],
];

/**
 * Words that only say what kind of answer is wanted (做法, 成效…): they steer the choice of
 * sentences and weigh little as topic.
 */
export const intentWords: readonly string[] = [
  '做法', '举措', '措施', '经验', '办法', '方法', '路径', '模式', '机制', '途径', '抓手', '思路', '怎么做',
  '成效', '成果', '效果', '成绩', '荣誉', '奖项', '收获', '业绩', '影响', '成就', '变化',
  '含义', '内涵', '理念', '意思', '定义', '指', '指代',
  // The sections of a 会议材料 draft, named in requests for one; lessons and plans (规律性认识, 下一步打算) are 启示.
  '背景', '启示', '体会', '思考', '规律性', '打算',
];

/**
 * Words any question may use whatever its topic (时间, 名字, 类型…): never a reason to refuse,
 * and weighing little in coverage. jieba's general IDF catches most such words; these are the
 * ones it rates too specific for their role in a question.
 */
export const genericWords: readonly string[] = [
  '时间', '名字', '名称', '题目', '类型', '人数', '数量', '次数', '日期', '比例', '比率', '占比', '比重', '百分之', '百分比', '情况', '方面', '内容', '政策', '新政策', '问题', '工作', '方式', '形式', '特点',
  '特色', '主要', '具体', '相关', '有关', '哪些', '什么', '一些', '多少', '几个', '各个', '其中', '分别', '包括',
  '固定', '叫', '称', '想要', '想', '做成', '成为', '推动', '相结合', '结合', '开展', '进行', '实施', '实行', '推进', '加强',
  '取得', '获得', '做出', '作出', '涵盖', '给与', '有', '是', '为', '被', '由', '把', '将', '哪所', '哪个', '哪家', '哪位', '高职院校', '院校',
  '学校', '高校', '学院', '各学院', '各院校', '各高校', '各校', '单位', '部门', '年', '月', '日', '一份', '材料',
  '统称', '底子', '蓝本', '会议', '写', '撰写', '起草', '生成', '汇报', '总结', '提炼', '一步', '对比', '比较', '异同', '介绍', '说说', '讲讲', '新',
  // A comparison said the Latin way (台州科院 vs 嘉职院), or colloquially (…比一比, …有啥区别).
  'vs', 'versus', 'pk', '比一比', '比比', '区别', '差别', '差异', '不同', '啥',
  // Requests for a form rather than a topic: 列表对比一下, 帮我整理一份.
  '列表', '表格', '列出', '经验交流', '交流材料', '列一下', '整理', '梳理', '汇总', '帮', '帮我', '一下', '请',
  // …列个表, 做个对比表, 做法和成效分开写.
  '列', '拉', '表', '对比表', '分开',
  // Which articles mention it (哪些学校提到了黄炎培): the mentioning is no topic.
  '提', '提到', '提及', '提起', '说到', '讲到', '谈到', '写到',
  // Whose tenure (新任支部书记): not what kind of branch. Not 现任 (现任职务 asks the one held now).
  '新任', '前任', '历任', '继任',
  // When or how roughly a question asks (现在的书记, 大约多少, 前前后后接待了多少), not what.
  '现在', '目前', '如今', '当前', '现已', '大概', '大约', '前前后后', '先后',
  // Whom a request is for (让新同志了解…): no topic.
  '同志', '同志们', '新同志',
  // Courtesies around a question (谢谢, 麻烦您, 请问): no topic, whatever jieba tags them (谢谢 as a name).
  '谢谢', '感谢', '多谢', '麻烦', '请问', '你好', '您好', '辛苦', '辛苦了',
  // Colloquial verbs for doing anything (搞了两年, 怎么弄的, 是干嘛的), and for winning anything (评上过): what was won is the topic.
  '搞', '弄', '评上', '干嘛', '干吗',
  // What a request wants of any topic (先摸摸底, 报特色亮点): no topic of its own.
  '摸底', '摸摸底', '亮点',
  // Taking things together (这五大工程合在一起, 加起来, 总的来说): how the question looks at them, not what it asks.
  '合在一起', '放在一起', '加起来', '总的来说', '整体来看', '总体来看',
  // The parts of an article as such (正文三块小标题): where the answer stands, not what it says.
  '正文', '小标题',
  // The table asked for (要一张表).
  '一张', '这张', '张表', '一览表',
  // The colleges just named, pointed at with their count (嘉职院、浙江机电、台州科院这三家).
  '这两家', '这三家', '这四家', '这五家', '这几家', '两家', '三家', '四家', '五家', '几家', '这几所', '这三所', '这两所',
  // The article itself (苏工院那篇文章有哪几个小标题): which text to read, not what it is about.
  '文章', '本文', '全文', '稿子', '文中', '文里', '点名', '点了名', '写出来', '写明',
  // Each of a set, and what each goes with (每个工程对应落实哪个“有力”): how the request wants it told.
  '每个', '每一个', '每项', '对应',
  // Asking for the article's own words (原话是怎么说的): how the answer is to be given, not what it is about.
  '原话', '原文', '原句',
  // The span a question's years bound (2019到2021年间), not a topic; a stretch of time (每段时间里,
  // 这类时间段), which jieba reads 段时间 in 每段时间.
  '年间', '时间段', '段时间', '年份',
  // What a measure is written in (制度文件, 政策文件): the kind of text, not its topic.
  '文件',
  // What a thing is built as (融媒体平台, 育人载体): 技能创新平台 is no 融媒体平台.
  '平台', '载体',
  // How the field frames any topic (党建引领促进就业, 党建助力乡村振兴): what follows is the topic.
  '党建引领', '引领', '助力', '赋能',
  // How a count is asked (一共打造了多少个): jieba tags 一共 as an abbreviation, not as the adverb it is.
  '一共', '总共', '共计', '合计', '总计',
  // How far or how well (深度融合, 高水平团队, 全面推进): the degree, not the topic. jieba tags 深度 a
  // place and 高水平 a name.
  '深度', '深入', '高水平', '高质量', '全面', '积极', '大力', '切实', '不断', '持续', '进一步', '扎实',
  // How something is used to do the topic (利用新媒体开展…): the means follows. jieba tags 利用 a noun.
  '利用',
  // Who conferred an honour, at large (上级荣誉和表彰): any honour the articles name is from above.
  '上级',
  // That a unit belongs to another (隶属于哪个系的党总支): the relation; the units named are the topic.
  '隶属', '隶属于', '属于', '归属', '所属',
];

/**
 * Words a draft or table request uses of the text it wants rather than of its topic: how a thing is
 * put (提法, 字眼, 明说), the parts of a text (章节, 一大块, 一期), an overview and its highlights
 * (全景, 主打, 最亮), a count to sort by (家数), a chain of steps (链子). Generic in requests only.
 * Not 要点, 简报, 分量 or 排位, which a topic may be made of (党建工作要点, 党员发展工作的分量和排位);
 * a draft asked for as 要点 or 简报 is read as its kind.
 */
export const requestFramingWords: readonly string[] = [
  '提法', '说法', '表述', '字眼', '措辞', '明说', '写法', '常见', '弄清', '弄明白', '搞清', '搞清楚',
  '章节', '段落', '一大块', '大块', '一期', '全景', '主打', '最亮', '家数', '链子', '落地', '口径', '通篇',
  // …and of how to fill it (别替人家补, 要标明, 不要空话).
  '替人家', '替别人', '标明', '注明', '空话', '套话', '虚话', '大话',
  // …and of its parts and voice (第1页封面, 单位全称, 最后一段结束语, 用第一人称, 照引号里的说法).
  '封面', '全称', '结束语', '开场白', '串词', '第一人称', '人称', '引号', '书名号', '标题', '文字',
  // …and of the characters it writes (明写“立项”二字的, 带“国家级”字样的).
  '二字', '两字', '三字', '四字', '字样',
  // …and of the kind of text it is and its parts (班会教案, 倡议书的每条倡议, 年鉴条目, 欢迎词的结尾, 思维导图的节点, 括号里的例子).
  '教案', '班会', '倡议', '倡议书', '年鉴', '条目', '年报', '欢迎词', '致辞', '主持词', '提纲', '导图', '思维导图', '节点', '脚本', '分镜', '括号', '例子', '格子', '表头', '小结', '讨论题', '第三人称', '结尾', '话题',
  // …and of a proposal (教代会提案的案由).
  '提案', '案由',
];

/** Parts of a proposal that are framing only in a request for one (提案…按提案格式写：标题、案由、理由): elsewhere what is asked (…的理由). */
export const proposalPartWords: readonly string[] = ['理由'];
export const proposalAsked = /提案|案由/u;

/**
 * The office genres staff ask to be written (a general list, not this corpus's): letters, spoken
 * texts, boards. Words of the request's framing like `requestFramingWords` where the request counts
 * the text it wants (写一封贺信, 出一期黑板报, 做一张竖版长图: `textKindCounted`); without that they
 * may be a practice asked about (给困难党员写慰问信, 编写党建工作词典). Not what a practice is mostly
 * made of (口号 for 理念, 标语, 微博, 课件, 纪要, 文案).
 */
export const textGenreWords: readonly string[] = [
  '贺信', '感谢信', '慰问信', '邀请函', '请柬', '请示', '讲话稿', '发言稿', '口播稿', '口播', '广播稿', '解说词', '颁奖词', '推荐语', '贺词', '祝词',
  '长图', '黑板报', '板报', '墙报', '手抄报', '词典',
];

/** The count of a text asked, right before its genre (一封, 一期, 一张竖版): the request wants one. */
export const textKindCounted = /(?:[一两几]|这|那|每)?(?:份|篇|封|期|段|张|则|版|套)[^，,。；;、：:]{0,6}$/u;

/**
 * The parts and layout of a text asked (报头, 栏目, 数据块, 词条, 释义, 原话…): words of the request's
 * framing, except where the request names a practice by them (`textKindAsPractice`: 栏目建设, 素材征集).
 */
export const textPartWords: readonly string[] = [
  '竖版', '横版', '报头', '栏目', '版面', '版块', '配图', '图注', '图说', '页眉', '页脚',
  '转发语', '摘要', '导语', '按语', '编者按', '词条', '释义', '小标题', '副标题', '数据块', '格式', '排版', '字号', '初稿', '底稿',
  '台词', '对白', '旁白', '拼音', '照抄', '原话', '原句', '关键词', '素材',
];

/** What after a genre or part word makes it a practice asked about (黑板报的做法, 解说词大赛, 栏目建设). */
export const textKindAsPractice = /^的?(?:做法|经验|情况|工作|成效|举措|大赛|比赛|评比|征集|评选|活动|建设|展评|管理|制作|设计|编写|编印|创作)/u;

/** The placeholders of a quoted shape (“××机制”, “党建+××”, “×链”, “截至××年底”): names of that shape are asked. */
export const quotedShape = /[×✕]+|XX+|…+|＊+/u;

/** A quoted mark the answer is to write where an article says nothing (“未写”, “文中未列全”, “年份未写明”, “涨幅”), or a sign (“+”, “✓”). */
export const answerMark = /^(?:文中|文章|原文)?(?:年份|日期|时间|人数)?(?:未|没|无)(?:写|列|交代|提|说|注明|写明|列全|明确|说明)[^”]{0,4}$|^(?:涨幅|不详|空)$|^[^\p{L}\p{N}]+$/u;

/**
 * A word this common in general Chinese (jieba IDF below it) is generic unless it is a proper noun
 * or a domain term. 时间 4.1, 类型 5.7 fall below (名字 is listed above); 老师 6.4, 农村 6.1, 党建 10.1,
 * 首关制 (absent) do not.
 */
export const genericIdfBelow = 6.0;

/**
 * Common nouns that say how far, not which kind (全国, 各地, 国家, 省级): before another noun they
 * set the level a yes-or-no question checks, and are not read with that noun as 学生 of 学生党员 is.
 */
export const scopeNoun = /^(?:全|各|本|我|该|其|国家)|级$/u;

/**
 * In a topic to draft or compare on, a word jieba tags as a name or place is one only when its
 * general IDF reaches this (深度 7.0, 高水平 8.0 fall below; names it lacks stand at 9).
 */
export const topicPhraseNameIdfAtLeast = 8.5;

/**
 * A list question counts its items up to this many (哪七大重点领域); a larger number counts what the
 * question is about (95个集中隔离医学观察点).
 */
export const listCountAtMost = 12;

/** jieba part-of-speech tags of proper nouns: people, places, organisations, other names. */
export const properNounTags: ReadonlySet<string> = new Set(['nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz']);

/**
 * jieba tags of function words (pronouns 每月 各类, conjunctions, locatives 下面, prepositions,
 * particles, interjections): generic whatever their IDF, unless they are domain terms.
 */
export const functionWordTags: ReadonlySet<string> = new Set(['r', 'c', 'f', 'p', 'u', 'uj', 'ul', 'uz', 'ug', 'uv', 'ud', 'y', 'e', 'o']);

/** Relative weights of the roles a question word can play. */
export const roleFactor = { subject: 1, topic: 1, generic: 0.15, intent: 0.2 } as const;

/**
 * A part asked of its whole (三亮三比里的亮承诺, “四大工程”中的精英引航): group 1 the whole, group 2 the part;
 * or, said without 的 (三亮三比里亮身份是怎么做的), groups 3 and 4, only before what asks what it is or how it is done.
 */
export const partWithin = /([^，,。？?\s的]{2,12}?)(?:里|当中|之中|中|(?:工程|项目|计划|行动|机制)(?:里|中)?)的([^，,。？?\s]{2,10}?)(?:是|呢|怎么|如何|具体|主要|有|指|[？?]|$)|([^，,。？?\s的]{2,12}?)里([^，,。？?\s的]{2,6}?)(?:是|怎么|如何|具体|指)/u;

/** What the whole's topic words weigh beside the part's, in a question asking a part of its whole. */
export const wholeOfPartFactor = 0.35;

/** One Chinese character alone says little; it weighs this much of a full word. */
export const singleCharacterFactor = 0.3;

/**
 * A word no passage holds weighs this share of the IDF a word can have (a word in no passage). Users
 * say things in their own words (欢迎 for 喜爱, 一把手 for 党委书记), so absence from the corpus is
 * weaker evidence than its IDF says. Names, colleges and quoted terms are checked as names instead,
 * and a word whose synonym the corpus uses is not absent.
 */
export const absentWordIdfShare = 0.75;

/**
 * A topic word no passage holds (主打, 平时, 结对), asked beside topic nouns the articles do use, is
 * most likely the user's own wording: it weighs at most this share of the weightiest of those.
 * Alone or beside verbs only, it keeps its weight: then it is what is asked about, and the articles
 * lack it (so too the thing asked for, `absentAskedAfter`/`absentAskedBefore`).
 */
export const absentBesidePresentShare = 1;

/** …and keeps at least this share of its own weight. */
export const absentKeepsAtLeast = 0.3;

/** The thing a question asks for stands right before its question word (粉丝有多少) or right after it (哪些粉丝): never lightened. */
export const absentAskedAfter = /^(?:的|有|是|共|一共|总共)?(?:多少|几|哪|什么|啥|谁)/u;
/**
 * The heads of a kind of party organisation or work (研究生|党支部, 附属医院|党建): a request on a kind
 * no article writes asks for a draft or a table the articles cannot give. Not 党建工作 (压实|党建工作).
 */
export const absentKindHead = /^(?:党支部|支部|党总支|党组织|党委|党员|党建(?!工作))/u;
/** A noun qualifies the topic noun that follows it within this many characters (量子|计算|课程)… */
export const absentQualifierGap = 4;
/** …with none of these between (主打的特色载体: 的 ends the qualifying; 下学期|我们学院党总支, 支委会|要讨论党员; a verb: 组织部下周开|支部书记述职会). */
export const qualifierBreak = /[的地得和与及或、，,。；;：:“”‘’（）()《》？?！!\s在是有把被对向从为我咱要开办讲给去来到请搞]/u;

export const absentAskedBefore = /(?:多少|几个|几位|几名|哪些|哪个|哪几个|什么|啥)(?:个|位|名)?$/u;

/**
 * A word of a listed item (、) stands in for the whole list when it weighs at least this share of
 * the list's weightiest word: 联系 and 解决 of 联系服务师生、帮师生解决实际困难 do; 党建 of
 * 创建党建工作标杆院系、样板支部 (said by nearly every passage) stays a word of its own.
 */
export const listAlternativeShare = 0.25;

/**
 * How a word's weight follows its general specificity: jieba IDF at or below `low` gives
 * `floor`, at or above `high` gives 1, linear between.
 */
export const generalSpecificity = { low: 4, high: 10, floor: 0.25 } as const;

/**
 * A question about an article itself (article-facts.ts): it points to the article as a piece of
 * writing (这条新闻, 那篇文章, 报道…的稿子) and asks when it was published, who wrote it or its title.
 */
export const articleFactCues = {
  // 份 only with its noun (那份经验材料, 那份湖南…的材料): 那份实施方案 is a document the article tells of.
  article: /(?:这|那|该|此)(?:(?:条|篇|则)(?:新闻|文章|报道|稿子|稿件|消息|材料)?|份[^，。？?、]{0,16}?(?:新闻|文章|报道|稿子|稿件|消息|材料|介绍))|(?:新闻|文章|报道|稿子|稿件)[，,]?\s*(?:是|由|的)/u,
  // Not a document the article tells of, issued (印发, 下发, 颁发, 签发).
  date: /(?:哪天|哪一天|什么时候|啥时候|什么时间|啥时间|何时|哪年|几号|几月几日|日期|时间)[^，。？?]{0,4}(?:发布|发表|刊发|刊登|登出|推送|发出|(?<![印下颁签分])发(?=的|了|出|[？?]|$))|(?:发布|发表|刊发|刊登|推送)(?:的)?(?:日期|时间|于)/u,
  // Not a 工作者 (党务工作者), 合作者 or 创作者.
  author: /(?<![工合创参著])作者|通讯员|撰稿|执笔|记者是|谁写的|哪位写的|是谁写/u,
  /**
   * Its title, said of the article itself (那篇文章的标题是什么, 这篇稿子题目叫啥): not a part's (第二部分的
   * 标题), a case's (经验材料题目) or that of a report it mentions (那个报道的标题).
   */
  title: /(?:(?:这|那|该|此)(?:条|篇|则|份)(?:新闻|文章|报道|稿子|稿件|消息|材料)?|文章)[的，,]?\s*(?:标题|题目|篇名)(?:(?:是|叫)(?:什么|啥)|呢?$)/u,
  /**
   * The byline asked for alone, without pointing to an article (作者是谁, 那作者呢): no text is by
   * anyone else. Asked of a named thing (《…》的作者, …模式的作者), it is that thing's.
   */
  byline: /^(?:那么?|那)?(?:作者|撰稿人|执笔人)(?:是谁|是哪位|是哪几位|有谁|叫什么|呢)?[？?]?$/u,
  /** Which articles came out in a year (哪几篇是2022年发的, 哪篇文章是2023年发布的): the year, and whether those after it are asked too. */
  ofYear: /(?:哪几篇|哪些文章|哪些报道|哪篇)[^，。？?]{0,8}?((?:19|20)\d{2})\s*年(以后|之后|以来)?[^，。？?]{0,4}?(?:发布|发表|刊发|刊登|推送|发(?=的|了|出|[？?]|$))/u,
} as const;

/** Nouns that end a topic (党建工作, 疫情情况), never a part of a unit's name joined by 与/和 (党建工作和二级学院事业). */
export const topicEnd = /(?:工作|情况|方面|问题|事业)$/u;

/** Names of organisations that would be the subject of a question (another college, a company). */
export const organisationName = /[\u4e00-\u9fa5]{2,14}(?:大学(?![生者习联])|学院(?!派)|学校|职院(?!校)|职技院|职校|高专|研究院|公司|集团|医院|(?:中学|小学)(?!毕业|生|阶段|时期|时代|教师|老师))/gu;

/**
 * A college's short name (深职院, 杭职院, 南工院): a place's first character or two before 职院 and its
 * kin, at the question's start or after a word that leads a name (那, 和, 跟…); not a kind of college
 * (工科院校, 本科院系). A corpus college's own short names (嘉职院, 苏工院, 电气职院) are read as that
 * college.
 */
export const collegeAbbreviation = /(?:^|[^\u4e00-\u9fa5]|[那和与跟同及比对是在把向从])((?![那和与跟同及比对是在把向从])[\u4e00-\u9fa5]{1,2}(?:职院|职技院|职大|工院|科院))(?![校系])/gu;

/**
 * A name that is a college's, not one of its units' (经济学院, 自动化学院 are units): asked about as
 * a question's subject while no article is of it (青海柴达木职业技术学院有什么党建经验), it is a college
 * the articles only name in passing.
 */
export const collegeNameEnding = /(?:大学|职业技术学院|职业学院|理工学院|师范学院|职院|职技院|高专|高等专科学校)$/u;

/**
 * How an article names another college in passing: in a list (…、新疆理工学院、…, 金华职技院等院校),
 * or as a partner, host or visitor (与…共建, 远赴…, 接待…). A heading or a sentence's subject is no
 * passing mention (a compilation's section on that college).
 */
export const passingMention = { before: /(?:、|与|和|同|跟|赴|到|接待|走访|来自|携手|联合|对口|帮扶|支援)$/u, after: /^(?:、|等)/u } as const;

/** Words before a question's subject that are no part of it (请问青海柴达木职业技术学院…, 那新疆理工学院…). */
export const subjectOpening = /^(?:请问|那么|那)/u;

/** The answer types that ask what a college itself did or achieved, not who, when or how many. */
export const ownPracticeTypes: readonly AnswerType[] = ['做法', '成效', '列表', 'general'];

/** …and the words asking for its own work (经验, 做法, 成效…): not what it received (得到了哪些对口支援). */
export const ownPracticeAsked = /经验|做法|举措|措施|成效|成果|特色|亮点|典型|品牌/u;

/** The nouns a college's unit ends with (经济学院, 苏州校区, 智能制造教工党支部). */
const unitEndings: readonly string[] = ['学院', '研究院', '研究所', '校区', '书院', '学部', '党委', '党总支', '党支部'];

/**
 * A unit written right after a college's name: 经济学院, 苏州校区, 智能制造教工党支部. Its words
 * carry no function word.
 */
export const unitAfterName = unitAfterNameEnding(unitEndings);

/** A unit after a college's name, ending with one of `endings`, as the first capture. */
function unitAfterNameEnding(endings: readonly string[]): RegExp {
  return new RegExp(`^((?:(?![的在和与及对是为把被将从向于等了])[\\u4e00-\\u9fa5]){2,8}?(?:${endings.join('|')}))`, 'u');
}

/** An organisation's name holds a word at least this rare in general Chinese (泰达, 精雕), or a proper noun. */
export const organisationWordIdf = 7.5;

/**
 * An organisation that may drop the place it opens with (天津泰达医院 is 泰达医院 in a Tianjin
 * article): a name of its own before 医院, 银行, 公司…; not a school, whose place is its name
 * (宁波职业技术学院 is no 职业技术学院), nor a generic one (人民医院, 第一医院).
 */
export const organisationTail = /^(?!人民|中心|第|市|省|县|区)[\u4e00-\u9fa5]{2,}(?:医院|银行|公司|集团|商会)$/u;

/**
 * Provinces and their capitals by their short names: places a question is about even without a
 * suffix (北京, 兰州). jieba's place tags alone are unreliable (上路 is tagged a place). The
 * provinces come first, the cities from 石家庄 on: a place's rank is read off that order.
 */
export const knownPlaces: readonly string[] = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东',
  '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古', '广西', '西藏',
  '宁夏', '新疆', '香港', '澳门', '石家庄', '太原', '沈阳', '长春', '哈尔滨', '南京', '杭州', '合肥', '福州', '南昌', '济南',
  '郑州', '武汉', '长沙', '广州', '海口', '成都', '贵阳', '昆明', '西安', '兰州', '西宁', '呼和浩特', '南宁', '拉萨', '银川',
  '乌鲁木齐', '深圳', '厦门', '宁波', '青岛', '大连', '苏州', '无锡', '温州', '嘉兴', '台州', '绍兴', '金华', '湖州', '湘潭',
];

/** The municipalities: provinces in rank, whose districts lie directly within them (no city does). */
export const municipalities: ReadonlySet<string> = new Set(['北京', '天津', '上海', '重庆']);

/**
 * A word jieba tags as a place, without a place's suffix, is one when at least this rare in general
 * Chinese (珠海 8.4; 上路 8.0 and 深度 7.0, which jieba tags as places too, fall below).
 */
export const placeWordIdf = 8.3;

/** Place names (东营市, 甘肃省): the subject of a question; articles often drop the suffix (东营). */
export const placeName = /^[\u4e00-\u9fa5]{2,8}(?:省|市|县|区|州|镇|乡|街道|自治区)$/u;

/**
 * A question whose answer is a list of colleges (哪几家提到了…, 哪些学校开展了…), or the one that did
 * it (哪个学院获得了…): each college whose article says it is an item.
 */
export const collegesListed = /哪几(?:家|所|个学院|个学校|个院校)|哪些(?:学院|院校|高校|学校)|哪(?:个|所|家)(?:学院|院校|高校|学校|高职院校)/u;

/** The counted head closing a quoted list (”四大工程 after “红船领航、…、制度护航): group 1 the count. */
export const listedHead = /^”([一二三四五六七八九十两]+)(?:大|个|项|条|种)?\p{Script=Han}{1,3}?(?:工程|计划|行动|教育|制度|机制|举措|项目|体系|活动)/u;

/** Asking which members of a set (哪些, 分别是, 叫什么, 是谁, 具体是哪). */
export const membersAsked = /哪些|哪几|分别|叫什么|是谁|具体是哪|都是哪/u;

/** A count and what it counts in a question (那16个双融双促红色共同体都…, 8个校级科创平台具体…): groups count, classifier, noun. */
export const countedSetAsked = /(\d+|[一二两三四五六七八九十]+)(个|家|所|支|项|名|位|人|门|条)(“?\p{Script=Han}{2,12}?”?)(?=都|分别|具体|是|有|叫|跟|和|的|[？?]|$)/u;

/** The verb before a clause's list whose first item follows it (…第二批项目|标杆院系1个、样板支部1个…): the last one in the item. */
export const listLeadVerb = /(?:项目|计划|包括|获得|获批|获评|获|立项|入选|建成|设立|设置|开展|实施)(?!.*(?:项目|计划|包括|获得|获批|获评|获|立项|入选|建成|设立|设置|开展|实施))(.+)$/u;

/** A comparison asking across the colleges in words acrossColleges does not hold (其他学校, 所有学院). */
export const otherCollegesAsked = /其他|其它|别的|所有|全部/u;

/** How many characters before 学院 or 工程系 a unit's name may reach (机电与模具工程学院). */
export const unitNameReach = 8;

/** A draft request drawing on the colleges at large (综合各院校…, 几所学院的经验, 五所学院的党建经验, 各学校…). */
export const acrossColleges = /各(?:个)?(?:学院|院校|高校|学校|校)|(?:几|多|这?[两二三四五六七八九十几])(?:所|个|家)(?:学院|院校|学校|高校|职院)/u;

/** A question about every college or unit (各学院…, 分别): its answer hears from each. */
export const scopeOfAll = /各(?:个)?(?:学院|院校|高校|学校|校|单位|支部|党支部|地)|哪些(?:学院|院校|高校|学校)|哪几(?:家|所|个学院|个学校)|分别|都(?:是)?(?:如何|怎样|怎么)/u;

/**
 * A follow-up without a topic of its own carries the stretch of the last question between its
 * strongest topic words, this many of them (校外专家来当兼职老师, not 校外专家来当兼职).
 */
export const carriedTopicWords = 3;

/** Words that point back at something said before (a follow-up). */
export const referringWords = /他们|她们|它们|该校|该院|该系|该支部|该党支部|该党总支|该单位|这所|那所|这些|那些|[这那]几(?:位|项|个|名|支|条|种)|上述|前者|后者|以上|此项|这项|那项|这个做法|这一做法|其(?![他它中实余次])(?=[\u4e00-\u9fa5])/u;

/** A yes-or-no question claiming the year a thing was done (是2022年评上…的吗, 是在2021年入选的吗): the year is what it asks. */
export const yearClaimedAsked = /是(?:在)?(?:19|20)\d{2}年[^？?，,]*(?:吗|么|嘛|吧)[？?]?$/u;

/** When the thing the last answer told happened, asked with a bare pointer (那是哪年的, 这是什么时候的事): group 1 asks it. */
export const whenOfAnswerAsked = /^(?:那|这|它)(?:个)?(?:又)?是?(?:在)?(哪一?年|什么时候|何时|哪一?天|几月|哪个月)(?:的|的事|的事情|发生的)?呢?[？?]?$/u;

/** The longest lead of an answer a bare pointer asks about (那是哪年的) that is searched for as it is. */
export const leadClaimLength = 100;

/** 他 or 她 pointing at one person (她拿过什么奖), not 他们, 其他, 他人 or 吉他. */
export const personPointer = /(?<![其吉])[他她](?![们人])/u;

/** Characters that follow a person's name rather than end it (黄忠慧获…, 于施佳是…). */
export const nameEnd = /[获是的在等为和与及入任被从到去]/u;

/** Three or more quoted names in a row (“书记工作室”、“劳模工作室”、“博士工作室”, “强基”“提优”“攀登”): a list an ordinal may point into. */
export const quotedRun = /“[^”]{1,20}”(?:、?“[^”]{1,20}”){2,}/u;
/** A phrase in Chinese quotation marks (“把支部建在团队上”). */
export const quotedPhrase = /“[^”]+”/gu;

/** Characters a lead and every point after it open with that make the lead one of the points (每位党员每月…). */
export const parallelOpening = 2;

/** Parts of a message answered apart at most; a message of more is answered as one question. */
export const maxParts = 4;

/** A message's first part opening with a word this rare (a person: 张伟中是…) lends it to later parts without a subject. */
export const partOpeningNameWeight = 2;

/**
 * How a question is led up to and closed (see concise-question.ts): the lead-up about the asker, the asking's opener (想提前知道,
 * 想了解一下), a pointer to the college the lead-up named (他们机电与模具工程学院…), and a closing
 * courtesy clause (麻烦帮我查一下, 越具体越好, 谢谢).
 */
export const leadUpWording = {
  /** A lead-up clause about the asker and their errand (我们书记下周要去…调研, 领导让我摸个底), not about the topic (自我申报时, 领导带头跑企业). */
  aboutAsker: /(?<!自)我|咱|下周|下个?月|明天|后天/u,
  /** …unless it introduces the topic (我想了解一下“三亮三比”工程, 我想了解乡村振兴，…): then it is the question's. */
  introducesTopic: /了解|知道|问问?|请教|关于|[“"]/u,
  opener: /^\s*(?:我们?|请问)?(?:想|要|希望|需要)?(?:提前|先|再)?(?:知道|了解|问问?|请教|确认|查查?)(?:一下)?[：:，,]?/u,
  pointer: /^(?:他们|她们|它们|该校|该院)(?:的)?/u,
  courtesy: /^(?:麻烦|请|帮(?:我|忙)|辛苦|谢谢|感谢|多谢|越.{1,4}越好|尽量|尽可能|具体(?:一点|些)|详细(?:一点|些))/u,
} as const;

/** A clause giving examples of what the clause before it asks (…拿过些什么荣誉称号，比如省优秀党务工作者…): no part of its own. */
export const partExamples = /^(?:比如|例如|譬如|诸如|像是)/u;

/**
 * A part of a message that asks something (a question word, a count, 吗): where several do, each is
 * answered apart. Not 这几支队伍 (“these teams”), which points rather than counts.
 */
export const partAsks = /多少|(?<![这那])几[个项名人位次家所支大类种条门年届批场期篇本张份岁万元](?![^，,。？?]{0,12}的)|哪|什么|谁|何时|何地|如何|怎|吗|是否|是不是|有没有/u;

/** Words that join a later part to the first (另外有多少讲师…, 并且在…): not part of what it asks. */
export const partJoin = /^(?:另外|还有|此外|并且|而且|以及|同时|那么)\s*/u;

/** The unit after a college's name that a later part of a message is asked about too (智能制造支部, 风能学院). */
export const partSubjectUnit = unitAfterNameEnding([...unitEndings, '支部', '系']);

/** Words of a later part that point at the first part's answer (这些, 上述…), not at its college (他们, 该校: carried as a follow-up would be). */
export const partReferringToAnswer = /它们|这些|那些|[这那]几(?:位|项|个|名|支|条|种)|上述|前者|后者|以上|此项|这项|那项|这个做法|这一做法/u;

/** A later part that opens on the first part's answer (各是什么, 分别…, 这…): the message is one question. */
export const partOpening = /^(?:各|分别|其中|这|那些|该)/u;

/**
 * A pointer to a thing an earlier question named (这个阵地 after …海棠花红智能先锋阵地…, 这个活动日 after
 * …风能党员活动日…): the pointer and the noun it ends with.
 */
/** A question asking what a thing is called or is (党建品牌是什么, 有啥机制): its answer gives the name a later 这个… points at. */
export const askedWhatItIs = /(?:是什么|是啥|是哪个|叫什么|叫啥|有啥|有什么)[？?]?$/u;

export const pointerToNamed = /(?:这个|那个|这一|这项|该)([\u4e00-\u9fa5]{1,4}?)(?=[的有是在怎如主具都要呢能会被？?，,]|$)/u;

/** A topic that names a practice (“三服务”工程, 三融教育, …工作法): what a follow-up's 它 may be. */
export const itsPractice = /“[^”]+”|[一二三四五六七八九十两](?![等年届级名人次])\p{Script=Han}|(?:工程|项目|计划|行动|工作法|制度|机制)$/u;
/**
 * …when what 它 is asked is asked of a practice (它落实的…, 它的成效, 它具体怎么做): else 它 is the
 * college (它的就业率, 它有多少个…基地, 它的支部党员…).
 */
export const askedOfPractice = /^(?:那么?|那)?它(?:的)?(?:落实|对应|包括|包含|具体|主要|内容|做法|成效|效果|成果|目的|意义|作用|怎么|如何|是怎|是什么|指什么|有哪些(?:做法|内容|环节|措施))/u;
/** Provinces: a bare follow-up naming one (那浙江的呢) may mean several colleges, never the one whose name opens with it. */
export const provinces = /^(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门)(?:省|市|自治区)?$/u;

/**
 * A pointer that names what it points at (这个支部, 那个学院, 这支队伍, 该支部): the conversation's
 * college's own, the unit the conversation named when it is of that kind.
 */
export const namedPointer = /(?:这个|那个|这支|该)(党支部|支部|党总支|学院|学校|单位|团队|队伍)/u;

/**
 * A clause that only leads into the next (在基地建设、师资培养…等方面, 依托校企地产教融合生态圈,
 * 通过组织党员走访…): a cut must not end on it.
 */
export const leadInClause = /^(?:在|围绕|按照|依托|通过|借助|针对|面对|面向|随着|本着|立足|为了|基于)(?!.*(?:了|着|过)$)/u;

/**
 * 其中哪个拿了…: one of the things the previous question listed, asked for without its noun (group 1 is
 * the asking word the noun goes after).
 */
export const amongPointer = /^(?:其中|这些人中|他们中|他们当中|这当中)\s*(哪(?:个|位|名|一个|一位|一名))/u;

/** What the previous question asked a list of (出了哪些优秀学生 → 优秀学生): group 1. */
export const listedNoun = /(?:哪些|哪几(?:个|位|名|所|家|支)?)([\p{Script=Han}]{1,8}?)(?:[？?，,。！!]|$)/u;
/** …or where it asks, when its noun comes first and the question goes on (哪些支部拿了…). */
export const listedAsking = /哪些|哪几(?:个|位|名|所|家|支)?/u;

/**
 * A follow-up that names a counterpart within the previous question's topic and then asks its own
 * question (那配套的项目呢，一共多少个？ after …为“服务共富”出台了多少项举措？): the topic is carried
 * though the question has words of its own.
 */
export const counterpartFollowUp = /^(?:那么|那)\s*[^，,。？?]{1,12}?呢[，,]/u;

/**
 * A pointer to the previous question's topic by a general noun (这项工作, 这一做法, 上述举措): the
 * follow-up asks about that topic though it has words of its own (这项工作得到了哪位领导批示肯定？
 * after …“服务共富”八大工程…), and the pointer gives way to it.
 */
export const pointerToTopic = /(?:这项|此项|该项|那项|这一|这个|这些|那些|[这那]几(?:项|个|条|种)|上述|以上)(?:工作|做法|举措|措施|工程|活动|项目|经验|行动|计划|机制|制度)/u;

/**
 * A follow-up asking which of what the previous question listed (其中第二批的是哪个, 首批的有哪几个):
 * asked within its topic. Not 其中哪个… (`amongPointer`), nor one naming what it counts (其中专利有多少项).
 */
/** The same asked the other way round, of what the items are (其中哪些是国家级的, not 其中哪些是女生): the opening, the asking word, what narrows. */
export const invertedNarrowing = /^((?:那么?)?其中)(哪(?:个|些|几个|一个|位|家|所))(?:是|属于|算)([^？?，,\s]{1,10}?)的([？?]?)$/u;
export const narrowingFollowUp = /^(?:那么?)?(?:其中(?!哪)[^？?]*?|[^？?，,\s]{1,6}的(?:是|有)?)(哪(?:个|些|几个|一个|位|家|所))([？?]?)$/u;

/**
 * Asking what the articles say of a person they name (朱光耀是啥身份, 方文浩拿过啥奖, 张伟中入选了啥,
 * 马庆斋是啥称号, 方文浩是什么人): answered by the clause naming them, whatever its words.
 */
export const personProfileAsked = /(?:(?:是|算|属于)?(?:个|一个|一位)?(?:啥|什么)(?:样的?)?(?:身份|人物|人|称号|荣誉|来头|职务|头衔)|(?:拿|获|得|评|荣获)(?:过|了|到)?(?:啥|什么|哪些)(?:奖项?|称号|荣誉)?|入选(?:了|过)?(?:啥|什么)|有(?:啥|什么|哪些)(?:事迹|荣誉|成绩|头衔)|是干(?:啥|什么)的|是谁)[呢吗吧]?[？?]?$/u;

/** Finding the people an article names (people.ts). */
export const peopleKnobs = {
  /** The commonest surnames: a name opens with one. */
  surnames: '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤樊施',
  /** Characters no name holds: function words. */
  notInName: /[的了是在和与及等为把被对从向由以]/u,
};

/** A question ending on the thing it counts (…立项了几名双带头人标兵): the asking word, its classifier, the thing. */
export const countedAtEnd = /(几|多少)([名个项位支家所门篇次]?)(\p{Script=Han}{2,8})[？?]?$/u;

/** A level an honour is of, as a follow-up sets it for the previous question's (那省级的呢 after …国家级的奖). */
export const levelCounterpart = /国家级|全国性|全国|省部级|省级|全省|厅级|市级|全市|区级|县级|校级|院级/u;

/** How a text marks each level a follow-up may swap in (省级 is said by 湖南省…, 浙江省…). */
export const levelMarkers: readonly (readonly [RegExp, RegExp])[] = [
  [/国家级|全国/u, /全国|国家/u],
  [/省/u, /省/u],
  [/厅级/u, /厅/u],
  [/市/u, /(?<![城都超])市(?!场)/u],
  [/区级/u, /区/u],
  [/县级/u, /县/u],
  [/校级/u, /校级|全校/u],
  [/院级/u, /院级/u],
];

/** People pointed at without their kind (这几位分别是什么职务): the ones the last question asked about. */
export const peoplePointer = /^(?:那么)?[这那]几(?:位|名|个人)(?!\p{Script=Han}{0,2}(?:老师|教师|党员|学生|书记|专家|教授|博士))/u;

/**
 * Those who did what the conversation told, named by the doing alone (去的老师都有谁, 都是哪些老师去的,
 * 参加的学生有几个): a verb with no object of its own points back at the last answer.
 */
export const definiteByDoing = /^(?:那|那些|这些)?(?:派去|去|参加|参与)(?:了)?的|(?:都是|是)(?:哪些|哪几位|哪位|谁)\p{Script=Han}{0,4}?(?:去|参加|参与)的[？?]?$/u;

/**
 * Asked who or how many won what the last answer told, the winning said without its object and the
 * question without a thing of its own (全省有几家高职拿到, 还有谁获得过; not 浙江工匠有几个人入选): the
 * thing won is the conversation's.
 */
export const objectlessWinning = /^(?:那|那么|还有|另外)?(?:全省|全国|全市|省内|国内|省里|全校|一共|总共)?(?:一共|总共)?(?:有|还有)?(?:几|多少|哪些|哪几|谁)[^，,。？?]{0,6}?(?:拿到|拿了|拿过|获得|获得过|得到|得过|获过|获此殊荣|入选|入选过)(?:了|过)?[？?]?$/u;

/** A yes or no with no subject of its own (有没有拿过一等奖, 是国家级的吗): asked of the conversation's; not one asking of any college or person (是否有院校…, 有人…吗). */
export const subjectlessYesNo = /^(?!.*(?:院校|学校|高校|学院|单位|支部|人))(?:那么?|还|那还)?(?:有没有|是不是|是否|有无|有|是|拿过|获过|得过|评过|入选过)/u;

/**
 * A short count or date asked with no subject of its own (一共培训了多少人, 哪年开始的): asked of the
 * conversation's, since each college gives its own; at most `maxLength` characters and
 * `ownWordsAtMost` words of its own (去年参加技能大赛的学生有多少 says its own topic). One that says
 * whose (全国, 全省, 各校, 哪些学校) asks beyond it.
 */
export const subjectlessFactoid = { maxLength: 14, ownWordsAtMost: 1, beyond: /全国|全省|全市|各校|各院校|院校|学校|高校|学院|单位|支部|党委|党总支|谁|哪些|哪几/u };

/** A question that opens asking of each of what was said (分别是第几批, 那它们分别是哪年评上的). */
export const eachOpening = /^(?:那么?)?(?:它们|他们|她们|两者|二者|两个|两所|两校)?(?:各自|分别)/u;

/** A question that opens like a continuation (那…呢, 还有…, 另外…, 其中…). */
export const continuationOpening = /^(?:那|那么|还有|另外|此外|再|又|同时|其中)|呢[？?]?$/u;

/** A question that sets two things side by side (有何不同, 异同, 各自…): each side is asked on its own. */
export const pairCue = /异同|区别|差异|差别|共同点|相同点|相同之处|相似之处|重合之处|各自|不同(?:之处|点)?(?=[？?。！!]|$|吗|呢)|[，,]\s*(?:哪个|哪一个|哪所|哪家)|(?<=(?:院|校|部|委|支部|中心)[和与跟及][^？?，,]{1,16})都(?=[^？?，,]{1,30}(?:吗|么|嘛)[？?]?$)|(?<=(?:院|校|部|委|支部|中心)[和与跟及][^？?，,]{1,16})(?:分别|各(?=是|有))/u;

/** Which of the two (A和B，哪个的团队是…): asked of each side, the question word goes. */
export const pairWhich = /^[，,]\s*(?:哪个|哪一个|哪所|哪家)(?:的)?/u;

/** What joins the two sides of a pair question, the surer first. */
export const pairConnectives: readonly string[] = ['以及', '和', '跟', '及', '与'];

/** Where the second side's name ends (…专业在…, …学院的…, …各自…). */
export const pairSideStop = /^(?:在|的|之间|各自|分别|各(?=是|有)|有何|有什么|有哪些|有|相比|方面|是|都|对于|对)/u;

/**
 * A unit claimed to be the one another belongs to (是归智能制造学院党总支管的吗, 属于电气工程学院党总支吗):
 * group 1 the parent named, a 党总支, 党委 or 系 (not a 院系 of a level, 省级标杆院系, nor a college).
 * Told by the article's unit in full (精密制造工程系党总支智能制造教工党支部).
 */
export const parentClaimed = /(?:是归|是属于|归|属于|隶属于?|是)(?!归|属)((?:(?!的|所在|全国|国家|全省|省级|首批|标杆)\p{Script=Han}){2,14}?(?:党总支|党委|(?<!院)系))(?:管|领导|管理|下属|下面|下边|底下)?的?(?:吗|么|吧)[？?]?$/u;

/**
 * Asked which named part of the work a thing belongs to (这属于哪个工程, 积分管理手册算哪项计划里的):
 * group 1 the kind; the heading over the sentence that says the thing answers, where it names that kind.
 */
export const sectionAsked = /(?:属于|归于|归属|是|算|在)(?:哪个|哪一个|哪项|哪一项|哪类|哪一类|什么)(工程|项目|计划|行动|板块|部分|举措|措施|模块|环节)/u;

/**
 * One item of a counted list asked by its place (五大工程里第一个是啥, 五大工程最后一个): group 1 how
 * many the list counts, group 2 the item's number, or group 3 最后 for the last.
 */
export const itemPositionAsked = /([两二三四五六七八九十]|\d{1,2})(?:大|个|项|条|种|支)[^，,。？?]{0,10}?(?:第([一二三四五六七八九十]|\d{1,2})|(最后|末尾))(?:一)?(?:个|项|条|点|那个)/u;

/**
 * One item of a list asked by its place without the list's count (底下分的几块里，排老三的是哪块; 这几条
 * 里第二条): group 1 the item's number. 老三 is colloquial for the third.
 */
export const itemPlaceUncounted = /(?:几|哪几)(?:大|个|项|条|种|支|块|点|部分|方面)[^。？?]{0,8}?(?:排)?(?:第|老)([二三四五六七八九十]|\d{1,2})(?:的|个|项|条|块|点|部分)/u;

/**
 * One item of a counted or quoted whole asked by what it says (“四个一”里，哪一条配了个…活动日): the
 * item whose text, with what follows it up to the next item, shares most of the rest of the question.
 */
export const itemByContentAsked = /(?:里|中|当中|之中)[，,]?(?:的)?(?:是)?哪一?(?:条|项|个|点|招)/u;

/**
 * An order a table request asks its rows in (按立项时间从早到晚排, 按合作企业家数从多到少): group 1
 * what it orders by (立项时间, 合作企业家数), group 2 the direction. 早/先 orders by the earliest
 * year a row's cells write; 多/高/大 by the count they write, of the unit before 数 where it names one (家数 → 家).
 */
export const tableOrderAsked = /按(?:照)?([^，,。；;：:、按]{0,12}?)(?:从|由)(早到晚|晚到早|先到后|后到先|多到少|少到多|高到低|低到高|大到小|小到大)/u;

/** Asked what parts a section the question names holds (“锻造红船铁军”这一部分讲了哪几块内容): its parts answer. */
export const sectionPartsAsked = /(?:哪|几)几?(?:块|个?部分|个?方面|个?板块)/u;

/** A pointer at an article (那篇文章, 这篇稿子): which text to read, set aside before a question's words are weighed. */
export const articlePointer = /(?:那|这|该)篇(?:文章|稿子|报道)?/gu;

/**
 * What follows a place (or places: 苏州和湖南) that stands for its college: a pointer at the article
 * (苏州那篇, 湖南的文章), or a kind of unit (两个教工党支部, 那所学校).
 */
export const placeAsCollege = /^的?(?:那边|这边)?的?(?:那|这)?(?:[两二三四五几])?(?:个|家|所|篇)?(?:教工|教师|学生|师生)?(?:党支部|支部|党总支|党委|学院|学校|院校|高校|职院|篇|文章|稿子)|^(?:这)?[两二三四五几](?:家|所)|^(?:那边|这边)(?=和|与|、|跟|及|(?:这)?[两二三四五几](?:家|所)|的?(?:文章|材料|稿子|做法|经验))/u;
/** Colleges counted (两家, 这三所): the places listed before stand for colleges. */
export const countedColleges = /[两二三四五几](?:家|所)/u;

/**
 * Characters a pinyin keyboard puts in place of one another in a college's name (台洲 for 台州,
 * 湖南电器 for 湖南电气, 浙江机店 for 浙江机电, 嘉织院 for 嘉职院): a corpus college's name or short
 * form of three or more characters typed with one of them swapped is read as that name.
 */
export const nameHomophones: readonly (readonly string[])[] = [
  ['州', '洲', '周'],
  ['气', '器', '汽'],
  ['电', '店', '点'],
  ['职', '织', '植', '值'],
  ['机', '基', '鸡'],
  ['工', '公', '功'],
  ['技', '计', '记'],
  ['科', '可', '课'],
  ['业', '页'],
  ['院', '园', '元'],
  ['兴', '星', '新'],
  ['嘉', '佳', '家'],
];

/** The colleges at large, as a comparison or a draft names them (几个学校, 几所院校): not a count asked. */
export const collegesAtLarge = /[几多各][个所家]?(?:学校|院校|学院|高校|兄弟院校|职院)/u;

/** Asked which unit a unit belongs to (隶属于哪个系的党总支, 是哪个学院的): the article's unit in full answers. */
export const unitParentAsked = /隶属|属于|所属|归属|哪个(?:系|党总支|党委|学院|二级学院|支部|党支部)/u;

/** The comparing words after the sides, replaced when a side is asked on its own. */
export const pairTailCue = /(?:之间|各自|分别)?(?:有何|有什么|有哪些|存在哪些|存在什么|的)?(?:共同点和不同点|相同点和不同点|共同点与不同点|异同之处|异同点|异同|不同之处|不同点|不同|区别|差异|共同点|相同点|相同之处|相似之处|重合之处|差别)/gu;

/** Words of a pair question's tail that only say “each of the two” (…都有…吗 opens with 都). */
export const pairEach = /之间|各自|分别|^都|^各(?=是|有)/gu;

/**
 * Synonyms of this field: a text covers a word when it holds the word or one of its synonyms.
 * Each group is a set of interchangeable expressions; keep it to terms party-building articles
 * really use for the same thing.
 */
export const synonymGroups: readonly (readonly string[])[] = [
  ['党史学习教育', '党史教育', '学党史', '党史学习'],
  ['校企合作', '产教融合', '校企协同', '校企共建', '校企地', '政行企校', '产教联合体', '校企双主体', '职教集团'],
  ['师德师风', '师德建设', '师德', '师风', '四有', '教书育人'],
  ['志愿服务', '志愿者', '志愿活动', '公益服务', '公益志愿', '志愿实践'],
  ['党建品牌', '特色品牌', '党建特色品牌', '一院一品', '品牌建设'],
  ['双带头人', '党支部书记与专业建设负责人', '专业带头人任教师党支部书记', '带头人'],
  ['课程思政', '专业思政', '思政元素'],
  ['帮扶', '对口帮扶', '对口扶持', '对口支援', '扶持', '援疆援青', '援疆', '援青', '职教帮扶'],
  ['教师', '教工', '老师', '师资'],
  ['教师队伍', '师资队伍'],
  ['学生', '学子', '师生'],
  ['党员教育', '教育党员', '党员学习'],
  ['理论学习', '学习教育', '中心组学习'],
  ['马克思主义学院', '马院'],
  ['标杆院系', '党建工作标杆院系'],
  ['人才培养', '育人', '培养人才', '培养'],
  ['就业', '访企拓岗', '毕业生'],
  ['新媒体', '融媒体', '两微一端', '官微', '微信公众号', '智慧党建'],
  ['乡村振兴', '帮扶', '共同富裕'],
  // Teachers sent to colleges in the west (支教) are said as 援疆援青, 对口扶持.
  ['支教', '援疆', '援青', '对口扶持', '对口支援', '对口帮扶', '东西部协作', '对外帮扶', '职教帮扶'],
  ['农村', '乡村'],
  ['廉洁', '清廉', '廉政', '党风廉政', '从严治党', '反腐倡廉', '警示教育', '纪律教育'],
  ['获评', '荣获', '被评为', '评为', '荣膺', '拿到', '获得', '获奖'],
  ['国字号', '国家级'],
  ['技能竞赛', '技能大赛', '技能比赛'],
  // An honour of a province's is named by it (湖南省…, 省教育厅…).
  ['省级', '全省', '省'],
  ['第一课', '一堂课', '第一堂课', '开学第一课'],
  ['认可', '满意度', '认同', '好评', '美誉度'],
  // A prize of a grade (一等奖, 特等奖) is an award won.
  ['荣誉', '称号', '荣誉称号', '表彰', '奖项', '获奖', '等奖', '荣获'],
  // How people say it and how articles write it.
  ['一把手', '党委书记', '主要负责人'],
  ['先锋岗', '示范岗'],
  // Office words for the articles' own (套路 for 范式, 加把劲 for 助推, 扮演什么角色 for 唱主角).
  ['范式', '模式', '套路', '路子'],
  ['助推', '加把劲', '推一把'],
  ['主角', '角色'],
  // People held up as examples: asked as 典型人物, written as …等优秀学生代表 (not 先进典型选树, an activity).
  ['典型人物', '优秀代表', '学生代表', '先进人物', '榜样'],
  ['排名', '排行', '排行榜', '名列'],
  ['喜爱', '欢迎', '喜欢'],
  ['劳动教育', '劳动课', '劳育', '劳动精神', '劳模精神', '劳动实践'],
  ['投档线', '分数线', '录取线', '录取分数线', '高考录取分数线'],
  ['涨', '上涨', '增长', '猛增', '提高', '增加'],
  ['宣讲团', '宣讲队', '宣讲小组', '宣传小组'],
  ['工资', '月薪', '薪酬', '薪资', '收入'],
  // Common words of policy and news texts that questions and articles use for each other.
  ['捐款', '捐赠', '捐助', '捐献'],
  ['补贴', '补助', '奖补', '资助'],
  ['雇佣', '聘用', '招用', '录用', '吸纳'],
  ['复工', '复产', '开工', '复业', '恢复生产', '复工复产'],
  ['新冠', '新冠肺炎', '新冠疫情', '疫情'],
  ['企业', '厂家', '厂商', '工厂'],
  // How office staff say what articles write (样板课 for 示范课程, 报刊登载 for 媒体报道).
  ['样板', '示范'],
  ['科技创新', '科创'],
  ['去向落实率', '就业率'],
  ['报刊', '报纸', '媒体', '日报'],
  // A television station is written by its name (浙江卫视, 新闻频道).
  ['电视台', '卫视', '电视', '频道'],
  ['登载', '刊登', '刊发', '报道', '播报'],
  ['义工', '志愿者', '志愿服务'],
  ['来访', '参观', '参观考察'],
  // Built together with a partner (合建 as office staff say it for 合作共建).
  ['合建', '共建', '合作共建', '共同建设', '联合建设', '联建'],
  // Growers, not 养殖户 (who keep livestock): no synonym of 种植户.
  ['农户', '种植户', '农民', '果农'],
  // What a unit holds to, as staff ask it (口号) and articles write it (理念, 宗旨).
  ['口号', '理念', '工作理念', '办学理念', '宗旨'],
  ['定向培养班', '订单班', '订单培养'],
  ['延长', '延期', '顺延', '推迟'],
  ['措施', '举措', '办法', '做法'],
  ['要求', '规定', '须', '必须', '应当'],
  ['便利', '便捷', '绿色通道', '快速通道'],
  ['电子邮件', '电子邮箱', '邮箱', 'email'],
];

/**
 * A word the corpus never uses that ends in one of these (管理方面, 宣传工作, 考核办法, 廉政建设) is read
 * as its stem and the tail: the stem is what the articles say (the tail says only “the work of”).
 */
export const genericTail = /^([\u4e00-\u9fa5]{2,})(方面|工作|情况|问题|领域|办法|做法|举措|措施|建设)$/u;

/** The grades a prize's name may hold before its 奖 (教学成果一等奖 for 成果奖). */
export const prizeGrades: readonly string[] = ['特等', '一等', '二等', '三等'];

/**
 * Words naming honours as a kind (荣誉和表彰): any sentence stating an honour conferred says them
 * (`sentenceCues.conferred`: not the 示范基地 a college built).
 */
export const honourTopicWords: readonly string[] = ['荣誉', '表彰', '奖项', '获奖', '称号', '荣誉称号', '奖励', '嘉奖'];

/**
 * The offices of the asker's own institution opening a request's clause as who asks (教务处和党委联合开…,
 * 人事处和组织部要一起研究…, any 处/办/中心/工作部 such as 科技处 or 党委教师工作部; not 党支部 or 党员干部):
 * not what the draft or table is about, so no word of theirs the articles lack refuses it.
 */
const askerOffice = '(?:教务处|人事处|科研处|学工部|学生处|组织部|宣传部|统战部|纪委|党委办公室|党办|校办|团委|工会|招就处|后勤处|财务处|保卫处|国际处|研究生院|党委|学校|学院|[\\u4e00-\\u9fa5]{1,6}?(?:处|办|中心|工作部))';
/** Colleges just named, counted with their kind (两个教工党支部, 这三家单位, 三所学校). */
export const namedCounted = /(?:这|那)?[两二三四五几](?:个|家|所)(?:教工|教师|学生|师生)?(?:党支部|支部|党总支|学院|学校|院校|单位|高校)/u;
export const askerLead = new RegExp(`^${askerOffice}(?:(?:和|与|、|跟|及)${askerOffice})*(?=联合|一起|共同|要|想|准备|打算|需要|正在|牵头)`, 'u');

/**
 * A clause saying what a table or draft should leave out (，个人获奖的不用列, …没写年份的都不要混进来,
 * 别的章节…一个字都不要搬过来, 学生自己办的公司不算合作企业, 不要写嘉职院的绩效改革, 援疆援青那段不写),
 * or the clause before one that only says to leave it out (…跟服务产业不沾边的，统统略过): no part of what is asked.
 */
export const leftOutClause = /[，,；;。]\s*(?:[^，,；;。]{2,40}[，,]\s*(?:统统|一概|一律|全部|都)?(?:略过|略去|跳过|省略|不收|不算)|[^，,；;]{0,40}?(?:不用|不要|无需|不必|别|不算|不放|不列|不收|不写|(?:统统|一概|一律|全部|都)?(?:略过|略去|跳过|省略|不提|不收))再?(?:列|写|放|算|管|展开|细说|细讲|多写|多说|提|讲|混|掺|往里塞|塞|搬|带|挪|硬凑|凑)?(?:出来|进来|进去|过来|在内)?了?|[^，,；;]{1,40}?(?<!算)不算(?:是)?[^，,；;？?]{1,8}|(?:不要|不用|别|不必|无需)再?(?:写|列|放|提|讲|收|带|涉及)(?:进|上|到)?[^，,；;？?]{2,24}|[^，,；;（(]{1,16}?(?:（[^）]*）)?(?:之前|前面|以前|上次|此前|已经)已?经?(?:写|讲|汇报|报|说|列|整理|通报|介绍)过了?)[。！!]?$/u;

/**
 * The last clause of a sentence leaving out every thing its clauses before name, without a subject
 * of its own (…是护林，…也没写抗台，…更不是一回事，都别拿来顶; …是宣传阵地，都别当党务公开写): the
 * whole sentence is what the request sets aside. Not 别的学校的都不要, whose clause names what it leaves out,
 * nor …一个都不能少 / 这些都别落下, which asks for all of it.
 */
export const leftOutRunEnd = /^\s*(?:这些|这几个|这几样|这几项|以上|上面这些|它们)?(?:也)?(?:统统|一概|一律|全部|全都|都)(?:别|不要|不用|不能|甭|不算|不是|不写|不收|不列|不放|不提)(?!少|漏|落|缺|丢|忘)[^，,；;。！!]{0,12}[。！!]?\s*$/u;

/**
 * A last clause that only says not to stand things in (别拿来顶, 别凑, 也别往里塞, 别混进来): it sets its
 * sentence aside as `leftOutRunEnd` does when the clause before says what those things are (…是护林巡防，
 * …都不是植树，别拿来顶; …那是别的志愿服务，别凑: `leftOutStandInSaid`), not after the request itself
 * (请以嘉职院劳动教育为例写一份汇报材料，别硬凑).
 */
export const leftOutStandIn = /^\s*(?:也)?(?:别|不要|甭)(?:拿来|拿去|往里)?(?:顶|凑|硬凑|充数|塞|混|掺|套)(?:进来|进去)?[。！!]?\s*$/u;
export const leftOutStandInSaid = /是/u;

/**
 * Words that say only whose honours are asked (党组织…拿过哪些集体荣誉): beside a word of
 * `honourTopicWords`, the question still asks for honours alone.
 */
export const honourHolderWords: readonly string[] = ['集体', '党组织', '基层党组织', '党委', '党总支', '支部', '党支部', '学院', '院系', '团队'];

/** Each word of `synonymGroups` with the other words of its groups. */
export const synonymsOf: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const group of synonymGroups) for (const word of group) map.set(word, [...new Set([...(map.get(word) ?? []), ...group.filter((other) => other !== word)])]);
  return map;
})();

/**
 * Four-character words whose first and third characters spell another word (积极分子 → 积分) without
 * being its long form: no 积分 is written in 入党积极分子.
 */
export const notLongForms: ReadonlySet<string> = new Set(['积极分子']);

/** Which colleges' articles lack a topic (哪些学校没有提到…, 哪几所院校还没有…): the complement of a comparison. */
export const lackingKnobs = {
  /** A topic word counts in telling whether a college writes the topic when it weighs this share of the heaviest (清廉 of 清廉建设, not 建设). */
  wordShare: 0.25,
};
export const lackingAsked = /(?:哪些|哪几所|哪所|哪个|哪几个)(?:学校|学院|院校|高校)(?:的文章)?(?:中|里)?(?:还)?(?:没有|没|未|不曾)(?:提到|提及|涉及|写到|说到|讲到|开展|有)?/u;

/** The head noun of an award asked for (什么奖): its name is built on it (…创新奖), not quoted. */
export const awardHead = '奖';
/** What a question asking for a title (拿过什么称号, 被评为什么) names as its name head: the honour's words follow its verb. */
export const honourHead = '称号';

/** How a text marks any of `asked` levels (see `levelMarkers`), or says one of `more`. */
function levelWords(asked: readonly string[], more: string): RegExp {
  const marks = asked.map((level) => levelMarkers.find(([marker]) => marker.test(level))![1].source);
  return new RegExp([...marks, more].join('|'), 'u');
}

/**
 * The highest or lowest level asked of honours (获得的最高荣誉, 哪个级别最低, 级别最高的称号), and the
 * levels an honour's own words give it, highest first: 国家级/全国 over 省/厅 over 市/区 over 校.
 */
export const honourLevels = {
  // Not 最高奖 (a prize's grade: 挑战杯的最高奖), nor asked of who won (哪位学生拿过…).
  superlative: /^(?!.*(?:哪位|哪个人|谁))(?:.*?)(?:最(高|低)(?:级别|层级|档次|规格)?的?(?:荣誉|奖项|称号|名头|头衔|表彰)|(?:级别|层级|档次|规格)最(高|低))/u,
  // The text's marks of each level are `levelMarkers`' (市, not 城市 or 市场), with the ranks' other words.
  levels: [
    { name: '国家级', words: levelWords(['国家级'], '教育部|中国|中华') },
    { name: '省级', words: levelWords(['省级', '厅级'], '自治区') },
    { name: '市级', words: levelWords(['市级', '县级'], '区级') },
    { name: '校级', words: levelWords(['校级', '院级'], '学校') },
  ],
  /** Items of one honour clause: split at 、 and at 和/及 before a level's word or a batch (第二批). */
  itemBreak: /、|(?:和|及|以及)(?=国家|全国|省|市|校|中国|第)/u,
  /** Verbs besides `honourVerb` before honours named in a row (成为首批全国…优质校, 斩获…). */
  moreVerbs: /成为|斩获|跻身/u,
  /** What makes an item an honour, not an approval or a post got (获市委书记批示肯定, 获省科技副总). */
  honourWord: /奖|称号|团队|基地|党组织|院系|标兵|模范|能手|工作室|示范|品牌|优质校|先锋|之星|楷模|荣誉|先进/u,
  /** The other honours listed beside the answer, at most. */
  othersShown: 6,
} as const;

/** What a question asking who did something to it (被谁认可, 得到谁的肯定) names as its name head: the 被 clause's agent answers, a body as well as a person. */
export const agentHead = '被';
/** Asking who did something to the question's subject: 被谁, 由谁, 得到了谁的, 受到谁. */
export const agentAsked = /被谁|由谁|(?:得到|受到|获得)(?:了|过)?谁/u;
/** A 被 clause's agent, before what it did (被|嘉兴市建设高地领导小组办公室|列为…). */
export const passiveAgent = /(?<=被)[^\s，,。；;、“”]{2,24}?(?=列为|评为|认定为?|确定为|授予|批示|肯定|认可|表彰|收录|采纳|推广|命名|点赞|报道|表扬)/gu;
/** A question asking the title something won or was given, not the name something is called by. */
export const honourAsked = /(?:什么|啥|哪个|哪些|何种)(?:荣誉)?称号|(?:评为|获评|授予)(?:了)?(?:什么|啥)/u;
/** Verbs an honour's words follow (荣获国家级教育教学创新团队). */
export const honourVerb = /(?:荣获|获评为?|获批|(?<!收)获得(?!感)|被评为|评为|授予|入选为?|命名为|(?<![收捕])获(?![得评批悉奖]))了?/gu;

/** People asked for in the plural (请了哪些人): the kinds of people a list names answer too (劳模工匠、企业家等50余人). */
export const peopleKindsAsked = /哪些人|哪几类人|什么人/u;

/** The kinds of people a sentence names by their role (各级党组织书记, 全体党员教师): what 由哪些人来讲 asks for. */
export const peopleRole = /(?:各级|全体|广大|全校|各)?(?:党组织|党委|党总支|党支部|支部|学校|学院|校院两级)?(?:党员)?(?:书记|副书记|校长|院长|领导干部|领导|干部|党员|教师|老师|专家|代表|辅导员|班主任|劳模|工匠|能手)(?:们)?/gu;

/** Units that answer the same count question (多少名 may be answered by 27名 or 27人). */
/**
 * Units a count asked with another answers, one way only: 人才多少个 is said colloquially of people
 * (130名); 多少名 is never answered by 个. Not 位, which this field's names hold (五位一体, 四位一体).
 */
export const unitsAlsoAnswering: Readonly<Record<string, readonly string[]>> = { 个: ['名'] };

export const unitGroups: readonly (readonly string[])[] = [
  // 人次 counts times people did something, not people: 多少名党员 is no 15人次; 多少人 may be.
  ['名', '人', '位', '余人'],
  ['人', '人次'],
  ['个', '项', '种', '类', '条'],
  ['元', '万元', '亿元', '万', '亿', '钱'],
  ['次', '场', '场次', '期', '批'],
  ['家', '所', '个'],
  ['小时', '天', '周', '月', '年'],
  ['%', '％', '个百分点', '百分之', '比例', '率'],
  // 面积 stands for how large (面积多大): no span writes it.
  ['面积', '平方米', '亩', '公顷', '㎡'],
];
/** A question asking how much money (月薪多少, 经费有多少): answered in 元 or 万元, not a rate beside it (就业率98%). */
export const moneyAsked = /(?:月薪|年薪|工资|薪酬|薪资|经费|资金|金额|奖金|奖学金|捐赠|捐款)[^，。？?]{0,4}(?:多少|几)|(?:多少|几)[^，。？?]{0,3}(?:经费|资金|钱|奖学金)/u;
/** …a share (比例, 百分之多少): answered in %. */
export const shareAsked = /比例|比率|占比|率|百分之/u;
/** …how large an area (面积多大, 多少面积). */
export const areaAsked = /面积|占地/u;
/** A year and nothing more (2021年): a date, no answer to how long. */
export const yearOnly = /^(?:19|20)\d{2}\s*年$/u;

/**
 * People counted with the general classifier (多少个讲师, 几个青年教师): answered by 27名 or 27人.
 * The noun must end the phrase, before a particle or a verb (几个老师直聘了…): 多少个党员先锋岗 counts
 * posts, 几个学生劳动实践基地 bases, 多少个辅导员工作室 rooms, not people.
 */
export const countedPeople = /(?:多少|几)个[\u4e00-\u9fa5]{0,4}?(?<!的)(?:讲师|教师|老师|教授|副教授|党员|学生|同学|人员|干部|专家|员工|职工|毕业生|志愿者|工匠|劳模|辅导员|班主任|书记)(?=$|[的在是有和与及都曾已还能会要从到被为中里收挣获拿比参入读攻去考做当带评直晋升提成通担任申走进，,。？?])/u;

/** The unit a count question names: 几名 → 名, 多少家 → 家 (none: any quantity answers). */
/** Asked which of a series (第几批, 第几届): its ordinal answers (首批, 第二批); group 1 is what is counted. */
export const ordinalAsked = /第几(批|届|期|轮|次|名|位|个|项|场|站)/u;

export const askedUnit = /(?:多少|几)(人次|小时|万元|亿元|平方米|亩|名|人|位|个|项|次|家|所|支|篇|门|届|批|场|期|条|种|张|份|元|钱|天|周年|年|岁|倍|台|套|册|本|件|部|方(?!面))/u;

// ------------------------------------------------------------------------------------------------
// Evidence and refusal

export const evidence = {
  /**
   * Words of people whose stem means something else (研究生 of 研究课题, 工程师 of 工程): read whole,
   * never by their parts.
   */
  wholePeopleWords: /^(?:研究生|工程师|大学生|留学生|实习生|中学生|小学生|设计师|会计师)$/u,
  /**
   * The best window (a sentence with its neighbours, the article's title, college and unit as
   * context) must cover this share of the question's subject and topic weight.
   */
  minimumCoverage: 0.5,
  /**
   * A sentence of another year than asked, in an article that never writes the year asked, is told
   * as that year's only when it says this share of the topic's weight itself (2021年先后7次招聘，共引进
   * 高层次、紧缺人才130名 for 2019年引进了多少名…人才), not through its neighbours and title.
   */
  otherYearOwnTopic: 0.5,
  /**
   * …and one sentence of an article that fits (with its passage's context, not its neighbours)
   * must hold this share of the whole question's weight: a window that gathers the topic from
   * three sentences of another policy is no answer.
   */
  minimumSentenceCoverage: 0.35,
  /** Words found only in the article context count this much. */
  contextFactor: 0.8,
  /** A compound whose parts all stand in the text (媒体…报道 for 媒体报道) counts this much. */
  partsFound: 0.85,
  /** A name is found with this many other characters inside it (机电与模具学院 → 机电与模具工程学院). */
  nameSlack: 2,
  /** A unit's short form keeps characters of its name within this many (机模 of 机电与模具…), its noun within half as many after (…工程学院). */
  abbreviationReach: 8,
  /**
   * A count the article gives only vaguely (形成一批“课堂革命”典型案例, 若干项目): asked 有多少个, the
   * clause saying the thing this way, where no clause saying it has a number, tells that none is
   * written. A topic word follows it in its clause.
   */
  vagueCount: /一批|若干|一系列|大批|一些|众多|不少/u,
  /**
   * A question saying the article gives a name only short, asking which one it is (文里只写了“能源集团”，
   * 到底是哪家能源集团): group 1, the name. The articles answer it only where they write a longer name ending
   * in it (浙江能源集团), not where it follows a joining word or a mark (党总支与能源集团、…).
   */
  shortNameAsked: /只(?:写|提|说)了?[“"]([^”"]{2,16})[”"][^？?]{0,16}?(?:到底|究竟|具体|全称)[^？?]{0,6}?(?:是|叫)?(?:哪|什么)/u,
  /** What stands right before a name when nothing longer is written with it: a joining word, a mark, or nothing. */
  shortNameBefore: /(?:^|[与和及同跟为在是了的、，,。；;：:（(“"\s])$/u,
  /** A number in a clause, in figures or counted in words (15家, 三项). */
  countInClause: /\d|[一二三四五六七八九十两百千万]+(?:个|项|名|家|所|支|门|条|种|位|次|件|台|套|篇|本|张|份|批|场|期|人)/u,
  /** The noun a count question counts, right after 多少/几 and its measure word (多少个教科研实训室). */
  countedNoun: /(?:多少|几)(?:个|名|家|所|项|支|门|条|种|位|人次|次|件|台|套|篇|本|张|份|批|场|期)?([\u4e00-\u9fa5]{2,10}?)(?=[？?，,。！!]|$|的|被|在|是|有|呢|吗|啊|获|参加|入选|受益)/u,
  /**
   * A count of people followed by what they won (3名党员获厅级…, 15人次获省科技副总…) counts winners,
   * not the people asked about, unless the question asks about winning (`winningAsked`).
   */
  winnersCounted: /^[^，,；;。、]{0,4}?(?:获|荣获|获评|被评为|评为|入选|当选)/u,
  winningAsked: /获|奖|荣誉|称号|评|入选|表彰|当选|先进|优秀/u,
  /** …a count of people (3名, 15人次): 7个案例入选 counts the cases asked about. */
  peopleCounted: /(?:名|人|位|人次)$/u,
  /** 一 with a classifier (一位, 一个): before a noun (一位党员教师对接…) it is “a”, no count. */
  articleOne: /^一[个位名项支家所次条种件批场门篇]$/u,
  /** Characters after a qualifier (铁路 of 铁路劳模) read for the noun it qualifies, written in any of its forms (劳动模范). */
  qualifiedReach: 6,
  /** A paraphrase counts this much times the share of its bigrams the text holds (at least half). */
  paraphraseFactor: 0.5,
  /** Sentences on each side of a sentence that form its window. */
  windowRadius: 1,
  /** A neighbour's words count this much in a sentence's window. */
  neighbourFactor: 0.7,
  /** A typed question (数量, 时间…) needs a span of its type next to its topic; without one, strength counts this much. */
  missingTypeFactor: 0.45,
  /** Share of the focus weight (the question's words but names and intent) that must stand in the clauses around a typed span (or, at typedNeighbourFactor, the sentences beside it). */
  typedFocus: 0.4,
  /** …of which, for a count, the span's own clauses must hold at least this share: the sentence beside it may complete the topic, not be all of it (…企业家等50余人进校园 beside a sentence about 现场工程师). */
  typedOwnFocus: 0.1,
  /** A 名称 question's topic share a sentence without a name must say itself for its run-in label's name to answer it. */
  labelNamesTopic: 1,
  /** A time that opens the sentence as a clause of its own, with at most this many other characters (2020年以来，…; 截至2023年底，…), dates the whole sentence. */
  openingTimeRest: 4,
  /** …and then, read across the whole sentence, the focus share must reach this instead of `typedFocus`. */
  openingTimeFocus: 0.6,
  /** A sentence with one span of the asked type answers when it holds this share of the focus, however far apart. */
  soleSpanFocus: 0.8,
  /** A person's titles are read this many characters back from the name (党委书记兼…院长杨伟国). */
  titleChainLength: 30,
  typedNeighbourFactor: 0.5,
  /** A 时间 question is answered by the article's own date when a short sentence (a headline) says nearly all of it. */
  datedHeadlineLength: 40,
  datedHeadlineCoverage: 0.9,
  /**
   * …and so is a sentence of a news lead that opens on a recent time (日前，省教育厅公示了…。…通过了…验收):
   * one starting within this many characters after the recency word, itself within `datedLeadOpening`
   * characters of the article's start.
   */
  datedLeadCharacters: 160,
  datedLeadOpening: 300,
  recency: /日前|近日|近期|昨天|昨日|今天|今日|本周|上周/u,
  /** …when the sentence reports something done (通过了…验收), and the question does not ask when it began: a report's date is not a start's. */
  reportedDone: /了|通过|获批|举行|召开|举办|签约|揭牌|成立|公示/u,
  askedStart: /开始|启动|起步|始于|最早|首次/u,
  /** Asked when something began, the time answers only in a clause that says a start (自…起, 正式上线, 以来): 2021年，…招生…投档线猛增 tells no start of 招生. */
  startSaid: /开始|起|启动|首次|首届|首批|成立|创办|创建|组建|设立|开办|始于|开通|正式|上线|以来|推行|开启|揭牌|签约|立项|\d{4}\s*[-—–~至到]\s*\d{4}/u,
  /** A sentence whose article misses a name the question depends on scores this much. */
  articleMismatchFactor: 0.3,
  /** For a 成效 question about a unit (党总支获得过哪些荣誉), an honour held by another unit (…教学团队获得了…称号) scores this much. */
  otherHolderFactor: 0.7,
  /**
   * A 成效 question asking the effect aimed at (要达成啥效果, 想达到什么目标): a sentence naming the
   * effect it reaches for (达成“…”的支部建设效果) scores this much, an honour won no more than a result.
   */
  /**
   * A 人物 question asking who won honours (哪些人拿过奖, 有哪些人获得过荣誉): a sentence stating an
   * honour scores `factor` times, one stating none `without` times.
   */
  honouredPeople: {
    asked: /(?:拿|获|得|评)(?:过|了|到)?(?:什么|哪些)?(?:奖|荣誉|称号|表彰)|(?:个人|啥|什么)?荣誉|获奖/u,
    factor: 1.6,
    without: 0.6,
  },
  aimedEffect: {
    asked: /(?:要|想|力求|旨在|希望|计划|打算)(?:达成|达到|实现|取得)[^，。？?]{0,8}?(?:效果|目标)|(?:目标|预期效果)是(?:啥|什么)/u,
    stated: /(?:达成|达到|实现|形成)[^，。；]{0,30}?(?:效果|目标)/u,
    factor: 2,
  },
  /** For a 成效 question, a sentence under a heading of results (实施成效) scores this much; under lessons (体会与思考) this much. */
  outcomeSectionFactor: 1.25,
  insightSectionFactor: 0.8,
  /** An article that does not name the place a question is about counts this much; one that says 本市/我省 instead, placeSelfReferenceFactor. */
  placeMismatchFactor: 0.5,
  placeSelfReferenceFactor: 0.85,
  /** An article without a date that never writes the year a question names may still be of that year: it counts this much (a dated one, 0). */
  undatedYearFactor: 0.7,
  /** An article that opens naming another place (北京市… for a question about 上海) and never the asked one: it is about somewhere else. */
  placeConflictFactor: 0.2,
  /** Characters of an article's opening (after its title) read for the place it is about. */
  placeOpening: 120,
  /** A list question that counts its items needs an enumeration of at least this share of them. */
  listShare: 0.6,

  /** Sentence relevance: its own coverage, its window's, and the window's share of the core words. */
  ownWeight: 0.35,
  windowWeight: 0.25,
  coreWeight: 0.4,
  /** In that relevance, for an untyped question, the subject's names weigh at most this many times the topic's words. */
  subjectAgainstTopic: 1,
  /** Relevance of every sentence when a question names nothing but is asked within an article or college. */
  scopedRelevance: 0.5,
  /** A sentence repeating a phrase of the question (党建与专业建设) scores up to this much more… */
  phraseWeight: 0.4,
  /** …reached at this many characters beyond three. */
  phraseLength: 5,
  /** A sentence naming the work a question asks the issuer or date of (哪些部门联合印发了《…》) scores this much more. */
  namedWorkFactor: 1.5,
  /** A sentence stating the count or date asked beside the year the question asks of (2021年…引进…人才130名) scores this much more. */
  yearWrittenFactor: 1.5,
  /** Retrieval rank discount: 1 / (1 + rankDecay × rank). */
  rankDecay: 0.15,
  /** Headings name a part of an article; they are weaker evidence than its sentences. */
  headingFactor: 0.8,
  /** A sentence that frames a document (为深入贯彻…, 通知如下, 〔2020〕7号) scores this much. */
  preambleFactor: 0.55,
  /** A news lede (…讯（通讯员…）…) sums an article up: for how a practice was done it scores this much. */
  ledeFactor: 0.7,
  /** A sentence that asks (…吗？) restates a question; its answer follows. It scores this much. */
  questionFactor: 0.35,
  /** A sentence holding a span of the asked type (a number for 多少) is preferred by this factor; one without by untypedFit. */
  typedFit: 1.3,
  untypedFit: 0.75,
} as const;

/** Patterns that tell what a sentence does: reports a result, states a practice, a lesson, a background. */
export const sentenceCues = {
  honour: /荣获|获评|获批|获得|获|入选|评为|授予|命名为|称号|[一二三特]等奖|金奖|银奖|铜奖|优秀奖|典型案例|先进(?:单位|集体|个人|基层党组织|党组织)|示范(?:校|单位|基地|点|支部|党支部|院校|项目)|标杆院系|样板支部|首批|排名全国|被[^，。；;]{2,30}?(?:列为|确定为|认定为|收录|采纳|推广)|立项|涌现(?:出|了)[^，。；;]{0,30}?(?:之星|年度人物|标兵)/u,
  /** The holder's noun right after an honour's word (获得|者, 获|奖者): those who hold it named as who they are, no honour stated. */
  honourHolderAfter: /^(?:者|人|奖者)/u,
  quantity: /\d+(?:\.\d+)?\s*(?:多|余)?(?:项|个|人次|人|名|万元|万|亿|%|次|篇|门|家|所|届|本|部|场|期|批|支)/u,
  result: /培养|建成|成功|晋升|累计|达到|达\s*\d|提升|提高|增长|完成|签订|开设|开发|服务|培训|到账|实现|覆盖|惠及|吸引|带动|帮助|解决|取得|形成/u,
  planned: /修订|制定|出台|印发|设置|设立/u,
  /**
   * A sentence opening on a standing that rose (学校党建品牌影响力和办学综合实力持续上升，…): a result
   * without a figure, and all the sentence is about.
   */
  /** Praise received (深受多方好评, 受到…充分肯定和高度评价, 得到…批示肯定): a result, if a lesser one than an honour or a figure (a draft still tells the work praised as a practice). */
  praised: /(?:深受|广受|备受|受到|得到|获得|赢得)[^，,；;。]{0,16}(?:好评|赞誉|肯定|认可|高度评价|赞扬|称赞|表扬)/u,
  risenStanding: /^[^，,；;。]{0,24}(?:影响力|实力|水平|质量|满意度|知名度|美誉度|竞争力|获得感|凝聚力|战斗力)[^，,；;。]{0,4}(?:持续|明显|显著|大幅|不断|稳步|全面)(?:上升|提升|提高|增强|扩大|跃升)/u,
  /** Verbs of working towards an honour (推进…首批…培育创建, 争创…示范校, 将学院建成…): the honour after them is an aim, not a result. */
  pursued: /推进|培育|创建|争创|申报|力争|争取|瞄准|对标|冲刺|共建|联建|将[^，。；]{0,12}(?:建成|打造成|创建为)/u,
  /** An honour conferred, in words that say so (荣获, 获评, 入选, 称号, 一等奖, 先进基层党组织). */
  conferred: /荣获|获评|获批|入选|评为|被评|授予|称号|[一二三特]等奖|先进(?:单位|集体|个人|基层党组织|党组织|工作者)|优秀(?:共产党员|党务工作者|党员)/u,
  practice: /开展|实施|建立|打造|推进|组建|构建|创新|探索|搭建|举办|组织|制定|形成|坚持|强化|深化|落实|推动|建设|设立|开设|引导|发挥|聚焦|围绕|依托|通过|以.{1,20}为|把.{1,20}(?:建在|融入|列入|纳入|作为|放在)/u,
  // Openers of why and where from (为深入…, 2021年是中国共产党成立100周年, 聚焦…难题和…积弊); mid-sentence
  // (发挥党员…作为高层次人才) they are a practice's words. 根据 a document or its requirements is
  // where from; 根据考核结果设立… is a practice.
  background: /^(?:为深入|为贯彻|为落实|按照|根据(?:《|[^，。；]{0,30}(?:要求|精神|部署|指示|意见|规定|文件))|近年来|作为|立足|面对|随着|当前|新时代|(?:19|20)\d{2}年是|(?:聚焦|针对|面对|破解)[^，。；]{0,40}(?:难题|积弊|短板|瓶颈|痛点|困境))|以.{1,30}为指导|始终牢记|是.{0,20}(?:单位|学校|院校|基地)/u,
  /** A sentence that opens by pointing back at what the one before it told (这支队伍, 这些做法): it cannot open a section. */
  pointsBack: /^(?:这|那)(?:支|个|些|一|项|种|位|批|类)/u,
  /** A sentence looking ahead (站在新的历史起点上，我们要…, 下一步, 今后将…): what is meant, not why it began. */
  lookingAhead: /站在新的(?:历史)?起点|我们要|我们将|下一步|今后(?:将|要)|未来五年|面向未来|新征程上/u,
  insight: /关键在于|关键是|是关键|核心在于|必须|只有[^。]{0,30}才|根本在于|根本保证|要坚持|始终坚持|之基|意义在于|重要意义|启示|体会|经验表明|离不开|前提是|重要保障|有力保障|根本保障|应当/u,
  definition: /理念|是指|即|核心|内涵|意味着|旨在|就是/u,
  /** Who an honour clause says was honoured: the words before its verb (“机电一体化教学团队”获得了…称号). */
  honourHolder: /^(.{2,30}?)(?:先后|分别|还|也|又|均)?(?:荣获|获评|获批|获得了?|获|入选|被评为)/u,
  /** A holder that is a unit or a group of people, not the thing honoured (团队, 党支部, 学生). */
  holderUnit: /(?:团队|党支部|支部|党总支|党委|学院|学校|中心|工作室|专业|学生|学子|教师|党员|同学|队)[”"]?$/u,
  /** A date's words (2021年, 3月, 度, 上半年): what is left of a clause without them says whether it is only a time. */
  timeWords: /(?:19|20)\d{2}\s*(?:年度|学年|年|届)?|\d{1,2}\s*[月日号]|[上下]半年|年度|年初|年底|年末|[—–\-~～至到]/gu,
  /** …at most this many other characters (2021年，; 2019-2021年，; 2021年度，). */
  timeClauseRest: 2,
  /** Words that open a period rather than date one year (2020年以来, 截至2023年底, 近两年): a sentence with them may speak of the year asked. */
  openPeriod: /以来|至今|迄今|截至|截止|近(?:\d+|[两二三四五六七八九十])年|多年|期间/u,
  /** A sentence that only says who spoke (杨海杰说。, 他介绍。): it states nothing by itself. */
  attributionOnly: /^[\u4e00-\u9fa5·A-Za-z]{1,24}(?:说|表示|介绍|指出|强调|坦言|告诉记者)[。！!]?$/u,
  /**
   * Framing that restates a document's subject without answering anything: purpose clauses (为深入贯彻…),
   * announcements (现将…通知如下), document numbers (〔2020〕7号) and datelines of the issuing office.
   */
  preamble: /^(?:为(?:深入|认真|全面|切实|进一步|全力|更好|有效|坚决|做好|贯彻|落实|加强|保障|确保|支持|应对|帮助)|根据.{0,30}(?:要求|规定|精神|部署)[，,])|(?:现将|现就|特此|特制定|制定本|经研究|如下[：:]?$)|〔(?:19|20)\d{2}〕|\d+号\s|(?:办公厅|人民政府|委员会|管理局|办公室)\s*(?:19|20)\d{2}年\d{1,2}月\d{1,2}日/u,
} as const;

/**
 * Titles, headings and citing lines that a page's lost line breaks ran into the next line
 * (run-together.ts): a piece before a lost break is cut off as a heading when it is at most
 * `headingLength` characters, holds no clause mark and at least `headingHan` Chinese characters
 * (2020年2月4日 is no heading); as a line of its own when it only cites documents.
 */
export const runTogether = {
  headingLength: 60,
  headingHan: 6,
  /** A line that only cites documents (1.《…》（…第8号）) keeps at most this share of its characters without them. */
  referenceRestShare: 0.25,
} as const;

// ------------------------------------------------------------------------------------------------
// Sentences and clauses

/** Clause boundaries inside a sentence, where a long sentence may be cut. */
export const clauseBoundary = /[，；：,;:]/u;

export const answerLengths = {
  /** A factoid lead is cut to the clauses around its answer span, at most this long. */
  factoidLead: 90,
  /** …and at most this long when its sentence names several holders of the role asked about. */
  severalPeopleLead: 48,
  /** A sentence longer than this is cut at clause boundaries around what matters. */
  longSentence: 240,
  /** A comparison cell holds about this many characters. */
  comparisonCell: 80,
  /** Supporting points after a direct answer. */
  supportingPoints: 2,
  /** Points of an answer to a 做法/成效/general question. */
  points: 4,
} as const;

// ------------------------------------------------------------------------------------------------
// Enumerations (list questions)

export const enumerationKnobs = {
  /** The best sentences around which enumerations are looked for. */
  anchors: 4,
  /** Characters of the article before and after an anchor searched for ordinal or parallel items. */
  before: 600,
  after: 2500,
  /** Sentences after an anchor searched for an inline list (抓“五大计划”。实施“强基”“提优”…). */
  followingSentences: 2,
  /** An inline list in a following sentence rather than the anchor itself counts this much. */
  followingFactor: 0.9,
  /** A list is a counted name's parts when at least this share of its items say the name's key (双 of “四双”). */
  countedKeyShare: 0.5,
  /** An ordinal item longer than this is shown as its first clause. */
  maxItemLength: 40,
  /** Characters allowed between two ordinal items (their bodies). */
  maxItemGap: 900,
  /** Parallel run-in items (实施政治素质“首关制”。) are at most this long, without a comma. */
  maxRunInLength: 24,
  /** An inline list (A、B、C) is cut to its clauses up to this length. */
  maxInlineLength: 200,
  /** A name's dashed parts (“A——B——C”) are whole in their quote: shown as the clause holding it, up to this length. */
  maxDashedLength: 60,
  inlineFactor: 1,
  quotedRowFactor: 1,
  parallelFactor: 1,
  /** A run that holds the anchor (rather than following it) counts this much. */
  containsAnchorFactor: 0.9,
  /** The article's numbered section headings as a list, against the other shapes. */
  headingRunFactor: 1,
  /** Section headings longer than this are no list items. */
  maxHeadingItemLength: 60,
  /** A list with exactly the number of items the question names (哪三个, “三亮”) is preferred by this factor. */
  exactCountBonus: 1.3,
  /** A list with more, or fewer, items than the question names counts this much. */
  moreThanCounted: 0.8,
  fewerThanCounted: 0.75,
  /** Items that repeat the question's list noun (制度 → 首关制) are preferred. */
  headBonus: 0.3,
  /** An inline list each of whose items ends with the question's list noun (…教学创新团队和科技创新团队 for 哪些团队) is preferred by this factor. */
  /**
   * A list in a sentence holding less than this share of the topic's weight itself counts
   * silentAnchorFactor as much, when another sentence it is weighed against holds topicSaidElsewhere.
   */
  silentAnchorTopic: 0.2,
  silentAnchorFactor: 0.5,
  topicSaidElsewhere: 0.4,
  /** A verb of receiving an honour (荣获, 获评) within receivedReach characters before a list, or opening it, for a question asking honours. */
  receivedBefore: /荣获|获评|获得|获|被评为|评为|入选|荣膺/u,
  receivedReach: 8,
  /** …and a list with no such verb counts this much. */
  notReceivedFactor: 0.7,
  /** Kinds of named things a list may be examples of (光明日报、苏州日报等媒体): asked for, such examples list them, and examples of another kind do not. */
  namedKinds: ['媒体', '报纸', '网站', '企业', '厂家', '公司', '学校', '院校', '高校', '学生', '同学', '学子', '教师', '老师', '专家', '银行', '医院'] as readonly string[],
  /** Verbs a list's head may end in after its noun (媒体报道, 单位表彰): the kind asked is the noun before them. */
  headVerbs: /(?:报道|播报|推送|转载|刊发|刊登|宣传|表彰|认定|采用|关注|合作|共建)$/u,
  /** A list closed as examples of another kind than the one asked (…等企业 for 哪些媒体) counts this much. */
  otherKindFactor: 0.5,
  kindBonus: 1.3,
  /** A list whose items repeat the name being defined names its siblings, not its parts. */
  siblingFactor: 0.6,
  /** Score bonus for an enumeration whose items open like the counted name asked about (“三比” → 比履职能力…). */
  countedPartsBonus: 1,
  /**
   * A definition that counts nothing (“红模力”是什么) takes an inline list of the sentence naming
   * it only within this many characters of the name: further on, the list is another thing's.
   */
  definedListDistance: 40,
  /**
   * …and an inline list in a sentence that does not name it counts this much (…示范性高职院校、…
   * 省级文明单位 for “红船工匠”具备哪些素质), unless its items say the noun asked for.
   */
  unnamedListFactor: 0.5,
  /**
   * …while one within `definedListDistance` of the name in the sentence naming it counts this much
   * more (具有“家国情怀、工匠精神…”的“红船工匠”): it says what the name is, however low its passage ranks.
   */
  besideNameFactor: 2,
  /** A list right before 等 and the name asked (A、B、C等“五个一”活动) gives examples of it: it counts this much more, whatever the name counts. */
  examplesOfNameFactor: 4,
} as const;

// ------------------------------------------------------------------------------------------------
// 问答 (direct answers)

/**
 * A list item pointed at (第三个具体做了啥) that opens with a label this short (服务社会。开展…) is asked
 * about by that label, in quotation marks: looked for as written, as the article's label reads.
 */
export const pointedLabelLength = 8;
/**
 * A list said in one line (聚焦“铸魂引领”、聚焦“智能制造”、…): a lead of one clause whose parts,
 * split at these marks outside quotation marks, are each at most `length` characters.
 */
export const inlineList = { marks: /[、；;]/u, length: 30 };

/** Openings of an item that are no label (同时，…, 此外，…). */
export const pointedLabelNot = /^(?:同时|此外|另外|其中|首先|其次|最后|然后|因此|近年来|目前)$/u;

/** Nouns that name a practice (“三亮三比”工程, “首关制”, “红模力”党建联建): a quoted name ends with one or comes before one. */
export const practiceNouns: readonly string[] = ['工程', '制', '制度', '计划', '行动', '品牌', '工作法', '模式', '机制', '项目', '活动', '体系', '平台', '联建', '共建'];

export const qaKnobs = {
  /**
   * A total asked (一共写了几项奖, 总共多少个): group 1, the measure it counts in. Its lead goes on
   * through the semicolon-joined parts after it that count in that measure too.
   */
  totalAsked: /(?:一共|总共|共计|合计|总计|加起来|共有)[^，,。？?]{0,8}?(?:几|多少)([项个名人次家支门所条篇本批])/u,
  /**
   * …unless the question shares a stretch this long with the lead that a part does not say (教师能力竞赛一共拿了
   * 几项奖: …获湖南省职业院校教师思想政治教育教学能力比赛… is another contest).
   */
  countNamedStretch: 4,
  /** Listing colleges, each item says the longest stretch of the question the lead says, when it is this long (万人计划). */
  sharedStretch: 3,
  /** A list defines a name asked about when the name stands within this many characters before it (“三亮三比”工程，亮身份…). */
  definedBeforeList: 40,
  /** White space at most between a label and the body it introduces. */
  labelGap: 8,
  /** A clause that holds a span of the asked type scores this much more when a sentence is cut. */
  typedClauseBonus: 1.5,
  /** What a question sets aside (除了课程思政案例，还有一份…): group 1, what it knows already. */
  setAside: /除了([^，,。？?]{2,30}?)(?:以外|之外)?[，,]/u,
  /** …a clause holding its words keeps this share of its score when a sentence is cut. */
  setAsideFactor: 0.5,
  /** When a sentence is cut, a clause's share of all the question's words (generic ones too) adds this much times itself. */
  genericWordsClauseWeight: 0.1,
  /** …and in a follow-up its share of the user's own words (not those carried from the conversation) adds this much. */
  ownWordsClauseWeight: 1,
  /** A clause with a span of the asked type but no topic word still scores this much. */
  bareSpanBonus: 0.05,
  /** A clause counting the very noun a count question asks about, named beside the number (解决实际问题65个), scores this much more. */
  countedNounClauseBonus: 1,
  /** A typed lead is cut to the clauses that say something asked, padded with neighbours only below this length. */
  tightLeadMinimum: 12,
  /** …and keeps each further span of the asked type beside its answer: each adds this much to the cut's value. */
  besideSpanBonus: 0.01,
  /** …and takes a clause beyond clauses that add nothing only when it adds this much (the date a 时间 question asks). */
  bridgeGain: 0.05,
  /** A typed lead is the best sentence with a span of its type, if its core coverage is at least this share of the best sentence's. */
  typedLeadCoverage: 0.6,
  /** An enumeration leads a list answer when its score is at least this share of the best sentence's. */
  enumerationAgainstBest: 0.6,
  /**
   * …unless it names none of the kind listed (哪些团队) while the best sentence does, and its sentence
   * says less than this share of the best's own topic words.
   */
  offKindListTopic: 0.5,
  /** Organisations or people asked for in the plural (和哪些单位) are listed from a sentence scoring at least this share of the best. */
  pluralListAgainstBest: 0.8,
  /** …and only by a list whose own words hold at least this share of the question's topic weight. */
  pluralListTopic: 0.5,
  /** Supporting points score at least this share of the lead's (a typed question's: typedSupportFloor). */
  supportFloor: 0.55,
  typedSupportFloor: 0.8,
  /** …and a question listing colleges (哪几家提到了…), this share: each college whose sentence says collegeListOwnTopic of the topic itself is one of the items. */
  collegeListFloor: 0.2,
  collegeListOwnTopic: 0.5,
  /** A supporting point holds at least this share of the topic's weight itself (its neighbours do not count). */
  supportOwnTopic: 0.15,
  /** Beside a yes or no its lead settles, a point says at least this share of the topic the lead says. */
  verdictSupportTopic: 0.9,
  /**
   * A one-sentence list whose sentence says less than supportOwnTopic of the topic itself leads no
   * list answer when some sentence says this share of it (相关经费可用于A、B、C… for …培养计划是什么).
   */
  silentListElsewhere: 0.5,
  /** Characters of supporting points at most (the last point may end past it). */
  supportBudget: 220,
  /** A label (heading, run-in 坚持…相融合。) is at most this long; it leads with its sentence when it scores this share of the best. */
  labelLength: 24,
  labelAgainstBest: 0.85,
  /** …or this share when it holds every topic word of the question itself (高质量推进党史学习教育。). */
  topicLabelAgainstBest: 0.7,
  /**
   * A yes-or-no question whose best sentence says its noun of another one (智能控制技术教学团队 for
   * 机电一体化教学团队是…吗) leads with a sentence naming the one asked scoring at least this share of the best.
   */
  askedOneAgainstBest: 0.5,
  /** A yes or no whose best sentence settles nothing leads with one that does, scoring at least this share of it. */
  settlingAgainstBest: 0.7,
  /** A cut may run this many characters past its length to keep its sentence's opening time (截至2月6日，). */
  openingTimeSlack: 12,
  /** A cut ending on a lead-in (在…等方面) takes the clause it leads into when the cut stays within this many characters over its length. */
  leadInSlack: 30,
  /**
   * A list question whose topic one label of the list says nearly whole (减轻社会保险负担方面有哪些政策
   * and （五）减轻社会保险负担。) asks for that label's body, not for its siblings: a label holding
   * this share of the topic's weight itself.
   */
  askedLabelTopic: 0.8,
  /** A label that names what a definition question quotes leads when it scores this share of the best. */
  namingLabelAgainstBest: 0.4,
  /** The best sentence's run-in label heads it when it holds this share of the topic's weight and more than the sentence itself. */
  ownLabelTopic: 0.5,
  /** Asked which part of the work a thing belongs to (sectionAsked): the sentence must say this much of the thing itself. */
  sectionTopic: 0.6,
  /** A label's quoted name this many characters long or longer is recognised in a question that drops its marks. */
  unquotedNameLength: 3,
  /** …unless what follows it asks of a part (三亮三比里的亮承诺, 三服务的服务大局是什么) or it names a unit (智能制造支部). */
  partOfNameAfter: /^(?:工程|项目|计划|行动|机制|制度)?(?:里|中|当中|之中|里面|的(?!是|具体|主要|做法|内容|含义|意思|情况))|^(?:教工|教师)?(?:党)?(?:支部|总支|学院|系|团队|专业|教研室)/u,
  /** A label's body (the sentences after it, up to the next label) is shown up to this many characters from the label on. */
  labelBody: 160,
  /**
   * A lead goes on through its paragraph, up to this many characters in all, while each next
   * sentence holds this share of the question's core words or shares this many bigrams with the lead.
   */
  leadWithNext: 400,
  /** A list's lead takes in the semicolon-joined parts before it that list too, each at most this long. */
  listPartBefore: 60,
  continuationCoverage: 0.1,
  continuationSharedBigrams: 1,
  /**
   * A short lead goes on, whatever its words, into a next sentence that has no subject of its own:
   * one opening with what the lead's subject may, must or shall do (可采取…, 对疑似病例必须…, 严格控制…).
   */
  continuingOpening: /^(?:可|可以|并|同时|需|须|必须|应|应当|要|一律|严格|严禁|不得|确需|对[^，。；]{1,30}(?:的|者)?[，,]?(?:可|要|须|必须|应|应当|一律|实行|给予|予以|免|按))/u,
  /** …while the lead so far is shorter than this. */
  continuingLeadLength: 120,
  /** A sentence opening with a purpose of its own (为服务…，; not 为此) starts another practice: a lead stops before it. */
  purposeOpening: /^为(?!此|了此|进一步)[^，。；]{2,40}，/u,
  /** …counting only bigrams at least this specific in general Chinese (jieba's IDF: 开展 6.0, 企业 4.2). */
  continuationBigramIdf: 7,
  /** …and then a 做法/general answer has this many fewer supporting points (at least one). */
  continuedLeadPoints: 2,
  /** Supporting points after an enumeration at most. */
  enumerationSupport: 1,
  /** A list leads a definition only when its items stand within this many characters of where the sentence defines the name. */
  definitionListSlack: 12,
  /** Supporting points under each side of a pair question (A与B有何不同) at most. */
  nestedSupport: 1,
  /** In a follow-up, a sentence the previous answer showed scores this much. */
  alreadyShownFactor: 0.35,
  /** A yes-or-no lead is cut around the clause that settles it: that clause scores this much more. */
  settlingClauseBonus: 10,
  /** A definition's lead keeps the clauses after the one naming what is defined, at this bonus each, up to the lead's length. */
  definitionClauseBonus: 0.3,
} as const;

// ------------------------------------------------------------------------------------------------
// 是否 (yes-or-no answers)

export const yesNoKnobs = {
  /**
   * The year a yes-or-no question asks to check (向阳项目是2019年成立的吗) weighs at most this share of
   * the weightiest other word of its subject or topic (colleges aside).
   */
  claimedYearShare: 0.5,
  /** How far before a prize's grade its name may stand (红色专项|比赛|三等奖) for a claimed grade to be held against it. */
  gradeNameReach: 8,
  /**
   * The one who holds an honour (奖章获得者, 金奖得主): after the honour in a sentence, it names whom
   * the sentence is about, not its subject; in a question (樊文天是不是…奖获得者), the holder is asked of.
   */
  holderNoun: /获得者|得主|获奖者|获得人/u,
  /** A question about the subject's own people (有学生获得过…吗, 有没有人获得过…, 谁): a holder named is one of them. */
  ownPeopleAsked: /有(?:没有)?(?:学生|老师|教师|人|党员|同学|校友|毕业生)|谁|哪位/u,
  /** Where a kind's word stands inside another word (当日报道, 每日报送): it names no other of the kind. */
  kindWordInside: { before: /[当每次本今昨同隔逐]$/u, after: /^[道送告表]/u },
  /**
   * Kinds of names a sentence may list others of where the question names one (人民日报 against
   * 光明日报、苏州日报等媒体…报道): the sentence tells who did, and the one asked is not among them.
   */
  namedKinds: ['日报', '晚报', '电视台', '卫视', '新闻网', '杂志'] as readonly string[],
  /**
   * A number with what it counts (3年, 第一周, 一等奖, 第二批): where the question and the sentence
   * give the same frame different numbers, the answer is no.
   */
  /** A person's noun right before a count by 个 (浙江工匠有5个吧): people, whom articles count by 人, 名 or 位. */
  peopleCountedBy个: /(?:工匠|教师|老师|党员|学生|人才|书记|支书|能手|专家|博士|代表|模范|标兵|干部)$/u,
  /** Words before a question's number that bound it (超过95%, 不低于, 不到): the sentence's number need only fall within. */
  boundsBefore: [
    ['less', /(?:没有?|未|不)(?:达)?到$/u],
    ['atLeast', /(?:不低于|不少于|至少|达到|达|(?<![提增升降减回不没未])到)$/u],
    ['atMost', /(?:不超过|不高于|至多|最多)$/u],
    ['more', /(?:超过|高于|多于|大于)$/u],
    ['less', /(?:低于|少于|小于|不到|不足)$/u],
  ] as readonly (readonly ['more' | 'atLeast' | 'less' | 'atMost', RegExp])[],
  /** …and after it (95%以上, 100人以下). */
  boundsAfter: [
    ['atLeast', /^(?:以上|及以上)/u],
    ['atMost', /^(?:以下|以内|及以下)/u],
  ] as readonly (readonly ['more' | 'atLeast' | 'less' | 'atMost', RegExp])[],
  counted: /(第|首)?(\d{1,4}(?:\.\d+)?|[一二两三四五六七八九十]{1,3})?([多余])?(万|亿)?(等奖|星期|个月|人次|[年次届批周名个项位家所天期轮级星元分倍人张门篇场%％])/gu,
  /**
   * A round magnitude a question asks a count to pass or fall short of (过万, 上十万人次, 破亿, 不到一千人):
   * the bound, the magnitude, and what it counts when said (元, 人次); unsaid, any count but a year's.
   */
  magnitude: /(过|超过|超|破|突破|上|逾|不到|不足)([一二两三四五六七八九])?(十万|百万|千万|十亿|百亿|千亿|万|亿|千|百)(人次|元|人|名|家|个|项|次)?/gu,
  /** A number with its magnitude and nothing it counts (超过3000万了吗, 5479万): a count of anything but a year, an ordinal or a share. */
  bareMagnitude: /(?<![\d.第])(\d{1,4}(?:\.\d+)?|[一二两三四五六七八九十]{1,3})([多余])?(万|亿)(?![等星个人次届批周名项位家所天期轮级元分倍张门篇场%％年])/gu,
  /** A year written without 年, right before a word (2020浙江省, 2021浙江省黄炎培…奖): not a count (2000多万元, 2020年). */
  bareYear: /(?<![\d.])(?:19|20)\d{2}(?=\p{Script=Han})(?![多余万亿千百元名人个项次家所年月日号天分届期批级位支篇门场件种条张份倍台套])/gu,
  /** A day of the week (周一, 星期四): its own frame, counted by the day. */
  weekday: /(周|星期)([一二三四五六日天])/gu,
  /** A value a change started from (从75.3%提高到…), read from the character before it. */
  changedFrom: /^从[^，,。；;]+?(?:提高|提升|增加|增长|上升|升|涨|下降|降低|降|减少|扩大|缩小)(?:到|至)/u,
  /** A question about the value before a change (原来, 以前): the value it started from answers. */
  startAsked: /原来|原先|以前|之前|起初|过去|最初|从前/u,
  /** Tenths said as 成 (九成, 九成五, 八成多): group 1 the tenths, 2 the hundredths; a share like 90%. */
  tenths: /([一二两三四五六七八九])成([一二三四五六七八九])?(多)?(?![功立为员果绩效就长本熟])/gu,
  /** What before tenths asks at least them (有九成, 有没有八成, 到九成): 有 of a share is no exact figure. */
  tenthsAtLeast: /(?:有没有|(?<![没未])有|(?<![没未不])(?:达到|到|达))$/u,
  /** A rank within the first few (前五, 全国前十, 前3名): group 1 the number. */
  rank: /前([一二两三四五六七八九十]{1,3}|\d{1,3})(?![天年月日周期个])/gu,
  /** A letter grade of a kind (A 档, B类): group 1 the letter, group 2 the kind. */
  grade: /(?<![A-Za-z])([A-Ea-e])\s*(档|类)/gu,
  /** What heads a list of honours: its holder up to the verb (教师获, 学院荣获), whose every item it is of. */
  listHeadVerb: /^[^、]{0,12}?(?:荣获|获得|获评|获批|斩获|获)/u,
  /** Who an award or a title went to, named before the verb (学生获…, 教师荣获…): a question about another such holder is not settled by it. */
  holders: [['学生', '学子', '同学', '毕业生'], ['教师', '老师', '教工'], ['党员'], ['干部'], ['校友']] as readonly (readonly string[])[],
  /**
   * The level an honour or a title is of (全国文明单位 against 省级文明单位): the question's level
   * word, the noun after it, and what marks each level in a sentence: the marker nearest the noun,
   * within `levelWindow` characters before it and within its item of a list. A place's name (江苏省,
   * 台州市) marks its level, in the question too (是不是…浙江省职业教育先进单位 against
   * 台州市职业教育先进单位: no).
   */
  levels: [
    ['national', /全国|国家级|国家|教育部/u],
    ['provincial', /省/u],
    ['municipal', /(?<!城|都|超)市(?!场|委)/u],
    ['school', /校级|院级/u],
  ] as readonly (readonly [string, RegExp])[],
  levelAsked: /(全国|国家级|国家(?!级)|省级|全省|市级|全市|校级|院级)(?![的吗吧呢])([“”\p{Script=Han}A-Za-z\d]{2,14}?)(?=[的是在了吗呢吧没，,。？?、和与及]|[设建办立搞]的|$)/u,
  /** …or, where it names none, a place's name right before the noun (浙江省职业教育先进单位). */
  placeLevelAsked: /(\p{Script=Han}{2,3}省(?!级)|\p{Script=Han}{1,3}(?<![城都超])市(?!级))(?!的)([“”\p{Script=Han}]{2,12}?)(?=[的是在了吗呢吧没，,。？?、和与及]|$)/u,
  /** …or the level said of the noun before it (新能源装备职教集团是省级的吧). */
  levelSaidOf: /([“”\p{Script=Han}]{2,20}?)(?:是|属于|算是?)(全国|国家级|国家|省级|全省|市级|全市|校级|院级)(?:的|层面的)?(?=[吗吧呢么？?。，,]|$)/u,
  /** A place's agency named before what it holds (浙江省经信厅的评审专家库): the level is the place's, the noun what follows. */
  agencyOfPlace: /^\p{Script=Han}{1,8}(?:厅|局|委|办)$/u,
  levelWindow: 20,
  /** The head a deputy's 副 goes before inside a role (党总支书记 → 党总支副书记). */
  deputyOf: /(书记|院长|校长|主任|部长|组长)$/u,
  /** What stands right before a role asked as one (是党总支书记, 自动化学院的院长), not inside an honour's name. */
  roleAsked: /(?:是|的|党委|党总支|党支部|支部|学院|学校|系|校)(?:副)?/u,
  /** A count of several right after a thing (示范课程2门, 两个团队): each may have its own level. */
  severalCounted: /^[^，,。；;、]{0,4}(?:[2-9]|\d{2,}|[两二三四五六七八九十])(?:门|个|项|所|家|支|名|批)/u,
  /** Words of the question the sentence may lack and still say yes: at most this share of the question's weight, none of them a name. */
  missingShare: 0.1,
  /** Words that sum or hedge a count (一共, 累计, 大约): no modifier naming another thing than the sentence's. */
  sumWords: /^(?:一共|总共|共计|合计|累计|总计|大概|大约|一起)$/u,
  /** A clause that ends naming people after their title (…劳动模范朱光耀, …英雄王晨超、徐洋): the names. */
  titledNames: /(?:者|能手|模范|英雄|人物|标兵|之星|书记|教师|老师|代表|专家)([\u4e00-\u9fa5]{2,3}(?:、[\u4e00-\u9fa5]{2,3})*)$/u,
  /** …once the words closing the list are set aside (…获得者樊文天等优秀学生代表). */
  namesClosing: /等[\u4e00-\u9fa5]{0,6}(?:代表|典型|人物|同学|学生|教师|老师)$/u,
  /**
   * What opens the honour a unit is asked about (现代农业学院党总支|是不是示范党支部): the unit is named
   * before it, so a name of a unit's kind in the honour (示范党支部) is not read as the unit.
   */
  honourAsked: /是不是|是否|有没有|有无|曾经|曾|获得|获评|获批|荣获|被评|被授予|入选|(?<=[^\s])是/u,
  /**
   * How an honour a yes-or-no question asks about ends (先进基层党组织, 五一劳动奖状, 样板支部): a noun
   * with this head, after its level or the verb that asks it, is an honour an article must name to answer.
   */
  honourHead: /(?:单位|集体|个人|党组织|支部|院系|团队|标兵|模范|劳模|奖状|奖章|[一二三特金银铜]等?奖|称号|能手|工作室|示范岗|先锋岗|优秀共产党员|党务工作者|之星|楷模|典型|品牌|校园|学校)$/u,
  /** …asked without a level, after a verb of receiving: 获评过示范党支部吗, 是否获得过先进基层党组织称号. */
  honourNamed: /(?:获得|获评|荣获|评为|授予|入选)(?:过|了|为)*([“”\p{Script=Han}]{2,16}?)”?(?:荣誉称号|称号|荣誉)?(?=吗|么|吧|没有|没|呢|[？?]|$)/u,
  /**
   * …or said of the unit as what it is (台州科院是不是平安校园), when the noun's head is one only an
   * honour gives (a 试点单位 is chosen, not honoured).
   */
  honourSaid: /(?:是不是|是否是|算不算)([“”\p{Script=Han}]{2,16}?)”?(?:荣誉称号|称号)?(?=吗|么|吧|呢|[？?]|$)/u,
  honourSaidHead: /(?:校园|文明单位|先进集体|先进基层党组织|标兵|模范|楷模)$/u,
  /** …and then at least this many characters: a shorter noun (示范校) is too general to be one honour's name. */
  honourNounLength: 4,
  /** What an honour's name may end with that names no honour of its own (先进集体称号). */
  honourSuffix: /(?:荣誉称号|称号|荣誉)$/u,
  /** A verb a place's level pattern reaches back over (得过浙江省…): the honour starts at the place. */
  verbBeforePlace: /^[过了得获评为是]+/u,
  /** A sentence that tells of an honour received (荣获, 入选…称号), shown when the one asked is not named. */
  honourReceived: /荣获|获评|获批|入选|评为|授予|命名为|称号|立项|获得?[^，。；;]{0,24}?(?:奖|称号|荣誉|先进|优秀|示范|标兵|能手)/u,
  /** Of an honour named in other words (首批全国高校黄大年式教师团队): the share of its character pairs a sentence must hold. */
  honourPairShare: 0.7,
  /** Words every honour shares (称号, 荣誉): they do not tell one honour from another. */
  honourWords: /^(?:称号|荣誉|荣誉称号|奖项|奖|获得|荣获|获评|获批|殊荣)$/u,

  /**
   * A sentence that says no itself (不受…限制, 不能到馆借阅, 未通过, 免征, 暂停办理): its words matching the
   * question's say nothing of yes. 不 in words that do not negate (不断, 不仅, 不少) does not count.
   */
  negation: /不(?!断|仅|少|同|久|但|论|管|忘|懈|朽|凡)|未(?!来)|没有|无需|无须|无法|并非|免(?:征|收|于|除|予|费)|禁止|严禁|暂停|停止|中止|终止|取消|叫停|关闭/u,
  /** How the answer is said, by how the question asks: 有没有 → 有/没有, 是不是 → 是/不是, else 是/否. */
  words: [
    // 得过…没有: asked whether it happened, said with 有/没有.
    [new RegExp(`有没有|有无|是否有|有[^，。？?]{0,40}吗[？?]?$|${happenedAsked}`, 'u'), '有', '没有'],
    [/是不是|是否是|(?:^|[^否])是[^，。？?]{0,40}吗[？?]?$/u, '是', '不是'],
    // …，对不对: a claim put to be checked, said right or not.
    [/(?:对不对|对吗|对么|对吧|没错吧)[？?]?$/u, '对', '不对'],
  ] as readonly (readonly [RegExp, string, string])[],
  otherwise: ['是', '否'] as const,
} as const;

// ------------------------------------------------------------------------------------------------
// Refusals

/**
 * What a refusal shows beside itself: the sentences nearest the question, marked as not answering
 * it, so that a question worded unlike the articles still leads somewhere. None when the corpus
 * lacks a name the question depends on (another college, a person): nearby text would be about
 * something else.
 */
export const nearbyKnobs = {
  /** Sentences shown at most. */
  limit: 2,
  /** A sentence covers at least this share of the question's weight with its window (neighbours and context). */
  minimumCoverage: 0.3,
  /** …and scores at least this share of the best nearby sentence. */
  floor: 0.5,
  /** Each is cut at clause boundaries to at most this many characters. */
  length: 120,
} as const;

// ------------------------------------------------------------------------------------------------
// 会议材料 (meeting drafts)

/**
 * What a drafting request says of the draft's use rather than its topic, at its end (…的经验材料，
 * 支部学习会上用 / ，用于党课 / ，供支部学习参考): left out of what is searched and of the title.
 */
export const draftUsageNote = /[，,；;]\s*(?:(?:用于|供|给|在)(?![^，,；;]*(?:写|撰写|起草|草拟|整理|准备)[^，,；;]*(?:材料|稿|报告|总结))(?![^，,；;]*(?:讲讲|说说|谈谈|聊聊|介绍一下|了解))[^，,；;]{1,20}|[^，,；;]{0,16}(?:会|课|上|时|中|里|交流|学习|汇报|发言|讨论|研讨)(?:要)?(?:使)?用(?:的)?|[^，,；;]{0,16}(?:学习参考|备用))[。！!]?$/u;

/** The words of a drafting request that ask for a draft rather than say what it is about. */
/** Who asks for a draft and how (请帮我, 写一份): the parts draftWording's patterns share. */
/** The words that announce a table's columns (，就三列：, 表头：). */
const columnsLabel = /[，,；;]?\s*(?:表头|列名|(?:就|只要|只|分成?|做成?)?[两三四五六七八九十\d]+(?:列|栏))[：:]/u;
const draftAsker = '(?:请你?|麻烦你?)?(?:帮我|帮忙|给我)?';
/** The words that point at a practice to draw on (参考, 借鉴). */
const pointingVerb = '(?:参考|参照|借鉴|照着)';
const draftVerb = '(?:改写|缩写|写|撰写|起草|草拟|拟|生成|整理|准备|出|做|列出|列|总结|梳理|归纳)';
const draftCount = '(?:一下(?:一份|一篇|一个|个|份|篇)?|一份|一篇|一个|一段|个|份|篇|段|要点(?!式)|提纲(?!式)|[一二三四五六七八九十两几\\d]{1,2}(?:条|点))';

/**
 * The words that name each section of a 会议材料 draft in a request, for a section it says to leave
 * out (背景介绍就不用展开了, 不想再罗列做法了): that section says it is left out as asked.
 */
export const draftSectionWords = {
  background: '(?:实施)?背景(?:介绍)?',
  practice: '(?:具体)?(?:做法|举措)',
  outcome: '(?:成效|成果)',
  insight: '(?:启示|体会|思考)',
} as const;
/** A section named, then told to be left out; or told not to be given, then named. */
export const sectionLeftOut = (words: string): RegExp =>
  new RegExp(`${words}(?:部分|这块|那块|这部分)?(?:就|也)?(?:不用|不要|无需|不必|别)再?(?:展开|写|列|罗列|介绍|放)?(?:了)?(?=[，,。；;！!]|$)|(?:不想|不用|不要|别|无需)再?(?:罗列|列|写|展开|介绍)${words}`, 'u');

/** The lessons and plans a draft request may ask of colleges, one or several (体会、启示和下一步打算). */
const lessonSections = '(?:(?:体会|启示|思考|经验启示|规律性认识|下一步打算|打算)(?:和|与|及|、|以及)?)+';

export const draftWording = {
  /** The asking, at the start: 请帮我起草一份, 写一篇, 整理成 (…的做法，整理成会议交流材料). */
  request: new RegExp(`^${draftAsker}(?:(?:重点|主要|着重|只)${draftVerb}|${draftVerb}(?!法)|形成|汇总|归纳|讲讲|说说|谈谈|聊聊|介绍(?:一下)?)(?:成(?![效果绩就长员])|为)?${draftCount}?`, 'u'),
  /** The kind of draft, at the end: 的会议材料, 经验交流材料, 典型经验汇报材料, 会议发言稿, 会上用的稿子, 支委会学习材料, 讲话素材, 要点. */
  kind: /(?:的)?(?:(?:给|供|在)?(?:支部书记|书记|党小组|支部|党支部|党委|党总支|支委|党员|教职工|职工|组织生活|民主生活|中心组)?(?:会上|会议上|大会上|会|开会时?)(?:要)?(?:发言|交流|汇报|学习)?(?:用|使用)的?|(?:在)?(?:支部|党支部|党委|党总支|支委)?(?:会上|会议上|大会上|开会时?)(?:要)?(?:用|使用|发言|交流)的?)?(?:(?:支部|党支部|党委|党总支)?(?:会议|学习会|座谈会|交流会|专题会|支部会|支委会|党委会|党员大会|组织生活会|民主生活会|主题党日|中心组学习|理论学习中心组(?:学习)?)(?:学习)?)?(?:典型)?(?:经验)?(?:学习讨论|讨论|研讨|交流|汇报|发言|总结|介绍|培训|讲话){0,2}(?:材料|发言稿|讲话稿|稿子|稿|报告|总结|汇报|经验|经验交流|素材|要点|简报)$/u,
  /** The asking at the end, before the kind (红船精神铸魂育人写个会议材料, 课程思政怎么和党建结合，整理个材料). */
  trailingRequest: new RegExp(`${draftAsker}${draftVerb}(?:成|为)?${draftCount}$`, 'u'),
  /** Who is asked, at a clause's start (帮我以嘉职院为例…): no part of what the clause says. */
  askerFirst: new RegExp(`^${draftAsker}`, 'u'),
  /** The asking with its kind, then the topic after a colon (写个会议材料：…). */
  labelled: new RegExp(`^${draftAsker}${draftVerb}${draftCount}?[^：:，,]{0,12}?(?:材料|发言稿|稿子|稿|报告|总结)[：:]`, 'u'),
  /**
   * Whom the draft is for (给我们后勤党支部写一份会议材料): what stands between 给 and the writing, and
   * what it is about when the writing names nothing else (not 给我们…写一份校企合作的会议材料).
   */
  recipient: /^给(?:我们|咱们|我|学校|学院|本校)?(.{2,}?)(?=(?:写|撰写|起草|草拟|整理|准备))(?:写|撰写|起草|草拟|整理|准备)(?:一份|一个|一篇|个|份)?(?:会议|交流|汇报|学习|典型经验)?(?:材料|稿子|发言稿|稿|报告|总结)?$/u,
  /** …which, when the writing names a topic of its own, is only whom it is for: no part of the topic. */
  recipientOnly: /^给(?:我们|咱们|我|学校|学院|本校)?.{2,}?(?=(?:写|撰写|起草|草拟|整理|准备))/u,
  /**
   * The topic handed over to be written up (把…的经验整理成会议材料, 把两个支部的做法合在一起): what
   * stands between 把 and the writing.
   */
  handedOver: new RegExp(`^${draftAsker}把(.+?)(?:(?:整理|写|做|汇总|归纳|梳理|提炼|编写?|形成)成|(?:整理|汇总|归纳|梳理)一下|(?:合|放|揉|整合|综合)(?:在一起|到一起|起来))`, 'u'),
  /**
   * Colleges at large, as all or the start of what a draft draws on (根据几所学院的经验, 综合各院校在
   * 廉洁文化建设方面的做法): no topic; what follows them is.
   */
  anyColleges: /^(?:(?:几|各|多|这几|这些|相关|有关|这?[两二三四五六七八九十](?=所|个|家))(?:所|个|家)?(?:学院|院校|学校|高校|职院|兄弟院校|单位|校)|(?:这|那)?[几两三四五](?:家|所))(?:在|的)?/u,
  /** How many practices the draft should give (整理三条, 写5点; not 写两点体会): the draft gives that many at most. */
  practiceCount: new RegExp(`${draftVerb}(?:出)?([二三四五六七八九十两]|\\d{1,2})(?:条|点)(?!体会|启示|思考|成效|成果)`, 'u'),
  /** How long the draft should be (500字左右的, 一千字以内): no part of the topic, and no number to search for. */
  length: /[一二三四五六七八九十百千两\d]+字(?:左右|以内|以上|上下)?的?/gu,
  /** How the draft is to be laid out, as a clause before the topic (按做法和成效分开，): no part of the topic. */
  layout: /^按[^，,]{1,12}(?:分开|分列|分别)[^，,]{0,4}[，,]\s*/u,
  /** Whose the draft is to be, as a clause before the topic (只要苏工院的，支部建设…): the topic's owner. */
  only: /^只(?:要|写|看)([^，,]{1,16}?)的?[，,]\s*/u,
  /** A courtesy before the request (请帮我写一份…, 请以…为题…): no part of the topic. */
  courtesy: /^(?:请你?|麻烦你?)\s*/u,
  /**
   * The occasion, as a clause of its own that says what is to be discussed (下周党委理论学习中心组要
   * 交流乡村振兴…): what it says is the topic; its time and meeting are not.
   */
  occasion: /^(?:下周|下个?月|明天|后天|近期|最近|月底|本周|这周|周[一二三四五六日])?[^，,]{0,16}?(?:(?:要|(?<=(?:会|中心组|支部)(?:下周|下个?月|近期|月底|本周|这周)?))(?:学习讨论|学习研讨|交流|学习|讨论|研讨|汇报|介绍|分享|总结)(?!会)(.{2,})|要?(?:开|召开|举办)一?个?(.{2,}?)(?:工作)?(?:交流会|座谈会|推进会|研讨会|培训会|专题会|分享会|会议|大会))$/u,
  /**
   * An aside in a request, not what it asks for: a question put to the reader (…不是都配了实训室吗),
   * what everyone knows already (这个大家都知道, 那些做法大家都熟了), what to mention in passing (提一句就行).
   */
  aside: /(?:不是|不就)[^，,]*[吗嘛]$|(?:这个|这些|那些|那个|大家)(?:大家)?都?(?:知道|清楚|熟了|熟悉)了?$|提一句就行|一笔带过|不是一回事|(?:也|都)?可以(?:参考|借鉴)(?:一下)?$/u,
  /** How to fill the draft, not what it is about (数字有就写上, …写清楚, 有的话重点写, 开头一句背景, 每条尽量带上原文里的数字, 没写的写“未写”, 姓名只用文中点了名的). */
  instruction: /^(?:[^，,]{0,12})?(?:字数(?:控制)?在?[\d一二三四五六七八九十百千]*字?(?:左右|以内|以下)?|(?:不要|不用|别)罗列(?:具体)?(?:数据|数字)|每[项条个](?:都)?写清楚[^，,]{0,16}|(?:每条|每句|每点)?(?:都)?注明(?:是)?(?:哪家|哪所|出处|来源)[^，,]{0,4}|(?:不想|不要|不用)再?罗列[^，,]{0,6}|(?:数字|数据)(?:有的话|有)就?(?:写上|写进去|列上|放上|列出来)|有(?:数字|数据)的话?就?(?:写上|列出来?)|(?:写|列)清楚|有的话重点写|[^，,]{0,12}(?:标明|注明|标注|标出)(?:“[^”]{1,12}”)?|(?:都|全|全部)?(?:挑|摘|找|拎)(?:出来|出)|(?:别|不要|不用|不必)(?:替人家|替别人|替他们|自己|硬|乱|随便)?(?:补|编|猜|推|凑|拆|改|倒推)[^，,]{0,6}|(?:开头|开篇)(?:先)?(?:一句|一段|几句)?(?:话)?(?:写|讲|交代)?(?:背景|概况)|(?:每条|每句|每点|每项|每段)?(?:尽量|最好|都)?(?:带上|带着|附上|写上|标上)[^，,]{0,8}(?:数字|数据|出处|来源)|(?:都|也)?要写到|[^，,]{0,8}?(?:不爱听|不喜欢听?|不要|别写|少写|少说|别说)(?:空话|套话|虚话|大话|官话)|写(?:得)?(?:实|具体|实在)(?:一)?(?:点|些)|[^，,]*(?:的|就|也|都|则)写“(?:文中|原文|文章)?(?:未|没|无|不详|暂无|空)[^”]{0,8}”[）)]?|[^，,]{0,10}只用(?:文中|原文|文章)(?:里|中)?(?:点了名|点名|写到|提到|写了|出现)的?[^，,]{0,6})$/u,
  /** A wish to learn from others, after the topic (乡村振兴这块想学学兄弟院校): no part of it. */
  learnFromPeers: /(?:想|要|准备|需要)?(?:学学|学习借鉴|借鉴|学习|参考|取取经|取经)(?:一下)?(?:兄弟院校|兄弟学校|兄弟单位|其他院校|其他学校|别的学校|别人)(?:的)?(?:经验|做法)?$/u,
  /**
   * The asker's own plan for their unit, as a clause (想在支部里多用用“仪式感”教育党员, 我们想把支部工作
   * “项目化”): it may say the topic, but a word in it no article writes refuses nothing.
   */
  askerPurpose: /^(?:我们|我|咱们)?(?:也)?(?:想|打算|准备|计划|希望)(?:在|把|让|给|往)(?:我们|咱们|本|自己)?(?:的)?(?:支部|党支部|学院|学校|系|党总支|总支|单位|部门)/u,
  /**
   * Whom a clause is to tell something, before what (给书记们讲讲巡察整改, 想让新同志了解政治生日怎么过):
   * the rest of the clause is its topic.
   */
  audienceLead: /^(?:我们|我|咱们)?(?:想|要|打算|准备|希望)?先?(?:给|让|带|帮)(?:大家|领导|学员|新同志们?|同志们|党员们?|书记们?|支部书记们?)(?:先)?(?:讲讲|讲|说说|谈谈|聊聊|介绍一下|介绍|了解一下|了解|学学|学习|看看)/u,
  /** The form an arrangement clause names (要点式, 清单式): no thing asked about. */
  formWords: /(?:要点|条目|清单|提纲|一问一答|问答)式/gu,
  /** Whom the answer is to give an overview (想先给大家一个全景, 要让新同志心里有个数): no topic, and nothing it names refuses. Not 给书记们讲讲巡察整改: that names one. */
  audience: /^(?:我们|我|咱们)?(?:想|要|打算|准备|希望)?先?(?:给|让|带)(?:大家|领导|学员|新同志们?|同志们|党员们?|书记们?|支部书记们?)(?:先)?(?:有|看|心里有)?(?:一个|个)?(?:全景|全貌|概貌|大概|整体印象|印象|数|底)$/u,
  /**
   * How the answer is to be held to or ordered, as a clause of its own (每段不超过100字, 压到8条以内,
   * 按家数从多到少排, 五段按发布时间从早到晚排, 没写日期的放最后, 要点式, 列表比一下), or its
   * columns (立项原话｜哪一年｜哪一级; any clause with a column bar, as a column's note in brackets
   * may hold a comma: 称号原话｜持有人（点了名的照抄姓名，…）): no topic, and nothing it names refuses.
   */
  arrangement: /(?:不超过|不多于|不超出|控制在|压到|压缩到|限制在|限于)[^，,]{0,10}$|[\d一二三四五六七八九十两百千]+(?:条|段|点|项|句|字|行)(?:以内|之内|为限)$|^[^，,]{0,16}?按[^，,]{1,16}?(?:排|排序|排列|顺序)(?:一下)?$|(?:从早到晚|从晚到早|从新到旧|从旧到新|从多到少|从少到多|从高到低|从低到高|从大到小|从小到大)(?:排|排序|排列)?$|(?:放|排|列)(?:在)?(?:最后|最前|最前面|最后面|末尾|后面)$|^(?:写成|做成|弄成)?(?:要点|条目|清单|提纲|一问一答|问答)式$|^(?:列表|列个表|拉个表|做个表)?(?:比|对比|比较)(?:一下|一比)$|[｜|]/u,
  /**
   * What a clause of a long request asks of the articles (怎么组建, 哪几类, 讲了多少场, 做法和成效):
   * a clause without it and without a scope names the asker's occasion or the draft's form.
   */
  asking: /借鉴|参照|想学|怎么|怎样|如何|哪些|哪几|哪个|哪家|哪所|什么|啥|几[个支项场家次名所条位年]|多少|做法|经验|情况|成效|成果|效果|举措|措施|办法|经过|过程/u,
  /** A left-out clause that sets a condition (光是签约仪式的也不算, 只说“新模式”却没起名字的跳过): some sentences naming its words stay. */
  leftOutWhen: /光是|只是|只说|仅仅|仅是|单纯|却没|没写|没有写|没起|不带|以外|之外/u,
  /** A superior asking the user for a text (书记要讲话, 领导让准备材料, 书记让大家先学习一下): who asks, no topic. */
  superiorAsks: /^[^，,]{0,8}?(?:书记|领导|校领导|院长|主任|上级|部长)(?:要|让|叫)(?:我|我们|大家)?(?:先)?(?:[^，,把]{0,8}?(?:讲话|致辞|发言|准备|学习一下|看看|参考|出个方案)[^，,把]{0,8})?$/u,
  /**
   * An occasion naming a field of work (最近要迎接疫情防控工作检查, 上一堂关于党费意识的专题党课): set
   * aside as an occasion, what it names that no article writes is said in the notice.
   */
  fieldOfWork: /工作|检查|党课|教育|治理|预案|改革|运动会|活动月|宣传月/u,
  /** Words naming only who acts or who asks (党员, 党组织, 书记, 几所学院): a clause of them alone names no topic. Global: for `replace` only. */
  actorsOnly: /党员|党组织|书记|领导|学院|学校|大家|我们|我|好|相关|一下|的|几所|各/gu,
  /**
   * A clause saying which of the articles' text to draw on (几所学院文章里凡是写明拿了一等奖的, 文章里写到
   * “标杆院系”的, 凡是写了“签订协议”的): answered, it is what the request is about, and the clauses
   * around it (教务处年底开表彰会, 处长这回只看…) only its occasion and form. Not an instruction on the
   * text (“五型”党总支文章里是哪几型就照原样写).
   */
  scope: /^(?![^，,]*照(?:原样|原文|抄|写|搬))(?:[^，,]*(?:文章|文|篇|正文)(?:里|中)[^，,]{0,24}?(?:写|提|讲|说|叫|用)|凡是(?:写|提|讲|说|用|叫))/u,
  /** A meeting's theme as a clause of its own (…培训会，讲“支部建在哪里”): it may say the topic, but refuses nothing. */
  meetingTheme: /^(?:要|准备|主要)?(?:讲|学|学习|谈|说|研讨|讨论)“[^”]{1,20}”(?:专题|这个题目|这个话题)?$/u,
  /** The columns a table request names (就三列：文件名称｜管哪块事｜落实下来的效果), to the sentence's end: how to lay it out, not what to find. */
  columns: new RegExp(`${columnsLabel.source}[^。；;！!？?]*[。；;]?`, 'gu'),
  /** …and the words that announce them (就三列：), when the columns are the topic. */
  columnsLabel,
  /** A question someone asked, reported as the request's occasion (校长办公会上有人问：党建到底能不能带来“真金白银”？): the request answers it in its own words after. */
  reportedQuestion: /[^，,。；;！!？?]*(?:有人|领导|书记|校长|院长|大家|同事|老师们?)(?:在)?(?:问|提出|质疑)(?:过|了)?[：:][^？?。！!]*[？?。！!]/gu,
  /** An occasion or a use that says no topic, as a clause of its own (下周支委会要学习, 支部会上用, 支部书记培训用, 要出一期《基层党建简报》; not 要出一期《巡察整改专刊》, whose title says a topic): neither topic nor search. */
  occasionOnly: /^(?!主题|重点|关于|内容)(?:下周|下个?月|明天|后天|近期|最近|月底|本周|这周|周[一二三四五六日])?(?:[^，,]{0,10}?(?:会|会议|中心组|党日|论坛)(?:下周|下个?月|明天|后天|近期|月底|本周|这周)?(?:(?:要|需要|准备)(?:做个?|作个?)?(?:学习|用|交流|讨论|研讨|汇报|发言)(?:一下|用)?|上?(?:用|使用))|[^，,]{0,10}?要?(?:开|召开|举办)一?个?(?:理论学习中心组|中心组|组织生活|民主生活|组织员|支委|党员|支部|党委|党总支|教工|学生)?(?:交流会|座谈会|推进会|研讨会|培训会|专题会|分享会|学习会|生活会|务虚会|例会|会议|大会|会)|(?:给|供|为)?[^，,]{0,12}?(?:培训|学习|备课|讲课|授课|宣讲|汇报)(?:时|上)?(?:要|需要)?(?:用|使用)|[^，,]{0,6}?(?:要|需要|准备)?(?:给|向)[^，,]{1,12}?(?:报|汇报|报送|上报|提交)(?:“[^”]{1,12}”)?(?:材料|一下)?(?:“[^”]{1,12}”)?|[^，,]{0,10}?(?:中心组|支部|党委|党总支)[^，,]{0,4}?学(?:习)?(?:“[^”]{1,16}”)?专题|[^，,]{0,10}?(?:会|会议|党日|党课|论坛)上?(?:要|准备)?(?:讲|学|学习|谈|说|研讨|讨论)“[^”]{1,16}”(?:专题)?|[^，,]{0,6}?(?:要|需要|准备)(?:报|上报|报送)[^，,]{1,12}?材料|[^，,]{0,12}?在[^，,]{1,14}?(?:会|会议|大会|论坛|党课)上(?:讲话|发言|作报告|汇报|交流|讲)|[^，,]{0,10}?(?:要|准备|打算|想|在)?(?:出|办|编|印)(?:一|这|下)?(?:期|本|份)?(?:《(?:基层)?(?:党建|党务|支部|组织|党委)?(?:工作)?(?:简报|专刊|手册|通讯|动态|汇编|内参|快报|周报|月报)》|(?:简报|专刊|快报|通讯))(?:给[^，,]{1,12}看)?)$/u,
  /**
   * The field at large after whose work it is (嘉兴职业技术学院的党建工作, 嘉职院党建): the owner's
   * whole work, searched as the owner alone, since every article is of 党建, when the owner names a
   * corpus college (not a kind of unit: 二级学院, 标杆院系, 样板支部).
   */
  ownerFieldWide: /^(.{2,}?)的?(?:党建工作|党建|党的建设)(?:经验|做法|情况|工作)?$/u,
  /** What an occasion may say it will do that names no topic (交流一下, 总结上半年工作, 分享学习体会). */
  occasionWithoutTopic: /^(?:一下|一番|下)|(?:体会|心得|收获|感想|工作|情况)$/u,
  /** What a draft tells anyway, at a topic's end (…的做法, …方面的各校做法, …建设做法): no part of the topic. */
  collegesPractice: /(?<=.{2})(?:(?:(?:方面)?的?(?:各|几所|多所|这几所)个?(?:校|院校|学校|学院|高校))?(?:上)?的?(?:典型|具体)?(?:做法|经验|举措)(?:(?:和|与|及|、)(?:成效|成果|效果|经验|做法))?|(?:方面)?的?(?:各|几所|多所|这几所)个?(?:校|院校|学校|学院|高校))$/u,
  /** The sections of a draft asked of whose work the clause names before them (嘉兴、台州这两家的体会、启示和下一步打算). */
  sectionsTail: new RegExp(`(?<=.{2})的${lessonSections}$`, 'u'),
  /** An asking clause that hands over only the colleges' practice (帮我把各校做法汇总成一份材料): no topic of its own. */
  practiceOnly: new RegExp(`^(?:(?:几|各|多|这几|这些|相关|有关)(?:所|个|家)?(?:学院|院校|学校|高校|职院|单位|校)的?)?(?:(?:做法|经验|情况|举措|材料)(?:(?:和|与|及|、)(?:成效|成果|效果|经验|做法))?)?$|^(?:(?:几|各|多|这几|这些)(?:所|个|家)?(?:学院|院校|学校|高校|职院|单位|校))?的?(?:文章)?(?:里|中)?的?(?:自己)?(?:总结出来的|总结的|提出的)?${lessonSections}$`, 'u'),
  /**
   * A clause that only points at a practice to draw on (参考嘉职院“红船领航”的思路, 可以借鉴…) or asks
   * for what only if the articles have it (“亮牌制”这类的也列上, 积分制、警示教育这些有就写上).
   */
  secondary: /^(?:也)?(?:可以|可)?(?:参考|参照|借鉴|照着|对标)|(?:也|都)?可以(?:参考|借鉴)(?:一下)?$|(?:这类|这种|这些|那种|之类)的?(?:做法)?(?:也|有就|有的话就?)|(?:有的话|有)就?(?:写上|列上|写进去|列出来|放上)$/u,
  /** A draft's or table's topic this many characters long at most, in one clause, is said in a few words: each it names counts. */
  shortTopic: 24,
  /** Where a request points at a practice to draw on (参考湖南电气“党员积分管理手册”, 借鉴…的做法), to the clause's end. */
  pointedAtPart: new RegExp(`${pointingVerb}[^，,。；;：:！!？?]*`, 'gu'),
  /** What the draft draws on, as a clause of its own: 根据X的经验 / 以X为例 / 参照X的做法 / 用X做底子. */
  basis: /^(?:根据|依据|结合|参照|参考|照着|按照|借鉴|围绕|就(?!业)|综合)(.+?)(?:的(?:真实|成功|典型|先进)?(?:经验|做法|材料|文章|情况))?$|^以(.+?)(?:为|作为)(?:例|例子|基础|参考|题|主题|底子|蓝本|底本|素材)(?:[^，,]*?(?:材料|稿子|稿|报告))?$|^(?:就)?(?:用|拿)(.+?)(?:做|作|当)(?:例子|基础|底子|蓝本|底本|素材)$/u,
  /** The draft's sections, when the request lists them (，包括背景、主要做法、成效和启示). */
  sections: /[，,；;：:]\s*(?:(?:包括|包含|含|要有|分为|按照?)[^，,；;]*|(?:分|要|写|列|需要?)?(?:背景|主要做法|做法|成效|启示)[、和及与][^，,；;]*)$/u,
  /** What to draw on or stress, after the topic (，重点参考苏州工业职院和湖南电气职院 / ，突出信息技术应用): searched for, not in the title. */
  reference: /[，,；;：:]\s*(?:围绕|重点参考|主要参考|参考|结合|侧重|突出)([^，,；;]*)$/u,
  /** A turn that is only a courtesy (谢谢, 好的, 明白了): no topic to draft on. */
  /** A clause that only asks for the table, once its asker is set aside (国际处|想做个对比表, 要拉一张表). */
  tableAskingOnly: /^(?:我们|我)?(?:想|要|准备|打算|需要|得)?(?:做|拉|列|整理|出|弄|搞|汇总)(?:一下)?(?:一)?(?:个|张|份)?(?:对比|比较|汇总|一览)?(?:表|表格)$/u,
  courtesyOnly: /^(?:谢谢|多谢|感谢|好的|好|嗯|明白|收到|知道了|可以|行|ok|OK)[了啊呀吧的！!。.，,\s]*(?:谢谢|辛苦了?)?[！!。.]*$/u,
  /** A topic that only points back (这个主题, 上面的内容, 这个做法): the conversation's last question is the topic. */
  pointer: /^(?:就)?(?:按照?|照|根据|围绕)?(?:这个|这|那个|这些|上面的?|上述的?|以上的?|刚才的?|前面的?|(?:刚才|上面|前面)(?:说|讲|聊|问)的?)(?:主题|内容|做法|经验|话题|问题|事情?|方面|工作)?$/u,
  /** How a question asks, after what it asks about (…是怎么搞的, …是什么, 有哪些做法): no part of a draft's topic. */
  questionFrame: /(?:的)?(?:是)?(?:怎么|怎样|如何|咋)(?:搞|做|开展|推进|抓|落实|弄|过|办|开|上|用|建)?(?:的|起来的)?[？?]?$|(?:的)?(?:是什么|是啥|是指什么|指什么)[？?]?$|(?:都|还)?有(?:哪些|什么|啥)(?:做法|经验|举措|成效)?[？?]?$|(?:都|还)?(?:搞|做|开展|干)了?(?:哪些|什么|啥)(?:工作|活动|事)?[？?]?$/u,
};

export const summaryKnobs = {
  /** A word of what a request leaves out names it when at most this many passages write it (杨梅, 援疆援青; not 获奖). */
  leftOutWordChunks: 3,
  /** A draft's topic longer than this, or of more than two clauses, is no title: the draft is titled by whose practice it tells. */
  titleLength: 40,
  /** …naming at most this many units, else the first and their count. */
  titleNames: 2,
  /** What a request's scope clause names titles its draft when at most this long (文章里写到“双带头人”的 → 双带头人). */
  scopeTitleLength: 16,
  /** Lines per section at most. */
  sizes: { background: 2, practice: 6, outcome: 5, insight: 3 },
  /**
   * A run-in label of a paragraph that says the whole topic before it (…全面实施教师评价机制综合改革。
   * 实施政治素质“首关制”。… 实施业绩考核“亮牌制”。) is a point of the topic's practice: it weighs this
   * much more as a practice, though it does not repeat the topic's words.
   */
  topicParagraphPoint: 1.5,
  /** A result holds at least this share of the request's topic weight itself. */
  outcomeOwnTopic: 0.15,
  /**
   * A practice's own result (the sentence after it in its labelled point) fills 成效 only while it
   * holds fewer than this many results that say the topic: a unit's results follow each of its
   * points, and in a draft across colleges most are another point's.
   */
  practiceResultsBelow: 2,
  /** A result states one this clearly (outcomeStrength: a figure that came of something 0.8, an honour 1), or stands under a results heading. */
  outcomeStrength: 0.8,
  /** A titled run-in label, longer than a plain one (党建聚智：“读·聚匠心、五育并举”组建六支金队伍。): a short title, a colon, a clause. */
  titledLabel: /^[^，,。；;：:\s]{2,8}[：:][^，,；;。]{2,40}[。！]?$/u,
  /** A couplet run-in label, two short parallel clauses without figures (坚持引育并举，积聚发展新动能。 / 抓“四大工程”，优化师资队伍结构。). */
  coupletLabel: /^[^，,。；;：:\s\d]{3,12}[，,][^，,。；;：:\s\d]{3,12}[。！]?$/u,
  /** A sentence is relevant when it scores this share of the best, or covers this share of the core words with its context. */
  relevantShare: 0.3,
  relevantCoverage: 0.3,
  /** …and, when the request names a topic (加强教师队伍建设), a sentence saying at least this share of it (with its neighbours). */
  relevantTopic: 0.2,
  /** …if at least this many sentences do; otherwise every admitted sentence. */
  onTopicAtLeast: 8,
  /**
   * Of those, the sentences saying this share of the topic in their own words (or their label's),
   * and one of its key words (`ownKey`: the word or a synonym, not parts of it), are the draft's, if
   * at least `ownTopicAtLeast` do.
   */
  ownTopic: 0.4,
  ownKey: 0.85,
  ownTopicAtLeast: 4,
  /** A result of an article whose title says this share of the topic's weight is the topic's, whatever its own words. */
  titleSaysTopic: 0.6,
  /**
   * A draft about one article whose practices it outlines under sibling headings (1.实施“四个一”工程…
   * 5.实施“手拉手、一帮一”工程…) gives one practice per heading: at least this many headings, each at
   * most `outlineHeadingLength` characters, and at least `outlineShare` of the relevant sentences
   * from that article.
   */
  outlineAtLeast: 3,
  outlineHeadingLength: 40,
  outlineShare: 0.8,
  /** …and its article's title, college and unit say at least this share of the request's topic weight. */
  outlineTopicShare: 0.75,
  /** Within a section, lines score at least this share of the section's best. */
  floor: 0.3,
  /** 取得成效 and 经验启示 lines score at least this share of the best sentence overall. */
  specificMinimum: 0.25,
  /** Headings above a sentence that mark a section's kind of content. */
  headingCues: {
    background: /背景|概况|基本情况|缘起/u,
    practice: /做法|举措|措施|实施过程|路径|主要工作|工程|项目|聚焦|机制/u,
    outcome: /成效|成果|成绩|效果|荣誉/u,
    insight: /体会|思考|启示|经验|展望|思路/u,
  },
  headingBonus: 1.5,
  /** In a draft across the colleges, a college not yet heard from gets its best practice or result scoring this share of the section's best. */
  otherCollegeShare: 0.2,
  /** A sentence that can only be a lesson (…的核心在于…, 关键在于, 经验表明): never a practice. */
  lessonOnly: /核心在于|关键在于|根本在于|意义在于|经验表明|启示我们/u,
  /** A sentence whose first clause is the media reporting (光明日报、苏州日报等媒体20多次报道了该支部的经验做法): recognition, never a practice. */
  mediaReported: /^[^，,。；;]{0,30}(?:媒体|日报|晚报|卫视|电视台|学习强国|人民网)[^，,。；;]{0,12}(?:报道|推送|播报|刊发|转载)/u,
  /** A line of its own opening with the day it happened (2021年11月2日，…签约仪式在…举行): a photo's caption kept as an event, never a practice of a draft. */
  datedEvent: /^\d{4}年\d{1,2}月\d{1,2}日/u,
  /** A sentence that reads like the section (practice verbs, background openers) is preferred by this factor. */
  cueBonus: 1.35,
  /** Background comes from an article's opening characters by preference. */
  openingCharacters: 300,
  openingBonus: 1.3,
} as const;

// ------------------------------------------------------------------------------------------------
// 院校对比 (comparisons)

export const compareKnobs = {
  /**
   * Who may hold a result: a topic naming one of these (学生竞赛获奖) takes no result naming another of
   * them and not it, in any of its words (学子, 师生…): a teachers' prize is no result of students'
   * competitions, while 就业率达98%以上, naming none, may be students'.
   */
  holderGroups: ['学生', '教师'] as readonly string[],
  /**
   * Honours of a body (集体荣誉): a result that counts the people honoured (3名党员获…称号) and names
   * no body before its honour is someone's own, not the body's.
   */
  collectiveWord: '集体',
  peopleHonoured: /\d+\s*(?:名|人(?!次))|[一二三四五六七八九十两]名/u,
  bodyHonoured: /党委|党总支|党支部|支部|学院|院系|团队|基层党组织|单位/u,
  /** …and one naming no body at all weighs this much beside those that do. */
  bodyUnnamedFactor: 0.5,
  /** A college's best sentence must cover this share of the topic's core weight for the college to count. */
  minimumCoverage: 0.45,
  /**
   * A 做法 cell shows up to this many items: the best, then others that each say a thing the request
   * lists that no item before it says (党性体检 beside 积分制).
   */
  itemsPerCell: 2,
  /** …each scoring at least this share of the cell's best. */
  furtherItemShare: 0.5,
  /** A cell's sentence covers at least this share of its college's best. */
  cellCoverage: 0.6,
  /**
   * A part of a topic's compound (品牌 of 党建品牌) says the topic for a college none of whose
   * sentences does, unless more than this share of passages hold it (党建).
   */
  commonPartShare: 0.25,
  /** A result later in the paragraph of a sentence saying the topic weighs this share of that sentence. */
  followerShare: 0.8,
  /** …when it is one of the next this many sentences (a long paragraph turns to other work). */
  followerWithin: 2,
  /** 成效 must state a result at least this clearly (outcomeStrength). */
  outcomeStrength: 0.4,
  /** A 做法 cell's sentence without a word of doing (sentenceCues.practice) weighs this much. */
  practiceWithoutCue: 0.5,
  /**
   * A 做法 cell's sentence under a run-in label saying every topic word (坚持党建与专业建设相融合。把支部
   * 建在专业群上…) weighs this much, word of doing or not: the article's own answer to the topic.
   */
  topicLabelFactor: 2,
  /** A sentence stating a result this clearly (an honour: outcomeStrength 1) is no 做法, whatever else it says. */
  practiceOutcomeBelow: 1,
  /**
   * A clause that turns a sentence from what was done to what came of it (…形成…的大思政育人工作格局，
   * 育人成效凸显，学院学子…获…): the 做法 cell is judged and cut before it when that part says the
   * question's weightiest topic word itself.
   */
  outcomeTurn: /[，,；;]\s*(?:[\u4e00-\u9fa5]{0,4}成效(?:凸显|显著|明显|突出|斐然)|取得了?(?:显著|明显|良好|突出)?的?成效|涌现(?:出|了))/u,
} as const;

// ------------------------------------------------------------------------------------------------
// Retrieval per mode

/** How many passages each mode retrieves, and how many of them a model is given. */
export const modeRetrieval = {
  qa: { k: 12, maxPerDocument: 3, maxPerDocumentFocused: 10, modelSources: 6 },
  /** A draft across the colleges (acrossColleges) adds each college's best `perCollegeK` passages. */
  summary: { k: 16, maxPerDocument: 5, maxPerDocumentFocused: 10, modelSources: 12, perCollegeK: 3 },
  /** Comparison: a quota per college (up to `maxColleges`; beyond, one broad search of `broadK`). */
  compare: { perCollegeK: 4, maxPerDocument: 2, maxColleges: 30, broadK: 120, modelSourcesPerCollege: 2, modelSources: 30 },
  /** A draft's or a table's request refused as a whole is asked clause by clause, its first this many clauses. */
  requestClauses: 8,
} as const;

/** Where a draft's or a table's request parts into clauses (each may be asked on its own). */
export const requestClauseBreak = /[，,；;。！!？?：:]/u;
/** A clause of a request that points back at the one before it (各是什么团队, 分别是啥, 其中…): nothing to draw on alone. Not 各院校…, nor 分别用…的内容, which names its own. */
export const clausePointsBack = /^(?:各(?:是|为|叫|有什么|有哪些|自)|分别(?=是|为|叫|有|怎么|如何|什么|哪|多少|几)|其中|其|这|那些|那个|该)/u;

/** Time a model has to rewrite a follow-up before the subjects are carried without it. */
export const rewriteTimeoutMs = 10_000;

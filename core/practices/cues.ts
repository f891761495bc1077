/**
 * The tuning knobs of practice extraction, in one place: the verbs that introduce a practice, the
 * head words that end a practice's name, the words that mark a quoted phrase as something else
 * (an idea, an honour, a problem), national formulas that are never a unit's own practice, and the
 * cue words of every category. Tuned on the `tune` half of eval/practices (see its README); the
 * measured effect of each list is in docs/practices.md.
 */
import type { PracticeCategory } from './taxonomy.ts';

/** Verbs that introduce a practice the unit carries out (实施“四个一”工程). */
export const strongVerbs = [
  '实施', '打造', '开展', '推行', '建立', '创建', '构建', '推进', '创新', '探索', '组建', '成立', '搭建', '建成', '建设',
  '设立', '推出', '实行', '创设', '开设', '开辟', '举办', '发起', '启动', '培育', '共建', '深化', '抓实', '抓好', '践行',
  '设置', '建立起', '创立', '组织开展', '持续开展', '制定', '固定', '开讲',
] as const;

/** Verbs that use or continue a practice rather than introduce it (依托“党建微课堂”). */
export const weakVerbs = [
  '依托', '通过', '运用', '用好', '强化', '完善', '健全', '坚持', '突出', '做实', '抓', '落实', '深入', '擦亮', '结合', '围绕',
  '参与', '加入', '加强', '提升', '拓展', '增设', '配强', '部署', '出台',
] as const;

/**
 * Other verbs: they introduce nothing, but a name never runs back across them (筑牢“主阵地” is no
 * name with 筑牢 in it).
 */
export const otherVerbs = [
  '筑牢', '出台', '做好', '用好', '夯实', '发挥', '推动', '助力', '引领', '带动', '优化', '激发', '凝聚', '聚焦', '对标', '立足', '借助', '利用',
  '采取', '实现', '确保', '保障', '开创', '促进', '汇聚', '树立', '弘扬', '传承', '开发', '配备', '选树', '举行', '召开', '组织', '参加', '发布',
  '印发', '编印', '了解', '参观', '观摩', '构筑', '激活', '赋能', '融入', '贯彻', '贯彻落实', '认真贯彻', '形成', '打通', '破解', '解决', '提供',
  '邀请', '联合', '带领', '走进', '深入', '活跃', '成为', '作为', '确定', '进行', '获得', '推广', '宣传', '召集', '指导', '牵头', '整合',
  '完成', '申报', '修订', '出版', '刊发', '评选', '推选', '授牌', '揭牌', '签署', '签订', '开启', '取得', '彰显', '展现', '展示', '营造',
  '讲好', '送上', '命名', '克服', '破除', '消除', '建好', '办好', '写好', '答好',
] as const;

/**
 * Words at which a name's tail ends (“党建微课堂”作为…, “人人出彩创新”工作法获…, “三抓三提”推进…):
 * function words, and verbs that start a new predicate. Strong verbs and honour words end it too.
 * Single characters that often begin a noun (对口, 向阳, 人才) are left out.
 */
export const tailStops = ['作为', '被', '将', '让', '使', '把', '等', '为', '并', '全面', '持续', '进一步', '不断', '以来', '期间', '相关', '以及', '以此', '同时', '已经', '正在', '成为'] as const;
export const tailStopVerbs = ['确定', '推动', '带领', '实现', '提供', '促进', '发挥', '助力', '作出', '做出', '开启', '取得', '彰显', '带动', '引导', '激发', '凝聚', '得到', '受到', '赢得', '覆盖', '解决', '确保', '组织', '召开', '举行'] as const;

/**
 * `以“X”为抓手` and its kin: X is the instrument the unit works through, a practice. The word after
 * 为 decides it; `以“X”为工作理念` is an idea, not a practice.
 */
export const instrumentWords = ['抓手', '载体', '契机', '依托', '平台', '切入点', '基点', '突破口', '引领', '牵引', '主线', '统领', '纽带', '标识', '主题', '亮点', '特色', '重点'] as const;

/**
 * Head words that end a practice's name after the quoted part (“三亮三比”工程, “风能蒲公英”党员志愿服务活动).
 * Longer heads are tried first.
 */
export const practiceHeads = [
  '工程', '计划', '项目', '行动', '活动', '活动日', '机制', '制度', '模式', '体系', '新体系', '品牌', '平台', '基地', '阵地', '工作法',
  '学习法', '工作室', '服务队', '志愿服务队', '先锋队', '宣讲团', '践行团', '实践团', '团', '队伍', '联盟', '共同体', '驿站', '课堂',
  '党课', '学堂', '讲堂', '大讨论', '宣讲', '研讨', '理论研讨', '学习', '专题学习', '教育', '宣传教育', '评选', '评比', '比赛', '竞赛',
  '大赛', '擂台赛', '建设', '项目建设', '载体', '范式', '新路径', '路径', '新模式', '理事会', '议事会', '议事平台', '党总支',
  '党支部', '支部', '党委', '小组', '职能', '试点', '培育计划', '融合体', '招聘会', '服务', '管理', '街', '之家', '品牌矩阵',
  '示范基地', '示范点', '岗', '新平台', '手册', '节', '建设模式', '工作模式', '服务模式', '联建', '党建联建', '谈心谈话', '工作队', '服务团', '志愿服务团', '创建', '机制建设',
] as const;

/** Heads under which a run of quoted items is one practice with those items as its parts (“A”“B”工作法). */
export const singularHeads = ['工作法', '模式', '新模式', '建设模式', '服务模式', '体系', '评选', '评比', '比赛', '竞赛', '大赛', '范式', '工作模式'] as const;

/** Heads of a run given as examples of something else (“A”“B”“C”等系列活动): its items are not practices. */
export const exampleHeads = ['活动', '系列活动', '文化活动', '主题活动', '主题教育', '系列主题教育', '任务', '形式', '内容', '载体', '平台', '空间'] as const;

/**
 * Words that end a quoted name on their own, without a head after the quote: “首关制”, “党建微课堂”,
 * “初心广场”. A quoted phrase with no head and none of these endings is emphasis or a metaphor.
 */
export const nameEndings = [
  '制', '法', '工程', '计划', '项目', '行动', '活动', '活动日', '机制', '模式', '体系', '品牌', '平台', '基地', '阵地', '广场', '园',
  '站', '驿站', '小站', '屋', '街', '之家', '家', '堂', '课堂', '党课', '课', '岗', '室', '工作室', '团', '队', '队伍', '服务队', '团队', '联盟',
  '中心', '日', '节', '赛', '汇', '会', '议事会', '服务', '手册', '试点', '食堂', '清单', '理事会', '党支部', '支部', '共同体', '工作机制',
  '建设', '融合', '创建', '教育', '一帮一', '合伙人',
] as const;

/** Words right after a quoted phrase that make it an idea, a goal, a problem or an honour, never a practice. */
export const nonPracticeHeads = [
  '理念', '格局', '新格局', '精神', '要求', '总要求', '目标', '宗旨', '思想', '思路', '原则', '方针', '称号', '荣誉', '殊荣', '等次',
  '积弊', '难题', '问题', '现象', '短板', '效果', '氛围', '局面', '主旋律', '导向', '作用', '效应', '金句', '口号', '战略', '布局',
  '指示', '讲话', '重要论述', '论述', '意识', '使命', '初心', '标准', '名单', '典型案例', '案例', '大会', '会议', '仪式', '启动仪式',
  '发布会', '奖', '文章', '答卷', '冲锋号', '意义', '定位', '新高地', '高地', '成效', '效能', '难', '办学理念', '育人理念', '工作理念',
  '工作思路', '发展理念', '嘱托', '号召', '部署', '重要指示', '工作要求', '情况', '表现', '短板弱项', '痛点', '堵点', '难点',
] as const;

/** In a tail that starts with 的, words that make it a goal (“三全六治、九里同心”的美好家园共同体), not a practice. */
export const goalWords = ['美好', '良好', '崭新', '和谐', '幸福', '浓厚', '新局面', '新气象', '新篇章'] as const;

/** Quoted words that are common descriptions rather than names (“一站式”综执服务). */
export const genericQuotes = ['一站式', '零距离', '全覆盖', '面对面', '最多跑一次', '新平台', '新人才', '新力量', '新高地', '新典范', '金名片', '金点子'] as const;

/** Words that, before a quoted phrase in the same clause, make it an honour or a programme of others the unit was admitted to. */
export const honourWords = ['获', '荣获', '获评', '获批', '获得', '入选', '被评为', '评为', '授予', '被授予', '列为', '被列为', '命名为', '认定为', '立项', '通过验收', '验收', '公布'] as const;

/**
 * National formulas and requirements: every unit "落实" them, none is a unit's own practice. Compared
 * with the quoted text without punctuation.
 */
export const nationalFormulas = [
  '四个意识', '四个自信', '两个维护', '两个确立', '第一议题', '三会一课', '七个有力', '双一流', '双高', '四史', '不忘初心牢记使命', '三全育人',
  '学党史悟思想办实事开新局', '为党育人为国育才', '两学一做', '五唯', '四有好老师', '大思政课', '主题党日', '主题党日活动', '学习强国',
  '八项规定', '四风', '四种形态', '三严三实', '五个到位', '两个覆盖', '十三个坚持', '三提三敢', '对标争先', '双创', '两张皮', '最后一公里',
  '最后一米', '放管服', '一带一路', '双减', '三农', '互联网+', '十四五', '双百示范', '党建工作标杆院系', '标杆院系', '样板支部',
  '百个研究生样板党支部', '百名研究生党员标兵', '黄大年式教师团队', '全国高校黄大年式教师团队', '四个一百', '五个一批', '一江一河',
  '两新', '七一', '八一', '五四', '十一', '三地一窗口', '重要窗口', '两山', '两个毫不动摇', '两个结合', '两个务必', '三个务必', '两个大局',
  '国之大者', '四个全面', '五位一体', '四个伟大', '两个一百年', '三个代表', '两个先锋队',
] as const;

/** Words that mark an article as party-building (practices are only looked for in such articles). */
export const partyWords = ['党建', '党委', '党支部', '党总支', '党员', '党组织', '思政', '主题教育', '党工委', '党小组', '党组', '党性'] as const;

/** How many party words an article needs before its practices are extracted. */
export const minimumPartyWords = 3;

/**
 * Unquoted practices need a party word in the name itself (共建校企协同党建基地): without quotation
 * marks, a verb and a head word match too much ordinary prose.
 */
export const unquotedNameWords = ['党建', '党员', '党支部', '支部', '党委', '红色', '先锋', '清廉', '廉洁', '志愿', '思政', '议事', '治理'] as const;

/** A sentence is an outcome when it states figures or honours (近两年已累计开展700多人次的考察). */
export const outcomePattern =
  /\d+(?:\.\d+)?\s*(?:%|％|个|项|名|人|位|次|场|家|万|亿|元|篇|门|支|所|件|余|多|批|户|堂|小时|分|倍)|[一二三四五六七八九十百千万两]+(?:个|项|名|次|场|批|等奖)|荣获|获评|获批|获得|入选|被评为|授予|称号|一等奖|二等奖|三等奖|特等奖|表彰|批示|肯定|报道|推广|覆盖率|提高到|提升至|增长/;

/**
 * Category cue words. A cue found in the name weighs 3, in the parts 1.5, in the description or heading
 * 1, and every occurrence in the whole article 0.1 (what the article is about decides close calls).
 */
export const categoryCues: Record<PracticeCategory, readonly string[]> = {
  政治建设与理论学习: ['理论学习', '学习', '党史', '宣讲', '研讨', '读书', '中心组', '政治建设', '理论', '学党史', '大讨论', '讲师团', '学堂', '青年说', '铸魂', '二十大', '学习法', '理论武装', '宣讲团'],
  组织建设与支部建设: ['支部建设', '党支部', '支部', '党总支', '组织建设', '标准化', '规范化', '书记', '双带头人', '头雁', '党小组', '组织架构', '组织体系', '建在', '五星', '五型', '基层党组织', '党委', '擂台', '三基', '抓院促系', '党建体系'],
  党员教育管理: ['党员', '党员教育', '党员管理', '党性', '先锋岗', '积分', '亮身份', '示范岗', '主题党日', '党课', '微党课', '活动日', '承诺', '谈心', '政治生日', '入党', '流动党员', '一对一', '闪亮', '党员之星', '三亮', '四个一'],
  师德师风: ['师德', '师风', '教风', '四有', '好老师', '教书育人', '师魂', '教师党员', '党员教师', '示范课', '七个一'],
  党建与业务融合: ['融合', '党建工作融入', '双融', '业务', '同频共振', '互融', '中心工作', '技术服务', '科创', '岗位建功', '提升年', '教学质量', '管理服务', '工作法', '出彩', '区岗队组', '四元同创', '助企', '融入', '党建+'],
  校企合作与产教融合: ['校企', '校企协同', '企业', '产教', '产业', '学徒制', '实训', '产业学院', '订单班', '联合培养', '职教', '政行企校', '校中厂', '引企入校', '产业链', '实践教学', '就业', '访企拓岗', '双培双导', '双向互选', '金基地', '模具'],
  思政育人与课程思政: ['思政', '课程思政', '育人', '思政课', '第一课', '大思政', '劳动教育', '文化育人', '红色文化', '校园文化', '铸魂育人', '五育', '人才培养模式', '实践育人', '劳动思政', '育人模式', '新农人', '匠心', '课程'],
  志愿服务与社会服务: ['志愿', '志愿服务', '服务队', '公益', '帮扶', '义诊', '关爱', '慰问', '助老', '结对', '乡村振兴', '社会服务', '社会实践', '服务群众', '为民', '共富', '托管', '送清凉', '暖心', '助学', '服务社会', '三服务', '手拉手', '银发', '托育', '亲民', '体检', '食堂', '博士课堂', '先锋队', '实践活动', '服务员', '对口帮扶', '帮扶行动', '问需', '大扫除', '比赛', '暑期', '绘画', '文艺', '献血', '健康', '义剪', '招聘'],
  品牌与阵地建设: ['品牌', '阵地', '平台', '基地', '工作室', '驿站', '广场', '文化园', '之家', '咖啡屋', '融媒体', '两微一端', '小程序', '展馆', '示范点', '一院一品', '特色品牌', '党建品牌', '三室一岗', '矩阵'],
  制度机制与考核评价: ['制度', '机制', '考核', '评价', '评选', '评比', '积分制', '清单', '首关制', '替代制', '亮牌制', '动态制', '负责制', '手册', '考评', '红黑榜', '周报', '例会', '问责', '试点', '之星', '快速反应'],
  人才队伍: ['人才', '教师队伍', '青年教师', '干部', '引育', '培育计划', '博士', '团队建设', '能力提升', '青年', '精英', '新教师', '四大工程', '五大计划', '三大教育', '行动先锋', '行动团队', '青锋赛', '教师能力', '干部队伍', '人才队伍'],
  全面从严治党与廉洁文化: ['清廉', '廉洁', '廉政', '从严治党', '纪律', '警示教育', '监督', '作风', '四责协同', '廉风', '反腐', '拒腐', '清风'],
  党建联建与基层治理: ['联建', '共建', '联盟', '党建联盟', '基层治理', '网格', '物业', '议事', '协商', '治理', '共同体', '联动', '两新', '红色物业', '调解', '区域化', '楼宇', '理事会', '红色共同体', '善治', '社区治理', '人居环境', '乡村治理', '网格化', '两新党建', '社区'],
};

/**
 * Cues that count only in a practice's name, parts and heading: in a description they are mostly the
 * subject (风能工程学院教工党支部开展…) and say nothing about the practice.
 */
export const nameOnlyCues: readonly string[] = ['党支部', '支部', '党总支', '党委', '党员', '教师党员', '党员教师'];

/** Where a cue was found, and its weight there. */
export const categoryWeights = { name: 3, components: 1.5, description: 1, heading: 1, article: 0.1 } as const;

/**
 * Words never given as what two practices share (大力, 弘扬, 抓手): adverbs, verbs of every article,
 * and nouns every practice has. The verbs of the lists above are left out too.
 */
export const reasonStopwords = [
  '大力', '积极', '深入', '不断', '持续', '全面', '充分', '有效', '切实', '进一步', '扎实', '着力', '努力', '认真', '广泛', '主动', '全力',
  '核心', '成长', '优秀', '抓手', '工作', '建设', '发展', '活动', '项目', '工程', '机制', '制度', '体系', '模式', '平台', '载体', '重要',
  '作用', '水平', '能力', '质量', '高质量', '新时代', '全体', '广大', '各类', '相关', '方面', '过程', '全过程', '形式', '内容', '开展',
  '推进', '实施', '组织', '学校', '学院', '支部', '党支部', '党总支', '党委', '党建', '党员', '师生', '教师', '学生', '单位', '一是',
  '二是', '三是', '通过', '围绕', '坚持', '加强', '提升', '推动', '实现', '形成', '打造', '建立', '构建', '创新', '引领', '融合', '服务',
] as const;

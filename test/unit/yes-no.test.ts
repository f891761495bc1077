/**
 * 是否: the verdict a sentence gives a yes-or-no question (real jieba, corpus statistics from a
 * real index of the default corpus), and the words that say it.
 */
import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../core/answer/question.ts';
import { othersOfKind, verdictWord, yesNoVerdict, type YesNo } from '../../core/answer/yes-no.ts';
import { useDefaultSnapshot } from '../helpers/corpus.ts';

const corpus = useDefaultSnapshot('yes-no');

const verdict = (question: string, sentence: string, context = ''): YesNo | null =>
  yesNoVerdict(analyzeQuestion(question, { colleges: corpus.colleges, terms: corpus.snapshot.lexical }), sentence, context)?.answer ?? null;

const students = '涌现了诸如全国技术能手、铁路劳动模范朱光耀，全国高职挑战杯特等奖获得者方文浩，全国大学生创业百强英雄王晨超、徐洋，全国高职唯一中国青少年科技创新奖获得者樊文天等优秀学生代表。';
const twoCounts = '学校领导班子连续2年考核优秀，党委书记抓党建工作述职评议考核连续3年获得“优秀”等次。';

const press = '光明日报、苏州日报等媒体20多次报道了该支部的经验做法。';
const risen = '学生思政素质明显提高，入党申请人比例从75.3%提高到93.8%，入党积极分子比例提高了61.3%。';
const ranked = '“智控专业”国家高水平 A 档（全国前十）重点建设专业群，“金平果”专业评价我院自动化类专业连续两年排名全国第一。';
const teachersWon = '教师获全国高职院校教学能力大赛二等奖1项、浙江省一等奖2项等，以及浙江省优秀党务工作者1人。';
const donations = '2021年，学校招生专业投档线猛增50分，位次提高23297名，就业率和用人单位满意度再创历史新高，获得企业各类捐赠总额达到5479万元。';

describe('the verdict a sentence gives', () => {
  const table: [string, string, string, YesNo | null][] = [
    // Every word of the question, the same number, in the clause that says it.
    ['嘉兴职业技术学院党委书记抓党建工作述职评议考核是不是连续3年获得“优秀”？', twoCounts, '嘉兴职业技术学院', 'yes'],
    // The same sentence counts the leaders' years otherwise.
    ['嘉兴职业技术学院领导班子是不是连续3年考核优秀？', twoCounts, '嘉兴职业技术学院', 'no'],
    ['嘉兴职业技术学院领导班子是不是连续两年考核优秀？', twoCounts, '嘉兴职业技术学院', 'yes'],
    // A round magnitude asked (过万, 过亿, 上十万人次) is held against the count in its own unit (5479万元 is 0.55亿).
    ['台州科院毕业生月薪平均过万了吗', '2023年毕业生月薪平均达6000元以上，2024届毕业生就业率达98%以上。', '台州科技职业学院', null],
    ['台州科院毕业生月薪平均过五千了吗', '2023年毕业生月薪平均达6000元以上，2024届毕业生就业率达98%以上。', '台州科技职业学院', 'yes'],
    ['嘉职院拿到的企业捐赠过亿了吗', donations, '嘉兴职业技术学院', 'no'],
    ['嘉职院2021年企业捐赠破千万了吗', donations, '嘉兴职业技术学院', 'yes'],
    ['嘉职院2021年企业捐赠不到一千万吗？', donations, '嘉兴职业技术学院', 'no'],
    ['台州科院给企业员工培训上十万人次了吗', '横向技术服务到账2000多万元，为企业员工培训近2万人次。', '台州科技职业学院', 'no'],
    // A number and more (20多次) settles only what lies outside it.
    ['苏工院支部被媒体报道超过50次了吗', press, '苏州工业职业技术学院', 'no'],
    ['苏工院支部被媒体报道超过25次了吗', press, '苏州工业职业技术学院', null],
    ['苏工院支部被媒体报道超过10次了吗', press, '苏州工业职业技术学院', 'yes'],
    ['苏工院支部被媒体报道不到25次吗', press, '苏州工业职业技术学院', null],
    ['苏工院支部被媒体报道不到50次吗', press, '苏州工业职业技术学院', 'yes'],
    ['苏工院支部被媒体报道了50次吗', press, '苏州工业职业技术学院', 'no'],
    // A year written without 年 (2020浙江省…) is the year the thing was done.
    ['刘哲纬是2021年入选万人计划的吗', '党总支委员刘哲纬入选 2020浙江省“万人计划”；党总支委员、支部书记黄忠慧获 2021浙江省黄炎培职业教育杰出教师奖。', '浙江机电职业技术学院', 'no'],
    ['刘哲纬是2020年入选万人计划的吗', '党总支委员刘哲纬入选 2020浙江省“万人计划”；党总支委员、支部书记黄忠慧获 2021浙江省黄炎培职业教育杰出教师奖。', '浙江机电职业技术学院', 'yes'],
    ['台州科院给企业员工培训过万人次了吗', '横向技术服务到账2000多万元，为企业员工培训近2万人次。', '台州科技职业学院', 'yes'],
    ['台州科院横向技术服务到账过千万了吗', '横向技术服务到账2000多万元，为企业员工培训近2万人次。', '台州科技职业学院', 'yes'],
    // A number with its magnitude and nothing it counts (3000万) is held against any count (2000多万元).
    ['台州科院横向技术服务到账超过3000万了吗', '横向技术服务到账2000多万元，为企业员工培训近2万人次。', '台州科技职业学院', 'no'],
    ['台州科院横向技术服务到账超过1000万了吗', '横向技术服务到账2000多万元，为企业员工培训近2万人次。', '台州科技职业学院', 'yes'],
    ['嘉职院企业捐赠总额超过6000万了吗', donations, '嘉兴职业技术学院', 'no'],
    // A round sum asked without a bound (有2000万吗, 了吗) asks whether it was reached: 2000多万 did.
    ['台州科院横向技术服务到账有2000万吗', '横向技术服务到账2000多万元，为企业员工培训近2万人次。', '台州科技职业学院', 'yes'],
    ['嘉职院企业捐赠有5000万吗', donations, '嘉兴职业技术学院', 'yes'],
    // People asked by 个 are counted by 人 (浙江工匠3人); an award by 个 is held against no count by 人
    // (浙江省一等奖2个 against 优秀党务工作者1人).
    ['台州科院教师里浙江工匠有5个吧', '教师获全国高职院校教学能力大赛二等奖1项、浙江省一等奖2项等，以及浙江省优秀党务工作者1人、浙江省千名好支书1人、浙江工匠3人、杰出台州工匠2人。', '台州科技职业学院', 'no'],
    ['台州科院浙江工匠是3个吗', '教师获全国高职院校教学能力大赛二等奖1项、浙江省一等奖2项等，以及浙江省优秀党务工作者1人、浙江省千名好支书1人、浙江工匠3人、杰出台州工匠2人。', '台州科技职业学院', 'yes'],
    ['台州科院教师获得浙江省一等奖2个吗', '教师获全国高职院校教学能力大赛二等奖1项、浙江省一等奖2项等，以及浙江省优秀党务工作者1人、浙江省千名好支书1人、浙江工匠3人、杰出台州工匠2人。', '台州科技职业学院', null],
    // A level said of what a count counts (那8个科创平台是省级的吗): the count is no part of it.
    ['嘉职院那8个科创平台是省级的吗', '建成航空发动机关键零部件制造技术研究院等8个校级科创平台，两个实验室获评嘉兴市（A类）重点实验室。', '嘉兴职业技术学院', 'no'],
    ['“风能党员活动日”是每月第一周吗？', '固定每月第四周周四为“风能党员活动日”，动态更新团队成员的状态。', '', 'no'],
    ['“风能党员活动日”是每月第四周周一吗？', '固定每月第四周周四为“风能党员活动日”，动态更新团队成员的状态。', '', 'no'],
    ['“风能党员活动日”是每月第四周周四吗？', '固定每月第四周周四为“风能党员活动日”，动态更新团队成员的状态。', '', 'yes'],
    ['嘉兴职业技术学院在全国“挑战杯”红色专项比赛中拿了一等奖吗？', '获全国“挑战杯”红色专项比赛三等奖，全省仅3家高职院校获此殊荣。', '嘉兴职业技术学院', 'no'],
    // 获评 and 荣获 say the same.
    ['智能制造教学创新团队是否获评过全国高校黄大年式教师团队？', '组建智能制造教学创新团队和科技创新团队，先后荣获国家级教育教学创新团队、第二批全国高校黄大年式教师团队和省科技创新团队。', '', 'yes'],
    // An honour of another level (全国 against 省级, 台州市), a role another person holds.
    ['嘉兴职业技术学院是不是全国文明单位？', '是浙江省示范性高职院校、省级文明单位、全国高职高专党委书记论坛研学基地。', '嘉兴职业技术学院', 'no'],
    ['台州科技职院有没有获得过全国职业教育先进单位？', '案例入选全国2021年产教融合校企合作典型案例，机电与模具工程学院获评2023年台州市职业教育先进单位。', '台州科技职业学院', 'no'],
    // A place's name in the question is its level too: 浙江省 against 台州市.
    ['台州科技职院机电与模具工程学院是不是被评为2023年浙江省职业教育先进单位了？', '案例入选全国2021年产教融合校企合作典型案例，机电与模具工程学院获评2023年台州市职业教育先进单位。', '台州科技职业学院 机电与模具工程学院党总支', 'no'],
    ['台州科技职院机电与模具工程学院是不是被评为2023年台州市职业教育先进单位了？', '案例入选全国2021年产教融合校企合作典型案例，机电与模具工程学院获评2023年台州市职业教育先进单位。', '台州科技职业学院 机电与模具工程学院党总支', 'yes'],
    ['嘉兴职业技术学院是不是首批全国乡村振兴人才培养优质校？', '学校成为首批全国乡村振兴人才培养优质校，获批省级“双创”示范基地。', '嘉兴职业技术学院', 'yes'],
    ['嘉兴职业技术学院的党委书记是张兵吗？', '市委书记张兵莅临嘉职院宣讲党的十九届六中全会精神，校党委书记方俊良带头宣讲和交流发言。', '嘉兴职业技术学院', 'no'],
    ['嘉兴职业技术学院的党委书记是方俊良吗？', '市委书记张兵莅临嘉职院宣讲党的十九届六中全会精神，校党委书记方俊良带头宣讲和交流发言。', '嘉兴职业技术学院', 'yes'],
    // 副书记 is asked, not the 书记 jieba cut it to: a person named with another title does not settle it.
    ['浙江机电自动化学院党总支副书记是黄忠慧吗？', '党总支委员、支部书记黄忠慧获2021浙江省黄炎培职业教育杰出教师奖。', '浙江机电职业技术学院 自动化学院党总支', null],
    ['浙江机电自动化学院党总支副书记是黄忠慧吗？', '党总支副书记于施佳获省“最受师生喜爱书记”，支部书记黄忠慧获省黄炎培职业教育杰出教师奖。', '浙江机电职业技术学院 自动化学院党总支', 'no'],
    ['浙江机电自动化学院党总支副书记是于施佳吗？', '党总支副书记于施佳获2021年省“最受师生喜爱书记”。', '浙江机电职业技术学院 自动化学院党总支', 'yes'],
    // Another team of the kind asked (智能控制技术教学团队 for 机电一体化教学团队) settles nothing of the one asked.
    ['浙江机电自动化学院的机电一体化教学团队是全国高校黄大年式教师团队吗？', '学院专业建设成绩斐然，智能控制技术教学团队”获得首批“全国高校黄大年式教师团队”，教学改革项目获得国家教学成果一等奖一项。', '浙江机电职业技术学院 自动化学院党总支', null],
    ['浙江机电自动化学院的智能控制技术教学团队是全国高校黄大年式教师团队吗？', '学院专业建设成绩斐然，智能控制技术教学团队”获得首批“全国高校黄大年式教师团队”，教学改革项目获得国家教学成果一等奖一项。', '浙江机电职业技术学院 自动化学院党总支', 'yes'],
    // The words asked about stand in two clauses about two units: the honour is the others', and the
    // unit asked of is honoured otherwise (no); or it is only said to do something else (open).
    ['嘉职院的服装与服饰设计专业党支部是不是标杆院系？', '现代农业学院、城市建设学院党总支获批全省高校党建工作标杆院系，服装与服饰设计专业党支部荣获市属教育系统第二批标准化规范化示范党支部称号。', '嘉兴职业技术学院', 'no'],
    ['嘉职院的服装与服饰设计专业党支部是不是标杆院系？', '现代农业学院、城市建设学院党总支获批全省高校党建工作标杆院系，服装与服饰设计专业党支部开展了专题学习。', '嘉兴职业技术学院', null],
    // The clause naming the unit asked about says the honour asked (称号 is every honour's word): yes.
    ['嘉职院服装与服饰设计专业党支部是否获得示范党支部称号？', '现代农业学院、城市建设学院党总支获批全省高校党建工作标杆院系，服装与服饰设计专业党支部荣获市属教育系统第二批标准化规范化示范党支部称号。', '嘉兴职业技术学院', 'yes'],
    ['嘉职院城市建设学院党总支是否获得标杆院系称号？', '现代农业学院、城市建设学院党总支获批全省高校党建工作标杆院系，服装与服饰设计专业党支部荣获市属教育系统第二批标准化规范化示范党支部称号。', '嘉兴职业技术学院', 'yes'],
    // The unit is named before the honour, which may itself end in a unit's kind (示范党支部).
    ['现代农业学院党总支是不是示范党支部？', '现代农业学院、城市建设学院党总支获批全省高校党建工作标杆院系，服装与服饰设计专业党支部荣获市属教育系统第二批标准化规范化示范党支部称号。', '嘉兴职业技术学院', 'no'],
    ['服装与服饰设计专业党支部是不是示范党支部？', '现代农业学院、城市建设学院党总支获批全省高校党建工作标杆院系，服装与服饰设计专业党支部荣获市属教育系统第二批标准化规范化示范党支部称号。', '嘉兴职业技术学院', 'yes'],
    ['虚拟现实应用技术专业党支部是不是红色名片支部党建品牌？', '机关第三党支部、物流管理文秘专业党支部获市属教育系统首批红色名片·支部党建品牌称号，虚拟现实应用技术专业党支部获第二批红色名片·支部党建品牌称号。', '嘉兴职业技术学院', 'yes'],
    ['嘉职院物流管理文秘专业党支部是否获得红色名片称号？', '机关第三党支部、物流管理文秘专业党支部获市属教育系统首批红色名片·支部党建品牌称号，虚拟现实应用技术专业党支部获第二批红色名片·支部党建品牌称号。', '嘉兴职业技术学院', 'yes'],
    // People listed each after their title: the title is the one named right before the person.
    ['方文浩是不是全国技术能手？', students, '浙江机电职业技术学院', 'no'],
    ['朱光耀是不是全国技术能手？', students, '浙江机电职业技术学院', 'yes'],
    ['樊文天是不是全国大学生创业百强英雄？', students, '浙江机电职业技术学院', 'no'],
    ['樊文天是不是中国青少年科技创新奖获得者？', students, '浙江机电职业技术学院', 'yes'],
    // Another holds the role, and the person asked is not in the sentence: no.
    ['浙江机电自动化学院党总支副书记是黄忠慧吗？', '党总支副书记于施佳获2021年省“最受师生喜爱书记”。', '浙江机电职业技术学院 自动化学院党总支', 'no'],
    // A clause that says all of the question's words settles it, whatever unit the clause before it
    // names; a level the sentence marks (湖南省) says the level asked (省级) in its own words.
    ['湖南电气职院风能工程学院有没有技能大师工作室被立项为省级平台？', '2021年，立项全国首批示范性职教集团新能源装备职教集团，“方鸷翔技能大师工作室”立项湖南省技能创新平台', '湖南电气职业技术学院 风能工程学院', 'yes'],
    ['湖南电气职院风能工程学院有没有技能大师工作室被立项为国家级平台？', '2021年，立项全国首批示范性职教集团新能源装备职教集团，“方鸷翔技能大师工作室”立项湖南省技能创新平台', '湖南电气职业技术学院 风能工程学院', 'no'],
    // A thing's own level asked (是省级的吧): a thing has one level, so another level said of it,
    // before it or after it in its clause, is a no.
    ['新能源装备职教集团是省级的吧', '2021年，立项全国首批示范性职教集团新能源装备职教集团，“方鸷翔技能大师工作室”立项湖南省技能创新平台。', '湖南电气职业技术学院 风能工程学院', 'no'],
    ['新能源装备职教集团是国家级的吗', '2021年，立项全国首批示范性职教集团新能源装备职教集团，“方鸷翔技能大师工作室”立项湖南省技能创新平台。', '湖南电气职业技术学院 风能工程学院', 'yes'],
    ['风能学院的方鸷翔技能大师工作室是省级的吗', '2021年，立项全国首批示范性职教集团新能源装备职教集团，“方鸷翔技能大师工作室”立项湖南省技能创新平台。', '湖南电气职业技术学院 风能工程学院', 'yes'],
    ['方鸷翔技能大师工作室是国家级的吗', '2021年，立项全国首批示范性职教集团新能源装备职教集团，“方鸷翔技能大师工作室”立项湖南省技能创新平台。', '湖南电气职业技术学院 风能工程学院', 'no'],
    // 国家 is a level as 全国 is; a name holding Latin letters (A类) is read whole.
    ['嘉职院是国家示范性高职院校吗', '是浙江省示范性高职院校、省高职高水平专业群A类建设单位、省级文明单位。', '嘉兴职业技术学院', 'no'],
    ['嘉职院是国家级高水平专业群A类建设单位吗', '是浙江省示范性高职院校、省高职高水平专业群A类建设单位、省级文明单位。', '嘉兴职业技术学院', 'no'],
    ['刘哲纬入选的是国家万人计划吗', '党总支委员刘哲纬入选 2020浙江省“万人计划”。', '浙江机电职业技术学院 自动化学院党总支', 'no'],
    // The thing's name quoted in part (省级“双创”示范基地); its level heading the list it is an item of.
    ['嘉职院的双创示范基地是国家级的吗', '获批省级“双创”示范基地，是全省“抓院促系、整校建强”铸魂行动推进会上作交流的唯一高职院校。', '嘉兴职业技术学院', 'no'],
    ['风能学院的样板支部是国家级的吗', '2019-2021年，学院党总支立项湖南省高校党组织“对标争先”建设计划第二批项目标杆院系1个、样板支部1个、双带头人标兵1名。', '湖南电气职业技术学院 风能工程学院', 'no'],
    ['风能学院的样板支部是省级的吗', '2019-2021年，学院党总支立项湖南省高校党组织“对标争先”建设计划第二批项目标杆院系1个、样板支部1个、双带头人标兵1名。', '湖南电气职业技术学院 风能工程学院', 'yes'],
    // The person asked holds the role's deputy (or the role whose deputy was asked): one cannot be both.
    ['刘哲纬是自动化学院的院长吗', '副院长刘哲纬、机电一体化技术专业带头人黄忠慧等优秀骨干教师远赴青海柴达木职业技术学院对口扶持援疆援青工作。', '浙江机电职业技术学院 自动化学院党总支', 'no'],
    ['刘哲纬是自动化学院的副院长吗', '副院长刘哲纬、机电一体化技术专业带头人黄忠慧等优秀骨干教师远赴青海柴达木职业技术学院对口扶持援疆援青工作。', '浙江机电职业技术学院 自动化学院党总支', 'yes'],
    ['于施佳是党总支书记吗', '党总支副书记于施佳获2021年省“最受师生喜爱书记”。', '浙江机电职业技术学院 自动化学院党总支', 'no'],
    ['于施佳是党总支副书记吗', '党总支副书记于施佳获2021年省“最受师生喜爱书记”。', '浙江机电职业技术学院 自动化学院党总支', 'yes'],
    // A role word inside an honour's name (最受师生喜爱书记) is no role asked: her 副书记 title says nothing.
    ['于施佳获得过最受师生喜爱书记吗', '党总支副书记于施佳获2021年省“最受师生喜爱书记”。', '浙江机电职业技术学院 自动化学院党总支', null],
    // The next item of a list (、嘉兴市…) gives the thing no level; 教育部 is a national one.
    ['嘉职院建设的“不忘初心、牢记使命”主题教育基地是市级的吗', '高标准建设教育部机关“不忘初心、牢记使命”主题教育基地、嘉兴市红船精神教育实践中心等。', '嘉兴职业技术学院', 'no'],
    ['嘉职院建设的“不忘初心、牢记使命”主题教育基地是国家级的吗', '高标准建设教育部机关“不忘初心、牢记使命”主题教育基地、嘉兴市红船精神教育实践中心等。', '嘉兴职业技术学院', 'yes'],
    // Several of them (…2门) may each have a level of their own.
    ['苏工院立项的课程思政示范课程是国家级的吗', '立项建设教育部、省级课程思政示范课程2门。', '苏州工业职业技术学院', null],
    // The noun found by its first word where its first four characters are split (国家高水平 A 档…专业群).
    ['自动化学院的智控专业是国家高水平专业群吗', '“智控专业”国家高水平 A 档（全国前十）重点建设专业群。', '浙江机电职业技术学院 自动化学院党总支', 'yes'],
    // The items of a list count apart: the national prize is a 二等奖, the 一等奖 a province's.
    ['台州科技职业学院机电与模具工程学院的教师拿过全国高职院校教学能力大赛一等奖吗？', '教师获全国高职院校教学能力大赛二等奖1项、浙江省一等奖2项等，以及浙江省优秀党务工作者1人。', '台州科技职业学院 机电与模具工程学院', 'no'],
    // Nobody in the sentence holds the role: it does not settle it.
    ['浙江机电自动化学院党总支副书记是黄忠慧吗？', '党总支委员刘哲纬入选2020浙江省“万人计划”。', '浙江机电职业技术学院 自动化学院党总支', null],
    // The clause that says the question's words in its order holds the number that answers it.
    ['听说嘉兴职业技术学院有27名副教授收入超过了教授，是真的吗？', '2021年，有27名讲师收入超过副教授，有37名副教授收入超过教授，形成了讲业绩、比贡献的价值导向。', '嘉兴职业技术学院', 'no'],
    // 首批 is 第一批; an amount has its unit.
    ['智能控制技术教学团队是第二批黄大年式教师团队吗？', '智能控制技术教学团队获得首批“全国高校黄大年式教师团队”。', '', 'no'],
    // 6000元以上 may be 8000元: it settles neither way (it had been read as exactly 6000).
    ['台州科技职院毕业生月薪平均8000元吗？', '2023年毕业生月薪平均达6000元以上，2024届毕业生就业率达98%以上。', '台州科技职业学院', null],
    ['台州科技职院毕业生月薪平均5000元吗？', '2023年毕业生月薪平均达6000元以上，2024届毕业生就业率达98%以上。', '台州科技职业学院', 'no'],
    // The article's own bound: 超过一百万人次 is more than the question's 超过一百万人次 asks.
    ['嘉职院初心第一课观看量超过一百万人次了吗', '“初心第一课”观看量超过一百万人次。', '嘉兴职业技术学院', 'yes'],
    ['嘉职院初心第一课观看量过百万了吗', '“初心第一课”观看量超过一百万人次。', '嘉兴职业技术学院', 'yes'],
    ['苏工院支部被媒体报道超过20次了吗', press, '苏州工业职业技术学院', 'yes'],
    // A claim said as a number and more (二十多个) holds what lies within it: 24 does, 20 and 35 do not.
    ['嘉职院有二十多个师生党支部吗', '在9个专业群上设置了24个师生党支部。', '嘉兴职业技术学院', 'yes'],
    ['嘉职院有20多个师生党支部吗', '在9个专业群上设置了24个师生党支部。', '嘉兴职业技术学院', 'yes'],
    ['嘉职院有三十多个师生党支部吗', '在9个专业群上设置了24个师生党支部。', '嘉兴职业技术学院', 'no'],
    ['苏工院支部被媒体报道二十多次了吗', press, '苏州工业职业技术学院', 'yes'],
    ['苏工院支部被媒体报道三十多次了吗', press, '苏州工业职业技术学院', 'no'],
    // A bound the question puts on its number: the sentence's need only fall within it, and a
    // bound of the sentence's own may leave it open.
    ['台州科技职院的毕业生就业率有没有超过95%？', '2024届毕业生就业率达98%以上。', '台州科技职业学院', 'yes'],
    ['台州科技职院的毕业生就业率有没有超过99%？', '2024届毕业生就业率为98%。', '台州科技职业学院', 'no'],
    ['台州科技职院的毕业生就业率有没有超过99%？', '2024届毕业生就业率达98%以上。', '台州科技职业学院', null],
    ['台州科技职院的毕业生就业率是不是低于90%？', '2024届毕业生就业率达98%以上。', '台州科技职业学院', 'no'],
    // A light word the sentence lacks (搞) does not stop a yes; a level the sentence does not tell does.
    ['台州科技职院是和34家模具企业搞的党建联建，对吗？', '该党总支与黄岩区新前街道内的34家模具企业开展“红模力”模具产业链党建联建。', '台州科技职业学院', 'yes'],
    ['嘉兴职业技术学院获评过全国文明单位吗？', '学校获评文明单位。', '嘉兴职业技术学院', null],
    // 城市 names no city's level.
    ['嘉兴职业技术学院获评过全国文明单位吗？', '城市建设学院获评文明单位。', '嘉兴职业技术学院', null],
    // The sentence does not say which week.
    ['“风能党员活动日”是每月第一周吗？', '风能工程学院定期开展“风能党员活动日”。', '', null],
    // A sentence that says no itself.
    ['自动化学院党总支通过标杆院系验收了吗？', '自动化学院党总支尚未通过标杆院系验收。', '', null],
    ['各地用于支持农产品保供工作的资金是否受70%资金比例的限制？', '相关资金不受《通知》中70%资金比例用于支持产地商品化处理设施和农产品冷链物流的限制。', '', null],
    ['疫情期间，海陵区民政局还能办理婚姻登记业务吗？', '自即日起海陵区民政局婚姻登记处暂停办理所有婚姻登记业务。', '', null],
    ['密云区图书馆闭馆期间还能借阅文献吗？', '闭馆期间读者不能到馆借阅文献，但可以利用密云区图书馆的微信公众号进行阅读。', '', null],
    // Tenths said as 成 (九成 is 90%); 到 before a share is at least it; the share a rise reached settles it.
    ['嘉职院入党申请人比例超过九成了没', risen, '嘉兴职业技术学院', 'yes'],
    ['嘉职院入党申请人比例有没有到八成', risen, '嘉兴职业技术学院', 'yes'],
    ['嘉职院入党申请人比例是八成多吗', risen, '嘉兴职业技术学院', 'no'],
    ['嘉职院入党申请人比例是七成多吗', risen, '嘉兴职业技术学院', 'no'],
    // …unless the question asks of before (原来, 以前): then the starting value answers.
    ['嘉职院入党申请人比例以前是75.3%吗', risen, '嘉兴职业技术学院', 'yes'],
    ['嘉职院入党申请人比例原来有七成多吗', risen, '嘉兴职业技术学院', 'yes'],
    ['嘉职院入党申请人比例原来超过八成了吗', risen, '嘉兴职业技术学院', 'no'],
    // 没到 bounds from above; 有 before tenths asks at least them; 九成五 is 95%.
    ['嘉职院入党申请人比例是不是还没到九成', risen, '嘉兴职业技术学院', 'no'],
    ['台州科院毕业生就业率是不是还没到95%', '2024届毕业生就业率达98%以上。', '台州科技职业学院', 'no'],
    ['嘉职院入党申请人比例有八成吗', risen, '嘉兴职业技术学院', 'yes'],
    ['嘉职院入党申请人比例有没有九成', risen, '嘉兴职业技术学院', 'yes'],
    ['嘉职院入党申请人比例到九成五了吗', risen, '嘉兴职业技术学院', 'no'],
    // The count of the noun claimed (专业群), where the clause counts two nouns.
    ['嘉职院在二十多个专业群上设置了党支部吗', '在9个专业群上设置了24个师生党支部。', '嘉兴职业技术学院', 'no'],
    ['嘉职院有20多个专业群吗', '在9个专业群上设置了24个师生党支部。', '嘉兴职业技术学院', 'no'],
    // A rank within the first few is every rank up to it: 前十 settles 前二十, not 前五; a letter grade is its letter.
    ['自动化学院智控专业群是国家高水平A档里排全国前五的吗', ranked, '浙江机电职业技术学院 自动化学院党总支', null],
    ['自动化学院智控专业群排全国前二十吗', ranked, '浙江机电职业技术学院 自动化学院党总支', 'yes'],
    ['自动化学院智控专业群是国家高水平B档重点建设专业群吗', ranked, '浙江机电职业技术学院 自动化学院党总支', 'no'],
    ['自动化学院智控专业群是国家高水平A档吗', ranked, '浙江机电职业技术学院 自动化学院党总支', 'yes'],
    // What teachers won says nothing of students; every item of the list is the teachers'.
    ['台州科院学生拿过一等奖吗', teachersWon, '台州科技职业学院', null],
    ['台州科院教师拿过一等奖吗', teachersWon, '台州科技职业学院', 'yes'],
    // 老师 are 教师; teachers who guided students to win (指导学生获) won with them.
    ['台州科院的老师拿过一等奖吗', teachersWon, '台州科技职业学院', 'yes'],
    ['苏工院教师获得过省教学能力大赛一等奖吗', '获省教学成果特等奖、省教学能力大赛一等奖等8项，指导学生获国家、省技能竞赛一等奖等31项。', '苏州工业职业技术学院', 'yes'],
    // 不断 says nothing against.
    ['浙江机电职业技术学院自动化学院党总支通过首批标杆院系验收了吗？', '自动化学院党总支不断提升党建质量，通过了我省首批党建工作标杆院系验收。', '浙江机电职业技术学院', 'yes'],
  ];
  it.each(table)('%s / %s', (question, sentence, context, expected) => {
    expect(verdict(question, sentence, context)).toBe(expected);
  });

  it('gives none to a question that is not yes or no', () => {
    expect(verdict('风能党员活动日固定在什么时间？', '固定每月第四周周四为“风能党员活动日”。')).toBeNull();
  });
});

describe('the words that say it', () => {
  const table: [string, YesNo, string][] = [
    ['“风能党员活动日”是每月第一周吗？', 'no', '不是'],
    ['领导班子是不是连续3年考核优秀？', 'yes', '是'],
    ['湖南电气职业技术学院有没有开展党史学习教育？', 'no', '没有'],
    ['学校是否有劳动教育课程？', 'yes', '有'],
    ['嘉兴职业技术学院在全国“挑战杯”红色专项比赛中拿了一等奖吗？', 'no', '否'],
    ['该团队是否获评过全国高校黄大年式教师团队？', 'yes', '是'],
  ];
  it.each(table)('%s (%s) → %s', (question, said, word) => {
    expect(verdictWord(question, said)).toBe(word);
  });
});

describe('an honour the sentence names only as others hold it', () => {
  it('settles nothing (全国五一劳动奖章获得者…进校园 for 获得过全国五一劳动奖章吗)', () => {
    const sentence = '邀请黄岩区、台州市劳模工匠，全国五一劳动奖章获得者、企业家等50余人进校园开展校内论坛、讲座、报告会。';
    const context = '台州科技职业学院机电与模具工程学院党总支 台州科技职业学院 机电与模具工程学院党总支';
    expect(verdict('台州科院机电模具学院获得过全国五一劳动奖章吗', sentence, context)).toBeNull();
  });

  it('settles a question about the subject\'s own people holding it (有学生获得过…吗)', () => {
    expect(verdict('浙江机电职业技术学院有学生获得过中国青少年科技创新奖吗？', students, '浙江机电职业技术学院')).toBe('yes');
  });
});

describe('a name of a kind the sentence lists others of', () => {
  const analysis = (question: string) => analyzeQuestion(question, { colleges: corpus.colleges, terms: corpus.snapshot.lexical });

  it('is told by the clause naming the others (光明日报、苏州日报… for 人民日报)', () => {
    expect(othersOfKind(analysis('苏工院那个支部上过人民日报没有'), '光明日报、苏州日报等媒体20多次报道了该支部的经验做法。')).toBe('光明日报、苏州日报等媒体20多次报道了该支部的经验做法');
  });

  it('is nothing where the kind\'s word stands inside another word (当日报道)', () => {
    expect(othersOfKind(analysis('苏工院那个支部上过人民日报没有'), '签约仪式当日报道了三次。')).toBeNull();
  });

  it('is nothing where the sentence names the one asked, or no other of its kind', () => {
    expect(othersOfKind(analysis('苏工院智能制造支部被光明日报报道过吗'), '光明日报、苏州日报等媒体20多次报道了该支部的经验做法。')).toBeNull();
    expect(othersOfKind(analysis('苏工院那个支部上过人民日报没有'), '2021年度，支部荣获江苏省高校先进基层党组织称号。')).toBeNull();
  });
});

/**
 * Party-building and vocational-education terms that jieba's general dictionary splits badly.
 * Added to jieba as whole words; search-mode segmentation still emits their parts, so a query for
 * the part still matches. Keep entries to fixed expressions that appear in the domain's articles.
 */
export const partyBuildingTerms: readonly string[] = [
  // Party organisation
  '党委', '党总支', '党支部', '教工党支部', '学生党支部', '基层党组织', '党小组', '党建', '党务', '党员', '党性',
  '党建工作', '党建品牌', '党建引领', '党建联建', '党建共建', '党建特色品牌', '党建工作标杆院系', '标杆院系',
  '样板支部', '样板党支部', '双带头人', '教师党支部书记', '党支部书记', '组织生活会', '三会一课', '主题党日',
  '第一议题', '党史学习教育', '主题教育', '党性教育', '党风廉政', '廉洁文化', '先锋模范', '战斗堡垒', '先锋岗',
  '党员先锋岗', '党员示范岗', '七个有力', '双创', '对标争先', '一院一品', '一支部一特色', '一总支一典型',
  '全面从严治党', '意识形态', '四个意识', '四个自信', '两个维护', '两个确立', '红色根脉', '红船精神',
  '伟大建党精神', '习近平新时代中国特色社会主义思想', '院长负责制', '党委领导下的校长负责制',
  // Education and vocational colleges
  '立德树人', '三全育人', '五育并举', '课程思政', '思政课', '思想政治', '产教融合', '校企合作', '校企地',
  '现代学徒制', '工匠精神', '劳模精神', '劳动精神', '大国工匠', '双高', '双高计划', '专业群', '黄大年式教师团队',
  '教师教学创新团队', '教学创新团队', '技术技能人才', '高职院校', '职业院校', '职业教育', '二级学院', '教工',
  '师德师风', '乡村振兴', '志愿服务', '社会服务', '技能竞赛', '产业学院', '现场工程师', '新质生产力',
  '共同富裕', '示范区', '劳动教育', '理论学习', '科技创新', '政治建设', '育人',
];

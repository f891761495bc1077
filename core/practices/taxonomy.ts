/**
 * The categories of the practice catalog (做法库): a small taxonomy of what party-building offices
 * at colleges do, in the order the catalog shows them. The cue words that assign a practice to a
 * category are tuning knobs and live in cues.ts.
 */

export const practiceCategories = [
  { name: '政治建设与理论学习', description: '理论学习、党史学习教育、宣讲与研讨' },
  { name: '组织建设与支部建设', description: '支部设置与标准化、书记队伍、组织架构与创建' },
  { name: '党员教育管理', description: '党员先锋岗、积分管理、主题党日与党课、党员活动' },
  { name: '师德师风', description: '教师党员示范、师德建设、教风建设' },
  { name: '党建与业务融合', description: '党建引领中心工作、融合机制、党员技术服务' },
  { name: '校企合作与产教融合', description: '校企党建联建、产业学院、学徒制与实践教学' },
  { name: '思政育人与课程思政', description: '思政课与课程思政、文化育人、劳动教育' },
  { name: '志愿服务与社会服务', description: '党员志愿服务、帮扶、服务群众与社会' },
  { name: '品牌与阵地建设', description: '党建品牌、工作室、阵地与平台' },
  { name: '制度机制与考核评价', description: '制度、工作机制、考核评价与评选' },
  { name: '人才队伍', description: '干部教师队伍的引进、培养与激励' },
  { name: '全面从严治党与廉洁文化', description: '清廉建设、纪律与警示教育、监督' },
  { name: '党建联建与基层治理', description: '党建联盟与共建、社区与网格治理' },
] as const;

export type PracticeCategory = (typeof practiceCategories)[number]['name'];

export const categoryNames: readonly PracticeCategory[] = practiceCategories.map((category) => category.name);

const categorySet: ReadonlySet<string> = new Set(categoryNames);

export function isPracticeCategory(value: string): value is PracticeCategory {
  return categorySet.has(value);
}

/**
 * The order a table request asks its rows in (按立项时间从早到晚排, 按合作企业家数从多到少): each row
 * is keyed by what its own cells write (the earliest year, the largest count of the unit asked), so
 * the order is one the reader can check in the table. Rows whose cells write no such value keep
 * their place after the others.
 */
import { numeral } from './question.ts';
import { tableOrderAsked } from './tuning.ts';

/** An order asked: by year or by count, ascending or not, and how to say it under the table. */
export interface TableOrder {
  kind: 'year' | 'count';
  ascending: boolean;
  /** The unit counted (家 of 家数, 人次 of 培训人次), or null for any count. */
  unit: string | null;
  /** What is counted (合作企业 of 合作企业家数, 专利 of 专利数量), or null: a count counts it where it stands beside it. */
  noun: string | null;
  /** What the order is said to be by (立项时间, 合作企业家数). */
  by: string;
  /** The direction as asked (从早到晚). */
  direction: string;
}

/** The order a request asks its table's rows in, or null when it asks none. */
export function tableOrderOf(request: string): TableOrder | null {
  const match = tableOrderAsked.exec(request);
  if (!match) return null;
  const by = match[1]!.replace(/^(?:各校|各院校|学校|院校)的?/u, '');
  const direction = match[2]!;
  const kind = /[早晚先后]/u.test(direction) ? 'year' : 'count';
  const ascending = /^(?:早|先|少|低|小)/u.test(direction);
  // 家数 counts 家, 培训人次 人次; 总数 or a bare 数量 counts anything.
  const counted = kind === 'count' ? /^(.*?)(人次|[家项个名人次所支篇本])?(?:数量|数|总数)?$/u.exec(by) : null;
  const unit = counted?.[2] ?? null;
  const noun = counted?.[1] && [...counted[1]].length >= 2 ? counted[1] : null;
  return { kind, ascending, unit, noun, by, direction: `从${direction}` };
}

/** The value a row's text writes for an order: its earliest year, or its largest count of the unit; null when none. */
export function orderValue(order: TableOrder, text: string): number | null {
  if (order.kind === 'year') {
    const years = [...text.matchAll(/((?:19|20)\d{2})年/gu)].map((match) => Number(match[1]));
    return years.length > 0 ? Math.min(...years) : null;
  }
  // 158家, 54家企业, 近2万人次, 十二项: the count written before the unit; for 人数, 名 counts people too.
  const units = order.unit === '人' ? '(?:人|名|位)' : order.unit ? `(?:${order.unit})` : '(?:人次|[个项家名人次所支门篇本])';
  const noun = order.noun ? order.noun.slice(-2) : null;
  const counts = [...text.matchAll(new RegExp(`(\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百千]+)(万|千)?(?:余|多)?${units}`, 'gu'))]
    // A count of the noun asked stands beside it (专利300多项, 培训…近2万人次), not another's (11项科技项目).
    .filter((match) => noun === null || text.slice(Math.max(0, match.index - 12), match.index + match[0].length + 6).includes(noun))
    .map((match) => ((/^\d/u.test(match[1]!) ? Number(match[1]) : numeral(match[1]!)) ?? NaN) * (match[2] === '万' ? 10000 : match[2] === '千' ? 1000 : 1))
    .filter((value) => Number.isFinite(value));
  return counts.length > 0 ? Math.max(...counts) : null;
}

/** Rows in the order asked, by the text of each; rows writing no value stay, in their order, after the rest. */
export function orderRows<Row>(rows: readonly Row[], order: TableOrder, textOf: (row: Row) => string): Row[] {
  const keyed = rows.map((row, index) => ({ row, index, value: orderValue(order, textOf(row)) }));
  const valued = keyed.filter((entry) => entry.value !== null).sort((a, b) => (order.ascending ? a.value! - b.value! : b.value! - a.value!) || a.index - b.index);
  return [...valued, ...keyed.filter((entry) => entry.value === null)].map((entry) => entry.row);
}

/** The line under a table saying how its rows were ordered, and that rows writing no value come last. */
export function orderNote(order: TableOrder): string {
  const value = order.kind === 'year' ? '年份' : order.unit ? `“${order.unit}”数` : '数量';
  return `排序：按${order.by || value}${order.direction}，依各行文中写明的${value}；没有写明的排在后面。`;
}

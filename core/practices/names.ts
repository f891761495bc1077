/**
 * How practice names are compared: the same practice is written “三亮三比”工程, 三亮三比 or
 * “三亮三比”, so names are matched without quotation marks, punctuation and their trailing head
 * word (工程, 机制, 制, 模式, …). Used to merge mentions within an article, to find practices a
 * question names, and by the evaluation to match names with the annotated set.
 */

/** Head words dropped from the end of a name before comparing. */
export const comparedHeads = ['工程', '项目', '计划', '行动', '活动', '机制', '制度', '制', '模式', '体系', '建设'] as const;

const heads = [...comparedHeads].sort((left, right) => right.length - left.length);
const marks = /[“”‘’"'「」『』《》〈〉、，,。．.；;：:！？!?（）()【】\[\]\s·・\-—–_/]/g;

/** A name without quotation marks and punctuation, ASCII lower-cased: how a question may write it. */
export function plainName(name: string): string {
  return name.replace(marks, '').replace(/＋/g, '+').toLowerCase();
}

/**
 * The comparison key of a name: `plainName` without its trailing head words (“党建+积分制”模式 and
 * 党建+积分制 both become 党建+积分), as long as two characters are left.
 */
export function practiceKey(name: string): string {
  let key = plainName(name);
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const head of heads) {
      if (key.endsWith(head) && key.length - head.length >= 2) {
        key = key.slice(0, key.length - head.length);
        stripped = true;
        break;
      }
    }
  }
  return key;
}

/** The quoted parts of a name (“三亮三比”工程 → 三亮三比). */
export function quotedCores(name: string): string[] {
  return [...name.matchAll(/“([^”]{2,30})”/g)].map((match) => plainName(match[1]!));
}

/**
 * Questions that set two things side by side (劳动关系学与劳动经济学各自的核心课程有哪些？,
 * 嘉职院和浙江机电职院在师德建设上有何不同？). No one passage speaks of both, so each side is asked
 * on its own and answered under its own name; evidence about one side never has to cover the other.
 */
import { pairCue, pairConnectives, pairEach, pairSideStop, pairTailCue, pairWhich } from './tuning.ts';

/** One side of a pair question: what it names, and the question asked of it alone. */
export interface PairSide {
  name: string;
  question: string;
}

const nameCharacter = /[\p{L}\p{N}·“”"《》（）()]/u;
const maxSide = 16;

/** Words that end the first side's name when read backwards (学校在党建 → 党建). */
const leftStop = /[的在对把将从于是，、]/u;

/**
 * Where the second side ends when it ends like the first (软件工程专业培养… after 计算机科学与技术专业
 * ends at 专业), and how many characters they share; else the whole of `right`, sharing none.
 */
function alignedEnd(left: string, right: string): { end: number; shared: number } {
  for (let length = Math.min(4, left.length); length >= 2; length--) {
    const at = right.indexOf(left.slice(-length));
    if (at >= 0) return { end: at + length, shared: length };
  }
  return { end: right.length, shared: 0 };
}

/**
 * The two sides of a question that compares two things, or null when it does not (no comparison
 * cue, or no `A与B` / `A和B` with both sides named). Where 与 may also stand inside a name
 * (政治学与行政学专业与外交学专业), the split whose sides end alike (专业 … 专业) is taken.
 */
export function pairOf(question: string): [PairSide, PairSide] | null {
  if (!pairCue.test(question)) return null;
  let best: { leftStart: number; at: number; width: number; rightEnd: number; score: number } | null = null;
  for (const connective of pairConnectives) {
    for (let at = question.indexOf(connective); at >= 0; at = question.indexOf(connective, at + 1)) {
      let leftStart = at;
      while (leftStart > 0 && at - leftStart < maxSide && nameCharacter.test(question[leftStart - 1]!) && !leftStop.test(question[leftStart - 1]!)) leftStart--;
      let rightEnd = at + connective.length;
      while (rightEnd < question.length && rightEnd - at - connective.length < maxSide && nameCharacter.test(question[rightEnd]!) && !pairSideStop.test(question.slice(rightEnd))) rightEnd++;
      const left = question.slice(leftStart, at);
      const aligned = alignedEnd(left, question.slice(at + connective.length, rightEnd));
      if (aligned.shared === 0 && rightEnd - at - connective.length >= maxSide) continue;
      rightEnd = at + connective.length + aligned.end;
      if ([...left].length < 2 || aligned.end < 2) continue;
      // Sides that end alike (…专业 / …专业) are the two things compared; 和 joins names more surely than 与.
      const score = aligned.shared + (connective === '与' ? 0 : 0.5);
      if (!best || score > best.score) best = { leftStart, at, width: connective.length, rightEnd, score };
    }
  }
  if (!best) return null;
  const before = question.slice(0, best.leftStart);
  const after = question.slice(best.rightEnd).replace(pairWhich, '').replace(pairTailCue, '有何特点').replace(pairEach, '');
  const side = (name: string): PairSide => ({ name, question: `${before}${name}${after}` });
  return [side(question.slice(best.leftStart, best.at)), side(question.slice(best.at + best.width, best.rightEnd))];
}

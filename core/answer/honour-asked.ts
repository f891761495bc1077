/**
 * 是否 about an honour (风能学院获得过全国先进基层党组织吗): the honour as the question names it, and
 * whether an article names it at all. An article that never names the honour cannot say yes, and
 * its silence is no no: the answer says the articles do not mention it, and shows the honours they do.
 */
import { escapeRegExp } from '../text/clean.ts';
import { yesNoKnobs } from './tuning.ts';

/** An honour a yes-or-no question asks about: as written (全国先进基层党组织), and its noun without the level (先进基层党组织). */
export interface HonourAsked {
  asWritten: string;
  noun: string;
}

/** A level a question asks for (省级, 浙江省) and the noun it is asked of. */
export interface LevelAsked {
  level: string;
  noun: string;
  /**
   * Asked of a thing's own level (职教集团是省级的吧) rather than an honour named at a level: a thing
   * has one level, so another level said of it is a no (unless several of it are counted, …2门).
   */
  predicate: boolean;
}

/** The level a question asks for and the noun after it: a level's word, or else a place's name; or the level said of the noun before it. */
export function levelAskedIn(question: string): LevelAsked | null {
  const named = yesNoKnobs.levelAsked.exec(question) ?? yesNoKnobs.placeLevelAsked.exec(question);
  // 全国前二十 is a rank, counted as one, not an honour of a level.
  if (named && /^前(?:[一二两三四五六七八九十]|\d)/u.test(named[2]!)) return null;
  if (named && yesNoKnobs.agencyOfPlace.test(named[2]!)) {
    const held = new RegExp(`${escapeRegExp(named[2]!)}的([“”\\p{Script=Han}]{2,12}?)(?=[的是在了吗呢吧没，,。？?、和与及]|$)`, 'u').exec(question.slice(named.index));
    if (held) return { level: named[1]!, noun: held[1]!, predicate: false };
  }
  if (named) return { level: named[1]!, noun: named[2]!, predicate: false };
  const said = yesNoKnobs.levelSaidOf.exec(question);
  // The noun after its last 的 (风能学院的新能源装备职教集团 → 新能源装备职教集团).
  // A count before it (那8个科创平台) is no part of it.
  const noun = said?.[1]!.split('的').at(-1)?.replace(/^[个项名位家所支门条座]/u, '') ?? '';
  return said && noun.length >= 2 ? { level: said[2]!, noun, predicate: true } : null;
}

const unquoted = (text: string): string => text.replace(/[“”"「」\s]/gu, '');

/** A noun without the words every honour's name may end with (先进集体称号 → 先进集体). */
const withoutHonourWord = (noun: string): string => noun.replace(yesNoKnobs.honourSuffix, '');

/**
 * The honour a question names with its level (全国先进基层党组织, 浙江省五一劳动奖状), as written and
 * without the verb a place's pattern reaches back over (过浙江省) or the word 称号; null when none.
 */
export function levelPhrase(question: string): HonourAsked | null {
  const level = levelAskedIn(question);
  if (!level) return null;
  const noun = withoutHonourWord(unquoted(level.noun));
  const place = unquoted(level.level).replace(yesNoKnobs.verbBeforePlace, '');
  return { asWritten: `${place}${noun}`, noun };
}

/**
 * The honour a yes-or-no question asks about: a noun ending in an honour's head (单位, 党组织,
 * 奖状…), after its level (全国, 浙江省) or after a verb of receiving (获评过, 是否获得); null when
 * the question names none.
 */
export function honourAskedIn(question: string): HonourAsked | null {
  const head = yesNoKnobs.honourHead;
  const levelled = levelPhrase(question);
  if (levelled) return head.test(levelled.noun) && !levelled.noun.includes('的') ? levelled : null;
  return honourNoun(yesNoKnobs.honourSaid.exec(question)?.[1], yesNoKnobs.honourSaidHead) ?? honourNoun(yesNoKnobs.honourNamed.exec(question)?.[1], head);
}

/** The honour a noun asked without its level names, when it ends in `head`; null when none. */
function honourNoun(written: string | undefined, head: RegExp): HonourAsked | null {
  const noun = written === undefined ? '' : withoutHonourWord(unquoted(written));
  // Without its level a short noun (示范校) is too general to be one honour's name.
  return noun.length >= yesNoKnobs.honourNounLength && head.test(noun) && !noun.includes('的') ? { asWritten: noun, noun } : null;
}

function bigrams(text: string): string[] {
  const pairs: string[] = [];
  for (let at = 0; at + 2 <= text.length; at++) pairs.push(text.slice(at, at + 2));
  return pairs;
}

/**
 * Whether a text names the honour: in full, or in a sentence that holds its head (the last two
 * characters: 奖状 is not 奖章) and most of its character pairs (首批全国高校黄大年式教师团队).
 */
export function namesHonour(text: string, noun: string): boolean {
  const plain = unquoted(text);
  if (plain.includes(noun)) return true;
  const head = noun.slice(-2);
  const pairs = bigrams(noun);
  return plain.split(/[。！？；;]/u).some((sentence) => sentence.includes(head) && pairs.filter((pair) => sentence.includes(pair)).length >= pairs.length * yesNoKnobs.honourPairShare);
}

/**
 * 是否 about an honour (风能学院获得过全国先进基层党组织吗): the honour as the question names it, and
 * whether an article names it at all. An article that never names the honour cannot say yes, and
 * its silence is no no: the answer says the articles do not mention it, and shows the honours they do.
 */
import { yesNoKnobs } from './tuning.ts';

/** An honour a yes-or-no question asks about: as written (全国先进基层党组织), and its noun without the level (先进基层党组织). */
export interface HonourAsked {
  asWritten: string;
  noun: string;
}

/** The level a question asks for and the noun after it: a level's word, or else a place's name. */
export function levelAskedIn(question: string): RegExpExecArray | null {
  return yesNoKnobs.levelAsked.exec(question) ?? yesNoKnobs.placeLevelAsked.exec(question);
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
  const noun = withoutHonourWord(unquoted(level[2]!));
  const place = unquoted(level[1]!).replace(yesNoKnobs.verbBeforePlace, '');
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
  const asked = yesNoKnobs.honourNamed.exec(question);
  if (!asked) return null;
  const noun = withoutHonourWord(unquoted(asked[1]!));
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

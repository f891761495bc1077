/**
 * People the articles name, found whole however jieba cuts them (朱/光耀, 马/庆/斋): a run of two or
 * three characters opening with a surname that jieba reads as one unknown word or as names only,
 * and that an article writes next to a role (劳动模范朱光耀, 马庆斋等). Questions name them as jieba
 * cannot.
 */
import { getJieba } from '../text/tokenize.ts';
import { besideRole } from './answer-spans.ts';
import { peopleKnobs } from './tuning.ts';

const nameTags: ReadonlySet<string> = new Set(['nr', 'nrfg', 'nrt']);
const surnames: ReadonlySet<string> = new Set(peopleKnobs.surnames);

/** Whether jieba's reading of `run` is a person's name: one unknown word or name, names only, a surname and a noun (曹/nr 飞宇/n), or any surname and a given name read as one (于/p 施佳/x). */
function readAsName(run: string): boolean {
  const tokens = getJieba().tag(run, true);
  if (tokens.length === 1) return tokens[0]!.word === run && (tokens[0]!.tag === 'x' || nameTags.has(tokens[0]!.tag));
  if (tokens.every((token) => nameTags.has(token.tag))) return true;
  const [surname, given] = tokens;
  if (tokens.length !== 2 || surname!.word.length !== 1) return false;
  // A surname jieba reads as a word of its own (于/p 施佳/x) before a given name read as one.
  return (nameTags.has(surname!.tag) && /^(?:n|nz|x)$/u.test(given!.tag)) || (given!.word.length === 2 && (given!.tag === 'x' || nameTags.has(given!.tag)));
}

/**
 * Runs of `text` that may be a name: a surname and one or two characters more, longest first at each
 * place; only where jieba starts a word (not 于文 of 对于文件, 林国 of 吉林国资委).
 */
function nameRuns(text: string): string[][] {
  const runs: string[][] = [];
  const starts = new Set<number>();
  let offset = 0;
  for (const word of getJieba().cut(text, true)) {
    starts.add(offset);
    offset += word.length;
  }
  for (let at = 0; at < text.length; at++) {
    if (!surnames.has(text[at]!) || !starts.has(at)) continue;
    const here = [3, 2].map((length) => text.slice(at, at + length)).filter((run) => run.length >= 2 && /^\p{Script=Han}+$/u.test(run) && !peopleKnobs.notInName.test(run) && readAsName(run));
    if (here.length > 0) runs.push(here);
  }
  return runs;
}

/** Whether some text names `name` next to a role. */
function namedBesideRole(name: string, texts: Iterable<string>): boolean {
  for (const text of texts) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) if (besideRole(text, at, at + name.length)) return true;
  }
  return false;
}

/** Whether finding the people a question names must read the articles: a run of it not yet looked for. */
export function peopleToLookFor(question: string, known: ReadonlyMap<string, boolean>): boolean {
  return nameRuns(question).some((readings) => readings.some((run) => !known.has(run)));
}

/**
 * The people a question names that the articles (`texts`) name as people: at each place the longer
 * reading that they do (朱光耀 before 朱光). `known` remembers each run's finding across questions.
 */
export function peopleNamedIn(question: string, texts: () => Iterable<string>, known: Map<string, boolean>): string[] {
  const found: string[] = [];
  for (const readings of nameRuns(question)) {
    for (const run of readings) {
      let named = known.get(run);
      if (named === undefined) {
        named = namedBesideRole(run, texts());
        known.set(run, named);
      }
      if (named) {
        found.push(run);
        break;
      }
    }
  }
  // A name inside another found (施佳 of 于施佳) is that one.
  return [...new Set(found)].filter((name) => !found.some((other) => other !== name && other.includes(name)));
}

/**
 * Messages that ask several things at once (嘉职院一共发了几张黄牌？另外有多少讲师收入超过了副教授？,
 * …指导学生拿了多少项奖，立项了几门课程思政示范课？). Each part is asked on its own and answered under
 * its own words: evidence for one part never has to cover the other, and a part the corpus says
 * nothing about does not sink the rest. A later part without a college of its own is asked about
 * the first part's college (and unit), as a follow-up would be.
 */
import type { TermStatistics } from './term-statistics.ts';
import { opensWithCommonSurname } from '../text/person-names.ts';
import { carrySubjects } from './conversation.ts';
import type { PairSide } from './pair-question.ts';
import { analyzeQuestion, collegeMentions, organisationsNamedIn } from './question.ts';
import { maxParts, partAsks, partExamples, partJoin, partOpening, partOpeningNameWeight, partReferringToAnswer, partSubjectUnit } from './tuning.ts';

/** One part of a message: its words as written, and the question asked of it alone (as a pair question's side). */
export type QuestionPart = PairSide;

/** Pieces ending at a question mark, each split again at a comma that parts two asks. */
function pieces(message: string): string[] {
  const found: string[] = [];
  for (const sentence of message.split(/(?<=[？?])/u)) {
    const clauses = sentence.split(/(?<=[，,；;])/u);
    let current = '';
    for (const clause of clauses) {
      // A comma parts two asks only when what comes before it asks already (…拿了多少项奖，立项了几门…),
      // and what follows is no example of it (…什么荣誉称号，比如…各有几个人).
      if (current && partAsks.test(current) && partAsks.test(clause) && !partExamples.test(clause.trimStart())) {
        found.push(current);
        current = clause;
      } else current += clause;
    }
    if (current.trim()) found.push(current);
  }
  return found.map((piece) => piece.trim().replace(/[，,；;？?]$/u, '')).filter(Boolean);
}

/** A piece from the sentence (or the clause after a colon) that asks, when what leads up to it names no college. */
function fromFirstAsk(piece: string, colleges: readonly string[]): string {
  const sentences = piece.split(/(?<=[。！!：:])/u);
  const at = sentences.findIndex((sentence) => partAsks.test(sentence));
  const before = sentences.slice(0, Math.max(0, at)).join('');
  return at > 0 && collegeMentions(before, colleges).length === 0 ? sentences.slice(at).join('').trim() : piece;
}

/** The college (with its unit, when one follows) a text names first, as written: 苏州工业职院智能制造党支部. */
function subjectOf(text: string, colleges: readonly string[]): string | null {
  const [first] = collegeMentions(text, colleges).sort((a, b) => text.indexOf(a.form) - text.indexOf(b.form));
  if (!first) return null;
  const at = text.indexOf(first.form);
  return `${first.form}${partSubjectUnit.exec(text.slice(at + first.form.length))?.[1] ?? ''}`;
}

/** The rare word a question opens with, its grammatical subject (张伟中 in 张伟中是哪个学校的老师), or null. */
function openingName(text: string, colleges: readonly string[], terms: TermStatistics): string | null {
  // A surname jieba cut off as a word of its own (于 + 施佳) opens the name: a given name of one or two characters follows.
  const surname = opensWithCommonSurname(text) ? text.slice(0, 1) : '';
  const givenName = (word: string): boolean => surname !== '' && [...word].length <= 2 && text.startsWith(surname + word);
  const opening = analyzeQuestion(text, { colleges, terms }).terms.find((term) => (term.role === 'topic' || term.role === 'subject') && (text.startsWith(term.word) || givenName(term.word)));
  if (!opening || opening.weight < partOpeningNameWeight) return null;
  return text.startsWith(opening.word) ? opening.word : surname + opening.word;
}

/**
 * The parts of a message that asks two or more things, or null when it asks one (or a later part
 * refers back to the first's answer: 哪些院校建成了…？各是什么团队？ is one question).
 */
export function questionParts(message: string, colleges: readonly string[], terms: TermStatistics): QuestionPart[] | null {
  // What asks nothing (麻烦都回答一下，谢谢) is no part; the sentences before the first ask (我们学院
  // 下个月要迎接…。想了解一下：) only lead up to it.
  const asking = pieces(message)
    .filter((piece) => partAsks.test(piece))
    .map((piece, index) => (index === 0 ? fromFirstAsk(piece, colleges) : piece));
  // Each part costs a retrieval: a message of many question marks is read as one question.
  if (asking.length < 2 || asking.length > maxParts) return null;
  if (asking.slice(1).some((piece) => partReferringToAnswer.test(piece) || partOpening.test(piece))) return null;
  const [first, ...rest] = asking as [string, ...string[]];
  // The college the first part names, else the name it opens with (张伟中是哪个学校的老师，有什么头衔？).
  const subject = subjectOf(first, colleges) ?? openingName(first, colleges, terms);
  const history = [{ role: 'user' as const, content: first }];
  return [
    { name: first, question: first },
    ...rest.map((piece) => {
      // Shown without the word that joined it to the first part (并且在…哪些方向上…).
      const name = piece.replace(partJoin, '');
      // A part naming its own college or unit (台州那个机电与模具工程学院…) is asked of it.
      if (collegeMentions(piece, colleges).length > 0 || organisationsNamedIn(piece, colleges).length > 0) return { name, question: name };
      const carried = carrySubjects(`${piece}？`, history, colleges, terms).question;
      // Carried once: the conversation may have carried the subject in already.
      const question = subject && !carried.includes(subject) && collegeMentions(carried, colleges).length === 0 ? `${subject}${carried.replace(partJoin, '')}` : carried;
      return { name, question };
    }),
  ];
}

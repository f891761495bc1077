/**
 * A question typed with what leads up to it and a courtesy after it (我们书记下周要去台州科技职业
 * 学院调研，想提前知道他们机电与模具工程学院的老师都拿过些什么荣誉称号，…麻烦帮我查一下，越具体越好),
 * read as what it asks: the lead-up's words are no topic to cover, only the college it names is.
 */
import { collegeMentions, organisationsNamedIn } from './question.ts';
import { leadUpWording, partAsks } from './tuning.ts';

/** The question without its lead-up and closing courtesies; the question itself when it has none. */
export function conciseQuestion(question: string, colleges: readonly string[]): string {
  const clauses = question.split(/(?<=[，,。！!；;：:？?])/u);
  const first = clauses.findIndex((clause) => partAsks.test(clause));
  if (first < 0) return question;
  let last = clauses.length - 1;
  while (last > first && !partAsks.test(clauses[last]!) && leadUpWording.courtesy.test(clauses[last]!.trim())) last--;
  // Only a lead-up about the asker is dropped: one about the topic (星海…志愿服务的那篇文章，作者是谁) is asked.
  const leadUp = clauses.slice(0, first).every((clause) => leadUpWording.aboutAsker.test(clause) && !leadUpWording.introducesTopic.test(clause)) ? first : 0;
  if (leadUp === 0 && last === clauses.length - 1) return question;
  // A lead-up clause gives the college it names (…要去台州科技职业学院调研 → 台州科技职业学院), nothing else.
  // Unless the ask names a college of its own (…，想知道湖南电气的风能学院…); a unit is the lead-up college's.
  const ownNames = collegeMentions(clauses.slice(leadUp, last + 1).join(''), colleges).length > 0;
  const named = ownNames ? [] : clauses.slice(0, leadUp).flatMap((clause) => [...collegeMentions(clause, colleges).map((mention) => mention.form), ...organisationsNamedIn(clause, colleges)]);
  let asking = clauses.slice(leadUp, first + 1).join('');
  if (leadUp > 0) asking = asking.replace(leadUpWording.opener, '');
  if (named.length > 0) asking = asking.replace(leadUpWording.pointer, '');
  const concise = `${named.join('')}${asking}${clauses.slice(first + 1, last + 1).join('')}`.replace(/[，,；;：:]$/u, '');
  return concise.length > 0 ? concise : question;
}

/** The answer when the corpus has nothing on a question: what was not found, and what to try. */

/** The question as quoted in a sentence: without its own outer quotation marks, at most 60 characters. */
function quoteQuestion(question: string): string {
  const plain = question.trim().replace(/[？?。！!]+$/u, '');
  const short = plain.length > 60 ? `${plain.slice(0, 60)}…` : plain;
  return /[“”"]/u.test(short) ? short : `“${short}”`;
}

/**
 * Says plainly that the corpus cannot answer, naming what it does not mention (another college, a
 * person, a practice) when that is why. `nearby` (claims with their citation markers) are listed
 * as related text that does not answer, before what to try.
 */
export function notFoundText(question: string, missing: readonly string[], nearby: readonly string[] = []): string {
  const about = missing.length > 0 ? `已收录的文章中没有提到${missing.slice(0, 3).map((name) => `“${name}”`).join('、')}。` : '已收录的文章中没有能直接回答这个问题的内容。';
  const opening = `语料库中没有找到关于${quoteQuestion(question)}的信息：${about}`;
  const advice = '可以换个说法，或在“浏览文章”中查看已收录的文章。';
  if (nearby.length === 0) return `${opening}${advice}`;
  return [opening, '', '以下内容与问题相关，但不一定回答了它，仅供参考：', ...nearby.map((claim) => `- ${claim}`), '', advice].join('\n');
}

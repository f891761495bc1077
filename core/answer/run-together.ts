/**
 * Sentences that web text runs together, cut apart for evidence: a news headline runs into its
 * story through a dateline (…渡难关 新华社成都2月24日电（记者胡旭）), a page whose line breaks
 * were lost runs a title or a heading into the next line (…复工的通知 各区住房城乡建设委…：,
 * 二、加大财政金融支持   （四）…), and a notice runs its salutation into its first sentence
 * (各县（市、区）人社局：为落实…). The headline, heading or salutation is no answer; what follows may be.
 */
import { splitSentences } from '../text/sentences.ts';
import type { TextSpan } from './answer-spans.ts';
import { runTogether as knobs } from './tuning.ts';

/** A sentence to weigh; `heading` when it was cut off as a heading, `headline` when as the story's headline or the page's title. */
export interface EvidenceSpan extends TextSpan {
  heading?: boolean;
  headline?: boolean;
  /** The headings cut off right before this sentence: they still say what it is about. */
  under?: TextSpan[];
}

/** A news agency's dateline (…新华社北京2月15日电（记者 申铖）, 天山网讯（记者马蓓报道）): the headline before it and its end. */
const dateline = /(?:日电|网讯|报讯|社讯|台讯)(?:\s*[（(](?:记者|通讯员)[^（()）]{0,30}[)）])?/u;

/** Whether a sentence is a headline with its dateline (cut off the story by `atDateline`). */
export function isHeadline(sentence: string): boolean {
  const match = dateline.exec(sentence);
  return match !== null && match.index + match[0].length >= sentence.trimEnd().length;
}

/** A sentence that runs a headline into the story through a dateline, cut after the dateline. */
function atDateline(text: string, span: TextSpan): EvidenceSpan[] {
  const match = dateline.exec(text.slice(span.start, span.end));
  if (!match) return [span];
  const cut = span.start + match.index + match[0].length;
  return cut >= span.end - 1 ? [span] : [{ start: span.start, end: cut, heading: true, headline: true }, { start: cut, end: span.end }];
}

/**
 * Where a lost line break may have been: a run of spaces, or one space between Chinese text
 * (a title's end, a closing mark) and Chinese text or an outline number.
 */
const lostBreak = /\s{2,}|(?<=[\p{Script=Han}）)”》])\s(?=[\p{Script=Han}（(“《]|\d+[.．、])/gu;

/** An outline number opening a heading (二、, （四）, 3.), which may carry its own 、. */
const outlineNumber = /^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.．、])\s*/u;

const pairs: readonly (readonly [string, string])[] = [['《', '》'], ['（', '）'], ['(', ')'], ['“', '”'], ['【', '】']];

/** Whether `text` opens a bracket or a quotation it does not close. */
function unclosed(text: string): boolean {
  return pairs.some(([open, close]) => text.split(open).length > text.split(close).length);
}

/** A title or heading: short, no clause inside, enough Chinese to name something (not a bare date). */
function isHeadingPiece(piece: string): boolean {
  const bare = piece.replace(outlineNumber, '');
  const han = bare.match(/\p{Script=Han}/gu)?.length ?? 0;
  return bare.length <= knobs.headingLength && han >= knobs.headingHan && !/[，,、：:。！？!?]/u.test(bare);
}

/**
 * A line that only cites documents (【政策依据】 1.《财政部 税务总局关于…的公告》（…2020年第8号）):
 * what remains without the titles, document numbers and labels is a small share of it.
 */
function isReference(sentence: string): boolean {
  if (!/《[^》]{2,}》/u.test(sentence)) return false;
  const rest = sentence
    .replace(/《[^》]*》/gu, '')
    .replace(/[（(][^（）()]*(?:号|公告|令)[^（）()]*[)）]/gu, '')
    .replace(/【[^】]{1,8}】|〔\d{4}〕\d*号?/gu, '')
    .replace(/[^\p{Script=Han}]/gu, '');
  return rest.length <= sentence.replace(/\s/gu, '').length * knobs.referenceRestShare;
}

/** A sentence cut after each title or heading that a lost line break ran into the next line. */
function atLostBreaks(text: string, span: TextSpan): EvidenceSpan[] {
  const pieces: EvidenceSpan[] = [];
  const headings: TextSpan[] = [];
  let start = span.start;
  const sentence = text.slice(span.start, span.end);
  for (const gap of sentence.matchAll(lostBreak)) {
    const at = span.start + gap.index;
    const after = at + gap[0].length;
    if (after >= span.end - 1) break;
    const piece = text.slice(start, at);
    // A space inside a title or a parenthesis (《财政部 税务总局关于…》) is no line break.
    if (unclosed(piece)) continue;
    if (isReference(piece)) {
      // A line citing documents (【政策依据】 1.《…》（…第8号）) ends before the next line's text.
      pieces.push({ start, end: at, ...(headings.length > 0 ? { under: [...headings] } : {}) });
      start = after;
    } else if (isHeadingPiece(piece)) {
      // The page's first line is its title: it names the page, as a headline names its story.
      pieces.push({ start, end: at, heading: true, headline: text.slice(0, start).trim() === '', ...(headings.length > 0 ? { under: [...headings] } : {}) });
      headings.push({ start, end: at });
      start = after;
    }
  }
  // A line of headings only (不忘初心强使命 示范创建树标杆, its own line without a full stop) ends on one too.
  const lineEnds = span.end >= text.length || text[span.end] === '\n';
  const lastIsHeading = headings.length > 0 && lineEnds && isHeadingPiece(text.slice(start, span.end));
  pieces.push({ start, end: span.end, ...(lastIsHeading ? { heading: true, headline: false } : {}), ...(headings.length > 0 ? { under: headings } : {}) });
  return pieces;
}

/**
 * A notice's salutation (各县（市、区）人社局，市直各单位：), with the document number before it
 * (发改价格〔2020〕258号): whom the notice is sent to, never what it says.
 */
const salutation = /^(?:\S{1,16}〔\d{4}〕\d{1,4}号\s*)?(?:驻\S{1,10}?)?各[^：:。！？]{0,160}?(?:局|厅|委|委员会|办|办公室|处|部门|单位|公司|政府|机构|企业|学校|高校|团体|管委会|兵团)(?:[（(][^）)]{1,12}[)）])?[：:]/u;

/**
 * A salutation after a document's title or number, the page having lost its line breaks
 * (…的通知 人社厅函〔2020〕24号 各省、自治区…人力资源社会保障厅（局）：).
 */
const titledSalutation = /(?<=(?:通知|意见|办法|公告|决定|方案|细则|函|〔\d{4}〕\d{1,4}号)\s+)(?:\S{1,16}〔\d{4}〕\d{1,4}号\s*)?各[^：:。！？]{0,160}?(?:局|厅|委|委员会|办|办公室|处|部门|单位|公司|政府|机构|企业|学校|高校|团体|管委会|兵团|小组)(?:[（(][^）)]{1,12}[)）])?[：:]/u;

/** A sentence that opens with a salutation (or a title and its salutation), cut after it. */
function atSalutation(text: string, span: EvidenceSpan): EvidenceSpan[] {
  const sentence = text.slice(span.start, span.end);
  const match = salutation.exec(sentence) ?? titledSalutation.exec(sentence);
  if (!match) return [span];
  return headlineUpTo(text, span, span.start + match.index + match[0].length);
}

/** A span cut at `cut`: what comes before is a headline (all of it, when nothing follows). */
function headlineUpTo(text: string, span: EvidenceSpan, cut: number): EvidenceSpan[] {
  const head = text.slice(span.start, cut);
  const start = span.start + head.length - head.trimStart().length;
  const rest = text.slice(cut, span.end);
  const skipped = rest.length - rest.trimStart().length;
  return cut + skipped >= span.end - 1 ? [{ ...span, start, heading: true, headline: true }] : [{ start, end: cut, heading: true, headline: true }, { ...span, start: cut + skipped }];
}

/** A news story's title line and byline (题：…——… 新华社记者陈芳、陈聪): the title, not the story. */
const titledByline = /^\s*题[：:][^。！？]{4,120}?(?:新华社|本报|人民日报)?记者[\p{Script=Han}、]{2,20}(?=\s)/u;

/** A sentence that opens with a story's title line and byline, cut after them. */
function atTitledByline(text: string, span: EvidenceSpan): EvidenceSpan[] {
  const match = titledByline.exec(text.slice(span.start, span.end));
  return match ? headlineUpTo(text, span, span.start + match[0].length) : [span];
}

/** The sentences of `text.slice(from, to)` as evidence weighs them (see the file comment). */
export function evidenceSpans(text: string, from: number, to: number): EvidenceSpan[] {
  return splitSentences(text, from, to)
    .flatMap((span) => atDateline(text, span))
    .flatMap((span) => (span.heading ? [span] : atLostBreaks(text, span)))
    .flatMap((span) => (span.heading ? [span] : atSalutation(text, span)))
    .flatMap((span) => (span.heading ? [span] : atTitledByline(text, span)));
}

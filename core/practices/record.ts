/**
 * A practice as the catalog stores and serves it: what extraction found, with the article it comes
 * from (id, title, college, unit, date) and a stable id. Built at ingest for every kept article.
 */
import { hash } from 'node:crypto';
import type { ArticleMetadata } from '../documents.ts';
import { extractPractices, type CitedText, type ExtractedPractice, type PracticeSourceText } from './extract.ts';

export interface PracticeRecord extends ExtractedPractice {
  /** Stable across ingests while the article keeps its id and the practice its name. */
  id: string;
  docId: string;
  title: string;
  college: string;
  unit: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY; '' when the article states none. */
  date: string;
  /** Where the article states its college, unit and date (null when it does not, e.g. front matter). */
  stated: { college: CitedText | null; unit: CitedText | null; date: CitedText | null };
}

/** What a record is built from: a cleaned article with its metadata and headings. */
export interface PracticeArticle extends PracticeSourceText, Pick<ArticleMetadata, 'title' | 'college' | 'unit' | 'date'> {
  docId: string;
}

/** The id of a practice: 12 hex digits of a hash of its article and name key. */
export function practiceId(docId: string, key: string): string {
  return hash('sha1', `${docId}\n${key}`, 'hex').slice(0, 12);
}

function firstMention(text: string, value: string): CitedText | null {
  if (!value) return null;
  const at = text.indexOf(value);
  return at === -1 ? null : { text: value, start: at, end: at + value.length };
}

const writtenDate = /(?<!\d)(\d{4}) ?[-/.年] ?(\d{1,2}) ?[-/.月] ?(\d{1,2})日?/g;

/** Where the text states `date` (in any of its usual spellings). */
function dateMention(text: string, date: string): CitedText | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  for (const match of text.matchAll(writtenDate)) {
    const spelled = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
    if (spelled === date) return { text: match[0], start: match.index, end: match.index + match[0].length };
  }
  return null;
}

/** The practices of one article as catalog records (`names`: more practices, see `extractPractices`). */
export function practiceRecords(article: PracticeArticle, options: Parameters<typeof extractPractices>[1] = {}): PracticeRecord[] {
  const practices = extractPractices(article, options);
  if (practices.length === 0) return [];
  const stated = {
    college: firstMention(article.text, article.college),
    unit: firstMention(article.text, article.unit),
    date: dateMention(article.text, article.date),
  };
  return practices.map((practice) => ({
    ...practice,
    id: practiceId(article.docId, practice.key),
    docId: article.docId,
    title: article.title,
    college: article.college,
    unit: article.unit,
    date: article.date,
    stated,
  }));
}

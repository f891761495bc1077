/**
 * Helpers for the metadata a source states explicitly (`SourceArticle.given`). `given` overrides
 * later extraction, so values are only kept when they are unambiguous and fit the
 * `ArticleMetadata` contract (dates as YYYY-MM-DD / YYYY-MM / YYYY).
 */
import type { ArticleMetadata } from '../../core/documents.ts';

type MetadataKey = keyof ArticleMetadata;

/** Front-matter / field-name aliases, lower-cased. Chinese names are what editors actually type. */
const keyAliases: Record<string, MetadataKey> = {
  title: 'title',
  标题: 'title',
  题目: 'title',
  college: 'college',
  school: 'college',
  学校: 'college',
  高校: 'college',
  院校: 'college',
  unit: 'unit',
  单位: 'unit',
  部门: 'unit',
  date: 'date',
  日期: 'date',
  时间: 'date',
  发布日期: 'date',
  发布时间: 'date',
  source: 'source',
  来源: 'source',
  author: 'author',
  authors: 'author',
  作者: 'author',
  url: 'url',
  link: 'url',
  链接: 'url',
  网址: 'url',
  原文链接: 'url',
};

/** The metadata field a front-matter key names, or undefined for keys we do not use. */
export function metadataKeyFor(key: string): MetadataKey | undefined {
  return keyAliases[key.trim().toLowerCase()];
}

/**
 * Normalises a stated date to YYYY-MM-DD, YYYY-MM or YYYY. Accepts 2022-02-24, 2022/2/24,
 * 2022.02.24, 2022年2月24日, 20220224 and ISO timestamps (the date part as written: a publication
 * date is the local date, converting time zones would shift it). Returns undefined when the
 * value does not start with a recognisable date.
 */
export function normalizeDate(value: string): string | undefined {
  const text = value.trim();
  const pad = (n: string) => n.padStart(2, '0');
  const validYear = (y: string) => Number(y) >= 1900 && Number(y) <= 2100;
  const validMonth = (m: string) => Number(m) >= 1 && Number(m) <= 12;
  const validDay = (d: string) => Number(d) >= 1 && Number(d) <= 31;

  const full = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?![\d])/.exec(text);
  if (full) {
    const [, y = '', m = '', d = ''] = full;
    return validYear(y) && validMonth(m) && validDay(d) ? `${y}-${pad(m)}-${pad(d)}` : undefined;
  }
  const compact = /^(\d{4})(\d{2})(\d{2})(?!\d)/.exec(text);
  if (compact) {
    const [, y = '', m = '', d = ''] = compact;
    return validYear(y) && validMonth(m) && validDay(d) ? `${y}-${m}-${d}` : undefined;
  }
  const month = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(text);
  if (month) {
    const [, y = '', m = ''] = month;
    return validYear(y) && validMonth(m) ? `${y}-${pad(m)}` : undefined;
  }
  const year = /^(\d{4})\s*年?$/.exec(text);
  if (year) {
    const [, y = ''] = year;
    return validYear(y) ? y : undefined;
  }
  return undefined;
}

/**
 * Adds a stated value to `given` after trimming; dates are normalised and dropped when not
 * recognisable (extraction from the text may still find them). Empty values are ignored.
 */
export function setGiven(given: Partial<ArticleMetadata>, key: MetadataKey, raw: string): void {
  const value = raw.replace(/\s+/g, ' ').trim();
  if (value === '') return;
  if (key === 'date') {
    const date = normalizeDate(value);
    if (date) given.date = date;
    return;
  }
  given[key] = value;
}

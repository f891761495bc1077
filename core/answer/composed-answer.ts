/** What an extractive composer returns: Markdown with [n] markers, and the citations they point at. */
import type { Citation, ComparisonRow } from './protocol.ts';

export interface ComposedAnswer {
  text: string;
  citations: Citation[];
  table?: { rows: ComparisonRow[]; coverage: { covered: number; total: number } };
  /** The answer says the corpus does not record what was asked (an article's date its page never gave), citing where it looked. */
  notFound?: boolean;
}

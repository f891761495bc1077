/** A passage as the HTTP API returns it, in search results and similar-practice lists alike. */
import type { IndexedChunk } from '../index/index-reader.ts';

export interface PassageView {
  chunkId: string;
  docId: string;
  title: string;
  college: string;
  unit: string;
  date: string;
  /** The passage: `document text.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  score: number;
  headingPath: string[];
}

export function passageView(chunk: IndexedChunk, score: number): PassageView {
  const { docId, title, college, unit, date } = chunk.document;
  return {
    chunkId: chunk.chunkId,
    docId,
    title,
    college,
    unit,
    date,
    text: chunk.text,
    start: chunk.start,
    end: chunk.end,
    score: Number(score.toFixed(6)),
    headingPath: chunk.headingPath,
  };
}

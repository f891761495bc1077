/**
 * What the knowledge-base API (`/api/kb/…`) and its event socket send, shared by the server and
 * the page (which imports these types in JSDoc, so nothing here may need Node).
 */

/** A row's state: in the live index, waiting for an ingest, folded into another copy, or skipped. */
export type CorpusRowStatus = 'indexed' | 'updating' | 'pending' | 'duplicate' | 'skipped' | 'removing';

/** One row of the corpus table: an article, or a corpus file that produced none. */
export interface CorpusRow {
  /** Unique within the table: the docId, or `file:<path>` for a file without an article. */
  key: string;
  /** The file, relative to the corpus folder. */
  sourcePath: string;
  docId: string | null;
  title: string;
  college: string;
  unit: string;
  date: string;
  passages: number;
  /** When the file was uploaded from the page, else when it last changed in the folder (ISO 8601). */
  addedAt: string | null;
  addedBy: 'upload' | 'folder';
  /** The name the browser gave, for uploads whose saved name differs. */
  originalName: string | null;
  status: CorpusRowStatus;
  /** Why a file was skipped (a stable reason code such as EMPTY, MALFORMED_PDF) and the message. */
  reason: string | null;
  message: string | null;
  /** For a folded copy: the article it was folded into. */
  duplicateOf: { docId: string; title: string } | null;
  /** Copies of this article in other files, folded into it. */
  duplicates: { sourcePath: string; title: string }[];
  /** Fields corrected by hand (they override what ingest extracts). */
  corrected: string[];
  /** Full-text search only: relevance, and the best passage's text around the words searched. */
  score?: number;
  snippet?: string;
}

export interface CorpusPage {
  total: number;
  offset: number;
  rows: CorpusRow[];
  /** Over the whole corpus, for the filters. */
  facets: { colleges: string[]; years: string[]; statuses: Record<CorpusRowStatus, number> };
  index: { builtAt: string; documents: number; passages: number } | null;
}

/** What became of one file of an upload, correction or deletion. */
export type FileOutcome = 'indexed' | 'duplicate' | 'skipped' | 'pending' | 'removed' | 'refused';

export interface FileResult {
  /** The name as the user knows it (the uploaded file's own name, or the corpus path). */
  name: string;
  /** Where it is in the corpus folder; null for a refused upload. */
  sourcePath: string | null;
  status: FileOutcome;
  /** Refused or skipped: the stable code (FILE_TOO_LARGE, ARCHIVE_REFUSED, MALFORMED_PDF, …) and message. */
  code: string | null;
  message: string | null;
  passages: number;
  documents: { docId: string; title: string; college: string }[];
  /** Folded as a near-duplicate of this article. */
  duplicateOf: { docId: string; title: string; sourcePath: string } | null;
  /** Other files with the same story, folded into this file's article. */
  copies: { sourcePath: string; title: string }[];
}

export type JobKind = 'upload' | 'edit' | 'delete';

/** A change to the corpus and the ingest that brings it into the index. */
export interface KnowledgeBaseJob {
  id: string;
  kind: JobKind;
  /** waiting: for its ingest; done: the index has it; failed: the ingest failed and the previous index serves. */
  state: 'waiting' | 'done' | 'failed';
  createdAt: string;
  finishedAt: string | null;
  message: string | null;
  files: FileResult[];
}

export type IngestPhase = 'starting' | 'read' | 'index' | 'publish';

/** The background ingest as the page shows it. */
export interface IngestStatus {
  running: boolean;
  /** Another run will follow this one (changes made while it runs). */
  queued: boolean;
  reason: string | null;
  startedAt: string | null;
  phase: IngestPhase | null;
  bytesDone: number;
  bytesTotal: number;
  documents: number;
  passages: number;
  /** Passages embedded so far (vectors); 0 for a lexical-only index. */
  embedded: number;
  last: { ok: boolean; finishedAt: string; milliseconds: number; message: string | null } | null;
}

/** Messages on the knowledge-base event socket (`/api/kb/events`), server to page. */
export type KnowledgeBaseEvent =
  | { type: 'status'; ingest: IngestStatus; jobs: KnowledgeBaseJob[] }
  | { type: 'ingest'; ingest: IngestStatus }
  | { type: 'job'; job: KnowledgeBaseJob }
  | { type: 'error'; code: string; message: string };

/** GET /api/kb/status: what the page needs to draw the view. */
export interface KnowledgeBaseStatus {
  access: 'token' | 'loopback';
  limits: { maxFileBytes: number; maxFiles: number; extensions: string[] };
  ingest: IngestStatus;
  feedback: boolean;
}

/** One passage of a hit test, with every score the ranking used. */
export interface HitTestHit {
  rank: number;
  chunkId: string;
  docId: string;
  title: string;
  college: string;
  unit: string;
  date: string;
  text: string;
  headingPath: string[];
  /** Reciprocal-rank fusion of the two rankings (what orders the list). */
  fused: number;
  lexical: number | null;
  lexicalRank: number | null;
  vector: number | null;
  vectorRank: number | null;
}

export interface HitTestResult {
  query: string;
  /** Words the lexical search looked up (after segmentation and stopwords). */
  words: string[];
  mode: 'hybrid' | 'lexical';
  filters: { college: string | null; year: number | null };
  /** Colleges the query names: a question naming one is answered from its articles only. */
  namedColleges: string[];
  timings: { embedMs: number; lexicalMs: number; vectorMs: number; fuseMs: number; totalMs: number };
  hits: HitTestHit[];
}

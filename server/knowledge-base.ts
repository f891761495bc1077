/**
 * The knowledge base as the page manages it: uploads, metadata corrections and deletions change
 * the corpus folder (the source of truth), then the background ingest (server/reindexer.ts) brings
 * the change into a new index generation, which the server swaps in without a restart. Each
 * change is a job; when its ingest has finished, the job says what became of every file: indexed
 * with N passages, folded into another copy, skipped with the reason, or still waiting.
 *
 * Changes to the folder and to the overrides file are made one at a time (an in-process queue);
 * uploads are staged, checked, then linked into place, so a crash at any point leaves either no
 * file or a whole one, and never a half-written file in the corpus.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type {
  CorpusPage,
  CorpusRow,
  CorpusRowStatus,
  FileResult,
  IngestPhase,
  IngestStatus,
  JobKind,
  KnowledgeBaseJob,
} from '../core/corpus/knowledge-base-types.ts';
import { corpusFile, moveToTrash, placeStagedFile, safeFileName, tidyCorpusFolder } from '../core/corpus/corpus-files.ts';
import { mergeOverride, readOverrides, writeOverrides, type CorpusOverrides, type MetadataOverride, type OverridableField } from '../core/corpus/overrides.ts';
import { AppError, errorCodes, toAppError } from '../core/errors.ts';
import type { IndexSnapshot, IndexedDocument } from '../core/index/index-reader.ts';
import type { SearchService } from '../core/retrieval/search-service.ts';
import type { AppStore, UploadRecord } from '../core/store/app-store.ts';
import { toSimplified } from '../core/text/simplified.ts';
import { analyzeQuery } from '../core/text/tokenize.ts';
import type { IngestProgress } from '../ingest/pipeline.ts';
import { discoverCorpusFiles, formatOf, supportedExtensions } from '../ingest/readers/index.ts';

/** How one background ingest ended. */
export interface IngestRunOutcome {
  code: number | null;
  signal?: NodeJS.Signals | null;
  /** Why it failed, as the ingest said; absent when it died without a word. */
  failure?: string | null;
}

/**
 * The background ingest (server/reindexer.ts): `run` resolves when the run that includes every
 * change made so far has ended (and a published generation has been swapped in); its events say
 * what any run is doing, whoever asked for it.
 */
export interface IngestRunner {
  run(reason: string): Promise<IngestRunOutcome>;
  on(event: 'start', listener: (reason: string) => void): unknown;
  on(event: 'progress', listener: (progress: IngestProgress) => void): unknown;
  on(event: 'end', listener: (outcome: IngestRunOutcome) => void): unknown;
}

/** An uploaded file, received into the staging folder and not yet checked. */
export interface StagedUpload {
  /** The name the browser sent (display text only). */
  originalName: string;
  stagedPath: string;
  bytes: number;
  sha256: string;
  /** The upload went over the size limit and was cut short. */
  truncated: boolean;
  metadata: MetadataOverride | undefined;
}

export interface KnowledgeBaseOptions {
  corpusDir: string;
  search: SearchService;
  /** Upload records ("when added"); null when the database is unavailable. */
  store: AppStore | null;
  ingest: IngestRunner;
  limits: { maxFileBytes: number; maxFiles: number };
  /**
   * Checks a zip container (.docx, or any upload that is a zip) before it reaches the corpus;
   * throws an AppError (ARCHIVE_REFUSED for a zip bomb) to refuse it.
   */
  checkArchive: (bytes: Buffer) => void;
  logger?: { warn(details: object, message: string): void };
}

const zipMagic = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const maxJobs = 50;
/** Progress is passed on at most this often (the ingest reports every 100 ms). */
const progressIntervalMs = 250;
const listingTtlMs = 2_000;

function idleIngest(): IngestStatus {
  return { running: false, queued: false, reason: null, startedAt: null, phase: null, bytesDone: 0, bytesTotal: 0, documents: 0, passages: 0, embedded: 0, last: null };
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/** A corpus file as the listing sees it. */
interface ListedFile {
  sourcePath: string;
  modifiedMs: number;
}

/** Where each corpus file went in one index generation (computed once per generation). */
interface GenerationFiles {
  documents: Map<string, IndexedDocument[]>;
  /** A file folded as a near-duplicate → the document it was folded into. */
  folded: Map<string, IndexedDocument>;
  problems: Map<string, { reason: string; message: string }[]>;
  builtMs: number;
}

const generationFiles = new WeakMap<IndexSnapshot, GenerationFiles>();

function filesOf(snapshot: IndexSnapshot): GenerationFiles {
  let files = generationFiles.get(snapshot);
  if (!files) {
    files = { documents: new Map(), folded: new Map(), problems: new Map(), builtMs: Date.parse(snapshot.builtAt) };
    for (const document of snapshot.documents) {
      const list = files.documents.get(document.sourcePath) ?? [];
      list.push(document);
      files.documents.set(document.sourcePath, list);
      for (const duplicate of document.duplicates) if (!files.folded.has(duplicate.sourcePath)) files.folded.set(duplicate.sourcePath, document);
    }
    for (const problem of snapshot.problems) {
      const list = files.problems.get(problem.sourcePath) ?? [];
      // The page shows the file already: "x.pdf: not a readable PDF" says it twice.
      const message = problem.message.startsWith(`${problem.sourcePath}`) ? problem.message.slice(problem.sourcePath.length).replace(/^[:\s]+/, '') : problem.message;
      list.push({ reason: problem.reason, message });
      files.problems.set(problem.sourcePath, list);
    }
    generationFiles.set(snapshot, files);
  }
  return files;
}

/** How an article is named when it has no title (as citations name it). */
function label(document: { title: string; college: string; unit: string; docId: string }): string {
  return document.title || `${document.college}${document.unit}` || document.docId;
}

/** `.jsonl` files hold many articles: one of them is deleted by excluding it, not by removing the file. */
function holdsManyArticles(sourcePath: string): boolean {
  return formatOf(sourcePath) === 'jsonl';
}

export class KnowledgeBase extends EventEmitter<{ ingest: [IngestStatus]; job: [KnowledgeBaseJob] }> {
  private ingestNow: IngestStatus = idleIngest();
  private lastProgressSent = 0;
  private progressTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly jobs = new Map<string, KnowledgeBaseJob>();
  private nextJob = 1;
  private queue: Promise<unknown> = Promise.resolve();
  private listing: { at: number; files: ListedFile[] } | null = null;

  constructor(private readonly options: KnowledgeBaseOptions) {
    super();
    tidyCorpusFolder(options.corpusDir);
    options.ingest.on('start', (reason) => {
      this.ingestNow = { ...idleIngest(), running: true, reason, startedAt: new Date().toISOString(), phase: 'starting', last: this.ingestNow.last };
      this.sendIngest(true);
    });
    options.ingest.on('progress', (progress) => {
      if (!this.ingestNow.running) return;
      if (progress.phase === 'read') {
        Object.assign(this.ingestNow, { phase: 'read', bytesDone: progress.bytesDone, bytesTotal: progress.bytesTotal, documents: progress.documents, passages: progress.chunks });
      } else {
        const phase: IngestPhase = progress.phase === 'index' ? 'index' : 'publish';
        Object.assign(this.ingestNow, { phase, ...(progress.phase === 'index' ? { passages: progress.chunks, bytesDone: this.ingestNow.bytesTotal } : {}) });
      }
      if (progress.phase === 'read' && 'embedded' in progress) this.ingestNow.embedded = Number(progress.embedded) || 0;
      this.sendIngest(progress.phase !== 'read');
    });
    options.ingest.on('end', (outcome) => {
      const started = this.ingestNow.startedAt ? Date.parse(this.ingestNow.startedAt) : Date.now();
      this.ingestNow = {
        ...idleIngest(),
        queued: this.ingestNow.queued,
        last: { ok: outcome.code === 0, finishedAt: new Date().toISOString(), milliseconds: Date.now() - started, message: outcome.code === 0 ? null : this.failureText(outcome) },
      };
      this.listing = null;
      this.sendIngest(true);
    });
  }

  get corpusDir(): string {
    return this.options.corpusDir;
  }

  get limits(): KnowledgeBaseOptions['limits'] {
    return this.options.limits;
  }

  get hasStore(): boolean {
    return this.options.store !== null;
  }

  get ingest(): IngestStatus {
    return { ...this.ingestNow };
  }

  /** The latest jobs, newest first. */
  recentJobs(): KnowledgeBaseJob[] {
    return [...this.jobs.values()].reverse();
  }

  job(id: string): KnowledgeBaseJob | undefined {
    return this.jobs.get(id);
  }

  private sendIngest(now: boolean): void {
    const elapsed = Date.now() - this.lastProgressSent;
    if (!now && elapsed < progressIntervalMs) {
      this.progressTimer ??= setTimeout(() => {
        this.progressTimer = null;
        this.sendIngest(true);
      }, progressIntervalMs - elapsed);
      this.progressTimer.unref();
      return;
    }
    if (this.progressTimer) clearTimeout(this.progressTimer);
    this.progressTimer = null;
    this.lastProgressSent = Date.now();
    this.emit('ingest', this.ingest);
  }

  private failureText(outcome: IngestRunOutcome): string {
    const why = outcome.failure ? outcome.failure.replaceAll(path.resolve(this.options.corpusDir), 'corpus') : outcome.signal ? `导入进程被 ${outcome.signal} 终止` : `导入进程以代码 ${outcome.code} 退出`;
    return `导入没有完成（${why}），原来的索引继续使用。文件已保存在语料库中，下次导入时会再处理。`;
  }

  /** Runs changes to the corpus folder one at a time. */
  private exclusive<T>(work: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private snapshot(): IndexSnapshot | null {
    try {
      return this.options.search.retriever().snapshot;
    } catch {
      return null;
    }
  }

  private liveDocument(docId: string): IndexedDocument {
    const document = this.snapshot()?.document(docId);
    if (!document) throw new AppError('DOCUMENT_NOT_FOUND', `知识库中没有 id 为 “${docId.slice(0, 100)}” 的文章`, { details: { docId: docId.slice(0, 100) } });
    return document;
  }

  private overrides(): CorpusOverrides {
    return readOverrides(this.options.corpusDir);
  }

  // ----------------------------------------------------------------------------------------------
  // Jobs

  /** Starts a job over `files` and asks for the ingest that brings it into the index. */
  private startJob(kind: JobKind, files: FileResult[], reason: string): KnowledgeBaseJob {
    const job: KnowledgeBaseJob = { id: `job-${Date.now().toString(36)}-${this.nextJob++}`, kind, state: 'waiting', createdAt: new Date().toISOString(), finishedAt: null, message: null, files };
    this.jobs.set(job.id, job);
    if (this.jobs.size > maxJobs) this.jobs.delete(this.jobs.keys().next().value!);
    this.listing = null;
    if (this.ingestNow.running) this.ingestNow.queued = true;
    this.emit('job', job);
    this.options.ingest.run(reason).then(
      (outcome) => this.finishJob(job, outcome),
      (error: unknown) => this.finishJob(job, { code: null, failure: toAppError(error).message }),
    );
    return job;
  }

  private finishJob(job: KnowledgeBaseJob, outcome: IngestRunOutcome): void {
    job.finishedAt = new Date().toISOString();
    this.listing = null;
    if (outcome.code !== 0) {
      job.state = 'failed';
      job.message = this.failureText(outcome);
    } else {
      job.state = 'done';
      const snapshot = this.snapshot();
      job.files = job.files.map((file) => (file.status === 'refused' ? file : this.outcomeOf(job.kind, file, snapshot)));
    }
    this.emit('job', job);
  }

  /** What became of one file of a job in the live index. */
  private outcomeOf(kind: JobKind, file: FileResult, snapshot: IndexSnapshot | null): FileResult {
    const sourcePath = file.sourcePath!;
    const blank: FileResult = { ...file, status: 'pending', code: null, message: null, passages: 0, documents: [], duplicateOf: null, copies: [] };
    if (kind === 'delete') {
      const remaining = file.documents.filter((document) => snapshot?.document(document.docId)?.sourcePath === sourcePath);
      return remaining.length === 0 ? { ...blank, status: 'removed' } : { ...blank, status: 'indexed', documents: remaining, message: '仍在索引中' };
    }
    if (!snapshot) return { ...blank, message: '索引尚未建立' };
    const files = filesOf(snapshot);
    const documents = files.documents.get(sourcePath) ?? [];
    const problems = files.problems.get(sourcePath) ?? [];
    if (documents.length > 0) {
      const shown = kind === 'edit' && file.documents.length > 0 ? documents.filter((document) => file.documents.some((wanted) => wanted.docId === document.docId)) : documents;
      return {
        ...blank,
        status: 'indexed',
        passages: shown.reduce((sum, document) => sum + document.chunkCount, 0),
        documents: shown.map((document) => ({ docId: document.docId, title: label(document), college: document.college })),
        copies: shown.flatMap((document) => document.duplicates.map((copy) => ({ sourcePath: copy.sourcePath, title: copy.title || label(document) }))),
        // A .jsonl file can be partly ingested: its skipped lines are worth knowing.
        message: problems.length > 0 ? `${problems.length} 条内容被跳过：${problems[0]!.message}` : null,
      };
    }
    const into = files.folded.get(sourcePath);
    if (into) return { ...blank, status: 'duplicate', duplicateOf: { docId: into.docId, title: label(into), sourcePath: into.sourcePath } };
    if (problems.length > 0) return { ...blank, status: 'skipped', code: problems[0]!.reason, message: problems[0]!.message };
    if (!corpusFile(this.options.corpusDir, sourcePath)) return { ...blank, status: 'removed' };
    return { ...blank, message: '尚未导入' };
  }

  // ----------------------------------------------------------------------------------------------
  // Changes

  /** Why an upload cannot go into the corpus, or its safe file name. */
  private screen(file: StagedUpload): { name: string } | { code: string; message: string } {
    const named = safeFileName(file.originalName, supportedExtensions);
    if ('code' in named) return named;
    if (file.truncated) return { code: 'FILE_TOO_LARGE', message: `文件超过 ${megabytes(this.options.limits.maxFileBytes)} 的上限` };
    if (file.bytes === 0) return { code: 'FILE_EMPTY', message: '文件为空（0 字节）' };
    const head = Buffer.alloc(4);
    const fd = fs.openSync(file.stagedPath, 'r');
    try {
      fs.readSync(fd, head, 0, 4, 0);
    } finally {
      fs.closeSync(fd);
    }
    if (named.name.endsWith('.docx') || head.equals(zipMagic)) {
      try {
        this.options.checkArchive(fs.readFileSync(file.stagedPath));
      } catch (error) {
        const appError = toAppError(error, 'INPUT_UNREADABLE');
        return { code: appError.code, message: archiveRefusal(appError) };
      }
    }
    return named;
  }

  /**
   * Puts checked uploads into the corpus and starts their ingest. Refused files (too large,
   * empty, unsupported type, an archive that fails the check) are removed from staging and
   * reported with their code; the others are saved under a safe name of our making.
   */
  async upload(files: readonly StagedUpload[]): Promise<{ job: KnowledgeBaseJob | null; files: FileResult[] }> {
    const results = await this.exclusive(async () => {
      const results: FileResult[] = [];
      const records: UploadRecord[] = [];
      try {
        // Read first: a damaged overrides file refuses the upload before any file is placed.
        const overrides = files.some((file) => file.metadata) ? this.overrides() : null;
        for (const file of files) {
          const base: FileResult = { name: file.originalName, sourcePath: null, status: 'refused', code: null, message: null, passages: 0, documents: [], duplicateOf: null, copies: [] };
          const screened = this.screen(file);
          if ('code' in screened) {
            fs.rmSync(file.stagedPath, { force: true });
            results.push({ ...base, code: screened.code, message: screened.message });
            continue;
          }
          const sourcePath = placeStagedFile(file.stagedPath, this.options.corpusDir, screened.name);
          if (file.metadata && overrides) overrides.files[sourcePath] = file.metadata;
          records.push({ sourcePath, originalName: file.originalName, bytes: file.bytes, sha256: file.sha256, uploadedAt: new Date().toISOString() });
          results.push({ ...base, sourcePath, status: 'pending', message: '等待导入' });
        }
        if (overrides) writeOverrides(this.options.corpusDir, overrides);
      } finally {
        for (const file of files) fs.rmSync(file.stagedPath, { force: true });
      }
      for (const record of records) await this.recordUpload(record);
      return results;
    });
    const accepted = results.filter((file) => file.status !== 'refused');
    if (accepted.length === 0) return { job: null, files: results };
    const job = this.startJob('upload', results, `upload of ${accepted.length} file${accepted.length === 1 ? '' : 's'}`);
    return { job, files: results };
  }

  private async recordUpload(record: UploadRecord): Promise<void> {
    try {
      await this.options.store?.recordUpload(record);
    } catch (error) {
      // The file is in the corpus either way; only its "when added" falls back to the file's time.
      this.options.logger?.warn({ err: error, sourcePath: record.sourcePath }, 'could not record an upload');
    }
  }

  /** Corrects an article's metadata (a field set to null or '' goes back to what ingest extracts). */
  async correct(docId: string, change: Partial<Record<OverridableField, string | null>>): Promise<KnowledgeBaseJob> {
    const document = this.liveDocument(docId);
    await this.exclusive(() => {
      const overrides = this.overrides();
      const merged = mergeOverride(overrides.documents[docId], change);
      if (merged) overrides.documents[docId] = merged;
      else delete overrides.documents[docId];
      writeOverrides(this.options.corpusDir, overrides);
    });
    const file: FileResult = {
      name: label(document),
      sourcePath: document.sourcePath,
      status: 'pending',
      code: null,
      message: '等待导入',
      passages: 0,
      documents: [{ docId, title: label(document), college: document.college }],
      duplicateOf: null,
      copies: [],
    };
    return this.startJob('edit', [file], `metadata of ${docId} corrected`);
  }

  /**
   * Deletes an article and the copies folded into it (else a copy would take its place at the
   * next ingest): whole files move to the trash; an article of a .jsonl file is excluded.
   */
  async deleteDocument(docId: string): Promise<KnowledgeBaseJob> {
    const document = this.liveDocument(docId);
    const targets = [{ docId: document.docId, sourcePath: document.sourcePath, title: label(document), college: document.college }, ...document.duplicates.map((copy) => ({ ...copy, title: copy.title || copy.docId, college: document.college }))];
    const files = await this.exclusive(() => this.remove(targets));
    return this.startJob('delete', files, `${docId} deleted`);
  }

  /** Deletes a corpus file, whatever it holds (also one that was skipped or folded). */
  async deleteFile(sourcePath: string): Promise<KnowledgeBaseJob> {
    // The path is not echoed: it may name a place outside the corpus.
    if (!corpusFile(this.options.corpusDir, sourcePath)) throw new AppError('FILE_NOT_FOUND', '语料库中没有这个文件（路径须是语料库文件夹中文件的相对路径）');
    const documents = this.snapshot() ? (filesOf(this.snapshot()!).documents.get(sourcePath) ?? []) : [];
    const targets = documents.length > 0 ? documents.map((document) => ({ docId: document.docId, sourcePath, title: label(document), college: document.college })) : [{ docId: '', sourcePath, title: sourcePath, college: '' }];
    const files = await this.exclusive(() => this.remove(targets, true));
    return this.startJob('delete', files, `${sourcePath} deleted`);
  }

  private async remove(targets: { docId: string; sourcePath: string; title: string; college: string }[], wholeFile = false): Promise<FileResult[]> {
    const overrides = this.overrides();
    const removedFiles = new Set<string>();
    const results: FileResult[] = [];
    for (const target of targets) {
      if (!wholeFile && holdsManyArticles(target.sourcePath)) {
        if (!overrides.excluded.includes(target.docId)) overrides.excluded.push(target.docId);
      } else if (!removedFiles.has(target.sourcePath)) {
        const absolute = corpusFile(this.options.corpusDir, target.sourcePath);
        if (absolute) moveToTrash(this.options.corpusDir, absolute);
        removedFiles.add(target.sourcePath);
        delete overrides.files[target.sourcePath];
      }
      if (target.docId) delete overrides.documents[target.docId];
      results.push({
        name: target.title,
        sourcePath: target.sourcePath,
        status: 'pending',
        code: null,
        message: '等待导入',
        passages: 0,
        documents: target.docId ? [{ docId: target.docId, title: target.title, college: target.college }] : [],
        duplicateOf: null,
        copies: [],
      });
    }
    writeOverrides(this.options.corpusDir, overrides);
    if (removedFiles.size > 0) {
      try {
        await this.options.store?.forgetUploads([...removedFiles]);
      } catch (error) {
        this.options.logger?.warn({ err: error }, 'could not forget upload records');
      }
    }
    return results;
  }

  // ----------------------------------------------------------------------------------------------
  // The corpus table

  private async listFiles(): Promise<ListedFile[]> {
    if (this.listing && Date.now() - this.listing.at < listingTtlMs) return this.listing.files;
    const { files, unsupported } = await discoverCorpusFiles(this.options.corpusDir);
    const listed: ListedFile[] = [];
    for (const sourcePath of [...files, ...unsupported]) {
      const info = await fs.promises.stat(path.join(this.options.corpusDir, sourcePath)).catch(() => null);
      if (info) listed.push({ sourcePath, modifiedMs: info.mtimeMs });
    }
    this.listing = { at: Date.now(), files: listed };
    return listed;
  }

  /** Every row of the corpus table: the articles of the live index and the files it has no article for. */
  private async allRows(): Promise<CorpusRow[]> {
    const listed = await this.listFiles();
    const snapshot = this.snapshot();
    const files = snapshot ? filesOf(snapshot) : null;
    const uploads = new Map<string, UploadRecord>();
    try {
      for (const record of (await this.options.store?.uploads()) ?? []) uploads.set(record.sourcePath, record);
    } catch {
      // Without the records, "when added" is the file's own time.
    }
    let overrides: CorpusOverrides;
    try {
      overrides = this.overrides();
    } catch {
      overrides = { version: 1, files: {}, documents: {}, excluded: [] };
    }
    const rows: CorpusRow[] = [];
    const present = new Set<string>();
    for (const file of listed) {
      present.add(file.sourcePath);
      const upload = uploads.get(file.sourcePath);
      const base = {
        sourcePath: file.sourcePath,
        addedAt: upload?.uploadedAt ?? new Date(file.modifiedMs).toISOString(),
        addedBy: upload ? ('upload' as const) : ('folder' as const),
        originalName: upload && upload.originalName !== path.posix.basename(file.sourcePath) ? upload.originalName : null,
        reason: null,
        message: null,
        duplicateOf: null,
        duplicates: [],
      };
      const documents = files?.documents.get(file.sourcePath) ?? [];
      // Changed on disk after this generation was built: the next ingest will update it.
      const stale = files !== null && file.modifiedMs > files.builtMs;
      for (const document of documents) {
        const corrected = Object.keys({ ...overrides.files[file.sourcePath], ...overrides.documents[document.docId] });
        rows.push({
          ...base,
          key: document.docId,
          docId: document.docId,
          title: label(document),
          college: document.college,
          unit: document.unit,
          date: document.date,
          passages: document.chunkCount,
          status: stale ? 'updating' : 'indexed',
          duplicates: document.duplicates.map((copy) => ({ sourcePath: copy.sourcePath, title: copy.title })),
          corrected,
        });
      }
      if (documents.length > 0) continue;
      const row: CorpusRow = { ...base, key: `file:${file.sourcePath}`, docId: null, title: path.posix.basename(file.sourcePath), college: '', unit: '', date: '', passages: 0, status: 'pending', corrected: [] };
      const into = files?.folded.get(file.sourcePath);
      const problem = files?.problems.get(file.sourcePath)?.[0];
      if (into && !stale) Object.assign(row, { status: 'duplicate', duplicateOf: { docId: into.docId, title: label(into) }, title: label(into), college: into.college, unit: into.unit, date: into.date });
      else if (problem && !stale) Object.assign(row, { status: 'skipped', reason: problem.reason, message: problem.message });
      rows.push(row);
    }
    // Articles whose file is gone: the next ingest removes them.
    for (const [sourcePath, documents] of files?.documents ?? []) {
      if (present.has(sourcePath)) continue;
      for (const document of documents) {
        if (overrides.excluded.includes(document.docId)) continue;
        rows.push({
          key: document.docId,
          sourcePath,
          docId: document.docId,
          title: label(document),
          college: document.college,
          unit: document.unit,
          date: document.date,
          passages: document.chunkCount,
          addedAt: null,
          addedBy: 'folder',
          originalName: null,
          status: 'removing',
          reason: null,
          message: null,
          duplicateOf: null,
          duplicates: [],
          corrected: [],
        });
      }
    }
    // Articles excluded from a .jsonl file but still in the live index are on their way out too.
    if (snapshot) for (const row of rows) if (row.docId && overrides.excluded.includes(row.docId)) row.status = 'removing';
    return rows;
  }

  /**
   * One page of the corpus table: filtered by college, year, status and words in the file name,
   * title or unit; or searched by the articles' full text (BM25 over the live index), best first.
   */
  async rows(query: CorpusQuery): Promise<CorpusPage> {
    const all = await this.allRows();
    const snapshot = this.snapshot();
    const statuses: Record<CorpusRowStatus, number> = { indexed: 0, updating: 0, pending: 0, duplicate: 0, skipped: 0, removing: 0 };
    const colleges = new Map<string, number>();
    const years = new Set<string>();
    for (const row of all) {
      statuses[row.status]++;
      if (row.college && row.docId) colleges.set(row.college, (colleges.get(row.college) ?? 0) + 1);
      if (/^\d{4}/.test(row.date)) years.add(row.date.slice(0, 4));
    }
    let rows = all;
    if (query.text && snapshot) rows = await fullTextMatches(snapshot, query.text, rows);
    else if (query.text) rows = [];
    const words = query.q?.toLowerCase();
    rows = rows.filter(
      (row) =>
        (!query.college || row.college === query.college) &&
        (!query.year || row.date.startsWith(query.year)) &&
        (!query.status || row.status === query.status) &&
        (!words || [row.title, row.unit, row.college, row.sourcePath, row.originalName ?? ''].some((field) => field.toLowerCase().includes(words))),
    );
    const sort = query.sort ?? (query.text ? 'relevance' : 'addedAt');
    const direction = query.order ?? (sort === 'relevance' || sort === 'addedAt' || sort === 'date' || sort === 'passages' ? 'desc' : 'asc');
    const sign = direction === 'asc' ? 1 : -1;
    const key = (row: CorpusRow): string | number => (sort === 'relevance' ? (row.score ?? 0) : sort === 'passages' ? row.passages : (row[sort] ?? ''));
    rows = [...rows].sort((left, right) => {
      const a = key(left);
      const b = key(right);
      const order = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'zh');
      return sign * order || left.sourcePath.localeCompare(right.sourcePath) || left.key.localeCompare(right.key);
    });
    return {
      total: rows.length,
      offset: query.offset,
      rows: rows.slice(query.offset, query.offset + query.limit),
      facets: {
        colleges: [...colleges.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh')).map(([college]) => college),
        years: [...years].sort().reverse(),
        statuses,
      },
      index: snapshot ? { builtAt: snapshot.builtAt, documents: snapshot.documents.length, passages: snapshot.chunkCount } : null,
    };
  }
}

export type CorpusSort = 'relevance' | 'addedAt' | 'title' | 'college' | 'unit' | 'date' | 'passages' | 'sourcePath' | 'status';

export interface CorpusQuery {
  q?: string | undefined;
  text?: string | undefined;
  college?: string | undefined;
  year?: string | undefined;
  status?: CorpusRowStatus | undefined;
  sort?: CorpusSort | undefined;
  order?: 'asc' | 'desc' | undefined;
  offset: number;
  limit: number;
}

/** Most passages a full-text search ranks; articles are ranked by their best passage among them. */
const fullTextPassages = 2_000;

/** The rows whose article's text matches `text`, with a relevance score and a snippet around the words. */
async function fullTextMatches(snapshot: IndexSnapshot, typed: string, rows: readonly CorpusRow[]): Promise<CorpusRow[]> {
  // Words typed in traditional characters find the simplified articles, their snippets marked.
  const text = toSimplified(typed);
  const analyzed = analyzeQuery(text);
  const best = new Map<string, { score: number; chunk: number }>();
  for (const hit of await snapshot.lexicalSearch(analyzed, fullTextPassages, undefined)) {
    const docId = snapshot.chunkDocument(hit.chunk).docId;
    if (!best.has(docId)) best.set(docId, { score: hit.score, chunk: hit.chunk });
  }
  const words = [...new Set([text.trim(), ...analyzed.words])].filter((word) => word.length > 0).sort((a, b) => b.length - a.length);
  const shown = rows.filter((row) => row.docId && best.has(row.docId));
  // The PostgreSQL backend reads texts from the database: the snippets' documents, in one go.
  await snapshot.preloadTexts(shown.map((row) => snapshot.chunkDocument(best.get(row.docId!)!.chunk)));
  const matches: CorpusRow[] = [];
  for (const row of shown) {
    const found = row.docId ? best.get(row.docId) : undefined;
    if (!found || !row.docId) continue;
    matches.push({ ...row, score: Number(found.score.toFixed(4)), snippet: snippetOf(snapshot.chunk(found.chunk).text, words) });
  }
  return matches;
}

/** About 120 characters of a passage around the first of `words` it contains (longest words first). */
export function snippetOf(passage: string, words: readonly string[]): string {
  const flat = passage.replace(/\s+/g, ' ');
  let at = -1;
  for (const word of words) {
    at = flat.indexOf(word);
    if (at >= 0) break;
  }
  const start = Math.max(0, (at < 0 ? 0 : at) - 40);
  const end = Math.min(flat.length, start + 120);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}

/** Why an uploaded archive was refused, in the page's language: the rule it broke, with its figures. */
function archiveRefusal(error: AppError): string {
  if (error.code !== 'ARCHIVE_REFUSED') return error.status < 500 ? errorCodes[error.code].message : '压缩文件检查失败';
  const details = error.details ?? {};
  const entry = typeof details.entry === 'string' ? details.entry : '';
  const why: Record<string, string> = {
    ratio: `${entry} 的压缩比约 ${Math.round(Number(details.actual ?? 0))}:1，上限 ${String(details.limit)}:1`,
    size: `解压后超过 ${Math.round(Number(details.limit ?? 0) / 1024 / 1024)} MB 的上限`,
    entries: `含 ${String(details.actual)} 个条目，上限 ${String(details.limit)} 个`,
    inflation: `${entry} 解压后超过其声明的大小`,
  };
  const detail = why[String(details.rule)];
  return detail ? `${errorCodes.ARCHIVE_REFUSED.message}（${detail}）` : errorCodes.ARCHIVE_REFUSED.message;
}

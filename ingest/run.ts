/**
 * Runs an ingest for a person at a terminal (the CLI and `npm start`): a progress bar on a TTY,
 * plain progress lines otherwise, and a final summary.
 */
import cliProgress from 'cli-progress';
import type { Embedder } from '../core/embedding/embedder.ts';
import { ingestCorpus, type IngestOptions, type IngestProgress, type IngestSummary } from './pipeline.ts';

export interface RunIngestOptions extends Omit<IngestOptions, 'onProgress'> {
  /** Where progress and the summary go (stderr for the CLI). */
  output: NodeJS.WritableStream & { isTTY?: boolean };
  embedder: Embedder | null;
  /** Also given every progress report as it is (the server shows them on the page). */
  report?: ((progress: IngestProgress) => void) | undefined;
}

/** What an ingest started by the server tells it over IPC: the file it is about to read, its progress, or why it failed. */
export type IngestChildMessage = { type: 'reading'; file: string } | { type: 'failed'; message: string } | { type: 'progress'; progress: IngestProgress };

const megabyte = 1024 * 1024;

function formatBytes(bytes: number): string {
  return bytes >= megabyte ? `${(bytes / megabyte).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** A human summary of an ingest: what was read, skipped (with reasons), indexed, and how long it took. */
export function formatSummary(summary: IngestSummary): string {
  const seconds = summary.milliseconds / 1000;
  const lines = [
    `Ingest finished in ${seconds.toFixed(1)} s → ${summary.generationDir}`,
    `  files: ${summary.files}, articles read: ${summary.articlesRead}`,
    `  documents indexed: ${summary.documents} (new ${summary.changes.added}, changed ${summary.changes.changed}, unchanged ${summary.changes.unchanged}, removed ${summary.changes.removed})`,
    `  near-duplicates folded: ${summary.duplicates}`,
    `  passages: ${summary.chunks} (${seconds > 0 ? Math.round(summary.chunks / seconds) : summary.chunks}/s)`,
    summary.embeddingModel
      ? `  vectors: ${summary.embeddingModel}, embedded ${summary.embedded}, reused ${summary.reused}`
      : '  vectors: none (no embedding model: search is lexical only)',
    `  skipped: ${summary.skipped}`,
  ];
  for (const problem of summary.problems.slice(0, 50)) lines.push(`    - [${problem.reason}] ${problem.message}`);
  if (summary.problems.length > 50) lines.push(`    … and ${summary.problems.length - 50} more (see manifest.json)`);
  return lines.join('\n');
}

/** Runs the pipeline with progress output; returns the summary (also printed). */
export async function runIngest(options: RunIngestOptions): Promise<IngestSummary> {
  const { output } = options;
  let bar: cliProgress.SingleBar | null = null;
  let lastLine = 0;
  const onProgress = (progress: IngestProgress): void => {
    options.report?.(progress);
    if (progress.phase === 'read') {
      if (output.isTTY) {
        if (!bar) {
          bar = new cliProgress.SingleBar(
            {
              stream: output,
              format: '  ingest [{bar}] {percentage}% | {done}/{size} | {documents} documents, {chunks} passages | eta {eta_formatted}',
              hideCursor: true,
              etaBuffer: 50,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(progress.bytesTotal, 0, { done: '0 KB', size: formatBytes(progress.bytesTotal), documents: 0, chunks: 0 });
        }
        bar.update(progress.bytesDone, { done: formatBytes(progress.bytesDone), size: formatBytes(progress.bytesTotal), documents: progress.documents, chunks: progress.chunks });
      } else if (Date.now() - lastLine > 5000) {
        lastLine = Date.now();
        output.write(`  ingest: ${formatBytes(progress.bytesDone)} of ${formatBytes(progress.bytesTotal)}, ${progress.documents} documents, ${progress.chunks} passages\n`);
      }
    } else if (progress.phase === 'index') {
      (bar as cliProgress.SingleBar | null)?.stop();
      bar = null;
      output.write(`  building the search indexes over ${progress.chunks} passages…\n`);
    }
  };
  try {
    const summary = await ingestCorpus({ ...options, onProgress });
    output.write(`${formatSummary(summary)}\n`);
    return summary;
  } finally {
    (bar as cliProgress.SingleBar | null)?.stop();
  }
}

/**
 * `npm run eval:practices -- [--verbose] [--split tune|heldout|all] [--heldout]`
 * Runs the product's practice extraction (prepareArticle, then extractPractices) over the annotated
 * set (eval/practices/annotations.json; crud-news articles are read from ../shared/bench) and prints,
 * for the seed articles and for each split: precision and recall of names, category accuracy, and
 * how often the first comparable practice (at another college or organisation) shares the category.
 * `--verbose` lists every miss and every extra of the chosen split; the held-out figures are printed
 * only with `--heldout` (so that tuning does not look at them). The last line is JSON.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { SourceArticle } from '../../core/documents.ts';
import { PracticeCatalog } from '../../core/practices/catalog.ts';
import { practiceRecords, type PracticeRecord } from '../../core/practices/record.ts';
import { parseNewsLine } from '../../bench/crud-news.ts';
import { prepareArticle, type PreparedDocument } from '../../ingest/prepare.ts';
import { addScore, emptyTotals, rates, scoreArticle, strictKey, type GoldPractice, type Totals } from './score.ts';

interface ComparableTotals {
  /** Matched practices that have a first comparable practice. */
  withComparable: number;
  /** …whose first comparable is matched to a gold practice too. */
  judged: number;
  /** …of the same gold category. */
  sameCategory: number;
}

interface AnnotatedArticle {
  source: string;
  split: 'tune' | 'heldout';
  practices: GoldPractice[];
}

const root = path.resolve(import.meta.dirname, '..', '..');
const shared = path.resolve(root, '..', 'shared');

function readSource(source: string): SourceArticle {
  if (source.startsWith('corpus/')) {
    const file = path.join(root, source);
    return { docId: source, sourcePath: source, format: 'txt', text: fs.readFileSync(file, 'utf8'), given: {} };
  }
  const match = /^crud-news\/(.+):(\d+)$/.exec(source);
  if (!match) throw new Error(`unknown source ${source}`);
  const file = path.join(shared, 'bench', 'crud-news', match[1]!);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: the crud-news articles of the annotated set are read from ../shared/bench`);
  const line = fs.readFileSync(file, 'utf8').split('\n')[Number(match[2]) - 1] ?? '';
  const article = parseNewsLine(line, `${match[1]}:${match[2]}`);
  if (!article) throw new Error(`${source} is empty`);
  return { docId: source, sourcePath: source, format: 'jsonl', text: article.text, given: { date: article.date } };
}

function main(): void {
  const { values } = parseArgs({ options: { verbose: { type: 'boolean', default: false }, split: { type: 'string', default: 'tune' }, heldout: { type: 'boolean', default: false } } });
  const annotations = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'annotations.json'), 'utf8')) as AnnotatedArticle[];
  const groups: Record<string, Totals> = { seeds: emptyTotals(), tune: emptyTotals(), heldout: emptyTotals() };
  const strict: Record<string, Totals> = { seeds: emptyTotals(), tune: emptyTotals(), heldout: emptyTotals() };
  const comparables: Record<string, ComparableTotals> = { seeds: { withComparable: 0, judged: 0, sameCategory: 0 }, tune: { withComparable: 0, judged: 0, sameCategory: 0 }, heldout: { withComparable: 0, judged: 0, sameCategory: 0 } };
  const allRecords: PracticeRecord[] = [];
  /** Gold category of every extracted practice that matched one, and the groups its article counts in. */
  const goldOf = new Map<string, { category: string; groups: string[] }>();
  const started = performance.now();
  for (const article of annotations) {
    const document = prepareArticle(readSource(article.source), { size: 500, overlap: 80 }) as PreparedDocument;
    const practices = practiceRecords(document);
    allRecords.push(...practices);
    const score = scoreArticle(
      practices.map((practice) => ({ name: practice.name.text, category: practice.category, id: practice.id })),
      article.practices,
    );
    const articleGroups = [article.split, ...(article.source.startsWith('corpus/') ? ['seeds'] : [])];
    const strictScore = scoreArticle(
      practices.map((practice) => ({ name: practice.name.text, category: practice.category })),
      article.practices,
      strictKey,
    );
    for (const group of articleGroups) addScore(strict[group]!, strictScore);
    for (const pair of score.truePositives) goldOf.set((pair.predicted as { id: string }).id, { category: pair.gold.category, groups: articleGroups });
    if (article.source.startsWith('corpus/')) addScore(groups.seeds!, score);
    addScore(groups[article.split]!, score);
    if (values.verbose && (values.split === 'all' || values.split === article.split)) {
      const lines = [`== ${article.source} (${article.split})`];
      for (const miss of score.falseNegatives) lines.push(`  MISS  ${miss.name}`);
      for (const extra of score.falsePositives) lines.push(`  EXTRA ${extra.name}`);
      for (const pair of score.truePositives) if (pair.predicted.category !== pair.gold.category) lines.push(`  CAT   ${pair.predicted.name}: ${pair.predicted.category} ≠ ${pair.gold.category}`);
      if (lines.length > 1) process.stdout.write(`${lines.join('\n')}\n`);
    }
  }
  // The first comparable practice of every matched practice, over the catalog of all annotated articles.
  const catalog = new PracticeCatalog(allRecords);
  for (const [id, gold] of goldOf) {
    const first = catalog.comparable(id, 1)[0];
    if (!first) continue;
    const other = goldOf.get(first.record.id);
    for (const group of gold.groups) {
      const totals = comparables[group]!;
      totals.withComparable++;
      if (!other) continue;
      totals.judged++;
      if (other.category === gold.category) totals.sameCategory++;
    }
  }
  const summary: Record<string, unknown> = { milliseconds: Math.round(performance.now() - started) };
  for (const [name, totals] of Object.entries(groups)) {
    // While tuning, the held-out figures stay hidden: --heldout shows them.
    if (name === 'heldout' && !values.heldout) continue;
    const rate = rates(totals);
    const comparable = comparables[name]!;
    const firstComparableSameCategory = comparable.judged === 0 ? 0 : comparable.sameCategory / comparable.judged;
    const strictRate = rates(strict[name]!);
    summary[name] = { ...totals, ...rate, comparable: { ...comparable, firstComparableSameCategory }, strict: { ...strict[name], ...strictRate } };
    process.stdout.write(
      `${name.padEnd(8)} articles ${String(totals.articles).padStart(2)}  gold ${String(totals.gold).padStart(3)}  predicted ${String(totals.predicted).padStart(3)}  ` +
        `precision ${rate.precision.toFixed(3)}  recall ${rate.recall.toFixed(3)}  F1 ${rate.f1.toFixed(3)}  category ${rate.categoryAccuracy.toFixed(3)}  ` +
        `first comparable same category ${firstComparableSameCategory.toFixed(3)} (${comparable.sameCategory}/${comparable.judged})\n` +
        `${''.padEnd(8)} issue's rule (only 工程/制/模式 dropped): precision ${strictRate.precision.toFixed(3)}  recall ${strictRate.recall.toFixed(3)}\n`,
    );
  }
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main();

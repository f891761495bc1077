/**
 * `npm run eval` (eval/cli.ts as a child process): on a small BEIR folder it ingests, searches and
 * prints the metrics and a JSON line; without a dataset folder it stops with one line that names
 * the folder asked for and the public sets `../shared` holds.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDirs, repoRoot, writeFiles } from '../helpers/corpus.ts';

afterAll(removeTempDirs);

async function runEval(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'eval/cli.ts', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout: string; stderr: string };
    return { code: failed.code ?? -1, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run eval', () => {
  it('scores a BEIR folder with the product pipeline (lexical only)', async () => {
    const dataset = makeTempDir('beir');
    const documents = [
      { _id: 'wind', title: '红色风能工程', text: '湖南电气职业技术学院风能工程学院教工党支部实施“红色风能”工程，推动党建与业务深度融合。' },
      { _id: 'mould', title: '模具产业链党建', text: '台州科技职业学院机电与模具工程学院党总支服务黄岩区模具产业链，党员教师攻克技术难题。' },
      { _id: 'history', title: '党史学习教育', text: '嘉兴职业技术学院党委依托红船精神开展党史学习教育，打造新时代党建高地。' },
    ];
    writeFiles(dataset, {
      'corpus.jsonl': documents.map((document) => JSON.stringify(document)).join('\n'),
      'queries.jsonl': [JSON.stringify({ _id: 'q1', text: '红色风能工程是哪个党支部实施的？' }), JSON.stringify({ _id: 'q2', text: '模具产业链' })].join('\n'),
      'qrels/test.tsv': 'query-id\tcorpus-id\tscore\nq1\twind\t1\nq2\tmould\t1\n',
    });
    const result = await runEval(['--dataset', dataset, '--lexical-only']);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^nDCG@10 1 {2}Recall@10 1 {2}MRR@10 1 {2}\(2 queries, lexical\)$/);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ queries: 2, documents: 3, mode: 'lexical', 'ndcg@10': 1 });
  });

  it('stops with one line naming the missing folder and what ../shared holds', async () => {
    const missing = path.join(makeTempDir('no-dataset'), 'shared', 'bench', 'ncp-policies', 'derived_beir');
    for (const args of [['--dataset', missing], []]) {
      const result = await runEval(args);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trim().split('\n');
      expect(lines, result.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(args.length > 0 ? `no dataset folder at ${missing}` : /^usage: npm run eval -- --dataset DIR/);
      expect(lines[0]).toContain('../shared beside the repository');
      for (const name of ['ncp-policies/derived_beir', 'domainrag/derived_beir', 'crud-news']) expect(lines[0]).toContain(name);
    }
  });
});

/**
 * Load (short form, loopback only, stops by itself): ~100 concurrent websocket sessions against
 * the real server (a child process) ask questions in all three modes for a warm-up and two rounds,
 * reconnecting every few questions. No errors, no lost or interleaved messages (every question
 * gets exactly one answer-end, in protocol order), and the server's heap after a forced GC does
 * not grow from round to round. The long form is `npm run load` (scripts/load-test.ts).
 */
import { describe, expect, it } from 'vitest';
import { runLoad } from '../../scripts/load-test.ts';

const sessions = Number(process.env.LOAD_SESSIONS ?? 100);
const durationSeconds = Number(process.env.LOAD_DURATION_S ?? 5);

describe('load', () => {
  it(`${sessions} concurrent sessions: every question answered once, in order, and memory flat`, { timeout: 120_000 + durationSeconds * 2 * 1000 }, async () => {
    const report = await runLoad({ sessions, durationSeconds, rounds: 2, warmupSeconds: 2, questionsPerConnection: 5 });
    const summary = report.rounds.map(
      (round) =>
        `${round.name}: ${round.answers} answers (${round.questionsPerSecond}/s), first token p50/p95/p99 ${round.firstTokenMs.p50}/${round.firstTokenMs.p95}/${round.firstTokenMs.p99} ms, end p95 ${round.answerEndMs.p95} ms`,
    );
    const heap = [report.memory.afterWarmup, ...report.memory.afterRounds].map((sample) => (sample.heapUsed / 1e6).toFixed(1)).join(' → ');
    console.info(`${summary.join('\n')}\nheap after GC (MB): ${heap}`);

    // Errors, lost or disordered messages, and heap growth past runLoad's allowance (1.5 MB or 5%,
    // against a few hundred KB of noise after a forced GC) are all problems.
    expect(report.problems).toEqual([]);
    for (const round of report.rounds) {
      expect(round.errors, round.name).toEqual({});
      expect(round.lost, round.name).toBe(0);
      expect(round.violations, round.name).toEqual([]);
      expect(round.answers, round.name).toBe(round.questions);
      expect(round.answers, round.name).toBeGreaterThan(0);
    }
    // How many answers a round gets depends on the machine (that is the bench's to measure); over
    // all rounds, the questions without an answer in the corpus were answered as such.
    const total = (count: (round: (typeof report.rounds)[number]) => number): number => report.rounds.reduce((sum, round) => sum + count(round), 0);
    expect(total((round) => round.notFound)).toBeGreaterThan(0);
    expect(total((round) => round.notFound)).toBeLessThan(total((round) => round.answers));
  });
});

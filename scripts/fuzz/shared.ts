/** What every part of the fuzzer shares: the server's limits, failures, and the leak check. */
import fc from 'fast-check';

/** The limits the server runs with (the generators aim just past them). */
export interface FuzzLimits {
  maxMessageBytes: number;
  maxQuestionLength: number;
  maxHistoryTurns: number;
}

/** A failed check: which part, what was sent (shrunk to a minimal case by fast-check), and what was wrong. */
export interface FuzzFailure {
  surface: 'ws' | 'http' | 'model' | 'corpus' | 'slow-body';
  kind: string;
  input: string;
  problem: string;
}

export const validQuestion = '湖南电气职业技术学院风能工程学院教工党支部实施了哪些工程？';

const leakPatterns = [/\n\s+at /, /\bat [\w.<>]+ \(/, /\.ts:\d+/, /node_modules/, /"stack"/, /root:x:0:0/, /"name":\s*"party-building-qa"/];

/** Why `text` leaks something (a stack, a server path, a secret), or null. */
export function leaks(text: string, secrets: readonly string[]): string | null {
  for (const pattern of leakPatterns) if (pattern.test(text)) return `matches ${pattern}`;
  for (const secret of secrets) if (secret && text.includes(secret)) return `contains ${secret}`;
  return null;
}

/** A short description of sent data for a report. */
export function describeInput(data: string | Buffer): string {
  const text = typeof data === 'string' ? data : `<${data.length} bytes> ${data.subarray(0, 60).toString('hex')}`;
  return text.length > 160 ? `${text.slice(0, 160)}… (${Buffer.byteLength(text)} bytes)` : text;
}

/** `length` characters from `alphabet`, chosen by a small PRNG from `seed` (big inputs without big shrink trees). */
export function seededText(length: number, seed: number, alphabet = 'abcdefghijklmnopqrstuvwxyz党建引领支部工程学院红色'): string {
  let state = seed >>> 0;
  let out = '';
  for (let index = 0; index < length; index++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out += alphabet[(state >>> 8) % alphabet.length];
  }
  return out;
}

/** Text of `min`–`max` characters from `alphabet`. */
export function textOf(alphabet: string, min: number, max: number): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...alphabet), minLength: min, maxLength: max });
}

/**
 * Runs `check` on `runs` inputs: `examples` first (cases a short run must always cover), then
 * inputs from `arbitrary` (seeded: the same seed gives the same inputs). On a failure fast-check
 * shrinks the input to a minimal one that still fails; that one is reported. `check` returns null
 * when the input was handled correctly, else what was wrong.
 */
export async function fuzzProperty<T>(
  surface: FuzzFailure['surface'],
  arbitrary: fc.Arbitrary<T>,
  runs: number,
  seed: number,
  check: (input: T) => Promise<string | null>,
  describe: (input: T) => { kind: string; input: string },
  examples: readonly T[] = [],
): Promise<{ runs: number; failures: FuzzFailure[] }> {
  if (runs <= 0) return { runs: 0, failures: [] };
  let first: { input: T; problem: string } | undefined;
  const result = await fc.check(
    fc.asyncProperty(arbitrary, async (input) => {
      const problem = await check(input);
      if (problem === null) return;
      first ??= { input, problem };
      throw new Error(problem);
    }),
    { numRuns: runs, seed, examples: examples.slice(0, runs).map((example): [T] => [example]) },
  );
  if (!result.failed) return { runs: result.numRuns, failures: [] };
  const counterexample = result.counterexample?.[0];
  const problem = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
  const described = counterexample === undefined ? { kind: 'unknown', input: '' } : describe(counterexample);
  const failures: FuzzFailure[] = [{ surface, ...described, problem: `${problem} (seed ${seed}, path ${result.counterexamplePath}, shrunk ${result.numShrinks} times)` }];
  // A failure that breaks the server for every later input shrinks to nothing useful: the input that broke it first is reported too.
  if (first && counterexample !== first.input) failures.push({ surface, ...describe(first.input), problem: `first failing input, before shrinking: ${first.problem}` });
  return { runs: result.numRuns, failures };
}

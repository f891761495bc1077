/**
 * Citation markers in generated text: `cleanCitationMarkers` keeps and normalises markers that
 * point at a source and removes the others; `StreamingCitationFilter` does the same on a stream
 * of deltas, wherever the deltas split a marker, without ever showing a bad marker.
 */
import vm from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StreamingCitationFilter, citedNumbers, cleanCitationMarkers } from '../../core/answer/citations.ts';

const six = new Set([1, 2, 3, 4, 5, 6]);

describe('cleanCitationMarkers', () => {
  const cases: [string, string, number[]][] = [
    ['结论[1]。', '结论[1]。', [1]],
    ['结论[9]。', '结论。', []],
    ['结论[0]。', '结论。', []],
    ['结论[1,2]。', '结论[1][2]。', [1, 2]],
    ['结论[1, 2]。', '结论[1][2]。', [1, 2]],
    ['结论[1，3、5]。', '结论[1][3][5]。', [1, 3, 5]],
    ['结论[2-4]。', '结论[2][3][4]。', [2, 3, 4]],
    ['结论[5–9]。', '结论[5][6]。', [5, 6]],
    ['结论[1-999]。', '结论[1][2][3][4][5][6]。', [1, 2, 3, 4, 5, 6]],
    ['结论【1】。', '结论[1]。', [1]],
    ['结论［2］。', '结论[2]。', [2]],
    ['结论【资料3】。', '结论[3]。', [3]],
    ['结论【资料12】。', '结论。', []],
    ['结论[来源4]。', '结论[4]。', [4]],
    ['结论［来源1，来源2］。', '结论[1][2]。', [1, 2]],
    ['结论[出处6]。', '结论[6]。', [6]],
    ['结论[Source 2]。', '结论[2]。', [2]],
    ['结论[1,9]。', '结论[1]。', [1]],
    ['结论[ 3 ]。', '结论[3]。', [3]],
    ['先[3]，再[1][3]，又[3]。', '先[3]，再[1][3]，又[3]。', [3, 1]],
    // Brackets that are not markers stay as they are.
    ['见[注]与【未找到】及[a1]。', '见[注]与【未找到】及[a1]。', []],
    ['数组[1.5]不是标记。', '数组[1.5]不是标记。', []],
  ];
  for (const [input, output, cited] of cases) {
    it(`${input} → ${output}`, () => {
      expect(cleanCitationMarkers(input, six)).toEqual({ text: output, cited });
    });
  }

  it('keeps nothing when no source is valid', () => {
    expect(cleanCitationMarkers('甲[1]乙【2】丙', new Set())).toEqual({ text: '甲乙丙', cited: [] });
  });
});

describe('citedNumbers', () => {
  it('lists the [n] of a clean text in order of first use', () => {
    expect(citedNumbers('甲[2]乙[1][2]丙[10]')).toEqual([2, 1, 10]);
    expect(citedNumbers('没有标记')).toEqual([]);
  });
});

/** Feeds `pieces` through a filter; returns every output and their concatenation. */
function feed(pieces: readonly string[], valid: ReadonlySet<number> = six): { outputs: string[]; text: string } {
  const filter = new StreamingCitationFilter(valid);
  const outputs = pieces.map((piece) => filter.push(piece));
  outputs.push(filter.flush());
  return { outputs, text: outputs.join('') };
}

describe('StreamingCitationFilter', () => {
  const texts = [
    '根据资料，结论一[1]。另有说法[9]。再有【资料12】。综合[1,2]与【1】及［来源2］。',
    '该支部实施了“四个一”工程[1-3]，见[注]与【未找到】，还有[10]与[2–7]。',
    '多条来源：［来源1，来源2，来源3，来源4，来源5，来源6］；又见[1, 2, 3, 4, 5, 6, 7, 8, 9]；再见[资料1, 资料2, 资料3, 资料9]。',
    '结尾是一个未闭合的标记[3',
    '开头就是标记[2]，中间是方括号[甲乙]，最后[',
  ];

  for (const text of texts) {
    const whole = cleanCitationMarkers(text, six).text;

    it(`gives the same text as the whole, split at every position: ${text.slice(0, 20)}…`, () => {
      const characters = [...text];
      expect(feed([text]).text).toBe(whole);
      for (let at = 0; at <= characters.length; at++) {
        const pieces = [characters.slice(0, at).join(''), characters.slice(at).join('')];
        expect(feed(pieces).text, `split at ${at}`).toBe(whole);
      }
    });

    it(`gives the same text fed one character at a time, and never shows more than the final text: ${text.slice(0, 20)}…`, () => {
      const { outputs, text: streamed } = feed([...text]);
      expect(streamed).toBe(whole);
      // Everything shown so far is a prefix of the final text: a bad marker never appears, even briefly.
      let shown = '';
      for (const output of outputs) {
        shown += output;
        expect(whole.startsWith(shown), `shown so far: ${shown}`).toBe(true);
      }
    });

    it(`gives the same text split at every pair of positions: ${text.slice(0, 20)}…`, () => {
      const characters = [...text];
      for (let first = 0; first <= characters.length; first++) {
        for (let second = first; second <= characters.length; second += 3) {
          const pieces = [characters.slice(0, first), characters.slice(first, second), characters.slice(second)].map((part) => part.join(''));
          let shown = '';
          const filter = new StreamingCitationFilter(six);
          for (const piece of pieces) {
            shown += filter.push(piece);
            expect(whole.startsWith(shown), `split at ${first}/${second}, shown: ${shown}`).toBe(true);
          }
          shown += filter.flush();
          expect(shown, `split at ${first}/${second}`).toBe(whole);
        }
      }
    });
  }

  it('holds up on random texts split at random places (seeded)', () => {
    let seed = 20240601;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const parts = ['党建引领', '，', '。', '[1]', '[9]', '【2】', '【资料12】', '［来源3］', '[1,2]', '[2-8]', '[注]', '【未找到】', '[', '】', '[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]', '［来源1，来源2，来源3，来源4，来源5，来源6，来源7］', 'source', '[source 5]', '12'];
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 4 + Math.floor(random() * 12) }, () => pick(parts)).join('');
      const whole = cleanCitationMarkers(text, six).text;
      const characters = [...text];
      const pieces: string[] = [];
      for (let at = 0; at < characters.length; ) {
        const size = 1 + Math.floor(random() * 6);
        pieces.push(characters.slice(at, at + size).join(''));
        at += size;
      }
      let shown = '';
      const filter = new StreamingCitationFilter(six);
      for (const piece of pieces) {
        shown += filter.push(piece);
        expect(whole.startsWith(shown), `${JSON.stringify(pieces)} showed ${shown}`).toBe(true);
      }
      shown += filter.flush();
      expect(shown, JSON.stringify(pieces)).toBe(whole);
    }
  });

  it('passes plain text through at once, and holds only what may be a marker', () => {
    const filter = new StreamingCitationFilter(six);
    expect(filter.push('党建引领')).toBe('党建引领');
    expect(filter.push('发展[')).toBe('发展');
    expect(filter.push('1')).toBe('');
    expect(filter.push(']。')).toBe('[1]。');
    expect(filter.push('又[9')).toBe('又');
    expect(filter.push(']')).toBe('');
    expect(filter.flush()).toBe('');
  });
});

/**
 * Runs `task`, interrupting it after `ms` (a regex that backtracks exponentially never returns on
 * its own, and would hang the test run instead of failing it).
 */
function finishes<T>(task: () => T, ms = 5_000): T {
  return vm.runInNewContext('task()', { task }, { timeout: ms }) as T;
}

describe('text a model may send that is nearly a marker', () => {
  const list = (count: number, separator = ', ') => Array.from({ length: count }, (_, index) => index + 1).join(separator);

  it('a list of 60 numbers that never closes is text, cleaned in linear time (it used to backtrack for ever)', () => {
    for (const text of [`参见[${list(60)} 等资料。`, `参见【来源${list(60, '，来源')}`, `参见[ ${list(60, ' , ')}`, `[${' '.repeat(100_000)}x`, `[来源${' '.repeat(100_000)}`]) {
      expect(finishes(() => cleanCitationMarkers(text, six))).toEqual({ text, cited: [] });
    }
  });

  it('a list longer than any marker is shown as written, closed or not, and the stream holds back at most 200 characters of it', () => {
    const closed = `见[${list(100)}]。`;
    expect(cleanCitationMarkers(closed, six)).toEqual({ text: closed, cited: [] });
    const filter = new StreamingCitationFilter(six);
    let sent = '见[';
    let shown = filter.push(sent);
    for (let index = 1; index <= 2_000; index++) {
      sent += `${index}, `;
      shown += filter.push(`${index}, `);
      expect(sent.length - shown.length).toBeLessThanOrEqual(200);
    }
    expect(shown + filter.flush()).toBe(sent);
  });

  it('streams exactly what cleaning the whole gives, wherever the deltas split, for any mix of markers, lists and spaces', () => {
    const fragment = fc.oneof(
      fc.constantFrom('党建引领', '。', '[', '【', '］', ']', '来源', ' ', '  ', ',', '、', '-'),
      fc.integer({ min: 0, max: 12 }).map(String),
      fc.record({ numbers: fc.array(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 120 }), separator: fc.constantFrom(',', ', ', '，来源', ' 、 '), closed: fc.boolean() })
        .map(({ numbers, separator, closed }) => `[${numbers.join(separator)}${closed ? ']' : ''}`),
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 30 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 50 }), (fragments, sizes) => {
        const text = fragments.join('');
        const whole = cleanCitationMarkers(text, six).text;
        const filter = new StreamingCitationFilter(six);
        let shown = '';
        for (let at = 0, index = 0; at < text.length; index++) {
          const size = sizes[index % sizes.length]!;
          shown += filter.push(text.slice(at, at + size));
          at += size;
          if (!whole.startsWith(shown)) return false;
        }
        return shown + filter.flush() === whole;
      }),
      { numRuns: 300 },
    );
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { chunkText, type ChunkedDocument, type ChunkOptions } from '../../core/text/chunk.ts';
import { splitSentences } from '../../core/text/sentences.ts';
import { prepareArticle, type PreparedDocument } from '../../ingest/prepare.ts';
import { defaultCorpusDir, defaultFiles, readArticle } from '../helpers/corpus.ts';

/** Chunk-level invariants every chunked document must satisfy, whatever its text. */
function checkInvariants(text: string, chunked: ChunkedDocument, options: ChunkOptions): void {
  const { chunks, headings } = chunked;
  const size = Math.max(20, options.size);
  const overlap = Math.min(options.overlap, Math.floor(size / 2));
  const covered = new Uint8Array(text.length);
  const headingAt = new Map(headings.map((heading) => [heading.start, heading]));

  chunks.forEach((chunk, index) => {
    const where = `chunk ${index} [${chunk.start}, ${chunk.end}) ${JSON.stringify(text.slice(chunk.start, chunk.end).slice(0, 40))}`;
    expect(chunk.start, where).toBeGreaterThanOrEqual(0);
    expect(chunk.end, where).toBeGreaterThan(chunk.start);
    expect(chunk.end, where).toBeLessThanOrEqual(text.length);
    const body = text.slice(chunk.start, chunk.end);
    // A passage is trimmed: it starts and ends on visible text.
    expect(body, where).toBe(body.trim());
    // Offsets never fall inside a surrogate pair, so a highlight never shows half an emoji.
    expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(body), where).toBe(false);
    for (let position = chunk.start; position < chunk.end; position++) covered[position] = 1;

    // Where each line of the passage starts, and where its first body (non-heading) line starts.
    const lineStarts: number[] = [];
    let position = chunk.start;
    for (const line of body.split('\n')) {
      if (line.trim() !== '') lineStarts.push(position + line.length - line.trimStart().length);
      position += line.length + 1;
    }
    const bodyStart = lineStarts.find((start) => !headingAt.has(start)) ?? chunk.end;

    // Size: a passage fits `size`, except when headings that must stay with their first
    // sentence already fill more than three quarters of it.
    if (body.length > size) expect(bodyStart - chunk.start, `${where} is ${body.length} long`).toBeGreaterThan((size * 3) / 4);

    // Overlap with the previous passage: at most `overlap` characters, and whole sentences.
    const previous = chunks[index - 1];
    if (previous) {
      expect(chunk.start, where).toBeGreaterThan(previous.start);
      expect(chunk.end, where).toBeGreaterThan(previous.end);
      const shared = previous.end - chunk.start;
      if (shared > 0) {
        expect(shared, where).toBeLessThanOrEqual(overlap);
        expect(splitSentences(text).some((sentence) => sentence.start === chunk.start), where).toBe(true);
      }
    }

    // No heading dangles at the end of a passage that has body text.
    if (bodyStart < chunk.end) expect(headingAt.has(lineStarts[lineStarts.length - 1]!), `${where} ends in a heading`).toBe(false);

    // The heading path is the stack of headings above the passage's first body line.
    const stack: number[] = [];
    headings.forEach((heading, headingIndex) => {
      if (heading.start >= Math.min(bodyStart, chunk.end)) return;
      while (stack.length > 0 && headings[stack[stack.length - 1]!]!.level >= heading.level) stack.pop();
      stack.push(headingIndex);
    });
    expect(chunk.headingPath, where).toEqual(stack);
  });

  // Nothing is lost: every visible character of the document is in some passage.
  for (let position = 0; position < text.length; position++) {
    if (!covered[position] && /\S/.test(text[position]!)) {
      throw new Error(`character ${position} ${JSON.stringify(text.slice(position - 10, position + 10))} is in no chunk`);
    }
  }
}

/** Finds the heading path (as texts) of every passage of a prepared document. */
function headingTexts(document: PreparedDocument): string[][] {
  return document.chunks.map((chunk) => chunk.headingPath.map((index) => document.headings[index]!.text));
}

describe('chunking the five default articles', () => {
  const prepared = new Map<string, { text: string; documents: Map<string, PreparedDocument> }>();
  const settings: ChunkOptions[] = [
    { size: 500, overlap: 80 },
    { size: 200, overlap: 40 },
    { size: 100, overlap: 0 },
  ];

  beforeAll(async () => {
    for (const [name, file] of Object.entries(defaultFiles)) {
      const article = await readArticle(defaultCorpusDir, file);
      const documents = new Map<string, PreparedDocument>();
      for (const options of settings) {
        const document = prepareArticle(article, options);
        if (!document) throw new Error(`${file} prepared to nothing`);
        documents.set(`${options.size}/${options.overlap}`, document);
      }
      prepared.set(name, { text: documents.get('500/80')!.text, documents });
    }
  });

  it.each(settings)('keeps every invariant at size $size, overlap $overlap', (options) => {
    for (const [name, { documents }] of prepared) {
      const document = documents.get(`${options.size}/${options.overlap}`)!;
      expect(document.chunks.length, name).toBeGreaterThan(0);
      // The cleaned text is the same whatever the chunk size.
      expect(document.text, name).toBe(prepared.get(name)!.text);
      const chunked = { headings: document.headings, chunks: document.chunks };
      checkInvariants(document.text, chunked, options);
      // On real articles no passage needs the heading allowance.
      for (const chunk of document.chunks) expect(chunk.end - chunk.start, name).toBeLessThanOrEqual(options.size);
      // The prepared passage is the same span as chunkText cuts.
      expect(chunked.chunks.map(({ start, end, headingPath }) => ({ start, end, headingPath }))).toEqual(
        chunkText(document.text, options).chunks,
      );
    }
  });

  it('indexes each passage under its context, ending with the exact span of the document', () => {
    for (const [name, { documents }] of prepared) {
      const document = documents.get('500/80')!;
      for (const chunk of document.chunks) {
        const span = document.text.slice(chunk.start, chunk.end);
        expect(chunk.indexText.endsWith(span), name).toBe(true);
        // Context first: the college (or title) the passage may not name itself.
        if (document.college) expect(chunk.indexText.slice(0, chunk.indexText.length - span.length)).toContain(document.college);
      }
    }
  });

  it('overlaps consecutive passages cut inside a paragraph, and never with overlap 0', () => {
    const overlaps = (document: PreparedDocument): number[] =>
      document.chunks.slice(1).map((chunk, index) => document.chunks[index]!.end - chunk.start).filter((shared) => shared > 0);
    const withOverlap = [...prepared.values()].flatMap(({ documents }) => overlaps(documents.get('500/80')!));
    expect(withOverlap.length).toBeGreaterThan(0);
    for (const shared of withOverlap) expect(shared).toBeLessThanOrEqual(80);
    for (const { documents } of prepared.values()) expect(overlaps(documents.get('100/0')!)).toEqual([]);
  });

  it('ends passages at sentence or paragraph ends when sentences fit', () => {
    for (const [name, { documents }] of prepared) {
      const document = documents.get('500/80')!;
      for (const chunk of document.chunks) {
        const next = document.text[chunk.end];
        const last = document.text[chunk.end - 1]!;
        expect(next === undefined || next === '\n' || /[。！？；!?…”"’）)》」』]/.test(last), `${name}: ${document.text.slice(chunk.end - 20, chunk.end + 5)}`).toBe(true);
      }
    }
  });

  it('starts a new passage at every level-1 and level-2 heading that follows body text', () => {
    for (const [name, { documents }] of prepared) {
      for (const document of documents.values()) {
        const starts = new Set(document.chunks.map((chunk) => chunk.start));
        document.headings.forEach((heading, index) => {
          const previous = document.headings[index - 1];
          // A heading right under another (二、 then （一）) opens the same passage as its parent.
          const followsHeading = previous !== undefined && document.text.slice(previous.end, heading.start).trim() === '';
          if (heading.level <= 2 && heading.start > 0 && !followsHeading) expect(starts.has(heading.start), `${name}: ${heading.text}`).toBe(true);
        });
      }
    }
  });

  it('finds the headings of the Hunan article and puts passages under them', () => {
    const document = prepared.get('hunan')!.documents.get('500/80')!;
    expect(document.headings.map((heading) => [heading.level, heading.text])).toEqual([
      [1, '一、实施背景'],
      [1, '二、实施过程与成效'],
      [2, '（一）实施过程'],
      [3, '1.实施“四个一”工程，落实教育党员有力'],
      [3, '2.实施“三亮三比”工程，落实管理和监督党员有力'],
      [3, '3.实施“三服务”工程，落实组织师生有力'],
      [3, '4.实施“三融教育”工程，落实宣传师生有力'],
      [3, '5.实施“手拉手、一帮一”工程，落实凝聚和服务师生有力'],
      [2, '（二）实施成效'],
      [3, '1.党建工作成果突出'],
      [3, '2.事业发展硕果累累'],
      [1, '三、体会与思考'],
      [2, '（一）精准把握党建与事业发展的“方向思路”'],
      [2, '（二）拓宽“党建+事业”融合的深度和广度'],
    ]);
    const paths = headingTexts(document);
    const underFirstProject = paths.findIndex((path) => path.join(' › ') === '二、实施过程与成效 › （一）实施过程 › 1.实施“四个一”工程，落实教育党员有力');
    expect(underFirstProject).toBeGreaterThanOrEqual(0);
    expect(document.text.slice(document.chunks[underFirstProject]!.start, document.chunks[underFirstProject]!.end)).toContain('风能党员活动日');
    expect(paths).toContainEqual(['二、实施过程与成效', '（二）实施成效', '1.党建工作成果突出']);
    expect(paths).toContainEqual(['三、体会与思考', '（二）拓宽“党建+事业”融合的深度和广度']);
    // The first passage sits under 一、实施背景, which it starts with.
    expect(paths[0]).toEqual(['一、实施背景']);
    // At a small size, the passage about the 三服务 project sits under its own heading.
    const small = prepared.get('hunan')!.documents.get('200/40')!;
    const serving = small.chunks.find((chunk) => small.text.slice(chunk.start, chunk.end).includes('智囊团'))!;
    expect(serving.headingPath.map((index) => small.headings[index]!.text)).toEqual([
      '二、实施过程与成效',
      '（一）实施过程',
      '3.实施“三服务”工程，落实组织师生有力',
    ]);
  });

  it('finds the unnumbered section titles of the Jiaxing article', () => {
    const document = prepared.get('jiaxing')!.documents.get('500/80')!;
    expect(document.headings.map((heading) => heading.text)).toEqual([
      '守好“红色根脉” 筑牢信念之魂',
      '锻造“红船铁军” 推动蝶变跃升',
      '建设“红船堡垒” 夯实党建之基',
      '培养“红船工匠” 铸就担当之能',
    ]);
    const paths = headingTexts(document);
    expect(paths[0]).toEqual([]);
    expect(paths[paths.length - 1]).toEqual(['培养“红船工匠” 铸就担当之能']);
  });
});

describe('chunkText on edge cases', () => {
  const options = { size: 100, overlap: 20 };
  const sentence = (length: number, character: string): string => `${character.repeat(length - 1)}。`;

  it('returns nothing for empty and blank text', () => {
    expect(chunkText('', options)).toEqual({ headings: [], chunks: [] });
    expect(chunkText(' \n\n\u3000 \n', options)).toEqual({ headings: [], chunks: [] });
  });

  it('cuts one huge paragraph without punctuation into full-size passages', () => {
    const text = Array.from({ length: 1050 }, (_, index) => '党建引领发展'[index % 6]).join('');
    const { chunks } = chunkText(text, options);
    checkInvariants(text, { headings: [], chunks }, options);
    expect(chunks.map((chunk) => chunk.end - chunk.start)).toEqual([...Array(10).fill(100), 50]);
  });

  it('cuts an over-long sentence after a comma in its second half', () => {
    const text = `${'甲'.repeat(70)}，${'乙'.repeat(70)}。`;
    const { chunks } = chunkText(text, options);
    checkInvariants(text, { headings: [], chunks }, options);
    expect(chunks.map((chunk) => text.slice(chunk.start, chunk.end))).toEqual([`${'甲'.repeat(70)}，`, `${'乙'.repeat(70)}。`]);
  });

  it('keeps a document of only headings in one passage', () => {
    const text = '一、总体情况\n（一）背景\n1.主要做法\n二、成效';
    const chunked = chunkText(text, options);
    expect(chunked.headings.map((heading) => heading.level)).toEqual([1, 2, 3, 1]);
    expect(chunked.chunks).toHaveLength(1);
    expect(text.slice(chunked.chunks[0]!.start, chunked.chunks[0]!.end)).toBe(text);
    checkInvariants(text, chunked, options);
  });

  it('keeps a trailing heading in a passage of its own rather than dropping it', () => {
    const text = `${sentence(30, '甲')}\n三、下一步工作`;
    const chunked = chunkText(text, options);
    expect(chunked.chunks.map((chunk) => text.slice(chunk.start, chunk.end))).toEqual([sentence(30, '甲'), '三、下一步工作']);
    checkInvariants(text, chunked, options);
  });

  it('packs many tiny paragraphs into passages that are nearly full', () => {
    const paragraphs = Array.from({ length: 200 }, (_, index) => `第${index + 1}项工作完成。`);
    const text = paragraphs.join('\n');
    const { chunks, headings } = chunkText(text, options);
    checkInvariants(text, { chunks, headings }, options);
    const longest = Math.max(...paragraphs.map((paragraph) => paragraph.length));
    // A passage is closed only when the next paragraph does not fit.
    for (const chunk of chunks.slice(0, -1)) expect(chunk.end - chunk.start).toBeGreaterThan(options.size - longest - 1);
    // Whole paragraphs only: no passage starts or ends inside one.
    for (const chunk of chunks) {
      expect(chunk.start === 0 || text[chunk.start - 1] === '\n').toBe(true);
      expect(chunk.end === text.length || text[chunk.end] === '\n').toBe(true);
    }
  });

  it('never cuts a surrogate pair, wherever the cut falls', () => {
    for (let shift = 0; shift < 4; shift++) {
      const text = `${'a'.repeat(shift)}${'😀'.repeat(150)}`;
      const { chunks } = chunkText(text, options);
      checkInvariants(text, { headings: [], chunks }, options);
      expect(chunks.map((chunk) => text.slice(chunk.start, chunk.end)).join('')).toBe(text);
    }
    // Emoji in Chinese text with commas and a heading: every cut still lands between code points.
    const mixed = `一、活动😀回顾\n${Array.from({ length: 40 }, (_, index) => `党员😀志愿${index}🎉服务，`).join('')}结束。`;
    const chunked = chunkText(mixed, options);
    checkInvariants(mixed, chunked, options);
  });

  it('keeps a heading with its first sentence and still fits the size', () => {
    const text = `一、一个较长的章节标题\n${sentence(100, '丙')}${sentence(20, '丁')}`;
    const chunked = chunkText(text, options);
    checkInvariants(text, chunked, options);
    const first = text.slice(chunked.chunks[0]!.start, chunked.chunks[0]!.end);
    expect(first.startsWith('一、一个较长的章节标题\n丙')).toBe(true);
    expect(first.length).toBeLessThanOrEqual(options.size);
    for (const chunk of chunked.chunks) expect(chunk.headingPath).toEqual([0]);
  });

  it('drops the overlap rather than overflow the size', () => {
    // 30 + 30 fills the first passage; the 95-character sentence cannot take the 30 before it.
    const text = `${sentence(30, '甲')}${sentence(30, '乙')}${sentence(95, '丙')}`;
    const { chunks } = chunkText(text, { size: 100, overlap: 40 });
    checkInvariants(text, { headings: [], chunks }, { size: 100, overlap: 40 });
    expect(chunks.map((chunk) => [chunk.start, chunk.end])).toEqual([
      [0, 60],
      [60, 155],
    ]);
    // With room for it, the last sentence is repeated.
    const roomy = `${sentence(30, '甲')}${sentence(30, '乙')}${sentence(60, '丙')}`;
    const overlapped = chunkText(roomy, { size: 100, overlap: 40 }).chunks;
    expect(overlapped.map((chunk) => [chunk.start, chunk.end])).toEqual([
      [0, 60],
      [30, 120],
    ]);
  });

  it('does not leave a sub-heading dangling at the end of a passage', () => {
    const text = [
      '一、总体情况',
      sentence(60, '甲'),
      '（一）主要做法',
      sentence(30, '乙'),
      '1.具体措施',
      sentence(80, '丙'),
      '2.另一项措施',
      sentence(50, '丁'),
    ].join('\n');
    const chunked = chunkText(text, { size: 100, overlap: 20 });
    checkInvariants(text, chunked, { size: 100, overlap: 20 });
    const texts = chunked.chunks.map((chunk) => text.slice(chunk.start, chunk.end));
    expect(texts.some((passage) => passage.startsWith('1.具体措施\n丙'))).toBe(true);
    expect(texts.some((passage) => passage.startsWith('2.另一项措施\n丁'))).toBe(true);
  });

  it('treats the minimum size and a too-large overlap sensibly', () => {
    const text = Array.from({ length: 30 }, (_, index) => `句子${index}说明情况。`).join('');
    const chunked = chunkText(text, { size: 5, overlap: 500 });
    // The size is raised to 20 and the overlap capped at half of it.
    checkInvariants(text, chunked, { size: 20, overlap: 10 });
  });
});

describe('splitSentences', () => {
  const sentences = (text: string): string[] => splitSentences(text).map((span) => text.slice(span.start, span.end));

  it('splits at 。！？； and keeps closing quotes, ellipses and ！？ runs with their sentence', () => {
    expect(sentences('他说：“好。”然后走了……真的吗？！是的；好!')).toEqual(['他说：“好。”', '然后走了……', '真的吗？！', '是的；', '好!']);
    expect(sentences('「对。」『是！』（完。）下一句')).toEqual(['「对。」', '『是！』', '（完。）', '下一句']);
    expect(sentences('第一。。第二？？？')).toEqual(['第一。。', '第二？？？']);
  });

  it('splits at line breaks and leaves spaces out of the spans', () => {
    const text = '　　第一段。 \n\n 第二段没有句号\n\u3000第三段。';
    expect(sentences(text)).toEqual(['第一段。', '第二段没有句号', '第三段。']);
    for (const span of splitSentences(text)) expect(text.slice(span.start, span.end)).toBe(text.slice(span.start, span.end).trim());
  });

  it('returns offsets into the text, inside the given range', () => {
    const text = '前文。目标一。目标二！后文。';
    const spans = splitSentences(text, 3, 11);
    expect(spans).toEqual([
      { start: 3, end: 7 },
      { start: 7, end: 11 },
    ]);
  });

  it('handles text without a terminator, and empty text', () => {
    expect(sentences('没有标点的一句话')).toEqual(['没有标点的一句话']);
    expect(sentences('')).toEqual([]);
    expect(sentences(' \n ')).toEqual([]);
  });
});

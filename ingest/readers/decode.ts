/**
 * Byte → string decoding for the text formats. Chinese corpora arrive as UTF-8, UTF-16 (Windows
 * "Unicode" exports) and GBK/GB18030 (older college sites, Windows Notepad), usually without any
 * declaration, so the encoding is inferred:
 *
 *   BOM → that encoding; else strict UTF-8 → UTF-8; else a declared charset (HTML meta, or the
 *   encoding already found for an earlier line of the same file); else GB18030 or Big5 (GB18030,
 *   the superset of GB2312/GBK, for any GB guess), ranked as described at `legacyCandidates`.
 *
 * Every result is sanity-checked (U+FFFD, control-character and common-character ratios) so a
 * wrong guess becomes an UNDECODABLE problem instead of silently indexing mojibake.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export type TextEncoding = string;

export type DecodeOutcome =
  | { ok: true; text: string; encoding: TextEncoding }
  | { ok: false; reason: 'BINARY' | 'UNDECODABLE'; detail: string };

export interface DecodeOptions {
  /** A charset the content declares (HTML `<meta charset>`) or that an earlier line used; tried after strict UTF-8. */
  declaredCharset?: string | undefined;
}

/** How much of a file is inspected for binary bytes and handed to chardet (enough for a verdict, cheap on 50 MB). */
const sampleBytes = 64 * 1024;
/** Above this share of control bytes a "text" file is treated as binary (random bytes give ~11%). */
const maxControlByteRatio = 0.05;
/** Above this share of U+FFFD or stray control characters the decoded text is considered garbage. */
const maxBadCharRatio = 0.02;

export interface Bom {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  length: number;
}

/** The byte order mark at the start of `bytes`, if any. */
export function detectBom(bytes: Uint8Array): Bom | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  // FF FE 00 00 would be UTF-32 LE; nobody ships Chinese text in UTF-32, and decoding it as UTF-16 yields NULs the sanity check rejects.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * Maps a charset label (HTML meta, chardet) to the decoder to use. Every GB label goes to GB18030,
 * the superset, so characters outside GB2312/GBK still decode; WHATWG does the same for gb2312.
 */
export function canonicalCharset(label: string): TextEncoding | undefined {
  const name = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (['utf-8', 'utf8', 'unicode-1-1-utf-8', 'x-unicode20utf8'].includes(name)) return 'utf-8';
  if (['gbk', 'gb2312', 'gb_2312', 'gb_2312-80', 'gb18030', 'x-gbk', 'cp936', 'ms936', 'windows-936', 'euc-cn', 'csgb2312', 'iso-ir-58', 'chinese', 'csiso58gb231280'].includes(name)) {
    return 'gb18030';
  }
  if (['big5', 'big5-hkscs', 'x-x-big5', 'cn-big5', 'csbig5', 'cp950'].includes(name)) return 'big5hkscs';
  if (['utf-16', 'utf-16le', 'unicode', 'ucs-2'].includes(name)) return 'utf-16le';
  if (name === 'utf-16be') return 'utf-16be';
  return iconv.encodingExists(name) ? name : undefined;
}

/**
 * Decodes a text file's bytes. Never throws: binary content and undecodable bytes come back as
 * `{ ok: false }` with a reason code and a human-readable detail.
 */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): DecodeOutcome {
  const bom = detectBom(bytes);
  if (bom) return checked(decodeWith(bytes.subarray(bom.length), bom.encoding), bom.encoding);

  const sample = bytes.subarray(0, sampleBytes);
  if (bytes.indexOf(0) !== -1) {
    // UTF-16 without a BOM is the one text encoding full of NULs (every ASCII char is xx 00).
    const utf16 = bomlessUtf16(bytes, sample);
    if (utf16?.ok) return utf16;
    return { ok: false, reason: 'BINARY', detail: 'contains NUL bytes (binary file?)' };
  }
  const controls = countControlBytes(sample);
  if (sample.length > 0 && controls / sample.length > maxControlByteRatio) {
    // Chinese UTF-16 without a BOM or any ASCII has no NULs, and its low bytes look like control bytes.
    const utf16 = bomlessUtf16(bytes, sample);
    if (utf16?.ok) return utf16;
    return { ok: false, reason: 'BINARY', detail: `${Math.round((100 * controls) / sample.length)}% control bytes (binary file?)` };
  }

  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return checked(utf8, 'utf-8');
  const utf16 = bomlessUtf16(bytes, sample);
  if (utf16?.ok) return utf16;

  // Not UTF-8. GB18030 and Big5 accept almost any high-byte pair, so "decodes without errors"
  // proves little: candidates are also scored by how much of the text is common characters.
  const declared = options.declaredCharset === undefined ? undefined : canonicalCharset(options.declaredCharset);
  const candidates = legacyCandidates(sample, declared);
  const failures: string[] = [];
  for (const encoding of candidates) {
    const plausible = plausibility(sample, encoding);
    if (plausible !== undefined && plausible < minCommonCharRatio) {
      failures.push(`${encoding}: only ${Math.round(plausible * 100)}% common characters`);
      continue;
    }
    const outcome = checked(decodeWith(bytes, encoding), encoding);
    if (outcome.ok) return outcome;
    failures.push(outcome.detail);
  }
  return { ok: false, reason: 'UNDECODABLE', detail: `not valid UTF-8 and not decodable as ${candidates.join(' / ')} (${failures.join('; ')})` };
}

/** Below this share of common characters and punctuation, a GB18030/Big5 reading is mojibake (random bytes score about 20%). */
const minCommonCharRatio = 0.5;
/** Fewer double-byte characters than this are too few to judge; the ranking then falls back to chardet and the GB18030 default. */
const minPairsToJudge = 8;

/**
 * Encodings to try for non-UTF-8 bytes, best first: a declared charset, then GB18030 and Big5
 * ranked by common-character share (mainland GBK text scores ~95% as GB18030 and far lower as
 * Big5, and vice versa). chardet only breaks ties and decides for very short texts, where it is
 * unreliable on its own (it calls the 4 GBK bytes of "党建" Big5); without a clear Big5 verdict,
 * GB18030 comes first, as mainland corpora are overwhelmingly GBK.
 */
function legacyCandidates(sample: Uint8Array, declared: TextEncoding | undefined): TextEncoding[] {
  const candidates: TextEncoding[] = [];
  const gb = plausibility(sample, 'gb18030');
  const big5 = plausibility(sample, 'big5hkscs');
  // A declared "utf-8" is evidently wrong here. Old Chinese sites also often declare iso-8859-1
  // while serving GBK, so a non-Chinese declaration loses to bytes that read as Chinese.
  const declaredChinese = declared === 'gb18030' || declared === 'big5hkscs';
  if (declared && declared !== 'utf-8' && (declaredChinese || (gb ?? 0) < minCommonCharRatio)) candidates.push(declared);
  let big5First: boolean;
  if (gb !== undefined && big5 !== undefined) big5First = big5 > gb;
  else {
    const confidence = chineseConfidence(sample);
    const big5Confidence = confidence.get('big5hkscs') ?? 0;
    big5First = big5Confidence >= 50 && big5Confidence > (confidence.get('gb18030') ?? 0);
  }
  for (const encoding of big5First ? ['big5hkscs', 'gb18030'] : ['gb18030', 'big5hkscs']) {
    if (!candidates.includes(encoding)) candidates.push(encoding);
  }
  return candidates;
}

/** chardet's confidence (0–100) for the Chinese encodings it recognises. */
function chineseConfidence(sample: Uint8Array): Map<TextEncoding, number> {
  const result = new Map<TextEncoding, number>();
  for (const match of chardet.analyse(sample)) {
    const encoding = match.name === 'GB18030' ? 'gb18030' : match.name === 'Big5' ? 'big5hkscs' : undefined;
    if (encoding && !result.has(encoding)) result.set(encoding, match.confidence);
  }
  return result;
}

/**
 * Share of double-byte characters that are common characters or punctuation when `sample` is
 * read as GB18030 (GB2312 level 1 B0A1–D7FE, punctuation/full-width A1A1–A3FE) or Big5 (frequent
 * characters A440–C67E, symbols A140–A3BF). Undefined for other encodings or too little evidence.
 */
function plausibility(sample: Uint8Array, encoding: TextEncoding): number | undefined {
  if (encoding !== 'gb18030' && encoding !== 'big5hkscs') return undefined;
  let pairs = 0;
  let common = 0;
  for (let i = 0; i < sample.length; ) {
    const lead = sample[i] ?? 0;
    const trail = sample[i + 1];
    if (lead < 0x81 || lead === 0xff || trail === undefined) {
      i++;
      continue;
    }
    if (encoding === 'gb18030' && trail >= 0x30 && trail <= 0x39) {
      pairs++; // four-byte sequence: valid but rare (outside GBK)
      i += 4;
      continue;
    }
    pairs++;
    const code = (lead << 8) | trail;
    if (encoding === 'gb18030') {
      if ((lead >= 0xb0 && lead <= 0xd7 && trail >= 0xa1 && trail <= 0xfe) || (lead >= 0xa1 && lead <= 0xa3 && trail >= 0xa1 && trail <= 0xfe)) common++;
    } else if ((code >= 0xa440 && code <= 0xc67e) || (code >= 0xa140 && code <= 0xa3bf)) {
      common++;
    }
    i += 2;
  }
  return pairs < minPairsToJudge ? undefined : common / pairs;
}

function decodeWith(bytes: Uint8Array, encoding: TextEncoding): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function checked(text: string, encoding: TextEncoding): DecodeOutcome {
  const problem = garbageReport(text);
  return problem ? { ok: false, reason: 'UNDECODABLE', detail: `${encoding}: ${problem}` } : { ok: true, text, encoding };
}

/**
 * Why decoded text looks like garbage, or undefined when it looks like text. A handful of U+FFFD
 * (a truncated download, one bad byte) is tolerated; mojibake from a wrong guess is not.
 */
export function garbageReport(text: string): string | undefined {
  let total = 0;
  let replacements = 0;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0x0c || code === 0x0b || code === 0x1b) continue;
    total++;
    if (code === 0xfffd) replacements++;
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) controls++;
  }
  if (total === 0) return undefined;
  if (replacements / total > maxBadCharRatio) return `${replacements} of ${total} characters undecodable`;
  if (controls / total > maxBadCharRatio) return `${controls} of ${total} characters are control characters`;
  return undefined;
}

function countControlBytes(sample: Uint8Array): number {
  let count = 0;
  for (const byte of sample) {
    // Tab, LF, VT, FF, CR and ESC occur in real text files; the other C0 bytes do not.
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0b && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) count++;
  }
  return count;
}

/**
 * The bytes decoded as BOM-less UTF-16 when they look like it (see `guessBomlessUtf16`), checked
 * like any decoding. A guess made on high bytes alone must also read as Chinese: most of its
 * ideographs common ones, as for GB18030 and Big5 (random bytes, or Shift_JIS, read as UTF-16 give
 * rare ideographs).
 */
function bomlessUtf16(bytes: Uint8Array, sample: Uint8Array): DecodeOutcome | undefined {
  const guess = guessBomlessUtf16(sample);
  if (guess === undefined) return undefined;
  const text = decodeWith(bytes, guess.encoding);
  if (guess.byHighBytes && (commonIdeographShare(text.slice(0, sampleBytes / 2)) ?? 0) < minCommonCharRatio) return undefined;
  return checked(text, guess.encoding);
}

let commonIdeographs: Uint8Array | undefined;

/** Share of ideographs in `text` that are among the 3,755 most common (GB2312 level 1); undefined for too few. */
function commonIdeographShare(text: string): number | undefined {
  if (!commonIdeographs) {
    const table = new Uint8Array(0x10000);
    const level1 = Buffer.alloc((0xd7 - 0xb0 + 1) * 94 * 2);
    let at = 0;
    for (let lead = 0xb0; lead <= 0xd7; lead++) {
      for (let trail = 0xa1; trail <= 0xfe; trail++) (level1[at++] = lead), (level1[at++] = trail);
    }
    for (const character of iconv.decode(level1, 'gb18030')) table[character.charCodeAt(0)] = 1;
    commonIdeographs = table;
  }
  let ideographs = 0;
  let common = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x3400 || code > 0x9fff) continue;
    ideographs++;
    common += commonIdeographs[code]!;
  }
  return ideographs < minPairsToJudge ? undefined : common / ideographs;
}

/** High bytes of the UTF-16 code units Chinese text is made of: ASCII, general punctuation, CJK punctuation, ideographs (with extension A), full-width forms. */
const chineseHighBytes = (() => {
  const table = new Uint8Array(256);
  for (const high of [0x00, 0x20, 0x30, 0xff]) table[high] = 1;
  for (let high = 0x34; high <= 0x9f; high++) table[high] = 2;
  return table;
})();

/**
 * Recognises BOM-less UTF-16 (LE or BE) in two ways. Text with some ASCII: by where the zero bytes
 * sit (ASCII is `xx 00` in LE, `00 xx` in BE). Chinese text, which may hold no ASCII at all: by its
 * high bytes, which are nearly all ideographs (4E–9F), CJK or general punctuation (30, 20),
 * full-width forms (FF) or ASCII (00). Callers try UTF-8 first: ASCII letters are high bytes too.
 */
function guessBomlessUtf16(sample: Uint8Array): { encoding: 'utf-16le' | 'utf-16be'; byHighBytes: boolean } | undefined {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  // Per byte order: pairs whose high byte suits Chinese text, and pairs that are ideographs.
  const suits = [0, 0];
  const ideographs = [0, 0];
  for (let i = 0; i + 1 < sample.length; i += 2) {
    const even = sample[i]!;
    const odd = sample[i + 1]!;
    if (even === 0) evenZeros++;
    if (odd === 0) oddZeros++;
    const asLe = chineseHighBytes[odd]!;
    const asBe = chineseHighBytes[even]!;
    if (asLe) suits[0]!++;
    if (asLe === 2) ideographs[0]!++;
    if (asBe) suits[1]!++;
    if (asBe === 2) ideographs[1]!++;
  }
  if (oddZeros / pairs > 0.3 && evenZeros / pairs < 0.02) return { encoding: 'utf-16le', byHighBytes: false };
  if (evenZeros / pairs > 0.3 && oddZeros / pairs < 0.02) return { encoding: 'utf-16be', byHighBytes: false };
  if (pairs < 16) return undefined;
  const chinese = (order: 0 | 1): number => (suits[order]! / pairs >= 0.9 && ideographs[order]! / pairs >= 0.3 ? suits[order]! : 0);
  const le = chinese(0);
  const be = chinese(1);
  if (le > be) return { encoding: 'utf-16le', byHighBytes: true };
  if (be > le) return { encoding: 'utf-16be', byHighBytes: true };
  return undefined;
}

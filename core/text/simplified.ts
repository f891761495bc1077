/**
 * Questions typed in traditional characters (嘉職院的入黨申請人比例), read as the simplified text
 * the articles are written in. Only text that reads as traditional is converted: OpenCC's phrase
 * tables change simplified text too (破坏土地 → 破坯土地, 沈思怡 → 沉思怡), so a simplified
 * question with a stray traditional character (节後, a name with 乾) is left as typed.
 */

import { Converter } from 'opencc-js/t2cn';
import { halfWidth } from './normalize.ts';

/** Characters OpenCC converts that simplified text still writes, mostly in names (乾隆, 郭晓濛, 哪吒). */
const alsoSimplified = new Set([...'乾於濛頔吒昇瀟']);

/** Text reads as traditional with this many traditional-only characters, or this share of its CJK ones. */
const traditionalCharacters = { count: 2, share: 0.2 } as const;

const cjk = /[\u3400-\u9fff]/gu;

let convert: ((text: string) => string) | undefined;
let traditionalOnly: Set<string> | undefined;

function converter(): (text: string) => string {
  return (convert ??= Converter({ from: 't', to: 'cn' }));
}

/**
 * Characters only traditional text writes: OpenCC converts them, and no character converts to
 * them (坏 is 壞's simplified form, so it is not here). Built on first use from the converter's own
 * table, character by character.
 */
function traditionalOnlyCharacters(): Set<string> {
  if (traditionalOnly) return traditionalOnly;
  const convertTo = converter();
  const changed: string[] = [];
  const outputs = new Set<string>();
  for (let code = 0x3400; code <= 0x9fff; code++) {
    const character = String.fromCharCode(code);
    const converted = convertTo(character);
    if (converted === character) continue;
    changed.push(character);
    for (const output of converted) outputs.add(output);
  }
  traditionalOnly = new Set(changed.filter((character) => !outputs.has(character) && !alsoSimplified.has(character)));
  return traditionalOnly;
}

/** Builds the converter and its table now, so the first question does not wait for them. */
export function warmUpSimplified(): void {
  traditionalOnlyCharacters();
}

/** Whether `text` is written in traditional characters (not a simplified text with a stray one). */
export function readsTraditional(text: string): boolean {
  const characters = text.match(cjk) ?? [];
  if (characters.length === 0) return false;
  const table = traditionalOnlyCharacters();
  const traditional = characters.filter((character) => table.has(character)).length;
  return traditional >= traditionalCharacters.count || (traditional > 0 && traditional / characters.length >= traditionalCharacters.share);
}

/** `text` in simplified characters when it reads as traditional, with full-width letters, digits and ％ as ASCII. */
export function toSimplified(text: string): string {
  const simplified = readsTraditional(text) ? converter()(text) : text;
  // Full-width digits and letters (２０２３年, ９８％) as the articles' normalisation writes them.
  return halfWidth(simplified);
}

/**
 * Chinese personal names jieba does not know. Its HMM joins an unknown name into one word (王五,
 * 李明), which its dictionary cut then splits into a surname and loose characters (王 + 五); read as
 * those characters, the name weighs nothing and a question about a person the corpus never names is
 * answered from whatever else it asks about.
 */

/** The hundred most common single-character surnames (most people in China bear one of them). */
const commonSurnames = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
]);

/** Whether `word` opens with a common surname (申请书, which jieba's dictionary tags as a name, does not). */
export function opensWithCommonSurname(word: string): boolean {
  return commonSurnames.has([...word][0] ?? '');
}

/** Characters that end a clause or join words; a name does not hold them (张三是, 李明在). */
const functionCharacters = /[是在的了和与及或被把对向从为也都就还又着过吗呢吧啊]/u;

/** Placeholder given names (张三, 李四, 王五): a numeral after a surname. */
const placeholderGivenName = /^[一二三四五六七八九十]$/u;

/**
 * Whether `word` (two or three Chinese characters that jieba's dictionary cut splits into `parts`)
 * reads as a personal name: a common surname, tagged as one or followed by a placeholder numeral,
 * then one or two loose characters.
 */
export function looksLikePersonName(word: string, parts: readonly { word: string; tag: string }[]): boolean {
  const characters = [...word];
  if (characters.length < 2 || characters.length > 3 || !/^[\u4e00-\u9fa5]+$/u.test(word)) return false;
  if (!commonSurnames.has(characters[0]!) || functionCharacters.test(characters.slice(1).join(''))) return false;
  if (parts.length !== characters.length) return false;
  return parts[0]!.tag === 'nr' || placeholderGivenName.test(characters[1]!);
}

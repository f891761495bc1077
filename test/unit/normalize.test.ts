import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../core/text/normalize.ts';

const corpusDirectory = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../corpus');
const corpusFiles = fs.readdirSync(corpusDirectory).filter((name) => name.endsWith('.txt'));

describe('normalizeText: whitespace and invisible characters', () => {
  it('unifies line breaks', () => {
    expect(normalizeText('甲\r\n乙\r丙\n丁')).toBe('甲\n乙\n丙\n丁');
  });

  it('removes the BOM, zero-width characters and control characters but keeps \\n', () => {
    expect(normalizeText('\uFEFF党\u200B建\u200C引\u200D领\u2060！\u0000\u0007\u001B\u007F')).toBe('党建引领！');
  });

  it('turns NBSP, ideographic spaces and tabs into plain spaces', () => {
    expect(normalizeText('坚持党建引领\u00A0培养\u3000红船\t工匠')).toBe('坚持党建引领 培养 红船 工匠');
  });

  it('trims trailing spaces on each line and the whole text', () => {
    expect(normalizeText('  \n标题   \n正文\u00A0\u00A0\n\n  ')).toBe('标题\n正文');
  });

  it('collapses runs of blank lines to one blank line', () => {
    expect(normalizeText('第一段\n\n\n\n   \n\u3000\n第二段\n\n第三段')).toBe('第一段\n\n第二段\n\n第三段');
  });

  it('keeps spaces that separate title parts', () => {
    expect(normalizeText('坚持党建引领 培养红船工匠')).toBe('坚持党建引领 培养红船工匠');
  });
});

describe('normalizeText: full-width and half-width forms', () => {
  it('turns full-width letters, digits and ％＋－／＝＠＃ into ASCII', () => {
    expect(normalizeText('ＡＢＣｘｙｚ０１２９％＋－／＝＠＃')).toBe('ABCxyz0129%+-/=@#');
  });

  it('leaves full-width Chinese punctuation alone', () => {
    expect(normalizeText('你好，世界：一；二？三！（四）')).toBe('你好，世界：一；二？三！（四）');
  });
});

describe('normalizeText: ASCII punctuation in Chinese text', () => {
  it('converts , : ; ? ! next to Chinese characters', () => {
    expect(normalizeText('学校党委,认真落实;真的吗?是的!要求:如下')).toBe('学校党委，认真落实；真的吗？是的！要求：如下');
  });

  it('treats a supplementary ideograph as Chinese, and an emoji or lone surrogate as not', () => {
    expect(normalizeText('a,𠀀')).toBe('a，𠀀');
    expect(normalizeText('ab,\ud800')).toBe('ab,\ud800');
    expect(normalizeText('ab,😀')).toBe('ab,😀');
  });

  it('looks through spaces for the nearest neighbour', () => {
    expect(normalizeText('作者: 时间:2022-10-03 点击数:')).toBe('作者： 时间：2022-10-03 点击数：');
  });

  it('keeps numbers intact: thousands separators, times, decimals', () => {
    expect(normalizeText('共2,000人,时间10:30,增长3.5%')).toBe('共2,000人，时间10:30，增长3.5%');
    expect(normalizeText('发布时间:2022-02-24 09:17:32')).toBe('发布时间：2022-02-24 09:17:32');
  });

  it('leaves English sentences alone', () => {
    const english = 'Hello, world! Is it ok? Yes: it is; (really).';
    expect(normalizeText(english)).toBe(english);
    expect(normalizeText(`中文段落。\n${english}`)).toBe(`中文段落。\n${english}`);
  });

  it('never touches URLs or e-mail addresses', () => {
    const url = 'https://share.app3.jyb.cn/news_d/215e?from=VjZ==&a=1,2;b=(3)!';
    expect(normalizeText(`原文链接:${url}`)).toBe(`原文链接：${url}`);
    expect(normalizeText('请联系 dj.office@example.edu.cn,谢谢')).toBe('请联系 dj.office@example.edu.cn，谢谢');
    expect(normalizeText('网址www.zime.edu.cn,欢迎访问')).toBe('网址www.zime.edu.cn，欢迎访问');
  });

  it('converts a parenthesis pair that holds or touches Chinese', () => {
    expect(normalizeText('(一)实施过程')).toBe('（一）实施过程');
    expect(normalizeText('中国教育报客户端讯(通讯员 徐兵 陈晓 吴金龙)台州')).toBe('中国教育报客户端讯（通讯员 徐兵 陈晓 吴金龙）台州');
    expect(normalizeText('人工智能(AI)技术')).toBe('人工智能（AI）技术');
  });

  it('converts a lone parenthesis or quote beside Chinese', () => {
    expect(normalizeText('(一)(二')).toBe('（一）（二');
    expect(normalizeText('附件一)见')).toBe('附件一）见');
    expect(normalizeText('x) 中')).toBe('x） 中');
    expect(normalizeText('他说:"好')).toBe('他说：“好');
    expect(normalizeText('好"')).toBe('好”');
    expect(normalizeText('(a) b)')).toBe('(a) b)');
  });

  it('pairs quotes and parentheses around a URL without touching the URL', () => {
    expect(normalizeText('“见 https://a.b/x_(y) 等"网站"')).toBe('“见 https://a.b/x_(y) 等“网站”');
  });

  it('leaves a parenthesis pair in ASCII text alone', () => {
    expect(normalizeText('中文。f(x) = (a + b)')).toBe('中文。f(x) = (a + b)');
  });

  it('does not convert the full stop', () => {
    expect(normalizeText('1.实施“四个一”工程,落实')).toBe('1.实施“四个一”工程，落实');
  });
});

describe('normalizeText: quotes', () => {
  it('pairs straight double quotes in Chinese text', () => {
    expect(normalizeText('开展"三亮三比"和"三服务"工程')).toBe('开展“三亮三比”和“三服务”工程');
  });

  it('converts corner brackets to curly quotes', () => {
    expect(normalizeText('「红船精神」与『初心』')).toBe('“红船精神”与‘初心’');
  });

  it('leaves curly quotes and English quotes alone', () => {
    expect(normalizeText('坚持“为党育人、为国育才”初心使命')).toBe('坚持“为党育人、为国育才”初心使命');
    expect(normalizeText('He said "yes", then left.')).toBe('He said "yes", then left.');
  });
});

describe('normalizeText: dates', () => {
  it('removes spaces inside Chinese dates', () => {
    expect(normalizeText('图 2 2019 年 11 月 6 日,自动化学院党总支')).toBe('图 2 2019年11月6日，自动化学院党总支');
    expect(normalizeText('2021 年 12 月 8 号')).toBe('2021年12月8号');
  });
});

describe('normalizeText: idempotence', () => {
  it.each(corpusFiles)('is idempotent on %s', (name) => {
    const once = normalizeText(fs.readFileSync(path.join(corpusDirectory, name), 'utf8'));
    expect(normalizeText(once)).toBe(once);
  });

  it('converts the ASCII commas of the corpus articles', () => {
    const text = normalizeText(fs.readFileSync(path.join(corpusDirectory, corpusFiles[0] as string), 'utf8'));
    expect(text).not.toMatch(/[\u4e00-\u9fff],|,[\u4e00-\u9fff]/);
  });

  it('is idempotent on random mixes of the characters it rewrites', () => {
    // A fixed-seed generator keeps the test reproducible.
    let seed = 12345;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const alphabet = [...',:;?!()"“”，：（）「」『』 \u00A0\u3000\t\n\r年月日号0123456789abAZ中文党建.-/@ｗ１％', 'https://a.cn/x?y=1,2', 'a@b.cn'];
    for (let round = 0; round < 3000; round++) {
      let input = '';
      const length = 1 + Math.floor(random() * 30);
      for (let index = 0; index < length; index++) input += alphabet[Math.floor(random() * alphabet.length)];
      const once = normalizeText(input);
      expect(normalizeText(once), JSON.stringify(input)).toBe(once);
    }
  });
});

describe('normalizeText: robustness', () => {
  it('handles empty and garbage input', () => {
    expect(normalizeText('')).toBe('');
    const garbage = Array.from({ length: 5000 }, (_, index) => String.fromCharCode((index * 7919) % 65536)).join('');
    expect(() => normalizeText(garbage)).not.toThrow();
    expect(normalizeText('\uD800\uDC00\uDFFF\uD800')).toBe('\uD800\uDC00\uDFFF\uD800');
  });

  it('drops Unicode non-characters (U+FFFE, U+FFFF, U+FDD0–U+FDEF, the last two of every plane), keeping their neighbours', () => {
    const nonCharacters = ['\uFFFE', '\uFFFF', '\uFDD0', '\uFDEF', '\u{1FFFE}', '\u{2FFFF}', '\u{10FFFE}', '\u{10FFFF}'];
    for (const character of nonCharacters) expect(normalizeText(`党建${character}引领`), JSON.stringify(character)).toBe('党建引领');
    // Their neighbours in the code space are text and stay.
    const neighbours = '\uFDCF\uFDF0\uFFFD\u{1FFFD}\u{20000}\u{10FFFD}';
    expect(normalizeText(`党建${neighbours}`)).toBe(`党建${neighbours}`);
  });

  it('handles a 1 MB single line', () => {
    const line = '党建引领,(通讯员 张三)"红船"'.repeat(50_000) + 'x'.repeat(100_000) + ' '.repeat(100_000) + 'a@'.repeat(50_000);
    const result = normalizeText(line);
    expect(result.startsWith('党建引领，（通讯员 张三）“红船”')).toBe(true);
    expect(result.includes('\n')).toBe(false);
  });
});

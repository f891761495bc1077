/**
 * HTML → plain text (one block per line) plus the metadata the page states unambiguously.
 *
 * Only page chrome that is structurally marked as such is dropped (script/style, nav, page-level
 * header/footer, forms, images); everything else is kept for `core/text/clean.ts`, which knows the
 * typical noise of Chinese college sites.
 */
import { compile, type DomNode, type FormatCallback, type SelectorDefinition } from 'html-to-text';
import type { ArticleMetadata } from '../../core/documents.ts';
import { setGiven } from './metadata.ts';
import { joinWrapped, toBlockLines } from './text.ts';

export interface HtmlArticle {
  text: string;
  given: Partial<ArticleMetadata>;
}

/** What a conversion pass collected besides the text. */
interface PageFacts {
  title?: string;
  meta: Map<string, string>;
  canonical?: string;
  h1s: string[];
}

const block = (selector: string): SelectorDefinition => ({ selector, format: 'block', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } });
const skip = (selector: string): SelectorDefinition => ({ selector, format: 'skip' });

const selectors: SelectorDefinition[] = [
  { selector: 'a', options: { ignoreHref: true, linkBrackets: false } },
  { selector: 'img', format: 'skip' },
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => ({ selector: h, format: h === 'h1' ? 'captureH1' : 'block', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } })),
  { selector: 'p', format: 'block', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
  // Old college sites lay whole pages out with nested tables; a cell per line keeps their text
  // readable, while html-to-text's column layout would pad and interleave it.
  { selector: 'table', format: 'block', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
  ...['tr', 'td', 'th', 'caption', 'dl', 'dt', 'dd', 'li', 'figure', 'figcaption', 'center', 'address', 'details', 'summary', 'fieldset', 'legend'].map(block),
  { selector: 'ul', options: { itemPrefix: '- ', leadingLineBreaks: 1, trailingLineBreaks: 1 } },
  { selector: 'ol', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
  { selector: 'blockquote', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
  { selector: 'pre', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
  { selector: 'hr', format: 'skip' },
  { selector: 'head', format: 'captureHead' },
  { selector: 'header', format: 'pageChrome' },
  { selector: 'footer', format: 'pageChrome' },
  ...['script', 'style', 'noscript', 'template', 'nav', 'title', 'meta', 'link', 'svg', 'canvas', 'iframe', 'object', 'embed', 'video', 'audio', 'map', 'form', 'select', 'option', 'button', 'input', 'textarea'].map(skip),
];

/**
 * Converts a decoded HTML page. Never throws for odd markup (htmlparser2 is forgiving); the
 * returned text may be empty.
 */
export function htmlToArticle(html: string): HtmlArticle {
  const facts: PageFacts = { meta: new Map(), h1s: [] };
  const convert = compile({
    wordwrap: false,
    // The whole document is walked (no base element), so pages without <body> still convert and
    // <head> reaches captureHead.
    baseElements: { selectors: [], returnDomByDefault: true },
    limits: { maxInputLength: 64 * 1024 * 1024 },
    selectors,
    formatters: {
      captureHead: (elem) => collectHead(elem, facts),
      captureH1: (elem, walk, builder) => {
        const text = textOf(elem);
        if (text !== '') facts.h1s.push(text);
        builder.openBlock({ leadingLineBreaks: 1 });
        walk(elem.children, builder);
        builder.closeBlock({ trailingLineBreaks: 1 });
      },
      pageChrome: ((elem, walk, builder) => {
        // <header>/<footer> of the page hold logos and link lists; those of an article hold its
        // title, date, author or source, which extraction needs.
        if (!hasAncestor(elem, ['article', 'main'])) return;
        builder.openBlock({ leadingLineBreaks: 1 });
        walk(elem.children, builder);
        builder.closeBlock({ trailingLineBreaks: 1 });
      }) satisfies FormatCallback,
    },
  });
  const text = toBlockLines(convert(html));
  return { text, given: pageMetadata(facts) };
}

/**
 * The charset an HTML page declares in `<meta charset>`, `<meta http-equiv="Content-Type">` or an
 * XML declaration, read from the first 8 KB as bytes (the declaration itself is ASCII).
 */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8192)).toString('latin1');
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head);
  if (meta?.[1]) return meta[1];
  const xml = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/i.exec(head);
  return xml?.[1];
}

function collectHead(head: DomNode, facts: PageFacts): void {
  for (const node of head.children) {
    if (node.type !== 'tag') continue;
    const attribs = (node.attribs ?? {}) as Record<string, string | undefined>;
    if (node.name === 'title') {
      facts.title ??= squash(textOf(node));
    } else if (node.name === 'meta') {
      const key = (attribs.name ?? attribs.property ?? attribs.itemprop ?? '').trim().toLowerCase();
      const content = attribs.content;
      if (key !== '' && content !== undefined && !facts.meta.has(key)) facts.meta.set(key, squash(content));
    } else if (node.name === 'link' && (attribs.rel ?? '').toLowerCase().split(/\s+/).includes('canonical')) {
      facts.canonical ??= attribs.href?.trim();
    }
  }
}

// Separators between an article title and the site name in <title>: "标题 - 某某学院", "标题_新闻网".
const titleSeparator = /\s+[-–—|·:]\s+|\s*[_|｜]\s*|\s+－\s+/;

/**
 * Metadata the page states. Conservative because `given` beats extraction: the title comes from
 * the article's <h1>, else og:title, else a <title> without a site-name suffix; the author from
 * `<meta name="author">` only when it names a person rather than the site or an office.
 */
function pageMetadata(facts: PageFacts): Partial<ArticleMetadata> {
  const given: Partial<ArticleMetadata> = {};
  const titleParts = facts.title === undefined ? [] : facts.title.split(titleSeparator).map((part) => part.trim()).filter(Boolean);
  // The parts after the first are site/section names; an <h1> equal to one of them is the logo.
  const siteNames = new Set(titleParts.slice(1));
  const h1s = [...new Set(facts.h1s.map(squash))].filter((h1) => h1.length >= 2 && !siteNames.has(h1));
  const ogTitle = facts.meta.get('og:title');
  let h1: string | undefined;
  if (h1s.length === 1) h1 = h1s[0];
  else if (h1s.length > 1) {
    // Several <h1>s: trust the one the <title> or og:title confirms.
    const confirmed = h1s.filter((candidate) => (facts.title ?? '').includes(candidate) || (ogTitle ?? '').includes(candidate));
    if (confirmed.length === 1) h1 = confirmed[0];
  }
  if (h1 !== undefined) setGiven(given, 'title', h1);
  else if (ogTitle && !siteNames.has(ogTitle)) setGiven(given, 'title', ogTitle);
  else if (facts.title !== undefined && titleParts.length === 1 && facts.h1s.length === 0) setGiven(given, 'title', facts.title);

  for (const key of ['article:published_time', 'publishdate', 'pubdate', 'publish_date', 'date', 'dc.date', 'og:published_time']) {
    const value = facts.meta.get(key);
    if (value !== undefined) {
      setGiven(given, 'date', value);
      if (given.date !== undefined) break;
    }
  }

  const author = facts.meta.get('author') ?? facts.meta.get('article:author');
  if (author !== undefined && looksLikePersonalAuthor(author, titleParts)) setGiven(given, 'author', author.replace(/[,，、;；]/g, ' '));

  const url = facts.meta.get('og:url') ?? facts.canonical;
  if (url !== undefined && /^https?:\/\/\S+$/i.test(url)) given.url = url;
  return given;
}

/** CMS templates fill `author` with the site or an office name; only people are authors. */
function looksLikePersonalAuthor(author: string, titleParts: string[]): boolean {
  const value = author.trim();
  if (value === '' || value.length > 40 || titleParts.includes(value)) return false;
  return !/(学院|大学|学校|网|中心|办公室|宣传部|委员会|党委|部门|编辑部|admin|webmaster|http|www\.)/i.test(value);
}

/** The visible text of an element: text nodes joined, `<br>` and blocks as line breaks joined CJK-aware. */
function textOf(node: DomNode): string {
  const parts: string[] = [];
  const visit = (current: DomNode) => {
    if (current.type === 'text') parts.push(current.data ?? '');
    else if (current.type === 'tag') {
      if (current.name === 'br') parts.push('\n');
      else if (current.name !== 'img' && current.name !== 'script' && current.name !== 'style') current.children.forEach(visit);
    }
  };
  node.children.forEach(visit);
  return parts
    .join('')
    .split('\n')
    .map(squash)
    .filter(Boolean)
    .reduce((joined, line) => joinWrapped(joined, line), '');
}

function squash(text: string): string {
  return text.replace(/[\s\u00A0]+/g, ' ').trim();
}

function hasAncestor(node: DomNode, names: string[]): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (parent.type === 'tag' && parent.name !== undefined && names.includes(parent.name)) return true;
  }
  return false;
}

/**
 * One exchange as the page shows it: the question (editable, to ask again), and the answer with
 * its mode, engine, streamed Markdown (sanitised, citations as buttons), notices, errors with a
 * retry, its sources grouped by article, and the copy / export / 重新生成 actions. Rendering only:
 * what the buttons do comes from `configureAnswerView`.
 *
 * @typedef {import('../../core/answer/protocol.ts').AnswerMode} AnswerMode
 * @typedef {import('../../core/answer/protocol.ts').Citation} Citation
 * @typedef {import('./store.js').AssistantMessage} AssistantMessage
 * @typedef {import('./store.js').PageFilters} PageFilters
 * @typedef {import('./store.js').UserMessage} UserMessage
 */
import { collegesOf } from './documents.js';
import { formatDate, h } from './dom.js';
import { answerMarkdown, copyRich, downloadDocx, downloadMarkdown, exportedCitations, exportedText, modeNames, noteLine, titleOf } from './export.js';
import { renderMarkdown } from './markdown.js';
import { practiceLinksNode } from './practice-links.js';
import { state } from './state.js';
import { filtersLabel } from './store.js';

/** What the buttons do: open a source, ask again (in place, edited, or anew), and tell the user. */
const actions = {
  /** @type {(citation: Citation, from: HTMLElement) => void} */
  openSource: () => {},
  /** @type {(message: AssistantMessage) => void} */
  retry: () => {},
  /** @type {(message: UserMessage, text: string) => boolean} */
  editQuestion: () => false,
  /** @type {(question: string, mode: AnswerMode, filters: PageFilters) => void} */
  askAnew: () => {},
  /** @type {(text: string) => void} */
  announce: () => {},
  /** @type {(text: string) => void} */
  error: () => {},
  /** @type {(message: AssistantMessage) => (HTMLElement | null)[]} what goes under a finished answer (feedback, suggested questions) */
  extras: () => [],
};

/** @param {Partial<typeof actions>} handlers */
export function configureAnswerView(handlers) {
  Object.assign(actions, handlers);
}

const modeBadge = (/** @type {AnswerMode} */ mode) => h('span', { class: `badge mode-${mode}`, text: modeNames[mode] ?? '问答' });

export function userNode(/** @type {UserMessage} */ message) {
  const node = h('div', { class: 'message user', id: `m-${message.id}` });
  fillUser(node, message);
  return node;
}

/**
 * @param {HTMLElement} node
 * @param {UserMessage} message
 */
function fillUser(node, message) {
  const scope = filtersLabel(message.filters);
  node.replaceChildren(
    h('p', { class: 'question-meta' }, modeBadge(message.mode), scope ? h('span', { class: 'scope', text: `范围：${scope}` }) : null),
    h('p', { class: 'question-text', text: message.text }),
    h('div', { class: 'question-tools' }, h('button', { type: 'button', class: 'link-button', text: '编辑', 'aria-label': `编辑问题“${message.text.slice(0, 30)}”并重新提问`, onclick: () => editUser(node, message) })),
  );
}

/**
 * The question in an editor: 重新提问 (or Enter) asks the edited question in its place; 取消 (or
 * Esc) puts it back as it was.
 * @param {HTMLElement} node
 * @param {UserMessage} message
 */
function editUser(node, message) {
  const field = /** @type {HTMLTextAreaElement} */ (h('textarea', { class: 'question-editor', rows: '3', 'aria-label': '修改问题（Enter 重新提问，Esc 取消）' }));
  field.value = message.text;
  const cancel = () => {
    fillUser(node, message);
    /** @type {HTMLButtonElement | null} */ (node.querySelector('.question-tools button'))?.focus();
  };
  const submit = () => {
    if (!actions.editQuestion(message, field.value)) field.focus();
  };
  field.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      cancel();
    }
  });
  node.replaceChildren(
    h('p', { class: 'question-meta' }, modeBadge(message.mode), h('span', { text: '修改问题后重新提问' })),
    h(
      'form',
      {
        class: 'question-edit',
        onsubmit: (/** @type {SubmitEvent} */ event) => {
          event.preventDefault();
          submit();
        },
      },
      field,
      h('div', { class: 'question-edit-actions' }, h('button', { type: 'button', class: 'button ghost small', text: '取消', onclick: cancel }), h('button', { type: 'submit', class: 'button primary small', text: '重新提问' })),
    ),
  );
  field.focus();
  field.setSelectionRange(field.value.length, field.value.length);
}

function engineLabel(/** @type {AssistantMessage} */ message) {
  if (!message.engine) return '';
  return message.engine === 'extractive' ? '摘录式回答（原文摘句）' : `模型生成（${message.engine.replace(/^openai:/, '')}）`;
}

/** Questions about every college (各院校, 所有高校, 哪些学校, 每所学院…). */
const everyCollege = /各(?:个)?(?:院校|高校|学校|学院|校)|(?:所有|全部|哪些)(?:院校|高校|学校|学院)|每(?:一)?(?:所|个)(?:院校|高校|学校|学院)/;

/** A question compared the same way, whatever its punctuation and spacing. */
const comparable = (/** @type {string} */ text) => text.replace(/[\s？?。．.！!，,、；;：:“”"'‘’]+/g, '');

export function assistantNode(/** @type {AssistantMessage} */ message) {
  const node = h('article', { class: 'message assistant', id: `m-${message.id}`, 'aria-label': `回答：${message.question}` });
  fillAssistant(node, message);
  return node;
}

/**
 * (Re)builds an answer: header, what was searched, notice, body, status or error, what the
 * answer leaves out, sources, actions.
 * @param {HTMLElement} node
 * @param {AssistantMessage} message
 */
export function fillAssistant(node, message) {
  node.dataset.status = message.status;
  node.classList.toggle('not-found', message.notFound);
  const busy = message.status === 'pending' || message.status === 'streaming';
  const done = message.status === 'done';
  const citations = exportedCitations(message);
  const articleCount = new Set(citations.map((citation) => citation.docId)).size;
  // A refusal cites text near the question, not what an answer rests on.
  const meta = [engineLabel(message), done && articleCount && !message.notFound ? `依据 ${articleCount} 篇文章` : ''].filter(Boolean).join(' · ');
  const head = h('header', { class: 'answer-head' }, modeBadge(message.mode), meta ? h('span', { class: 'answer-meta', text: meta }) : null);
  const body = h('div', { class: `answer-body markdown${message.status === 'streaming' ? ' streaming' : ''}`, 'aria-busy': busy ? 'true' : 'false' });
  body.append(renderMarkdown(message.text, message.citations, (n, button) => {
    const citation = message.citations.find((item) => item.n === n);
    if (citation) actions.openSource(citation, button);
  }));
  const parts = [head];
  // A follow-up is searched with what it refers to; show that when it is not what was typed.
  if (done && message.searchedFor && comparable(message.searchedFor) !== comparable(message.question)) parts.push(h('p', { class: 'searched-for', text: `检索：${message.searchedFor}` }));
  if (message.notice) parts.push(h('p', { class: 'notice', text: message.notice.message }));
  if (message.status === 'pending') parts.push(h('p', { class: 'thinking' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), '正在检索语料…'));
  parts.push(body);
  // The not-found text itself says what to try (换个说法, 浏览文章); the page adds only what it knows: the filters.
  const scope = filtersLabel(message.filters);
  if (message.notFound && done && scope) {
    parts.push(
      h(
        'p',
        { class: 'not-found-help' },
        `本次提问限定了范围（${scope}）。`,
        h('button', { type: 'button', class: 'link-button', text: '不限范围再问一次', onclick: () => actions.askAnew(message.question, message.mode, {}) }),
      ),
    );
  }
  if (message.status === 'error' || message.status === 'failed' || message.status === 'cancelled') {
    const text = message.status === 'cancelled' ? (message.text.trim() ? '已停止生成，以上回答不完整。' : '已停止生成。') : message.error?.message ?? '回答失败。';
    parts.push(
      h(
        'div',
        { class: `answer-error${message.status === 'cancelled' ? ' muted' : ''}`, role: message.status === 'cancelled' ? undefined : 'alert' },
        h('span', { text }),
        h('button', { type: 'button', class: 'button ghost small', onclick: () => actions.retry(message) }, message.status === 'cancelled' ? '重新回答' : '重试'),
      ),
    );
  }
  if (done && !message.notFound) {
    const left = leftOut(message, citations);
    if (left) parts.push(left);
  }
  const practiceLinks = done ? practiceLinksNode(message.practices) : null;
  if (practiceLinks) parts.push(practiceLinks);
  const shownCitations = busy ? message.citations : citations;
  if (shownCitations.length > 0) parts.push(sourcesSection(shownCitations, message.notFound ? '相关原文' : '来源'));
  const partial = message.status === 'cancelled' && message.text.trim() !== '';
  if ((done && !message.notFound) || partial) parts.push(actionsBar(message, { regenerate: done }));
  else if (done) parts.push(h('footer', { class: 'answer-actions' }, copyButton(message)));
  if (done) for (const extra of actions.extras(message)) if (extra) parts.push(extra);
  node.replaceChildren(...parts);
}

/**
 * A question about every college answered from some of them: say which colleges the answer
 * cites and that the others' articles are not cited, and offer 院校对比, which looks at each.
 * @param {AssistantMessage} message
 * @param {Citation[]} citations
 */
function leftOut(message, citations) {
  if (message.mode === 'compare' || message.filters.college || message.filters.docId || !everyCollege.test(message.question)) return null;
  const all = collegesOf(state.documents);
  const cited = [...new Set(citations.map((citation) => citation.college).filter(Boolean))];
  const rest = all.filter((college) => !cited.includes(college));
  if (cited.length === 0 || rest.length === 0) return null;
  const restNames = rest.length <= 6 ? `（${rest.join('、')}）` : '';
  return h(
    'p',
    { class: 'left-out' },
    `问题问的是各院校，本回答只引用了${cited.join('、')}的文章；语料中其余 ${rest.length} 所院校${restNames}的文章没有被引用。`,
    h('button', { type: 'button', class: 'link-button', text: '改用院校对比，逐校查看', onclick: () => actions.askAnew(message.question, 'compare', message.filters) }),
  );
}

/**
 * The sources under an answer, one card per article with the passages it cites (under a refusal:
 * the related text it points to).
 * @param {Citation[]} citations
 * @param {string} [heading]
 */
function sourcesSection(citations, heading = '来源') {
  const shown = 4;
  /** @type {Map<string, Citation[]>} */
  const byArticle = new Map();
  for (const citation of [...citations].sort((a, b) => a.n - b.n)) byArticle.set(citation.docId, [...(byArticle.get(citation.docId) ?? []), citation]);
  const cards = [...byArticle.values()].map((passages, index) => {
    const [first] = /** @type {[Citation, ...Citation[]]} */ (passages);
    const when = first.date ? formatDate(first.date) : '未注明日期';
    return h(
      'li',
      { class: 'source-card', hidden: index >= shown ? true : undefined },
      h('p', { class: 'source-card-title', text: `《${first.title}》` }),
      h('p', { class: 'source-card-meta' }, [first.college, when, `引用 ${passages.length} 处`].filter(Boolean).join(' · ')),
      h(
        'ol',
        { class: 'source-passages' },
        passages.map((citation) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'source-passage',
                'aria-label': `来源 ${citation.n}：《${citation.title}》中的引文`,
                onclick: (/** @type {MouseEvent} */ event) => actions.openSource(citation, /** @type {HTMLElement} */ (event.currentTarget)),
              },
              h('span', { class: 'source-n', 'aria-hidden': 'true', text: String(citation.n) }),
              h('span', { class: 'source-card-quote', text: citation.quote }),
            ),
          ),
        ),
      ),
    );
  });
  const list = h('ol', { class: 'source-list' }, cards);
  const title = `${heading}（${byArticle.size} 篇文章${citations.length > byArticle.size ? `，${citations.length} 处引用` : ''}）`;
  const section = h('section', { class: 'sources', 'aria-label': heading }, h('h3', { class: 'sources-title', text: title }), list);
  if (cards.length > shown) {
    const label = `展开其余 ${cards.length - shown} 篇文章`;
    const more = h('button', {
      type: 'button',
      class: 'link-button more-sources',
      'aria-expanded': 'false',
      text: label,
      onclick: () => {
        const expanded = more.getAttribute('aria-expanded') === 'true';
        cards.forEach((card, index) => (card.hidden = expanded && index >= shown));
        more.setAttribute('aria-expanded', String(!expanded));
        more.textContent = expanded ? label : '收起来源';
      },
    });
    section.append(more);
  }
  return section;
}

/** Plain text for pasting where formatting is lost: no heading or bold marks, tables kept whole as Markdown, notes at the end. */
function answerPlainText(/** @type {AssistantMessage} */ message) {
  const text = exportedText(message)
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\*\*(.+?)\*\*/g, '$1');
  const notes = exportedCitations(message).map(noteLine);
  return notes.length > 0 ? `${text}\n\n注释：\n${notes.join('\n')}` : text;
}

/** The answer as rendered, for pasting into a word processor: citations as superscript [n], notes at the end. */
function answerHtml(/** @type {AssistantMessage} */ message) {
  const holder = document.createElement('div');
  holder.append(renderMarkdown(exportedText(message), message.citations, () => {}));
  for (const button of holder.querySelectorAll('button.cite')) button.replaceWith(h('sup', { text: `[${button.textContent}]` }));
  for (const wrapper of holder.querySelectorAll('.table-wrap, .cite-wrap')) wrapper.replaceWith(...wrapper.childNodes);
  const notes = exportedCitations(message).map(noteLine);
  if (notes.length > 0) holder.append(h('p', {}, h('strong', { text: '注释' })), ...notes.map((line) => h('p', { text: line })));
  // The page's classes and roles mean nothing elsewhere; a table needs its borders spelled out,
  // as attributes (an inline style would break the page's CSP when the clipboard parses it).
  for (const element of holder.querySelectorAll('*')) for (const name of element.getAttributeNames()) if (name !== 'href') element.removeAttribute(name);
  return holder.innerHTML.replaceAll('<table>', '<table border="1" cellspacing="0" cellpadding="6">');
}

function copyButton(/** @type {AssistantMessage} */ message) {
  const button = h('button', {
    type: 'button',
    class: 'button ghost small',
    text: '复制',
    onclick: async () => {
      const ok = await copyRich(answerHtml(message), answerPlainText(message));
      button.textContent = ok ? '已复制' : '复制失败';
      actions.announce(ok ? '回答已复制到剪贴板' : '复制失败，请手动选择文本复制');
      setTimeout(() => (button.textContent = '复制'), 2000);
    },
  });
  return button;
}

/**
 * @param {AssistantMessage} message
 * @param {{ regenerate: boolean }} options
 */
function actionsBar(message, { regenerate }) {
  const markdown = h('button', {
    type: 'button',
    class: 'button ghost small',
    text: '导出 Markdown',
    onclick: () => {
      downloadMarkdown(answerMarkdown(message), titleOf(message));
      actions.announce('已导出 Markdown 文件');
    },
  });
  const word = h('button', {
    type: 'button',
    class: `button small ${message.mode === 'summary' ? 'primary' : 'ghost'}`,
    text: '导出 Word',
    onclick: async () => {
      word.disabled = true;
      word.textContent = '正在生成…';
      try {
        await downloadDocx(message);
        actions.announce('已导出 Word 文档');
      } catch (error) {
        actions.error(`导出 Word 失败：${error instanceof Error ? error.message : String(error)}`);
      } finally {
        word.disabled = false;
        word.textContent = '导出 Word';
      }
    },
  });
  const again = regenerate ? h('button', { type: 'button', class: 'button ghost small', text: '重新生成', title: '用同样的问题再回答一次', onclick: () => actions.retry(message) }) : null;
  return h('footer', { class: 'answer-actions' }, again, copyButton(message), markdown, word);
}

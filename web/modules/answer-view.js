/**
 * One exchange as the page shows it: the question, and the answer with its mode, engine, streamed
 * Markdown (sanitised, citations as buttons), notices, errors with a retry, source cards and the
 * copy / export actions. Rendering only: what the buttons do comes from `configureAnswerView`.
 *
 * @typedef {import('../../core/answer/protocol.ts').AnswerFilters} AnswerFilters
 * @typedef {import('../../core/answer/protocol.ts').Citation} Citation
 * @typedef {import('./store.js').AssistantMessage} AssistantMessage
 * @typedef {import('./store.js').UserMessage} UserMessage
 */
import { formatDate, h } from './dom.js';
import { answerMarkdown, copyText, downloadDocx, downloadMarkdown, modeNames, noteLine } from './export.js';
import { renderMarkdown } from './markdown.js';

/** What the answer's buttons do: open a source, retry the question, and tell the user. */
const actions = {
  /** @type {(citation: Citation, from: HTMLElement) => void} */
  openSource: () => {},
  /** @type {(message: AssistantMessage) => void} */
  retry: () => {},
  /** @type {(text: string) => void} */
  announce: () => {},
  /** @type {(text: string) => void} */
  error: () => {},
};

/** @param {Partial<typeof actions>} handlers */
export function configureAnswerView(handlers) {
  Object.assign(actions, handlers);
}

export function filtersLabel(/** @type {AnswerFilters | undefined} */ filters) {
  return [filters?.college, filters?.year ? `${filters.year}年` : ''].filter(Boolean).join(' · ');
}

export function userNode(/** @type {UserMessage} */ message) {
  const scope = filtersLabel(message.filters);
  return h(
    'div',
    { class: 'message user', id: `m-${message.id}` },
    h('p', { class: 'question-meta' }, h('span', { class: `badge mode-${message.mode}`, text: modeNames[message.mode] ?? '问答' }), scope ? h('span', { class: 'scope', text: `范围：${scope}` }) : null),
    h('p', { class: 'question-text', text: message.text }),
  );
}

function engineLabel(/** @type {AssistantMessage} */ message) {
  if (!message.engine) return '';
  return message.engine === 'extractive' ? '摘录式回答（原文摘句）' : `模型生成（${message.engine.replace(/^openai:/, '')}）`;
}

export function assistantNode(/** @type {AssistantMessage} */ message) {
  const node = h('article', { class: 'message assistant', id: `m-${message.id}`, 'aria-label': `回答：${message.question}` });
  fillAssistant(node, message);
  return node;
}

/**
 * (Re)builds an answer: header, notice, body, status or error, sources, actions.
 * @param {HTMLElement} node
 * @param {AssistantMessage} message
 */
export function fillAssistant(node, message) {
  node.dataset.status = message.status;
  node.classList.toggle('not-found', message.notFound);
  const busy = message.status === 'pending' || message.status === 'streaming';
  const articleCount = new Set(message.citations.map((citation) => citation.docId)).size;
  const meta = [engineLabel(message), message.status === 'done' && articleCount ? `依据 ${articleCount} 篇文章` : '', message.searchedFor && message.searchedFor !== message.question ? `按“${message.searchedFor}”检索` : '']
    .filter(Boolean)
    .join(' · ');
  const head = h('header', { class: 'answer-head' }, h('span', { class: `badge mode-${message.mode}`, text: modeNames[message.mode] ?? '问答' }), meta ? h('span', { class: 'answer-meta', text: meta }) : null);
  const body = h('div', { class: `answer-body markdown${message.status === 'streaming' ? ' streaming' : ''}`, 'aria-busy': busy ? 'true' : 'false' });
  body.append(renderMarkdown(message.text, message.citations, (n, button) => {
    const citation = message.citations.find((item) => item.n === n);
    if (citation) actions.openSource(citation, button);
  }));
  const parts = [head];
  if (message.notice) parts.push(h('p', { class: 'notice', text: message.notice.message }));
  if (message.status === 'pending') parts.push(h('p', { class: 'thinking' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), '正在检索语料…'));
  parts.push(body);
  if (message.notFound && message.status === 'done') {
    const scope = filtersLabel(message.filters);
    parts.push(h('p', { class: 'not-found-help' }, scope ? `本次提问限定了范围（${scope}），可取消筛选后再试；也可以` : '也可以', h('a', { href: '#/browse', text: '浏览已收录的文章' }), '。'));
  }
  if (message.status === 'error' || message.status === 'failed' || message.status === 'cancelled') {
    const text = message.status === 'cancelled' ? '已停止生成。' : message.error?.message ?? '回答失败。';
    parts.push(
      h(
        'div',
        { class: `answer-error${message.status === 'cancelled' ? ' muted' : ''}`, role: message.status === 'cancelled' ? undefined : 'alert' },
        h('span', { text }),
        h('button', { type: 'button', class: 'button ghost small', onclick: () => actions.retry(message) }, message.status === 'cancelled' ? '重新回答' : '重试'),
      ),
    );
  }
  if (message.citations.length > 0 && !message.notFound) parts.push(sourcesSection(message));
  if (message.status === 'done' && !message.notFound) parts.push(actionsBar(message));
  else if (message.status === 'done') parts.push(h('footer', { class: 'answer-actions' }, copyButton(message)));
  node.replaceChildren(...parts);
}

function sourcesSection(/** @type {AssistantMessage} */ message) {
  const shown = 4;
  const citations = [...message.citations].sort((a, b) => a.n - b.n);
  const cards = citations.map((citation, index) =>
    h(
      'li',
      { class: 'source-item', hidden: index >= shown ? true : undefined },
      h(
        'button',
        { type: 'button', class: 'source-card', 'aria-label': `来源 ${citation.n}：${citation.title}`, onclick: (/** @type {MouseEvent} */ event) => actions.openSource(citation, /** @type {HTMLElement} */ (event.currentTarget)) },
        h('span', { class: 'source-n', 'aria-hidden': 'true', text: String(citation.n) }),
        h(
          'span',
          { class: 'source-main' },
          h('span', { class: 'source-card-title', text: `《${citation.title}》` }),
          h('span', { class: 'source-card-meta', text: [citation.college, formatDate(citation.date)].filter(Boolean).join(' · ') }),
          h('span', { class: 'source-card-quote', text: citation.quote }),
        ),
      ),
    ),
  );
  const list = h('ol', { class: 'source-list' }, cards);
  const section = h('section', { class: 'sources', 'aria-label': '来源' }, h('h3', { class: 'sources-title', text: `来源（${citations.length}）` }), list);
  if (citations.length > shown) {
    const more = h('button', {
      type: 'button',
      class: 'link-button more-sources',
      'aria-expanded': 'false',
      text: `展开其余 ${citations.length - shown} 条来源`,
      onclick: () => {
        const expanded = more.getAttribute('aria-expanded') === 'true';
        /** @type {NodeListOf<HTMLElement>} */ (list.querySelectorAll('.source-item')).forEach((item, index) => (item.hidden = !expanded ? false : index >= shown));
        more.setAttribute('aria-expanded', String(!expanded));
        more.textContent = expanded ? `展开其余 ${citations.length - shown} 条来源` : '收起来源';
      },
    });
    section.append(more);
  }
  return section;
}

/** Plain text for pasting into a document or a chat: no Markdown marks, notes at the end. */
function answerPlainText(/** @type {AssistantMessage} */ message) {
  const text = message.text
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/^\|?-{3,}.*$/gm, '')
    .trim();
  const notes = [...message.citations].sort((a, b) => a.n - b.n).map(noteLine);
  return notes.length > 0 ? `${text}\n\n注释：\n${notes.join('\n')}` : text;
}

function copyButton(/** @type {AssistantMessage} */ message) {
  const button = h('button', {
    type: 'button',
    class: 'button ghost small',
    text: '复制',
    onclick: async () => {
      const ok = await copyText(answerPlainText(message));
      button.textContent = ok ? '已复制' : '复制失败';
      actions.announce(ok ? '回答已复制到剪贴板' : '复制失败，请手动选择文本复制');
      setTimeout(() => (button.textContent = '复制'), 2000);
    },
  });
  return button;
}

function actionsBar(/** @type {AssistantMessage} */ message) {
  const markdown = h('button', {
    type: 'button',
    class: 'button ghost small',
    text: '导出 Markdown',
    onclick: () => {
      downloadMarkdown(answerMarkdown(message), message.question || '回答');
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
  return h('footer', { class: 'answer-actions' }, copyButton(message), markdown, word);
}

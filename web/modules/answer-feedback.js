/**
 * Under every finished answer: 有用 / 没用 (thumbs up or down) with an optional comment, saved on the server with the
 * question, mode, answer and citations (POST /api/feedback; maintainers read them in 知识库 →
 * 用户反馈), and the questions the server suggests asking next. Giving feedback again on the same
 * answer replaces what was given before.
 *
 * @typedef {import('./store.js').AssistantMessage} AssistantMessage
 */
import { api } from './api.js';
import { h } from './dom.js';
import { thumbIcon } from './icons.js';

/** @type {{ persist: () => void, ask: (question: string, after: AssistantMessage) => void, announce: (text: string) => void }} */
const hooks = { persist: () => {}, ask: () => {}, announce: () => {} };

/** @param {typeof hooks} given */
export function configureAnswerFeedback(given) {
  Object.assign(hooks, given);
}

/** What goes under a finished answer: the feedback bar, then the suggested questions. */
export function answerExtras(/** @type {AssistantMessage} */ message) {
  return [feedbackBar(message), suggestionList(message)];
}

/**
 * Saves `rating` and `comment` for the answer.
 * @param {AssistantMessage} message
 * @param {'up' | 'down'} rating
 * @param {string} comment
 */
async function save(message, rating, comment) {
  await api('/api/feedback', {
    method: 'POST',
    body: {
      // A retried answer is a new answer: it gets a new question id.
      answerId: message.questionId || message.id,
      rating,
      comment,
      question: message.question,
      mode: message.mode,
      answer: message.text.slice(0, 60_000),
      citations: message.citations.slice(0, 100).map((citation) => ({ ...citation, quote: citation.quote.slice(0, 4000) })),
      searchedFor: message.searchedFor,
      engine: message.engine,
    },
  });
  message.feedback = { rating, comment };
  hooks.persist();
}

function feedbackBar(/** @type {AssistantMessage} */ message) {
  const bar = h('div', { class: 'feedback', role: 'group', 'aria-label': '这条回答有用吗？' });
  const status = h('span', { class: 'feedback-status', role: 'status' });

  const render = (/** @type {boolean} */ commenting = false) => {
    const current = message.feedback?.rating;
    const rate = (/** @type {'up' | 'down'} */ rating) => async () => {
      status.textContent = '正在保存…';
      try {
        await save(message, rating, message.feedback?.comment ?? '');
        render(rating === 'down' && !message.feedback?.comment);
        status.textContent = rating === 'up' ? '感谢反馈！' : '感谢反馈，可以补充哪里不对或缺少什么。';
        hooks.announce(status.textContent);
      } catch (error) {
        status.textContent = `反馈没有保存：${error instanceof Error ? error.message : String(error)}`;
      }
    };
    const button = (/** @type {'up' | 'down'} */ rating, /** @type {string} */ label) =>
      h('button', { type: 'button', class: `feedback-button ${rating}`, 'aria-pressed': String(current === rating), title: label, onclick: rate(rating) }, thumbIcon(rating), h('span', { class: 'feedback-label', text: label }));
    const form = commenting ? commentForm(message, status, () => render(false)) : null;
    const addComment =
      current && !commenting
        ? h('button', { type: 'button', class: 'link-button', text: message.feedback?.comment ? '修改留言' : '补充说明', onclick: () => render(true) })
        : null;
    bar.replaceChildren(...[h('span', { class: 'feedback-question', text: '有用吗？' }), button('up', '有用'), button('down', '没用'), addComment, status, form].filter((node) => node !== null));
    form?.querySelector('textarea')?.focus();
  };
  render();
  return bar;
}

/**
 * @param {AssistantMessage} message
 * @param {HTMLElement} status
 * @param {() => void} done
 */
function commentForm(message, status, done) {
  const area = h('textarea', { class: 'feedback-comment', rows: 2, maxlength: 2000, placeholder: '哪里不对？缺少什么内容？（可选）', 'aria-label': '反馈留言' });
  area.value = message.feedback?.comment ?? '';
  const form = h(
    'form',
    { class: 'feedback-form' },
    area,
    h('div', { class: 'feedback-form-actions' }, h('button', { type: 'submit', class: 'button small primary', text: '提交' }), h('button', { type: 'button', class: 'button small ghost', text: '取消', onclick: done })),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const rating = message.feedback?.rating;
    if (!rating) return;
    try {
      await save(message, rating, area.value.trim());
      done();
      status.textContent = '留言已保存，谢谢！';
      hooks.announce('留言已保存');
    } catch (error) {
      status.textContent = `留言没有保存：${error instanceof Error ? error.message : String(error)}`;
    }
  });
  return form;
}

function suggestionList(/** @type {AssistantMessage} */ message) {
  if (!message.suggestions?.length) return null;
  return h(
    'nav',
    { class: 'suggestions', 'aria-label': '接下来可以问' },
    h('span', { class: 'suggestions-title', text: '接下来可以问：' }),
    h('ul', {}, message.suggestions.map((question) => h('li', {}, h('button', { type: 'button', class: 'suggestion', text: question, onclick: () => hooks.ask(question, message) })))),
  );
}

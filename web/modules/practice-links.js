/**
 * Under an answer: the practices of the 做法库 its question names, each a link to its page
 * (“三亮三比”工程 · 湖南电气职业技术学院).
 *
 * @typedef {import('../../core/answer/protocol.ts').AnswerEnd} AnswerEnd
 * @typedef {NonNullable<AnswerEnd['practices']>} PracticeLinks
 */
import { h } from './dom.js';

/** The links, or null when the question names no practice. */
export function practiceLinksNode(/** @type {PracticeLinks | undefined} */ practices) {
  if (!practices || practices.length === 0) return null;
  return h(
    'nav',
    { class: 'practice-links', 'aria-label': '做法库中的相关做法' },
    h('span', { class: 'practice-links-label', text: '做法库：' }),
    practices.map((practice) =>
      h('a', { class: 'practice-link', href: `#/practices/${encodeURIComponent(practice.id)}` }, practice.name, practice.college ? h('span', { class: 'practice-link-college', text: ` · ${practice.college}` }) : null),
    ),
  );
}

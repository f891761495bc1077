/**
 * The optional model pass of practice extraction (PRACTICES_MODEL_PASS with a model endpoint):
 * the model reads an article and proposes practice names and categories. It may only propose:
 * a name counts when it occurs word for word in the article, and then gets its description,
 * parts and outcomes from the text exactly as the rules' practices do; a category counts when it
 * is one of the taxonomy's. Anything else is dropped, and when the endpoint fails the article
 * keeps the rules' practices.
 */
import { z } from 'zod';
import type { ChatGenerator, ChatMessage } from '../answer/generator.ts';
import { throwIfAborted } from '../errors.ts';
import type { Span } from '../text/sentences.ts';
import { isPartyArticle } from './extract.ts';
import { practiceKey } from './names.ts';
import { practiceRecords, type PracticeArticle, type PracticeRecord } from './record.ts';
import { categoryNames, isPracticeCategory } from './taxonomy.ts';

/** The most article text the model is shown (long articles are cut; their practices come early). */
const maxArticleCharacters = 6000;

const proposalsSchema = z.array(z.object({ name: z.string().trim().min(2).max(60), category: z.string().trim().max(20).optional() })).max(80);
export type PracticeProposals = z.infer<typeof proposalsSchema>;

/** What the model pass did over an ingest. */
export interface ModelPassStats {
  articles: number;
  proposed: number;
  /** Practices the rules had missed, found in the text. */
  added: number;
  /** Practices whose category the model changed. */
  recategorised: number;
  /** Proposals whose name is not in the article, or whose category is not in the taxonomy. */
  dropped: number;
  /** Articles for which the endpoint failed or answered something that is not the JSON asked for. */
  failed: number;
}

export interface PracticeRefiner {
  readonly stats: ModelPassStats;
  /** The article's practices after the model's proposals (the rules' practices when it fails). */
  refine(article: PracticeArticle, found: readonly PracticeRecord[], signal?: AbortSignal): Promise<PracticeRecord[]>;
}

/** The messages asking for an article's practices. */
export function proposalMessages(article: PracticeArticle, found: readonly PracticeRecord[]): ChatMessage[] {
  return [
    {
      role: 'system',
      content:
        '你是高校党建工作研究人员，帮助整理“做法库”。请找出文章所述单位开展的具名做法（如某某工程、计划、项目、机制、制度、工作法、活动、品牌、平台、阵地、队伍），' +
        '不要列出口号、理念、目标、荣誉称号、上级部署或要求、《》中的文件或案例标题、问题表述。' +
        `只输出一个 JSON 数组，每项为 {"name": "做法名称", "category": "类别"}；name 必须与原文逐字一致；category 只能是：${categoryNames.join('、')}。`,
    },
    {
      role: 'user',
      content: [
        `标题：${article.title || '（无）'}`,
        `已找到的做法：${found.map((record) => `${record.name.text}（${record.category}）`).join('；') || '（无）'}`,
        '请补充遗漏的做法，或改正类别。',
        '正文：',
        article.text.slice(0, maxArticleCharacters),
      ].join('\n'),
    },
  ];
}

/** The JSON array in a model's reply (it may wrap it in prose or a code fence); null when there is none. */
export function parseProposals(reply: string): PracticeProposals | null {
  const start = reply.indexOf('[');
  const end = reply.lastIndexOf(']');
  if (start === -1 || end <= start) return null;
  try {
    const parsed = proposalsSchema.safeParse(JSON.parse(reply.slice(start, end + 1)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Where `name` stands in `text`, word for word (straight quotes read as Chinese ones), or null. */
export function locateName(text: string, name: string): Span | null {
  for (const candidate of new Set([name, name.replace(/"([^"]*)"/g, '“$1”')])) {
    const at = text.indexOf(candidate);
    if (at !== -1) return { start: at, end: at + candidate.length };
  }
  return null;
}

export function createPracticeRefiner(generator: ChatGenerator, { timeoutMs = 120_000 }: { timeoutMs?: number } = {}): PracticeRefiner {
  const stats: ModelPassStats = { articles: 0, proposed: 0, added: 0, recategorised: 0, dropped: 0, failed: 0 };
  return {
    stats,
    async refine(article, found, signal) {
      if (!isPartyArticle(article.text)) return [...found];
      stats.articles++;
      const controller = new AbortController();
      const stop = (): void => controller.abort();
      signal?.addEventListener('abort', stop, { once: true });
      const timer = setTimeout(stop, timeoutMs);
      let proposals: PracticeProposals | null;
      try {
        proposals = parseProposals(await generator.complete(proposalMessages(article, found), controller.signal));
      } catch {
        // The ingest's own cancel stops the ingest; any other failure leaves the rules' practices.
        throwIfAborted(signal);
        proposals = null;
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', stop);
      }
      if (!proposals) {
        stats.failed++;
        return [...found];
      }
      stats.proposed += proposals.length;
      const names: Span[] = [];
      const categories = new Map<string, string>();
      for (const proposal of proposals) {
        const span = locateName(article.text, proposal.name);
        if (!span) {
          stats.dropped++;
          continue;
        }
        names.push(span);
        if (proposal.category && isPracticeCategory(proposal.category)) categories.set(practiceKey(proposal.name), proposal.category);
        else if (proposal.category) stats.dropped++;
      }
      const before = new Set(found.map((record) => record.id));
      const records = practiceRecords(article, { names });
      for (const record of records) {
        if (!before.has(record.id)) stats.added++;
        const category = categories.get(record.key) as PracticeRecord['category'] | undefined;
        if (category && category !== record.category) {
          record.category = category;
          stats.recategorised++;
        }
      }
      return records;
    },
  };
}

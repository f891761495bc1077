/**
 * What the user is told when a generated answer is replaced by the extractive one, by the code of
 * the failure (the code itself travels with the notice; the cause stays in the server's log).
 */
import type { AppError } from '../errors.ts';

const messages: Partial<Record<AppError['code'], string>> = {
  UPSTREAM_TIMEOUT: '生成模型响应超时，已改用摘录式回答。',
  ANSWER_TOO_LONG: '生成模型的回答超出长度上限，已改用摘录式回答。',
};

/** The `notice` of an answer whose generation failed with `error`. */
export function fallbackNotice(error: AppError): { code: string; message: string } {
  return { code: error.code, message: messages[error.code] ?? '生成模型服务暂时不可用，已改用摘录式回答。' };
}

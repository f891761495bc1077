/**
 * One error type for the whole product. Every failure that can reach a user carries a stable
 * `code`; the transport maps the code to an HTTP status and a public message, so raw upstream
 * errors (and their secrets or stack traces) never reach the browser.
 */

/** Stable error codes. Clients may switch on these; never rename one. */
export const errorCodes = {
  BAD_REQUEST: { status: 400, message: '请求格式不正确' },
  INVALID_QUERY: { status: 400, message: '查询参数不正确' },
  QUERY_TOO_LONG: { status: 400, message: '问题过长' },
  INVALID_MESSAGE: { status: 400, message: '消息格式不正确' },
  MESSAGE_TOO_LARGE: { status: 413, message: '消息过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的内容类型，请使用 application/json' },
  METHOD_NOT_ALLOWED: { status: 405, message: '不支持该请求方法' },
  UNAUTHORIZED: { status: 401, message: '需要有效的访问令牌' },
  ORIGIN_NOT_ALLOWED: { status: 403, message: '不接受来自其他网页的连接' },
  NOT_FOUND: { status: 404, message: '未找到请求的资源' },
  DOCUMENT_NOT_FOUND: { status: 404, message: '未找到该文章' },
  FILE_NOT_FOUND: { status: 404, message: '语料库中没有这个文件' },
  ADMIN_UNAUTHORIZED: { status: 401, message: '需要有效的管理令牌' },
  ADMIN_LOOPBACK_ONLY: { status: 403, message: '未设置 ADMIN_TOKEN 时，只能在服务器本机管理知识库' },
  UPLOAD_INVALID: { status: 400, message: '上传请求格式不正确' },
  UPLOAD_TOO_MANY_FILES: { status: 413, message: '一次上传的文件过多' },
  UPLOAD_REFUSED: { status: 422, message: '上传的文件都没有被接受' },
  FILE_TOO_LARGE: { status: 413, message: '文件过大' },
  FILE_TYPE_UNSUPPORTED: { status: 415, message: '不支持的文件类型' },
  FILE_NAME_INVALID: { status: 400, message: '文件名无效' },
  FILE_EMPTY: { status: 400, message: '文件为空' },
  STORE_UNAVAILABLE: { status: 503, message: '反馈与上传记录数据库暂不可用' },
  PRACTICE_NOT_FOUND: { status: 404, message: '未找到该做法' },
  RATE_LIMITED: { status: 429, message: '请求过于频繁，请稍后再试' },
  TOO_MANY_IN_FLIGHT: { status: 429, message: '同时进行的提问过多，请等待当前回答完成' },
  TOO_MANY_CONNECTIONS: { status: 429, message: '连接数过多' },
  CANCELLED: { status: 499, message: '已取消' },
  INDEX_MISSING: { status: 503, message: '索引尚未建立，请先运行导入' },
  INDEX_SCHEMA_MISMATCH: { status: 503, message: '索引版本与程序不匹配，请重新导入' },
  INDEX_CORRUPT: { status: 503, message: '索引文件已损坏，请重新导入' },
  EMBEDDING_MISMATCH: { status: 503, message: '索引所用的向量模型与当前配置不一致' },
  DATABASE_UNAVAILABLE: { status: 503, message: '数据库暂时无法连接，请稍后再试' },
  EMBEDDING_FAILED: { status: 500, message: '向量模型计算失败' },
  UPSTREAM_ERROR: { status: 502, message: '生成模型服务出错' },
  UPSTREAM_TIMEOUT: { status: 504, message: '生成模型服务超时' },
  ANSWER_TOO_LONG: { status: 502, message: '生成模型的回答超出长度上限' },
  SHUTTING_DOWN: { status: 503, message: '服务正在关闭' },
  INPUT_UNREADABLE: { status: 422, message: '文件无法读取' },
  DOCUMENT_TOO_COMPLEX: { status: 422, message: '内容结构过于复杂，无法导出' },
  ARCHIVE_REFUSED: { status: 422, message: '压缩文件解压后过大或条目过多，已拒绝' },
  CONFIG_INVALID: { status: 500, message: '配置不正确' },
  INTERNAL: { status: 500, message: '服务器内部错误' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCodes;

export interface AppErrorOptions {
  /** The underlying error, kept for logs; never sent to clients. */
  cause?: unknown;
  /** Safe, structured details for the client (field names, limits, file and line). */
  details?: Record<string, unknown>;
}

/**
 * The product's error. `message` is written for the person reading a log or a CLI line;
 * `publicMessage` is what a browser may see.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message?: string, options: AppErrorOptions = {}) {
    super(message ?? errorCodes[code].message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = errorCodes[code].status;
    this.details = options.details;
  }

  /** The message a client may see: the specific message for 4xx, the generic one for 5xx. */
  get publicMessage(): string {
    return this.status < 500 ? this.message : errorCodes[this.code].message;
  }

  /** The JSON body of an error response and of a websocket `error` message. */
  toJSON(): { code: ErrorCode; message: string; details?: Record<string, unknown> } {
    return this.details === undefined || this.status >= 500
      ? { code: this.code, message: this.publicMessage }
      : { code: this.code, message: this.publicMessage, details: this.details };
  }
}

/** Wraps anything thrown into an AppError, keeping AppErrors as they are. */
export function toAppError(error: unknown, fallback: ErrorCode = 'INTERNAL'): AppError {
  if (error instanceof AppError) return error;
  if (isAbortError(error)) return new AppError('CANCELLED', undefined, { cause: error });
  return new AppError(fallback, undefined, { cause: error });
}

/** True for the errors that an aborted `AbortSignal` produces (DOM AbortError and friends). */
export function isAbortError(error: unknown): boolean {
  if (error instanceof AppError) return error.code === 'CANCELLED';
  return (
    error instanceof Error &&
    (error.name === 'AbortError' || error.name === 'APIUserAbortError' || (error as { code?: unknown }).code === 'ABORT_ERR')
  );
}

/** Throws a CANCELLED AppError when the signal has been aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('CANCELLED', undefined, { cause: signal.reason });
}

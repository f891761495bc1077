/**
 * Words for what the knowledge base reports: a file's outcome after an ingest, the reason codes
 * of skipped files (ingest/readers/problems.ts), and the states of the corpus table's rows.
 *
 * @typedef {import('../../core/corpus/knowledge-base-types.ts').FileResult} FileResult
 * @typedef {import('../../core/corpus/knowledge-base-types.ts').CorpusRowStatus} CorpusRowStatus
 */

/** @type {Record<string, string>} */
const reasons = {
  EMPTY: '没有正文内容',
  BINARY: '不是文本文件',
  UNDECODABLE: '无法识别文字编码',
  UNREADABLE: '无法读取',
  TOO_LARGE: '文件过大',
  MALFORMED_JSON: 'JSON 格式错误',
  MISSING_FIELD: '缺少必填字段',
  INVALID_FIELD: '字段内容不正确',
  MALFORMED_DOCX: 'Word 文件已损坏或不是 .docx',
  MALFORMED_PDF: 'PDF 文件已损坏或已加密',
  NO_TEXT_LAYER: 'PDF 没有文字层（扫描件，请先做文字识别）',
  UNSUPPORTED: '不支持的文件类型',
  DUPLICATE_ID: '文章编号与其他文章重复',
  UNPROCESSABLE: '处理时出错',
  OUTSIDE_CORPUS: '链接指向语料库以外的文件',
  ARCHIVE_REFUSED: '压缩内容异常（解压后过大或条目过多），已拒绝',
  INPUT_UNREADABLE: '文件无法读取',
  FILE_TOO_LARGE: '文件过大',
  FILE_EMPTY: '文件为空',
  FILE_TYPE_UNSUPPORTED: '不支持的文件类型',
  FILE_NAME_INVALID: '文件名无效',
};

/** A reason code in words (the code itself when it is new to the page). */
export function reasonText(/** @type {string | null} */ code) {
  return (code && reasons[code]) || code || '';
}

/** @type {Record<CorpusRowStatus, string>} */
export const statusNames = {
  indexed: '已收录',
  updating: '待更新',
  pending: '待导入',
  duplicate: '重复已合并',
  skipped: '已跳过',
  removing: '删除中',
};

/** What became of a file, in a sentence. */
export function describeResult(/** @type {FileResult} */ result) {
  switch (result.status) {
    case 'indexed': {
      const articles = result.documents.length > 1 ? `${result.documents.length} 篇文章，` : '';
      const copies = result.copies.length > 0 ? `；与 ${result.copies.map((copy) => `《${copy.title}》`).join('、')} 内容相同，已合并为一篇` : '';
      return `已导入：${articles}${result.passages} 个段落${copies}${result.message ? `（${result.message}）` : ''}`;
    }
    case 'duplicate':
      return `与已收录的《${result.duplicateOf?.title ?? ''}》内容重复，已合并为一篇，不重复收录`;
    case 'skipped':
      return `已跳过：${reasonText(result.code)}${result.message ? `（${result.message}）` : ''}`;
    case 'refused':
      return `未上传：${result.message ?? reasonText(result.code)}`;
    case 'removed':
      return '已从知识库删除';
    default:
      return result.message ?? '等待导入';
  }
}

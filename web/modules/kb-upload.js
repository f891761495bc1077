/**
 * 上传文章: files dropped or picked, each with optional 标题 / 院校 / 单位 / 日期 that override what
 * ingest extracts; a progress bar per file while the batch uploads, then each file's result once
 * the ingest that the upload started has finished (indexed with N passages, folded into an
 * article that was already there, or skipped with the reason).
 *
 * @typedef {import('../../core/corpus/knowledge-base-types.ts').FileResult} FileResult
 * @typedef {import('../../core/corpus/knowledge-base-types.ts').KnowledgeBaseJob} KnowledgeBaseJob
 * @typedef {import('../../core/corpus/knowledge-base-types.ts').KnowledgeBaseStatus['limits']} UploadLimits
 *
 * @typedef {object} UploadItem
 * @property {string} id
 * @property {File} file
 * @property {{ title: string, college: string, unit: string, date: string }} metadata
 * @property {'ready' | 'uploading' | 'waiting' | 'done' | 'refused' | 'failed'} state
 * @property {number} sent fraction of the file sent, 0–1
 * @property {string} note what the page says about it
 * @property {FileResult | null} result
 * @property {string | null} jobId
 * @property {number} jobIndex its place in the job's files
 */
import { ApiError } from './api.js';
import { byId, h, randomId, show } from './dom.js';
import { formatBytes, uploadForm } from './kb-api.js';
import { describeResult } from './kb-results.js';

const drop = byId('kb-drop');
const picker = byId('kb-file-input', HTMLInputElement);
const hint = byId('kb-upload-hint');
const list = byId('kb-upload-list');
const actions = byId('kb-upload-actions');
const startButton = byId('kb-upload-start', HTMLButtonElement);
const clearButton = byId('kb-upload-clear', HTMLButtonElement);

/** @type {UploadItem[]} */
let items = [];
/** @type {UploadLimits} */
let limits = { maxFileBytes: 20 * 1024 * 1024, maxFiles: 20, extensions: ['.txt', '.md', '.html', '.htm', '.docx', '.pdf', '.jsonl'] };
let uploading = false;
/** @type {(text: string) => void} */
let say = () => {};

/** @param {{ announce: (text: string) => void }} options */
export function initUpload({ announce }) {
  say = announce;
  byId('kb-pick').addEventListener('click', () => picker.click());
  picker.addEventListener('change', () => {
    addFiles([...(picker.files ?? [])]);
    picker.value = '';
  });
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    addFiles([...(event.dataTransfer?.files ?? [])]);
  });
  startButton.addEventListener('click', () => void start());
  clearButton.addEventListener('click', () => {
    items = items.filter((item) => item.state === 'uploading' || item.state === 'waiting');
    render();
  });
}

/** The server's limits (GET /api/kb/status). */
export function setUploadLimits(/** @type {UploadLimits} */ given) {
  limits = given;
  picker.accept = limits.extensions.join(',');
  hint.textContent = `支持 ${limits.extensions.join(' ')}；单个文件不超过 ${formatBytes(limits.maxFileBytes)}，一次最多 ${limits.maxFiles} 个。可以为每个文件填写院校、单位、日期和标题，它们优先于从原文提取的信息。`;
}

/** Why the page will not send a file (the server checks the same, and more). */
function refusal(/** @type {File} */ file) {
  const dot = file.name.lastIndexOf('.');
  const extension = dot >= 0 ? file.name.slice(dot).toLowerCase() : '';
  if (!limits.extensions.includes(extension)) return `不支持的文件类型${extension ? ` ${extension}` : ''}`;
  if (file.size > limits.maxFileBytes) return `文件过大（${formatBytes(file.size)}，上限 ${formatBytes(limits.maxFileBytes)}）`;
  if (file.size === 0) return '文件为空';
  return '';
}

function addFiles(/** @type {File[]} */ files) {
  for (const file of files) {
    const why = refusal(file);
    items.push({
      id: randomId('u'),
      file,
      metadata: { title: '', college: '', unit: '', date: '' },
      state: why ? 'refused' : 'ready',
      sent: 0,
      note: why ? `不能上传：${why}` : '待上传',
      result: null,
      jobId: null,
      jobIndex: -1,
    });
  }
  render();
  if (files.length > 0) say(`已添加 ${files.length} 个文件`);
}

/** @param {UploadItem} item @param {keyof UploadItem['metadata']} field @param {string} label */
function metadataInput(item, field, label, placeholder = '') {
  const input = h('input', { value: item.metadata[field], placeholder, maxlength: field === 'date' ? 40 : 300, 'aria-label': `${item.file.name} 的${label}`, disabled: item.state !== 'ready' });
  input.addEventListener('input', () => (item.metadata[field] = input.value));
  return h('label', { class: 'kb-meta-field' }, h('span', { text: label }), input);
}

function itemNode(/** @type {UploadItem} */ item) {
  const busy = item.state === 'uploading' || item.state === 'waiting';
  return h(
    'li',
    { class: `kb-upload-item state-${item.state}${item.result && item.state === 'done' ? ` result-${item.result.status}` : ''}`, dataset: { id: item.id } },
    h(
      'div',
      { class: 'kb-upload-row' },
      h('span', { class: 'kb-upload-name', text: item.file.name }),
      h('span', { class: 'kb-upload-size', text: formatBytes(item.file.size) }),
      item.state === 'ready' || item.state === 'refused'
        ? h('button', { type: 'button', class: 'link-button', 'aria-label': `移除 ${item.file.name}`, text: '移除', onclick: () => removeItem(item) })
        : null,
    ),
    item.state === 'uploading' ? h('progress', { class: 'kb-upload-bar', max: 1, value: item.sent, 'aria-label': `${item.file.name} 上传进度` }) : null,
    busy && item.state === 'waiting' ? h('progress', { class: 'kb-upload-bar', 'aria-label': `${item.file.name} 等待导入` }) : null,
    h('p', { class: 'kb-upload-note', role: item.state === 'failed' || item.state === 'refused' ? 'alert' : undefined, text: item.note }),
    item.state === 'ready'
      ? h(
          'details',
          { class: 'kb-upload-meta' },
          h('summary', { text: '填写文章信息（可选）' }),
          h('div', { class: 'kb-meta-grid' }, metadataInput(item, 'college', '院校', '如：嘉兴职业技术学院'), metadataInput(item, 'unit', '单位', '如：学校党委'), metadataInput(item, 'date', '日期', '2024-05-08'), metadataInput(item, 'title', '标题')),
        )
      : null,
  );
}

function removeItem(/** @type {UploadItem} */ item) {
  items = items.filter((other) => other !== item);
  render();
}

function render() {
  list.replaceChildren(...items.map(itemNode));
  const ready = items.filter((item) => item.state === 'ready').length;
  show(actions, items.length > 0);
  startButton.disabled = uploading || ready === 0;
  startButton.textContent = ready > 0 ? `上传并导入（${ready} 个文件）` : '上传并导入';
}

/** Updates one item's progress bar without rebuilding the list (it moves many times a second). */
function renderProgress(/** @type {UploadItem} */ item) {
  const bar = list.querySelector(`[data-id="${item.id}"] progress`);
  if (bar instanceof HTMLProgressElement) bar.value = item.sent;
}

/** Sends every ready file in one request (one ingest for the batch). */
async function start() {
  const batch = items.filter((item) => item.state === 'ready').slice(0, limits.maxFiles);
  if (batch.length === 0 || uploading) return;
  uploading = true;
  const form = new FormData();
  form.append('metadata', JSON.stringify(batch.map((item) => item.metadata)));
  for (const item of batch) {
    form.append('files', item.file, item.file.name);
    Object.assign(item, { state: 'uploading', sent: 0, note: '正在上传…' });
  }
  render();
  // The body is the files one after another: bytes sent say how far into which file it is.
  const total = batch.reduce((sum, item) => sum + item.file.size, 0);
  const onProgress = (/** @type {number} */ sent, /** @type {number} */ size) => {
    let position = (sent / size) * total;
    for (const item of batch) {
      item.sent = Math.max(0, Math.min(1, position / Math.max(1, item.file.size)));
      position -= item.file.size;
      renderProgress(item);
    }
  };
  try {
    const response = await uploadForm(form, onProgress);
    applyResults(batch, response.files, response.job);
    say(`${batch.length} 个文件已上传，正在导入`);
  } catch (error) {
    const details = error instanceof ApiError ? error.details : undefined;
    if (error instanceof ApiError && error.code === 'UPLOAD_REFUSED' && Array.isArray(details?.files)) {
      applyResults(batch, /** @type {FileResult[]} */ (details.files), null);
      say('文件都没有被接受');
    } else {
      const message = error instanceof Error ? error.message : String(error);
      for (const item of batch) Object.assign(item, { state: 'failed', note: `上传失败：${message}` });
      say(`上传失败：${message}`);
    }
  } finally {
    uploading = false;
    render();
  }
}

/**
 * @param {UploadItem[]} batch
 * @param {FileResult[]} results in the batch's order
 * @param {KnowledgeBaseJob | null} job
 */
function applyResults(batch, results, job) {
  batch.forEach((item, index) => {
    const result = results[index] ?? null;
    item.result = result;
    if (!result || result.status === 'refused') {
      Object.assign(item, { state: 'refused', note: `未上传：${result?.message ?? '服务器没有接受这个文件'}` });
      return;
    }
    Object.assign(item, { state: 'waiting', jobId: job?.id ?? null, jobIndex: index, note: '已上传，等待导入…' });
  });
  if (job && job.state !== 'waiting') onUploadJob(job);
}

/** A job finished (from the event socket): its files get their results. */
export function onUploadJob(/** @type {KnowledgeBaseJob} */ job) {
  if (job.state === 'waiting') return;
  let changed = false;
  for (const item of items) {
    if (item.jobId !== job.id || item.state !== 'waiting') continue;
    const result = job.files[item.jobIndex];
    changed = true;
    if (job.state === 'failed' || !result) {
      Object.assign(item, { state: 'failed', note: job.message ?? '导入失败' });
      continue;
    }
    Object.assign(item, { state: 'done', result, note: describeResult(result) });
  }
  if (changed) {
    render();
    say('上传的文件已导入完成');
  }
}

/** Files still waiting for a job whose result the page may have missed (the socket was down). */
export function waitingJobs() {
  return [...new Set(items.filter((item) => item.state === 'waiting' && item.jobId).map((item) => /** @type {string} */ (item.jobId)))];
}

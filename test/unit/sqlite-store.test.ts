import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { csvCell, feedbackCsv, feedbackCsvHeader } from '../../core/export/csv.ts';
import { SqliteStore } from '../../core/store/sqlite-store.ts';
import { all, appStoreContract, feedback } from '../helpers/app-store-contract.ts';
import { makeTempDir, removeTempDirs } from '../helpers/corpus.ts';

const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  removeTempDirs();
});

function open(file = ':memory:'): SqliteStore {
  const store = SqliteStore.open(file);
  stores.push(store);
  return store;
}

describe('the SQLite store', () => {
  appStoreContract(async () => open());

  it('keeps its data across restarts, in a file it creates with its folder', async () => {
    const file = path.join(makeTempDir('sqlite'), 'nested', 'app.sqlite');
    const first = open(file);
    await first.saveFeedback(feedback());
    await first.close();
    const again = open(file);
    expect((await again.listFeedback({ limit: 10, offset: 0 })).total).toBe(1);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses a file that is not a database with STORE_UNAVAILABLE naming it', () => {
    const file = path.join(makeTempDir('sqlite-bad'), 'app.sqlite');
    fs.writeFileSync(file, 'this is not a database, it only has the name of one'.repeat(100));
    expect(() => SqliteStore.open(file)).toThrow(AppError);
    try {
      SqliteStore.open(file);
    } catch (error) {
      expect((error as AppError).code).toBe('STORE_UNAVAILABLE');
      expect((error as AppError).message).toContain(file);
    }
  });
});

describe('feedback as CSV', () => {
  it('quotes what needs quoting and never lets a spreadsheet run a cell as a formula', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    for (const start of ['+', '-', '@', '\t']) expect(csvCell(`${start}1`)).toBe(`'${start}1`);
  });

  it('starts with the byte-order mark and the header, one line per record with its sources', async () => {
    const store = open();
    await store.saveFeedback(feedback({ comment: '缺少"成效"数据' }));
    const text = (await all(feedbackCsv(store.exportFeedback(undefined)))).join('');
    expect(text.startsWith(`\ufeff${feedbackCsvHeader.join(',')}\r\n`)).toBe(true);
    const line = text.split('\r\n')[1]!;
    expect(line).toContain(',没用,如何打造党建特色品牌？,问答,"缺少""成效""数据",');
    expect(line).toContain('[1] 《标题》 嘉兴职业技术学院：实施“红色领航”工程');
  });
});


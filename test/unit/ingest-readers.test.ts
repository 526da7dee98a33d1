// The readers under the ingest: the streaming CSV tokenizer (quotes, CRLF, records spanning lines, a
// file cut inside quotes), delimiter and header detection, the fixity pass, encoding detection (UTF-8,
// GB18030/GBK, UTF-16), XLSX reading (cell text, every sheet read through, a second read after a
// fault), write failures, identifier headers and the SQL identifier mask.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeFile, readFile } from 'node:fs/promises';
import fs, { type ReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { CsvTokenizer, type CsvRecord } from '../../analytics/ingest/readers/csv-tokenizer.ts';
import { detectDialect } from '../../analytics/ingest/readers/dialect.ts';
import { sniffFile } from '../../analytics/ingest/sniff.ts';
import { chooseEncoding, decodeToUtf8, EncodingProblem } from '../../analytics/ingest/readers/encoding.ts';
import { cellText, normalizeXlsx, SheetProblem } from '../../analytics/ingest/readers/xlsx.ts';
import { identifierKind } from '../../analytics/ingest/identifiers.ts';
import { NormalizedWriter } from '../../analytics/ingest/readers/normalized-writer.ts';
import { Database } from '../../analytics/db/database.ts';
import { loadSql } from '../../analytics/db/sql-files.ts';
import { tempDir } from '../helpers/archive.ts';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir('xueji-readers-')));
afterAll(async () => cleanup());

function tokenize(text: string, delimiter = ',', chunk = text.length): { records: CsvRecord[]; open: number | null } {
  const records: CsvRecord[] = [];
  const tokenizer = new CsvTokenizer(delimiter, (r) => records.push({ ...r, fields: [...r.fields] }));
  for (let i = 0; i < text.length; i += chunk) tokenizer.push(text.slice(i, i + chunk));
  tokenizer.end();
  return { records, open: tokenizer.unterminatedQuoteLine };
}

describe('the CSV tokenizer', () => {
  const text = 'a,b,c\r\n1,"x\r\ny ""q""",3\r\n\r\n4,,"6"\r\n7,8';

  it('reads quoted fields with embedded newlines and doubled quotes, skips blank lines, and gives each record its first line', () => {
    const { records, open } = tokenize(text);
    expect(records.map((r) => [r.line, r.fields, r.terminated])).toEqual([
      [1, ['a', 'b', 'c'], true],
      [2, ['1', 'x\r\ny "q"', '3'], true],
      [5, ['4', '', '6'], true],
      [6, ['7', '8'], false],
    ]);
    expect(open).toBeNull();
  });

  it('gives the same records whatever the chunk boundaries (one character at a time)', () => {
    expect(tokenize(text, ',', 1).records).toEqual(tokenize(text).records);
  });

  it('reports a file that ends inside a quoted field, with the line the field starts on', () => {
    expect(tokenize('a,b\n1,2\n3,"unfinished\nmore').open).toBe(3);
  });
});

describe('delimiter and header detection', () => {
  it.each([
    [',', 'a,b,c\n1,2,3\n'],
    [';', 'a;b;c\n1;2,5;3\n'],
    ['\t', 'a\tb\tc\n1\t2\t3\n'],
    ['|', 'a|b|c\n1|2|3\n'],
  ])('finds %j', (delimiter, sample) => {
    expect(detectDialect(sample)).toEqual({ delimiter, header: ['a', 'b', 'c'] });
  });

  it('trims header cells, including a tab inside quotes (the UCI file), and strips a BOM', () => {
    expect(detectDialect('\uFEFFMarital status;"Daytime/evening attendance\t";Target\r\n1;1;Dropout\r\n').header).toEqual([
      'Marital status',
      'Daytime/evening attendance',
      'Target',
    ]);
  });
});

describe('the fixity pass and encodings', () => {
  it('computes SHA-256 and counts line ends, keeping a character split across read chunks valid UTF-8', async () => {
    // 1 MiB chunks: put a 3-byte character across the first boundary.
    const body = Buffer.concat([Buffer.from('x'.repeat((1 << 20) - 1)), Buffer.from('学\n,"q"\n')]);
    const file = path.join(dir, 'straddle.csv');
    await writeFile(file, body);
    const sniff = await sniffFile(file);
    expect(sniff).toMatchObject({ bytes: body.length, utf8: true, lineFeeds: 2, hasQuote: true, endsWithNewline: true, bom: null });
    expect(sniff.sha256).toBe(createHash('sha256').update(body).digest('hex'));
  });

  it('detects GBK as GB18030 without being told, and decodes it to UTF-8', async () => {
    const file = path.join(dir, 'gbk.csv');
    await writeFile(file, iconv.encode('学号,姓名\r\nG1,周一\r\n', 'gbk'));
    const sniff = await sniffFile(file);
    expect(sniff.utf8).toBe(false);
    const choice = chooseEncoding(sniff);
    expect(choice).toMatchObject({ encoding: 'gb18030', detected: true });
    const target = path.join(dir, 'gbk.utf8.csv');
    expect(await decodeToUtf8(file, choice.encoding, target)).toEqual({ lineFeeds: 2, hasQuote: false, replacements: 0 });
    expect(await readFile(target, 'utf8')).toBe('学号,姓名\r\nG1,周一\r\n');
  });

  it('refuses a GBK file declared as UTF-8, naming the first bad byte', async () => {
    const file = path.join(dir, 'gbk2.csv');
    await writeFile(file, iconv.encode('ab,学号\n', 'gbk'));
    expect(() => chooseEncoding({ utf8: false, firstInvalidUtf8: 3 } as never, 'utf-8')).toThrow(EncodingProblem);
    expect(() => chooseEncoding({ utf8: false, firstInvalidUtf8: 3 } as never, 'utf-8')).toThrow(/offset 3 is not valid UTF-8/);
    expect(chooseEncoding(await sniffFile(file), 'GBK')).toMatchObject({ encoding: 'gb18030', detected: false });
  });

  it('reports a file it cannot write as the failure of the step, not of the process', async () => {
    // The target is a folder (EISDIR), as a full disk or a lost mount would fail a write. Before, the
    // write stream's error had no listener: an uncaught exception (the server down with the receipt)
    // and, in the decoder, a loop that waited forever.
    const writer = new NormalizedWriter(dir, 2);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the open fails meanwhile, unheard before
    await writer.write(1, ['a', 'b']).catch(() => {}); // rejects once the failure is known
    await expect(writer.close()).rejects.toThrow(/EISDIR/);
    const source = path.join(dir, 'to-decode.csv');
    await writeFile(source, iconv.encode('学号\nG1\n', 'gbk'));
    await expect(decodeToUtf8(source, 'gb18030', dir)).rejects.toThrow(/EISDIR/);
  });

  it('reads UTF-16LE (Excel "Unicode text") by its byte-order mark', async () => {
    const file = path.join(dir, 'utf16.txt');
    await writeFile(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('学号\t姓名\r\nS1\t张三\r\n', 'utf16le')]));
    const choice = chooseEncoding(await sniffFile(file));
    expect(choice).toMatchObject({ encoding: 'utf-16le', basis: 'byte-order mark' });
    const target = path.join(dir, 'utf16.utf8.txt');
    await decodeToUtf8(file, choice.encoding, target);
    expect(await readFile(target, 'utf8')).toBe('学号\t姓名\r\nS1\t张三\r\n');
  });
});

describe('XLSX reading', () => {
  it('writes cells as a person reads them', () => {
    expect(cellText(95)).toBe('95');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(new Date(Date.UTC(2021, 8, 1)))).toBe('2021-09-01');
    expect(cellText(new Date(Date.UTC(2021, 8, 1, 14, 30)))).toBe('2021-09-01 14:30:00');
    expect(cellText({ richText: [{ text: '高等' }, { text: '数学' }] })).toBe('高等数学');
    expect(cellText({ formula: '80+5', result: 85 })).toBe('85');
    expect(cellText(null)).toBe('');
  });

  it('reads a workbook to its end, so the temp files exceljs parks sheets in are read whole and then removed', async () => {
    // The sample's sheets come before its shared strings: exceljs parks each in a temp file, opens a
    // stream on it as it hands the sheet out and deletes the file when the next is asked for. A stream
    // left unread raced that deletion (an uncaught ENOENT in CI); leaving early kept the files. Watch
    // every stream it opens.
    const workbook = path.resolve('data/samples/kingosoft-grades/成绩.xlsx');
    const parked: { path: string; ended: boolean; error: Error | null }[] = [];
    const open = fs.createReadStream;
    const spy = vi.spyOn(fs, 'createReadStream').mockImplementation(((file: fs.PathLike, options?: unknown) => {
      const stream = open(file, options as never) as ReadStream;
      if (String(file) === workbook) return stream;
      const seen = { path: String(file), ended: false, error: null as Error | null };
      parked.push(seen);
      stream.on('end', () => (seen.ended = true));
      stream.on('error', (error) => (seen.error = error));
      return stream;
    }) as typeof fs.createReadStream);
    try {
      await expect(normalizeXlsx(workbook, path.join(dir, 'sheets.txt'), '成绩')).rejects.toThrow(SheetProblem);
      expect(await normalizeXlsx(workbook, path.join(dir, 'sheets.txt'))).toMatchObject({ sheet: '成绩单', sheets: ['成绩单', '说明'] });
    } finally {
      spy.mockRestore();
    }
    expect(parked.map(({ ended, error }) => ({ ended, error }))).toEqual(Array(4).fill({ ended: true, error: null }));
    // exceljs removes each file with an fs.unlink it does not wait for.
    await vi.waitFor(() => expect(parked.filter((p) => fs.existsSync(p.path))).toEqual([]), { timeout: 5000 });
  });

  it('reads a workbook once more when exceljs fails on it, and refuses it when it fails again', async () => {
    const workbook = path.resolve('data/samples/kingosoft-grades/成绩.xlsx');
    const fault = new TypeError("Cannot read properties of undefined (reading 'sheets')");
    const failing = async function* () {
      throw fault;
    };
    const reader = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as { parse: () => AsyncGenerator };
    const once = vi.spyOn(reader, 'parse').mockImplementationOnce(failing);
    try {
      expect(await normalizeXlsx(workbook, path.join(dir, 'again.txt'))).toMatchObject({ sheet: '成绩单', rows: 6 });
      expect(once).toHaveBeenCalledTimes(2);
    } finally {
      once.mockRestore();
    }
    expect((await readFile(path.join(dir, 'again.txt'), 'utf8')).split('\n').filter(Boolean)).toHaveLength(7);
    const always = vi.spyOn(reader, 'parse').mockImplementation(failing);
    try {
      await expect(normalizeXlsx(workbook, path.join(dir, 'never.txt'))).rejects.toBe(fault);
      expect(always).toHaveBeenCalledTimes(2);
    } finally {
      always.mockRestore();
    }
  });
});

describe('direct identifiers', () => {
  it.each([
    ['身份证号', 'national_id'],
    ['证件号码', 'national_id'],
    ['sfzh', 'national_id'],
    ['national_id', 'national_id'],
    ['联系电话', 'phone'],
    ['Mobile Phone', 'phone'],
    ['家庭住址', 'address'],
    ['address', 'address'],
    ['email', 'email'],
    ['银行卡号', 'bank_account'],
    ['hotel', null],
    ['Nacionality', null],
    ['学号', null],
    ['student_id', null],
  ])('header %s is %s', (header, kind) => {
    expect(identifierKind(header)).toBe(kind);
  });

  it('validates national IDs by region, birth date and check digit, and masks them and mobile numbers in text', async () => {
    const db = await Database.open({ threads: 1 });
    try {
      await db.execute(loadSql('archive/identifier-macros').text);
      const [row] = await db.execute(`SELECT xueji_national_id_valid('11010519491231002X') AS valid,
        xueji_national_id_valid('110105194912310021') AS bad_check, xueji_national_id_valid('199991202050000001') AS diploma,
        xueji_mask_identifiers('家长身份证11010519491231002X，电话13812345678') AS masked,
        xueji_mask_identifiers('毕业证书199991202050000001') AS kept`);
      expect(row).toEqual({
        valid: true,
        bad_check: false,
        diploma: false,
        masked: '家长身份证******************，电话***********',
        kept: '毕业证书199991202050000001',
      });
    } finally {
      db.close();
    }
  });
});

// CSV as web/lib/csv.ts builds it for the chart cards: RFC 4180 quoting, CRLF lines, raw numbers,
// formula guard, and a UTF-8 BOM on the downloaded file so Excel shows Chinese.
import { describe, expect, it } from 'vitest';
import { UTF8_BOM, csvBlob, toCsv, type CsvColumn, type CsvRow } from '../../web/lib/csv.ts';

const one: CsvColumn[] = [{ key: 'v', label: 'v' }];

describe('toCsv', () => {
	it('writes a header of labels and one line per row, in column order, CRLF-terminated', () => {
		const columns: CsvColumn[] = [
			{ key: 'entry_year', label: '入学年级' },
			{ key: 'term_index', label: '学期' },
			{ key: 'fail_rate', label: '不及格率' },
		];
		const rows: CsvRow[] = [
			{ fail_rate: 0.081, term_index: 1, entry_year: 2019, ignored: 'x' },
			{ entry_year: 2019, term_index: 2, fail_rate: 0.05 },
		];
		expect(toCsv(columns, rows)).toBe('入学年级,学期,不及格率\r\n2019,1,0.081\r\n2019,2,0.05\r\n');
	});

	it('writes only the header when there are no rows', () => {
		expect(toCsv([{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }], [])).toBe('A,B\r\n');
	});

	const cases: { title: string; value: unknown; expected: string }[] = [
		{ title: 'plain Chinese text as is', value: '计算机科学与技术学院', expected: '计算机科学与技术学院' },
		{ title: 'integer', value: 5321, expected: '5321' },
		{ title: 'a long decimal keeps 15 significant digits', value: 78.41666666666667, expected: '78.4166666666667' },
		{ title: 'binary noise is cut at 15 significant digits', value: 54.800000000000004, expected: '54.8' },
		{ title: 'a sum that is not exact in binary', value: 0.1 + 0.2, expected: '0.3' },
		{ title: 'large integers stay whole', value: 123456789012, expected: '123456789012' },
		{ title: 'small rates keep their digits', value: 0.0123456789, expected: '0.0123456789' },
		{ title: 'zero', value: 0, expected: '0' },
		{ title: 'negative number stays a number', value: -3.5, expected: '-3.5' },
		{ title: 'null is empty', value: null, expected: '' },
		{ title: 'undefined (missing key) is empty', value: undefined, expected: '' },
		{ title: 'NaN is empty', value: Number.NaN, expected: '' },
		{ title: 'Infinity is empty', value: Number.POSITIVE_INFINITY, expected: '' },
		{ title: 'boolean', value: true, expected: 'true' },
		{ title: 'comma is quoted', value: '软件工程,卓越班', expected: '"软件工程,卓越班"' },
		{ title: 'quotes are doubled', value: '“双一流”"A"', expected: '"“双一流”""A"""' },
		{ title: 'LF is quoted', value: 'a\nb', expected: '"a\nb"' },
		{ title: 'CRLF is quoted', value: 'a\r\nb', expected: '"a\r\nb"' },
		{ title: 'leading space is quoted (Excel would trim it)', value: ' a', expected: '" a"' },
		{ title: 'trailing space is quoted', value: 'a ', expected: '"a "' },
		{ title: 'a formula is defused', value: '=SUM(A1:A9)', expected: "'=SUM(A1:A9)" },
		{ title: 'plus and at signs are defused', value: '@cmd', expected: "'@cmd" },
		{ title: 'a minus-led text is defused', value: '-1+1', expected: "'-1+1" },
		{ title: 'a defused formula with a comma is also quoted', value: '=1,2', expected: `"'=1,2"` },
		{ title: 'a date as ISO 8601', value: new Date(Date.UTC(2024, 8, 1)), expected: '2024-09-01T00:00:00.000Z' },
	];

	it.each(cases)('field: $title', ({ value, expected }) => {
		expect(toCsv(one, [{ v: value }])).toBe(`v\r\n${expected}\r\n`);
	});

	it('quotes labels like values', () => {
		expect(toCsv([{ key: 'n', label: '人数, n' }], [{ n: 1 }])).toBe('"人数, n"\r\n1\r\n');
	});
});

describe('csvBlob', () => {
	it('is UTF-8 with a byte-order mark, so Excel opens Chinese correctly', async () => {
		const blob = csvBlob([{ key: 'level', label: '层次' }], [{ level: '本科' }]);
		expect(blob.type).toBe('text/csv;charset=utf-8');
		const bytes = new Uint8Array(await blob.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(`${UTF8_BOM}层次\r\n本科\r\n`);
	});
});

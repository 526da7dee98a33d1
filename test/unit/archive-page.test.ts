// The archive page's pure helpers: the open report in the URL, labels, and what a report offers.
import { describe, expect, it } from 'vitest';
import { parseArchivePageState, propertyStatuses, quarantinedTables, shortHash, tableKey } from '../../web/lib/archive/report.ts';
import type { ArchiveReport } from '../../web/lib/api.ts';

describe('the archive page state', () => {
	it('reads a well-formed accession id from the URL and ignores anything else', () => {
		expect(parseArchivePageState(new URLSearchParams('accession=A000012-20261128T181059Z'))).toEqual({ accession: 'A000012-20261128T181059Z' });
		expect(parseArchivePageState(new URLSearchParams('accession=../../etc'))).toEqual({ accession: null });
		expect(parseArchivePageState(new URLSearchParams(''))).toEqual({ accession: null });
	});
});

describe('report helpers', () => {
	const status = (s: 'pass' | 'warn' | 'fail') => ({ status: s, items: [] });
	const report = {
		status: 'committed',
		tables: [
			{ table: 'students', rows_quarantined: 0 },
			{ table: 'grades', rows_quarantined: 3 },
		],
		properties: { authenticity: status('warn'), integrity: status('pass'), usability: status('pass'), security: status('fail') },
	} as unknown as ArchiveReport;

	it('lists the four properties in order with their status', () => {
		expect(propertyStatuses(report)).toEqual([
			{ property: 'authenticity', status: 'warn' },
			{ property: 'integrity', status: 'pass' },
			{ property: 'usability', status: 'pass' },
			{ property: 'security', status: 'fail' },
		]);
	});

	it('offers downloads only for tables that quarantined rows of a committed accession', () => {
		expect(quarantinedTables(report)).toEqual(['grades']);
		expect(quarantinedTables({ ...report, status: 'refused' })).toEqual([]);
	});

	it('labels tables and shortens hashes', () => {
		expect(tableKey('grades')).toBe('arch.table.grades');
		expect(tableKey('other')).toBeNull();
		expect(shortHash('a'.repeat(64))).toBe('aaaaaaaaaaaa…');
	});
});

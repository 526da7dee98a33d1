// The admin page's pure audit-log helpers (web/lib/admin/audit.ts).
import { describe, expect, it } from 'vitest';
import { brokenEntry, outcomeOf, pageRange, paramPairs } from '../../web/lib/admin/audit.ts';

describe('outcomeOf', () => {
	it.each([
		[200, 'ok'],
		[304, 'ok'],
		[399, 'ok'],
		[400, 'refused'],
		[401, 'refused'],
		[403, 'refused'],
		[429, 'refused'],
		[499, 'refused'],
		[500, 'error'],
		[503, 'error'],
	])('%i is %s', (status, expected) => {
		expect(outcomeOf(status)).toBe(expected);
	});
});

describe('paramPairs', () => {
	it('keeps strings as they are and writes the rest as JSON, in order', () => {
		expect(paramPairs({ college: '外国语学院', limit: 50, tags: ['a', 'b'], none: null, flag: true })).toEqual([
			{ key: 'college', value: '外国语学院' },
			{ key: 'limit', value: '50' },
			{ key: 'tags', value: '["a","b"]' },
			{ key: 'none', value: 'null' },
			{ key: 'flag', value: 'true' },
		]);
	});

	it('has nothing for no parameters', () => {
		expect(paramPairs({})).toEqual([]);
	});
});

describe('pageRange', () => {
	it.each([
		{ offset: 0, shown: 50, total: 120, expected: { from: 1, to: 50, total: 120 } },
		{ offset: 100, shown: 20, total: 120, expected: { from: 101, to: 120, total: 120 } },
		{ offset: 0, shown: 1, total: 1, expected: { from: 1, to: 1, total: 1 } },
		{ offset: 0, shown: 0, total: 0, expected: null },
		{ offset: 500, shown: 0, total: 120, expected: null },
	])('offset $offset, $shown shown of $total', ({ offset, shown, total, expected }) => {
		expect(pageRange(offset, shown, total)).toEqual(expected);
	});
});

describe('brokenEntry', () => {
	it('is null for an intact chain and 1-based otherwise', () => {
		expect(brokenEntry({ first_broken: -1 })).toBeNull();
		expect(brokenEntry({ first_broken: 0 })).toBe(1);
		expect(brokenEntry({ first_broken: 41 })).toBe(42);
	});
});

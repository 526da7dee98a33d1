// The student-scope fields' rules (web/lib/components/student-scope.ts), shared by the grades, status and
// reports pages: the options each select offers and what a change writes to the URL. Inputs are small
// hand-made values; expectations follow from them.
import { describe, expect, it } from 'vitest';
import { cohortBounds, cohortOptions, emptyAsNull, majorsOf, scopePatch, withCurrent } from '../../web/lib/components/student-scope.ts';

const DATA = [2018, 2019, 2020, 2021];
const none = { cohortFrom: null, cohortTo: null, level: null, college: null, major: null };

describe('student scope options', () => {
	it('reads the "all" option as no filter', () => {
		expect(emptyAsNull('')).toBeNull();
		expect(emptyAsNull('本科')).toBe('本科');
	});

	it('keeps a URL value the data lacks, after the data\'s own', () => {
		expect(withCurrent(['本科', '专科'], '研究生')).toEqual(['本科', '专科', '研究生']);
		expect(withCurrent(['本科', '专科'], '专科')).toEqual(['本科', '专科']);
		expect(withCurrent(['本科'], null)).toEqual(['本科']);
		expect(withCurrent(['本科'], undefined)).toEqual(['本科']);
	});

	it.each([
		[none, { from: 2018, to: 2021 }],
		[{ ...none, cohortFrom: 2019 }, { from: 2019, to: 2021 }],
		[{ ...none, cohortTo: 2020 }, { from: 2018, to: 2020 }],
		[{ ...none, cohortFrom: 2016, cohortTo: 2017 }, { from: 2016, to: 2017 }],
	])('shows the bounds of %j as %j', (scope, expected) => {
		expect(cohortBounds(DATA, scope)).toEqual(expected);
	});

	it('shows no bound before the data has cohorts', () => {
		expect(cohortBounds([], none)).toEqual({ from: null, to: null });
	});

	it('offers the data\'s cohorts plus the URL\'s bounds, ascending, once each', () => {
		expect(cohortOptions(DATA, none)).toEqual(DATA);
		expect(cohortOptions(DATA, { ...none, cohortFrom: 2016, cohortTo: 2019 })).toEqual([2016, 2018, 2019, 2020, 2021]);
		expect(cohortOptions(DATA, { ...none, cohortTo: 2023 })).toEqual([2018, 2019, 2020, 2021, 2023]);
		expect(cohortOptions([], { college: null, major: null })).toEqual([]);
	});

	it('offers the chosen college\'s majors, none before a college is chosen', () => {
		const colleges = [
			{ name: '计算机学院', majors: ['软件工程', '网络工程'] },
			{ name: '文学院', majors: ['汉语言文学'] },
		];
		expect(majorsOf(colleges, '文学院')).toEqual(['汉语言文学']);
		expect(majorsOf(colleges, null)).toEqual([]);
		expect(majorsOf(colleges, '医学院')).toEqual([]);
	});
});

describe('what a change writes', () => {
	it('clears the major when another college is chosen', () => {
		expect(scopePatch({ college: '文学院' }, '计算机学院', DATA)).toEqual({ college: '文学院', major: null });
		expect(scopePatch({ college: null }, '计算机学院', DATA)).toEqual({ college: null, major: null });
		expect(scopePatch({ college: '计算机学院' }, null, DATA)).toEqual({ college: '计算机学院', major: null });
	});

	it('keeps the major when the college stays or is not part of the change', () => {
		expect(scopePatch({ college: '文学院' }, '文学院', DATA)).toEqual({ college: '文学院' });
		expect(scopePatch({ major: '汉语言文学' }, '文学院', DATA)).toEqual({ major: '汉语言文学' });
		expect(scopePatch({ level: '本科' }, '文学院', DATA)).toEqual({ level: '本科' });
	});

	it.each([
		[{ cohortFrom: 2018 }, { cohortFrom: null }],
		[{ cohortFrom: 2019 }, { cohortFrom: 2019 }],
		[{ cohortTo: 2021 }, { cohortTo: null }],
		[{ cohortTo: 2020 }, { cohortTo: 2020 }],
		// Only the matching end counts as "no bound": the last cohort as the lower bound stays.
		[{ cohortFrom: 2021 }, { cohortFrom: 2021 }],
		[{ cohortTo: 2018 }, { cohortTo: 2018 }],
	])('writes %j as %j', (patch, expected) => {
		expect(scopePatch(patch, null, DATA)).toEqual(expected);
	});

	it('keeps a bound as chosen while the data\'s cohorts are not known', () => {
		expect(scopePatch({ cohortFrom: 2018 }, null, [])).toEqual({ cohortFrom: 2018 });
	});

	it('does not change the patch it was given', () => {
		const patch = { college: '文学院', cohortFrom: 2018 };
		scopePatch(patch, null, DATA);
		expect(patch).toEqual({ college: '文学院', cohortFrom: 2018 });
	});
});

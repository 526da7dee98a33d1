/**
 * The students a page looks at — entry cohorts from … to, level, college, major — as the grades,
 * status and reports pages filter them (StudentScopeFields.svelte): what each select offers and
 * what a change writes to the URL. Pure, so the rules are tested once (test/unit/student-scope.test.ts).
 */
import type { GradeFilters } from '../url-state.ts';

/** The scope fields' values, as the URL has them; the reports page has only college and major here. */
export type StudentScope = Pick<GradeFilters, 'college' | 'major'> & Partial<Pick<GradeFilters, 'cohortFrom' | 'cohortTo' | 'level'>>;

/** A select's value: '' is its "all" option, i.e. no filter. */
export const emptyAsNull = (value: string): string | null => (value === '' ? null : value);

/**
 * The options with the current value added when the data lacks it (a shared link to a cohort or a
 * major not yet ingested, say): the select shows what the page was asked for.
 */
export function withCurrent<T>(options: readonly T[], current: T | null | undefined): readonly T[] {
	return current !== null && current !== undefined && !options.includes(current) ? [...options, current] : options;
}

/** The cohort bounds the selects show: the URL's, else the data's first and last cohort (no bound). */
export function cohortBounds(dataCohorts: readonly number[], scope: StudentScope): { from: number | null; to: number | null } {
	return { from: scope.cohortFrom ?? dataCohorts[0] ?? null, to: scope.cohortTo ?? dataCohorts.at(-1) ?? null };
}

/** The cohorts both bound selects offer, ascending: the data's, plus a bound from the URL it lacks. */
export function cohortOptions(dataCohorts: readonly number[], scope: StudentScope): number[] {
	const fromUrl = [scope.cohortFrom, scope.cohortTo].filter((year) => year !== null && year !== undefined);
	return [...new Set([...dataCohorts, ...fromUrl])].sort((a, b) => a - b);
}

/** The majors the major select offers: the chosen college's (none before a college is chosen). */
export function majorsOf(colleges: readonly { name: string; majors: readonly string[] }[], college: string | null): readonly string[] {
	return colleges.find((c) => c.name === college)?.majors ?? [];
}

/**
 * What a change writes to the URL. Another college clears the major (it was one of the old college's);
 * a bound at the data's first or last cohort is what "no bound" means, so it stays out of the URL.
 */
export function scopePatch(patch: Partial<GradeFilters>, college: string | null, dataCohorts: readonly number[]): Partial<GradeFilters> {
	const next = { ...patch };
	if ('college' in patch && patch.college !== college) next.major = null;
	if (dataCohorts.length > 0) {
		if (next.cohortFrom === dataCohorts[0]) next.cohortFrom = null;
		if (next.cohortTo === dataCohorts.at(-1)) next.cohortTo = null;
	}
	return next;
}

// Which areas each role's navigation shows, and where `/` takes it (web/lib/areas.ts). The server
// enforces access; these tests only pin the map the issue gives.
import { describe, expect, it } from 'vitest';
import { areasFor, landingPath, mayUse } from '../../web/lib/areas.ts';

describe('areasFor', () => {
	const cases: { role: string; expected: string[] }[] = [
		{ role: 'leader', expected: ['/overview', '/grades', '/status', '/utilization', '/reports'] },
		{ role: 'teaching_affairs', expected: ['/overview', '/grades', '/status', '/reports'] },
		{ role: 'college', expected: ['/overview', '/grades', '/status', '/reports'] },
		{ role: 'archivist', expected: ['/utilization', '/archive'] },
		{ role: 'admin', expected: ['/overview', '/grades', '/status', '/utilization', '/reports', '/archive', '/admin'] },
		{ role: 'visitor', expected: [] },
	];

	it.each(cases)('$role', ({ role, expected }) => {
		expect(areasFor(role).map((area) => area.path)).toEqual(expected);
	});
});

describe('landingPath', () => {
	const cases: { role: string; expected: string }[] = [
		{ role: 'leader', expected: '/overview' },
		{ role: 'teaching_affairs', expected: '/overview' },
		{ role: 'college', expected: '/overview' },
		{ role: 'archivist', expected: '/utilization' },
		{ role: 'admin', expected: '/overview' },
		{ role: 'visitor', expected: '/grades' },
	];

	it.each(cases)('$role → $expected', ({ role, expected }) => {
		expect(landingPath(role)).toBe(expected);
	});

	it('lands every known role on an area it may use', () => {
		for (const role of ['leader', 'teaching_affairs', 'college', 'archivist', 'admin']) {
			expect(mayUse(role, landingPath(role))).toBe(true);
		}
	});
});

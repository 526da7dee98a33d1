// The app's areas and which roles use each: the navigation shows an account only its own areas, and
// `/` opens the first of them.
//
// The server enforces access on every /api route (api/plugins/access.ts, with the role lists of
// analytics/accounts/roles.ts); this map only avoids showing links that would end in a 403. Keep it
// in step with the server's lists — a role missing here loses a link, never gains data.

import type { Role } from './api.ts';
import type { MessageKey } from './i18n.svelte.ts';

export interface Area {
	path: '/overview' | '/grades' | '/status' | '/utilization' | '/reports' | '/archive' | '/admin';
	label: MessageKey;
	roles: readonly Role[];
}

/** The areas in navigation order. */
export const AREAS = [
	{ path: '/overview', label: 'nav.overview', roles: ['leader', 'teaching_affairs', 'college', 'admin'] },
	{ path: '/grades', label: 'nav.grades', roles: ['leader', 'teaching_affairs', 'college', 'admin'] },
	{ path: '/status', label: 'nav.status', roles: ['leader', 'teaching_affairs', 'college', 'admin'] },
	{ path: '/utilization', label: 'nav.utilization', roles: ['leader', 'archivist', 'admin'] },
	{ path: '/reports', label: 'nav.reports', roles: ['leader', 'teaching_affairs', 'college', 'admin'] },
	{ path: '/archive', label: 'nav.archive', roles: ['archivist', 'admin'] },
	{ path: '/admin', label: 'nav.admin', roles: ['admin'] },
] as const satisfies readonly Area[];

export type AreaPath = (typeof AREAS)[number]['path'];

// Where `/` leads: the first of these the role may use — the overview for everyone who may see it.
const LANDING_ORDER: readonly AreaPath[] = [
	'/overview',
	'/grades',
	'/status',
	'/utilization',
	'/reports',
	'/archive',
	'/admin',
];

/** Whether `role` uses the area at `path` (unknown roles use none). */
export function mayUse(role: string, path: AreaPath): boolean {
	const area = AREAS.find((a) => a.path === path);
	return area !== undefined && (area.roles as readonly string[]).includes(role);
}

/** The areas `role` uses, in navigation order. */
export function areasFor(role: string): Area[] {
	return AREAS.filter((area) => (area.roles as readonly string[]).includes(role));
}

/** The area `/` opens for `role`; the grades for a role this map does not know (the server decides). */
export function landingPath(role: string): AreaPath {
	return LANDING_ORDER.find((path) => mayUse(role, path)) ?? '/grades';
}

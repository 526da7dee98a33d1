// Pure helpers for the admin page's audit log (test/unit/admin-audit.test.ts).

import type { AuditOutcome } from '../url-state.ts';

/** The outcome of a call by its HTTP status, split as the API's `outcome` filter splits it. */
export function outcomeOf(status: number): AuditOutcome {
	return status < 400 ? 'ok' : status < 500 ? 'refused' : 'error';
}

/** A call's parameters as short `key=value` pairs, in the order received; non-strings as JSON. */
export function paramPairs(params: Record<string, unknown>): { key: string; value: string }[] {
	return Object.entries(params).map(([key, value]) => ({
		key,
		value: typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)),
	}));
}

/**
 * Where a page of the log sits: entries `from`–`to` (1-based) of `total`; null when the page holds
 * no entries (nothing matches, or the offset lies past the end).
 */
export function pageRange(offset: number, shown: number, total: number): { from: number; to: number; total: number } | null {
	if (shown === 0) return null;
	return { from: offset + 1, to: offset + shown, total };
}

/** The 1-based entry at which the hash chain breaks, or null when it is intact. */
export function brokenEntry(chain: { first_broken: number }): number | null {
	return chain.first_broken < 0 ? null : chain.first_broken + 1;
}

// Pure helpers for the archive page (档案接收): the open report in the URL, labels of tables, check
// statuses and properties, and the lists the page shows from a report. Unit-tested in
// test/unit/archive-page.test.ts.
import { ARCHIVE_PROPERTIES, type ArchiveProperty, type ArchiveReport, type CheckStatus } from '../api.ts';
import type { MessageKey } from '../i18n.svelte.ts';
import { PARAM, parseState, textCodec, type Codec, type Schema } from '../url-state.ts';

export const ACCESSION_ID = /^A\d{6}-\d{8}T\d{6}Z$/;

export interface ArchivePageState {
	/** The accession whose report is open, or null. */
	accession: string | null;
}

const accessionCodec: Codec<string | null> = {
	parse: (raw) => (ACCESSION_ID.test(raw) ? raw : undefined),
	format: (value) => textCodec.format(value),
};

export const ARCHIVE_PAGE_SCHEMA: Schema<ArchivePageState> = {
	accession: { param: PARAM.accession, codec: accessionCodec, default: null },
};

export function parseArchivePageState(search: URLSearchParams): ArchivePageState {
	return parseState(ARCHIVE_PAGE_SCHEMA, search);
}

const TABLES = ['students', 'grades', 'status_changes', 'graduations', 'awards_punishments', 'utilization'];

/** The dictionary key of a canonical table's name; unknown tables are shown as they are. */
export function tableKey(table: string): MessageKey | null {
	return TABLES.includes(table) ? (`arch.table.${table}` as MessageKey) : null;
}

export function statusKey(status: CheckStatus | null): MessageKey {
	return status ? (`arch.status.${status}` as MessageKey) : 'arch.status.none';
}

export function propertyKey(property: ArchiveProperty): MessageKey {
	return `arch.property.${property}` as MessageKey;
}

/** The properties with their status, in the standard's order. */
export function propertyStatuses(report: ArchiveReport): { property: ArchiveProperty; status: CheckStatus }[] {
	return ARCHIVE_PROPERTIES.map((property) => ({ property, status: report.properties[property].status }));
}

/** Tables that quarantined rows, with their download: only these have a CSV to offer. */
export function quarantinedTables(report: ArchiveReport): string[] {
	return report.status === 'committed' ? report.tables.filter((t) => t.rows_quarantined > 0).map((t) => t.table) : [];
}

/** "a1b2c3…" — enough of a checksum to compare by eye; the whole one is in the title. */
export function shortHash(sha256: string): string {
	return `${sha256.slice(0, 12)}…`;
}

// The receipt report of one package (四性检测, DA/T 70-2018): what was received, how each file was read
// and mapped, what each table's rows came to, and the four properties — authenticity, integrity,
// usability, security — each a list of checks with a status. Written as report.json (for software)
// and report.txt (for people) into the accession; a refused package's report goes back to the sender.
import type { RuleCount } from './check.ts';

export type CheckStatus = 'pass' | 'warn' | 'fail';
export const PROPERTIES = ['authenticity', 'integrity', 'usability', 'security'] as const;
export type Property = (typeof PROPERTIES)[number];

export const PROPERTY_TITLES: Record<Property, string> = {
  authenticity: '真实性 Authenticity',
  integrity: '完整性 Integrity',
  usability: '可用性 Usability',
  security: '安全性 Security',
};

export interface CheckItem {
  id: string;
  status: CheckStatus;
  /** What was checked, in Chinese and English. */
  title: string;
  detail: string;
  file: string | null;
}

export interface PropertySection {
  status: CheckStatus;
  items: CheckItem[];
}

export interface MappedColumnReport {
  column: string;
  from: string[];
  kind: 'source' | 'constant' | 'row-number' | 'missing';
  note: string | null;
}

export interface FileReport {
  file: string;
  format: 'csv' | 'xlsx' | 'jsonl';
  sha256: string;
  bytes: number;
  table: string | null;
  profile: string | null;
  profile_detected: boolean;
  encoding: string | null;
  encoding_basis: string | null;
  delimiter: string | null;
  sheet: string | null;
  read_path: 'raw' | 'normalized' | null;
  rows_declared: number | null;
  rows_received: number;
  header: string[];
  columns: MappedColumnReport[];
  not_kept: string[];
  identifiers_dropped: { header: string; kind: string; values: number }[];
  identifiers_masked: number;
  /** Headers of the fields kept as received in the quarantine (mapped exports). */
  source_fields: string[];
}

export interface TableReport {
  table: string;
  files: string[];
  rows_received: number;
  rows_accepted: number;
  rows_quarantined: number;
  rejected_share: number;
  rules: RuleCount[];
}

export interface IngestReport {
  report_version: 1;
  accession_id: string | null;
  status: 'committed' | 'refused';
  refusal: string | null;
  package: { source: string; sha256: string; received_at: string; files: number; bytes: number; sender_manifest: boolean };
  software: { name: string; version: string };
  settings: { max_rejected_share: number };
  files: FileReport[];
  tables: TableReport[];
  totals: { received: number; accepted: number; quarantined: number };
  properties: Record<Property, PropertySection>;
}

const RANK: Record<CheckStatus, number> = { pass: 0, warn: 1, fail: 2 };

export function worst(statuses: CheckStatus[]): CheckStatus {
  return statuses.reduce<CheckStatus>((a, b) => (RANK[b] > RANK[a] ? b : a), 'pass');
}

/** Collects check items per property while a package is received. */
export class Findings {
  private readonly items: Record<Property, CheckItem[]> = { authenticity: [], integrity: [], usability: [], security: [] };

  add(property: Property, item: Omit<CheckItem, 'file'> & { file?: string | null }): void {
    this.items[property].push({ ...item, file: item.file ?? null });
  }

  sections(): Record<Property, PropertySection> {
    const sections = {} as Record<Property, PropertySection>;
    for (const property of PROPERTIES) {
      const items = this.items[property];
      sections[property] = { status: worst(items.map((i) => i.status)), items };
    }
    return sections;
  }
}

const STATUS_MARK: Record<CheckStatus, string> = { pass: '通过 PASS', warn: '注意 WARN', fail: '不通过 FAIL' };

/** The report as plain text for people: the four properties first, then files, tables and rules. */
export function renderReportText(report: IngestReport): string {
  const lines: string[] = [];
  const title = report.status === 'committed' ? `接收报告 Receipt report — ${report.accession_id}` : '拒收报告 Refusal report — nothing was committed';
  lines.push(title, '='.repeat(Math.min(title.length + 10, 100)), '');
  lines.push(`来源 Source:        ${report.package.source}`);
  lines.push(`接收时间 Received:  ${report.package.received_at}`);
  lines.push(`文件 Files:         ${report.package.files} (${report.package.bytes.toLocaleString('en')} bytes)`);
  lines.push(`包校验 Package SHA-256: ${report.package.sha256}`);
  lines.push(`软件 Software:      ${report.software.name} ${report.software.version}`);
  if (report.refusal) lines.push('', `拒收原因 Refused because: ${report.refusal}`);
  lines.push('');
  lines.push(`合计 Totals: received ${report.totals.received}, accepted ${report.totals.accepted}, quarantined ${report.totals.quarantined}`);
  lines.push('');
  for (const property of PROPERTIES) {
    const section = report.properties[property];
    lines.push(`${PROPERTY_TITLES[property]} — ${STATUS_MARK[section.status]}`);
    for (const item of section.items) {
      lines.push(`  [${STATUS_MARK[item.status]}] ${item.title}${item.file ? ` (${item.file})` : ''}: ${item.detail}`);
    }
    lines.push('');
  }
  lines.push('文件 Files');
  for (const f of report.files) {
    lines.push(`  ${f.file}: ${f.format}${f.encoding ? `, ${f.encoding}` : ''}${f.sheet ? `, sheet "${f.sheet}"` : ''} → ${f.table ?? '(no table)'}`);
    lines.push(`    profile ${f.profile ?? '(none)'}${f.profile_detected ? ' (detected from the headers)' : ''}; rows received ${f.rows_received}${f.rows_declared !== null ? ` of ${f.rows_declared} declared` : ''}`);
    for (const c of f.columns.filter((c) => c.kind !== 'source' || c.from.length === 0)) {
      lines.push(`    ${c.column}: ${c.kind === 'missing' ? 'not in this file' : `${c.kind}${c.note ? ` — ${c.note}` : ''}`}`);
    }
    if (f.not_kept.length > 0) lines.push(`    not kept (no canonical column): ${f.not_kept.join(', ')}`);
    for (const d of f.identifiers_dropped) lines.push(`    dropped identifier column "${d.header}" (${d.kind}): ${d.values} values`);
    if (f.identifiers_masked > 0) lines.push(`    identifiers masked in free text: ${f.identifiers_masked} values`);
  }
  lines.push('');
  lines.push('表 Tables');
  for (const t of report.tables) {
    lines.push(`  ${t.table}: received ${t.rows_received}, accepted ${t.rows_accepted}, quarantined ${t.rows_quarantined} (${(t.rejected_share * 100).toFixed(2)}%)`);
    for (const r of t.rules) {
      lines.push(`    ${r.rows} rows: ${r.description} [${r.rule}] — e.g. ${r.first_file} line ${r.first_line ?? '?'}: ${r.example}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

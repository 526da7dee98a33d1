// Schemas of the archive area: accessions, their four-property reports (the shape of
// analytics/ingest/report.ts, checked against real reports by test/api/archive.test.ts), upload answers.
import { Type } from '@sinclair/typebox';

const Status = Type.Union([Type.Literal('pass'), Type.Literal('warn'), Type.Literal('fail')]);
const Nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Integer> | ReturnType<typeof Type.Number>>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const CheckItem = Type.Object({
  id: Type.String(),
  status: Status,
  title: Type.String({ description: 'What was checked, in Chinese and English' }),
  detail: Type.String(),
  file: Nullable(Type.String()),
});
const Section = Type.Object({ status: Status, items: Type.Array(CheckItem) });

const RuleCount = Type.Object({
  rule: Type.String(),
  description: Type.String(),
  rows: Type.Integer(),
  first_file: Type.String(),
  first_line: Nullable(Type.Integer()),
  example: Type.String(),
});

const FileReport = Type.Object({
  file: Type.String(),
  format: Type.String(),
  sha256: Type.String(),
  bytes: Type.Integer(),
  table: Nullable(Type.String()),
  profile: Nullable(Type.String()),
  profile_detected: Type.Boolean(),
  encoding: Nullable(Type.String()),
  encoding_basis: Nullable(Type.String()),
  delimiter: Nullable(Type.String()),
  sheet: Nullable(Type.String()),
  read_path: Nullable(Type.String()),
  rows_declared: Nullable(Type.Integer()),
  rows_received: Type.Integer(),
  header: Type.Array(Type.String()),
  columns: Type.Array(
    Type.Object({ column: Type.String(), from: Type.Array(Type.String()), kind: Type.String(), note: Nullable(Type.String()) }),
  ),
  not_kept: Type.Array(Type.String()),
  identifiers_dropped: Type.Array(Type.Object({ header: Type.String(), kind: Type.String(), values: Type.Integer() })),
  identifiers_masked: Type.Integer(),
  source_fields: Type.Array(Type.String()),
});

const TableReport = Type.Object({
  table: Type.String(),
  files: Type.Array(Type.String()),
  rows_received: Type.Integer(),
  rows_accepted: Type.Integer(),
  rows_quarantined: Type.Integer(),
  rejected_share: Type.Number(),
  rules: Type.Array(RuleCount),
});

const Totals = Type.Object({ received: Type.Integer(), accepted: Type.Integer(), quarantined: Type.Integer() });

export const IngestReport = Type.Object(
  {
    report_version: Type.Integer(),
    accession_id: Nullable(Type.String()),
    status: Type.Union([Type.Literal('committed'), Type.Literal('refused')]),
    refusal: Nullable(Type.String()),
    package: Type.Object({
      source: Type.String(),
      sha256: Type.String(),
      received_at: Type.String(),
      files: Type.Integer(),
      bytes: Type.Integer(),
      sender_manifest: Type.Boolean(),
    }),
    software: Type.Object({ name: Type.String(), version: Type.String() }),
    settings: Type.Object({ max_rejected_share: Type.Number() }),
    files: Type.Array(FileReport),
    tables: Type.Array(TableReport),
    totals: Totals,
    properties: Type.Object({ authenticity: Section, integrity: Section, usability: Section, security: Section }),
  },
  { description: 'The four-property receipt report (四性检测: 真实性, 完整性, 可用性, 安全性)' },
);

const Checks = Type.Object({ authenticity: Status, integrity: Status, usability: Status, security: Status });

export const AccessionList = Type.Object({
  rows: Type.Array(
    Type.Object({
      accession_id: Type.String(),
      committed_at: Type.String(),
      received_at: Nullable(Type.String()),
      source: Nullable(Type.String()),
      profiles: Type.Array(Type.String()),
      files: Type.Array(Type.String()),
      tables: Type.Array(
        Type.Object({ table: Type.String(), rows_received: Type.Integer(), rows_accepted: Type.Integer(), rows_quarantined: Type.Integer() }),
      ),
      totals: Totals,
      checks: Type.Union([Checks, Type.Null()]),
      recovered: Type.Boolean(),
    }),
  ),
  register: Type.Object({
    entries: Type.Integer(),
    first_broken: Type.Integer({ description: '-1 when the hash chain of the accession register holds' }),
  }),
});

export const AccessionParams = Type.Object({
  id: Type.String({ maxLength: 40, description: 'Accession id, e.g. A000001-20261128T181059Z' }),
});

export const QuarantineParams = Type.Object({
  id: Type.String({ maxLength: 40, description: 'Accession id' }),
  table: Type.String({ maxLength: 40, description: 'Canonical table: students, grades, status_changes, graduations, awards_punishments, utilization' }),
});

export const UploadAnswer = Type.Object({
  status: Type.Union([Type.Literal('committed'), Type.Literal('already-received')]),
  accession_id: Type.String(),
  version: Nullable(Type.String()),
  report: Type.Optional(IngestReport),
});

export const RefusalAnswer = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String({ description: 'Why the package was refused and what to change' }),
  report: Type.Optional(Type.Union([IngestReport, Type.Null()])),
});

export const ProfileList = Type.Object({
  rows: Type.Array(
    Type.Object({ name: Type.String(), label: Type.String(), description: Nullable(Type.String()), tables: Type.Array(Type.String()) }),
  ),
});

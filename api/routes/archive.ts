// Archive area (档案接收), for the archive's keepers: receive a transfer package by upload, list the
// accessions with their four-property check status, read an accession's report, and download a table's
// quarantined rows as CSV. Every call is audited (the access plugin's default for non-public routes).
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ARCHIVE_KEEPERS } from '../../analytics/accounts/roles.ts';
import { archiveLayout } from '../../analytics/archive/layout.ts';
import { ArchiveBusy } from '../../analytics/archive/lock.ts';
import { PackageRefused, type IngestOptions } from '../../analytics/archive/ingest.ts';
import { ACCESSION_ID, listAccessions, readReport } from '../../analytics/archive/accessions.ts';
import { exportQuarantineCsv } from '../../analytics/ingest/quarantine-export.ts';
import { kindOf } from '../../analytics/ingest/package.ts';
import { loadProfiles } from '../../analytics/ingest/profiles/load.ts';
import { TABLE_NAMES, type TableName } from '../../analytics/db/schema.ts';
import { ErrorResponse, errorResponses } from '../schemas/common.ts';
import { AccessionList, AccessionParams, IngestReport, ProfileList, QuarantineParams, RefusalAnswer, UploadAnswer } from '../schemas/archive.ts';
import { badRequest, errorBody, HttpError } from '../errors.ts';

export interface ArchiveRoutesOptions {
  /** Largest upload accepted for one package (all files together), in bytes. */
  maxUploadBytes: number;
}

/** The form fields an upload may carry besides its files; each maps to an ingest option. */
const FIELDS = ['profile', 'table', 'encoding', 'delimiter', 'sheet'] as const;
const MAX_FILES = 20;

const archive: FastifyPluginAsyncTypebox<ArchiveRoutesOptions> = async (app, options) => {
  // Registered here, not on the whole app: only this route takes multipart bodies.
  await app.register(multipart, { limits: { fileSize: options.maxUploadBytes, files: MAX_FILES, fields: FIELDS.length, parts: MAX_FILES + FIELDS.length } });
  const access = { roles: ARCHIVE_KEEPERS };
  const dataDir = app.archive.dataDir;

  app.post(
    '/api/archive/accessions',
    {
      config: { access },
      bodyLimit: options.maxUploadBytes,
      schema: {
        tags: ['archive'],
        summary: 'Receive a transfer package (multipart upload)',
        description:
          'multipart/form-data: one or more files (CSV in UTF-8 or GBK, XLSX, JSON Lines; optionally the sender’s manifest.json), and optional fields ' +
          '`profile`, `table`, `encoding`, `delimiter`, `sheet`. Answers 201 with the report when an accession was committed, 200 when the same package ' +
          'was received before, 422 with the report when the package was refused (nothing committed), 409 while another package is being written.',
        consumes: ['multipart/form-data'],
        response: { 200: UploadAnswer, 201: UploadAnswer, 400: ErrorResponse, 409: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse, 422: RefusalAnswer },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new HttpError(415, 'Send the package as multipart/form-data, one part per file.');
      const folder = path.join(archiveLayout(dataDir).work, 'uploads', randomBytes(8).toString('hex'));
      await mkdir(folder, { recursive: true });
      try {
        const fields: Partial<Record<(typeof FIELDS)[number], string>> = {};
        const names: string[] = [];
        for await (const part of request.parts()) {
          if (part.type === 'field') {
            if (!(FIELDS as readonly string[]).includes(part.fieldname)) throw badRequest(`unknown form field "${part.fieldname}"; the fields are ${FIELDS.join(', ')} and the files`);
            const value = String(part.value).trim();
            if (value !== '') fields[part.fieldname as (typeof FIELDS)[number]] = value.slice(0, 200);
            continue;
          }
          const name = safeFileName(part.filename);
          if (names.includes(name)) throw badRequest(`two files are named ${name}`);
          names.push(name);
          await pipeline(part.file, createWriteStream(path.join(folder, name)));
          if (part.file.truncated) throw new HttpError(413, `${name} is larger than the upload limit (XUEJI_MAX_UPLOAD_MB)`);
        }
        if (names.length === 0) throw badRequest('the upload holds no files; attach the package’s files (e.g. students.csv, grades.xlsx)');
        const dataFiles = names.filter((n) => kindOf(n) !== null);
        // One data file is a one-file package (its own name is the source); otherwise the folder is.
        const input = dataFiles.length === 1 && names.length === 1 ? path.join(folder, names[0]) : folder;
        const ingestOptions: IngestOptions = {
          ...fields,
          delimiter: fields.delimiter === 'tab' ? '\t' : fields.delimiter,
          sourceName: names.length === 1 ? names[0] : `upload of ${names.length} files by ${request.user?.username ?? 'unknown'}`,
        };
        try {
          const result = await app.archive.receive(input, ingestOptions);
          if (result.status === 'already-received') {
            return reply.status(200).send({ status: 'already-received', accession_id: result.accession_id, version: result.version });
          }
          return reply.status(201).send({ status: 'committed', accession_id: result.manifest.accession_id, version: result.version, report: result.report });
        } catch (error) {
          if (error instanceof PackageRefused) return reply.status(422).send({ ...errorBody(422, `Refused, nothing committed: ${error.message}`), report: error.report });
          if (error instanceof ArchiveBusy) throw new HttpError(409, `${error.message}.`);
          throw error;
        }
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
  );

  app.get(
    '/api/archive/accessions',
    {
      config: { access },
      schema: {
        tags: ['archive'],
        summary: 'The accessions, newest first, with their four-property check status',
        response: { 200: AccessionList, ...errorResponses },
      },
    },
    async () => listAccessions(dataDir),
  );

  app.get(
    '/api/archive/profiles',
    {
      config: { access },
      schema: {
        tags: ['archive'],
        summary: 'The header-mapping profiles an upload may name (data/profiles)',
        response: { 200: ProfileList, ...errorResponses },
      },
    },
    async () => ({
      rows: (await loadProfiles()).map((p) => ({ name: p.name, label: p.label, description: p.description ?? null, tables: Object.keys(p.tables) })),
    }),
  );

  app.get(
    '/api/archive/accessions/:id',
    {
      config: { access },
      schema: {
        tags: ['archive'],
        summary: 'The four-property receipt report of an accession',
        params: AccessionParams,
        response: { 200: IngestReport, ...errorResponses },
      },
    },
    async (request) => {
      const report = await readReport(dataDir, request.params.id);
      if (!report) throw new HttpError(404, `No accession ${request.params.id} with a report (ids look like A000001-20261128T181059Z; see GET /api/archive/accessions).`);
      return report;
    },
  );

  app.get(
    '/api/archive/accessions/:id/quarantine/:table',
    {
      config: { access },
      schema: {
        tags: ['archive'],
        summary: 'Quarantined rows of one table of an accession, as CSV (UTF-8 with BOM)',
        description: 'Each rejected record with its file, line, every reason, the canonical columns as mapped and the fields as the sender wrote them.',
        params: QuarantineParams,
        produces: ['text/csv'],
        response: { 200: Type.String({ description: 'CSV' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id, table } = request.params;
      if (!(TABLE_NAMES as readonly string[]).includes(table)) throw new HttpError(404, `No table ${table}; the tables are ${TABLE_NAMES.join(', ')}.`);
      const report = ACCESSION_ID.test(id) ? await readReport(dataDir, id) : null;
      if (!report) throw new HttpError(404, `No accession ${id} with a report (see GET /api/archive/accessions).`);
      const csv = await exportQuarantineCsv(app.archive.db, dataDir, report, table as TableName);
      if (!csv) throw new HttpError(404, `Accession ${id} quarantined no ${table} rows.`);
      request.rowsReturned = csv.rows;
      const stream = createReadStream(csv.file);
      stream.on('close', () => void csv.cleanup());
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${id}-${table}-quarantine.csv"`)
        .send(stream as never);
    },
  );
};

/** A file name from the upload, reduced to its last path part; names that could mean something else are refused. */
function safeFileName(raw: string | undefined): string {
  const name = path.basename(String(raw ?? '').replaceAll('\\', '/')).normalize('NFC');
  if (name === '' || name.startsWith('.') || name.length > 200 || /[\u0000-\u001f<>:"|?*]/.test(name)) {
    throw badRequest(`unusable file name ${JSON.stringify(raw ?? '')}; use a plain name such as grades.csv`);
  }
  return name;
}

export default archive;

// The archive area through the real app: upload a package (multipart), list accessions with their check
// status, read a report, download quarantined rows as CSV; refusals answer 422 with the report and
// commit nothing; only the archive's keepers may call, with the CSRF token; every call is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { archiveFrom, SAMPLES } from '../helpers/archive.ts';
import { signIn, testApp, type Session } from '../helpers/app.ts';

let app: FastifyInstance;
let cleanup: () => Promise<void>;
let archivist: Session;
let leader: Session;

beforeAll(async () => {
  const archive = await archiveFrom(path.join(SAMPLES, 'tiny-university'));
  cleanup = archive.cleanup;
  app = await testApp(archive.dataDir);
  archivist = await signIn(app, 'archivist');
  leader = await signIn(app, 'leader');
});

afterAll(async () => {
  await app.close();
  await cleanup();
});

/** A multipart/form-data body with the given files (name → content) and fields. */
function multipart(files: Record<string, Buffer | string>, fields: Record<string, string> = {}) {
  const boundary = `----xueji${Date.now()}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const [name, content] of Object.entries(files)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    parts.push(Buffer.isBuffer(content) ? content : Buffer.from(content));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(session: Session, files: Record<string, Buffer | string>, fields: Record<string, string> = {}) {
  const body = multipart(files, fields);
  return app.inject({ method: 'POST', url: '/api/archive/accessions', payload: body.payload, headers: { ...session.headers, ...body.headers } });
}

const sampleFile = (folder: string, name: string) => readFile(path.join(SAMPLES, folder, name));

describe('uploading a package', () => {
  let accessionId: string;

  it('commits a ZFSoft export uploaded as one file and answers 201 with its report', async () => {
    const response = await upload(archivist, { 'grades.csv': await sampleFile('zfsoft-grades', 'grades.csv') });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ status: 'committed', accession_id: expect.stringMatching(/^A000002-/), version: expect.any(String) });
    expect(body.report.files[0]).toMatchObject({ file: 'grades.csv', profile: 'zfsoft', rows_received: 8 });
    expect(body.report.totals).toEqual({ received: 8, accepted: 8, quarantined: 0 });
    accessionId = body.accession_id;
  });

  it('answers 200 "already-received" for the same bytes again', async () => {
    const response = await upload(archivist, { 'grades.csv': await sampleFile('zfsoft-grades', 'grades.csv') });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'already-received', accession_id: accessionId });
  });

  it('receives a package of several files with quarantined rows, and serves them as CSV', async () => {
    const response = await upload(archivist, {
      'students.csv': await sampleFile('bad-rows', 'students.csv'),
      'grades.csv': await sampleFile('bad-rows', 'grades.csv'),
    });
    expect(response.statusCode).toBe(201);
    const { accession_id: id, report } = response.json();
    expect(report.package.source).toBe('upload of 2 files by archivist');
    expect(report.totals).toEqual({ received: 104, accepted: 90, quarantined: 14 });

    const csv = await app.inject({ url: `/api/archive/accessions/${id}/quarantine/grades`, headers: archivist.headers });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="${id}-grades-quarantine.csv"`);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body).toContain('grades.csv,68,student_id: ZZZ9 is not among the students of this package or the archive');

    const none = await app.inject({ url: `/api/archive/accessions/${id}/quarantine/utilization`, headers: archivist.headers });
    expect(none.statusCode).toBe(404);
  });

  it('answers 422 with the error shape and the report when the package is refused, committing nothing', async () => {
    const before = (await app.inject({ url: '/api/archive/accessions', headers: archivist.headers })).json().rows.length;
    const response = await upload(archivist, { 'grades.csv': await sampleFile('truncated', 'grades.csv') });
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body).toMatchObject({ statusCode: 422, error: 'Unprocessable Entity', message: expect.stringMatching(/^Refused, nothing committed: grades\.csv looks truncated/) });
    expect(body.report).toMatchObject({ status: 'refused', accession_id: null });
    expect((await app.inject({ url: '/api/archive/accessions', headers: archivist.headers })).json().rows).toHaveLength(before);
  });

  it('reads the options from form fields', async () => {
    const response = await upload(archivist, { '成绩.csv': await sampleFile('chinese-gbk', '成绩.csv') }, { encoding: 'utf-8' });
    expect(response.statusCode).toBe(422);
    expect(response.json().message).toMatch(/declared UTF-8 but is not/);
  });

  it('refuses uploads without files, with unknown fields, and unusable file names', async () => {
    expect((await upload(archivist, {}, { profile: 'zfsoft' })).statusCode).toBe(400);
    expect((await upload(archivist, { 'a.csv': 'x' }, { color: 'red' })).json().message).toMatch(/unknown form field "color"/);
    expect((await upload(archivist, { '.hidden.csv': 'x' })).json().message).toMatch(/unusable file name/);
    const json = await app.inject({ method: 'POST', url: '/api/archive/accessions', payload: { a: 1 }, headers: archivist.headers });
    expect(json.statusCode).toBe(415);
  });

  it('admits only the archive keepers, and only with the CSRF token', async () => {
    const files = { 'grades.csv': await sampleFile('zfsoft-grades', 'grades.csv') };
    expect((await upload(leader, files)).statusCode).toBe(403);
    const body = multipart(files);
    const noToken = await app.inject({ method: 'POST', url: '/api/archive/accessions', payload: body.payload, headers: { cookie: archivist.cookie, ...body.headers } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().message).toMatch(/x-csrf-token/);
    const anonymous = await app.inject({ method: 'POST', url: '/api/archive/accessions', payload: body.payload, headers: body.headers });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('reading accessions', () => {
  it('lists accessions newest first with their four-property status and the register check', async () => {
    const body = (await app.inject({ url: '/api/archive/accessions', headers: archivist.headers })).json();
    expect(body.register).toEqual({ entries: body.rows.length, first_broken: -1 });
    expect(body.rows.map((r: { accession_id: string }) => r.accession_id)).toEqual(
      [...body.rows.map((r: { accession_id: string }) => r.accession_id)].sort().reverse(),
    );
    const oldest = body.rows.at(-1);
    expect(oldest).toMatchObject({ source: 'tiny-university', profiles: ['canonical'], totals: { received: 19, accepted: 19, quarantined: 0 } });
    expect(oldest.checks).toEqual({ authenticity: 'warn', integrity: 'pass', usability: 'pass', security: 'pass' });
  });

  it('serves an accession’s report exactly as written to the accession folder', async () => {
    const [latest] = (await app.inject({ url: '/api/archive/accessions', headers: archivist.headers })).json().rows;
    const response = await app.inject({ url: `/api/archive/accessions/${latest.accession_id}`, headers: archivist.headers });
    expect(response.statusCode).toBe(200);
    const onDisk = JSON.parse(await readFile(path.join(app.archive.dataDir, 'accessions', latest.accession_id, 'report.json'), 'utf8'));
    expect(response.json()).toEqual(onDisk);
  });

  it('lists the profiles an upload may name', async () => {
    const body = (await app.inject({ url: '/api/archive/profiles', headers: archivist.headers })).json();
    expect(body.rows.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['canonical', 'chinese', 'zfsoft', 'kingosoft']));
    expect(body.rows.find((p: { name: string }) => p.name === 'zfsoft').tables).toEqual(['grades', 'students']);
  });

  it('answers 404 for an unknown accession or table', async () => {
    for (const url of ['/api/archive/accessions/A999999-20260101T000000Z', '/api/archive/accessions/..%2F..%2Fetc', '/api/archive/accessions/A000001-20260101T000000Z/quarantine/passwords']) {
      const response = await app.inject({ url, headers: archivist.headers });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ statusCode: 404, error: 'Not Found', message: expect.any(String) });
    }
  });

  it('audits uploads and reads', async () => {
    await app.auditLog.flush();
    const entries = await app.auditLog.read();
    expect(entries.some((e) => e.route === '/api/archive/accessions' && e.method === 'POST' && e.username === 'archivist' && e.status === 201)).toBe(true);
    expect(entries.some((e) => e.route === '/api/archive/accessions/:id/quarantine/:table' && e.status === 200 && e.rows === 10)).toBe(true);
  });
});

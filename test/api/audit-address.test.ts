// The audit log keeps the caller's address even when the client closes the connection as soon as the
// answer arrives — before the audit hook runs, when the socket no longer has an address to give. A
// browser leaving a page does that under load, and the entry written without an address made the
// admin's audit page fail (a 500 in an end-to-end run). Here the audit plugin runs on a bare Fastify
// app behind a hook that holds every response's hooks back until the client has gone, so the race is
// certain; and the admin page still answers for a log already holding such an entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import net from 'node:net';
import { once } from 'node:events';
import Fastify, { type FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import auditPlugin from '../../api/plugins/audit.ts';
import { HashChainedLog } from '../../analytics/ledger/hash-chained-log.ts';
import { archiveFrom, SAMPLES, tempDir } from '../helpers/archive.ts';
import { signIn, testApp } from '../helpers/app.ts';

describe('the audit log’s caller address', () => {
  let folder: Awaited<ReturnType<typeof tempDir>>;
  let app: FastifyInstance;
  let clientGone: () => void;
  const gone = new Promise<void>((resolve) => (clientGone = resolve));

  beforeAll(async () => {
    folder = await tempDir('xueji-audit-address-');
    app = Fastify();
    // Registered before the audit plugin, so its response hook runs first and holds the audit's back.
    app.addHook('onResponse', async () => gone);
    await app.register(fp(async () => {}, { name: 'auth' }));
    await app.register(auditPlugin, { file: path.join(folder.dir, 'audit.jsonl') });
    app.get('/api/data', { config: { access: { roles: 'signed-in' } } }, async () => ({ rows: [] }));
    await app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await app.close();
    await folder.cleanup();
  });

  it('is taken when the request arrives, not when the entry is written', async () => {
    const { port } = app.server.address() as net.AddressInfo;
    const socket = net.connect(port, '127.0.0.1');
    await once(socket, 'connect');
    socket.write('GET /api/data HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await once(socket, 'data');
    socket.destroy();
    await once(socket, 'close');
    await new Promise((resolve) => setTimeout(resolve, 20)); // the server sees the close too
    clientGone();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await app.auditLog.flush();
    const [entry] = await app.auditLog.read();
    expect(entry).toMatchObject({ route: '/api/data', status: 200, ip: '127.0.0.1' });
  });
});

describe('the admin’s audit page', () => {
  it('answers for a log holding an entry without an address (written before it was taken on arrival)', async () => {
    const archive = await archiveFrom(path.join(SAMPLES, 'tiny-university'));
    const auditFile = path.join(archive.dataDir, '..', 'old-audit.jsonl');
    const old = new HashChainedLog<Record<string, unknown>>(auditFile);
    await old.append({ at: '2026-11-01T08:00:00.000Z', username: 'teaching', role: 'teaching_affairs', college: null, method: 'GET', route: '/api/grades/trends', params: {}, status: 200, rows: 3, ms: 12 });
    await old.flush();
    const app = await testApp(archive.dataDir, { auditFile });
    try {
      const admin = await signIn(app, 'admin');
      const response = await app.inject({ url: '/api/admin/audit?username=teaching', headers: admin.headers });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ total: 1, chain: { first_broken: -1 }, rows: [{ seq: 1, route: '/api/grades/trends', ip: null }] });
    } finally {
      await app.close();
      await archive.cleanup();
    }
  });
});

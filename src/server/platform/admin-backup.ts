// The embedded database has one connection, held by the running server (data-dir-lock.ts), so
// `linli backup` cannot open it while Linli serves. The server therefore takes the snapshot itself,
// for the CLI only: it writes a file beside the data, readable by its owner alone, with its address
// and a random token; `linli backup` finds the file and asks for the snapshot with that token, over
// loopback. The route is left out of the API document: it is no part of the API.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { writeSnapshot } from '../db/snapshot.ts';
import { AppError } from './app-error.ts';

export const ADMIN_FILE = 'linli-admin.json';
export const ADMIN_BACKUP_PATH = '/api/admin/backup';
/** followed by the community's id or slug */
export const ADMIN_EXPORT_PATH = '/api/admin/export-community/';

export interface AdminFile {
  pid: number;
  url: string;
  token: string;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

function fromThisMachine(req: FastifyRequest): boolean {
  const remote = req.socket.remoteAddress ?? '';
  return /^(127\.|::1$|::ffff:127\.)/.test(remote) || remote === req.socket.localAddress;
}

export function adminBackupRoute(token: string) {
  const expected = digest(token);
  const checkAdmin = (req: FastifyRequest) => {
    const presented = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    if (!fromThisMachine(req) || !timingSafeEqual(digest(presented), expected))
      throw new AppError('FORBIDDEN');
  };
  return async (app: FastifyInstance) => {
    app.get(`${ADMIN_EXPORT_PATH}:community`, { schema: { hide: true } }, async (req, reply) => {
      checkAdmin(req);
      const { exportCommunity } = await import('../db/community-export.ts');
      const done = await exportCommunity(app.deps.db, (req.params as { community: string }).community);
      if (!done) throw new AppError('NOT_FOUND');
      req.log.info({ community: done.community.id, rows: done.rows }, 'community exported');
      return reply
        .type('application/zip')
        .header('cache-control', 'no-store')
        .header(
          'x-linli-export',
          encodeURIComponent(
            JSON.stringify({ tables: done.tables, rows: done.rows, slug: done.community.slug }),
          ),
        )
        .send(done.stream);
    });
    app.get(ADMIN_BACKUP_PATH, { schema: { hide: true } }, async (req, reply) => {
      checkAdmin(req);
      const { db, dbKind } = app.deps;
      const body = new PassThrough();
      const started = Date.now();
      writeSnapshot(db, dbKind, body).then(
        (end) =>
          req.log.info(
            { rows: Object.values(end.rows).reduce((a, b) => a + b, 0), ms: Date.now() - started },
            'backup snapshot written',
          ),
        (err) => {
          req.log.error({ err }, 'backup snapshot failed');
          body.destroy(err);
        },
      );
      return reply.type('application/octet-stream').header('cache-control', 'no-store').send(body);
    });
  };
}

/** Publishes how to reach the route; returns the step that withdraws it on shutdown. */
export function publishAdminFile(dataDir: string, url: string, token: string): () => void {
  const file = path.join(dataDir, ADMIN_FILE);
  const content: AdminFile = { pid: process.pid, url, token };
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, JSON.stringify(content), { mode: 0o600 });
  return () => {
    try {
      if ((JSON.parse(fs.readFileSync(file, 'utf8')) as AdminFile).pid === process.pid) fs.unlinkSync(file);
    } catch {}
  };
}

export const newAdminToken = () => randomBytes(32).toString('base64url');

/** The loopback address a CLI on this machine reaches a server listening on host:port at. */
export function localUrl(host: string, port: number): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return `http://127.0.0.1:${port}`;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/**
 * The admin's own HTTPS endpoints (a config server, a webhook receiver) under real-looking host names, served on
 * 127.0.0.1 with a throwaway certificate. The browser's `hostMap` sends every mapped host to one port, so one
 * server answers them all and picks the handler by the Host header, as a reverse proxy would.
 *
 * The extension has no host permission for these hosts (README: admins allow CORS from the extension's origin), so
 * this server answers CORS exactly as an admin's endpoint must: preflights and responses name the extension's
 * origin, and nothing else is allowed. `goDown()` closes the port (connection refused), `comeUp()` reopens it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { createSelfSignedCertificate } from '../../fixtures/idp/self-signed-certificate';

export interface EndpointRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface EndpointReply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** Answers one request for one host; CORS headers are added by the server. */
export type EndpointHandler = (request: EndpointRequest) => EndpointReply;

export interface AdminEndpoints {
  port: number;
  hosts: string[];
  /** Every request seen, preflights included, per host. */
  requests: { host: string; method: string; path: string; origin?: string }[];
  goDown(): Promise<void>;
  comeUp(): Promise<void>;
  close(): Promise<void>;
}

/** Headers the extension sends: `if-none-match` on a conditional config fetch, `content-type` on a webhook POST. */
const ALLOWED_REQUEST_HEADERS = 'accept, content-type, if-none-match';

export async function startAdminEndpoints(options: { extensionId: string; handlers: Record<string, EndpointHandler> }): Promise<AdminEndpoints> {
  const hosts = Object.keys(options.handlers);
  const allowedOrigin = `chrome-extension://${options.extensionId}`;
  const certificate = createSelfSignedCertificate(hosts);
  const requests: AdminEndpoints['requests'] = [];
  const sockets = new Set<Socket>();

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const host = (req.headers.host ?? '').split(':')[0] ?? '';
      const origin = req.headers.origin;
      const method = req.method ?? 'GET';
      const path = req.url ?? '/';
      requests.push({ host, method, path, ...(origin === undefined ? {} : { origin }) });
      const handler = options.handlers[host];
      if (!handler) {
        res.writeHead(421, { 'content-type': 'text/plain' }).end(`No endpoint for host ${host}`);
        return;
      }
      const cors: Record<string, string> =
        origin === allowedOrigin ? { 'access-control-allow-origin': origin, vary: 'origin', 'access-control-expose-headers': 'etag' } : {};
      if (method === 'OPTIONS') {
        res
          .writeHead(origin === allowedOrigin ? 204 : 403, {
            ...cors,
            ...(origin === allowedOrigin
              ? { 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': ALLOWED_REQUEST_HEADERS, 'access-control-max-age': '0' }
              : {}),
          })
          .end();
        return;
      }
      const reply = handler({ method, path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(reply.status, { 'cache-control': 'no-store', ...reply.headers, ...cors }).end(reply.body ?? '');
    });
  };

  let server: Server = createServer(certificate, handle);
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  server.on('connection', track);

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (!server.listening) {
        resolve();
        return;
      }
      server.close(() => resolve());
    });

  const port = await listen(0);
  return {
    port,
    hosts,
    requests,
    goDown: stop,
    async comeUp() {
      if (server.listening) return;
      server = createServer(certificate, handle);
      server.on('connection', track);
      await listen(port);
    },
    close: stop,
  };
}

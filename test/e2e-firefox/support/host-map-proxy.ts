/**
 * Gives real identity-provider host names to local HTTPS servers in Firefox. Chromium has
 * `--host-resolver-rules=MAP host:443 127.0.0.1:<port>`; Firefox's nearest pref, `network.dns.localDomains`, maps
 * names to 127.0.0.1 but keeps port 443, which would make every test server fight for one privileged port. So Firefox
 * sends everything through this HTTP CONNECT proxy (RFC 9110 section 9.3.6), which tunnels `host:443` to the local
 * port that serves that host and refuses every other destination: the browser under test has no other network.
 */
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface HostMapProxy {
  port: number;
  /** Serves these host names (port 443 in the URL) from 127.0.0.1:port; a later call for the same host replaces it. */
  map(hosts: readonly string[], port: number): void;
  /** Every CONNECT target that was refused, for a test to show what the page tried to reach. */
  refused: string[];
  close(): Promise<void>;
}

export async function startHostMapProxy(): Promise<HostMapProxy> {
  const routes = new Map<string, number>();
  const refused: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((_request, response) => {
    // Plain-HTTP requests through the proxy: the suite serves nothing over http, and nothing may leave the machine.
    response.writeHead(502, { 'content-type': 'text/plain' });
    response.end('The test proxy forwards only HTTPS to mapped hosts.');
  });
  server.on('connect', (request, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    const [host = '', port = ''] = (request.url ?? '').toLowerCase().split(':');
    const target = port === '443' ? routes.get(host) : undefined;
    if (target === undefined) {
      refused.push(request.url ?? '');
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const upstream = connect(target, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    refused,
    map(hosts, port) {
      for (const host of hosts) routes.set(host.toLowerCase(), port);
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

// A real HTTP server on 127.0.0.1 serving what a test puts in `files` (path -> body), 404 for the
// rest; each request's path is recorded in `hits` when given.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FileServer {
  origin: string;
  close(): Promise<void>;
}

export async function startFileServer(files: Map<string, Buffer>, hits?: string[]): Promise<FileServer> {
  const server = http.createServer((req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    hits?.push(p);
    const body = files.get(p);
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
    },
  };
}

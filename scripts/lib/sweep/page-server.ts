import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PageServer {
  port: number;
  /** Path of page `index`; the same path is served under every host name. */
  pathOf(index: number): string;
  close(): Promise<void>;
}

/**
 * Serves the corpus pages from 127.0.0.1, one path per page. Anything else (the pages' own
 * styles, scripts and images, saved as links to their original sites) gets a quick 404.
 */
export async function servePages(bytesOf: (index: number) => Buffer | undefined): Promise<PageServer> {
  const server: Server = createServer((req, res) => {
    const m = /^\/sweep\/(\d+)\.html$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    const body = m ? bytesOf(Number(m[1])) : undefined;
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    // No charset: the browser takes it from the page's own <meta>, as it did on the original site.
    res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    pathOf: (index) => `/sweep/${index}.html`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

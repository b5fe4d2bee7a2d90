// A throwaway HTTP server on 127.0.0.1 for the browser tests (never a public interface).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Served {
  /** e.g. "http://127.0.0.1:41234" */
  origin: string;
  close: () => Promise<void>;
}

/** Reads a request body as text. */
export async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Serves `handle` on a free port of 127.0.0.1 until `close()`. */
export async function serve(handle: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>): Promise<Served> {
  const server = createServer((req, res) => {
    Promise.resolve(handle(req, res)).catch((e: unknown) => {
      res.statusCode = 500;
      res.end(String(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

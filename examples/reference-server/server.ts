// Starting and stopping the reference server: the Hono app on @hono/node-server, the SQLite
// store, and a graceful close that finishes in-flight requests before closing the database.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { BASE_PATH, createReferenceApp, type ReferenceAppOptions } from "./app.js";
import { indexedAttributes } from "./resource-types.js";
import { SqliteStore } from "./sqlite-store.js";

export interface ReferenceServerOptions {
  /** TCP port; 0 picks a free one (default 8080). */
  readonly port?: number;
  /** Interface to listen on (default 127.0.0.1: loopback only). */
  readonly hostname?: string;
  /** SQLite file (default ./scim.db). */
  readonly dbPath?: string;
  readonly token: string;
  readonly maxBodyBytes?: number;
  readonly synchronous?: "full" | "normal";
  /** See {@link ReferenceAppOptions.patchNoContent}. */
  readonly patchNoContent?: boolean;
  readonly log?: (line: string) => void;
}

export interface ReferenceServer {
  /** e.g. `http://127.0.0.1:8080/scim/v2` */
  readonly url: string;
  readonly port: number;
  readonly store: SqliteStore;
  /** Stops accepting connections, lets in-flight requests finish (at most `graceMs`), closes the database. */
  close(graceMs?: number): Promise<void>;
}

export async function startReferenceServer(options: ReferenceServerOptions): Promise<ReferenceServer> {
  const hostname = options.hostname ?? "127.0.0.1";
  const store = new SqliteStore({
    path: options.dbPath ?? "./scim.db",
    indexedAttributes,
    ...(options.synchronous !== undefined ? { synchronous: options.synchronous } : {}),
  });
  const app = createReferenceApp({
    store,
    token: options.token,
    ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
    ...(options.log !== undefined ? { log: options.log } : {}),
    ...(options.patchNoContent !== undefined ? { patchNoContent: options.patchNoContent } : {}),
  });
  let server: Server;
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    // createServer is node:http here (no TLS options given), so the cast names what it is.
    server = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname }, resolve) as Server;
    server.once("error", reject);
  });
  let closing: Promise<void> | undefined;
  return {
    url: `http://${hostname}:${address.port}${BASE_PATH}`,
    port: address.port,
    store,
    close(graceMs = 10_000) {
      closing ??= new Promise<void>((resolve) => {
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close(() => {
          clearTimeout(timer);
          // Only now, with no request left that could write, does the database close.
          store.close();
          resolve();
        });
        // Keep-alive connections with no request in flight would hold close() open.
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}

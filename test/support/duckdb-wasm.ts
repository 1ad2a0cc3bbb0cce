import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type DuckDbWasm = typeof import('@duckdb/duckdb-wasm/blocking');
type Connection = ReturnType<Awaited<ReturnType<DuckDbWasm['createDuckDB']>>['connect']>;

/**
 * DuckDB's WebAssembly build in this process: it reads Arrow IPC streams with no extension and
 * runs offline, where the native DuckDB reads Arrow only through an extension it downloads.
 */
export interface DuckDbWasmSession {
  /** Loads Arrow IPC stream bytes as table `name`. */
  insertArrow(name: string, bytes: Uint8Array): void;
  /** The rows of a query, as plain objects. */
  rows(sql: string): Record<string, unknown>[];
  close(): void;
}

/** A fresh in-memory DuckDB (WebAssembly, blocking API) with one connection. */
export async function openDuckDbWasm(): Promise<DuckDbWasmSession> {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  const duckdb = require(entry) as DuckDbWasm;
  const dist = dirname(entry);
  const bundles = {
    mvp: {
      mainModule: join(dist, 'duckdb-mvp.wasm'),
      mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs'),
    },
    eh: {
      mainModule: join(dist, 'duckdb-eh.wasm'),
      mainWorker: join(dist, 'duckdb-node-eh.worker.cjs'),
    },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => {});
  const connection: Connection = db.connect();
  return {
    insertArrow(name, bytes) {
      connection.insertArrowFromIPCStream(bytes, { name });
    },
    rows(sql) {
      return connection
        .query(sql)
        .toArray()
        .map((row) => ({ ...(row.toJSON() as Record<string, unknown>) }));
    },
    close() {
      connection.close();
      db.reset();
    },
  };
}

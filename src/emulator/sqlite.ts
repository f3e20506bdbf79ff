// The SQLite addon for this Node. better-sqlite3 12 is built on Node's own ObjectWrap, which on
// Node 24 aborts the process as it exits (a statement freed after Node's environment is gone);
// 13 is built on Node-API and exits cleanly, but needs Node 22 and crashes on Node 20.
// Both have the same API, so the store opens whichever this Node can run.
import type BetterSqlite3 from 'better-sqlite3';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const nodeMajor = Number(process.versions.node.split('.')[0]);

export const Database: typeof BetterSqlite3 = require(nodeMajor >= 22 ? 'better-sqlite3-napi' : 'better-sqlite3');

// Reads an audit log back, one parsed JSON object a line, for tests.
import { readFileSync } from 'node:fs';

export type AuditLine = Record<string, unknown>;

export const readAuditLog = (path: string): AuditLine[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as AuditLine);

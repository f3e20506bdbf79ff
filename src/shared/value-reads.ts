// GET /api/value-reads/{project_id}/{secret_name}[?version=]: who read a secret's values through
// this console, and when, as its audit recorded them (a reveal, a copy, a compare, a download). An
// index kept beside the audit log, bounded; the signed audit log stays the record that counts.
import { API_PREFIX } from './console-paths.ts';

export const VALUE_READS_PATH = `${API_PREFIX}/value-reads/{project_id}/{secret_name}`;

export type ValueReadAction = 'read' | 'compare' | 'copy' | 'download';

export interface ValueRead {
  /** When the console audited it (ms). */
  time: number;
  who: string;
  action: ValueReadAction;
  version: string;
  /** The console instance whose audit log has the line. */
  instance: string;
  request_id?: string;
}

export interface ValueReads {
  /** Newest first. */
  reads: ValueRead[];
  /** Since when the index has recorded reads (ms): older ones are in the audit log only. */
  since: number;
  /** `shared`: every instance's reads (Redis); `instance`: only the instance that answered. */
  scope: 'shared' | 'instance';
  /** The index keeps this many reads a secret: more were dropped when `reads` is this long. */
  kept: number;
}

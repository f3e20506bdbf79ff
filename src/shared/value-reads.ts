// GET /api/value-reads/{project_id}/{secret_name}[?version=]: who read a secret's values through
// this console, and when, as its audit recorded them (a reveal, a copy, a compare, a download).
// GET /api/value-reads/{project_id}?from=&to=: the same for every secret of a project, in a window.
// An index kept beside the audit log, bounded; the signed audit log stays the record that counts.
import { API_PREFIX } from './console-paths.ts';

export const VALUE_READS_PATH = `${API_PREFIX}/value-reads/{project_id}/{secret_name}`;
export const PROJECT_VALUE_READS_PATH = `${API_PREFIX}/value-reads/{project_id}`;
/** The most reads one answer of a project's window holds (the newest). */
export const PROJECT_VALUE_READS_PAGE = 200;

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

export interface ProjectValueRead extends ValueRead {
  secret: string;
}

/** A project's value reads in a window (ms, `from` ≤ time < `to`). */
export interface ProjectValueReads {
  /** Newest first, at most PROJECT_VALUE_READS_PAGE. */
  reads: ProjectValueRead[];
  since: number;
  scope: 'shared' | 'instance';
  /** The index keeps this many reads a project: older ones are in the audit log only. */
  kept: number;
  /** Why the list may miss reads of the window: `page`, more than one answer holds (the newest
   * are here); `kept`, the index dropped older reads of the project that may fall in it. */
  cut: 'page' | 'kept' | null;
}

/** A secret's reads of one version (all of them without one): the index keeps a secret's reads in
 * one list, so one version's are a filter of it. */
export const readsOfVersion = (answer: ValueReads, version?: string): ValueReads =>
  version ? { ...answer, reads: answer.reads.filter((r) => r.version === version) } : answer;

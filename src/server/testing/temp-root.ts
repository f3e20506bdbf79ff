// Vitest's global setup: every temporary file a test makes (audit logs, signing keys, Prometheus
// data, Redis directories) goes under one directory of this run, removed when the run ends, so
// repeated runs do not fill /tmp. Workers and the processes tests start inherit TMPDIR, which
// os.tmpdir() reads.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'csms-console-tests-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}

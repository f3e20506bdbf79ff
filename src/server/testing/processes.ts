// Waiting on a child process of a test: what it prints, not a fixed time.
import type { ChildProcess } from 'node:child_process';

/** The first match of `pattern` in what the child prints (stdout and stderr, as piped); rejects if
 * it exits first, with what it printed. */
export function untilPrinted(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  let out = '';
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const found = pattern.exec(out);
      if (found) resolve(found);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
    child.once('error', reject);
  });
}

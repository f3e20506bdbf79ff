// Where audit lines go, each whole or not at all. A file: every write is looped until all its bytes
// are written and then flushed to the disk; a short write (a full disk, the file size limit) cuts
// the file back to where the line began and throws, so a value leaves only after its whole line,
// and the next line never continues the chain from a torn one. Standard output (containers): one
// synchronous write per line.
import { closeSync, fdatasyncSync, fstatSync, ftruncateSync, openSync, writeSync } from 'node:fs';

export interface Sink {
  /** Writes `text` whole, or throws with the file as it was. */
  write(text: string): void;
  /** The bytes written to it so far (the file's size). */
  bytes(): number;
  close(): void;
}

export function fileSink(path: string): Sink {
  const fd = openSync(path, 'a', 0o600);
  const regular = fstatSync(fd).isFile();
  const size = () => (regular ? fstatSync(fd).size : 0);
  let torn: Error | undefined;
  return {
    write(text) {
      if (torn) throw torn;
      const data = Buffer.from(text);
      const start = size();
      let written = 0;
      try {
        while (written < data.length) {
          const n = writeSync(fd, data, written, data.length - written);
          if (n <= 0) throw new Error('the audit log took no more bytes');
          written += n;
        }
        // A device (/dev/null) has nothing to flush.
        if (regular) fdatasyncSync(fd);
      } catch (error) {
        if (regular && written > 0) cutBack(start);
        throw error;
      }
    },
    bytes: size,
    close() {
      if (regular) fdatasyncSync(fd);
      closeSync(fd);
    },
  };

  function cutBack(start: number) {
    try {
      ftruncateSync(fd, start);
    } catch (error) {
      // A torn line stays: nothing more is written after it until a restart cuts it off.
      torn = new Error(`the audit log ends in a torn line that could not be cut off: ${(error as Error).message}`);
    }
  }
}

export function stdoutSink(): Sink {
  let size = 0;
  return {
    write(text) {
      process.stdout.write(text);
      size += Buffer.byteLength(text);
    },
    bytes: () => size,
    close() {},
  };
}

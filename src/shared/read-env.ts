// The console server's and the emulator's settings come from the environment through a zod
// schema; the first variable that does not fit stops the start, named with what it must be.
import type { z } from 'zod';

export function readEnv<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.output<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

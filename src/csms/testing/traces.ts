// A CTS trace of a stage-moving CSMS call, as the console reads it back (its change already
// parsed), for the tests of the stage history and its timeline.
import type { Trace } from '../schemas.ts';

export const stageTrace = (time: number, trace_name: string, version_id: string, stages: string[], user = 'ops'): Trace => ({
  trace_id: `t${time}`,
  trace_name,
  time,
  code: '200',
  user: { name: user },
  change: { version_id, stages },
});

// A CTS trace of a stage-moving CSMS call, as the console reads it back (its change already
// parsed), for the tests of the stage history and its timeline.
import type { Trace } from '../schemas.ts';
import type { StageChange } from '../trace-change.ts';

export const stageTrace = (time: number, trace_name: string, change: StageChange | undefined, user = 'ops'): Trace => ({
  trace_id: `t${time}`,
  trace_name,
  time,
  code: '200',
  request_id: `r${time}`,
  user: { name: user },
  ...(change && { change }),
});

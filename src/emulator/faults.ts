// Fault injection for tests (only when CSMS_EMULATOR_FAULTS=1): the next N requests matching a
// path pattern get a chosen status and body, a delay, a malformed body or a reset connection.
// A log of recent requests lets tests count what reached the "cloud" (retries, value reads).
import { z } from 'zod';

export const faultRuleBody = z.object({
  /** A regular expression matched against the request path (without the query). */
  path: z.string().min(1).max(500),
  method: z.string().toUpperCase().optional(),
  /** How many matching requests the fault applies to. */
  count: z.number().int().min(1).max(10_000).default(1),
  status: z.number().int().min(100).max(599).optional(),
  body: z.unknown().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  delay_ms: z.number().int().min(0).max(120_000).optional(),
  malformed: z.boolean().optional(),
  reset: z.boolean().optional(),
});
export type FaultRuleInput = z.infer<typeof faultRuleBody>;
/** A rule as a test writes it (defaults left out). */
export type FaultRule = z.input<typeof faultRuleBody>;

interface ActiveRule extends FaultRuleInput {
  id: number;
  pattern: RegExp;
  remaining: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  /** The project the route named, so tests running side by side read only their own. */
  project?: string;
  status: number;
  time: number;
}

const LOG_SIZE = 2000;

export function createFaults() {
  let rules: ActiveRule[] = [];
  let nextId = 1;
  let log: LoggedRequest[] = [];

  return {
    add(input: FaultRuleInput) {
      const rule: ActiveRule = { ...input, id: nextId++, pattern: new RegExp(input.path), remaining: input.count };
      rules.push(rule);
      return { id: rule.id };
    },
    clear() {
      rules = [];
    },
    list: () => rules.map(({ pattern: _pattern, ...rest }) => rest),
    /** The fault for this request, if any; consumes one of its uses. */
    take(method: string, path: string): FaultRuleInput | undefined {
      const rule = rules.find((r) => (!r.method || r.method === method) && r.pattern.test(path));
      if (!rule) return undefined;
      rule.remaining -= 1;
      if (rule.remaining <= 0) rules = rules.filter((r) => r !== rule);
      return rule;
    },
    record(entry: LoggedRequest) {
      log.push(entry);
      if (log.length > LOG_SIZE) log = log.slice(-LOG_SIZE);
    },
    requests: (project?: string) => (project ? log.filter((r) => r.project === project) : log),
    clearRequests() {
      log = [];
    },
  };
}
export type Faults = ReturnType<typeof createFaults>;

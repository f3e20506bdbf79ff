// Fault injection for tests (only when CSMS_EMULATOR_FAULTS=1): the next N requests matching a
// path get a chosen status and body, a delay, a malformed body or a reset connection.
// A log of recent requests lets tests count what reached the "cloud" (retries, value reads).
import { z } from 'zod';

/**
 * Which paths a rule matches: a literal part of the path (without the query), `^` at its start
 * anchoring it to the path's start and `$` at its end to the path's end. Literal on purpose: a
 * regular expression from a request could take the process down by backtracking.
 */
export const PATH_PATTERN = /^\^?[A-Za-z0-9/_.~%:-]{1,300}\$?$/;

export function pathMatcher(pattern: string): (path: string) => boolean {
  const start = pattern.startsWith('^');
  const end = pattern.endsWith('$');
  const literal = pattern.slice(start ? 1 : 0, end ? -1 : undefined);
  if (start && end) return (path) => path === literal;
  if (start) return (path) => path.startsWith(literal);
  if (end) return (path) => path.endsWith(literal);
  return (path) => path.includes(literal);
}

export const faultRuleBody = z.object({
  path: z.string().regex(PATH_PATTERN, 'must be a literal path part, optionally anchored with ^ and $'),
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
  matches: (path: string) => boolean;
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
      const rule: ActiveRule = { ...input, id: nextId++, matches: pathMatcher(input.path), remaining: input.count };
      rules.push(rule);
      return { id: rule.id };
    },
    clear() {
      rules = [];
    },
    /** Ends one rule before its count runs out. */
    remove(id: number) {
      rules = rules.filter((r) => r.id !== id);
    },
    list: () => rules.map(({ matches: _matches, ...rest }) => rest),
    /** The fault for this request, if any; consumes one of its uses. */
    take(method: string, path: string): FaultRuleInput | undefined {
      const rule = rules.find((r) => (!r.method || r.method === method) && r.matches(path));
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

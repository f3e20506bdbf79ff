// Stages in one order everywhere (the stage map, the versions table, a version's chips):
// SYSCURRENT, SYSPREVIOUS, then the others by name.
import { compareIdentifiers } from './locale.ts';

const rank = (stage: string) => (stage === 'SYSCURRENT' ? 0 : stage === 'SYSPREVIOUS' ? 1 : 2);

export const compareStages = (a: string, b: string) => rank(a) - rank(b) || compareIdentifiers(a, b);

export const sortStages = (stages: readonly string[]) => [...stages].sort(compareStages);

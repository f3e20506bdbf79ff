import { describe, expect, it } from 'vitest';
import { checkRef, shortRef } from './compare-ref.ts';

const page = { projectId: 'a'.repeat(32), secretName: 'db' };
const other = 'b'.repeat(32);

describe('checkRef', () => {
  it('completes a short reference from the page', () => {
    expect(checkRef('v3', page)).toEqual({ ref: { project_id: page.projectId, secret_name: 'db', ref: 'v3' } });
    expect(checkRef(' SYSCURRENT ', page)).toEqual({ ref: { project_id: page.projectId, secret_name: 'db', ref: 'SYSCURRENT' } });
    expect(checkRef('api/v2', page)).toEqual({ ref: { project_id: page.projectId, secret_name: 'api', ref: 'v2' } });
    expect(checkRef(`${other}/api/SYSCURRENT`, page)).toEqual({ ref: { project_id: other, secret_name: 'api', ref: 'SYSCURRENT' } });
  });

  it('names the part that is wrong', () => {
    expect(checkRef('', page)).toEqual({ problem: { kind: 'empty' } });
    expect(checkRef('a/b/c/d', page)).toEqual({ problem: { kind: 'shape' } });
    expect(checkRef('db//v1', page)).toEqual({ problem: { kind: 'shape' } });
    expect(checkRef('v 3', page)).toEqual({ problem: { kind: 'ref', part: 'v 3' } });
    expect(checkRef('my.secret/v1', page)).toEqual({ problem: { kind: 'secret', part: 'my.secret' } });
    expect(checkRef('prod/db/v1', page)).toEqual({ problem: { kind: 'project', part: 'prod' } });
  });
});

describe('shortRef', () => {
  it('writes only what differs from the page', () => {
    expect(shortRef({ project_id: page.projectId, secret_name: 'db', ref: 'v1' }, page)).toBe('v1');
    expect(shortRef({ project_id: page.projectId, secret_name: 'api', ref: 'v1' }, page)).toBe('api/v1');
    expect(shortRef({ project_id: other, secret_name: 'db', ref: 'v1' }, page)).toBe(`${other}/db/v1`);
  });
});

import { describe, expect, it } from 'vitest';
import type { VersionMetadata } from '../../shared/schemas.ts';
import { buildItems, MAX_SHOWN, type PaletteInput, type PaletteItem } from './palette-items.ts';

const projects = [
  { id: 'p1', name: 'cn-north-4_production', region: 'cn-north-4' },
  { id: 'p2', name: 'ap-southeast-1_staging', region: 'ap-southeast-1' },
];
const names = [
  { projectId: 'p1', names: ['jwt-signing-key', 'prod-mysql-orders', 'redis-cache-password'] },
  { projectId: 'p2', names: ['staging-jwt-signing-key'] },
];
const commands: PaletteItem[] = [{ id: 'page:overview', kind: 'page', label: 'Overview of every project', to: '/overview' }];
const version = (id: string, stages: string[]): VersionMetadata => ({ id, version_stages: stages, create_time: 0, secret_name: 's' });
const base: PaletteInput = { query: '', projects, names, recent: [], commands };
const labels = (input: Partial<PaletteInput>) => buildItems({ ...base, ...input }).map((i) => `${i.kind}:${i.label}`);

describe('the command palette items', () => {
  it('offers, with an empty box, the recent secrets, then the parts of the secret shown, then the commands', () => {
    const items = buildItems({
      ...base,
      recent: [{ projectId: 'p2', name: 'staging-jwt-signing-key' }],
      current: { projectId: 'p1', secretName: 's', versions: [version('v2', ['SYSCURRENT']), version('v1', ['SYSPREVIOUS'])] },
    });
    expect(items.map((i) => `${i.kind}:${i.label}`)).toEqual([
      'secret:staging-jwt-signing-key',
      'stage:SYSCURRENT',
      'stage:SYSPREVIOUS',
      'version:v2',
      'version:v1',
      'page:Overview of every project',
    ]);
    expect(items[0]).toMatchObject({
      detail: 'ap-southeast-1_staging · ap-southeast-1',
      to: '/projects/p2/secrets/staging-jwt-signing-key',
    });
    expect(items[1]!.to).toBe('/projects/p1/secrets/s/stages/SYSCURRENT');
  });

  it('ranks every project’s secrets with the commands, the exact name first, each with its project', () => {
    const items = buildItems({ ...base, query: 'jwt-signing-key' });
    expect(items.map((i) => [i.label, i.detail])).toEqual([
      ['jwt-signing-key', 'cn-north-4_production · cn-north-4'],
      ['staging-jwt-signing-key', 'ap-southeast-1_staging · ap-southeast-1'],
    ]);
  });

  it('finds a name from several words, in any order of typing', () => {
    expect(labels({ query: 'mysql orders' })).toEqual(['secret:prod-mysql-orders']);
    expect(labels({ query: 'redis pass' })).toEqual(['secret:redis-cache-password']);
    expect(labels({ query: 'orders mysql' })).toEqual(['secret:prod-mysql-orders']);
    expect(labels({ query: 'overview every' })).toEqual(['page:Overview of every project']);
    expect(labels({ query: 'mysql nothing' })).toEqual([]);
  });

  it('shows at most the best matches', () => {
    const many = [{ projectId: 'p1', names: Array.from({ length: 80 }, (_, i) => `svc-${i}`) }];
    expect(buildItems({ ...base, names: many, query: 'svc' })).toHaveLength(MAX_SHOWN);
  });
});

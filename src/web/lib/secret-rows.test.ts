import { describe, expect, it } from 'vitest';
import type { Secret, Tag, VersionMetadata } from '../../shared/schemas.ts';
import { rowHealth } from './list-health.tsx';
import { buildRows, facetCounts, filterFromParams, filterRows, type ListFilter } from './secret-rows.ts';

const NOW = Date.UTC(2026, 10, 23, 12);
const DAY = 86400_000;

const secret = (name: string, fields: Partial<Secret> = {}): Secret => ({ id: name, name, state: 'ENABLED', ...fields });
const secrets = [
  secret('db-orders', { description: 'Orders database', secret_type: 'RDS-FG', auto_rotation: true, next_rotation_time: NOW - DAY }),
  secret('db-reports', { secret_type: 'RDS-FG', auto_rotation: true, next_rotation_time: NOW + 3 * DAY }),
  secret('api-key', { description: 'Partner API' }),
  secret('old-token', { state: 'DISABLED' }),
  secret('smtp', {}),
];
const tags = new Map<string, Tag[]>([
  [
    'db-orders',
    [
      { key: 'team', value: 'orders' },
      { key: 'env', value: 'prod' },
    ],
  ],
  [
    'db-reports',
    [
      { key: 'team', value: 'data' },
      { key: 'env', value: 'prod' },
    ],
  ],
  ['api-key', [{ key: 'team', value: 'payments' }]],
  ['smtp', [{ key: 'env', value: 'staging' }]],
]);
const version = (secret_name: string, id: string, stages: string[], expire: number): VersionMetadata => ({
  id,
  secret_name,
  version_stages: stages,
  expire_time: expire,
});
const health = rowHealth(
  {
    secrets,
    versions: {
      smtp: [version('smtp', 'v2', ['SYSCURRENT'], NOW + 5 * DAY), version('smtp', 'v1', ['SYSPREVIOUS'], NOW - DAY)],
      'api-key': [version('api-key', 'v1', ['SYSCURRENT'], NOW + 20 * DAY)],
    },
    tasks: [{ task_id: 't1', secret_name: 'db-reports', task_status: 'FAILED', task_time: NOW - 3600_000, attempt_nums: 3 }],
  },
  NOW,
);
const rows = buildRows(secrets, tags, health);
const names = (filter: Partial<ListFilter>) => filterRows(rows, { q: '', ...filter }).map((r) => r.secret.name);

describe('filterRows', () => {
  it('matches the text in names, descriptions and tag values', () => {
    expect(names({ q: 'ORDERS' })).toEqual(['db-orders']);
    expect(names({ q: 'payments' })).toEqual(['api-key']);
    expect(names({ q: 'staging' })).toEqual(['smtp']);
  });
  it('combines facets with the text', () => {
    expect(names({ type: 'RDS-FG' })).toEqual(['db-orders', 'db-reports']);
    expect(names({ type: 'RDS-FG', q: 'reports' })).toEqual(['db-reports']);
    expect(names({ state: 'DISABLED' })).toEqual(['old-token']);
    expect(names({ type: 'COMMON', state: 'ENABLED' })).toEqual(['api-key', 'smtp']);
  });
  it('filters by tag key, and by key and value', () => {
    expect(names({ tag: 'env' })).toEqual(['db-orders', 'db-reports', 'smtp']);
    expect(names({ tag: 'env', tagValue: 'prod' })).toEqual(['db-orders', 'db-reports']);
  });
  it('filters by rotation: on, off, overdue, failing', () => {
    expect(names({ rotation: 'on' })).toEqual(['db-orders', 'db-reports']);
    expect(names({ rotation: 'off' })).toEqual(['api-key', 'old-token', 'smtp']);
    expect(names({ rotation: 'overdue' })).toEqual(['db-orders']);
    expect(names({ rotation: 'failing' })).toEqual(['db-reports']);
  });
  it('filters by the expiry of a version that holds a stage, each secret in its most urgent bucket', () => {
    expect(names({ expiry: 'expired' })).toEqual(['smtp']);
    expect(names({ expiry: '7d' })).toEqual([]);
    expect(names({ expiry: '30d' })).toEqual(['api-key']);
  });
});

describe('facetCounts', () => {
  it('counts each choice with the other choices applied', () => {
    const counts = facetCounts(rows, { q: '', type: 'RDS-FG' });
    // The type's own counts ignore the type chosen: the other choices stay visible with their counts.
    expect(Object.fromEntries(counts.type)).toEqual({ 'RDS-FG': 2, COMMON: 3 });
    expect(Object.fromEntries(counts.state)).toEqual({ ENABLED: 2 });
    expect(Object.fromEntries(counts.rotation)).toEqual({ on: 2, overdue: 1, failing: 1 });
    expect(Object.fromEntries(counts.tag)).toEqual({ team: 2, env: 2 });
  });
  it('counts the values of the chosen tag key, and the keys of rows without it', () => {
    const counts = facetCounts(rows, { q: '', tag: 'env', tagValue: 'prod' });
    expect(Object.fromEntries(counts.tagValue)).toEqual({ prod: 2, staging: 1 });
    expect(Object.fromEntries(counts.tag)).toEqual({ env: 2, team: 3 });
  });
  it('applies the text to every count', () => {
    expect(Object.fromEntries(facetCounts(rows, { q: 'db-' }).state)).toEqual({ ENABLED: 2 });
  });
});

describe('filterFromParams', () => {
  it('reads the known facets and drops choices it does not know', () => {
    const params = new URLSearchParams('state=ENABLED&rotation=sometimes&expiry=7d&tag_value=prod');
    expect(filterFromParams(params, 'x')).toEqual({ q: 'x', state: 'ENABLED', expiry: '7d' });
    expect(filterFromParams(new URLSearchParams('tag=env&tag_value='), '')).toEqual({ q: '', tag: 'env', tagValue: '' });
  });
});

describe('speed', () => {
  it('filters and counts 500 rows well within a frame', () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      secret(`app-${i}`, { description: `service ${i}`, secret_type: i % 3 ? 'COMMON' : 'RDS-FG', auto_rotation: i % 2 === 0 }),
    );
    const manyTags = new Map(
      many.map((s, i) => [
        s.name,
        [
          { key: 'team', value: `t${i % 7}` },
          { key: 'env', value: 'prod' },
        ],
      ]),
    );
    const manyRows = buildRows(many, manyTags, rowHealth({ secrets: many }, NOW));
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      const filter: ListFilter = { q: `${i}`, tag: 'team', tagValue: `t${i % 7}`, rotation: 'on' };
      filterRows(manyRows, filter);
      facetCounts(manyRows, filter);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    expect(times[10]).toBeLessThan(4);
  });
});

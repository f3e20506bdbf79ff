import { describe, expect, it } from 'vitest';
import type { Secret, VersionMetadata } from '../../csms/schemas.ts';
import { errorDetails, secretSummary, summaryLabels, type SummaryInput } from './ticket-text.ts';

const CANARY = 'canary-value-never-in-a-summary';
const secret: Secret = {
  id: '7b1c2d3e-0000-4000-8000-000000000001',
  name: 'db-password',
  state: 'ENABLED',
  auto_rotation: true,
  rotation_time: Date.UTC(2026, 10, 1, 8, 0, 0),
  next_rotation_time: Date.UTC(2026, 11, 1, 8, 0, 0),
  description: CANARY,
};
const versions: VersionMetadata[] = [
  {
    id: 'v2',
    secret_name: 'db-password',
    create_time: Date.UTC(2026, 10, 20, 23, 5, 7),
    expire_time: null,
    version_stages: ['SYSCURRENT'],
  },
  { id: 'v1', secret_name: 'db-password', create_time: Date.UTC(2026, 9, 1, 0, 0, 0), version_stages: ['SYSPREVIOUS', 'blue'] },
];
const input: SummaryInput = {
  secret,
  project: { id: 'a'.repeat(32), name: 'cn-north-4', region: 'cn-north-4' },
  versions,
  tags: [{ key: 'env', value: 'prod|eu' }],
  rotationPeriod: 'every 30 days',
  url: 'https://console.example/projects/x/secrets/db-password',
};

describe('secretSummary', () => {
  it('plain text: secret, project and region, state, stages, versions in UTC, rotation, tags', () => {
    expect(secretSummary(input, 'text')).toBe(
      [
        'Secret: db-password',
        `Project: cn-north-4 (${'a'.repeat(32)})`,
        'Region: cn-north-4',
        'State: ENABLED',
        'Stages: SYSCURRENT → v2, SYSPREVIOUS → v1, blue → v1',
        'Rotation: every 30 days; last 2026-11-01 08:00:00 UTC; next 2026-12-01 08:00:00 UTC',
        'Tags: env=prod|eu',
        'Versions:',
        '  v2  created 2026-11-20 23:05:07 UTC  expires —  [SYSCURRENT]',
        '  v1  created 2026-10-01 00:00:00 UTC  expires —  [SYSPREVIOUS, blue]',
        input.url,
      ].join('\n'),
    );
  });

  it('Markdown: a list and a table, with what a tag holds unable to break them', () => {
    const md = secretSummary(input, 'markdown');
    expect(md).toContain('**Secret** `db-password`');
    expect(md).toContain('- **Tags**: `env=prod\\|eu`');
    expect(md).toContain('| `v2` | 2026-11-20 23:05:07 UTC | — | `SYSCURRENT` |');
    expect(md).toContain(`<${input.url}>`);
  });

  it('says what could not be read, and what the page is about', () => {
    const text = secretSummary({ ...input, tags: undefined, secret: { ...secret, auto_rotation: false } }, 'text', {
      ...summaryLabels(),
      focus: 'Stage SYSCURRENT → v2',
    });
    expect(text).toContain('Tags: could not be read');
    expect(text).toContain('Rotation: off');
    expect(text).toContain('Page: Stage SYSCURRENT → v2');
  });

  it('never holds a value or the description', () => {
    for (const format of ['text', 'markdown'] as const) expect(secretSummary(input, format)).not.toContain(CANARY);
  });
});

describe('errorDetails', () => {
  it('code, message, HTTP status, request id, time in UTC, page', () => {
    expect(
      errorDetails(
        { code: 'CSMS.0401', message: 'Forbidden', status: 403, requestId: 'req-1' },
        'http://x/p',
        Date.UTC(2026, 10, 23, 17, 0, 1),
      ),
    ).toBe(
      ['Code: CSMS.0401', 'Message: Forbidden', 'HTTP: 403', 'Request id: req-1', 'Time: 2026-11-23 17:00:01 UTC', 'Page: http://x/p'].join(
        '\n',
      ),
    );
  });
});

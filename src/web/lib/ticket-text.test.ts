import { i18n } from '@lingui/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { CompareResult } from '../../shared/console-api.ts';
import type { Flag } from '../../shared/health.ts';
import type { Secret, VersionMetadata } from '../../shared/schemas.ts';
import { stageAt, stageHistory, type StageMove } from '../../shared/stage-history.ts';
import { stageTrace } from '../../shared/testing/traces.ts';
import { messages as zhCN } from '../locales/zh-CN.po';
import { groupBySecret } from './change-feed.ts';
import {
  changeFeedText,
  compareText,
  errorDetails,
  pointInTimeLines,
  secretSummary,
  summaryLabels,
  type ChangeFeedInput,
  type SummaryInput,
} from './ticket-text.ts';

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

const failed: Flag = {
  kind: 'rotation-failed',
  severity: 'critical',
  at: Date.UTC(2026, 11, 6, 9, 0, 0),
  attempts: 3,
  errorCode: 'FSS.0409',
  errorMessage: 'The function failed.',
};
const expired: Flag = {
  kind: 'version-expired',
  severity: 'critical',
  at: Date.UTC(2026, 11, 1, 0, 0, 0),
  versionId: 'v2',
  stages: ['SYSCURRENT'],
};
const move = (
  time: number,
  operation: string,
  stage: string,
  from: string | null,
  to: string,
  user: string,
  automatic = false,
): StageMove => ({
  time,
  stage,
  from,
  to,
  operation,
  user,
  request_id: `req-${time}`,
  automatic,
  inferred: false,
});
// Newest first, as the stage history lists them.
const moves = [
  move(Date.UTC(2026, 10, 20), 'CreateSecretVersion', 'SYSCURRENT', 'v1', 'v2', 'bob'),
  move(Date.UTC(2026, 10, 20), 'CreateSecretVersion', 'SYSPREVIOUS', null, 'v1', 'bob', true),
  move(Date.UTC(2026, 10, 1), 'CreateSecret', 'SYSCURRENT', null, 'v1', 'alice'),
];
const story: SummaryInput = {
  ...input,
  health: { flags: [failed, expired], unknown: [] },
  stageMoves: { moves, partial: false },
  valueReads: {
    reads: [
      { time: Date.UTC(2026, 11, 6, 10, 30, 0), who: 'carol', action: 'read', version: 'v2', instance: 'console-a', request_id: 'r9' },
    ],
    since: Date.UTC(2026, 11, 1),
  },
  pointInTime: ['SYSCURRENT pointed at v1 on 2026-11-10 00:00:00 UTC.'],
};

describe('the story of a secret in its summary', () => {
  afterEach(() => i18n.loadAndActivate({ locale: 'en', messages: {} }));

  it('health flags with error code, attempts and when; stage moves, newest first; value reads with who and when; the point in time', () => {
    const text = secretSummary(story, 'text');
    expect(text).toContain(
      [
        'Health:',
        '  CRITICAL The last rotation failed 2026-12-06 09:00:00 UTC, after 3 attempts: FSS.0409 The function failed.',
        '  CRITICAL Version v2, holding SYSCURRENT, expired 2026-12-01 00:00:00 UTC.',
        'Stage moves (newest 10):',
        '  2026-11-20 00:00:00 UTC SYSCURRENT v1 → v2 by bob (CreateSecretVersion, request req-1795132800000)',
        '  2026-11-20 00:00:00 UTC SYSPREVIOUS — → v1 by bob (CreateSecretVersion, request req-1795132800000)',
        '  2026-11-01 00:00:00 UTC SYSCURRENT — → v1 by alice (CreateSecret, request req-1793491200000)',
        'Value reads (newest 10):',
        '  2026-12-06 10:30:00 UTC carol revealed v2 (instance console-a, request r9)',
        '  Recorded by this console since 2026-12-01 00:00:00 UTC; its signed audit log is the authority.',
        'Point in time:',
        '  SYSCURRENT pointed at v1 on 2026-11-10 00:00:00 UTC.',
      ].join('\n'),
    );
  });

  it('says a part is unknown, and why, instead of leaving it out', () => {
    const text = secretSummary(
      {
        ...story,
        health: { flags: [], unknown: ['Last rotation: unknown; the rotation tasks could not be read (Forbidden).'] },
        stageMoves: { unknown: 'CTS refused.' },
        valueReads: { unknown: 'No access.' },
      },
      'text',
    );
    expect(text).toContain('Health:\n  Last rotation: unknown; the rotation tasks could not be read (Forbidden).');
    expect(text).toContain('Stage moves (newest 10):\n  Unknown: CTS refused.');
    expect(text).toContain('Value reads (newest 10):\n  Unknown: No access.');
  });

  it('Markdown: a list per part, names in code', () => {
    const md = secretSummary(story, 'markdown');
    expect(md).toContain('**Health**\n\n- CRITICAL The last rotation failed');
    expect(md).toContain('- CRITICAL Version `v2`, holding `SYSCURRENT`, expired 2026-12-01 00:00:00 UTC.');
    expect(md).toContain('- 2026-12-06 10:30:00 UTC carol revealed `v2` (instance console-a, request r9)');
  });

  it('in 简体中文', () => {
    i18n.loadAndActivate({ locale: 'zh-CN', messages: zhCN });
    const text = secretSummary(story, 'text');
    expect(text).toContain('紧急 上次轮转于 2026-12-06 09:00:00 UTC 失败，共 3 次尝试：FSS.0409 The function failed.');
    expect(text).toContain('紧急 版本 v2（状态 SYSCURRENT）已于 2026-12-01 00:00:00 UTC 过期。');
    expect(text).toContain('2026-12-06 10:30:00 UTC carol 查看了 v2（实例 console-a，请求 r9）');
  });
});

describe('compareText', () => {
  const result: CompareResult = {
    a: {
      ok: true,
      ref: { project_id: 'p1', secret_name: 'db', ref: 'SYSPREVIOUS' },
      version_id: 'v1',
      version_stages: ['SYSPREVIOUS'],
      create_time: Date.UTC(2026, 10, 1),
      fingerprint: '0a1b2c3d',
      kind: 'json',
      keys: [
        { path: ['user'], type: 'string' },
        { path: ['password'], type: 'string' },
      ],
    },
    b: {
      ok: false,
      ref: { project_id: 'p1', secret_name: 'db', ref: 'SYSCURRENT' },
      status: 403,
      code: 'CSMS.0403',
      message: 'Forbidden',
      permission: 'csms:secret:getVersion',
    },
    equal: null,
    keys: [{ path: ['password'], a: 'string', b: 'number', change: 'changed' }],
  };

  it('the verdict, each side (version, fingerprint, shape, or why it failed), the keys that changed, and the page', () => {
    expect(compareText(result, 'http://x/compare', 'text')).toBe(
      [
        'Not compared: a side could not be read.',
        'A p1/db/SYSPREVIOUS:',
        '  Version v1 [SYSPREVIOUS], created 2026-11-01 00:00:00 UTC',
        '  Fingerprint 0a1b2c3d',
        '  JSON object, 2 keys',
        'B p1/db/SYSCURRENT:',
        '  could not be read (HTTP 403): CSMS.0403 Forbidden (request —)',
        '  Needs the IAM permission csms:secret:getVersion.',
        'Keys:',
        '  password: changed (string → number)',
        'Fingerprints are keyed by this console and are comparable only within it.',
        'http://x/compare',
      ].join('\n'),
    );
    expect(compareText(result, 'http://x/compare', 'markdown')).toContain('**A `p1/db/SYSPREVIOUS`**\n\n- Version `v1` [`SYSPREVIOUS`]');
  });
});

describe('the point-in-time answer for a ticket', () => {
  const H = 3600_000;
  const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);
  const history = stageHistory({
    traces: [stageTrace(NOW - 24 * H, 'CreateSecretVersion', { kind: 'new-version', version_id: 'v2', stages: ['SYSCURRENT'] }, 'li.wei')],
    present: { SYSCURRENT: 'v2', SYSPREVIOUS: 'v1' },
    versions: [
      { id: 'v2', create_time: NOW - 24 * H },
      { id: 'v1', create_time: NOW - 130 * 24 * H },
    ],
    secretCreated: NOW - 130 * 24 * H,
    recordsFrom: NOW - 7 * 24 * H,
    complete: true,
    now: NOW,
  });

  it('says where the stage pointed, with the move after it as evidence', () => {
    const at = NOW - 30 * H;
    expect(pointInTimeLines(stageAt(history, 'SYSCURRENT', at), 'SYSCURRENT', at, history)).toEqual([
      'On 2026-12-05 06:00:00 UTC, SYSCURRENT pointed at v1.',
      'Move after: 2026-12-05 12:00:00 UTC → v2 (CreateSecretVersion by li.wei)',
    ]);
  });

  it('answers a future time in the present', () => {
    const at = NOW + 24 * H;
    expect(pointInTimeLines(stageAt(history, 'SYSCURRENT', at), 'SYSCURRENT', at, history)[0]).toBe(
      '2026-12-07 12:00:00 UTC is still to come: SYSCURRENT points at v2 now.',
    );
  });
});

describe("a project's change feed for a ticket", () => {
  const at = (h: number, m: number) => Date.UTC(2026, 11, 5, h, m, 0);
  const traces = [
    { ...stageTrace(at(13, 10), 'updateSecretStage', undefined, 'alice'), resource_name: 'db-password', request_id: 'req-1' },
    { ...stageTrace(at(14, 20), 'deleteSecret', undefined, 'bob'), resource_name: 'old-key', code: '403', request_id: 'req-2' },
  ];
  const reads = [{ secret: 'db-password', time: at(13, 40), who: 'carol', action: 'copy' as const, version: 'v3', instance: 'console-a' }];
  const feed: ChangeFeedInput = {
    project: { id: 'a'.repeat(32), name: 'production', region: 'cn-north-4' },
    window: { from: at(13, 0), to: at(15, 0) },
    groups: groupBySecret(traces, reads),
    complete: true,
    valueReads: { since: at(0, 0), scope: 'instance', kept: 2000, cut: null },
    url: 'https://console.example/projects/x/changes?from=a&to=b',
  };
  afterEach(() => i18n.loadAndActivate({ locale: 'en', messages: {} }));

  it('the window in UTC, the counts, then each secret newest first, its changes and value reads interleaved', () => {
    expect(changeFeedText(feed, 'text')).toBe(
      [
        `Changes to the secrets of project production (${'a'.repeat(32)}), region cn-north-4`,
        'Window: 2026-12-05 13:00:00 UTC to 2026-12-05 15:00:00 UTC (CTS keeps 7 days)',
        '2 changes · 2 secrets',
        'Value reads: 1 through this console instance; its signed audit log is the authority.',
        'old-key:',
        '  2026-12-05 14:20:00 UTC deleteSecret by bob (403, request req-2)',
        'db-password:',
        '  2026-12-05 13:40:00 UTC value read: carol copied v3 (instance console-a, request —)',
        '  2026-12-05 13:10:00 UTC updateSecretStage by alice (200, request req-1)',
        feed.url,
      ].join('\n'),
    );
  });

  it('says what is missing and why: changes past what the console reads, reads the index does not hold, or no reads known', () => {
    const cut = changeFeedText(
      { ...feed, complete: false, valueReads: { since: at(13, 30), scope: 'shared', kept: 2000, cut: 'kept' } },
      'text',
    );
    expect(cut).toContain(
      'Partial: the latest 2 changes only, more than the console reads at once; earlier ones in the window are not listed.',
    );
    expect(cut).toContain('Value reads: 1 through any instance of this console; its signed audit log is the authority.');
    expect(cut).toContain('The index has recorded reads since 2026-12-05 13:30:00 UTC: earlier ones are in the audit log only.');
    expect(cut).toContain(
      'Partial: the index keeps the newest 2000 value reads of a project; earlier reads in this window are in the audit log only.',
    );
    expect(changeFeedText({ ...feed, valueReads: { ...feed.valueReads, cut: 'page' } as ChangeFeedInput['valueReads'] }, 'text')).toContain(
      'Partial: the newest 1 value reads of the window only, as many as one answer holds.',
    );
    const unknown = changeFeedText({ ...feed, groups: groupBySecret(traces), valueReads: { unknown: 'CONSOLE.0403 refused' } }, 'text');
    expect(unknown).toContain('Value reads: Unknown: CONSOLE.0403 refused');
    expect(unknown).not.toContain('value read:');
  });

  it('Markdown: names in code, nothing a name holds can break the list; an empty window says so', () => {
    const hostile = { ...traces[0]!, resource_name: 'a|b`*c' };
    const text = changeFeedText({ ...feed, groups: groupBySecret([hostile]) }, 'markdown');
    expect(text).toContain('**`a\\|b\\`\\*c`**');
    expect(text).toContain('- 2026-12-05 13:10:00 UTC `updateSecretStage` by alice (200, request req-1)');
    expect(text.endsWith(`<${feed.url}>`)).toBe(true);
    expect(changeFeedText({ ...feed, groups: [] }, 'text')).toContain('No secret of this project changed in that window.');
  });

  it('in 简体中文', () => {
    i18n.loadAndActivate({ locale: 'zh-CN', messages: zhCN });
    const text = changeFeedText(feed, 'text');
    expect(text).toMatch(/^项目 production/);
    expect(text).not.toMatch(/Window| changes|Value reads|value read|by bob/);
  });
});

// The demo data set: two projects of realistic secrets that exercise every screen of the console.
// Values are generated deterministically (so screenshots and tests are stable) and are fake.
import { createHash } from 'node:crypto';
import type { SeedInput } from './seed-file.ts';

export const DEMO_PROJECTS = {
  production: { id: '2b8e4f1a9c3d47e6b5a0f8c7d6e5b4a3', name: 'cn-north-4_production', region: 'cn-north-4' },
  staging: { id: '7c1d9e2f3a4b45c6d7e8f9a0b1c2d3e4', name: 'ap-southeast-1_staging', region: 'ap-southeast-1' },
  // The region's own project, named exactly like it: Huawei's SDKs find their project id by that name.
  regionDefault: { id: 'e4d3c2b1a0f94e8d7c6b5a4f3e2d1c0b', name: 'cn-north-4', region: 'cn-north-4' },
} as const;

/** Demo IAM users (documented in docs/architecture.md): the auditor may read production only. */
export const DEMO_IAM = {
  domain: 'csms-demo',
  users: [
    { name: 'operator', password: 'Operator#2026', projects: [DEMO_PROJECTS.production.id, DEMO_PROJECTS.staging.id] },
    // Reads metadata in production, never a value (no csms:secret:getVersion).
    {
      name: 'auditor',
      password: 'Auditor#2026',
      projects: [DEMO_PROJECTS.production.id],
      // Tags and events too, but not the rotation tasks: the overview says that part is missing.
      actions: [
        'csms:secret:list',
        'csms:secret:get',
        'csms:secret:listVersion',
        'csms:secret:getStage',
        'csms:secret:listTags',
        'csms::listProjectTags',
        'csms::listEvents',
        'csms::getEvent',
        'csms::listNotificationRecords',
      ],
    },
    // Signs in with a password and a virtual MFA code (the TOTP secret is printed at start).
    {
      name: 'secops',
      password: 'Secops#2026',
      id: '5ec0b5a1d2e34f5a8b9c0d1e2f3a4b5c',
      totp_secret: 'CSMSDEMOSECOPSMFAKEYXY27',
      projects: [DEMO_PROJECTS.production.id, DEMO_PROJECTS.staging.id],
    },
  ],
};

/** A fake, stable, password-looking string. */
function fake(label: string, length = 24): string {
  return createHash('sha256').update(`demo:${label}`).digest('base64url').slice(0, length);
}
function fakeBytes(label: string, size: number): string {
  const chunks: Buffer[] = [];
  for (let i = 0; chunks.length * 32 < size; i++) chunks.push(createHash('sha256').update(`${label}:${i}`).digest());
  return Buffer.concat(chunks).subarray(0, size).toString('base64');
}
const json = (value: unknown) => JSON.stringify(value);
const db = (label: string, host: string, user: string, port = 5432) =>
  json({ host, port, username: user, password: fake(label), dbname: user.replace(/_.*$/, '') });

const pid = DEMO_PROJECTS.production.id;

const production: SeedInput['projects'][number]['secrets'] = [
  {
    name: 'prod-postgres-app',
    description: 'Primary PostgreSQL credentials for the orders service.',
    created: '-210d',
    tags: { env: 'production', team: 'orders', app: 'orders-api', 'cost-center': 'CC-1042' },
    versions: [
      { secret_string: db('pg1', 'pg-prod.internal', 'orders_app') },
      { secret_string: db('pg2', 'pg-prod.internal', 'orders_app'), created: '-120d' },
      { secret_string: db('pg3', 'pg-prod.internal', 'orders_app'), created: '-14d' },
    ],
  },
  {
    name: 'prod-mysql-orders',
    description: 'RDS for MySQL user rotated by FunctionGraph every 30 days.',
    created: '-95d',
    secret_type: 'RDS-FG',
    auto_rotation: true,
    rotation_period: '30d',
    rotation_config: json({ instance_id: '6d1c4b2a8f0e4c3d9b7a5e1f2c3d4e5fin01', secret_sub_type: 'MultiUser' }),
    rotation_func_urn: `urn:fss:cn-north-4:${pid}:function:default:csms-rds-rotation:latest`,
    event_subscriptions: ['secret-rotation-alerts'],
    tags: { env: 'production', team: 'orders', app: 'orders-api' },
    // Its rotation has not run since it was set up (the emulator's last rotation is the
    // creation): overdue, and no version newer than that last rotation.
    versions: [{ secret_string: json({ username: 'orders_rw', password: fake('mysql1') }) }],
  },
  {
    name: 'gaussdb-reporting',
    description: 'GaussDB reporting user, rotated weekly.',
    created: '-60d',
    // Rotated 4 days ago: the next rotation is due in 3 days.
    last_rotated: '-4d',
    tags: { env: 'production', team: 'data', app: 'reporting' },
    secret_type: 'GaussDB-FG',
    auto_rotation: true,
    rotation_period: '7d',
    rotation_config: json({ instance_id: 'a1b2c3d4e5f647a8b9c0d1e2f3a4b5c6in14', secret_sub_type: 'SingleUser' }),
    rotation_func_urn: `urn:fss:cn-north-4:${pid}:function:default:csms-gaussdb-rotation:latest`,
    versions: [
      { secret_string: json({ username: 'report_ro', password: fake('gauss1') }) },
      { secret_string: json({ username: 'report_ro', password: fake('gauss2') }), created: '-4d' },
    ],
  },
  {
    name: 'payments-psp-api-key',
    description: 'Live API key of the payment service provider.',
    created: '-300d',
    tags: { env: 'production', team: 'payments', 'cost-center': 'CC-2001' },
    versions: [{ secret_string: `pk_live_${fake('psp1', 32)}` }, { secret_string: `pk_live_${fake('psp2', 32)}`, created: '-30d' }],
  },
  {
    name: 'github-deploy-token',
    description: 'Fine-grained token used by the release pipeline.',
    created: '-40d',
    tags: { env: 'production', team: 'platform' },
    versions: [{ secret_string: `ghp_${fake('gh', 36)}` }],
  },
  {
    name: 'tls-keystore-gateway',
    description: 'PKCS#12 keystore of the public API gateway (binary).',
    created: '-150d',
    tags: { env: 'production', team: 'platform', app: 'api-gateway' },
    versions: [{ secret_binary: fakeBytes('p12-1', 2470) }, { secret_binary: fakeBytes('p12-2', 2512), created: '-20d' }],
  },
  {
    name: 'jwt-signing-key',
    description: 'HMAC key for session tokens; CANARY gets the next key first.',
    created: '-180d',
    tags: { env: 'production', team: 'identity', app: 'auth' },
    versions: [
      { secret_string: fake('jwt1', 64) },
      { secret_string: fake('jwt2', 64), created: '-90d' },
      { secret_string: fake('jwt3', 64), created: '-30d' },
      { secret_string: fake('jwt4', 64), created: '-10d' },
      { secret_string: fake('jwt5', 64), created: '-1d', version_stages: ['CANARY'] },
    ],
    stages: { ROLLBACK: 'v2' },
  },
  {
    name: 'kafka-sasl-credentials',
    description: 'SASL/SCRAM credentials of the event bus; rotated often, at the 20-version limit.',
    created: '-400d',
    tags: { env: 'production', team: 'platform', app: 'event-bus' },
    versions: Array.from({ length: 20 }, (_, i) => ({
      secret_string: json({ mechanism: 'SCRAM-SHA-512', username: 'bus-producer', password: fake(`kafka${i}`) }),
      created: `-${400 - i * 20}d`,
      ...(i > 0 && i < 6 && { expire_time: `-${380 - i * 20}d` }),
    })),
    stages: { BLUE: 'v18', GREEN: 'v19', AUDIT_HOLD: 'v12' },
  },
  {
    name: 'redis-cache-password',
    description: 'Disabled after the cache moved to IAM auth.',
    created: '-250d',
    tags: { env: 'production', team: 'orders' },
    state: 'DISABLED',
    versions: [{ secret_string: fake('redis', 32) }],
  },
  {
    name: 'legacy-ldap-bind',
    description: 'Bind account of the retired LDAP directory.',
    created: '-700d',
    tags: { env: 'production', team: 'identity' },
    state: 'PENDING_DELETE',
    scheduled_delete_time: '+5d',
    versions: [{ secret_string: json({ bind_dn: 'cn=svc-portal,ou=services,dc=corp,dc=example', password: fake('ldap') }) }],
  },
  {
    name: 'partner-sftp-key',
    description: 'Frozen by the security team pending an incident review.',
    created: '-90d',
    tags: { env: 'production', team: 'payments' },
    state: 'FROZEN',
    versions: [{ secret_string: fake('sftp', 40) }],
  },
  {
    name: 'smtp-relay',
    description: 'SMTP relay credentials; the current version expires, subscribed to expiry alerts.',
    created: '-120d',
    tags: { env: 'production', team: 'platform', app: 'notifications' },
    event_subscriptions: ['secret-expiry-alerts'],
    versions: [
      { secret_string: json({ host: 'smtp.mail.example.com', port: 587, user: 'noreply', password: fake('smtp1') }) },
      {
        secret_string: json({ host: 'smtp.mail.example.com', port: 587, user: 'noreply', password: fake('smtp2') }),
        created: '-10d',
        expire_time: '+5d',
      },
    ],
  },
  {
    name: 'oauth-client-mobile',
    description: 'OAuth client of the mobile app.',
    created: '-45d',
    tags: { env: 'production', team: 'identity', app: 'mobile' },
    versions: [{ secret_string: json({ client_id: 'mobile-app', client_secret: fake('oauth', 40), redirect_uri: 'app://callback' }) }],
  },
  {
    name: 'obs-backup-access-key',
    description: 'AK/SK of the backup job that writes to OBS, rotated monthly by a FunctionGraph function.',
    created: '-33d',
    tags: { env: 'production', team: 'sre', app: 'backup' },
    auto_rotation: true,
    rotation_period: '30d',
    rotation_func_urn: `urn:fss:cn-north-4:${pid}:function:default:obs-ak-rotation:latest`,
    event_subscriptions: ['secret-rotation-alerts'],
    // Its last rotation ran on time, then a rotation run by hand this morning failed (see the tasks).
    last_rotated: '-3d',
    versions: [
      { secret_string: json({ access_key: fake('obs-ak', 20).toUpperCase(), secret_key: fake('obs-sk', 40) }) },
      { secret_string: json({ access_key: fake('obs-ak2', 20).toUpperCase(), secret_key: fake('obs-sk2', 40) }), created: '-3d' },
    ],
  },
  {
    name: 'elasticsearch-admin',
    description: '生产环境 Elasticsearch 管理员账号，仅限运维值班使用，请勿共享。',
    created: '-75d',
    tags: { env: 'production', team: 'sre', owner: '运维值班' },
    versions: [{ secret_string: json({ username: 'elastic', password: fake('es') }) }],
  },
  {
    name: 'sentry-dsn',
    description: 'Error reporting DSN (not very secret, kept here for rotation).',
    created: '-20d',
    versions: [{ secret_string: `https://${fake('sentry', 32)}@o4504.ingest.example.io/4504` }],
  },
  {
    name: 'observability-api-key',
    description: 'Metrics and logs ingestion key, replaced every 10 days by the pipeline: 19 of its 20 versions used.',
    created: '-185d',
    tags: { env: 'production', team: 'sre' },
    versions: Array.from({ length: 19 }, (_, i) => ({ secret_string: fake(`obs-api${i}`, 40), created: `-${185 - i * 10}d` })),
  },
  { name: 'feature-flags-sdk-key', description: '', created: '-2d', versions: [{ secret_string: `sdk-${fake('ff', 36)}` }] },
  {
    name: 'webhook-signing-secret',
    description:
      'Shared secret used to sign outgoing webhooks to partners. Rotate only after every partner has confirmed the new key in the partner portal; the previous key stays valid for 48 hours through SYSPREVIOUS during the overlap window.',
    created: '-130d',
    tags: { env: 'production', team: 'payments', app: 'webhooks' },
    versions: [{ secret_string: `whsec_${fake('wh1', 32)}` }, { secret_string: `whsec_${fake('wh2', 32)}`, created: '-1d' }],
  },
  {
    name: 'vault-unseal-share-3',
    description: 'Shamir share 3 of 5 (binary).',
    created: '-365d',
    versions: [{ secret_binary: fakeBytes('shamir3', 33) }],
  },
  {
    name: 'ci-npm-token',
    description: 'Token to publish internal packages; v2 expired.',
    created: '-100d',
    event_subscriptions: ['secret-expiry-alerts'],
    tags: { env: 'production', team: 'platform' },
    versions: [
      { secret_string: `npm_${fake('npm1', 36)}` },
      { secret_string: `npm_${fake('npm2', 36)}`, created: '-60d', expire_time: '-10d' },
      { secret_string: `npm_${fake('npm3', 36)}`, created: '-12d', expire_time: '+78d' },
    ],
  },
  {
    name: 'grafana-admin',
    description: 'Grafana admin login.',
    created: '-15d',
    tags: { env: 'production', team: 'sre' },
    versions: [{ secret_string: json({ user: 'admin', password: fake('grafana') }) }],
  },
];

/** Staging's own KMS keys: one disabled, one pending deletion (their secrets' values cannot be read). */
export const DEMO_KEYS = {
  disabled: { key_id: '3f6c2a1e-8b4d-4e7a-9c10-5d2e7f8a9b01', alias: 'staging/partner-sftp', state: '3' },
  pendingDeletion: { key_id: '9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c22', alias: 'staging/legacy-reports', state: '4' },
} as const;

const staging: SeedInput['projects'][number]['secrets'] = [
  {
    name: 'staging-partner-sftp',
    description: 'SFTP login of the partner test feed; its KMS key was disabled during the key review.',
    created: '-40d',
    kms_key_id: DEMO_KEYS.disabled.key_id,
    tags: { env: 'staging', team: 'payments' },
    versions: [{ secret_string: json({ user: 'partner-test', password: fake('sftp') }) }],
  },
  {
    name: 'staging-legacy-reports',
    description: 'Old reporting database user; its KMS key is scheduled for deletion.',
    created: '-200d',
    kms_key_id: DEMO_KEYS.pendingDeletion.key_id,
    tags: { env: 'staging', team: 'data' },
    versions: [{ secret_string: db('slegacy', 'reports-legacy.internal', 'reports_ro') }],
  },
  {
    name: 'staging-postgres-app',
    description: 'Staging copy of the orders database user.',
    created: '-60d',
    tags: { env: 'staging', team: 'orders', app: 'orders-api' },
    versions: [
      { secret_string: db('spg1', 'pg-staging.internal', 'orders_app') },
      { secret_string: db('spg2', 'pg-staging.internal', 'orders_app'), created: '-7d' },
    ],
  },
  {
    name: 'staging-redis',
    tags: { env: 'staging', team: 'orders' },
    description: 'Staging cache password.',
    created: '-50d',
    versions: [{ secret_string: fake('sredis', 32) }],
  },
  {
    name: 'staging-jwt-signing-key',
    description: 'Staging session key with a PREVIEW stage for the next release.',
    created: '-90d',
    tags: { env: 'staging', team: 'identity', app: 'auth' },
    versions: [
      { secret_string: fake('sjwt1', 64) },
      { secret_string: fake('sjwt2', 64), created: '-20d' },
      { secret_string: fake('sjwt3', 64), created: '-2d', version_stages: ['PREVIEW'] },
    ],
  },
  {
    name: 'staging-smtp',
    description: 'Mail sandbox account.',
    created: '-30d',
    tags: { env: 'staging', team: 'platform' },
    versions: [{ secret_string: json({ host: 'sandbox.smtp.example.com', port: 2525, user: 'staging', password: fake('ssmtp') }) }],
  },
  {
    name: 'staging-tls-keystore',
    description: 'Self-signed keystore for staging ingress (binary).',
    created: '-25d',
    versions: [{ secret_binary: fakeBytes('sp12', 1800) }],
  },
  {
    name: 'staging-api-gateway-key',
    description: 'APIG app key for integration tests.',
    created: '-12d',
    tags: { env: 'staging', team: 'platform', app: 'api-gateway' },
    versions: [{ secret_string: fake('sapig', 40) }],
  },
  {
    name: 'staging-ssh-deploy-key',
    description: 'Deploy key for the staging hosts (PEM text).',
    created: '-40d',
    versions: [
      {
        secret_string: `-----BEGIN OPENSSH PRIVATE KEY-----\n${fakeBytes('ssh', 300)
          .match(/.{1,70}/g)!
          .join('\n')}\n-----END OPENSSH PRIVATE KEY-----\n`,
      },
    ],
  },
  {
    name: 'qa-test-accounts',
    description: 'Logins of the QA test users (JSON array).',
    created: '-18d',
    tags: { env: 'staging', team: 'qa' },
    versions: [
      {
        secret_string: json([
          { user: 'qa-alice', password: fake('qa1') },
          { user: 'qa-bob', password: fake('qa2') },
        ]),
      },
    ],
  },
  {
    name: 'staging-rabbitmq',
    description: 'Cuenta de servicio de RabbitMQ — entorno de pruebas (ñ, ü, 日本語テスト).',
    created: '-9d',
    tags: { env: 'staging', team: 'platform' },
    versions: [{ secret_string: json({ username: 'svc-staging', password: fake('srmq'), vhost: '/staging' }) }],
  },
  {
    name: 'staging-old-token',
    description: 'Replaced token, disabled.',
    created: '-200d',
    state: 'DISABLED',
    versions: [{ secret_string: fake('sold', 30) }],
  },
];

const smnTopic = (name: string) => ({ target_type: 'SMN' as const, target_id: `urn:smn:cn-north-4:${pid}:${name}`, target_name: name });

/** Who hears about rotations and expiries, and what CSMS sent them. */
const productionEvents: Pick<SeedInput['projects'][number], 'events' | 'tasks' | 'notification_records'> = {
  events: [
    {
      name: 'secret-rotation-alerts',
      event_types: ['SECRET_ROTATED', 'SECRET_ROTATED_FAILED'],
      state: 'ENABLED',
      notification: smnTopic('csms-rotation-oncall'),
      created: '-120d',
    },
    {
      name: 'secret-expiry-alerts',
      event_types: ['SECRET_VERSION_NEAR_EXPIRY', 'SECRET_VERSION_EXPIRED'],
      state: 'ENABLED',
      notification: smnTopic('csms-expiry-oncall'),
      created: '-120d',
    },
    {
      name: 'secret-deletion-audit',
      event_types: ['SECRET_DELETED'],
      state: 'DISABLED',
      notification: smnTopic('security-audit'),
      created: '-300d',
    },
  ],
  tasks: [
    { secret_name: 'gaussdb-reporting', task_status: 'SUCCESS', task_time: '-11d', operate_type: 'AUTO' },
    { secret_name: 'gaussdb-reporting', task_status: 'SUCCESS', task_time: '-4d', operate_type: 'AUTO' },
    { secret_name: 'obs-backup-access-key', task_status: 'SUCCESS', task_time: '-3d', operate_type: 'AUTO' },
    // Run by hand after the backup job's bucket policy changed: the function cannot reach IAM.
    {
      secret_name: 'obs-backup-access-key',
      task_status: 'FAILED',
      task_time: '-3h',
      attempt_nums: 3,
      operate_type: 'MANUAL',
      task_error_code: 'FSS.0409',
      task_error_msg:
        'Function obs-ak-rotation returned an error: CreateTemporaryAccessKeyByToken failed: IAM.0007 The request is not authorized (the agency csms_rotation_agency lacks iam:credentials:createAccessKey).',
    },
  ],
  notification_records: [
    {
      event_name: 'secret-rotation-alerts',
      secret_name: 'obs-backup-access-key',
      trigger_event_type: 'SECRET_ROTATED_FAILED',
      notification_status: 'SUCCESS',
      create_time: '-3h',
    },
    {
      event_name: 'secret-rotation-alerts',
      secret_name: 'obs-backup-access-key',
      trigger_event_type: 'SECRET_ROTATED',
      notification_status: 'SUCCESS',
      create_time: '-3d',
    },
    {
      event_name: 'secret-expiry-alerts',
      secret_name: 'smtp-relay',
      trigger_event_type: 'SECRET_VERSION_NEAR_EXPIRY',
      notification_status: 'SUCCESS',
      create_time: '-1d',
    },
    {
      event_name: 'secret-expiry-alerts',
      secret_name: 'smtp-relay',
      trigger_event_type: 'SECRET_VERSION_NEAR_EXPIRY',
      notification_status: 'FAIL',
      create_time: '-2d',
    },
    {
      event_name: 'secret-expiry-alerts',
      secret_name: 'ci-npm-token',
      trigger_event_type: 'SECRET_VERSION_EXPIRED',
      notification_status: 'SUCCESS',
      create_time: '-10d',
    },
  ],
};

const regionDefault: SeedInput['projects'][number]['secrets'] = [
  {
    name: 'ops-webhook-token',
    description: 'Token of the on-call webhook; kept in the region project, where SDK scripts look by default.',
    created: '-30d',
    tags: { env: 'production', team: 'platform' },
    versions: [{ secret_string: fake('webhook', 32) }],
  },
];

export function demoSeed(): SeedInput {
  return {
    iam: DEMO_IAM,
    projects: [
      { ...DEMO_PROJECTS.production, secrets: production, ...productionEvents },
      { ...DEMO_PROJECTS.staging, secrets: staging, keys: Object.values(DEMO_KEYS) },
      { ...DEMO_PROJECTS.regionDefault, secrets: regionDefault },
    ],
  };
}

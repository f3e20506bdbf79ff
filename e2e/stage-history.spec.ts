// The stage history and "what did a stage point at" on the demo data, as the support ticket asks:
// a new version moved SYSCURRENT (and SYSPREVIOUS by CSMS's rule), a custom stage moved by hand;
// each answer with its evidence, "unknown" only with its true reason, in English and 简体中文.
import { DEMO_IAM } from '../src/emulator/demo-seed.ts';
import { DEMO_PROJECT, expect, secretPath, test } from './fixtures.ts';

const HOUR = 3600_000;
const address = (ms: number) => `${new Date(ms).toISOString().slice(0, 16)}Z`;
const stageAt = (secret: string, stage: string, ms: number, extra = '') =>
  `${secretPath(DEMO_PROJECT, secret)}/stages/${stage}?at=${address(ms)}${extra}`;
const seedUser = DEMO_IAM.users[0]!.name;

test('before the second version: SYSCURRENT was v1 (the next move is the evidence); SYSPREVIOUS unknown, for its true reason', async ({
  page,
}) => {
  await page.goto(stageAt('webhook-signing-secret', 'SYSCURRENT', Date.now() - 48 * HOUR));
  const answer = page.getByTestId('stage-at-answer');
  await expect(answer).toContainText(/SYSCURRENT pointed at v1\./);
  await expect(answer).toContainText(new RegExp(`Next move: .*, v1 → v2, by ${seedUser} \\(CreateSecretVersion, request [0-9a-f]+\\)`));
  await expect(answer).not.toContainText("before CTS's records begin");

  await page.goto(stageAt('webhook-signing-secret', 'SYSPREVIOUS', Date.now() - 48 * HOUR));
  await expect(answer).toContainText('Unknown: where SYSPREVIOUS was before its next move is not in CTS');
  await expect(answer).toContainText(/Next move: .*, unknown → v1, by .*CSMS moved it by itself\./);

  // After it, SYSPREVIOUS is v1, moved there by CSMS itself.
  await page.goto(stageAt('webhook-signing-secret', 'SYSPREVIOUS', Date.now() - HOUR));
  await expect(answer).toContainText(/SYSPREVIOUS pointed at v1\./);
  await expect(answer).toContainText(/Moved there: .*, unknown → v1, by .*\(CreateSecretVersion.*CSMS moved it by itself\./);

  // The history lists both moves of that call.
  await page.goto(secretPath(DEMO_PROJECT, 'webhook-signing-secret'));
  const moves = page.getByRole('list', { name: 'Stage history' }).getByTestId('stage-move');
  await expect(moves.filter({ hasText: 'SYSCURRENT: v1 → v2' })).toContainText(`by ${seedUser} · CreateSecretVersion`);
  await expect(moves.filter({ hasText: 'SYSPREVIOUS: unknown → v1' })).toContainText('automatic');
});

test('a custom stage moved by hand: where it was after the move, and unknown before it with the true reason', async ({ page }) => {
  // The demo moved jwt-signing-key's ROLLBACK to v2 an hour before the console started.
  await page.goto(stageAt('jwt-signing-key', 'ROLLBACK', Date.now() - 60_000));
  const answer = page.getByTestId('stage-at-answer');
  await expect(answer).toContainText(/ROLLBACK pointed at v2\./, { timeout: 15_000 });
  await expect(answer).toContainText(new RegExp(`Moved there: .*, unknown → v2, by ${seedUser} \\(UpdateSecretStage`));
  await expect(answer).toContainText('It has not moved since.');

  await page.goto(stageAt('jwt-signing-key', 'ROLLBACK', Date.now() - 3 * 24 * HOUR));
  await expect(answer).toContainText('Unknown: where ROLLBACK was before its next move is not in CTS');
  await expect(answer).toContainText(/Next move: .*, unknown → v2/);
});

test('a time to come is answered in the present; an address time that is not one shows the problem and the fix', async ({ page }) => {
  await page.goto(stageAt('webhook-signing-secret', 'SYSCURRENT', Date.now() + 24 * HOUR));
  await expect(page.getByTestId('stage-at-answer')).toContainText('is still to come: SYSCURRENT points at v2 now.');

  await page.goto(`${secretPath(DEMO_PROJECT, 'webhook-signing-secret')}/stages/SYSCURRENT?at=yesterday`);
  const problem = page.getByRole('alert').filter({ hasText: 'which is not a time' });
  await expect(problem).toContainText('at=“yesterday”');
  await problem.getByRole('link', { name: 'Open this page without it' }).click();
  await expect(page).not.toHaveURL(/at=/);
  await expect(page.getByRole('alert').filter({ hasText: 'which is not a time' })).toHaveCount(0);
});

test('in 简体中文: the same answers', async ({ page }) => {
  await page.goto(stageAt('webhook-signing-secret', 'SYSCURRENT', Date.now() - 48 * HOUR, '&lang=zh-CN'));
  const answer = page.getByTestId('stage-at-answer');
  await expect(answer).toContainText(/SYSCURRENT 指向 v1。/);
  await expect(answer).toContainText(/下一次移动：.*v1 → v2，操作人/);
  await page.goto(stageAt('jwt-signing-key', 'ROLLBACK', Date.now() - 3 * 24 * HOUR, '&lang=zh-CN'));
  await expect(answer).toContainText('未知：CTS 记录中没有 ROLLBACK 在下一次移动之前的位置');
});

// The search box: typing never loses a character, at any speed, with the CPU slowed down; the URL
// follows the text after a pause without writing back into the input.
import { DEMO_PROJECT, expect, secretPath, test } from './fixtures.ts';

test('typing never loses a character, with the CPU slowed 6×', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await page.goto(secretPath(DEMO_PROJECT));
  await expect(page.getByText('22 secrets')).toBeVisible();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  const input = page.getByRole('textbox', { name: 'Secret name' });
  for (const delay of [0, 10, 30]) {
    await input.clear();
    await input.pressSequentially('kafka-sasl-credentials', { delay });
    await expect(input).toHaveValue('kafka-sasl-credentials');
    await expect(page).toHaveURL(/\?q=kafka-sasl-credentials$/);
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
});

test('the text is in the URL before a secret opens, so Back finds it; another project starts empty', async ({ page }) => {
  await page.goto(secretPath(DEMO_PROJECT));
  const input = page.getByRole('textbox', { name: 'Secret name' });
  await input.fill('jwt-signing-key');
  await input.press('Enter');
  await expect(page.getByRole('heading', { name: 'jwt-signing-key', level: 1 })).toBeVisible();
  await page.goBack();
  await expect(input).toHaveValue('jwt-signing-key');
  await expect(page).toHaveURL(/\?q=jwt-signing-key$/);
  await page.getByLabel('Project').selectOption({ label: 'ap-southeast-1_staging · ap-southeast-1' });
  await expect(page.getByRole('link', { name: 'staging-redis' })).toBeVisible();
  await expect(input).toHaveValue('');
});

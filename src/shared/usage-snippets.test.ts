// The snippets: this page's values filled in, never a credential; a stage read as CSMS has it.
import { describe, expect, it } from 'vitest';
import { SNIPPET_LANGUAGES, usageSnippet } from './usage-snippets.ts';

const pid = 'c0ffee00c0ffee00c0ffee00c0ffee00';
const CREDENTIAL_LOOKALIKE = /[A-Z0-9]{20}|[A-Za-z0-9]{40}/;

describe('usage snippets', () => {
  it('fills in the page and names no credential', () => {
    for (const language of SNIPPET_LANGUAGES) {
      const text = usageSnippet(language, { projectId: pid, region: 'ap-southeast-3', secretName: 'app-db', version: 'v7' });
      expect(text, language).toContain(pid);
      expect(text, language).toContain('app-db');
      expect(text, language).toContain('v7');
      expect(text, language).not.toMatch(CREDENTIAL_LOOKALIKE);
      if (language !== 'node') expect(text, language).toContain('ap-southeast-3');
    }
    expect(usageSnippet('node', { projectId: pid, region: 'ap-southeast-3', secretName: 'app-db', version: 'v7' })).toContain(
      'https://kms.ap-southeast-3.myhuaweicloud.com',
    );
    expect(usageSnippet('koocli', { projectId: pid, region: 'cn-north-4', secretName: 'app-db', version: 'v7' })).toBe(
      `# KooCLI (hcloud), after hcloud configure set (or with --cli-access-key/--cli-secret-key from your environment)\nhcloud CSMS ShowSecretVersion --cli-region=cn-north-4 --project_id=${pid} --secret_name=app-db --version_id=v7`,
    );
  });

  it('a stage: ShowSecretStage, then ShowSecretVersion with its version', () => {
    const t = { projectId: pid, region: 'cn-north-4', secretName: 'app-db', stage: 'SYSCURRENT' };
    expect(usageSnippet('python', t)).toContain('ShowSecretStageRequest(secret_name="app-db", stage_name="SYSCURRENT")');
    expect(usageSnippet('python', t)).toContain('version_id=stage.version_id');
    expect(usageSnippet('java', t)).toContain('.withSecretName("app-db").withStageName("SYSCURRENT")).getStage().getVersionId()');
    expect(usageSnippet('go', t)).toContain('versionId := *stage.Stage.VersionId');
    expect(usageSnippet('koocli', t)).toContain('hcloud CSMS ShowSecretStage --cli-region=cn-north-4');
  });
});

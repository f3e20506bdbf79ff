// "Use this secret": how to read the version or stage in view with Huawei Cloud's SDKs and KooCLI,
// this page's project, region, secret and version or stage filled in. Credentials come from the
// environment (HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK): a snippet never holds one.
// A stage is read in two calls, as CSMS has it: ShowSecretStage for its version, then
// ShowSecretVersion. Each snippet follows its SDK's generated API (CsmsClient, ShowSecretVersionRequest…).

export type SnippetLanguage = 'node' | 'python' | 'java' | 'go' | 'koocli';
export const SNIPPET_LANGUAGES: SnippetLanguage[] = ['node', 'python', 'java', 'go', 'koocli'];

export interface SnippetTarget {
  projectId: string;
  region: string;
  secretName: string;
  /** A version id (v3, latest) or a stage name. */
  version?: string;
  stage?: string;
  /** CSMS's endpoint for the Node snippet (which names it); the region's public one by default. */
  endpoint?: string;
}

/** Names and ids are checked against CSMS's patterns before a page shows them; quoted anyway. */
const q = (text: string) => JSON.stringify(text);
export const csmsEndpoint = (t: SnippetTarget) => t.endpoint ?? `https://kms.${t.region}.myhuaweicloud.com`;

function node(t: SnippetTarget): string {
  const versionParam = t.stage ? 'stage.version_id' : q(t.version!);
  return [
    `// npm install @huaweicloud/huaweicloud-sdk-core`,
    `// The CSMS package's CsmsClient.showSecretVersion sends this same request through this core client.`,
    `const { BasicCredentials } = require('@huaweicloud/huaweicloud-sdk-core');`,
    `const { ClientBuilder } = require('@huaweicloud/huaweicloud-sdk-core/ClientBuilder');`,
    ``,
    `const credentials = new BasicCredentials()`,
    `  .withAk(process.env.HUAWEICLOUD_SDK_AK)`,
    `  .withSk(process.env.HUAWEICLOUD_SDK_SK)`,
    `  .withProjectId(${q(t.projectId)});`,
    `const client = new ClientBuilder((hcClient) => hcClient)`,
    `  .withCredential(credentials)`,
    `  .withEndpoint(${q(csmsEndpoint(t))})`,
    `  .build();`,
    `const get = (url, pathParams) =>`,
    `  client.sendRequest({ method: 'GET', url, contentType: 'application/json', queryParams: {}, pathParams, headers: {} });`,
    ``,
    `async function readSecretValue() {`,
    ...(t.stage
      ? [
          `  const { stage } = await get('/v1/{project_id}/secrets/{secret_name}/stages/{stage_name}', {`,
          `    secret_name: ${q(t.secretName)},`,
          `    stage_name: ${q(t.stage)},`,
          `  });`,
        ]
      : []),
    `  const { version } = await get('/v1/{project_id}/secrets/{secret_name}/versions/{version_id}', {`,
    `    secret_name: ${q(t.secretName)},`,
    `    version_id: ${versionParam},`,
    `  });`,
    `  // A binary secret comes as secret_binary (base64).`,
    `  return version.secret_string ?? version.secret_binary;`,
    `}`,
    ``,
    `readSecretValue().then(`,
    `  (value) => {`,
    `    // Use the value here; do not log it.`,
    `  },`,
    `  (error) => {`,
    `    console.error(error.errorCode, error.errorMsg ?? error.message);`,
    `    process.exitCode = 1;`,
    `  },`,
    `);`,
  ].join('\n');
}

function python(t: SnippetTarget): string {
  return [
    `# pip install huaweicloudsdkcsms`,
    `import os`,
    ``,
    `from huaweicloudsdkcore.auth.credentials import BasicCredentials`,
    `from huaweicloudsdkcsms.v1 import CsmsClient, ShowSecretStageRequest, ShowSecretVersionRequest`,
    `from huaweicloudsdkcsms.v1.region.csms_region import CsmsRegion`,
    ``,
    `credentials = BasicCredentials(os.environ["HUAWEICLOUD_SDK_AK"], os.environ["HUAWEICLOUD_SDK_SK"], ${q(t.projectId)})`,
    `client = (`,
    `    CsmsClient.new_builder()`,
    `    .with_credentials(credentials)`,
    `    .with_region(CsmsRegion.value_of(${q(t.region)}))`,
    `    .build()`,
    `)`,
    ...(t.stage
      ? [
          `stage = client.show_secret_stage(ShowSecretStageRequest(secret_name=${q(t.secretName)}, stage_name=${q(t.stage)})).stage`,
          `version = client.show_secret_version(ShowSecretVersionRequest(secret_name=${q(t.secretName)}, version_id=stage.version_id)).version`,
        ]
      : [
          `version = client.show_secret_version(ShowSecretVersionRequest(secret_name=${q(t.secretName)}, version_id=${q(t.version!)})).version`,
        ]),
    `value = version.secret_string  # a binary secret: version.secret_binary (base64)`,
  ].join('\n');
}

function java(t: SnippetTarget): string {
  return [
    `// Maven: com.huaweicloud.sdk:huaweicloud-sdk-csms`,
    `import com.huaweicloud.sdk.core.auth.BasicCredentials;`,
    `import com.huaweicloud.sdk.csms.v1.CsmsClient;`,
    `import com.huaweicloud.sdk.csms.v1.model.*;`,
    `import com.huaweicloud.sdk.csms.v1.region.CsmsRegion;`,
    ``,
    `BasicCredentials credentials = new BasicCredentials()`,
    `    .withAk(System.getenv("HUAWEICLOUD_SDK_AK"))`,
    `    .withSk(System.getenv("HUAWEICLOUD_SDK_SK"))`,
    `    .withProjectId(${q(t.projectId)});`,
    `CsmsClient client = CsmsClient.newBuilder()`,
    `    .withCredential(credentials)`,
    `    .withRegion(CsmsRegion.valueOf(${q(t.region)}))`,
    `    .build();`,
    ...(t.stage
      ? [
          `String versionId = client.showSecretStage(new ShowSecretStageRequest()`,
          `    .withSecretName(${q(t.secretName)}).withStageName(${q(t.stage)})).getStage().getVersionId();`,
        ]
      : [`String versionId = ${q(t.version!)};`]),
    `Version version = client.showSecretVersion(new ShowSecretVersionRequest()`,
    `    .withSecretName(${q(t.secretName)}).withVersionId(versionId)).getVersion();`,
    `String value = version.getSecretString(); // a binary secret: getSecretBinary() (base64)`,
  ].join('\n');
}

function go(t: SnippetTarget): string {
  return [
    `// go get github.com/huaweicloud/huaweicloud-sdk-go-v3`,
    `import (`,
    `\t"os"`,
    ``,
    `\t"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/basic"`,
    `\tcsms "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/csms/v1"`,
    `\t"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/csms/v1/model"`,
    `\tregion "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/csms/v1/region"`,
    `)`,
    ``,
    `func readSecretValue() (string, error) {`,
    `\tauth, err := basic.NewCredentialsBuilder().`,
    `\t\tWithAk(os.Getenv("HUAWEICLOUD_SDK_AK")).`,
    `\t\tWithSk(os.Getenv("HUAWEICLOUD_SDK_SK")).`,
    `\t\tWithProjectId(${q(t.projectId)}).`,
    `\t\tSafeBuild()`,
    `\tif err != nil {`,
    `\t\treturn "", err`,
    `\t}`,
    `\treg, err := region.SafeValueOf(${q(t.region)})`,
    `\tif err != nil {`,
    `\t\treturn "", err`,
    `\t}`,
    `\thcClient, err := csms.CsmsClientBuilder().WithRegion(reg).WithCredential(auth).SafeBuild()`,
    `\tif err != nil {`,
    `\t\treturn "", err`,
    `\t}`,
    `\tclient := csms.NewCsmsClient(hcClient)`,
    ...(t.stage
      ? [
          `\tstage, err := client.ShowSecretStage(&model.ShowSecretStageRequest{SecretName: ${q(t.secretName)}, StageName: ${q(t.stage)}})`,
          `\tif err != nil {`,
          `\t\treturn "", err`,
          `\t}`,
          `\tversionId := *stage.Stage.VersionId`,
        ]
      : [`\tversionId := ${q(t.version!)}`]),
    `\tanswer, err := client.ShowSecretVersion(&model.ShowSecretVersionRequest{SecretName: ${q(t.secretName)}, VersionId: versionId})`,
    `\tif err != nil {`,
    `\t\treturn "", err`,
    `\t}`,
    `\t// A binary secret: *answer.Version.SecretBinary (base64).`,
    `\treturn *answer.Version.SecretString, nil`,
    `}`,
  ].join('\n');
}

function koocli(t: SnippetTarget): string {
  const common = `--cli-region=${t.region} --project_id=${t.projectId} --secret_name=${t.secretName}`;
  return [
    `# KooCLI (hcloud), after hcloud configure set (or with --cli-access-key/--cli-secret-key from your environment)`,
    ...(t.stage
      ? [
          `hcloud CSMS ShowSecretStage ${common} --stage_name=${t.stage}`,
          `# then, with the version_id it answers:`,
          `hcloud CSMS ShowSecretVersion ${common} --version_id=<version_id>`,
        ]
      : [`hcloud CSMS ShowSecretVersion ${common} --version_id=${t.version}`]),
  ].join('\n');
}

const BUILDERS: Record<SnippetLanguage, (t: SnippetTarget) => string> = { node, python, java, go, koocli };

export const usageSnippet = (language: SnippetLanguage, target: SnippetTarget) => BUILDERS[language](target);

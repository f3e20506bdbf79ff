// The inside of "Use this secret": how to read the version or stage in view from code or the
// command line, with this page's values filled in. The credentials stay in the reader's environment.
import { Trans, useLingui } from '@lingui/react/macro';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { configQuery } from '../api/config-query.ts';
import { SNIPPET_LANGUAGES, usageSnippet, type SnippetLanguage } from '../../shared/usage-snippets.ts';
import { CopyButton } from './ui/copy-button.tsx';

// Product names, the same in every language.
// eslint-disable-next-line lingui/no-unlocalized-strings
const NAMES: Record<SnippetLanguage, string> = { node: 'Node.js', python: 'Python', java: 'Java', go: 'Go', koocli: 'KooCLI' };

export interface SnippetTarget {
  projectId: string;
  secretName: string;
  versionId?: string;
  stageName?: string;
}

export default function UsageSnippetPanel(props: SnippetTarget) {
  const { t } = useLingui();
  const id = useId();
  const { data: config } = useQuery(configQuery);
  const region = config?.projects.find((p) => p.id === props.projectId)?.region ?? 'cn-north-4';
  const [language, setLanguage] = useState<SnippetLanguage>('node');
  const languageName = NAMES[language];
  const text = usageSnippet(language, {
    projectId: props.projectId,
    region,
    secretName: props.secretName,
    version: props.versionId,
    stage: props.stageName,
  });
  return (
    <div className="mt-3 space-y-2">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        <Trans>
          Read it with Huawei Cloud's SDKs or KooCLI. The credentials come from HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK in your
          environment; reading a value needs csms:secret:getVersion.
        </Trans>
      </p>
      <div role="tablist" aria-label={t`Language`} className="flex flex-wrap gap-1">
        {SNIPPET_LANGUAGES.map((l) => (
          <button
            key={l}
            type="button"
            role="tab"
            id={`${id}-${l}`}
            aria-selected={l === language}
            aria-controls={`${id}-panel`}
            onClick={() => setLanguage(l)}
            className="rounded-md px-2 py-1 text-sm aria-selected:bg-zinc-200 aria-selected:font-semibold dark:aria-selected:bg-zinc-800"
          >
            {NAMES[l]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${language}`} className="relative">
        <pre className="overflow-x-auto rounded-md bg-zinc-100 p-3 font-mono text-xs dark:bg-zinc-900" data-testid="usage-snippet">
          {text}
        </pre>
        <div className="absolute top-1 right-1">
          <CopyButton text={text} label={t`Copy the ${languageName} snippet`} />
        </div>
      </div>
    </div>
  );
}

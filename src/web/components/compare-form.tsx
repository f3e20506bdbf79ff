// The two sides of a compare: a version or stage of this secret (offered in a list), or any
// reference typed in. Each is checked as it is sent: a wrong one is said under its field and
// nothing is requested.
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useId, useState, type FormEvent } from 'react';
import type { VersionMetadata } from '../../shared/schemas.ts';
import { checkRef, type RefProblem } from '../lib/compare-ref.ts';
import { sortStages } from '../lib/stages.ts';
import { Button } from './ui/button.tsx';

export type Side = 'a' | 'b';
type Page = { projectId: string; secretName: string };

function useProblemText() {
  const { t } = useLingui();
  return (problem: RefProblem) => {
    const part = 'part' in problem ? problem.part : '';
    switch (problem.kind) {
      case 'empty':
        return t`Name a version (v3) or a stage (SYSCURRENT).`;
      case 'shape':
        return t`Expected v3, SYSCURRENT, secret/v3 or project/secret/v3.`;
      case 'ref':
        return t`"${part}" is not a version id (v1, v2, …) or a stage name.`;
      case 'secret':
        return t`"${part}" is not a secret name (letters, digits, "_" and "-").`;
      case 'project':
        return t`"${part}" is not a project id (32 hex characters).`;
    }
  };
}

const SIDE_LABEL = { a: msg`Value A`, b: msg`Value B` };

export function CompareForm(props: {
  page: Page;
  a: string;
  b: string;
  versions: VersionMetadata[];
  onCompare: (a: string, b: string) => void;
}) {
  const { i18n } = useLingui();
  const problemText = useProblemText();
  const [problems, setProblems] = useState<Partial<Record<Side, string>>>({});
  const listId = useId();
  const stages = sortStages(props.versions.flatMap((v) => v.version_stages));
  const options = [...stages, ...props.versions.map((v) => v.id)];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const texts = { a: String(form.get('a') ?? '').trim(), b: String(form.get('b') ?? '').trim() };
    const found: Partial<Record<Side, string>> = {};
    for (const side of ['a', 'b'] as const) {
      const checked = checkRef(texts[side], props.page);
      if ('problem' in checked) found[side] = problemText(checked.problem);
    }
    setProblems(found);
    if (!found.a && !found.b) props.onCompare(texts.a, texts.b);
  };

  return (
    <form noValidate onSubmit={submit} className="space-y-3" aria-label={i18n._(msg`Choose the two values`)}>
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      <div className="grid gap-3 sm:grid-cols-2">
        {(['a', 'b'] as const).map((side) => (
          <SideField
            key={`${side}:${props[side]}`}
            side={side}
            label={i18n._(SIDE_LABEL[side])}
            defaultValue={props[side]}
            listId={listId}
            problem={problems[side]}
          />
        ))}
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        <Trans>
          A version or stage of this secret, or <code>secret/v3</code>, or <code>project/secret/SYSCURRENT</code>. Only the shapes and
          fingerprints of the values come back, never a value; each value read is logged like a reveal.
        </Trans>
      </p>
      <Button type="submit" variant="primary">
        <Trans>Compare</Trans>
      </Button>
    </form>
  );
}

function SideField(props: { side: Side; label: string; defaultValue: string; listId: string; problem?: string }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {props.label}
      </label>
      <input
        id={id}
        name={props.side}
        list={props.listId}
        defaultValue={props.defaultValue}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="off"
        aria-invalid={props.problem ? true : undefined}
        aria-describedby={props.problem ? `${id}-problem` : undefined}
        className="h-9 w-full rounded-md border border-zinc-300 bg-white px-3 font-mono text-sm aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900"
      />
      {props.problem && (
        <p id={`${id}-problem`} className="mt-1 text-sm text-red-700 dark:text-red-400">
          {props.problem}
        </p>
      )}
    </div>
  );
}

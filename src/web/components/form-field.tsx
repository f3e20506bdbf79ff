import { useId } from 'react';

/** A labelled text field with its hint and its problem, wired for screen readers. */
export function FormField(props: {
  name: string;
  label: string;
  problem?: string;
  hint?: string;
  type?: string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'text';
  multiline?: boolean;
}) {
  const id = useId();
  const describedBy = [props.hint && `${id}-hint`, props.problem && `${id}-problem`].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: props.name,
    'aria-invalid': props.problem ? true : undefined,
    'aria-describedby': describedBy,
    spellCheck: false,
    autoCapitalize: 'off',
    className:
      'w-full rounded-md border border-zinc-300 bg-white px-3 text-sm aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900',
  };
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {props.label}
      </label>
      {props.multiline ? (
        <textarea {...common} rows={5} autoComplete="off" className={`${common.className} py-2 font-mono break-all`} />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          autoComplete={props.autoComplete}
          className={`${common.className} h-9`}
        />
      )}
      {props.hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          {props.hint}
        </p>
      )}
      {props.problem && (
        <p id={`${id}-problem`} className="mt-1 text-sm text-red-700 dark:text-red-400">
          {props.problem}
        </p>
      )}
    </div>
  );
}

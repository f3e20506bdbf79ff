// Placeholders shaped like the page that is loading, for a slow cold load.
import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { useLingui } from '@lingui/react';
import type { ReactNode } from 'react';
import { matchPath } from 'react-router';

export function Skeleton({ className = '' }: { className?: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded bg-zinc-200 dark:bg-zinc-800 ${className}`} />;
}

const Rows = ({ count, className }: { count: number; className: string }) => (
  <div className="space-y-2">
    {Array.from({ length: count }, (_, i) => (
      <Skeleton key={i} className={className} />
    ))}
  </div>
);

const Fields = ({ count }: { count: number }) => (
  <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
    {Array.from({ length: count }, (_, i) => (
      <Skeleton key={i} className="h-10" />
    ))}
  </div>
);

function Loading({ what, children }: { what: MessageDescriptor; children: ReactNode }) {
  const { i18n } = useLingui();
  return (
    <div role="status" aria-label={i18n._(what)} className="space-y-6">
      {children}
    </div>
  );
}

const LookupSkeleton = () => (
  <Loading what={msg`Loading the secrets`}>
    <Skeleton className="h-7 w-32" />
    <Skeleton className="h-9 max-w-xl" />
    <Rows count={10} className="h-8" />
  </Loading>
);

const SecretSkeleton = () => (
  <Loading what={msg`Loading the secret`}>
    <Skeleton className="h-7 w-72 max-w-full" />
    <Skeleton className="h-5 w-96 max-w-full" />
    <Fields count={6} />
    <Skeleton className="h-8 w-80 max-w-full" />
    <Rows count={4} className="h-9" />
  </Loading>
);

const ValueSkeleton = () => (
  <Loading what={msg`Loading the version`}>
    <Skeleton className="h-7 w-96 max-w-full" />
    <Fields count={3} />
    <Skeleton className="h-28" />
  </Loading>
);

export const SignInSkeleton = () => (
  <div className="mx-auto max-w-md px-4 py-10">
    <Loading what={msg`Loading the sign-in page`}>
      <Skeleton className="h-7 w-24" />
      <Rows count={3} className="h-9" />
    </Loading>
  </div>
);

/** The skeleton of the page at `pathname`. */
export function PageSkeleton({ pathname }: { pathname: string }) {
  if (matchPath('/projects/:projectId/secrets', pathname)) return <LookupSkeleton />;
  if (matchPath('/projects/:projectId/secrets/:secretName', pathname)) return <SecretSkeleton />;
  if (matchPath('/projects/:projectId/secrets/:secretName/*', pathname)) return <ValueSkeleton />;
  return (
    <Loading what={msg`Loading the page`}>
      <Skeleton className="h-7 w-64" />
    </Loading>
  );
}

// The URL's parameters, checked against the CSMS patterns before anything is requested: loaders
// call checkedParams (an invalid one fails before any request, as an AddressError: it is the
// address that is wrong, and CSMS was not asked), pages read the same checks back with
// useCheckedParams.
import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { useParams, type Params } from 'react-router';
import { PROJECT_ID_PATTERN, VERSION_REF_PATTERN } from '../../shared/patterns.ts';
import { setLazyMessage } from '../i18n/lazy-message.ts';
import { nameProblemMessage } from '../lib/name-problem.ts';

export interface RouteParams {
  projectId: string;
  secretName: string;
  stageName: string;
  versionId: string;
}

/** A parameter of the address that cannot be right: nothing was sent. */
export class AddressError extends Error {
  constructor(
    readonly param: keyof RouteParams,
    readonly value: string,
    problem: MessageDescriptor,
  ) {
    super(param);
    setLazyMessage(this, problem);
    this.name = 'AddressError';
  }
}

/** Why a parameter of the URL is refused, or null. */
function problemOf(name: keyof RouteParams, value: string): MessageDescriptor | null {
  switch (name) {
    case 'projectId':
      return PROJECT_ID_PATTERN.test(value) ? null : msg`"${value}" is not a project id (32 hex characters).`;
    case 'secretName':
      return nameProblemMessage(value, 'secret');
    case 'stageName':
      return nameProblemMessage(value, 'stage');
    case 'versionId':
      return VERSION_REF_PATTERN.test(value) ? null : msg`"${value}" is not a version id: use v1, v2, … or latest.`;
  }
}

/** The route's parameters, each checked in order; throws the first problem as an AddressError. */
export function checkedParams<K extends keyof RouteParams>(params: Params, ...names: K[]): Pick<RouteParams, K> {
  const checked = {} as Pick<RouteParams, K>;
  for (const name of names) {
    const value = params[name] ?? '';
    const problem = problemOf(name, value);
    if (problem) throw new AddressError(name, value, problem);
    checked[name] = value;
  }
  return checked;
}

/** The page's parameters, checked as its loader checked them: `useCheckedParams('projectId', 'secretName')`. */
export const useCheckedParams = <K extends keyof RouteParams>(...names: K[]) => checkedParams(useParams(), ...names);

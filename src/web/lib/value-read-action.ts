// What a person did with a value, in the page's language: its own module, so the pages that list
// value reads do not load the ticket text builders with it.
import { i18n } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import type { ValueReadAction } from '../../shared/value-reads.ts';

const ACTIONS = { read: msg`revealed`, copy: msg`copied`, compare: msg`compared`, download: msg`downloaded` } satisfies Record<
  ValueReadAction,
  unknown
>;
/** "revealed", "copied", … */
export const valueReadAction = (action: ValueReadAction) => i18n._(ACTIONS[action]);

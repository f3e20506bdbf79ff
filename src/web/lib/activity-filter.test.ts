import { hashKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { CHANGES_ONLY } from '../api/activity.ts';
import { activityFilterOf } from './activity-filter.ts';

describe('activityFilterOf', () => {
  // The loader prefetches a plain address's activity under CHANGES_ONLY, before this code loads:
  // the section must find it under the same key.
  it('reads an address without parameters as the changes only, the key the loader prefetched', () => {
    expect(hashKey([activityFilterOf(new URLSearchParams()).filter])).toBe(hashKey([CHANGES_ONLY]));
  });
  it('reads reads=1 as a filter that shows reads', () => {
    expect(activityFilterOf(new URLSearchParams('reads=1')).filter).toMatchObject({ reads: true, own: false });
  });
});

import { describe, expect, it } from 'vitest';
import { rowWindow } from './row-window.ts';

describe('rowWindow', () => {
  it('renders the visible rows plus overscan, padding for the rest', () => {
    expect(rowWindow(0, 400, 40, 10_000, 5)).toEqual({ first: 0, last: 15, padTop: 0, padBottom: (10_000 - 15) * 40 });
    expect(rowWindow(4000, 400, 40, 10_000, 5)).toEqual({ first: 95, last: 115, padTop: 3800, padBottom: (10_000 - 115) * 40 });
  });
  it('stays inside the list at both ends and when it is short or empty', () => {
    expect(rowWindow(400_000, 400, 40, 10_000, 5)).toEqual({ first: 9995, last: 10_000, padTop: 399_800, padBottom: 0 });
    expect(rowWindow(0, 400, 40, 3, 5)).toEqual({ first: 0, last: 3, padTop: 0, padBottom: 0 });
    expect(rowWindow(0, 400, 40, 0, 5)).toEqual({ first: 0, last: 0, padTop: 0, padBottom: 0 });
    expect(rowWindow(9999, 400, 40, 3, 5)).toEqual({ first: 3, last: 3, padTop: 120, padBottom: 0 });
  });
});

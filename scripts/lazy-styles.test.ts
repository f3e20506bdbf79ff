import { describe, expect, it } from 'vitest';
import { splitStyles, utilityRules } from './lazy-styles.ts';

const sheet = (...rules: string[]) => `@layer base{html{color:red}}@layer utilities{${rules.join('')}}@property --x{inherits:false}`;
const P2 = '.p-2{padding:.5rem}';
const PX4 = '.px-4{padding-inline:1rem}';
const MT1 = '.mt-1{margin-top:.25rem}';
const HIDDEN = '.hidden{display:none}';
const SM_BLOCK = '@media (min-width:40rem){.sm\\:block{display:block}}';
const DARK_BG = '.dark\\:bg-zinc-900:where(.dark,.dark *){background-color:#18181b}';

describe('lazy styles: the sheet split', () => {
  it('reads the utilities layer rule by rule, an at-rule as one', () => {
    expect(utilityRules(sheet(P2, SM_BLOCK))?.rules).toEqual([P2, SM_BLOCK]);
    expect(utilityRules('@layer base{html{color:red}}')).toBeNull();
  });

  it('moves a rule only lazy code writes, and keeps the rest of the sheet as it was', () => {
    const { first, lazy, moved } = splitStyles(sheet(P2, MT1, HIDDEN), '"hidden mt-1"', '"p-2 hidden"');
    expect(moved).toEqual([P2]);
    expect(first).toBe(sheet(MT1, HIDDEN));
    expect(lazy).toBe(`@layer utilities{${P2}}`);
  });

  it('repeats after a moved rule the first-load rules that set one of its properties, so they still win', () => {
    // .px-4 came after .p-2 and both set the inline padding: in a sheet loaded later, .p-2 would win.
    const { first, lazy } = splitStyles(sheet(P2, MT1, PX4, HIDDEN), '"px-4 mt-1 hidden"', '"p-2"');
    expect(first).toBe(sheet(MT1, PX4, HIDDEN));
    expect(lazy).toBe(`@layer utilities{${P2}${PX4}}`);
  });

  it('repeats in turn what a repeated rule must still lose to', () => {
    const PADDING_INLINE = '.px-2{padding-inline:.5rem}';
    const { lazy } = splitStyles(sheet(P2, PX4, PADDING_INLINE), '"px-4 px-2"', '"p-2"');
    expect(lazy).toBe(`@layer utilities{${P2}${PX4}${PADDING_INLINE}}`);
  });

  it('counts a shorthand and its longhands as one property', () => {
    const TOP = '.top-0{top:0}';
    const INSET = '.inset-0{inset:0}';
    const GAP = '.gap-x-2{column-gap:.5rem}';
    expect(splitStyles(sheet(INSET, TOP), '"top-0"', '"inset-0"').lazy).toBe(`@layer utilities{${INSET}${TOP}}`);
    expect(splitStyles(sheet('.gap-2{gap:.5rem}', GAP), '"gap-x-2"', '"gap-2"').lazy).toContain(GAP);
  });

  it('does not repeat a first-load rule that came before the moved one', () => {
    const { lazy } = splitStyles(sheet(PX4, P2), '"px-4"', '"p-2"');
    expect(lazy).toBe(`@layer utilities{${P2}}`);
  });

  it('keeps a rule whose class is written nowhere, and one the first load writes too', () => {
    expect(splitStyles(sheet(P2, MT1), '"p-2"', '"p-2"').moved).toEqual([]);
    expect(splitStyles(sheet(P2, MT1), '""', '""').lazy).toBe('');
  });

  it('reads escaped class names, and a variant by its own class, not the .dark it asks of an ancestor', () => {
    const { moved } = splitStyles(sheet(SM_BLOCK, DARK_BG), '"dark"', '"sm:block dark:bg-zinc-900"');
    expect(moved).toEqual([SM_BLOCK, DARK_BG]);
  });
});

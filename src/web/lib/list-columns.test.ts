import { describe, expect, it } from 'vitest';
import { parseHidden } from './list-columns.ts';

describe('parseHidden', () => {
  it('hides the type until a choice is stored', () => {
    expect([...parseHidden(null)]).toEqual(['type']);
  });
  it('reads a stored choice, ignoring what it does not know', () => {
    expect([...parseHidden('["tags","value","description"]')]).toEqual(['tags', 'description']);
    expect([...parseHidden('[]')]).toEqual([]);
  });
  it('shows every column when the stored choice is unreadable', () => {
    expect([...parseHidden('{not json')]).toEqual([]);
    expect([...parseHidden('"tags"')]).toEqual([]);
  });
});

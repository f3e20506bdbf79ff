import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/patterns.ts';
import type { ResponseOf } from '../../shared/schemas.ts';
import { FIRST_PAGE_SIZE, NEXT_PAGE_SIZE, secretQueries } from './secret-queries.ts';

type Page = ResponseOf<'ListSecrets'>;
const page = (count: number, from = 0): Page => ({
  secrets: Array.from({ length: count }, (_, i) => ({ name: `s${from + i}` }) as Page['secrets'][number]),
  page_info: { current_count: count },
});
const next = (pages: Page[], limit: number) => secretQueries.list('p').getNextPageParam(pages.at(-1)!, pages, { limit }, []);

describe('the listing of every secret', () => {
  it('asks for the next page after a full one', () => {
    expect(next([page(FIRST_PAGE_SIZE)], FIRST_PAGE_SIZE)).toEqual({ marker: `s${FIRST_PAGE_SIZE - 1}`, limit: NEXT_PAGE_SIZE });
    expect(next([page(FIRST_PAGE_SIZE - 1)], FIRST_PAGE_SIZE)).toBeUndefined();
  });

  it('stops at the most secrets the console reads, and asks for no more than reach it', () => {
    // A project far larger than the limit: every page asked for comes back full.
    const pages = [page(FIRST_PAGE_SIZE)];
    let asked = FIRST_PAGE_SIZE;
    for (let param = next(pages, asked); param; param = next(pages, asked)) {
      asked = param.limit;
      pages.push(
        page(
          asked,
          pages.reduce((n, p) => n + p.secrets.length, 0),
        ),
      );
    }
    expect(pages.reduce((n, p) => n + p.secrets.length, 0)).toBe(LIMITS.secretsRead);
  });
});

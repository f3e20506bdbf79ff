// How the command palette orders what matches a query: an exact match first, then the texts that
// start with it, then the others that hold its letters in order ("pmo" finds "prod-mysql-orders").
// Case never matters. Among fuzzy matches, letters that run together and letters at the start of a
// word ("-", "_", ".", "/", a space, a capital) count more; ties go to the shorter text, then A to Z.
// Several words ("mysql orders") match a text that matches each of them.
import { compareIdentifiers } from './locale.ts';

export type MatchTier = 'exact' | 'prefix' | 'fuzzy';

export interface Match {
  tier: MatchTier;
  /** Higher is better, within a tier. */
  score: number;
  /** Where the query's letters were found in the text, for highlighting. */
  positions: number[];
}

const TIER_ORDER: Record<MatchTier, number> = { exact: 0, prefix: 1, fuzzy: 2 };
const WORD_START = /[-_./\s:]/;

const isWordStart = (text: string, i: number) =>
  i === 0 || WORD_START.test(text[i - 1]!) || (/[a-z0-9]/.test(text[i - 1]!) && /[A-Z]/.test(text[i]!));

const range = (from: number, length: number) => Array.from({ length }, (_, i) => from + i);

/** How `text` matches `query`, or null when it does not. An empty query matches nothing. */
export function matchText(query: string, text: string): Match | null {
  const q = query.trim().toLowerCase();
  if (!q) return null;
  const lower = text.toLowerCase();
  if (lower === q) return { tier: 'exact', score: 0, positions: range(0, q.length) };
  if (lower.startsWith(q)) return { tier: 'prefix', score: 0, positions: range(0, q.length) };
  // A contiguous run found where a word starts beats one found mid-word.
  const at = lower.indexOf(q);
  if (at >= 0) {
    const wordStart = [...lower.matchAll(new RegExp(escapeRegExp(q), 'g'))].find((m) => isWordStart(text, m.index));
    const start = wordStart?.index ?? at;
    return { tier: 'fuzzy', score: 1000 + q.length * 10 + (wordStart ? 100 : 0), positions: range(start, q.length) };
  }
  const words = q.split(/\s+/);
  return words.length > 1 ? everyWord(words, text) : subsequence(q, text, lower);
}

/** Several words ("mysql orders"): each must match, in any order; their scores add up. */
function everyWord(words: string[], text: string): Match | null {
  const matches = words.map((word) => matchText(word, text));
  if (matches.some((m) => m === null)) return null;
  const found = matches.filter((m): m is Match => m !== null);
  const positions = [...new Set(found.flatMap((m) => m.positions))].sort((a, b) => a - b);
  return { tier: 'fuzzy', score: found.reduce((sum, m) => sum + m.score, 0), positions };
}

/**
 * The query's letters in order: taken at their first place, or (a second try) jumping ahead to a
 * word start; the better of the two when both find every letter.
 */
function subsequence(q: string, text: string, lower: string): Match | null {
  const tries = [walk(q, text, lower, false), walk(q, text, lower, true)].filter((m): m is Match => m !== null);
  return tries.sort((a, b) => b.score - a.score)[0] ?? null;
}

function walk(q: string, text: string, lower: string, preferWordStarts: boolean): Match | null {
  const positions: number[] = [];
  let score = 0;
  let from = 0;
  for (const char of q) {
    let found = lower.indexOf(char, from);
    if (found < 0) return null;
    const previous = positions.at(-1);
    if (preferWordStarts && !isWordStart(text, found) && previous !== found - 1) {
      for (let i = found + 1; i < lower.length; i++) {
        if (lower[i] === char && isWordStart(text, i)) {
          found = i;
          break;
        }
      }
    }
    if (previous !== undefined && previous === found - 1) score += 10;
    if (isWordStart(text, found)) score += 20;
    positions.push(found);
    from = found + 1;
  }
  // Letters spread far apart are a weaker match.
  score -= positions.at(-1)! - positions[0]! - (q.length - 1);
  return { tier: 'fuzzy', score, positions };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether match `a` of text `ta` goes before match `b` of text `tb`. */
export function compareMatches(a: Match, ta: string, b: Match, tb: string): number {
  return TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || b.score - a.score || ta.length - tb.length || compareIdentifiers(ta, tb);
}

/** The items that match, best first; `textOf` gives the text an item is matched on. */
export function rankItems<T>(query: string, items: readonly T[], textOf: (item: T) => string): { item: T; match: Match }[] {
  const matched: { item: T; match: Match; text: string }[] = [];
  for (const item of items) {
    const text = textOf(item);
    const match = matchText(query, text);
    if (match) matched.push({ item, match, text });
  }
  matched.sort((a, b) => compareMatches(a.match, a.text, b.match, b.text));
  return matched.map(({ item, match }) => ({ item, match }));
}

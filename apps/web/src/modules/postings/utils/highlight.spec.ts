import { describe, expect, it } from '@jest/globals';
import { splitHighlights } from './highlight.js';

describe('splitHighlights', () => {
  it('marks every occurrence of the fragments, longest first', () => {
    expect(splitHighlights('限男，35岁以下，限男优先', ['限男', '35岁以下'])).toEqual([
      { text: '限男', hit: true },
      { text: '，', hit: false },
      { text: '35岁以下', hit: true },
      { text: '，', hit: false },
      { text: '限男', hit: true },
      { text: '优先', hit: false },
    ]);
  });

  it('returns the text as is without fragments, and escapes regex characters', () => {
    expect(splitHighlights('abc', [])).toEqual([{ text: 'abc', hit: false }]);
    expect(splitHighlights('a(b)c', ['(b)'])).toEqual([
      { text: 'a', hit: false },
      { text: '(b)', hit: true },
      { text: 'c', hit: false },
    ]);
  });
});

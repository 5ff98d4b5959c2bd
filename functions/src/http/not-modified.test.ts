import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ifNoneMatchHits } from './not-modified.js';

const ETAG = '"5f2c"';

describe('ifNoneMatchHits', () => {
  it.each([
    ['the tag', '"5f2c"', true],
    ['the tag, weak', 'W/"5f2c"', true],
    ['the tag in a list', '"0000", W/"1111" , "5f2c"', true],
    ['any', '*', true],
    ['another tag', '"0000"', false],
    ['the tag unquoted', '5f2c', false],
    ['a tag that contains it', '"x5f2c"', false],
    ['nothing', '', false],
    ['no header', null, false],
  ] as const)('%s: %s → %s', (_label, header, hit) => {
    expect(ifNoneMatchHits(header, ETAG)).toBe(hit);
  });

  it('finds the tag wherever it is in any list of other tags', () => {
    const tag = fc.stringMatching(/^[0-9a-f]{1,8}$/).map((t) => `"${t}"`);
    fc.assert(
      fc.property(fc.array(tag), fc.nat(), fc.boolean(), (others, at, weak) => {
        const list = others.filter((t) => t !== ETAG);
        const withIt = [...list.slice(0, at % (list.length + 1)), `${weak ? 'W/' : ''}${ETAG}`, ...list.slice(at % (list.length + 1))];
        return ifNoneMatchHits(withIt.join(', '), ETAG) && !ifNoneMatchHits(list.join(','), ETAG);
      }),
    );
  });
});

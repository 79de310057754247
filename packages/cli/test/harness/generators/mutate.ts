/**
 * Texts for an extractor's property tests: real documents of its kind (the seeds), the same with
 * random edits (inserted, deleted or replaced runs of characters, which give near-misses and broken
 * syntax at every position), and arbitrary text.
 */
import fc from 'fast-check';

const edit = (seed: string): fc.Arbitrary<string> =>
  fc
    .tuple(fc.nat({ max: seed.length }), fc.nat({ max: 12 }), fc.string({ maxLength: 8, unit: fc.constantFrom('"', "'", '{', '}', '[', ']', ':', '=', '\n', ' ', '#', '$', '\\', '-', 'a', '0', '\u00e9', '\ud83d\ude00') }))
    .map(([at, cut, insert]) => seed.slice(0, at) + insert + seed.slice(Math.min(seed.length, at + cut)));

export function mutations(seeds: readonly string[]): fc.Arbitrary<string> {
  const seed = fc.constantFrom(...seeds);
  return fc.oneof(seed, seed.chain(edit), seed.chain(edit).chain(edit), fc.string({ maxLength: 200 }), fc.string({ maxLength: 100, unit: 'grapheme' }));
}

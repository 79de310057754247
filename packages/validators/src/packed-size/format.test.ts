/** formatEstimateTable: exact text for a fixed estimate (built by hand, so recalibration does not move it). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { estimatePackedSize, formatEstimateTable, type PackedSizeEstimate } from './index.js';

const estimate: PackedSizeEstimate = {
  legacy: { policy: { percent: 36.5, low: 35.5, high: 39.7 }, tags: { percent: 2, low: 1, high: 3 }, regime: 'legacy (2019-11 → 2026-09-15)' },
  token: { bytes: 1036, low: 944, high: 1284, limit: 4096, utilization: 25.3, assumptions: [] },
  breakdown: [
    { kind: 'statement', path: '/Policy/Statement/0', label: 'Statement 0 (Sid Read): s3:GetObject, s3:GetObjectVersion', component: 'policy', packedBytes: 98.2, legacyPercent: 25.1, tokenBytes: 131 },
    { kind: 'policy-arn', path: '/PolicyArns/0', label: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', component: 'policy', packedBytes: 47, legacyPercent: 11.4, tokenBytes: 63 },
    { kind: 'tag', path: '/Tags/0', label: 'Tag a (value: 1 character)', component: 'tags', packedBytes: 4.6, legacyPercent: 1, tokenBytes: 6 },
    { kind: 'inherited-tag', path: '/inheritedTransitiveTags/0', label: 'Inherited tag b (value: 1 character)', component: 'tags', packedBytes: 4.6, legacyPercent: 1, tokenBytes: 6 },
    { kind: 'token-baseline', path: '', label: 'Token baseline (regional)', component: 'token', packedBytes: 0, legacyPercent: 0, tokenBytes: 830 },
  ],
  verdict: 'fits',
  verdicts: { legacy: 'fits', token: 'fits', legacyPolicy: 'fits', legacyTags: 'fits' },
  notes: ['Policy is an object, not a string; it was measured as its compact JSON text (STS takes the policy as a string).'],
};

describe('formatEstimateTable', () => {
  it('prints components, totals, bands and the verdict', () => {
    assert.equal(
      formatEstimateTable(estimate),
      [
        'Component                                                     Legacy %  Token bytes',
        'Policy (legacy check: "Packed policy consumes N%")',
        '  Statement 0 (Sid Read): s3:GetObject, s3:GetObjectVersion       25.1          131',
        '  arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess                  11.4           63',
        '  Total                                                           36.5          194',
        'Tags (legacy check: "Packed size of session tags consumes N%")',
        '  Tag a (value: 1 character)                                       1.0            6',
        '  Inherited tag b (value: 1 character)                             1.0            6',
        '  Total                                                            2.0           12',
        'Session token',
        '  Token baseline (regional)                                          —          830',
        '  Total                                                                        1036',
        '',
        'Packed size, legacy (2019-11 → 2026-09-15): policy 36.5 % (35.5–39.7), tags 2.0 % (1.0–3.0) of 100 %',
        'Session token: 1036 bytes (944–1284) of 4096 (25.3 %)',
        'Verdict: fits (legacy: fits, token: fits)',
        'Note: Policy is an object, not a string; it was measured as its compact JSON text (STS takes the policy as a string).',
        '',
      ].join('\n'),
    );
  });

  it('shortens long tag keys in labels, truncates any label beyond 72 characters, and leaves no trailing spaces', () => {
    const out = formatEstimateTable(
      estimatePackedSize({ Tags: [{ Key: 'k'.repeat(128), Value: 'v'.repeat(256) }] }, { inheritedTransitiveTags: [{ Key: 'i'.repeat(128), Value: 'w' }] }),
    );
    for (const line of out.split('\n')) assert.doesNotMatch(line, /\s$/u, JSON.stringify(line));
    assert.match(out, /\n {2}Tag k{31}… \(value: 256 characters\) +\d/u);
    assert.match(out, /\n {2}Inherited tag i{31}… \(value: 1 character\) +\d/u);
    const long = { ...estimate, breakdown: [{ ...estimate.breakdown[0]!, label: 'x'.repeat(100) }] };
    assert.match(formatEstimateTable(long), /\n {2}x{71}… +25\.1 +131\n/u);
  });
});

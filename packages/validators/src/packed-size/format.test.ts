/** formatEstimateTable: exact text for a fixed estimate (built by hand, so recalibration does not move it). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { estimateSessionToken, formatEstimateTable, type SessionTokenEstimate } from './index.js';

const estimate: SessionTokenEstimate = {
  sessionToken: { sessionTokenSize: 1036, low: 944, high: 1284, limit: 4096, sessionTokenUtilization: 25.3, assumptions: [] },
  legacy: { policy: { percent: 36.5, low: 35.5, high: 39.7 }, tags: { percent: 2, low: 1, high: 3 }, regime: 'legacy (2019-11 → 2026-09-15)' },
  breakdown: [
    { kind: 'statement', path: '/Policy/Statement/0', label: 'Statement 0 (Sid Read): s3:GetObject, s3:GetObjectVersion', component: 'policy', packedBytes: 98.2, legacyPercent: 25.1, sessionTokenBytes: 131 },
    { kind: 'policy-arn', path: '/PolicyArns/0', label: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', component: 'policy', packedBytes: 47, legacyPercent: 11.4, sessionTokenBytes: 63 },
    { kind: 'tag', path: '/Tags/0', label: 'Tag a (value: 1 character)', component: 'tags', packedBytes: 4.6, legacyPercent: 1, sessionTokenBytes: 6 },
    { kind: 'inherited-tag', path: '/inheritedTransitiveTags/0', label: 'Inherited tag b (value: 1 character)', component: 'tags', packedBytes: 4.6, legacyPercent: 1, sessionTokenBytes: 6 },
    { kind: 'token-baseline', path: '', label: 'Token baseline (regional)', component: 'token', packedBytes: 0, legacyPercent: 0, sessionTokenBytes: 830 },
  ],
  verdict: 'fits',
  verdicts: { sessionToken: 'fits', legacy: 'fits', legacyPolicy: 'fits', legacyTags: 'fits' },
  notes: ['Policy is an object, not a string; it was measured as its compact JSON text (STS takes the policy as a string).'],
};

describe('formatEstimateTable', () => {
  it('prints components, totals, bands and the verdict', () => {
    assert.equal(
      formatEstimateTable(estimate),
      [
        'Component                                                    Token bytes   Legacy %',
        'Policy (legacy check: "Packed policy consumes N%")',
        '  Statement 0 (Sid Read): s3:GetObject, s3:GetObjectVersion          131       25.1',
        '  arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess                      63       11.4',
        '  Total                                                              194       36.5',
        'Tags (legacy check: "Packed size of session tags consumes N%")',
        '  Tag a (value: 1 character)                                           6        1.0',
        '  Inherited tag b (value: 1 character)                                 6        1.0',
        '  Total                                                               12        2.0',
        'Session token',
        '  Token baseline (regional)                                          830          —',
        '  Total                                                             1036',
        '',
        'SessionTokenSize: 1036 bytes (944–1284) of 4096',
        'SessionTokenUtilization: 25.3 %',
        'Legacy PackedPolicySize, legacy (2019-11 → 2026-09-15), deprecated by STS since 2026-06-17 (may still apply in aws-cn): policy 36.5 % (35.5–39.7), tags 2.0 % (1.0–3.0) of 100 %',
        'Verdict: fits (session token: fits, legacy: fits)',
        'Note: Policy is an object, not a string; it was measured as its compact JSON text (STS takes the policy as a string).',
        '',
      ].join('\n'),
    );
  });

  it('shortens long tag keys in labels, truncates any label beyond 72 characters, and leaves no trailing spaces', () => {
    const out = formatEstimateTable(
      estimateSessionToken({ Tags: [{ Key: 'k'.repeat(128), Value: 'v'.repeat(256) }] }, { inheritedTransitiveTags: [{ Key: 'i'.repeat(128), Value: 'w' }] }),
    );
    for (const line of out.split('\n')) assert.doesNotMatch(line, /\s$/u, JSON.stringify(line));
    assert.match(out, /\n {2}Tag k{31}… \(value: 256 characters\) +\d/u);
    assert.match(out, /\n {2}Inherited tag i{31}… \(value: 1 character\) +\d/u);
    const long = { ...estimate, breakdown: [{ ...estimate.breakdown[0]!, label: 'x'.repeat(100) }] };
    assert.match(formatEstimateTable(long), /\n {2}x{71}… +131 +25\.1\n/u);
  });

  it('names MinimumSessionTokenSize as the floor of SessionTokenSize when the input sets it', () => {
    const padded = { ...estimate, sessionToken: { ...estimate.sessionToken, sessionTokenSize: 2048, low: 2048, high: 2048, sessionTokenUtilization: 50, minimumSessionTokenSize: 2048 } };
    assert.match(formatEstimateTable(padded), /\nSessionTokenSize: 2048 bytes \(2048–2048\) of 4096, at least MinimumSessionTokenSize 2048\nSessionTokenUtilization: 50\.0 %\n/u);
  });
});

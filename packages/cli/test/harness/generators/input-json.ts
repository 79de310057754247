/**
 * Texts for the input-json extractor: real inputs with arbitrary and boundary values, the same texts broken
 * (truncated, with characters inserted, BOM, CRLF, comments), and arbitrary text.
 */
import fc from 'fast-check';

const MEMBERS = [
  'RoleArn', 'RoleSessionName', 'DurationSeconds', 'ExternalId', 'Policy', 'PolicyArns', 'Tags', 'TransitiveTagKeys',
  'SerialNumber', 'TokenCode', 'SourceIdentity', 'ProvidedContexts', 'WebIdentityToken', 'ProviderId', 'PrincipalArn', 'SAMLAssertion',
];

const scalar = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('arn:aws:iam::123456789012:role/deploy', 'aws:x', '', ' ', 'a'.repeat(65), '{"Version":"2012-10-17","Statement":[]}'),
);

const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('value'), { maxLength: 6 }), fc.dictionary(fc.oneof(fc.constantFrom('Key', 'Value', 'arn'), fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 4 })),
})).value;

const input = fc.dictionary(fc.oneof(fc.constantFrom(...MEMBERS), fc.string({ maxLength: 12 })), value, { maxKeys: 10 });

const document = fc.oneof(input, fc.array(input, { maxLength: 3 }), value).map((v) => JSON.stringify(v, null, 1) ?? 'null');

/** A document, sometimes broken on purpose. */
export const inputJsonArbitrary: fc.Arbitrary<string> = fc.oneof(
  document,
  fc.tuple(document, fc.nat()).map(([t, n]) => t.slice(0, n % (t.length + 1))),
  fc.tuple(document, fc.nat(), fc.string({ unit: 'binary', maxLength: 4 })).map(([t, n, s]) => t.slice(0, n % (t.length + 1)) + s + t.slice(n % (t.length + 1))),
  document.map((t) => `\uFEFF${t}`),
  document.map((t) => t.replace(/\n/g, '\r\n')),
  document.map((t) => `// comment\n${t}`),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

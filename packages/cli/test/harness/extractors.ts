/**
 * What the harness needs from each extractor, keyed by the extractor's id. Every extractor in the default registry
 * must have an entry here (properties.test.ts fails otherwise), so an extractor that lands later — GitHub Actions
 * and shell, Terraform, CloudFormation and AWS config files, TS/JS — is fuzzed, fed hostile input and checked for
 * secret leaks by adding one entry: see README.md next to this file.
 */
import fc from 'fast-check';
import { inputJsonArbitrary } from './generators/input-json.js';
import { NEW_EXTRACTOR_HARNESS } from './generators/new-extractors.js';

export interface HostileCase {
  readonly name: string;
  /** A file size limit above the default, for cases that need more than 4 MiB of text. */
  readonly maxFileSize?: number;
  /** File name (picks the extractor through its globs). */
  readonly path: string;
  readonly text: string;
}

export interface CanaryCase {
  readonly name: string;
  readonly path: string;
  readonly text: string;
}

export interface ExtractorHarness {
  /** File name the generated texts are linted as. */
  readonly path: string;
  /** Texts for the property tests and `pnpm fuzz`: valid inputs, near-misses and arbitrary text. */
  readonly texts: fc.Arbitrary<string>;
  /** Syntax-specific hostile input (the generic cases in hostile.ts run for every extractor). */
  readonly hostile: () => readonly HostileCase[];
  /** Files with `canary` planted in every secret-bearing field this syntax can hold. */
  readonly canaries: (canary: string) => readonly CanaryCase[];
}

const ROLE = 'arn:aws:iam::123456789012:role/deploy';

export const EXTRACTOR_HARNESS: Readonly<Record<string, ExtractorHarness>> = {
  'input-json': {
    path: 'assume-role.json',
    texts: inputJsonArbitrary,
    hostile: () => [
      { name: '20,000-deep arrays', path: 'assume-role.json', text: `${'['.repeat(20_000)}${']'.repeat(20_000)}` },
      { name: '20,000-deep objects', path: 'assume-role.json', text: `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}` },
      {
        name: '200,000-item Tags and TransitiveTagKeys arrays (8.2 MB, limit raised)',
        path: 'assume-role.json',
        maxFileSize: 16 * 1024 * 1024,
        text: JSON.stringify({ RoleArn: ROLE, RoleSessionName: 'deploy', Tags: Array.from({ length: 200_000 }, (_, i) => ({ Key: `${i}`, Value: '' })), TransitiveTagKeys: Array.from({ length: 200_000 }, (_, i) => `${i}`) }),
      },
      {
        name: '150,000 duplicate keys',
        path: 'assume-role.json',
        text: `{"RoleArn": "${ROLE}", "RoleSessionName": "deploy",\n${'"ExternalId": "xyz",\n'.repeat(150_000)}"SourceIdentity": "me"}`,
      },
      { name: 'an unterminated string to the end of a 1 MB file', path: 'assume-role.json', text: `{"RoleSessionName": "${'a'.repeat(1_000_000)}` },
    ],
    canaries: (canary) => {
      const jwt = `eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIke${Buffer.from(canary).toString('base64url')}.c2ln`;
      return [
        {
          name: 'sensitive members',
          path: 'assume-role-with-web-identity.json',
          text: JSON.stringify({ RoleArn: ROLE, RoleSessionName: 'deploy', WebIdentityToken: `${canary}!bad chars`, DurationSeconds: 1 }, null, 2),
        },
        { name: 'SAML assertion', path: 'assume-role-with-saml.json', text: JSON.stringify({ RoleArn: ROLE, PrincipalArn: 'arn:aws:iam::123456789012:saml-provider/x', SAMLAssertion: canary }, null, 2) },
        { name: 'token code', path: 'assume-role.json', text: JSON.stringify({ RoleArn: ROLE, RoleSessionName: 'deploy', SerialNumber: 'GAHT12345678', TokenCode: `${canary}` }, null, 2) },
        {
          name: 'mis-cased and unknown secret keys, nested',
          path: 'assume-role.json',
          text: JSON.stringify(
            {
              RoleArn: ROLE,
              RoleSessionName: 'deploy session',
              webIdentityToken: canary,
              tokencode: canary,
              SamlAssertion: canary,
              SecretAccessKey: canary,
              AccessKeyId: canary,
              SessionToken: canary,
              Password: canary,
              Credentials: { SecretAccessKey: canary, SessionToken: [canary] },
            },
            null,
            2,
          ),
        },
        { name: 'a JWT under a key that names no secret', path: 'assume-role.json', text: JSON.stringify({ RoleArn: ROLE, RoleSessionName: 'deploy', ExternalId: jwt }, null, 2) },
        { name: 'parse-error neighbourhood (unterminated)', path: 'assume-role.json', text: `{"RoleArn": "${ROLE}", "RoleSessionName": "deploy", "WebIdentityToken": "${canary}` },
        { name: 'parse-error neighbourhood (unquoted)', path: 'assume-role.json', text: `{"RoleSessionName": "deploy",\n "webidentitytoken": ${jwt},\n "RoleArn": "${ROLE}"}` },
        { name: 'duplicate secret key', path: 'assume-role.json', text: `{"RoleArn": "${ROLE}", "RoleSessionName": "x y", "TokenCode": "${canary}", "TokenCode": "${canary}"}` },
      ];
    },
  },
  ...NEW_EXTRACTOR_HARNESS,
};

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LineIndex } from '@rolecall/core';
import { extractInputJson } from '@rolecall/extractor-input-json';
import { redactSecrets } from '../src/redact.js';

const SENSITIVE = ['SAMLAssertion', 'TokenCode', 'WebIdentityToken'];

describe('redactSecrets', () => {
  it('masks each secret value character for character, keeping quotes, keys and length', () => {
    const text = '{\n  "RoleSessionName": "s1",\n  "WebIdentityToken": "eyJ.abc\\u002Edef",\n  "TokenCode": "123456"\n}';
    const { calls } = extractInputJson('assume-role.json', text);
    const out = redactSecrets(text, calls, SENSITIVE);
    assert.equal(out, '{\n  "RoleSessionName": "s1",\n  "WebIdentityToken": "****************",\n  "TokenCode": "******"\n}');
    assert.equal(out.length, text.length);
  });

  it('masks a value the extractor ignored (an earlier duplicate key) and text with no calls', () => {
    const text = '{"SAMLAssertion": "first-secret", "SAMLAssertion": "second", "RoleArn": "r"}';
    const { calls } = extractInputJson('a.json', text);
    assert.equal(redactSecrets(text, calls, SENSITIVE), '{"SAMLAssertion": "************", "SAMLAssertion": "******", "RoleArn": "r"}');
    assert.equal(redactSecrets('{"TokenCode" : "12\\"34', [], SENSITIVE), '{"TokenCode" : "******');
  });

  it('masks a secret given as a number, and leaves text without secrets alone', () => {
    const text = '{"RoleSessionName": "s", "TokenCode": 123456}';
    const { calls } = extractInputJson('a.json', text);
    assert.equal(redactSecrets(text, calls, SENSITIVE), '{"RoleSessionName": "s", "TokenCode": ******}');
    // A key that names a secret is one whatever the registry lists (issue 13, defect 6).
    assert.equal(redactSecrets(text, calls, []), '{"RoleSessionName": "s", "TokenCode": ******}');
    const plain = '{"RoleSessionName": "deploy-session", "DurationSeconds": 3600, "Tags": [{"Key": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "Value": "x"}]}';
    assert.equal(redactSecrets(plain, extractInputJson('a.json', plain).calls, SENSITIVE), plain);
  });

  it('masks mis-cased and unknown secret keys, nested ones, and secret-shaped values anywhere (issue 13, defect 6)', () => {
    const text = [
      '{"RoleArn": "arn:aws:iam::123456789012:role/r", "RoleSessionName": "s",',
      ' "webIdentityToken": "CANARY-1", "tokencode": "CANARY-2", "SamlAssertion": "CANARY-3",',
      ' "SecretAccessKey": "CANARY-4", "AccessKeyId": "CANARY-5", "SessionToken": "CANARY-6", "Password": "CANARY-7",',
      ' "Credentials": {"SecretAccessKey": "CANARY-8"},',
      ' "ExternalId": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl",',
      ' "SourceIdentity": "AKIAIOSFODNN7EXAMPLE", "Note": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}',
    ].join('\n');
    const redacted = redactSecrets(text, extractInputJson('assume-role.json', text).calls, SENSITIVE);
    assert.equal(redacted.length, text.length);
    assert.doesNotMatch(redacted, /CANARY|eyJ|AKIA|wJalr/);
    assert.match(redacted, /"RoleSessionName": "s"/);
    // A value whose JSON is broken next to it is masked too (a parse error's code frame shows that line).
    assert.equal(redactSecrets('{"WebIdentityToken": "CANARY', [], []), '{"WebIdentityToken": "******');
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig';
    assert.equal(redactSecrets(`{"X": ${jwt}`, [], []), `{"X": ${'*'.repeat(jwt.length)}`);
  });

  it('masks AWS secret keys and session tokens written in workflows and scripts, not expressions', () => {
    const text = [
      '          aws-access-key-id: AKIAIOSFODNN7EXAMPLE',
      '          aws-secret-access-key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      "          AWS_SESSION_TOKEN: 'FwoGZXIvYXdzEXAMPLE'",
      '          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}',
      'export AWS_SECRET_ACCESS_KEY=abc/def+ghi # comment',
      'Aws_Session_Token = "tok"',
    ].join('\n');
    assert.equal(
      redactSecrets(text, [], SENSITIVE),
      [
        // An access key id is not a secret, but it has the shape masked everywhere (AKIA…), so it is masked too.
        '          aws-access-key-id: ********************',
        '          aws-secret-access-key: ****************************************',
        "          AWS_SESSION_TOKEN: '*******************'",
        '          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}',
        'export AWS_SECRET_ACCESS_KEY=*********** # comment',
        'Aws_Session_Token = "***"',
      ].join('\n'),
    );
  });

  it('masks the secrets of an AWS credentials file, in any casing, keeping keys and layout', () => {
    const text = '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\nAWS_Secret_Access_Key=CANARY-1\naws_security_token : CANARY-2\nsso_access_token = CANARY-3 # c\nclient_secret: "CANARY-4"\nweb_identity_token_file = /var/token\n';
    assert.equal(
      redactSecrets(text, [], SENSITIVE),
      '[default]\naws_access_key_id = ********************\nAWS_Secret_Access_Key=********\naws_security_token : ********\nsso_access_token = ******** # c\nclient_secret: "********"\nweb_identity_token_file = /var/token\n',
    );
  });

  it('property: keeps the length, every line break and a leading BOM, so the engine\'s line index holds for the result', () => {
    const pieces = ['\n', '\r\n', '\r', '\ufeff', ' ', 'a', '😀', '"SessionToken": "', '"', 'token: ', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln', 'AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '<saml:Assertion>', 'Ab1'.repeat(40)];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join('')), (text) => {
        const redacted = redactSecrets(text, [], SENSITIVE);
        assert.equal(redacted.length, text.length);
        for (let i = 0; i < text.length; i++) {
          const c = text[i]!;
          if (c === '\n' || c === '\r' || (i === 0 && c === '\ufeff')) assert.equal(redacted[i], c, `offset ${i}`);
        }
        const index = new LineIndex(text);
        const shared = index.withText(redacted);
        const fresh = new LineIndex(redacted);
        for (let offset = 0; offset <= text.length; offset++) assert.deepEqual(shared.positionAt(offset), fresh.positionAt(offset));
      }),
    );
  });
});

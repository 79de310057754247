/**
 * Against the real @aws-sdk/client-sts, with a request handler that records requests and answers with canned STS
 * XML (no network). An invalid input must never reach the handler; a valid one must.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AssumeRoleCommand,
  AssumeRoleWithSAMLCommand,
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { MIDDLEWARE_NAME, RolecallValidationError, rolecallPlugin, type Issue, type RolecallPluginOptions } from './index.js';

const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const CREDENTIALS =
  '<Credentials><AccessKeyId>ASIAEXAMPLEEXAMPLE</AccessKeyId><SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY</SecretAccessKey><SessionToken>FwoGZXIvYXdzEXAMPLE</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials>';
const USER = '<AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:session</AssumedRoleId><Arn>arn:aws:sts::123456789012:assumed-role/example/session</Arn></AssumedRoleUser>';
const META = '<ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>';

function responseFor(body: string): string {
  const action = /(?:^|&)Action=([^&]+)/.exec(body)?.[1] ?? 'Unknown';
  const result =
    action === 'GetCallerIdentity'
      ? '<Arn>arn:aws:iam::123456789012:user/test</Arn><UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account>'
      : `${CREDENTIALS}${USER}<PackedPolicySize>6</PackedPolicySize>`;
  return `<${action}Response xmlns="${NS}"><${action}Result>${result}</${action}Result>${META}</${action}Response>`;
}

interface Recorded {
  readonly body: string;
}

function client(options?: RolecallPluginOptions): { sts: STSClient; calls: Recorded[] } {
  const calls: Recorded[] = [];
  const sts = new STSClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret-example' },
    maxAttempts: 1,
    requestHandler: {
      async handle(request: { body?: unknown }) {
        const body = typeof request.body === 'string' ? request.body : String(request.body ?? '');
        calls.push({ body });
        return {
          response: {
            statusCode: 200,
            headers: { 'content-type': 'text/xml' },
            body: new TextEncoder().encode(responseFor(body)),
          },
        };
      },
    },
  });
  sts.middlewareStack.use(rolecallPlugin(options));
  return { sts, calls };
}

const ROLE_ARN = 'arn:aws:iam::123456789012:role/example';

describe('rolecallPlugin with the real STSClient', () => {
  it('lets a valid AssumeRole through and returns the parsed response', async () => {
    const { sts, calls } = client();
    const out = await sts.send(
      new AssumeRoleCommand({
        RoleArn: ROLE_ARN,
        RoleSessionName: 'deploy-session',
        DurationSeconds: 3600,
        Tags: [{ Key: 'Team', Value: 'data' }],
        TransitiveTagKeys: ['team'],
        PolicyArns: [{ arn: 'arn:aws:iam::123456789012:policy/ReadOnly' }],
      }),
    );
    assert.equal(calls.length, 1);
    assert.match(calls[0]!.body, /Action=AssumeRole&/);
    assert.match(calls[0]!.body, /RoleSessionName=deploy-session/);
    assert.equal(out.Credentials?.AccessKeyId, 'ASIAEXAMPLEEXAMPLE');
    assert.equal(out.PackedPolicySize, 6);
  });

  it('throws RolecallValidationError before any request for an invalid AssumeRole', async () => {
    const { sts, calls } = client();
    await assert.rejects(
      sts.send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'feature/login page', DurationSeconds: 43201 })),
      (e: unknown) => {
        assert.ok(e instanceof RolecallValidationError);
        assert.equal(e.operation, 'AssumeRole');
        assert.deepEqual(
          e.issues.map((i) => `${i.code} ${i.path}`),
          ['invalidCharacters /RoleSessionName', 'outOfRange /DurationSeconds'],
        );
        assert.equal(
          e.message,
          [
            'Invalid AssumeRole input (2 errors):',
            "  - error: RoleSessionName contains '/' (U+002F) at position 8; STS accepts only characters matching [\\w+=,.@-]. (invalidCharacters at /RoleSessionName)",
            '  - error: DurationSeconds is 43201; STS accepts 900 to 43200. (outOfRange at /DurationSeconds)',
          ].join('\n'),
        );
        return true;
      },
    );
    assert.equal(calls.length, 0, 'the request handler was never called');
  });

  it('validates AssumeRoleWithWebIdentity without echoing the token', async () => {
    const { sts, calls } = client();
    const token = 'eyJhbGciOiJSUzI1NiJ9.secret-claims.signature';
    await assert.rejects(
      sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'web', WebIdentityToken: token, ProviderId: 'https://www.amazon.com' })),
      (e: unknown) => {
        assert.ok(e instanceof RolecallValidationError);
        assert.deepEqual(e.issues.map((i) => i.code), ['providerIdNotAllowed']);
        assert.ok(!JSON.stringify({ m: e.message, i: e.issues }).includes('secret-claims'));
        return true;
      },
    );
    assert.equal(calls.length, 0);
    await sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'web', WebIdentityToken: token }));
    assert.equal(calls.length, 1);
    assert.match(calls[0]!.body, /Action=AssumeRoleWithWebIdentity&/);
  });

  it('validates AssumeRoleWithSAML', async () => {
    const { sts, calls } = client();
    const input = { RoleArn: ROLE_ARN, PrincipalArn: 'arn:aws:iam::123456789012:saml-provider/Okta', SAMLAssertion: 'PHNhbWw+' };
    await assert.rejects(sts.send(new AssumeRoleWithSAMLCommand({ ...input, PrincipalArn: 'arn:aws:iam::123456789012:role/Okta' })), RolecallValidationError);
    assert.equal(calls.length, 0);
    await sts.send(new AssumeRoleWithSAMLCommand(input));
    assert.equal(calls.length, 1);
  });

  it('passes other commands through untouched', async () => {
    const { sts, calls } = client();
    const out = await sts.send(new GetCallerIdentityCommand({}));
    assert.equal(out.Account, '123456789012');
    assert.equal(calls.length, 1);
  });

  it('applies the validator options (role chaining, MaxSessionDuration, profile)', async () => {
    const chained = client({ roleChaining: true });
    await assert.rejects(
      chained.sts.send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'hop', DurationSeconds: 7200 })),
      (e: unknown) => e instanceof RolecallValidationError && e.issues[0]!.code === 'roleChainingDurationExceeded',
    );
    assert.equal(chained.calls.length, 0);
    const seed = client({ profile: 'seed-era' });
    await assert.rejects(
      seed.sts.send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 's'.repeat(40) })),
      (e: unknown) => e instanceof RolecallValidationError && e.issues[0]!.code === 'tooLong',
    );
    const max = client({ maxSessionDuration: 3600 });
    await max.sts.send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'ok', DurationSeconds: 3600 }));
    assert.equal(max.calls.length, 1);
  });

  it('reports warnings to onWarning and still sends the request', async () => {
    const seen: { warnings: readonly Issue[]; operation: string; commandName: string }[] = [];
    const { sts, calls } = client({ onWarning: (warnings, d) => seen.push({ warnings, ...d }) });
    await sts.send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'mfa', TokenCode: '123456' }));
    assert.equal(calls.length, 1);
    assert.deepEqual(
      seen.map((s) => [s.operation, s.commandName, s.warnings.map((w) => w.code)]),
      [['AssumeRole', 'AssumeRoleCommand', ['tokenCodeWithoutSerialNumber']]],
    );
    // Without a callback, warnings are ignored.
    const quiet = client();
    await quiet.sts.send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'mfa', TokenCode: '123456' }));
    assert.equal(quiet.calls.length, 1);
  });

  it('is one named middleware in the initialize step, and can be removed', async () => {
    const { sts, calls } = client();
    sts.middlewareStack.use(rolecallPlugin()); // adding twice replaces, it does not throw
    const entries = sts.middlewareStack.identify().filter((e) => e.startsWith(MIDDLEWARE_NAME));
    assert.deepEqual(entries, [`${MIDDLEWARE_NAME} - initialize`]);
    sts.middlewareStack.remove(MIDDLEWARE_NAME);
    await sts.send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'no validation now!' }));
    assert.equal(calls.length, 1);
  });
});

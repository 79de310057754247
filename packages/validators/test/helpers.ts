import assert from 'node:assert/strict';
import { formatMessage, messages, type Issue } from '../src/index.js';

export const ROLE_ARN = 'arn:aws:iam::123456789012:role/example';

/** The smallest valid AssumeRole input. */
export function minimal(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { RoleArn: ROLE_ARN, RoleSessionName: 'deploy-session', ...extra };
}

export const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::example-bucket/*' }],
});

/** Every member of AssumeRole, all valid. */
export function full(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    RoleArn: 'arn:aws:iam::123456789012:role/service-role/deploy',
    RoleSessionName: 'deploy-session',
    PolicyArns: [
      { arn: 'arn:aws:iam::123456789012:policy/ReadOnly' },
      { arn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' },
    ],
    Policy: POLICY,
    DurationSeconds: 3600,
    Tags: [
      { Key: 'Project', Value: 'reports' },
      { Key: 'Team', Value: 'data' },
    ],
    TransitiveTagKeys: ['Project'],
    ExternalId: 'partner-42',
    SerialNumber: 'arn:aws:iam::123456789012:mfa/user',
    TokenCode: '123456',
    SourceIdentity: 'alice',
    ProvidedContexts: [
      { ProviderArn: 'arn:aws:iam::aws:contextProvider/IdentityCenter', ContextAssertion: 'trusted-context-assertion' },
    ],
    ...extra,
  };
}

/** Each issue's message is exactly its template filled from its own data, with no placeholder left. */
export function assertWellFormed(issues: readonly Issue[]): void {
  for (const i of issues) {
    assert.equal(i.message, formatMessage(messages[i.code], i.data), `message of ${i.code} built from its data`);
    assert.doesNotMatch(i.message, /\{\{\w+\}\}/, `no unfilled placeholder in: ${i.message}`);
    assert.match(i.path, /^(\/[^/]*)*$/, 'path is a JSON Pointer');
    if (i.range) assert.ok(i.range.start <= i.range.end, 'range is ordered');
  }
}

/** The issues reduced to what most tests compare: code, path, severity, message. */
export function brief(issues: readonly Issue[]): { code: string; path: string; severity: string; message: string }[] {
  assertWellFormed(issues);
  return issues.map((i) => ({ code: i.code, path: i.path, severity: i.severity, message: i.message }));
}

export function codes(issues: readonly Issue[]): string[] {
  assertWellFormed(issues);
  return issues.map((i) => `${i.code} ${i.path}`);
}

/** Trust policies and calls shared by the trust-policy rules' tests. */
import type { Diagnostic } from '@rolecall/core';
import { roleFile } from './project.js';

export const ROLE_ARN = 'arn:aws:iam::123456789012:role/partner';

/** A role file holding `trust` as its AssumeRolePolicyDocument. */
export function roleWithTrust(trust: Record<string, unknown>, extra: { account?: string } = {}) {
  const text = `{"Resources": {"PartnerRole": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "partner", "AssumeRolePolicyDocument": ${JSON.stringify(trust)}}}}}`;
  return roleFile({ file: 'stack.json', text, handle: 'PartnerRole', name: 'partner', trustPolicy: trust, ...extra });
}

/** A trust policy of one Allow statement for an account principal, with `extra` merged into the statement. */
export function trust(extra: Record<string, unknown>, more: Record<string, unknown>[] = []): Record<string, unknown> {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: 'sts:AssumeRole', ...extra }, ...more],
  };
}

/** An input JSON file assuming the partner role with `members` added. */
export function callFile(members: Record<string, unknown>, file = 'assume-role.json'): Record<string, string> {
  return { [file]: `${JSON.stringify({ RoleArn: ROLE_ARN, RoleSessionName: 'partner-session', ...members }, null, 2)}\n` };
}

export const show = (ds: readonly Diagnostic[]) => ds.map((d) => [d.ruleId, `${d.location.file}:${d.location.start.line}:${d.location.start.column}`, d.message, ...(d.related ?? []).map((r) => `${r.location.file}:${r.location.start.line}:${r.location.start.column} ${r.message}`)]);

/**
 * The detailed pass over one member: the generated validator's errors turned into issues (schema-issue.ts), then
 * the semantic rules that concern that member alone (special-members.ts, tags.ts). Values reaching here are plain
 * data (see snapshot.ts).
 */
import type { ErrorObject } from 'ajv';
import { DOCUMENTED_LIMITS, memberConstraints, memberValidator } from '../schema/registry.js';
import { awsInvalidRoleArn } from './aws.js';
import { isMalformedArn, policyArnProblem, roleArnProblem, roleNameOf, samlProviderArnProblem } from './arn.js';
import type { Ctx } from './context.js';
import { makeIssue } from './issue.js';
import { reservedPrefix, schemaIssue } from './schema-issue.js';
import { pathOf, type Sink, type Where } from './sink.js';
import { arnIssue, checkDuration, checkPolicyGrammar, checkProviderId, tokenCodeIssue } from './special-members.js';
import { checkTags, checkTransitiveDuplicates, isRecord } from './tags.js';
import { quote, startsWithIgnoreCase } from './text.js';

export { pathOf, Sink } from './sink.js';
export { tagKeys } from './tags.js';
export { arnsPlaintext, minifiedLength, plaintextIssue, policyTooLongReported } from './plaintext.js';

/**
 * Checks one member value for `ctx.operation`. `undefined` means "not passed" (only a required member is then an
 * issue). The member must exist for the operation (callers check with `memberConstraints`).
 */
export function checkMember(ctx: Ctx, member: string, value: unknown, sink: Sink): void {
  const c = memberConstraints(ctx.profile, ctx.operation, member);
  const validate = memberValidator(ctx.profile, ctx.operation, member);
  if (!c || !validate) return;
  if (value === undefined) {
    if (c.required) {
      sink.add(
        makeIssue({
          code: 'missingRequired',
          parameter: member,
          path: pathOf(member, []),
          data: { parameter: member, operation: ctx.operation },
        }),
      );
    }
    return;
  }
  const w: Where = { ctx, member, segments: [] };
  let errors: readonly ErrorObject[] = [];
  if (!validate(value)) {
    errors = validate.errors ?? [];
    // ajv keeps the last run's errors on the function until its next run: two per bad tag of a 400,000-tag
    // input (about 110 MB) would stay alive through every rule of the lint run. They are read here and only here.
    validate.errors = null;
  }

  if (member === 'TokenCode' && typeof value === 'string') {
    const formatErrors = errors.filter((e) => e.instancePath === '' && e.keyword !== 'type');
    if (formatErrors.length > 0) sink.add(tokenCodeIssue(w, c, value, formatErrors));
    errors = errors.filter((e) => !formatErrors.includes(e));
  }
  // Whether the whole value failed the schema, read before the loop below releases the errors.
  const schemaFailed = errors.some((e) => e.instancePath === '');
  // Each error is released once it is an issue: for a list of two million bad items the errors (two an item) and
  // the issues would otherwise be held at once, about 1 GB (issue 14). The array is ours since `validate.errors`
  // was cleared.
  const pending = errors as (ErrorObject | undefined)[];
  for (let i = 0; i < pending.length; i++) {
    schemaIssue(w, c, value, pending[i]!, sink);
    pending[i] = undefined;
  }

  switch (member) {
    case 'RoleArn':
      if (typeof value === 'string') {
        const problem = roleArnProblem(value);
        if (problem) {
          // STS checks length and characters first; "<value> is invalid" is its answer only when those pass.
          const awsMessage = isMalformedArn(problem) && !schemaFailed ? awsInvalidRoleArn(value) : undefined;
          sink.add(arnIssue('notARoleArn', member, [], problem, awsMessage));
        } else if (ctx.operation === 'AssumeRoleWithSAML') {
          const name = roleNameOf(value) ?? '';
          const prefix = DOCUMENTED_LIMITS.reservedSsoRolePrefix.value;
          if (name.startsWith(prefix)) {
            sink.add(
              makeIssue({
                code: 'reservedSsoRole',
                parameter: member,
                path: '/RoleArn',
                data: { parameter: member, roleName: quote(name), prefix },
                range: { start: value.length - name.length, end: value.length },
              }),
            );
          }
        }
      }
      break;
    case 'PrincipalArn':
      if (typeof value === 'string') {
        const problem = samlProviderArnProblem(value);
        if (problem) sink.add(arnIssue('notASamlProviderArn', member, [], problem));
      }
      break;
    case 'PolicyArns':
      if (Array.isArray(value)) {
        value.forEach((entry, i) => {
          if (!isRecord(entry) || typeof entry.arn !== 'string') return;
          const problem = policyArnProblem(entry.arn);
          if (problem) sink.add(arnIssue('invalidPolicyArn', member, [i, 'arn'], problem));
        });
      }
      break;
    case 'Policy':
      checkPolicyGrammar(value, sink);
      break;
    case 'DurationSeconds':
      checkDuration(ctx, c, value, sink);
      break;
    case 'Tags':
      checkTags(ctx, value, sink);
      break;
    case 'TransitiveTagKeys':
      checkTransitiveDuplicates(value, sink);
      break;
    case 'SourceIdentity':
      if (typeof value === 'string' && startsWithIgnoreCase(value, reservedPrefix())) {
        // Documented: the value must not begin with "aws:" (reference §5.4.1).
        const prefix = reservedPrefix();
        sink.add(
          makeIssue({
            code: 'reservedPrefix',
            parameter: member,
            path: '/SourceIdentity',
            data: { parameter: member, value: quote(value), prefix },
            range: { start: 0, end: prefix.length },
          }),
        );
      }
      break;
    case 'ProviderId':
      checkProviderId(value, sink);
      break;
    default:
      break;
  }
}

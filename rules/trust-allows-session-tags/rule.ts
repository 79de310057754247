import type { Rule, StsMember } from '@rolecall/core';
import { defineRule, getParameter } from '@rolecall/core';
import { atRole, forEachMatchedCall, ROLE_OPTIONS_SCHEMA, type RoleOptions } from '../_shared/project-rule.js';
import { roleLabel, trustPolicyOf } from '../_shared/roles.js';
import { allows, statementsOf } from '../_shared/trust.js';

/** Request members that need a permission in the trust policy besides the AssumeRole action itself. */
const NEEDS: readonly { readonly members: readonly StsMember[]; readonly action: string; readonly messageId: string }[] = [
  { members: ['Tags', 'TransitiveTagKeys'], action: 'sts:TagSession', messageId: 'tagSession' },
  { members: ['SourceIdentity'], action: 'sts:SetSourceIdentity', messageId: 'setSourceIdentity' },
];

const rule: Rule<RoleOptions> = defineRule<RoleOptions>({
  id: 'trust-allows-session-tags',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow session tags and a source identity that the assumed role's trust policy does not permit (sts:TagSession, sts:SetSourceIdentity).",
      recommended: true,
      awsSource: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html',
    },
    defaultSeverity: 'error',
    parameters: [],
    messages: {
      tagSessionImplicit: "The {{origin}} need sts:TagSession, but role {{role}}'s trust policy does not allow it, so STS denies the call (AccessDenied).{{weak}}",
      tagSession: "{{parameter}} passes session tags, but role {{role}}'s trust policy does not allow sts:TagSession, so STS denies the call (AccessDenied).{{weak}}",
      setSourceIdentity: "{{parameter}} sets a source identity, but role {{role}}'s trust policy does not allow sts:SetSourceIdentity, so STS denies the call (AccessDenied).{{weak}}",
    },
    schema: ROLE_OPTIONS_SCHEMA,
    defaultOptions: { requireAccount: false },
    help: "Add the action to the Allow statement of the role's trust policy, or stop passing the parameter (for configure-aws-credentials: role-skip-session-tagging: true).",
  },
  checkProject(project, context) {
    forEachMatchedCall(project, context, (call, match, at, weak) => {
      const policy = trustPolicyOf(match.role);
      if (policy === undefined) return;
      const statements = statementsOf(policy);
      for (const need of NEEDS) {
        const parameter = need.members.map((m) => getParameter(call, m)).find((p) => p !== undefined);
        if (parameter === undefined || allows(statements, need.action)) continue;
        // Tags a tool adds by itself are named by who adds them, not by a key the user never wrote.
        const implicit = parameter.value.kind === 'implicit' && need.messageId === 'tagSession' ? parameter.value.origin : undefined;
        at.report({
          messageId: implicit !== undefined ? 'tagSessionImplicit' : need.messageId,
          parameter: parameter.member,
          data: implicit !== undefined ? { origin: implicit, role: roleLabel(match.role), weak } : { parameter: parameter.key, role: roleLabel(match.role), weak },
          related: [atRole(match.role, `The trust policy is here; it does not allow ${need.action}.`, 'trustPolicy')],
        });
      }
    });
  },
});

export default rule;

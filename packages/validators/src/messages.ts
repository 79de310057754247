/**
 * The wording of every finding, in one place. `Issue.message` is always `formatMessage(messages[code], issue.data)`,
 * and the lint rules import these templates, so a wording change is made here and nowhere else.
 *
 * Placeholders are `{{name}}`; every placeholder a template uses is a key of the issue's `data`.
 * Style (common brief): name the parameter, the measured value and the limit, e.g.
 * "RoleSessionName is 71 characters; STS accepts at most 64."
 *
 * Values taken from the input (`{{key}}`, `{{value}}`, `{{found}}`, `{{roleName}}`…) arrive in `data` already
 * quoted and escaped as JSON strings, shortened past 64 characters, so a control character or a megabyte of text
 * in the input cannot garble a message; that is why those placeholders carry no quotes here.
 */
import type { IssueCode } from './types.js';

export const messages: Readonly<Record<IssueCode, string>> = {
  invalidType: '{{parameter}} must be {{expected}}; got {{received}}.',
  missingRequired: '{{parameter}} is missing; {{operation}} requires it.',
  unknownParameter: '{{parameter}} is not accepted by {{operation}}.{{hint}}',
  tooShort: '{{parameter}} is {{length}} long; STS requires at least {{limit}}.',
  tooLong: '{{parameter}} is {{actual}} characters; STS accepts at most {{limit}}.',
  invalidCharacters:
    '{{parameter}} contains {{character}} at position {{position}}; STS accepts only characters matching {{allowed}}.',
  outOfRange: '{{parameter}} is {{actual}}; STS accepts {{min}} to {{max}}.',
  notAnInteger: '{{parameter}} is {{actual}}; STS accepts only whole numbers from {{min}} to {{max}}.',
  tooFewItems: '{{parameter}} has {{actual}} items; STS requires at least {{limit}}.',
  tooManyItems: '{{parameter}} has {{actual}} items; STS accepts at most {{limit}}.',
  duplicateKey:
    '{{parameter}} {{key}} repeats {{firstParameter}} {{firstKey}}; tag keys are case-insensitive, so STS sees the same key twice.',
  reservedPrefix: '{{parameter}} {{value}} starts with "{{prefix}}", a prefix AWS reserves for its own use.',
  roleChainingDurationExceeded:
    '{{parameter}} is {{actual}}; a session assumed with role credentials (role chaining) lasts at most {{limit}} seconds.',
  maxSessionDurationExceeded:
    "{{parameter}} is {{actual}}; the role's MaxSessionDuration is {{limit}}, so STS rejects the call.",
  transitiveKeyNotInTags:
    '{{parameter}} {{key}} does not match the key of any tag in Tags; a transitive tag key must name a tag passed in the same call.',
  inheritedTransitiveKeyConflict:
    '{{parameter}} {{key}} conflicts with the transitive tag key {{inheritedKey}} inherited from the calling session; an inherited transitive tag cannot be set again.',
  tokenCodeWithoutSerialNumber:
    'TokenCode is set but SerialNumber is not; MFA needs both (whether STS rejects one without the other is unverified).',
  serialNumberWithoutTokenCode:
    'SerialNumber is set but TokenCode is not; MFA needs both (whether STS rejects one without the other is unverified).',
  invalidTokenCode: '{{parameter}} must be exactly {{limit}} digits; got {{description}}.',
  notARoleArn: '{{parameter}} is not an IAM role ARN: {{reason}}',
  notASamlProviderArn: '{{parameter}} is not an IAM SAML provider ARN: {{reason}}',
  invalidPolicyArn: '{{parameter}} is not an IAM managed policy ARN: {{reason}}',
  providerIdNotAllowed: '{{parameter}} {{reason}}',
  policyPlaintextTooLong:
    'The session policies are {{actual}} characters (Policy {{policyLength}} + PolicyArns {{arnsLength}}); STS accepts at most {{limit}} combined. Without whitespace the Policy is {{minifiedLength}} characters; whether STS counts whitespace is unverified.',
  policyPlaintextOverDocumented:
    'The session policies are {{actual}} characters (Policy {{policyLength}} + PolicyArns {{arnsLength}}); the {{operation}} documentation states at most {{limit}} combined, but the STS model lifted that cap for {{operation}} in 2023 (Policy has no maximum since 2023-10-02) and no AWS answer is recorded, so whether STS rejects this is unverified. Without whitespace the Policy is {{minifiedLength}} characters.',
  invalidPolicyJson: '{{parameter}} is not valid JSON: {{error}} at line {{line}}, column {{column}}.',
  invalidPolicyGrammar: '{{parameter}}: {{detail}}',
  reservedSsoRole:
    '{{parameter}} names the IAM Identity Center role {{roleName}}; AssumeRoleWithSAML does not work for roles whose names start with "{{prefix}}".',
  invalidOption: 'Option {{option}} {{detail}}',
  unreadableValue: '{{parameter}} could not be read: {{reason}}.',
  internalError: 'rolecall failed while checking {{parameter}} ({{reason}}); the input was not fully checked. Please report this.',
};

/**
 * Reasons interpolated as `{{reason}}` into notARoleArn, notASamlProviderArn, invalidPolicyArn and
 * providerIdNotAllowed (each a template over the same issue's `data`).
 */
export const reasons = {
  userArn: 'it names an IAM user ({{found}}). Pass the ARN of the role to assume, e.g. {{suggestion}}.',
  assumedRoleArn:
    'it is the ARN of an assumed-role session (arn:…:sts::…:assumed-role/…). Pass the role\'s own ARN instead: {{suggestion}}.',
  missingRolePrefix: 'the resource part has no "role/" before the role name. Did you mean {{suggestion}}?',
  roleNameOnly: 'it is a bare role name, not an ARN. Pass the full ARN, e.g. {{suggestion}}.',
  notAnArn: 'it does not start with "arn:". Expected {{expected}}.',
  formatMismatch: 'it does not match {{expected}}.',
  unknownPartition: 'partition {{found}} is not one of {{partitions}}.',
  wrongService: 'service {{found}} is not "iam". Expected {{expected}}.',
  regionNotEmpty: 'IAM ARNs have an empty region field; found {{found}}. Expected {{expected}}.',
  badAccount: 'account {{found}} is not a 12-digit AWS account ID. Expected {{expected}}.',
  wrongResourceType: 'the resource is {{found}}, not "{{resourceType}}". Expected {{expected}}.',
  badName: 'the name {{found}} is not a valid {{what}} name ({{rule}}).',
  badPath: 'the path {{found}} is not a valid IAM path ({{rule}}).',
  pathTooLong: 'the path is {{actual}} characters; IAM accepts at most {{limit}}.',
  notAllowedHost:
    'is {{found}}; STS accepts only {{hosts}} (OAuth 2.0 access tokens). Omit ProviderId for OpenID Connect ID tokens.',
  hostWithSchemeOrPort: 'is {{found}}; give the host name only, without URL scheme or port: "{{suggestion}}".',
} as const;

/** Hints appended as `{{hint}}` to unknownParameter. */
export const unknownParameterHints = {
  differentCase: ' Did you mean "{{suggestion}}"? Parameter names are case-sensitive; the SDK silently drops a misspelled one.',
  otherOperation: ' It is a parameter of {{operations}}, not of {{operation}}.',
  fromIdentityProvider:
    " With {{operation}}, session tags, transitive tag keys and the source identity come from the identity provider's token or assertion, not from request parameters.",
} as const;

/** Details interpolated as `{{detail}}` into invalidOption. */
export const optionMessages = {
  optionsType: 'must be an object; got {{received}}. The options were ignored.',
  unknownProfile: 'is {{found}}, which is not a compatibility profile; known: {{known}}. Validated with "{{fallback}}".',
  booleanType: 'must be a boolean; got {{received}}. The option was ignored.',
  maxSessionDuration:
    'is {{found}}; a role\'s MaxSessionDuration is a whole number from {{min}} to {{max}} seconds. The option was ignored.',
  stringArray: 'must be an array of strings; got {{received}}. The option was ignored.',
  unknownOperation: 'is {{found}}; expected one of {{known}}.',
  unreadable: 'could not be read: {{reason}}. The option was ignored.',
} as const;

/** Details interpolated as `{{detail}}` into invalidPolicyGrammar. */
export const policyGrammarMessages = {
  notAnObject: 'a policy document must be a JSON object; got {{received}}.',
  missingStatement: 'the policy has no Statement; a session policy needs at least one statement.',
  statementType: 'must be an object or an array of objects; got {{received}}.',
  statementEntryType: 'a statement must be an object; got {{received}}.',
  unknownElement: 'is not a policy element here; expected one of {{allowed}}.',
  versionType: 'must be a string; got {{received}}.',
  unknownVersion: '{{found}} is not a policy language version; use {{allowed}}.',
  idElement: 'is not allowed in identity-based policies; whether STS rejects it in a session policy is unverified.',
  sidType: 'must be a string; got {{received}}.',
  sidCharacters: '{{found}} may contain only A-Z, a-z and 0-9.',
  duplicateSid: '{{found}} is already the Sid of {{firstElement}}; Sids must be unique within a policy.',
  missingEffect: 'the statement has no Effect; it must be "Allow" or "Deny".',
  effectValue: 'must be {{allowed}} (case-sensitive); got {{found}}.',
  missingAction: 'the statement has neither Action nor NotAction; it needs exactly one.',
  bothAction: 'the statement has both Action and NotAction; they are mutually exclusive.',
  missingResource: 'the statement has neither Resource nor NotResource; it needs exactly one.',
  bothResource: 'the statement has both Resource and NotResource; they are mutually exclusive.',
  stringOrArray: 'must be a string or an array of strings; got {{received}}.',
  stringEntry: 'must be a string; got {{received}}.',
  emptyArray: 'is an empty array; list at least one value.',
  actionFormat: '{{found}} is not "service:action" (wildcards * and ? allowed) or "*".',
  principalElement:
    'does not belong in a session policy (identity-based policies name no principal); whether STS rejects it is unverified.',
  conditionType: 'must be an object mapping operators to {key: value} blocks; got {{received}}.',
  unknownOperator: 'is not a condition operator.{{hint}}',
  ifExistsOnNull: 'the IfExists suffix cannot be used with the Null operator.',
  operatorBlockType: 'must be an object mapping condition keys to values; got {{received}}.',
  conditionValueType: 'must be a string, number, boolean or an array of them; got {{received}}.',
  duplicateKey: 'is repeated in the same object; a policy element must not contain the same key twice.',
  nestingTooDeep: 'nests deeper than {{limit}} levels at this bracket; no policy element nests that deep.',
} as const;

/**
 * Texts for jsonc-parser's ParseErrorCode names (jsonc-parser exports only the enum and a name printer,
 * not sentences, so the sentences are here with the other wording).
 */
export const jsonErrorMessages: Readonly<Record<string, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected "," or a closing bracket',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'unexpected content after the end of the document',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape sequence',
  InvalidCharacter: 'control character in a string (escape it)',
};

/** Human text for the `{{expected}}` placeholder of invalidType. */
export const typeNames = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  null: 'null',
  array: 'an array',
  list: 'an array',
  object: 'an object',
  structure: 'an object',
} as const;

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/**
 * Interpolates `{{name}}` placeholders from `data`. A placeholder with no value is left as written, so a missing
 * value is visible in tests rather than silently empty.
 */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(data, name) ? data[name] : undefined;
    return value === undefined ? whole : String(value);
  });
}

/**
 * Builds one JSON Schema per request member and one per request, for every operation and
 * compatibility profile, from the reference. Provenance travels with every constraint as `x-*`
 * annotations (declared to ajv as a vocabulary, so strict mode stays on).
 */
import { convertPattern } from './pattern.js';
import type { DocumentedLimit, Inputs, RefMember } from './reference.js';

export const OPERATIONS = ['AssumeRole', 'AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML'] as const;
export type Operation = (typeof OPERATIONS)[number];

export const CURRENT = 'current';
/** The seed-era profile: the SDK limits of the references rolecall was started from. */
export const SEED_ERA = 'botocore-2015-04-27';
export const PROFILE_ALIASES: Readonly<Record<string, string>> = { 'seed-era': SEED_ERA, '2015': SEED_ERA, latest: CURRENT };

export const ANNOTATIONS = ['x-aws-shape', 'x-aws-source', 'x-doc-url', 'x-sensitive', 'x-wire-name', 'x-model-pattern', 'x-status'] as const;

export const SCHEMA_ID_BASE = 'https://github.com/rolecall/rolecall/schemas';

export type JsonSchema = Record<string, unknown>;

export interface Constraints {
  type: 'string' | 'integer' | 'list' | 'structure';
  required: boolean;
  sensitive: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  modelPattern?: string;
  charClass?: string;
  modelCharClass?: string;
  min?: number;
  max?: number;
  minItems?: number;
  maxItems?: number;
  items?: Constraints;
  fields?: Record<string, Constraints>;
  source: { shape?: string; model?: string; url?: string; status?: string };
  wireName: string;
}

export interface MemberSpec {
  readonly profile: string;
  readonly operation: Operation;
  readonly member: string;
  readonly id: string;
  readonly file: string;
  readonly exportName: string;
  readonly schema: JsonSchema;
  readonly constraints: Constraints;
  readonly refMember: RefMember;
}

export interface RequestSpec {
  readonly profile: string;
  readonly operation: Operation;
  readonly id: string;
  readonly file: string;
  readonly exportName: string;
  readonly schema: JsonSchema;
}

export interface Model {
  readonly profiles: readonly string[];
  readonly members: readonly MemberSpec[];
  readonly requests: readonly RequestSpec[];
}

const exportPart = (s: string): string => s.replace(/[^A-Za-z0-9]/g, '_');
export const memberExportName = (profile: string, op: string, member: string): string => `${exportPart(profile)}__${op}__${member}`;
export const requestExportName = (profile: string, op: string): string => `${exportPart(profile)}__${op}`;

/** `RoleSessionName` → `roleSessionName`, the spelling STS uses in validation messages. */
const wireName = (member: string): string => member.charAt(0).toLowerCase() + member.slice(1);

type Override = Partial<Pick<RefMember, 'minLength' | 'maxLength' | 'pattern' | 'min' | 'max'>>;

function applyOverride(member: RefMember, override: Override | undefined): RefMember {
  if (!override) return member;
  // A profile states the whole constraint set of a member: what it leaves out did not exist then.
  const { minLength: _a, maxLength: _b, pattern: _c, min: _d, max: _e, ...rest } = member;
  return { ...rest, ...override };
}

function documentedFor(inputs: Inputs, path: string): [string, DocumentedLimit] | undefined {
  return Object.entries(inputs.overlay.limits).find(([, l]) => l.appliesTo?.includes(path));
}

function build(inputs: Inputs, m: RefMember, path: string, modelSource: string, wire: string, required: boolean): { schema: JsonSchema; constraints: Constraints } {
  const sensitive = inputs.overlay.sensitive.members.includes(path.split('.')[1] ?? '') || m.sensitive === true;
  const schema: JsonSchema = {};
  const c: Constraints = { type: 'string', required, sensitive, source: { model: modelSource }, wireName: wire };
  if (m.shape) {
    schema['x-aws-shape'] = m.shape;
    c.source.shape = m.shape;
  }
  switch (m.type) {
    case 'string': {
      schema['type'] = 'string';
      if (m.minLength !== undefined) schema['minLength'] = c.minLength = m.minLength;
      if (m.maxLength !== undefined) schema['maxLength'] = c.maxLength = m.maxLength;
      if (m.pattern !== undefined) {
        const p = convertPattern(m.pattern);
        schema['pattern'] = c.pattern = p.source;
        schema['x-model-pattern'] = c.modelPattern = m.pattern;
        c.charClass = p.charClass;
        c.modelCharClass = p.modelCharClass;
      }
      break;
    }
    case 'integer': {
      c.type = 'integer';
      schema['type'] = 'integer';
      if (m.min !== undefined) schema['minimum'] = c.min = m.min;
      if (m.max !== undefined) schema['maximum'] = c.max = m.max;
      break;
    }
    case 'list': {
      c.type = 'list';
      schema['type'] = 'array';
      if (m.minItems !== undefined) schema['minItems'] = c.minItems = m.minItems;
      if (m.maxItems !== undefined) {
        schema['maxItems'] = c.maxItems = m.maxItems;
      } else {
        const doc = documentedFor(inputs, path);
        if (doc && typeof doc[1].value === 'number') {
          schema['maxItems'] = c.maxItems = doc[1].value;
          schema['x-doc-url'] = c.source.url = doc[1].url;
          schema['x-status'] = c.source.status = `${doc[1].status}: not in the model; "${doc[1].quote}"`;
        }
      }
      if (m.items) {
        const item = build(inputs, m.items, `${path}[]`, modelSource, wire, true);
        schema['items'] = item.schema;
        c.items = item.constraints;
      }
      break;
    }
    case 'structure': {
      c.type = 'structure';
      schema['type'] = 'object';
      const props: Record<string, JsonSchema> = {};
      const req: string[] = [];
      c.fields = {};
      for (const [name, sub] of Object.entries(m.members ?? {})) {
        const built = build(inputs, sub, `${path}.${name}`, modelSource, wireName(name), sub.required === true);
        props[name] = built.schema;
        c.fields[name] = built.constraints;
        if (sub.required) req.push(name);
      }
      schema['properties'] = props;
      if (req.length) schema['required'] = req;
      schema['additionalProperties'] = false;
      break;
    }
    default:
      throw new Error(`unsupported member type ${m.type} at ${path}`);
  }
  if (sensitive) schema['x-sensitive'] = true;
  return { schema, constraints: c };
}

export function buildModel(inputs: Inputs): Model {
  const ref = inputs.reference;
  const src = ref.sources.botocoreStsModel;
  const currentSource = `${src.repo}:${src.path}@${src.fileLastChangedCommit} (${src.fileLastChangedDate})`;
  const profiles = [CURRENT, SEED_ERA];
  const members: MemberSpec[] = [];
  const requests: RequestSpec[] = [];
  for (const profile of profiles) {
    const profileData = profile === CURRENT ? undefined : ref.compatibility.profiles[profile];
    if (profile !== CURRENT && !profileData) throw new Error(`profile ${profile} is not in the reference`);
    const profileSource = profileData ? String(profileData['source']) : currentSource;
    for (const op of OPERATIONS) {
      const overrides = (profileData?.[op] ?? {}) as Record<string, Override>;
      const props: Record<string, JsonSchema> = {};
      const required: string[] = [];
      // Members the profile's model did not have (added by a later model) stay unknown parameters there.
      const absent = new Set((profileData?.['absentMembers'] ?? []) as readonly string[]);
      for (const [member, raw] of Object.entries(ref.operations[op]!.input)) {
        if (absent.has(member)) continue;
        const override = overrides[member];
        const m = applyOverride(raw, override);
        // A member folded in from a model update names that update as its source.
        const memberSource = override ? profileSource : (raw.source ?? currentSource);
        const built = build(inputs, m, `${op}.${member}`, memberSource, wireName(member), m.required === true);
        const id = `${SCHEMA_ID_BASE}/${profile}/${op}/${member}.schema.json`;
        const example = m.shape ? inputs.charsets.examples[m.shape] : undefined;
        const schema: JsonSchema = {
          $schema: 'http://json-schema.org/draft-07/schema#',
          $id: id,
          title: `${op}.${member}`,
          description: (m.notes?.[0] ?? `${op} request member ${member}.`) + (profile === CURRENT ? '' : ` Profile ${profile}.`),
          ...built.schema,
          'x-aws-source': memberSource,
          'x-wire-name': wireName(member),
          ...(example !== undefined ? { examples: [example] } : {}),
        };
        members.push({
          profile,
          operation: op,
          member,
          id,
          file: `${profile}/${op}/${member}.schema.json`,
          exportName: memberExportName(profile, op, member),
          schema,
          constraints: built.constraints,
          refMember: m,
        });
        props[member] = { $ref: id };
        if (m.required) required.push(member);
      }
      const id = `${SCHEMA_ID_BASE}/${profile}/${op}/request.schema.json`;
      requests.push({
        profile,
        operation: op,
        id,
        file: `${profile}/${op}/request.schema.json`,
        exportName: requestExportName(profile, op),
        schema: {
          $schema: 'http://json-schema.org/draft-07/schema#',
          $id: id,
          title: `${op}Request`,
          description: `The whole ${op} request as passed to @aws-sdk/client-sts or --cli-input-json (profile ${profile}).`,
          type: 'object',
          required,
          properties: props,
          additionalProperties: false,
          'x-aws-source': profileSource,
        },
      });
    }
  }
  return { profiles, members, requests };
}

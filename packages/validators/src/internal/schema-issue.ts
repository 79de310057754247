/** The generated validator's errors (ajv `ErrorObject`s) turned into issues with path, data and AWS text. */
import type { ErrorObject } from 'ajv';
import { typeNames } from '../messages.js';
import { DOCUMENTED_LIMITS, type MemberConstraints } from '../schema/registry.js';
import { awsValidationMessage } from './aws.js';
import { makeIssue } from './issue.js';
import { pathOf, type Segments, type Sink, type Where } from './sink.js';
import { codePointLength, describeCharacter, describeReceived, equalsIgnoreCase, firstDisallowed, labelOf, plural, pointerToken, segmentsOfPointer, startsWithIgnoreCase } from './text.js';

const charClassCache = new Map<string, RegExp>();
/** One-character matcher for a member's character class, compiled once per class. */
export function classMatcher(charClass: string): RegExp {
  let re = charClassCache.get(charClass);
  if (!re) {
    re = new RegExp(`^${charClass}$`, 'u');
    charClassCache.set(charClass, re);
  }
  return re;
}

function constraintsAt(c: MemberConstraints, segments: Segments): MemberConstraints | undefined {
  let node: MemberConstraints | undefined = c;
  for (const s of segments) {
    if (!node) return undefined;
    node = typeof s === 'number' ? node.items : node.fields?.[s];
  }
  return node;
}

function valueAt(value: unknown, segments: Segments): unknown {
  let v = value;
  for (const s of segments) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string | number, unknown>)[s];
  }
  return v;
}

function paramLabel(w: Where): string {
  return labelOf(w.member, w.segments);
}

/** awsMessage only for top-level members, where the manifest gives the wire name STS prints. */
function aws(
  w: Where,
  c: MemberConstraints,
  value: unknown,
  kind: Parameters<typeof awsValidationMessage>[3],
  limit: number | string,
): string | undefined {
  if (w.segments.length > 0) return undefined;
  return awsValidationMessage(c.wireName, value, c.sensitive, kind, limit);
}

export function schemaIssue(w: Where, root: MemberConstraints, value: unknown, e: ErrorObject, sink: Sink): void {
  const segments = [...w.segments, ...segmentsOfPointer(e.instancePath)];
  const at: Where = { ...w, segments };
  const c = constraintsAt(root, segments.slice(w.segments.length)) ?? root;
  const v = valueAt(value, segments.slice(w.segments.length));
  const parameter = paramLabel(at);
  const path = pathOf(w.member, segments);
  const params = e.params as Record<string, unknown>;
  const sensitive = c.sensitive;

  switch (e.keyword) {
    case 'type': {
      const expected = String(params.type);
      if (expected === 'integer' && typeof v === 'number' && Number.isFinite(v)) {
        sink.add(
          makeIssue({
            code: 'notAnInteger',
            parameter: w.member,
            path,
            data: { parameter, actual: v, min: c.min ?? '-∞', max: c.max ?? '∞' },
            actual: v,
          }),
        );
        return;
      }
      const name = expected in typeNames ? typeNames[expected as keyof typeof typeNames] : `a ${expected}`;
      sink.add(
        makeIssue({
          code: 'invalidType',
          parameter: w.member,
          path,
          data: { parameter, expected: name, received: describeReceived(v, sensitive) },
        }),
      );
      return;
    }
    case 'required': {
      const missing = String(params.missingProperty);
      sink.add(
        makeIssue({
          code: 'missingRequired',
          parameter: w.member,
          path: `${path}/${pointerToken(missing)}`,
          data: { parameter: labelOf(parameter, [missing]), operation: w.ctx.operation },
        }),
      );
      return;
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const fields = Object.keys(c.fields ?? {});
      const match = fields.find((f) => equalsIgnoreCase(f, extra));
      sink.add(
        makeIssue({
          code: 'unknownParameter',
          parameter: w.member,
          path: `${path}/${pointerToken(extra)}`,
          data: {
            parameter: labelOf(parameter, [extra]),
            operation: w.ctx.operation,
            hint: match
              ? ` Did you mean "${labelOf(parameter, [match])}"?`
              : fields.length > 0
                ? ` Expected ${fields.map((f) => `"${f}"`).join(' or ')}.`
                : '',
          },
        }),
      );
      return;
    }
    case 'minLength':
    case 'maxLength': {
      const limit = Number(params.limit);
      const actual = typeof v === 'string' ? codePointLength(v) : 0;
      const tooLong = e.keyword === 'maxLength';
      sink.add(
        makeIssue({
          code: tooLong ? 'tooLong' : 'tooShort',
          parameter: w.member,
          path,
          data: tooLong ? { parameter, actual, limit } : { parameter, actual, limit, length: plural(actual, 'character') },
          limit,
          actual,
          awsMessage: aws(at, c, v, e.keyword, limit),
        }),
      );
      return;
    }
    case 'pattern': {
      if (typeof v !== 'string') return;
      let from = 0;
      if (w.member === 'SourceIdentity' && w.segments.length === 0 && startsWithIgnoreCase(v, reservedPrefix())) {
        // The reservedPrefix issue explains the ':'; report only characters after the prefix (reference §2: ':' is
        // already outside the pattern, so the model alone would give the less helpful message).
        from = reservedPrefix().length;
      }
      const matcher = c.charClass ? classMatcher(c.charClass) : undefined;
      const bad = matcher ? firstDisallowed(v, matcher, from) : { index: from, char: v.charAt(from) };
      if (!bad) return;
      const allowed = c.modelCharClass ?? c.charClass ?? c.modelPattern ?? c.pattern ?? '';
      sink.add(
        makeIssue({
          code: 'invalidCharacters',
          parameter: w.member,
          path,
          data: {
            parameter,
            character: sensitive ? 'a character' : describeCharacter(bad.char),
            position: bad.index + 1,
            allowed,
          },
          ...(sensitive ? {} : { actual: bad.char }),
          range: { start: bad.index, end: bad.index + bad.char.length },
          awsMessage: aws(at, c, v, 'pattern', c.modelPattern ?? c.pattern ?? ''),
        }),
      );
      return;
    }
    case 'minimum':
    case 'maximum': {
      const limit = Number(params.limit);
      const actual = typeof v === 'number' ? v : Number(v);
      sink.add(
        makeIssue({
          code: 'outOfRange',
          parameter: w.member,
          path,
          data: { parameter, actual, min: c.min ?? '-∞', max: c.max ?? '∞' },
          limit,
          actual,
          awsMessage: aws(at, c, v, e.keyword, limit),
        }),
      );
      return;
    }
    case 'minItems':
    case 'maxItems': {
      const limit = Number(params.limit);
      const actual = Array.isArray(v) ? v.length : 0;
      sink.add(
        makeIssue({
          code: e.keyword === 'maxItems' ? 'tooManyItems' : 'tooFewItems',
          parameter: w.member,
          path,
          data: { parameter, actual, limit },
          limit,
          actual,
        }),
      );
      return;
    }
    default:
      // Keywords the generated schemas do not use today; reported rather than dropped.
      sink.add(
        makeIssue({
          code: 'invalidType',
          parameter: w.member,
          path,
          data: { parameter, expected: `a value satisfying "${e.keyword}"`, received: describeReceived(v, sensitive) },
        }),
      );
  }
}

export function reservedPrefix(): string {
  return DOCUMENTED_LIMITS.reservedPrefix.value;
}

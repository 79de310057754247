import type { AssumeRoleCall, LiteralNode, StsMember, TemplateNode, ValueNode } from '@rolecall/core';
import { formatPointer, getParameter, materialize, offsetMap, UNKNOWN } from '@rolecall/core';
import type { Issue, MemberConstraints, ValidateOptions } from '@rolecall/validators';
import { DEFAULT_PROFILE, memberConstraints, resolveProfile } from '@rolecall/validators';
import { validateInput } from './validation.js';

type Segment = string | number;

/** A finding on the known parts of a value that is not fully known, and where to report it. */
export interface KnownPartIssue {
  readonly issue: Issue;
  /**
   * A stand-in literal for a template's text fragment, so the engine can point at the character
   * inside it; absent when the issue's `path` locates the right node.
   */
  readonly anchor?: LiteralNode;
}

/**
 * Checks what is known of a member whose value is not fully known, without guessing the rest:
 *   - a fully known subtree (a literal tag key next to a variable tag value, an implicit value) is
 *     validated as it is, and only findings inside that subtree are kept;
 *   - an array's item count is checked even when items are unknown (`maxItems`/`minItems`);
 *   - a template's literal text is checked against the leaf's character class (a character outside
 *     it is wrong whatever the holes hold) and, when the text alone already exceeds `maxLength`,
 *     reported as "at least N characters";
 *   - references are skipped.
 * Each part is validated by the validators themselves (placed at its own path in an otherwise empty
 * input), so codes, data and wording are exactly theirs; findings outside the part are dropped.
 */
export function knownPartIssues(call: AssumeRoleCall, member: StsMember, options: ValidateOptions): KnownPartIssue[] {
  const parameter = getParameter(call, member);
  if (parameter === undefined) return [];
  const profile = resolveProfile(options.profile) ?? DEFAULT_PROFILE;
  const root = memberConstraints(profile, call.operation, member);
  if (root === undefined) return [];
  const out: KnownPartIssue[] = [];
  walk(parameter.value, []);
  return out;

  function validatePart(segments: readonly Segment[], value: unknown): Issue[] {
    return [...validateInput(call.operation, { [member]: place(segments, value) }, options)];
  }

  function walk(node: ValueNode, segments: readonly Segment[]): void {
    const value = materialize(node);
    if (value !== UNKNOWN) {
      const path = formatPointer([member, ...segments]);
      for (const issue of validatePart(segments, value)) {
        if (issue.path === path || issue.path.startsWith(`${path}/`)) out.push({ issue });
      }
      return;
    }
    switch (node.kind) {
      case 'implicit':
        walk(node.value, segments);
        return;
      case 'array': {
        const path = formatPointer([member, ...segments]);
        const count = node.items.map(() => null);
        for (const issue of validatePart(segments, count)) {
          if (issue.path === path && (issue.code === 'tooManyItems' || issue.code === 'tooFewItems')) out.push({ issue });
        }
        node.items.forEach((item, i) => walk(item, [...segments, i]));
        return;
      }
      case 'object':
        for (const entry of node.entries) walk(entry.value, [...segments, entry.key]);
        return;
      case 'template':
        for (const issue of templateIssues(node, segments)) out.push(issue);
        return;
      default:
        return;
    }
  }

  function templateIssues(node: TemplateNode, segments: readonly Segment[]): KnownPartIssue[] {
    const leaf = constraintsAt(root as MemberConstraints, segments);
    if (leaf === undefined || leaf.type !== 'string') return [];
    const path = formatPointer([member, ...segments]);
    const found: KnownPartIssue[] = [];

    // Literal text, holes removed: a lower bound of the value's length.
    const text = node.parts.map((p) => (p.kind === 'text' ? p.value : '')).join('');
    if (leaf.maxLength !== undefined && text.length > 0) {
      for (const issue of validatePart(segments, text)) {
        if (issue.path !== path || issue.code !== 'tooLong') continue;
        found.push({ issue: { ...issue, data: { ...issue.data, actual: `at least ${issue.data.actual}` } } });
      }
    }

    if (leaf.charClass !== undefined) {
      // A character class is checked character by character, so each fragment can be checked on its own.
      let before = 0;
      let hole: string | undefined;
      for (const part of node.parts) {
        if (part.kind === 'hole') {
          hole = part.expression;
          continue;
        }
        if (part.value.length > 0) {
          const issue = validatePart(segments, part.value).find((i) => i.path === path && i.code === 'invalidCharacters');
          if (issue !== undefined) found.push(fragmentIssue(issue, part, before, hole));
        }
        before += part.value.length;
      }
    }
    return found;
  }
}

/**
 * Re-aims a fragment's invalidCharacters issue at the whole value: the position counts from the
 * value's start when no hole comes before the fragment, else from the end of the last hole
 * (its length is unknown). The anchor maps indices into the fragment only when the fragment is
 * written 1:1 in the source (no escapes); otherwise the whole fragment is reported.
 */
function fragmentIssue(issue: Issue, part: { readonly value: string; readonly span: { readonly start: number; readonly end: number } }, before: number, hole: string | undefined): KnownPartIssue {
  const position = Number(issue.data.position);
  const data = { ...issue.data, position: hole === undefined ? before + position : `${position} of the text after ${hole}` };
  const plain = part.span.end - part.span.start === part.value.length;
  const anchor: LiteralNode = {
    kind: 'literal',
    span: part.span,
    value: part.value,
    // A plain fragment maps 1:1; otherwise every index lands on the fragment's ends.
    offsets: offsetMap(Array.from({ length: part.value.length + 1 }, (_, i) => (plain ? part.span.start + i : i <= 0 ? part.span.start : part.span.end))),
  };
  const { range, ...rest } = issue;
  return { issue: { ...rest, data, ...(plain && range !== undefined ? { range } : { range: { start: 0, end: part.value.length } }) }, anchor };
}

/** Constraints of the leaf at `segments` below a member (array index → items, field → fields). */
function constraintsAt(root: MemberConstraints, segments: readonly Segment[]): MemberConstraints | undefined {
  let node: MemberConstraints | undefined = root;
  for (const segment of segments) {
    if (node === undefined) return undefined;
    node = typeof segment === 'number' ? node.items : Object.prototype.hasOwnProperty.call(node.fields ?? {}, segment) ? node.fields?.[segment] : undefined;
  }
  return node;
}

/**
 * `value` placed at `segments` inside an otherwise empty member value: `[null, null, { Key: value }]`
 * for `[2, 'Key']`. The padding makes the validators name the real index (`Tags[2].Key`); what they
 * say about the padding is outside the part and dropped by the caller.
 */
function place(segments: readonly Segment[], value: unknown): unknown {
  let out = value;
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i] as Segment;
    if (typeof segment === 'number') {
      const array: unknown[] = new Array<unknown>(segment).fill(null);
      array.push(out);
      out = array;
    } else {
      const object: Record<string, unknown> = {};
      Object.defineProperty(object, segment, { value: out, enumerable: true, writable: true, configurable: true });
      out = object;
    }
  }
  return out;
}

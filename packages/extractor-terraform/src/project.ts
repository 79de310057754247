/**
 * The project pass: `var.x` and `local.x` resolved across one module folder, as Terraform does.
 * A variable's value is its `default` (any `.tf` file of the folder), overridden by
 * `terraform.tfvars`, then `terraform.tfvars.json`, then `*.auto.tfvars` / `*.auto.tfvars.json` in
 * lexical order of their names (Terraform's own precedence; `-var` and `-var-file` on the command
 * line are not known here, so they are the caller's to check). A resolved value keeps the use's
 * span (findings are reported where it is used) and records its definition in `definedAt`.
 * Only literal values (and objects and lists of them) resolve; anything else stays a reference.
 */
import type { AssumeRoleCall, CallParameter, ExtractorPart, Fact, LiteralNode, ProjectUpdate, RelatedSpan, RoleDefinition, Span, TemplateNode, ValueNode, ValueOrigin } from '@rolecall/core';
import { offsetMap } from '@rolecall/core';
import { toParameter } from './convert.js';
import type { Definition, FileExports } from './exports.js';
import { defaultSessionFor, GO_DURATION_KEYS, implicitSession } from './members.js';

interface Resolved {
  readonly definition: Definition;
  readonly origin: Omit<ValueOrigin, 'span'> & { readonly span: Span };
}

const folderOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);
const baseOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** Terraform's order for variable files of one folder: later wins. */
function tfvarsRank(path: string): [number, string] {
  const base = baseOf(path);
  if (base === 'terraform.tfvars') return [1, base];
  if (base === 'terraform.tfvars.json') return [2, base];
  if (/\.auto\.tfvars(\.json)?$/.test(base)) return [3, base];
  return [-1, base];
}

/** Every part of the extraction uses plain objects, so a resolved value is re-spanned by copying. */
function placeAt(node: ValueNode, use: Span, origin: ValueOrigin): ValueNode | undefined {
  switch (node.kind) {
    case 'literal': {
      const { offsets: _offsets, ...rest } = node;
      // Every character points at the use: the value's own characters are in another place.
      const table = typeof node.value === 'string' ? { offsets: offsetMap(new Uint32Array(node.value.length + 1).fill(use.start)) } : {};
      return { ...rest, span: use, definedAt: origin, ...table } satisfies LiteralNode;
    }
    case 'array': {
      const items = node.items.map((i) => placeAt(i, use, origin));
      return items.every((i) => i !== undefined) ? { kind: 'array', span: use, definedAt: origin, items: items as ValueNode[] } : undefined;
    }
    case 'object': {
      const entries = node.entries.map((e) => ({ key: e.key, keySpan: use, value: placeAt(e.value, use, origin) }));
      return entries.every((e) => e.value !== undefined) ? { kind: 'object', span: use, definedAt: origin, entries: entries as { key: string; keySpan: Span; value: ValueNode }[] } : undefined;
    }
    default:
      return undefined;
  }
}

const REF = /^(var|local)\.([A-Za-z_][\w-]*)$/;

class Scope {
  readonly vars = new Map<string, Resolved>();
  readonly locals = new Map<string, Resolved>();

  lookup(text: string): Resolved | undefined {
    const m = REF.exec(text.trim());
    if (m === null) return undefined;
    return (m[1] === 'var' ? this.vars : this.locals).get(m[2]!);
  }

  /** A node with every resolvable reference replaced (recursively); the same object when nothing changed. */
  resolve(node: ValueNode): ValueNode {
    switch (node.kind) {
      case 'reference': {
        const found = this.lookup(node.text);
        if (found === undefined) return node;
        return placeAt(found.definition.value, node.span, { ...found.origin }) ?? node;
      }
      case 'template':
        return this.template(node);
      case 'array': {
        const items = node.items.map((i) => this.resolve(i));
        return items.every((i, k) => i === node.items[k]) ? node : { ...node, items };
      }
      case 'object': {
        const entries = node.entries.map((e) => ({ ...e, value: this.resolve(e.value) }));
        return entries.every((e, k) => e.value === node.entries[k]!.value) ? node : { ...node, entries };
      }
      default:
        return node;
    }
  }

  /** `"deploy-${var.env}"`: holes whose value is a known string become text at the hole. */
  private template(node: TemplateNode): ValueNode {
    let origin: ValueOrigin | undefined;
    const parts = node.parts.map((p) => {
      if (p.kind !== 'hole') return p;
      const found = this.lookup(p.expression);
      const v = found?.definition.value;
      if (v?.kind !== 'literal' || v.value === null) return p;
      origin ??= found!.origin;
      return { kind: 'text' as const, value: String(v.value), span: p.span };
    });
    if (origin === undefined) return node;
    if (parts.some((p) => p.kind === 'hole')) return { ...node, parts };
    // Fully known: a literal whose characters point at their text or at the hole they came from.
    let value = '';
    const table: number[] = [];
    for (const p of parts) {
      if (p.kind !== 'text') continue;
      const literalText = node.parts.includes(p);
      for (let i = 0; i < p.value.length; i++) table.push(literalText ? Math.min(p.span.start + i, p.span.end - 1) : p.span.start);
      value += p.value;
    }
    table.push(node.span.end - 1);
    return { kind: 'literal', value, span: node.span, offsets: offsetMap(Uint32Array.from(table)), definedAt: origin };
  }
}

function scopeOf(folder: readonly [string, FileExports][]): Scope {
  const scope = new Scope();
  const sorted = [...folder].sort((a, b) => {
    const [ra, na] = tfvarsRank(a[0]);
    const [rb, nb] = tfvarsRank(b[0]);
    return ra - rb || (na < nb ? -1 : na > nb ? 1 : 0);
  });
  for (const [file, ex] of sorted) {
    for (const d of ex.variables ?? []) if (!scope.vars.has(d.name) || tfvarsRank(file)[0] >= 0) scope.vars.set(d.name, { definition: d, origin: { file, span: d.span, description: `variable "${d.name}" default in ${baseOf(file)}` } });
    for (const d of ex.tfvars ?? []) scope.vars.set(d.name, { definition: d, origin: { file, span: d.span, description: `${d.name} in ${baseOf(file)}` } });
    for (const d of ex.locals ?? []) scope.locals.set(d.name, { definition: d, origin: { file, span: d.span, description: `local "${d.name}" in ${baseOf(file)}` } });
  }
  return scope;
}

function resolveCall(call: AssumeRoleCall, scope: Scope): AssumeRoleCall {
  let changed = false;
  const facts: Fact[] = [...(call.facts ?? [])];
  const parameters: CallParameter[] = [];
  for (const p of call.parameters) {
    const value = scope.resolve(p.value);
    if (value === p.value) {
      parameters.push(p);
      continue;
    }
    changed = true;
    // Convert again: a resolved `duration` is a Go duration string, resolved tags a map.
    const writtenOf = (v: LiteralNode): string => {
      const found = v.definedAt !== undefined ? [...scope.vars.values(), ...scope.locals.values()].find((r) => r.origin.file === v.definedAt!.file && r.origin.span.start === v.definedAt!.span.start) : undefined;
      return found?.definition.text ?? JSON.stringify(v.value);
    };
    const converted = p.value.kind === 'reference' || (value.kind === 'literal' && value.value === null) ? toParameter({ key: p.key, keySpan: p.keySpan ?? value.span, value }, p.member, GO_DURATION_KEYS.has(p.key), writtenOf, facts) : { ...p, value };
    if (converted !== undefined) parameters.push(converted);
    // A session name resolved to `null` is unset: the tool names the session.
    else if (p.member === 'RoleSessionName') parameters.push(implicitSession(defaultSessionFor(call.kind), p.value.span));
  }
  if (!changed) return call;
  return { ...call, parameters, ...(facts.length > 0 ? { facts } : {}) };
}

const ROLE_PROPERTIES = ['name', 'namePrefix', 'path', 'maxSessionDuration', 'trustPolicy'] as const;

/** Role properties resolved like call parameters; a property resolved to `null` is not set. */
function resolveRole(role: RoleDefinition, scope: Scope): RoleDefinition {
  let changed = false;
  const out: Record<string, unknown> = { ...role };
  for (const key of ROLE_PROPERTIES) {
    const property = role[key];
    if (property === undefined) continue;
    const value = scope.resolve(property.value);
    if (value === property.value) continue;
    changed = true;
    if (value.kind === 'literal' && value.value === null) delete out[key];
    else out[key] = { ...property, value };
  }
  return changed ? (out as unknown as RoleDefinition) : role;
}

export function resolveProject(parts: ReadonlyMap<string, ExtractorPart>): ProjectUpdate {
  const folders = new Map<string, [string, FileExports][]>();
  for (const [path, part] of parts) {
    const ex = part.exports as FileExports | undefined;
    if (ex === undefined) continue;
    const list = folders.get(folderOf(path)) ?? [];
    list.push([path, ex]);
    folders.set(folderOf(path), list);
  }
  const scopes = new Map<string, Scope>();
  const update = new Map<string, ExtractorPart>();
  for (const [path, part] of parts) {
    if ((part.calls.length === 0 && part.roles.length === 0) || /\.tfvars(\.json)?$/.test(path)) continue;
    const folder = folderOf(path);
    const defs = folders.get(folder);
    if (defs === undefined) continue;
    let scope = scopes.get(folder);
    if (scope === undefined) {
      scope = scopeOf(defs);
      scopes.set(folder, scope);
    }
    const calls = part.calls.map((c) => resolveCall(c, scope!));
    const roles = part.roles.map((r) => resolveRole(r, scope!));
    if (calls.some((c, i) => c !== part.calls[i]) || roles.some((r, i) => r !== part.roles[i])) update.set(path, { ...part, calls, roles });
  }
  chainFromTerragrunt(parts, update);
  return update;
}

/** Files Terragrunt reads its settings from (`root.hcl` is the root file newer layouts include). */
const TERRAGRUNT_FILES = new Set(['terragrunt.hcl', 'root.hcl']);

/**
 * Terragrunt assumes `iam_role` before it runs Terraform and hands that session to it, so a
 * provider's `assume_role` in a module Terragrunt runs is a chained call (STS caps it at one
 * hour). The iam_role is taken from the nearest `terragrunt.hcl` (or `root.hcl`) at or above the
 * module's folder that sets one: the file itself or the parent a child config includes. Which
 * folders Terragrunt really runs (a `terraform { source = … }` elsewhere) is not followed.
 */
function chainFromTerragrunt(parts: ReadonlyMap<string, ExtractorPart>, update: Map<string, ExtractorPart>): void {
  const starts = new Map<string, RelatedSpan>();
  for (const [path, part] of parts) {
    if (!TERRAGRUNT_FILES.has(baseOf(path))) continue;
    const role = part.calls.find((c) => c.kind === 'terragrunt')?.parameters.find((p) => p.member === 'RoleArn');
    if (role === undefined) continue;
    const folder = folderOf(path);
    // terragrunt.hcl wins over root.hcl in one folder: it is the config Terragrunt runs there.
    if (starts.has(folder) && baseOf(path) !== 'terragrunt.hcl') continue;
    starts.set(folder, { file: path, span: { start: role.keySpan?.start ?? role.value.span.start, end: role.value.span.end }, message: "Terragrunt assumes this iam_role before it runs Terraform; the provider's assume_role then chains from that session." });
  }
  if (starts.size === 0) return;
  for (const [path, original] of parts) {
    if (/\.hcl$|\.tfvars(\.json)?$/i.test(path)) continue;
    const part = update.get(path) ?? original;
    const start = nearestStart(folderOf(path), starts);
    if (start === undefined) continue;
    let changed = false;
    const calls = part.calls.map((call) => {
      if (call.kind !== 'terraform-provider' || call.operation !== 'AssumeRole' || call.context?.chainedFrom !== undefined) return call;
      changed = true;
      return { ...call, context: { ...call.context, roleChaining: true, chainedFrom: start } };
    });
    if (changed) update.set(path, { ...part, calls });
  }
}

/** The iam_role of the folder or its nearest ancestor that has one. */
function nearestStart(folder: string, starts: ReadonlyMap<string, RelatedSpan>): RelatedSpan | undefined {
  let at = folder;
  for (;;) {
    const found = starts.get(at);
    if (found !== undefined || at === '') return found;
    at = folderOf(at.slice(0, -1));
  }
}

/**
 * One Terraform / OpenTofu / Terragrunt file → calls, role definitions, facts and the variables it
 * defines. Reads `provider "aws"` assume_role blocks (a chain when there are several),
 * `assume_role_with_web_identity`, `terraform { backend "s3" }` (nested and legacy keys),
 * `resource "aws_iam_role"`, Terragrunt's iam_* attributes, `remote_state` and `generate` blocks.
 */
import type { Node, Tree } from 'web-tree-sitter';
import type { AssumeRoleCall, CallContext, CallParameter, ExtractionProblem, ExtractionResult, Fact, Operation, RoleDefinition, RoleProperty, SourceComment, Span, StsMember, ValueNode } from '@rolecall/core';
import { FACT_INVALID_DURATION, toParameter, type Attribute } from './convert.js';
import { attributes, blockHead, blocks, bodyOf, labels, type RawAttribute } from './hcl.js';
import { ASSUME_ROLE_KEYS, GO_DURATION_KEYS, GO_SDK_SESSION, implicitSession, LEGACY_BACKEND_KEYS, TERRAGRUNT_KEYS, TERRAGRUNT_SESSION, WEB_IDENTITY_KEYS } from './members.js';
import { parse } from './parser.js';
import { spanOf, valueOf } from './values.js';
import { definitionsOf, type FileExports } from './exports.js';
import { preflight } from './limits.js';
import { extractTfvarsJson } from './tfvars-json.js';
import { generatedText, remap } from './generated.js';
import { mentionsAssumeRole, prefilter as prefilterText } from './prefilter.js';

import { EXTRACTOR_ID } from './discovery.js';

export { EXTRACTOR_ID };

export type Grammar = 'terraform' | 'hcl';

export function grammarFor(path: string): Grammar {
  return /\.hcl$/i.test(path) ? 'hcl' : 'terraform';
}


class FileExtraction {
  readonly calls: AssumeRoleCall[] = [];
  readonly roles: RoleDefinition[] = [];
  readonly facts: Fact[] = [];
  constructor(
    readonly path: string,
    readonly text: string,
  ) {}

  attr(raw: RawAttribute): Attribute {
    return { key: raw.key, keySpan: raw.keySpan, value: valueOf(this.text, raw.expression) };
  }

  /** Adds a call from attributes; nothing when none of them is an STS key. */
  call(
    attrs: readonly Attribute[],
    keys: Readonly<Record<string, StsMember>>,
    operation: Operation,
    kind: string,
    span: Span,
    head: Span,
    defaults: { session?: { value: string; origin: string } },
    context?: CallContext,
  ): AssumeRoleCall | undefined {
    const removed = kind === 'terraform-provider';
    const facts: Fact[] = [];
    const parameters: CallParameter[] = [];
    const seen = new Set<StsMember>();
    for (const attr of attrs) {
      if (removed && attr.key === 'duration_seconds') {
        // Removed in AWS provider 5.0 (replaced by the Go duration `duration`): old code still has it.
        const v = attr.value;
        const seconds: Record<string, number> = v.kind === 'literal' && typeof v.value === 'number' ? { seconds: v.value } : {};
        facts.push({ kind: FACT_INVALID_DURATION, span: { start: attr.keySpan.start, end: v.span.end }, data: { key: attr.key, value: this.text.slice(v.span.start, v.span.end), reason: 'removed-duration-seconds', ...seconds } });
        continue;
      }
      const member = keys[attr.key];
      if (member === undefined || seen.has(member)) continue;
      const p = toParameter(attr, member, GO_DURATION_KEYS.has(attr.key), (v) => this.text.slice(v.span.start, v.span.end), facts);
      // A `null` value is unset: the member stays free for the tool's default below.
      if (p === undefined && !(attr.value.kind === 'literal' && attr.value.value === null)) seen.add(member);
      if (p !== undefined) {
        seen.add(member);
        parameters.push(p);
      }
    }
    if (operation === 'AssumeRoleWithWebIdentity' && !seen.has('WebIdentityToken')) {
      const file = attrs.find((a) => a.key === 'web_identity_token_file');
      // The token is read from that file at run time: known to exist, not known in value.
      if (file !== undefined) parameters.push({ member: 'WebIdentityToken', key: file.key, keySpan: file.keySpan, value: { kind: 'reference', text: `contents of ${this.text.slice(file.value.span.start, file.value.span.end)}`, span: file.value.span } });
    }
    if (parameters.length === 0 && facts.length === 0) return undefined;
    if (!seen.has('RoleSessionName') && defaults.session !== undefined) parameters.push(implicitSession(defaults.session, head));
    const call: AssumeRoleCall = {
      id: `${EXTRACTOR_ID}:${this.calls.length}`,
      file: this.path,
      extractor: EXTRACTOR_ID,
      kind,
      operation,
      span,
      parameters,
      ...(context !== undefined ? { context } : {}),
      ...(facts.length > 0 ? { facts } : {}),
    };
    this.calls.push(call);
    return call;
  }

  provider(block: Node): void {
    const body = bodyOf(block);
    const chain = blocks(body, 'assume_role');
    let first: AssumeRoleCall | undefined;
    chain.forEach((link, i) => {
      // Provider 5.67.0+ assumes repeated blocks in order, each with the previous hop's
      // credentials: every later link is role chaining (STS caps it at one hour).
      const context: CallContext | undefined =
        i > 0 && first !== undefined ? { roleChaining: true, chainedFrom: { file: this.path, span: first.span, message: 'The role chain starts at this assume_role block.' } } : undefined;
      const call = this.call(attributes(bodyOf(link)).map((a) => this.attr(a)), ASSUME_ROLE_KEYS, 'AssumeRole', 'terraform-provider', spanOf(link), spanOf(blockHead(link)), { session: GO_SDK_SESSION }, context);
      if (i === 0) first = call;
    });
    for (const web of blocks(body, 'assume_role_with_web_identity')) {
      this.call(attributes(bodyOf(web)).map((a) => this.attr(a)), WEB_IDENTITY_KEYS, 'AssumeRoleWithWebIdentity', 'terraform-provider', spanOf(web), spanOf(blockHead(web)), { session: GO_SDK_SESSION });
    }
    // `dynamic "assume_role" { for_each = … content { … } }`: how many blocks it makes is known only
    // at plan time, so its content is one call, not a chain; its values are mostly `each`-style references.
    for (const dynamic of blocks(body, 'dynamic')) {
      const label = labels(dynamic)[0];
      const content = blocks(bodyOf(dynamic), 'content')[0];
      if (content === undefined || (label !== 'assume_role' && label !== 'assume_role_with_web_identity')) continue;
      const web = label === 'assume_role_with_web_identity';
      const attrs = attributes(bodyOf(content)).map((a) => this.attr(a));
      this.call(attrs, web ? WEB_IDENTITY_KEYS : ASSUME_ROLE_KEYS, web ? 'AssumeRoleWithWebIdentity' : 'AssumeRole', 'terraform-provider', spanOf(dynamic), spanOf(blockHead(dynamic)), { session: GO_SDK_SESSION });
    }
  }

  /** The S3 backend's settings, from a `backend "s3"` body or Terragrunt's `remote_state` config object. */
  s3Backend(attrs: readonly Attribute[], span: Span, head: Span, kind: string): void {
    for (const attr of attrs) {
      if (attr.value.kind !== 'object') continue;
      const inner: Attribute[] = attr.value.entries.map((e) => ({ key: e.key, keySpan: e.keySpan, value: e.value }));
      if (attr.key === 'assume_role') this.call(inner, ASSUME_ROLE_KEYS, 'AssumeRole', kind, attr.value.span, attr.keySpan, { session: GO_SDK_SESSION });
      else if (attr.key === 'assume_role_with_web_identity') this.call(inner, WEB_IDENTITY_KEYS, 'AssumeRoleWithWebIdentity', kind, attr.value.span, attr.keySpan, { session: GO_SDK_SESSION });
    }
    // Legacy top-level keys assume a role only when role_arn is given.
    if (attrs.some((a) => a.key === 'role_arn')) this.call(attrs, LEGACY_BACKEND_KEYS, 'AssumeRole', kind, span, head, { session: GO_SDK_SESSION });
  }

  role(block: Node, name: string): void {
    const attrs = attributes(bodyOf(block));
    const prop = (key: string): RoleProperty | undefined => {
      const raw = attrs.find((a) => a.key === key);
      return raw === undefined ? undefined : { key: raw.key, keySpan: raw.keySpan, value: valueOf(this.text, raw.expression) };
    };
    const name_ = prop('name');
    const namePrefix = prop('name_prefix');
    const path = prop('path');
    const max = prop('max_session_duration');
    const trust = prop('assume_role_policy');
    this.roles.push({
      id: `${EXTRACTOR_ID}:role:${this.roles.length}`,
      file: this.path,
      extractor: EXTRACTOR_ID,
      kind: 'terraform-aws-iam-role',
      span: spanOf(block),
      handles: [`aws_iam_role.${name}`],
      ...(name_ ? { name: name_ } : {}),
      ...(namePrefix ? { namePrefix } : {}),
      ...(path ? { path } : {}),
      ...(max ? { maxSessionDuration: max } : {}),
      ...(trust ? { trustPolicy: trust } : {}),
    });
  }

  /**
   * A Terragrunt `generate` block: its contents extracted as Terraform and moved back into this
   * file. Terragrunt assumes `iam_role` before running Terraform, so a provider's assume_role in
   * the generated file is a chained hop from that role.
   */
  generated(block: Node, problems: ExtractionProblem[]): void {
    const contents = attributes(bodyOf(block)).find((a) => a.key === 'contents');
    const generated = contents === undefined ? undefined : generatedText(this.text, contents.expression);
    if (generated === undefined || generated.offsets === undefined || !prefilterText(generated.value as string)) return;
    const sub = remap(extractTerraform(this.path, generated.value as string, false), generated.offsets.table);
    const iamRole = this.calls.find((c) => c.kind === 'terragrunt')?.parameters.find((p) => p.member === 'RoleArn');
    for (const call of sub.calls) {
      const chained: CallContext | undefined =
        iamRole !== undefined && call.kind === 'terraform-provider' && call.context === undefined
          ? { roleChaining: true, chainedFrom: { file: this.path, span: { start: iamRole.keySpan?.start ?? iamRole.value.span.start, end: iamRole.value.span.end }, message: 'Terragrunt assumes this iam_role first; the generated provider then chains from it.' } }
          : undefined;
      this.calls.push({ ...call, id: `${EXTRACTOR_ID}:${this.calls.length}`, kind: `terragrunt-generate/${call.kind}`, ...(chained !== undefined ? { context: chained } : {}) });
    }
    for (const role of sub.roles) this.roles.push({ ...role, id: `${EXTRACTOR_ID}:role:${this.roles.length}` });
    problems.push(...sub.problems.map((p) => ({ ...p, message: `In the file this generate block writes: ${p.message}` })));
  }

  terragrunt(top: readonly RawAttribute[], topBlocks: readonly Node[]): void {
    const present = top.filter((a) => TERRAGRUNT_KEYS[a.key] !== undefined);
    if (present.length > 0) {
      const attrs = present.map((a) => this.attr(a));
      const web = attrs.some((a) => a.key === 'iam_web_identity_token');
      const span = { start: present[0]!.node.startIndex, end: present[present.length - 1]!.node.endIndex };
      this.call(attrs, TERRAGRUNT_KEYS, web ? 'AssumeRoleWithWebIdentity' : 'AssumeRole', 'terragrunt', span, present[0]!.keySpan, { session: TERRAGRUNT_SESSION });
    }
    const remoteStates: { attrs: Attribute[]; span: Span; head: Span }[] = [];
    for (const block of topBlocks) {
      if (blockHead(block).text === 'remote_state') remoteStates.push({ attrs: attributes(bodyOf(block)).map((a) => this.attr(a)), span: spanOf(block), head: spanOf(blockHead(block)) });
    }
    for (const raw of top) {
      if (raw.key !== 'remote_state') continue;
      const v = this.attr(raw).value;
      if (v.kind === 'object') remoteStates.push({ attrs: v.entries.map((e) => ({ key: e.key, keySpan: e.keySpan, value: e.value })), span: v.span, head: raw.keySpan });
    }
    for (const rs of remoteStates) {
      const backend = rs.attrs.find((a) => a.key === 'backend')?.value;
      const config = rs.attrs.find((a) => a.key === 'config')?.value;
      if (backend?.kind !== 'literal' || backend.value !== 's3' || config?.kind !== 'object') continue;
      this.s3Backend(
        config.entries.map((e) => ({ key: e.key, keySpan: e.keySpan, value: e.value })),
        config.span,
        rs.head,
        'terragrunt-remote-state',
      );
    }
  }
}


/** Comment text without `#`, `//` or `/* *\/`. */
function commentText(raw: string): string {
  if (raw.startsWith('#')) return raw.slice(1);
  if (raw.startsWith('//')) return raw.slice(2);
  if (raw.startsWith('/*')) return raw.slice(2, raw.endsWith('*/') ? -2 : undefined);
  return raw;
}

/** The first ERROR or MISSING node, descending only into subtrees that contain one. */
function firstError(root: Node): ExtractionProblem | undefined {
  let node: Node | null = root;
  while (node !== null) {
    if (node.isMissing) return { message: `Syntax error: expected ${JSON.stringify(node.type)} here; Terraform would reject this file.`, span: { start: node.startIndex, end: node.startIndex } };
    if (node.type === 'ERROR') {
      // Point at the token where recovery began, not the whole swallowed region.
      const first = node.children.find((c): c is Node => c !== null && c.endIndex > c.startIndex) ?? node;
      const end = Math.max(Math.min(first.endIndex, node.endIndex, first.startIndex + 40), first.startIndex + 1);
      // tree-sitter tells where recovery began, not what was expected: quote the text there.
      const near = node.text.split('\n')[0]!.slice(0, 40).trimEnd();
      return { message: `Syntax error near ${JSON.stringify(near)}; Terraform would reject this file.`, span: { start: first.startIndex, end } };
    }
    node = node.children.find((c): c is Node => c !== null && (c.hasError || c.isMissing)) ?? null;
  }
  return undefined;
}

export interface TerraformExtraction extends ExtractionResult {
  readonly calls: AssumeRoleCall[];
  readonly roles: RoleDefinition[];
  readonly facts: Fact[];
  readonly exports?: FileExports;
}

/**
 * Extracts one file. The parser must be loaded (`loadParser`). `generate` is false for the text of
 * a Terragrunt `generate` block, which is extracted on its own but generates nothing further.
 */
export function extractTerraform(path: string, text: string, generate = true): TerraformExtraction {
  if (/\.tfvars\.json$/i.test(path)) {
    const json = extractTfvarsJson(text);
    return { calls: [], roles: [], facts: [], comments: [], problems: json.problems, ...(json.exports !== undefined ? { exports: json.exports } : {}) };
  }
  const limited = preflight(text);
  if (limited !== undefined) return { calls: [], roles: [], facts: [], comments: [], problems: [limited] };
  const tree: Tree = parse(text, generate ? grammarFor(path) : 'terraform');
  try {
    const root = tree.rootNode;
    const comments: SourceComment[] = root.descendantsOfType('comment').flatMap((c) => (c === null ? [] : [{ text: commentText(c.text), span: spanOf(c) }]));
    const problems: ExtractionProblem[] = [];
    if (root.hasError && mentionsAssumeRole(text)) {
      const p = firstError(root);
      if (p !== undefined) problems.push(p);
    }
    const x = new FileExtraction(path, text);
    const body = bodyOf(root);
    const top = attributes(body);
    const topBlocks = blocks(body);
    for (const block of topBlocks) {
      const type = blockHead(block).text;
      const ls = labels(block);
      if (type === 'provider' && ls[0] === 'aws') x.provider(block);
      else if (type === 'terraform') {
        for (const backend of blocks(bodyOf(block), 'backend')) {
          if (labels(backend)[0] === 's3') x.s3Backend(attributes(bodyOf(backend)).map((a) => x.attr(a)), spanOf(backend), spanOf(blockHead(backend)), 'terraform-backend-s3');
        }
      } else if (type === 'resource' && ls[0] === 'aws_iam_role' && ls[1] !== undefined) x.role(block, ls[1]);
    }
    x.terragrunt(top, topBlocks);
    if (generate) for (const block of topBlocks) if (blockHead(block).text === 'generate') x.generated(block, problems);
    const exports = definitionsOf(path, text, top, topBlocks);
    return { calls: x.calls, roles: x.roles, facts: x.facts, comments, problems, ...(exports !== undefined ? { exports } : {}) };
  } finally {
    tree.delete();
  }
}

/**
 * Cheap test before parsing: a key this extractor reads, a definition other files may use
 * (`variable "x"`, `locals {`), a top-level assignment at column 0 (tfvars, Terragrunt), or a
 * JSON object (`.tfvars.json`; only files the `files` globs match reach the prefilter).
 */
const PREFILTER = /assume_role|aws_iam_role|iam_role|iam_assume_role|iam_web_identity_token|role_arn|\bvariable\s+"|\blocals\s*\{|^[A-Za-z_][\w-]*[ \t]*=|^\s*\{\s*"[A-Za-z_][\w-]*"\s*:/m;

export function prefilter(text: string): boolean {
  return PREFILTER.test(text);
}

/**
 * Whether a file mentions anything this extractor reads (not only definitions). Syntax errors are
 * reported only in such files, as the JSON extractor reports none in files that are not inputs:
 * Packer or Nomad HCL, template files (`{{ .Var }}`) and other tools' fixtures are not ours to judge.
 */
const RELEVANT = /assume_role|aws_iam_role|iam_role|iam_assume_role|iam_web_identity_token|role_arn/;

export function mentionsAssumeRole(text: string): boolean {
  return RELEVANT.test(text);
}

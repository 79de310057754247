import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lintFiles } from '../src/lint.js';

let root: string;
const LINE = 'aws sts assume-role --role-arn arn:aws:iam::731902345678:role/x --role-session-name "a b"';

before(() => {
  root = mkdtempSync(join(tmpdir(), 'rolecall-ci-files-'));
  mkdirSync(join(root, 'ci'));
  writeFileSync(join(root, '.gitlab-ci.yml'), `job:\n  script:\n    - ${LINE}\n`);
  writeFileSync(join(root, 'ci/deploy.gitlab-ci.yml'), `.hidden:\n  script: ${LINE}\n`);
  writeFileSync(join(root, 'buildspec.yml'), `phases:\n  build:\n    commands:\n      - ${LINE}\n`);
  writeFileSync(join(root, 'ci/buildspec-prod.yaml'), `phases:\n  build:\n    finally:\n      - ${LINE}\n`);
  // A folder of buildspecs (as aws-ia's Account Factory for Terraform lays them out), and a YAML file there that is not one.
  mkdirSync(join(root, 'ci/buildspecs'));
  writeFileSync(join(root, 'ci/buildspecs/deploy-account.yml'), `version: 0.2\nphases:\n  pre_build:\n    commands:\n      - |\n        if true; then\n          ${LINE}\n        fi\n`);
  writeFileSync(join(root, 'ci/buildspecs/settings.yml'), `commands:\n  - ${LINE}\n`);
  // The same text under names no CI reads: not read as GitLab CI or a buildspec.
  writeFileSync(join(root, 'ci/gitlab.yml'), `job:\n  script:\n    - ${LINE}\n`);
  writeFileSync(join(root, 'ci/build.yml'), `phases:\n  build:\n    commands:\n      - ${LINE}\n`);
});
after(() => rmSync(root, { recursive: true, force: true }));

describe('GitLab CI files and buildspecs in a directory run', () => {
  it('are discovered by name and read by their extractor; other YAML names are not', async () => {
    const run = await lintFiles(['.'], { cwd: root, configFile: false });
    assert.deepEqual(
      run.results.filter((r) => r.diagnostics.length > 0).map((r) => [r.filePath, r.diagnostics.map((d) => `${d.ruleId}@${d.location.start.line}:${d.location.start.column} ${d.source?.extractor ?? ''}`)]),
      [
        ['.gitlab-ci.yml', ['valid-role-session-name@3:93 gitlab-ci']],
        ['buildspec.yml', ['valid-role-session-name@4:95 codebuild']],
        ['ci/buildspec-prod.yaml', ['valid-role-session-name@4:95 codebuild']],
        ['ci/buildspecs/deploy-account.yml', ['valid-role-session-name@7:97 codebuild']],
        ['ci/deploy.gitlab-ci.yml', ['valid-role-session-name@2:97 gitlab-ci']],
      ],
    );
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { escapeData, escapeProperty, github } from '../src/index.js';
import { CONTEXT, RESULTS } from './fixtures.js';

describe('github', () => {
  test('one workflow command per finding', () => {
    assert.equal(
      github(RESULTS, CONTEXT),
      [
        "::error file=examples/bad.json,line=3,col=26,endLine=3,endColumn=27,title=valid-role-session-name::RoleSessionName contains ' ' at index 3; STS accepts only letters, digits and +=,.@_-.",
        '::warning file=examples/bad.json,line=4,col=22,endLine=4,endColumn=24,title=valid-duration-seconds::DurationSeconds is 90; STS accepts 900 to 43200.',
        '::error file=examples/broken.json,line=3,col=1,endLine=3,endColumn=2,title=parse-error::Value expected.',
        '',
      ].join('\n'),
    );
    assert.equal(github([RESULTS[2]!], CONTEXT), '');
  });

  test('escapes data and properties as @actions/core does', () => {
    assert.equal(escapeData('50% done\r\nnext: a,b'), '50%25 done%0D%0Anext: a,b');
    assert.equal(escapeProperty('C:\\dir\\a,b.json%'), 'C%3A\\dir\\a%2Cb.json%25');
    const d = { ...RESULTS[0]!.diagnostics[0]!, message: 'line one\nline two: 100%' };
    assert.equal(
      github([{ filePath: '/repo/dir,with:odd/x.json', diagnostics: [d] }], CONTEXT),
      '::error file=dir%2Cwith%3Aodd/x.json,line=3,col=26,endLine=3,endColumn=27,title=valid-role-session-name::line one%0Aline two: 100%25\n',
    );
  });

  test('multi-line findings carry lines only (GitHub rejects columns across lines)', () => {
    const d = RESULTS[0]!.diagnostics[0]!;
    const multi = { ...d, location: { ...d.location, end: { line: 5, column: 2, offset: 120 } } };
    assert.equal(github([{ filePath: 'a.json', diagnostics: [multi] }], CONTEXT), `::error file=a.json,line=3,endLine=5,title=valid-role-session-name::${d.message}\n`);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { escapeXml, junit } from '../src/index.js';
import { CONTEXT, RESULTS } from './fixtures.js';

describe('junit', () => {
  test('one suite per file, one failing case per finding, one passing case per clean file', () => {
    assert.equal(
      junit(RESULTS, CONTEXT),
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="rolecall" tests="4" failures="3" errors="0" time="0">',
        '  <testsuite name="examples/bad.json" tests="2" failures="2" errors="0" skipped="0" time="0">',
        '    <testcase classname="examples/bad.json" name="valid-role-session-name at 3:26" time="0">',
        '      <failure type="error" message="RoleSessionName contains &apos; &apos; at index 3; STS accepts only letters, digits and +=,.@_-.">3:26 error RoleSessionName contains &apos; &apos; at index 3; STS accepts only letters, digits and +=,.@_-. (valid-role-session-name)</failure>',
        '    </testcase>',
        '    <testcase classname="examples/bad.json" name="valid-duration-seconds at 4:22" time="0">',
        '      <failure type="warning" message="DurationSeconds is 90; STS accepts 900 to 43200.">4:22 warning DurationSeconds is 90; STS accepts 900 to 43200. (valid-duration-seconds)</failure>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="examples/broken.json" tests="1" failures="1" errors="0" skipped="0" time="0">',
        '    <testcase classname="examples/broken.json" name="parse-error at 3:1" time="0">',
        '      <failure type="error" message="Value expected.">3:1 error Value expected. (parse-error)</failure>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="examples/good.json" tests="1" failures="0" errors="0" skipped="0" time="0">',
        '    <testcase classname="examples/good.json" name="rolecall" time="0"/>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  test('an empty run is a valid empty document', () => {
    assert.equal(junit([], CONTEXT), ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites name="rolecall" tests="0" failures="0" errors="0" time="0">', '</testsuites>', ''].join('\n'));
  });

  test('escapes markup, quotes, line breaks and characters XML cannot hold', () => {
    assert.equal(escapeXml(`<a href="x">&'</a> ]]>`), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt; ]]&gt;');
    assert.equal(escapeXml('a\r\nb\tc\u0000d\u001be\ud800f😀'), 'a&#13;&#10;b&#9;c\ufffdd\ufffde\ufffdf😀');
    const d = { ...RESULTS[0]!.diagnostics[0]!, message: 'Bad <value> & "quote" \u0007' };
    const out = junit([{ filePath: 'a&b.json', diagnostics: [d] }], CONTEXT);
    assert.ok(out.includes('<testsuite name="a&amp;b.json"'));
    assert.ok(out.includes('message="Bad &lt;value&gt; &amp; &quot;quote&quot; \ufffd"'));
  });
});

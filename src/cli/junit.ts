/** One test case: passed, failed (an expectation not met) or in error (nothing could be checked). */
export interface JunitCase {
  name: string;
  failure?: string;
  error?: string;
}

/** One test suite: an input file for `inspect`, a user and application for `idp check`. */
export interface JunitSuite {
  name: string;
  cases: JunitCase[];
}

/**
 * JUnit XML as CI systems read it (Jenkins, GitLab, GitHub Actions reporters). Every value is
 * escaped; characters XML 1.0 cannot carry at all (C0 controls other than tab and newlines,
 * U+FFFE/U+FFFF, lone surrogates) are written as visible `\uXXXX` text instead.
 */
export function toJunitXml(suites: readonly JunitSuite[]): string {
  const total = count(suites, () => true);
  const failures = count(suites, (c) => c.failure !== undefined);
  const errors = count(suites, (c) => c.error !== undefined);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="saml-roles" tests="${total}" failures="${failures}" errors="${errors}">`,
  ];
  for (const suite of suites) {
    const suiteFailures = suite.cases.filter((c) => c.failure !== undefined).length;
    const suiteErrors = suite.cases.filter((c) => c.error !== undefined).length;
    lines.push(
      `  <testsuite name="${attribute(suite.name)}" tests="${suite.cases.length}" failures="${suiteFailures}" errors="${suiteErrors}">`,
    );
    for (const testCase of suite.cases) {
      const open = `    <testcase classname="${attribute(suite.name)}" name="${attribute(testCase.name)}"`;
      if (testCase.failure !== undefined)
        lines.push(`${open}>`, outcome('failure', testCase.failure), '    </testcase>');
      else if (testCase.error !== undefined)
        lines.push(`${open}>`, outcome('error', testCase.error), '    </testcase>');
      else lines.push(`${open}/>`);
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

function outcome(kind: 'failure' | 'error', message: string): string {
  return `      <${kind} message="${attribute(message)}">${text(message)}</${kind}>`;
}

function count(suites: readonly JunitSuite[], which: (testCase: JunitCase) => boolean): number {
  return suites.reduce((sum, suite) => sum + suite.cases.filter(which).length, 0);
}

// Not in XML 1.0's Char production, so not even a character reference may carry them.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function visible(value: string): string {
  return value.replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Element content: `>` too, so `]]>` cannot appear. */
function text(value: string): string {
  return visible(value).replace(
    /[&<>\r]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' })[c]!,
  );
}

/** Attribute values: whitespace as references too, so a parser's normalisation keeps it. */
function attribute(value: string): string {
  return visible(value).replace(
    /[&<>"'\t\n\r]/g,
    (c) =>
      ({
        '&': '&amp;',
        '<': '&lt;',
        '>': '&gt;',
        '"': '&quot;',
        "'": '&apos;',
        '\t': '&#9;',
        '\n': '&#10;',
        '\r': '&#13;',
      })[c]!,
  );
}

// The --expect and --junit options and their help, apart from the checks: `inspect` loads those
// (yaml, zod) only when one of these options is given, so a plain inspect starts fast.
export const EXPECT_OPTIONS = {
  expect: { type: 'string' },
  junit: { type: 'string' },
} as const;

export const EXPECT_HELP = `  --expect EXPECT.yaml  check what must hold (roles exactly/atLeast/atMost with ARN globs,
             sessionName, attribute values, finding limits); each unmet expectation is an
             error finding, expectation-failed, and the exit code is 1 if any failed
  --junit FILE  write the checks as JUnit XML for CI (mode 0600: it quotes assertion values);
             without --expect the one check is "no error findings"`;

// The modules the worker loads at start, in one chunk. The popup's lazily loaded chunks (the
// history's diff and file decoding, the credentials panel) use many of them too; left to itself
// the bundler splits them by which chunks share them, and the worker, which loads every piece,
// pays each piece's gzip overhead (about 1 KB once the history's diff shared the parser).
// Listed by path: a module listed here that the worker does not use would be loaded with it, and
// the popup + worker budget catches that.
const WORKER_MODULES = new RegExp(
  [
    String.raw`/src/background/.+\.ts$`,
    String.raw`/src/shared/(history|history-settings|credentials-store)\.ts$`,
    String.raw`/src/core/sts/expiry\.ts$`,
    String.raw`/src/core/(encoding|saml|lint|rules)/`,
    String.raw`/src/core/inspect/(parse-decoded|inspect-decoded|inspect-posted-form)\.ts$`,
    String.raw`/src/core/input/(posted-form|form-body|truncation|xml-bytes|xml-root|value)\.ts$`,
    String.raw`/src/core/aws/(arn|role-values|view|partition|attributes)\.ts$`,
    String.raw`/src/core/(errors|limits|group-thousands|clock)\.ts$`,
  ].join('|'),
);

/** A codeSplitting group: the worker's modules together, whoever else imports them. */
export const workerChunk = {
  name: 'worker',
  test: (id: string): boolean => WORKER_MODULES.test(id),
};

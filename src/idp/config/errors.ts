/**
 * A configuration problem, one line naming the file, the entry and what is wrong, e.g.
 * `idp.yaml: applications[0] (aws) mappings[1] (Role): expression threw: x is not defined`.
 */
export class IdpConfigError extends Error {
  override readonly name = 'IdpConfigError';
}

/** Builds the `file: entry: problem` message every config error uses. */
export function configProblem(source: string, entry: string, problem: string): IdpConfigError {
  return new IdpConfigError(entry ? `${source}: ${entry}: ${problem}` : `${source}: ${problem}`);
}

import { AWS_ATTRIBUTES, readRolePairs } from '../../core/inspect.ts';
import { CompiledApplication, MappingError } from '../mapping/evaluate.ts';
import { canUse } from '../mapping/expression-input.ts';
import { IdpConfigError } from './errors.ts';
import type { IdpConfig } from './types.ts';

/**
 * Compiles every expression and maps every user through every application they may use, so a
 * mapping that throws, runs too long or yields a bad Role ARN stops start-up instead of a login.
 */
export function compileAndCheck(config: IdpConfig): Map<string, CompiledApplication> {
  const compiled = new Map<string, CompiledApplication>();
  for (const app of config.applications) {
    const application = asConfigError(() => new CompiledApplication(config, app));
    compiled.set(app.slug, application);
    for (const user of config.users.filter((u) => canUse(u, app))) {
      const output = asConfigError(() => application.map(user));
      const roleValues = output.attributes
        .filter((a) => a.name === AWS_ATTRIBUTES.role)
        .flatMap((a) => a.values);
      const problem = readRolePairs(roleValues).problems[0];
      if (problem) {
        throw new IdpConfigError(
          `${config.source}: application ${app.slug}, mapping ${AWS_ATTRIBUTES.role}: for user ${user.username}, value ${problem.index + 1} "${problem.value}": ${problem.reason}`,
        );
      }
    }
  }
  return compiled;
}

function asConfigError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof MappingError) throw new IdpConfigError(error.message);
    throw error;
  }
}

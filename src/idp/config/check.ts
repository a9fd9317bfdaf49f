import { AWS_ATTRIBUTES, readRolePairs } from '../../core/inspect.ts';
import { CompiledApplication, MappingError } from '../mapping/evaluate.ts';
import { canUse } from '../mapping/expression-input.ts';
import { desiredState } from '../scim/desired-state.ts';
import { IdpConfigError } from './errors.ts';
import type { IdpConfig } from './types.ts';

/** Every application compiled, and what the check found worth saying without stopping. */
export interface CheckedApplications {
  compiled: Map<string, CompiledApplication>;
  /** An attribute AWS requires that came out empty, per application and user. */
  warnings: string[];
}

/**
 * Compiles every expression and maps every user through every application they may use, so a
 * mapping that throws, runs too long or yields a bad Role ARN stops start-up instead of a login.
 */
export function compileAndCheck(config: IdpConfig): CheckedApplications {
  const compiled = new Map<string, CompiledApplication>();
  const warnings: string[] = [];
  for (const app of config.applications) {
    const application = asConfigError(() => new CompiledApplication(config, app));
    compiled.set(app.slug, application);
    for (const user of config.users.filter((u) => canUse(u, app))) {
      const output = asConfigError(() => application.map(user));
      warnings.push(...output.warnings);
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
  for (const app of config.applications) {
    // SCIM mappings too: a broken one stops start-up, not the first sync.
    if (app.scim) asConfigError(() => desiredState(config, app));
  }
  return { compiled, warnings };
}

function asConfigError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof MappingError) throw new IdpConfigError(error.message);
    throw error;
  }
}

import { randomBytes } from 'node:crypto';
import type { AttributeMapping, IdpApplication, IdpConfig, IdpUser } from '../config/types.ts';
import { CompiledExpression, ExpressionError } from './expressions.ts';
import { likelyTypo, requiredByAws } from './empty-required.ts';
import { expressionInput } from './expression-input.ts';

/** One attribute as it goes into the assertion. */
export interface MappedAttribute {
  name: string;
  friendlyName?: string;
  values: string[];
}

export interface MappingOutput {
  nameId: string;
  attributes: MappedAttribute[];
  /**
   * An attribute AWS requires that came out empty for this user, one line each naming the
   * application, the mapping, the user and the likely typo; no attribute value is repeated.
   */
  warnings: string[];
}

/** A mapping or NameID failure, naming the file, the application and the mapping. */
export class MappingError extends Error {
  override readonly name = 'MappingError';
}

interface CompiledMapping {
  mapping: AttributeMapping;
  expression?: CompiledExpression;
}

/** An application whose expressions are compiled once, ready to map any user. */
export class CompiledApplication {
  private readonly mappings: CompiledMapping[];
  private readonly nameIdExpression?: CompiledExpression;

  constructor(
    private readonly config: IdpConfig,
    readonly app: IdpApplication,
  ) {
    this.mappings = app.mappings.map((mapping) => ({
      mapping,
      ...(mapping.expression !== undefined
        ? { expression: this.compile(mapping.expression, this.where(mapping.name)) }
        : {}),
    }));
    if (app.nameId !== undefined)
      this.nameIdExpression = this.compile(app.nameId, this.where('nameId'));
  }

  /** Computes the NameID and every attribute for a user; throws MappingError naming what failed. */
  map(user: IdpUser): MappingOutput {
    const input = expressionInput(this.config, user, this.app);
    const attributes: MappedAttribute[] = [];
    const warnings: string[] = [];
    for (const { mapping, expression } of this.mappings) {
      const values = expression
        ? this.run(expression, input, mapping.name)
        : staticValues(mapping.value);
      if (!values) {
        const required = requiredByAws(mapping.name);
        if (required) warnings.push(this.emptyWarning(mapping, required, input));
        continue;
      }
      attributes.push({
        name: mapping.name,
        ...(mapping.friendlyName ? { friendlyName: mapping.friendlyName } : {}),
        values,
      });
    }
    return { nameId: this.nameId(user, input), attributes, warnings };
  }

  private emptyWarning(
    mapping: AttributeMapping,
    required: string,
    input: ReturnType<typeof expressionInput>,
  ): string {
    const typo = mapping.expression !== undefined ? likelyTypo(mapping.expression, input) : '';
    return `${this.where(mapping.name)}: empty for user ${input.user.username}, so AWS will refuse the sign-in (${required} is required)${typo ? `; ${typo}` : ''}`;
  }

  private nameId(user: IdpUser, input: ReturnType<typeof expressionInput>): string {
    if (this.nameIdExpression) {
      const values = this.run(this.nameIdExpression, input, 'nameId');
      if (!values || values.length !== 1)
        throw new MappingError(
          `${this.where('nameId')}: nameId expression must return one non-empty string`,
        );
      return values[0]!;
    }
    switch (this.app.nameIdFormat) {
      case 'transient':
        return `_${randomBytes(16).toString('hex')}`;
      case 'emailAddress':
        if (!user.email)
          throw new MappingError(
            `${this.where('nameId')}: user "${user.username}" has no email for the emailAddress NameID`,
          );
        return user.email;
      default:
        return user.username;
    }
  }

  private run(
    expression: CompiledExpression,
    input: ReturnType<typeof expressionInput>,
    mappingName: string,
  ): string[] | null {
    try {
      return expression.run(input);
    } catch (error) {
      const reason = error instanceof ExpressionError ? error.message : String(error);
      throw new MappingError(`${this.where(mappingName)}: ${reason} (user ${input.user.username})`);
    }
  }

  private compile(body: string, label: string): CompiledExpression {
    try {
      return new CompiledExpression(body, label);
    } catch (error) {
      throw new MappingError(`${label}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private where(mappingName: string): string {
    return `${this.config.source}: application ${this.app.slug}, mapping ${mappingName}`;
  }
}

function staticValues(value: string | string[] | undefined): string[] | null {
  const values = (Array.isArray(value) ? value : [value ?? '']).filter((v) => v !== '');
  return values.length > 0 ? values : null;
}

import type { RolePair } from '../../core/credentials.ts';
import {
  type AwsView,
  buildAwsView,
  decodeInput,
  expiresAt,
  isSamlInputError,
  parseDecoded,
} from '../../core/inspect.ts';
import { CliError, EXIT } from '../io.ts';

/** Decodes the input and reads its roles; undecodable input or no role is a usage error. */
export function readAssertion(
  text: string,
  name: string,
): { aws: AwsView; samlResponse: string; expiresAt?: number } {
  try {
    const decoded = decodeInput(text);
    const saml = parseDecoded(decoded);
    const aws = buildAwsView(saml);
    if (aws.roles.length === 0)
      throw new CliError(
        `${name}: the assertion has no usable Role value, so there is no role to assume (see 'saml-roles inspect')`,
        EXIT.usage,
      );
    const expiry = expiresAt(saml);
    return {
      aws,
      samlResponse: decoded.samlResponse,
      ...(expiry ? { expiresAt: expiry.getTime() } : {}),
    };
  } catch (error) {
    if (isSamlInputError(error))
      throw new CliError(`${name}: cannot decode: ${error.message}`, EXIT.usage);
    throw error;
  }
}

/** The role of that ARN; the error lists some of the roles and how to see them all. */
export function findRole(aws: AwsView, roleArn: string, name: string): RolePair {
  const role = aws.roles.find((r) => r.roleArn === roleArn);
  if (role) return role;
  const shown = aws.roles.slice(0, 5).map((r) => r.roleArn);
  const more =
    aws.roles.length > shown.length ? ` and ${aws.roles.length - shown.length} more` : '';
  throw new CliError(
    `--role ${roleArn} is not one of the assertion's roles (${shown.join(', ')}${more}); list them with 'saml-roles inspect ${name === 'stdin' ? '-' : name}'`,
    EXIT.usage,
  );
}

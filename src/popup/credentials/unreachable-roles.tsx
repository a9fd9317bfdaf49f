import type { RolePair } from '../../core/credentials.ts';

export interface UnreachableRolesProps {
  /** Each role the tool will not send to STS, with the reason. */
  roles: readonly { role: RolePair; message: string }[];
}

/** Roles in a partition the tool cannot reach: said plainly, with no form to send them anywhere. */
export function UnreachableRoles({ roles }: UnreachableRolesProps) {
  return (
    <ul class="role-results">
      {roles.map(({ role, message }) => (
        <li key={role.roleArn} data-testid="unreachable-role" data-role-arn={role.roleArn}>
          <p class="field-error" role="alert">
            {message}
          </p>
        </li>
      ))}
    </ul>
  );
}

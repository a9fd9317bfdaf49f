import {
  type AssertionDiff,
  type AttributeChange,
  isSameMeaning,
  type RolePair,
  visibleText,
} from '../../core/inspect.ts';

export interface DiffViewProps {
  /** What each side is, e.g. "alice at 14:03:12 (tab 12)" or a file's name. */
  before: string;
  after: string;
  diff: AssertionDiff;
}

/**
 * What `diffInspections` found, section by section, as text only. Every value goes through
 * `visibleText`, so a control or bidi character in an assertion cannot reorder what is shown.
 */
export function DiffView({ before, after, diff }: DiffViewProps) {
  const { roles, attributes, facts, findings } = diff;
  return (
    <div class="diff" data-testid="diff">
      <p class="diff-sides">
        From <strong data-testid="diff-before">{before}</strong> to{' '}
        <strong data-testid="diff-after">{after}</strong>
      </p>
      {isSameMeaning(diff) ? (
        <p class="diff-same" role="status" data-testid="diff-same">
          Same meaning: roles, attributes, session facts and findings agree (IDs, instants and
          signature values are not compared).
        </p>
      ) : (
        <p class="sr-only" role="status">
          The two assertions differ.
        </p>
      )}
      {(roles.added.length > 0 || roles.removed.length > 0) && (
        <section data-testid="diff-roles">
          <h2>
            Roles: {roles.added.length} added, {roles.removed.length} removed
          </h2>
          {byAccount(roles.added, roles.removed).map(([accountId, changes]) => (
            <div key={accountId} data-account-id={accountId}>
              <h3>Account {accountId}</h3>
              <ul class="diff-list">
                {changes.map(([change, role]) => (
                  <li
                    key={`${change}${role.roleArn}${role.providerArn}`}
                    class={change}
                    data-testid="diff-role"
                    data-change={change}
                    data-role-arn={role.roleArn}
                  >
                    <Mark change={change} /> {visibleText(role.roleName)}{' '}
                    <span class="muted">(provider {visibleText(role.providerName)})</span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
      {attributes.length > 0 && (
        <section data-testid="diff-attributes">
          <h2>Attributes: {attributes.length} changed</h2>
          <dl class="facts attributes">
            {attributes.map((change) => (
              <div key={change.name} data-attribute={change.name}>
                <dt>{visibleText(change.name)}</dt>
                <dd>
                  <AttributeValues change={change} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {facts.length > 0 && (
        <section data-testid="diff-facts">
          <h2>Session facts, conditions and signatures: {facts.length} changed</h2>
          <table class="diff-facts">
            <thead>
              <tr>
                <th scope="col">Fact</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {facts.map((fact) => (
                <tr key={fact.field} data-field={fact.field}>
                  <th scope="row">{fact.field}</th>
                  <td>
                    <FactValue value={fact.before} />
                  </td>
                  <td>
                    <FactValue value={fact.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {(findings.added.length > 0 || findings.removed.length > 0) && (
        <section data-testid="diff-findings">
          <h2>
            Findings: {findings.added.length} appeared, {findings.removed.length} gone
          </h2>
          <ul class="diff-list">
            {[
              ...findings.added.map((f) => ['added', f] as const),
              ...findings.removed.map((f) => ['removed', f] as const),
            ].map(([change, finding], index) => (
              <li key={index} class={change} data-change={change} data-code={finding.code}>
                <Mark change={change} /> <span class="severity">{finding.severity}</span>{' '}
                <code>{finding.code}</code> {visibleText(finding.message)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

type Change = 'added' | 'removed';

/** A sign that is also read out: "+" alone says nothing to a screen reader. */
function Mark({ change }: { change: Change }) {
  return (
    <>
      <span aria-hidden="true">{change === 'added' ? '+' : '−'}</span>
      <span class="sr-only">{change === 'added' ? 'added:' : 'removed:'}</span>
    </>
  );
}

/** One value in, one out is a change of that value; anything else is listed as added and removed. */
function AttributeValues({ change }: { change: AttributeChange }) {
  const { added, removed } = change;
  if (added.length === 1 && removed.length === 1)
    return (
      <div data-change="changed">
        changed: {visibleText(JSON.stringify(removed[0]))} → {visibleText(JSON.stringify(added[0]))}
      </div>
    );
  return (
    <ul class="diff-list">
      {added.map((value, i) => (
        <li key={`+${i}`} class="added" data-change="added">
          <Mark change="added" /> {visibleText(JSON.stringify(value))}
        </li>
      ))}
      {removed.map((value, i) => (
        <li key={`-${i}`} class="removed" data-change="removed">
          <Mark change="removed" /> {visibleText(JSON.stringify(value))}
        </li>
      ))}
    </ul>
  );
}

/** Facts with several lines (audiences, signatures) keep one per line; absent reads "(none)". */
function FactValue({ value }: { value: string | null }) {
  if (value === null) return <span class="muted">(none)</span>;
  return (
    <>
      {value.split('\n').map((line, i) => (
        <div key={i}>{visibleText(line)}</div>
      ))}
    </>
  );
}

/** Added and removed roles together, per account, accounts in the order first seen. */
function byAccount(added: readonly RolePair[], removed: readonly RolePair[]) {
  const groups = new Map<string, [Change, RolePair][]>();
  const put = (change: Change, role: RolePair) => {
    const group = groups.get(role.accountId);
    if (group) group.push([change, role]);
    else groups.set(role.accountId, [[change, role]]);
  };
  for (const role of added) put('added', role);
  for (const role of removed) put('removed', role);
  return [...groups];
}

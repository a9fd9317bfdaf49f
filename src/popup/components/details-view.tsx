import { useState } from 'preact/hooks';
// Report modules imported directly so the popup bundle does not pull in the parser.
import {
  type Inspection,
  sessionFacts,
  toJsonReport,
  toMarkdownReport,
} from '../../core/inspect.ts';
import { contextKeysByProvider } from '../../core/policy.ts';
import { ContextKeysSection } from './context-keys-section.tsx';

export interface DetailsViewProps {
  inspection: Inspection;
  copyText(text: string): Promise<void>;
}

/** Everything in the assertion and every finding, as text only, with copy buttons. */
function contextKeysSectionProps(inspection: Inspection) {
  const { keys, omitted } = contextKeysByProvider(inspection);
  return { byProvider: keys, omitted };
}

export function DetailsView({ inspection, copyText }: DetailsViewProps) {
  const [includeRaw, setIncludeRaw] = useState(false);
  const [copied, setCopied] = useState('');
  const copy = (label: string, text: string, withRaw = false): void => {
    copyText(text).then(
      () => setCopied(`${label} copied${withRaw ? ' (with the raw SAMLResponse)' : ''}`),
      (error: unknown) =>
        setCopied(`Copy failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  const { saml, findings, aws } = inspection;
  return (
    <div class="details" data-testid="details">
      <div class="copy-bar">
        <button
          type="button"
          data-testid="copy-json"
          onClick={() =>
            copy(
              'JSON',
              `${JSON.stringify(toJsonReport(inspection, { includeRaw }), null, 2)}\n`,
              includeRaw,
            )
          }
        >
          Copy JSON
        </button>
        <button
          type="button"
          data-testid="copy-markdown"
          onClick={() => copy('Markdown', toMarkdownReport(inspection, { includeRaw }), includeRaw)}
        >
          Copy Markdown
        </button>
        {/* History keeps no SAMLResponse: nothing to include then. */}
        {inspection.input.samlResponse && (
          <label title="The SAMLResponse is a bearer credential until it expires">
            <input
              type="checkbox"
              data-testid="include-raw"
              checked={includeRaw}
              onChange={(e) => setIncludeRaw(e.currentTarget.checked)}
            />{' '}
            include raw SAMLResponse
          </label>
        )}
        <span class="copied" role="status" data-testid="copied">
          {copied}
        </span>
      </div>
      <h2>Findings ({findings.length})</h2>
      {findings.length === 0 ? (
        <p class="muted">No problems found.</p>
      ) : (
        <ul class="findings" data-testid="findings">
          {findings.map((finding, index) => (
            <li key={index} class={`finding ${finding.severity}`} data-code={finding.code}>
              <div>
                <span class="severity">{finding.severity}</span> <code>{finding.code}</code>{' '}
                {finding.message}
              </div>
              <div class="fix">Fix: {finding.fix}</div>
            </li>
          ))}
        </ul>
      )}
      <h2>Assertion</h2>
      <dl class="facts" data-testid="facts">
        {sessionFacts(inspection).map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h2>Attributes ({saml.attributes.length})</h2>
      <dl class="facts attributes" data-testid="attributes">
        {saml.attributes.map((attribute, index) => (
          <div key={index}>
            <dt title={attribute.nameFormat}>
              {attribute.friendlyName
                ? `${attribute.name} (${attribute.friendlyName})`
                : attribute.name}
            </dt>
            <dd>
              {attribute.values.map((value, i) => (
                <div key={i}>{value}</div>
              ))}
            </dd>
          </div>
        ))}
      </dl>
      <ContextKeysSection {...contextKeysSectionProps(inspection)} copy={copy} />
      {aws.roleProblems.length > 0 && (
        <>
          <h2>Role values AWS cannot use ({aws.roleProblems.length})</h2>
          <ul class="findings">
            {aws.roleProblems.map((problem) => (
              <li key={problem.index} class="finding error">
                <code>{problem.value}</code> {problem.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

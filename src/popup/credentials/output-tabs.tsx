import { useState } from 'preact/hooks';
import type { CredentialsOutput, OutputId } from './model/outputs.ts';

export interface OutputTabsProps {
  outputs: CredentialsOutput[];
  copyText(text: string): Promise<void>;
}

/** One tab per format, shown as text, each with its Copy button. */
export function OutputTabs({ outputs, copyText }: OutputTabsProps) {
  const [selected, setSelected] = useState<OutputId>('bash');
  const [copied, setCopied] = useState('');
  const output = outputs.find((o) => o.id === selected) ?? outputs[0];
  if (!output) return null;
  return (
    <div class="outputs">
      <div class="tabs" role="tablist">
        {outputs.map((o) => (
          <button
            key={o.id}
            type="button"
            role="tab"
            aria-selected={o.id === output.id}
            data-testid={`tab-${o.id}`}
            onClick={() => {
              setSelected(o.id);
              setCopied('');
            }}
          >
            {o.label}
          </button>
        ))}
      </div>
      <pre class="output" data-testid={`output-${output.id}`}>
        {output.text}
      </pre>
      <div class="copy-bar">
        <button
          type="button"
          data-testid={`copy-${output.id}`}
          onClick={() =>
            void copyText(output.text).then(
              () => setCopied(`${output.label} copied (it holds the secret key)`),
              (error: unknown) => setCopied(`Copy failed: ${String(error)}`),
            )
          }
        >
          Copy
        </button>
        <span class="copied" role="status" data-testid="credentials-copied">
          {copied}
        </span>
      </div>
    </div>
  );
}

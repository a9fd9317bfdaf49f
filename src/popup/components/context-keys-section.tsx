import { contextKeysToJson, type ContextKeys } from '../../core/policy.ts';

export interface ContextKeysSectionProps {
  /** providerArn -> the keys a trust policy of that provider's roles sees. */
  byProvider: Readonly<Record<string, ContextKeys>>;
  /** Providers not listed (past the core's MAX_PROVIDERS_WITH_KEYS). */
  omitted?: number;
  /** Copies text to the clipboard; `label` is what the status line calls it. */
  copy(label: string, text: string): void;
}

/** IAM's context keys per provider, as text, each with a copy button and one for all as JSON. */
export function ContextKeysSection({ byProvider, omitted = 0, copy }: ContextKeysSectionProps) {
  const providers = Object.keys(byProvider);
  if (providers.length === 0) return null;
  return (
    <>
      <h2>Context keys (what a trust policy sees)</h2>
      {providers.map((provider) => {
        const keys = byProvider[provider]!;
        return (
          <section key={provider} class="context-keys" data-testid="context-keys">
            <div class="copy-bar">
              <code>{provider}</code>
              <button
                type="button"
                data-testid="copy-context-keys"
                onClick={() =>
                  copy(
                    `Context keys of ${provider}`,
                    `${JSON.stringify(contextKeysToJson(keys), null, 2)}\n`,
                  )
                }
              >
                Copy JSON
              </button>
            </div>
            <dl class="facts context">
              {Object.keys(keys).map((name) => (
                <div key={name}>
                  <dt>{name}</dt>
                  <dd>
                    <span>{keys[name]!.join(', ')}</span>{' '}
                    <button
                      type="button"
                      class="copy-one"
                      title={`Copy ${name}`}
                      data-testid="copy-context-key"
                      onClick={() => copy(name, keys[name]!.join('\n'))}
                    >
                      Copy
                    </button>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
      {omitted > 0 && (
        <p class="muted">
          {omitted} more provider{omitted === 1 ? '' : 's'} not listed: their keys differ only in
          saml:doc and saml:namequalifier.
        </p>
      )}
    </>
  );
}

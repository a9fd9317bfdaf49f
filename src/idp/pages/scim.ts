import type { ScimSettings } from '../config/types.ts';
import type { SyncOutcome } from '../scim/syncer.ts';
import { html } from './html.ts';
import { csrfField, layout, type PageFrame } from './layout.ts';

export interface ScimPageProps {
  slug: string;
  label: string;
  scim: ScimSettings;
  outcome: SyncOutcome | undefined;
  viewer: string;
}

/** An application's SCIM provisioning: where it goes, how the last sync went, and "Sync now". */
export function scimPage(frame: PageFrame, props: ScimPageProps): string {
  const tokenSource =
    'env' in props.scim.token
      ? `environment variable ${props.scim.token.env}`
      : `file ${props.scim.token.file}`;
  return layout(
    frame,
    `SCIM ${props.slug}`,
    html`<h1>SCIM provisioning of ${props.label}</h1>
      <p>Endpoint <code>${props.scim.url}</code>, token from the ${tokenSource}.</p>
      ${
        props.outcome
          ? html`<h2>Last sync, ${props.outcome.at.toISOString()}</h2>
              <pre
                class="${props.outcome.ok ? '' : 'error'}"
                data-testid="scim-outcome"
                role="${props.outcome.ok ? 'status' : 'alert'}"
              >
${props.outcome.lines.join('\n')}</pre>`
          : html`<p data-testid="scim-outcome">Not synced yet.</p>`
      }
      <form method="post" action="/applications/${encodeURIComponent(props.slug)}/scim/sync">
        ${csrfField(frame)}
        <button type="submit" data-testid="scim-sync-now">Sync now</button>
      </form>
      <p><a href="/apps">Back to the applications</a></p>`,
    props.viewer,
  );
}

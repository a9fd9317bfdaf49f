import type { MappingOutput } from '../mapping/evaluate.ts';
import { html } from './html.ts';
import { layout, type PageFrame } from './layout.ts';

export interface PreviewPageProps {
  slug: string;
  username: string;
  output: MappingOutput;
  viewer: string;
  usernames: string[];
}

/** What an application's mappings produce for one user, one row per attribute value. */
export function previewPage(frame: PageFrame, props: PreviewPageProps): string {
  return layout(
    frame,
    `Preview ${props.slug}`,
    html`<h1>Mappings of ${props.slug} for ${props.username}</h1>
      <form method="get">
        <label for="user">User</label>
        <select id="user" name="user">
          ${props.usernames.map((u) => html`<option ${u === props.username ? 'selected' : ''}>${u}</option>`)}
        </select>
        <button type="submit">Show</button>
      </form>
      ${
        props.output.warnings.length > 0
          ? html`<ul class="warnings" data-testid="preview-warnings">
              ${props.output.warnings.map((w) => html`<li>${w}</li>`)}
            </ul>`
          : ''
      }
      <table data-testid="preview">
        <thead>
          <tr>
            <th>Attribute</th>
            <th>Value</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>NameID</td>
            <td><code>${props.output.nameId}</code></td>
          </tr>
          ${props.output.attributes.flatMap((a) =>
            a.values.map(
              (v, i) =>
                html`<tr>
                  <td>${i === 0 ? a.name : ''}</td>
                  <td><code>${v}</code></td>
                </tr>`,
            ),
          )}
        </tbody>
      </table>`,
    props.viewer,
  );
}

import { html } from './html.ts';
import { csrfField, layout, type PageFrame } from './layout.ts';

/** Creating an application from SP metadata (IAM Identity Center offers a metadata file). */
export function newAppPage(
  frame: PageFrame,
  props: {
    viewer: string;
    error?: string;
    slug?: string;
    metadata?: string;
  },
): string {
  return layout(
    frame,
    'Add application',
    html`<h1>Add an application from SP metadata</h1>
      <p>The ACS URL and the audience (the SP's entity ID) are read from the metadata.</p>
      ${props.error ? html`<p class="error" role="alert">${props.error}</p>` : ''}
      <form method="post" action="/applications">
        ${csrfField(frame)}
        <label for="slug">Slug</label>
        <input
          type="text"
          id="slug"
          name="slug"
          value="${props.slug ?? ''}"
          pattern="[a-z0-9][a-z0-9-]*"
          required
        />
        <label for="file">Metadata file</label>
        <input type="file" id="file" accept=".xml,application/xml,text/xml" />
        <label for="metadata">Metadata XML</label>
        <textarea id="metadata" name="metadata" rows="12" required>
${props.metadata ?? ''}</textarea>
        <button type="submit">Add application</button>
      </form>
      <script nonce="${frame.nonce}">
        document.getElementById('file').addEventListener('change', async (event) => {
          const file = event.target.files[0];
          if (file) document.getElementById('metadata').value = await file.text();
        });
      </script>`,
    props.viewer,
  );
}

import { type Settings, settingsToJson } from '../../core/settings.ts';

export interface ImportExportProps {
  settings: Settings;
  onImport(text: string): void;
}

/** Settings as a JSON file: aliases, colours, favourites and recent role ARNs (no assertions). */
export function ImportExport({ settings, onImport }: ImportExportProps) {
  const exportFile = (): void => {
    const url = URL.createObjectURL(
      new Blob([settingsToJson(settings)], { type: 'application/json' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = 'saml-roles-settings.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <div class="import-export">
      <button type="button" data-testid="export" onClick={exportFile}>
        Export settings…
      </button>
      <label class="file">
        Import settings…{' '}
        <input
          type="file"
          accept="application/json,.json"
          data-testid="import"
          onChange={(e) => void e.currentTarget.files?.[0]?.text().then(onImport)}
        />
      </label>
    </div>
  );
}

import { useState } from 'preact/hooks';
import {
  type KeepFresh,
  MAX_MARGIN_MINUTES,
  MIN_MARGIN_MINUTES,
} from '../../shared/keep-fresh/keep-fresh-settings.ts';
import { originPattern } from '../../shared/keep-fresh/start-url.ts';
import type { StartUrls } from '../../shared/keep-fresh/start-url-store.ts';

export interface KeepFreshFormProps {
  initial: KeepFresh;
  startUrls: StartUrls;
  save(settings: KeepFresh): Promise<void>;
  /** Sets or clears an issuer's AWS application link; the problem when refused. */
  chooseStartUrl(issuer: string, url: string): Promise<string | undefined>;
  /** Asks for keep fresh's optional permissions (from the click: browsers need the gesture). */
  requestPermissions(origins: string[]): Promise<boolean>;
  /** Tells the worker the settings changed, so it reschedules. */
  notifyWorker(): Promise<void>;
}

/** Keep fresh: every role (or those turned on in the popup), the margin, and where to sign in. */
export function KeepFreshForm(props: KeepFreshFormProps) {
  const [settings, setSettings] = useState(props.initial);
  const [urls, setUrls] = useState(props.startUrls);
  const [message, setMessage] = useState('');
  const store = (next: KeepFresh, done: string) =>
    props
      .save(next)
      .then(() => props.notifyWorker())
      .then(
        () => {
          setSettings(next);
          setMessage(done);
        },
        (error: unknown) => setMessage(`Could not save: ${String(error)}`),
      );
  const origins = () =>
    Object.values(urls).flatMap((entry) => {
      const url = entry.chosen ?? entry.learned;
      return url ? [originPattern(url)] : [];
    });
  const toggleAll = (on: boolean): void => {
    if (!on) {
      void store({ ...settings, all: false }, 'Keep fresh is off for all roles.');
      return;
    }
    props.requestPermissions(origins()).then(
      (granted) =>
        granted
          ? store({ ...settings, all: true }, 'Every role with credentials is kept fresh.')
          : setMessage('Keep fresh needs the permissions the browser asked for; nothing changed.'),
      (error: unknown) => setMessage(`Could not ask for the permissions: ${String(error)}`),
    );
  };
  return (
    <section data-testid="keep-fresh">
      <p class="muted">
        A margin before credentials expire, the extension signs in again at your IdP in a background
        tab, stops that sign-in before it reaches AWS (your console stays as it is), and gets new
        credentials. If the IdP asks for your password, the tab is left for you.
      </p>
      <label>
        <input
          type="checkbox"
          data-testid="keep-fresh-all"
          checked={settings.all}
          onChange={(event) => toggleAll(event.currentTarget.checked)}
        />{' '}
        Keep every role's credentials fresh
      </label>
      <label>
        Minutes before expiry{' '}
        <input
          type="number"
          data-testid="keep-fresh-margin"
          min={MIN_MARGIN_MINUTES}
          max={MAX_MARGIN_MINUTES}
          value={settings.marginMinutes}
          onChange={(event) => {
            const minutes = Number(event.currentTarget.value);
            if (
              !Number.isInteger(minutes) ||
              minutes < MIN_MARGIN_MINUTES ||
              minutes > MAX_MARGIN_MINUTES
            ) {
              setMessage(
                `The margin is a whole number of minutes from ${MIN_MARGIN_MINUTES} to ${MAX_MARGIN_MINUTES}.`,
              );
              return;
            }
            void store({ ...settings, marginMinutes: minutes }, `Margin: ${minutes} minutes.`);
          }}
        />
      </label>
      <StartUrlTable
        urls={urls}
        onChoose={async (issuer, url) => {
          const problem = await props.chooseStartUrl(issuer, url);
          if (problem) return problem;
          setUrls({ ...urls, [issuer]: { ...urls[issuer], ...(url ? { chosen: url } : {}) } });
          setMessage(`Saved the link for ${issuer}.`);
          return undefined;
        }}
      />
      {message && (
        <p class="message" role="status" data-testid="keep-fresh-message">
          {message}
        </p>
      )}
    </section>
  );
}

interface StartUrlTableProps {
  urls: StartUrls;
  onChoose(issuer: string, url: string): Promise<string | undefined>;
}

/** One row per IdP seen, plus one to add an IdP by its issuer before its first sign-in. */
function StartUrlTable({ urls, onChoose }: StartUrlTableProps) {
  const issuers = Object.keys(urls);
  return (
    <table class="start-urls" data-testid="start-urls">
      <thead>
        <tr>
          <th scope="col">IdP (issuer)</th>
          <th scope="col">AWS application link</th>
        </tr>
      </thead>
      <tbody>
        {issuers.map((issuer) => (
          <StartUrlRow key={issuer} issuer={issuer} entry={urls[issuer]!} onChoose={onChoose} />
        ))}
        <StartUrlRow key="" issuer="" entry={{}} onChoose={onChoose} />
      </tbody>
    </table>
  );
}

function StartUrlRow({
  issuer: known,
  entry,
  onChoose,
}: {
  issuer: string;
  entry: StartUrls[string];
  onChoose: StartUrlTableProps['onChoose'];
}) {
  const [issuer, setIssuer] = useState(known);
  const [url, setUrl] = useState(entry.chosen ?? '');
  const [problem, setProblem] = useState('');
  return (
    <tr data-testid="start-url-row" data-issuer={known}>
      <td>
        {known ? (
          known
        ) : (
          <input
            aria-label="Issuer of another IdP"
            placeholder="https://idp.example.com/"
            value={issuer}
            onInput={(event) => setIssuer(event.currentTarget.value)}
          />
        )}
      </td>
      <td>
        <input
          aria-label={`AWS application link for ${known || 'this IdP'}`}
          data-testid="start-url-input"
          placeholder={entry.learned ?? 'https://idp.example.com/home/amazon_aws/…'}
          value={url}
          onInput={(event) => setUrl(event.currentTarget.value)}
        />{' '}
        <button
          type="button"
          data-testid="start-url-save"
          onClick={() => void onChoose(issuer.trim(), url).then((p) => setProblem(p ?? ''))}
        >
          Save
        </button>
        {problem && (
          <p class="error" role="alert">
            {problem}
          </p>
        )}
      </td>
    </tr>
  );
}

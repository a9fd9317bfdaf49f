import { describe, expect, it } from 'vitest';
import { callerProblem, readCaller } from '../../../src/cli/bridge/host-caller.ts';

const ORIGIN = `chrome-extension://${'a'.repeat(32)}/`;
const chromeManifest = { name: 'saml_roles.bridge', allowed_origins: [ORIGIN] };
const firefoxManifest = {
  name: 'saml_roles.bridge',
  allowed_extensions: ['saml-roles@saml-roles.dev'],
};

describe('who started the host', () => {
  it("reads Chrome's origin (and ignores Windows' --parent-window)", () => {
    expect(readCaller([ORIGIN])).toEqual({ browser: 'chromium', origin: ORIGIN });
    expect(readCaller([ORIGIN, '--parent-window=0'])).toEqual({
      browser: 'chromium',
      origin: ORIGIN,
    });
  });

  it("reads Firefox's manifest path and extension id", () => {
    expect(
      readCaller(['/h/.mozilla/native-messaging-hosts/saml_roles.bridge.json', 'x@y']),
    ).toEqual({
      browser: 'firefox',
      manifestPath: '/h/.mozilla/native-messaging-hosts/saml_roles.bridge.json',
      extensionId: 'x@y',
    });
  });

  it('knows no caller in nothing or anything else', () => {
    expect(readCaller([])).toBeUndefined();
    expect(readCaller(['chrome-extension://short/'])).toBeUndefined();
    expect(readCaller(['--whatever'])).toBeUndefined();
  });

  it('admits only an extension the manifest lists', () => {
    expect(callerProblem(readCaller([ORIGIN]), '/m.json', chromeManifest)).toBeUndefined();
    expect(
      callerProblem(
        readCaller([`chrome-extension://${'b'.repeat(32)}/`]),
        '/m.json',
        chromeManifest,
      ),
    ).toMatch(/not in \/m.json's allowed_origins/);
    expect(
      callerProblem(
        readCaller(['/m.json', 'saml-roles@saml-roles.dev']),
        '/m.json',
        firefoxManifest,
      ),
    ).toBeUndefined();
    expect(callerProblem(readCaller(['/m.json', 'evil@x']), '/m.json', firefoxManifest)).toMatch(
      /allowed_extensions/,
    );
    expect(
      callerProblem(
        readCaller(['/other.json', 'saml-roles@saml-roles.dev']),
        '/m.json',
        firefoxManifest,
      ),
    ).toMatch(/Firefox read \/other.json/);
    expect(callerProblem(undefined, '/m.json', chromeManifest)).toMatch(/the browser starts/);
    expect(callerProblem(readCaller([ORIGIN]), '/m.json', { name: 'other' })).toMatch(/not the/);
    expect(callerProblem(readCaller([ORIGIN]), '/m.json', undefined)).toMatch(/not the/);
  });
});

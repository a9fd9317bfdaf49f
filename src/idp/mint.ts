import { compileAndCheck } from './config/check.ts';
import type { IdpApplication, IdpConfig, IdpUser } from './config/types.ts';
import type { SigningKeys } from './crypto/keystore.ts';
import { CompiledApplication, type MappingOutput } from './mapping/evaluate.ts';
import { canUse } from './mapping/expression-input.ts';
import { buildResponse } from './saml/build-response.ts';
import { signResponse } from './saml/sign.ts';

/** A signed SAMLResponse ready to POST to the application's ACS URL. */
export interface MintedResponse {
  /** Base64 of the signed XML: the `SAMLResponse` form field. */
  samlResponse: string;
  xml: string;
  responseId: string;
  acsUrl: string;
  relayState?: string;
  /** An attribute AWS requires that came out empty (MappingOutput.warnings). */
  warnings: string[];
}

export interface MintOptions {
  inResponseTo?: string;
  now?: Date;
}

/** A user or application name that does not exist, or a user not allowed to use the app. */
export class MintError extends Error {
  override readonly name = 'MintError';
}

/** Mints signed responses for any user and application of one configuration and key. */
export class Minter {
  private readonly compiled: Map<string, CompiledApplication>;
  /** What mapping every user through every application found (see MappingOutput.warnings). */
  readonly startupWarnings: readonly string[];

  constructor(
    readonly config: IdpConfig,
    readonly keys: SigningKeys,
    readonly issuer: string,
  ) {
    const checked = compileAndCheck(config);
    this.compiled = checked.compiled;
    this.startupWarnings = checked.warnings;
  }

  /** Adds an application at run time (e.g. created from uploaded SP metadata). */
  addApplication(app: IdpApplication): void {
    if (this.compiled.has(app.slug))
      throw new MintError(`an application "${app.slug}" already exists`);
    this.compiled.set(app.slug, new CompiledApplication(this.config, app));
    this.config.applications.push(app);
  }

  user(username: string): IdpUser {
    const user = this.config.users.find((u) => u.username === username);
    if (!user)
      throw new MintError(
        `no user "${username}" in ${this.config.source} (users: ${this.config.users.map((u) => u.username).join(', ')})`,
      );
    return user;
  }

  application(slug: string): CompiledApplication {
    const app = this.compiled.get(slug);
    if (!app)
      throw new MintError(
        `no application "${slug}" in ${this.config.source} (applications: ${[...this.compiled.keys()].join(', ')})`,
      );
    return app;
  }

  applicationsFor(user: IdpUser): IdpApplication[] {
    return this.config.applications.filter((app) => canUse(user, app));
  }

  /** The NameID and attributes the user would get, without signing anything. */
  preview(username: string, slug: string): MappingOutput {
    return this.application(slug).map(this.user(username));
  }

  /** A signed response for the user; throws MintError or MappingError (naming the mapping). */
  mint(username: string, slug: string, options: MintOptions = {}): MintedResponse {
    const user = this.user(username);
    const compiled = this.application(slug);
    const app = compiled.app;
    if (!canUse(user, app))
      throw new MintError(
        `user "${username}" is not in any group allowed to use "${slug}" (${app.groups.join(', ')})`,
      );
    const output = compiled.map(user);
    const unsigned = buildResponse({
      issuer: this.issuer,
      acsUrl: app.acsUrl,
      audience: app.audience,
      nameId: output.nameId,
      nameIdFormat: app.nameIdFormat,
      attributes: output.attributes,
      validSeconds: app.assertionValidSeconds,
      now: options.now ?? new Date(),
      ...(options.inResponseTo ? { inResponseTo: options.inResponseTo } : {}),
    });
    const xml = signResponse(unsigned.xml, app.sign, this.keys);
    return {
      samlResponse: Buffer.from(xml, 'utf8').toString('base64'),
      xml,
      responseId: unsigned.responseId,
      acsUrl: app.acsUrl,
      ...(app.relayState ? { relayState: app.relayState } : {}),
      warnings: output.warnings,
    };
  }
}

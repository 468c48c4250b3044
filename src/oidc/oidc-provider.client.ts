import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import * as client from 'openid-client';
import { AppConfig, OidcSettings } from '../config/app-config';

/** Seconds any one request to the provider may take. */
const PROVIDER_TIMEOUT_SECONDS = 10;

export interface ProviderIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

/**
 * The OpenID provider as openid-client speaks to it: discovery (once, again after a failure), authorization code
 * with PKCE, and the ID token's signature (keys from its JWKS, fetched again when a new key id appears), iss, aud,
 * exp, iat and nonce checked by the library.
 */
@Injectable()
export class OidcProviderClient {
  private readonly settings: OidcSettings | null;
  private configuration?: Promise<client.Configuration>;

  constructor(config: AppConfig) {
    this.settings = config.identity.oidc;
  }

  get issuer(): string {
    return this.required().issuer;
  }

  async authorizationUrl(
    redirectUri: string,
    state: string,
    nonce: string,
    codeVerifier: string,
  ): Promise<URL> {
    return client.buildAuthorizationUrl(await this.discovered(), {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /** Redeems the code the provider sent back; throws when anything about the answer or the ID token is wrong. */
  async identify(
    callbackUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<ProviderIdentity> {
    const configuration = await this.discovered();
    const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      pkceCodeVerifier: checks.codeVerifier,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('The provider sent no ID token');
    // Some providers keep email to the userinfo endpoint.
    const profile =
      typeof claims.email === 'string'
        ? claims
        : await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
    return {
      subject: claims.sub,
      email: typeof profile.email === 'string' ? profile.email : null,
      emailVerified: profile.email_verified === true,
      name: typeof profile.name === 'string' ? profile.name : null,
    };
  }

  private discovered(): Promise<client.Configuration> {
    const settings = this.required();
    this.configuration ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        undefined,
        client.ClientSecretBasic(settings.clientSecret),
        {
          timeout: PROVIDER_TIMEOUT_SECONDS,
          execute: [
            // The library trusts the TLS connection to the token endpoint in place of the ID token's signature
            // (OpenID Core 3.1.3.7 allows it); we check the signature too, against the provider's JWKS.
            client.enableNonRepudiationChecks,
            // Only for a loopback issuer: the configuration refuses plain http anywhere else.
            ...(settings.allowHttp ? [client.allowInsecureRequests] : []),
          ],
        },
      )
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw new ServiceUnavailableException({
          message: 'The sign-in provider cannot be reached; try again shortly',
          cause: error,
        });
      });
    return this.configuration;
  }

  private required(): OidcSettings {
    if (!this.settings) throw new ServiceUnavailableException('Single sign-on is not configured here');
    return this.settings;
  }
}

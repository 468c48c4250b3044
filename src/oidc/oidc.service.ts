import { HttpException, Injectable, Logger, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { randomNonce, randomPKCECodeVerifier, randomState } from 'openid-client';
import { generateSecret, hashSecret } from '../auth/secret-token';
import type { ClientOrigin } from '../common/client-origin';
import { PublicUrl } from '../common/public-url';
import { API_PREFIX } from '../common/setup-app';
import { AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import type { AuthResponseDto } from '../sessions/dto/auth-response.dto';
import { SessionsService } from '../sessions/sessions.service';
import { UsersService } from '../users/users.service';
import { OidcProviderClient, ProviderIdentity } from './oidc-provider.client';
import { OidcRepository } from './oidc.repository';
import { safeReturnTo } from './return-to';

/** Time to sign in at the provider. */
const ATTEMPT_TTL_SECONDS = 600;
/** Time for the page the callback leads to to exchange its code. */
const HANDOFF_TTL_SECONDS = 60;

export const CALLBACK_PATH = `/${API_PREFIX}/auth/oidc/callback`;

/** A sign-in the callback turns away: the page learns why when it exchanges its code (401, or 403 for a person). */
class SignInRefused extends Error {
  constructor(
    message: string,
    readonly status: 401 | 403 = 401,
  ) {
    super(message);
  }
}

/**
 * Single sign-on through an OpenID provider. Accounts are matched by issuer and subject; a first sign-in joins an
 * existing account, or makes one, only for an email the provider says it verified: an unverified claim is anyone's
 * to make. Nothing secret travels in a URL query: the callback hands the page a one-time code in the fragment
 * (which browsers never send), exchanged by POST for tokens.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger(OidcService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly provider: OidcProviderClient,
    private readonly attempts: OidcRepository,
    private readonly transactions: Transactions,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly publicUrl: PublicUrl,
  ) {}

  /** Whether people reach us over https, so the state cookie may travel only there. */
  get secureCookies(): boolean {
    return this.publicUrl.of('/').startsWith('https:');
  }

  /** The provider's address to send the browser to, and the state the browser must bring back in its cookie. */
  async start(returnTo: string | undefined): Promise<{ location: string; state: string }> {
    this.assertConfigured();
    const state = randomState();
    const nonce = randomNonce();
    const codeVerifier = randomPKCECodeVerifier();
    const location = await this.provider.authorizationUrl(this.callbackUrl(), state, nonce, codeVerifier);
    await this.attempts.insertAttempt(
      hashSecret(state),
      { code_verifier: codeVerifier, nonce, return_to: safeReturnTo(returnTo) },
      ATTEMPT_TTL_SECONDS,
    );
    return { location: location.toString(), state };
  }

  /**
   * Finishes the provider's redirect: the address to send the browser on to, with a one-time code in its fragment.
   * The code stands for the signed-in person, or for the reason they were refused, which its exchange answers: so
   * the page shows every outcome the same way, and no reason travels in a URL.
   */
  async finish(query: string, browserState: string | undefined, client: ClientOrigin): Promise<string> {
    this.assertConfigured();
    let returnTo = '/';
    let outcome: { userId: string } | SignInRefused;
    try {
      const callback = new URL(`${this.callbackUrl()}${query}`);
      const state = callback.searchParams.get('state');
      if (!state || state !== browserState) {
        throw new SignInRefused('This sign-in was not started in this browser; start again');
      }
      const attempt = await this.attempts.takeAttempt(hashSecret(state));
      if (!attempt) throw new SignInRefused('This sign-in expired or was already used; start again');
      returnTo = attempt.return_to;
      const identity = await this.provider
        .identify(callback, { state, nonce: attempt.nonce, codeVerifier: attempt.code_verifier })
        .catch((error: unknown) => {
          // The library's message names what failed (a signature, exp, aud); the person needs only to retry. Its
          // error object carries the token response, so only the message is logged.
          this.logger.warn(
            { reason: error instanceof Error ? error.message : 'unknown' },
            'OpenID sign-in refused',
          );
          throw new SignInRefused('The sign-in provider’s answer could not be verified; start again');
        });
      outcome = { userId: await this.accountOf(identity, client) };
    } catch (error) {
      if (!(error instanceof SignInRefused)) throw error;
      outcome = error;
    }
    const code = generateSecret('tfo_');
    await this.attempts.insertHandoff(
      hashSecret(code),
      {
        handoff:
          outcome instanceof SignInRefused
            ? { refusal: { status: outcome.status, message: outcome.message } }
            : { userId: outcome.userId },
        browserHash: browserState ? hashSecret(browserState) : null,
      },
      HANDOFF_TTL_SECONDS,
    );
    return this.publicUrl.of(`${returnTo}#code=${code}`);
  }

  /** Tokens for the code, in the browser the sign-in came back to (its state cookie) and no other. */
  async exchange(
    code: string,
    browserState: string | undefined,
    client: ClientOrigin,
  ): Promise<AuthResponseDto> {
    const stored = await this.attempts.takeHandoff(hashSecret(code));
    if (!stored) throw new UnauthorizedException('This sign-in code is unknown, expired or already used');
    const { handoff, browserHash } = stored;
    if ('refusal' in handoff) throw new HttpException(handoff.refusal.message, handoff.refusal.status);
    if (!browserState || !browserHash || !hashSecret(browserState).equals(browserHash)) {
      throw new UnauthorizedException('This sign-in was finished in another browser; sign in again here');
    }
    return this.sessions.signIn(handoff.userId, 'oidc', client);
  }

  private async accountOf(identity: ProviderIdentity, client: ClientOrigin): Promise<string> {
    const issuer = this.provider.issuer;
    const linked = await this.attempts.linkedUser(issuer, identity.subject);
    if (linked) return linked;
    if (!identity.email || !identity.emailVerified) {
      // The account's owner learns that someone claimed their email; the answer is the same whether it exists.
      const claimed = identity.email ? await this.users.findByEmail(identity.email) : null;
      if (claimed)
        await this.sessions.recordFailure(
          claimed.id,
          'oidc',
          'the provider did not verify the email',
          client,
        );
      throw new SignInRefused(
        'The sign-in provider did not say your email address is verified, so no account here can be yours yet',
        403,
      );
    }
    const email = identity.email;
    const existing = await this.users.findByEmail(email);
    if (!existing && !this.config.identity.oidc?.autoRegister) {
      throw new SignInRefused('There is no account here for this email; ask an admin to create one', 403);
    }
    return this.transactions.run(async (manager) => {
      const user =
        existing ?? (await this.users.create({ email, displayName: identity.name ?? undefined }, manager));
      await this.attempts.link(manager, issuer, identity.subject, user.id);
      return user.id;
    });
  }

  private callbackUrl(): string {
    return this.publicUrl.of(CALLBACK_PATH);
  }

  private assertConfigured(): void {
    if (!this.config.identity.oidc) throw new NotFoundException('Single sign-on is not configured here');
  }
}

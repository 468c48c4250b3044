import { ForbiddenException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import type { SignInMethod } from '../auth/credentials.repository';
import { LoginLimiter } from '../auth/login-limiter';
import { PasswordHasher } from '../auth/password-hasher';
import type { Principal } from '../auth/principal';
import { PrincipalCache } from '../auth/principal-cache';
import { TokenService } from '../auth/token.service';
import type { ClientOrigin } from '../common/client-origin';
import type { Page, PageQuery } from '../common/page';
import { AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import type { SecondFactorLoginDto } from '../two-factor/dto/two-factor.dto';
import { TwoFactorService } from '../two-factor/two-factor.service';
import { mapUser } from '../users/dto/user.dto';
import type { UserEntity } from '../users/entities/user.entity';
import { UsersService } from '../users/users.service';
import type { AuthResponseDto, MeDto, ProvidersDto, TokenPairDto } from './dto/auth-response.dto';
import { API_PREFIX } from '../common/setup-app';
import type { LoginDto } from './dto/login.dto';
import type { RegisterDto } from './dto/register.dto';
import { mapSession, mapSignIn, SessionDto, SignInDto } from './dto/session.dto';
import { MfaRequiredException } from './mfa-required.exception';
import { SignInsRepository } from './sign-ins.repository';

@Injectable()
export class SessionsService {
  constructor(
    private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly limiter: LoginLimiter,
    private readonly twoFactor: TwoFactorService,
    private readonly signIns: SignInsRepository,
    private readonly principals: PrincipalCache,
  ) {}

  async register(dto: RegisterDto, client: ClientOrigin): Promise<AuthResponseDto> {
    this.assertPasswordsAllowed();
    const answer = await this.transactions.run(async (manager) => {
      const user = await this.users.create(dto, manager);
      return {
        user: mapUser(user),
        ...(await this.tokens.startSession(user.id, origin('password', client), manager)),
      };
    });
    // An account's first sign-in is its history's first line.
    await this.signIns.record({ userId: answer.user.id, method: 'password', succeeded: true, client });
    return answer;
  }

  /**
   * Unknown account, wrong password and disabled account are one and the same 401, in the same time. The right
   * password of an account with a second factor answers 401 mfa-required with the token for the second step.
   */
  async login(dto: LoginDto, client: ClientOrigin): Promise<AuthResponseDto> {
    this.assertPasswordsAllowed();
    const account = (dto.email ?? dto.username ?? '').toLowerCase();
    await this.limiter.assertAllowed(account, client.address);
    const user = await this.users.findForLogin(dto);
    const passwordMatches = await this.hasher.verify(user?.passwordHash, dto.password);
    if (!user || !passwordMatches || user.disabledAt) {
      await this.limiter.recordFailure(account, client.address);
      // Only the account's owner (and admins) read this, so it may say what was wrong; the answer may not.
      if (user) await this.recordFailure(user.id, 'password', failureReason(user, passwordMatches), client);
      throw new UnauthorizedException('Wrong email, username or password');
    }
    if (await this.twoFactor.isEnabled(user.id)) {
      throw new MfaRequiredException(await this.twoFactor.challenge(user.id));
    }
    return this.signIn(user.id, 'password', client);
  }

  async loginWithSecondFactor(dto: SecondFactorLoginDto, client: ClientOrigin): Promise<AuthResponseDto> {
    const { userId, method } = await this.twoFactor.answer(dto.mfaToken, dto, client, (failed) =>
      this.recordFailure(failed, 'two_factor', 'wrong or used code', client),
    );
    return this.signIn(userId, method, client);
  }

  /** Starts a session for someone whose credentials were checked, and writes it into their history. */
  async signIn(userId: string, method: SignInMethod, client: ClientOrigin): Promise<AuthResponseDto> {
    const user = await this.users.findById(userId);
    if (user.disabledAt) {
      await this.recordFailure(userId, method, 'account disabled', client);
      throw new UnauthorizedException('This account is disabled');
    }
    const tokens = await this.tokens.startSession(userId, origin(method, client));
    await this.signIns.record({ userId, method, succeeded: true, client });
    return { user: mapUser(user), ...tokens };
  }

  recordFailure(userId: string, method: SignInMethod, reason: string, client: ClientOrigin): Promise<void> {
    return this.signIns.record({ userId, method, succeeded: false, reason, client });
  }

  async me(principal: Principal): Promise<MeDto> {
    return {
      ...(await this.users.me(principal)),
      twoFactor: await this.twoFactor.isEnabled(principal.userId),
    };
  }

  providers(): ProvidersDto {
    const { passwordLogin, oidc } = this.config.identity;
    return {
      password: passwordLogin,
      oidc: oidc && { name: oidc.name, loginUrl: `/${API_PREFIX}/auth/oidc/login` },
    };
  }

  refresh(refreshToken: string): Promise<TokenPairDto> {
    return this.tokens.rotate(refreshToken);
  }

  logout(principal: Principal, refreshToken: string): Promise<void> {
    return this.tokens.endSession(principal.userId, refreshToken);
  }

  async sessions(principal: Principal): Promise<SessionDto[]> {
    const rows = await this.tokens.liveSessions(principal.userId);
    return rows.map((row) => mapSession(row, principal.sessionId));
  }

  async endSession(principal: Principal, sessionId: string): Promise<void> {
    if (!(await this.tokens.revokeSession(principal.userId, sessionId)))
      throw new NotFoundException('No such session');
  }

  /** An admin ends every session of a user (a lost laptop, a departure); their API keys are theirs to revoke. */
  async endAllSessions(userId: string): Promise<void> {
    await this.users.findById(userId);
    await this.transactions.run((manager) => this.tokens.revokeOtherSessions(userId, undefined, manager));
    this.principals.invalidate();
  }

  async signInHistory(userId: string, query: PageQuery): Promise<Page<SignInDto>> {
    const page = await this.signIns.list(userId, query);
    return { ...page, items: page.items.map(mapSignIn) };
  }

  /** An admin reads anyone's history; 404 for nobody. */
  async signInHistoryOf(userId: string, query: PageQuery): Promise<Page<SignInDto>> {
    await this.users.findById(userId);
    return this.signInHistory(userId, query);
  }

  private assertPasswordsAllowed(): void {
    if (!this.config.identity.passwordLogin) {
      throw new ForbiddenException('Passwords are turned off here; sign in through single sign-on');
    }
  }
}

function failureReason(user: UserEntity, passwordMatches: boolean): string {
  if (user.passwordHash === null) return 'no password: signs in through single sign-on';
  return passwordMatches ? 'account disabled' : 'wrong password';
}

function origin(method: SignInMethod, client: ClientOrigin) {
  return { method, userAgent: client.userAgent, address: client.address };
}

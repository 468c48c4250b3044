import {
  ConflictException,
  Injectable,
  Logger,
  UnauthorizedException,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TwoFactorLimiter } from '../auth/login-limiter';
import type { Principal } from '../auth/principal';
import { generateSecret, hashSecret } from '../auth/secret-token';
import type { ClientOrigin } from '../common/client-origin';
import { fieldProblem } from '../common/problem';
import { derivedKey, SealedBox } from '../common/sealed-box';
import { AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { UsersService } from '../users/users.service';
import type { RecoveryCodesDto, SecondFactorAnswerDto, TwoFactorSetupDto } from './dto/two-factor.dto';
import { newRecoveryCodes, recoveryCodeHash } from './recovery-codes';
import { acceptedTimeStep, newTotpSecret, totpUri } from './totp';
import { SecondFactorRow, TwoFactorRepository } from './two-factor.repository';

/** An mfaToken lives five minutes: long enough to find the phone, too short to be worth stealing. */
const MFA_TOKEN_TTL_SECONDS = 300;

export type SecondFactorMethod = 'two_factor' | 'recovery_code';

/**
 * TOTP (RFC 6238) as a second factor. The secret must be read to check a code, so it cannot be hashed: it is sealed
 * (AES-256-GCM, bound to its user) under a key derived from JWT_SECRET. Every code is good once; wrong answers
 * count per account and address (TwoFactorLimiter) and per mfaToken (5 answers).
 */
@Injectable()
export class TwoFactorService {
  private readonly box: SealedBox;
  private readonly logger = new Logger(TwoFactorService.name);

  constructor(
    config: AppConfig,
    private readonly transactions: Transactions,
    private readonly secondFactors: TwoFactorRepository,
    private readonly users: UsersService,
    private readonly limiter: TwoFactorLimiter,
  ) {
    this.box = new SealedBox(derivedKey(config.jwt.secret, 'two-factor secrets'));
  }

  isEnabled(userId: string): Promise<boolean> {
    return this.secondFactors.isEnabled(userId);
  }

  /** A new secret, in force only once a first code proves the authenticator app holds it. */
  async setup(principal: Principal): Promise<TwoFactorSetupDto> {
    const user = await this.users.findById(principal.userId);
    const secret = newTotpSecret();
    if (!(await this.secondFactors.savePendingSecret(user.id, this.box.seal(secret, user.id)))) {
      throw new ConflictException('Two-factor sign-in is already on; disable it before setting it up again');
    }
    return { secret, otpauthUrl: totpUri(secret, user.username ?? user.email) };
  }

  async enable(principal: Principal, code: string, client: ClientOrigin): Promise<RecoveryCodesDto> {
    const userId = principal.userId;
    const secondFactor = await this.secondFactors.secondFactor(userId);
    if (!secondFactor) throw new ConflictException('Set two-factor sign-in up first (POST /auth/2fa/setup)');
    if (secondFactor.enabled) throw new ConflictException('Two-factor sign-in is already on');
    await this.limiter.assertAllowed(userId, client.address);
    const recoveryCodes = newRecoveryCodes();
    const enabled = await this.transactions.run(async (manager) => {
      if (!(await this.spendCode(manager, userId, secondFactor, code))) return false;
      return this.secondFactors.enable(manager, userId, recoveryCodes.map(recoveryCodeHash));
    });
    if (!enabled) {
      await this.limiter.recordFailure(userId, client.address);
      throw fieldProblem('code', 'code does not match the new secret, or was already used');
    }
    return { recoveryCodes };
  }

  async disable(principal: Principal, answer: SecondFactorAnswerDto, client: ClientOrigin): Promise<void> {
    const userId = principal.userId;
    const secondFactor = await this.secondFactors.secondFactor(userId);
    if (!secondFactor?.enabled) throw new ConflictException('Two-factor sign-in is not on');
    await this.limiter.assertAllowed(userId, client.address);
    const disabled = await this.transactions.run(
      async (manager) =>
        (await this.spendAnswer(manager, userId, secondFactor, answer)) !== null &&
        this.secondFactors.remove(userId, manager),
    );
    if (!disabled) {
      await this.limiter.recordFailure(userId, client.address);
      const field = answer.code !== undefined ? 'code' : 'recoveryCode';
      throw fieldProblem(field, `${field} is wrong or was already used`);
    }
  }

  /** For an admin helping someone who lost their phone and their codes. */
  async reset(userId: string): Promise<void> {
    await this.users.findById(userId);
    await this.secondFactors.remove(userId);
  }

  /** After the right password: the token the second step must bring back. */
  async challenge(userId: string): Promise<string> {
    const token = generateSecret('tfm_');
    await this.secondFactors.insertChallenge(userId, hashSecret(token), MFA_TOKEN_TTL_SECONDS);
    return token;
  }

  /**
   * The user an mfaToken and its answer sign in, and how; 401 for an unknown, expired, used or exhausted token and
   * for a wrong answer, 429 past the account's or address's limit. `onFailure` learns whose answer was wrong.
   */
  async answer(
    mfaToken: string,
    answer: SecondFactorAnswerDto,
    client: ClientOrigin,
    onFailure: (userId: string) => Promise<void>,
  ): Promise<{ userId: string; method: SecondFactorMethod }> {
    const tokenHash = hashSecret(mfaToken);
    const userId = await this.secondFactors.attemptChallenge(tokenHash);
    if (!userId)
      throw new UnauthorizedException('The sign-in expired or took too many answers; sign in again');
    await this.limiter.assertAllowed(userId, client.address);
    const secondFactor = await this.secondFactors.secondFactor(userId);
    const method =
      secondFactor?.enabled &&
      (await this.transactions.run(async (manager) => {
        const spent = await this.spendAnswer(manager, userId, secondFactor, answer);
        return spent && (await this.secondFactors.closeChallenge(manager, tokenHash)) ? spent : null;
      }));
    if (!method) {
      await this.limiter.recordFailure(userId, client.address);
      await onFailure(userId);
      throw new UnauthorizedException('The code is wrong or was already used');
    }
    return { userId, method };
  }

  private async spendAnswer(
    manager: EntityManager,
    userId: string,
    secondFactor: SecondFactorRow,
    answer: SecondFactorAnswerDto,
  ): Promise<SecondFactorMethod | null> {
    if (answer.code !== undefined) {
      return (await this.spendCode(manager, userId, secondFactor, answer.code)) ? 'two_factor' : null;
    }
    if (answer.recoveryCode === undefined)
      throw new UnprocessableEntityException('code or recoveryCode is required');
    const spent = await this.secondFactors.spendRecoveryCode(
      manager,
      userId,
      recoveryCodeHash(answer.recoveryCode),
    );
    return spent ? 'recovery_code' : null;
  }

  /**
   * The secret, or null when it cannot be opened: sealed under another JWT_SECRET. Its codes then fail like wrong
   * ones, while recovery codes (hashed, not sealed) still sign in and let the person set it up again.
   */
  private openSecret(sealed: string, userId: string): string | null {
    try {
      return this.box.open(sealed, userId);
    } catch (error) {
      this.logger.error(
        { err: error, userId },
        'A two-factor secret cannot be opened: was JWT_SECRET changed?',
      );
      return null;
    }
  }

  private async spendCode(
    manager: EntityManager,
    userId: string,
    secondFactor: SecondFactorRow,
    code: string,
  ): Promise<boolean> {
    const secret = this.openSecret(secondFactor.secret, userId);
    if (secret === null) return false;
    const timeStep = await acceptedTimeStep(secret, code, Number(secondFactor.last_time_step));
    return timeStep !== null && this.secondFactors.spendTimeStep(manager, userId, timeStep);
  }
}

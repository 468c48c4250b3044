import { Injectable, UnauthorizedException } from '@nestjs/common';
import { LoginLimiter } from '../auth/login-limiter';
import { PasswordHasher } from '../auth/password-hasher';
import type { Principal } from '../auth/principal';
import { TokenService } from '../auth/token.service';
import { Transactions } from '../database/transactions';
import { mapUser } from '../users/dto/user.dto';
import { UsersService } from '../users/users.service';
import type { AuthResponseDto, TokenPairDto } from './dto/auth-response.dto';
import type { LoginDto } from './dto/login.dto';
import type { RegisterDto } from './dto/register.dto';

@Injectable()
export class SessionsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly limiter: LoginLimiter,
  ) {}

  async register(dto: RegisterDto): Promise<AuthResponseDto> {
    return this.transactions.run(async (manager) => {
      const user = await this.users.create(dto, manager);
      return { user: mapUser(user), ...(await this.tokens.startSession(user.id, manager)) };
    });
  }

  /** Unknown account, wrong password and disabled account are one and the same 401, in the same time. */
  async login(dto: LoginDto, address: string): Promise<AuthResponseDto> {
    const account = (dto.email ?? dto.username ?? '').toLowerCase();
    await this.limiter.assertAllowed(account, address);
    const user = await this.users.findForLogin(dto);
    const passwordMatches = await this.hasher.verify(user?.passwordHash, dto.password);
    if (!user || !passwordMatches || user.disabledAt) {
      await this.limiter.recordFailure(account, address);
      throw new UnauthorizedException('Wrong email, username or password');
    }
    return { user: mapUser(user), ...(await this.tokens.startSession(user.id)) };
  }

  refresh(refreshToken: string): Promise<TokenPairDto> {
    return this.tokens.rotate(refreshToken);
  }

  logout(principal: Principal, refreshToken: string): Promise<void> {
    return this.tokens.endSession(principal.userId, refreshToken);
  }
}

import { Injectable, OnModuleInit } from '@nestjs/common';
import * as argon2 from 'argon2';

/** OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher implements OnModuleInit {
  private decoyHash = '';

  /** A hash of nothing anyone knows, verified when the account does not exist, so timing does not tell. */
  async onModuleInit(): Promise<void> {
    this.decoyHash = await argon2.hash(`decoy-${Math.random()}`, ARGON2_OPTIONS);
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_OPTIONS);
  }

  /**
   * argon2.verify compares in constant time; a missing hash (no such account, or one that signs in only through
   * single sign-on) still spends one verification.
   */
  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
    const matches = await argon2.verify(hash ?? this.decoyHash, password);
    return typeof hash === 'string' && matches;
  }
}

import { UnauthorizedException } from '@nestjs/common';

export const MFA_REQUIRED_TYPE = 'urn:taskforge:problem:mfa-required';

/** The password was right and a second factor is on: a 401 that carries the token for POST /auth/login/2fa. */
export class MfaRequiredException extends UnauthorizedException {
  constructor(mfaToken: string) {
    super({
      message: 'Enter the code from your authenticator app (or a recovery code)',
      type: MFA_REQUIRED_TYPE,
      mfaToken,
    });
  }
}

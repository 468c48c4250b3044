import { generateSecret, generateURI, verify } from 'otplib';

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30 s steps. */
export const TOTP_PERIOD_SECONDS = 30;

/** One step either side of now: a phone's clock a little off, or a code typed as it rolled over. */
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: 'Taskforge', label: account, secret });
}

/**
 * The time step the code belongs to when it is right and names a step after `afterTimeStep`, else null: a code is
 * good once, so a code for a step already used (or earlier) is refused even while it is still current.
 */
export async function acceptedTimeStep(
  secret: string,
  code: string,
  afterTimeStep: number,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epochTolerance: TOLERANCE_SECONDS,
    afterTimeStep: afterTimeStep > 0 ? afterTimeStep : undefined,
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

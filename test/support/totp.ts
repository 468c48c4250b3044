import { generate } from 'otplib';

const STEP_SECONDS = 30;

/** The code an authenticator app shows `steps` periods from now (negative: in the past). */
export function codeAt(secret: string, steps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * STEP_SECONDS });
}

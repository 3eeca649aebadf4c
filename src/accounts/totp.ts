// Time-based one-time passwords (RFC 6238) for staff accounts, with replay protection: a code's time
// step is remembered and a code of the same or an earlier step is refused.
import * as OTPAuth from 'otpauth';

const PERIOD = 30;

export const newTotpSecret = () => new OTPAuth.Secret({ size: 20 }).base32;

function totp(secretBase32: string, label = 'Taamir') {
  return new OTPAuth.TOTP({
    issuer: 'Taamir',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });
}

export const totpUri = (secretBase32: string, email: string) => totp(secretBase32, email).toString();

/** The time step a valid code belongs to (±1 step of clock drift), or null. */
export function matchTotp(secretBase32: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secretBase32).validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}

export const totpCode = (secretBase32: string, now: Date) =>
  totp(secretBase32).generate({ timestamp: now.getTime() });

// The sandbox's test cards: the ones CMI publishes for its test platform, plus two that fail.

export type CardBehaviour = 'approve' | 'three_d_secure' | 'decline' | 'insufficient_funds';

export const TEST_CARDS: readonly { number: string; brand: string; behaviour: CardBehaviour }[] = [
  { number: '4000000000000010', brand: 'Visa', behaviour: 'approve' },
  { number: '5453010000066100', brand: 'Mastercard', behaviour: 'approve' },
  { number: '5191630100004896', brand: 'Mastercard', behaviour: 'three_d_secure' },
  { number: '4000000000000002', brand: 'Visa', behaviour: 'decline' },
  { number: '4000000000000051', brand: 'Visa', behaviour: 'insufficient_funds' },
];

/** The one-time code the sandbox's 3-D Secure page accepts. */
export const THREE_D_SECURE_CODE = '123';

export const luhnValid = (digits: string): boolean => {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
};

/** Any other valid number is declined, as an unknown card would be on a test platform. */
export const behaviourOf = (digits: string): CardBehaviour =>
  TEST_CARDS.find((c) => c.number === digits)?.behaviour ?? 'decline';

export const maskPan = (digits: string): string => `${digits.slice(0, 6)}***${digits.slice(-4)}`;

/** `MM/YY` (or `MM/YYYY`) not in the past, at `now`. */
export const expiryValid = (text: string, now: Date): boolean => {
  const match = /^(\d{2})\s*\/\s*(\d{2}|\d{4})$/.exec(text.trim());
  if (!match) return false;
  const month = Number(match[1]);
  const year = Number(match[2]!.length === 2 ? `20${match[2]}` : match[2]);
  if (month < 1 || month > 12) return false;
  return year > now.getUTCFullYear() || (year === now.getUTCFullYear() && month >= now.getUTCMonth() + 1);
};

import QRCode from 'qrcode';
import { DocumentError } from './errors.ts';
import { isVerificationCode } from './fingerprint.ts';

/** `<publicUrl>/verify/<code>`; a trailing slash on the base is tolerated. */
export const verificationUrl = (publicUrl: string, code: string): string => {
  if (!isVerificationCode(code))
    throw new DocumentError('documents.invalid_input', `not a verification code: ${code}`);
  const base = new URL(publicUrl);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new DocumentError('documents.invalid_input', `public URL must be http(s): ${publicUrl}`);
  }
  return `${base.href.replace(/\/+$/, '')}/verify/${code}`;
};

/**
 * QR code PNG for print: error correction M (15 % of the symbol can be damaged: folds, stamps),
 * the 4-module quiet zone the standard asks for, 10 px per module. Placed at 24 mm that is about
 * 0.7 mm per module, which phone cameras read easily. Black on white, no colour.
 */
export const qrPng = (text: string): Promise<Buffer> =>
  QRCode.toBuffer(text, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 4,
    scale: 10,
    color: { dark: '#000000ff', light: '#ffffffff' },
  });

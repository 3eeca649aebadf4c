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
 * QR code for print, as SVG: error correction M (15 % of the symbol can be damaged: folds, stamps),
 * the 4-module quiet zone the standard asks for, black modules on white. Typst keeps it as vector
 * paths, so it stays sharp at any print size (at 22 mm, about 0.6 mm per module) and costs well
 * under a millisecond where a 10 px-per-module PNG cost ~18 ms to encode.
 * Each row's dark runs are one rectangle: `M x y h len v 1 h -len z`, in module units.
 */
export function qrSvg(text: string): Buffer {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const side = modules.size + 2 * quiet;
  const runs: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; ) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      let end = col;
      while (end < modules.size && modules.get(row, end)) end++;
      runs.push(`M${col + quiet} ${row + quiet}h${end - col}v1h-${end - col}z`);
      col = end;
    }
  }
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}">` +
      `<rect width="${side}" height="${side}" fill="#fff"/>` +
      `<path fill="#000" d="${runs.join('')}"/></svg>`,
  );
}

import { AppError } from '../platform/errors.ts';
import type { DocumentErrorCode } from './problems.ts';
import './problems.ts';

export type { DocumentErrorCode } from './problems.ts';

/**
 * The module's `AppError`: a stable code from problems.ts (status and localized titles there)
 * and, in `message`, the technical detail for logs (never shown to the public).
 */
export class DocumentError extends AppError {
  declare readonly code: DocumentErrorCode;

  constructor(code: DocumentErrorCode, detail: string, options: { cause?: unknown } = {}) {
    super(code, { cause: options.cause });
    this.name = 'DocumentError';
    this.message = `${code}: ${detail}`;
  }
}

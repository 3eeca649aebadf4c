import { describe, expect, it } from 'vitest';
import { isAppError, problemDefinition } from '../platform/errors.ts';
import { DocumentError } from './errors.ts';

describe('DocumentError', () => {
  it('is an AppError whose code has a status and titles in ar, fr and en', () => {
    const error = new DocumentError('documents.signer_failed', 'provider timeout after 30 s');
    expect(isAppError(error)).toBe(true);
    expect(error.code).toBe('documents.signer_failed');
    expect(error.status).toBe(503);
    expect(error.message).toBe('documents.signer_failed: provider timeout after 30 s');
    expect(problemDefinition('documents.render_failed')?.title.ar).toBe('تعذر إنشاء الوثيقة');
  });
});

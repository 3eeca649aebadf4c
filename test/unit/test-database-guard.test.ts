import { describe, expect, it } from 'vitest';
import { assertTestDatabase, databaseNameOf, UnsafeDatabaseError } from '../support/database.ts';

describe('the test database guard', () => {
  it('refuses to wipe a database whose name does not contain "test"', () => {
    expect(() => assertTestDatabase('taamir')).toThrow(UnsafeDatabaseError);
    expect(() => assertTestDatabase(databaseNameOf('postgres://u@127.0.0.1:5432/production'))).toThrow(
      /does not contain "test"/,
    );
    expect(() => assertTestDatabase('postgres')).toThrow(UnsafeDatabaseError);
  });

  it('accepts test databases', () => {
    expect(() => assertTestDatabase('test')).not.toThrow();
    expect(() =>
      assertTestDatabase(databaseNameOf('postgres://u@127.0.0.1:5432/taamir_test_42')),
    ).not.toThrow();
  });
});

import { isDatabaseUnavailable, isForeignKeyViolation, isUniqueViolation } from './database-errors';

describe('database error classification', () => {
  it.each([
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    new Error('timeout exceeded when trying to connect'),
    Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }),
    Object.assign(new Error('query failed'), {
      driverError: new Error('Connection terminated unexpectedly'),
    }),
  ])('treats %s as unavailable', (error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    Object.assign(new Error('duplicate key'), { code: '23505' }),
    new Error('something else broke'),
    'not an error',
  ])('does not treat %s as unavailable', (error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('recognizes a unique violation, optionally by constraint name', () => {
    const error = Object.assign(new Error('duplicate key'), { code: '23505', constraint: 'users_email_key' });
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(error, 'users_email_key')).toBe(true);
    expect(isUniqueViolation(error, 'users_username_key')).toBe(false);
    expect(isUniqueViolation(new Error('other'))).toBe(false);
  });

  it('recognizes a foreign key violation, also wrapped by the driver', () => {
    expect(isForeignKeyViolation(Object.assign(new Error('fk'), { code: '23503' }))).toBe(true);
    expect(isForeignKeyViolation({ driverError: { code: '23503' } })).toBe(true);
    expect(isForeignKeyViolation(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
  });
});

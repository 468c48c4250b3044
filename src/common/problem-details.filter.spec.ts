import type { ArgumentsHost } from '@nestjs/common';
import { ServiceUnavailableException } from '@nestjs/common';
import { ProblemDetailsFilter } from './problem-details.filter';

/** What the filter wrote: status, headers and the problem body. */
function answer(exception: unknown) {
  const headers: Record<string, string> = {};
  const sent: { status?: number; body?: Record<string, unknown> } = {};
  const res = {
    headersSent: false,
    setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value),
    getHeader: (name: string) => headers[name.toLowerCase()],
    status(code: number) {
      sent.status = code;
      return this;
    },
    type() {
      return this;
    },
    send(body: string) {
      sent.body = JSON.parse(body) as Record<string, unknown>;
    },
  };
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({ originalUrl: '/api/v1/x', id: 'req-1' }),
      getResponse: () => res,
    }),
  } as unknown as ArgumentsHost;
  const filter = new ProblemDetailsFilter();
  // The filter logs what it maps; the log is not under test here.
  Object.assign(filter, { logger: { warn: () => undefined, error: () => undefined } });
  filter.catch(exception, host);
  return { ...sent, headers };
}

const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code });

describe('ProblemDetailsFilter', () => {
  it.each(['22P02', '22003', '22007', '22021'])('answers SQLSTATE %s (a data exception) 400', (code) => {
    const { status, body } = answer(pgError(code));
    expect(status).toBe(400);
    expect(body).toMatchObject({ status: 400, requestId: 'req-1', instance: '/api/v1/x' });
    expect(JSON.stringify(body)).not.toContain(`pg ${code}`);
  });

  it.each(['40P01', '40001'])(
    'answers a conflict (%s) that escaped the retries 503 with Retry-After 1',
    (code) => {
      const { status, headers } = answer({ driverError: pgError(code) });
      expect(status).toBe(503);
      expect(headers['retry-after']).toBe('1');
    },
  );

  it('answers a dead database 503 with its default Retry-After, and a unique violation 409', () => {
    expect(answer(pgError('08006'))).toMatchObject({ status: 503, headers: { 'retry-after': '5' } });
    expect(answer(pgError('23505')).status).toBe(409);
  });

  it('keeps the Retry-After an exception names, and answers anything unknown 500 without internals', () => {
    const limited = answer(new ServiceUnavailableException({ message: 'busy', retryAfter: 1 }));
    expect(limited).toMatchObject({ status: 503, headers: { 'retry-after': '1' } });
    const unknown = answer(new Error('secret internals'));
    expect(unknown.status).toBe(500);
    expect(JSON.stringify(unknown.body)).not.toContain('secret internals');
  });
});

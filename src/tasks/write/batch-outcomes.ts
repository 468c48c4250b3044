import { HttpException, HttpStatus, UnprocessableEntityException } from '@nestjs/common';
import type { TaskDto } from '../dto/task.dto';

/**
 * How a batch of task writes reports: each item's outcome is what a request about it alone would have answered, and
 * an atomic batch that cannot be written whole writes nothing.
 */

/** What became of one task of a batch: its answer, or the error a request about it alone would have met. */
export type Outcome = TaskDto | HttpException;

/** Runs one item's check, recording its failure; true when it passed. */
export function checkItem<K>(failures: Map<K, HttpException>, key: K, check: () => void): boolean {
  try {
    check();
    return true;
  } catch (error) {
    if (!(error instanceof HttpException)) throw error;
    failures.set(key, error);
    return false;
  }
}

export async function checkItemAsync<K>(
  failures: Map<K, HttpException>,
  key: K,
  check: () => Promise<void>,
): Promise<void> {
  try {
    await check();
  } catch (error) {
    if (!(error instanceof HttpException)) throw error;
    failures.set(key, error);
  }
}

/** Thrown to roll back a batch that may not be written in part (whatever it stored on the way included). */
export class NothingWritten extends Error {
  constructor(readonly outcomes: HttpException[]) {
    super('Nothing written');
  }
}

/** An atomic batch that cannot be written whole: its failures, and 424 for every item that would have passed. */
export function atomicOutcomes(ids: string[], failures: Map<string, HttpException>): HttpException[] {
  return ids.map(
    (id) =>
      failures.get(id) ??
      new HttpException(
        'Not written: another item of this atomic request failed',
        HttpStatus.FAILED_DEPENDENCY,
      ),
  );
}

/** The one failure of a batch of one, or a 422 naming each item's fields as `items.<index>.<field>`. */
export function createsFailure(failures: Map<number, HttpException>, count: number): HttpException {
  if (count === 1) return failures.get(0)!;
  const errors = [...failures].flatMap(([index, failure]) => {
    const body = failure.getResponse() as { errors?: { field: string; message: string }[] };
    return (body.errors ?? [{ field: '', message: failure.message }]).map((error) => ({
      field: `items.${index}${error.field ? `.${error.field}` : ''}`,
      message: error.message,
    }));
  });
  return new UnprocessableEntityException({ message: 'No task was created: some items are invalid', errors });
}

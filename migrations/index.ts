import type { MigrationInterface } from 'typeorm';
import { CreateAccounts1764028800000 } from './1764028800000-CreateAccounts';

/** Every migration in the order it was written; files are never edited after they land. */
export const migrations: (new () => MigrationInterface)[] = [CreateAccounts1764028800000];

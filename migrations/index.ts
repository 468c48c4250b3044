import type { MigrationInterface } from 'typeorm';
import { CreateAccounts1764028800000 } from './1764028800000-CreateAccounts';
import { CreateProjects1764115200000 } from './1764115200000-CreateProjects';

/** Every migration in the order it was written; files are never edited after they land. */
export const migrations: (new () => MigrationInterface)[] = [
  CreateAccounts1764028800000,
  CreateProjects1764115200000,
];

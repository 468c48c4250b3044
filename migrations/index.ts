import type { MigrationInterface } from 'typeorm';
import { CreateAccounts1764028800000 } from './1764028800000-CreateAccounts';
import { CreateProjects1764115200000 } from './1764115200000-CreateProjects';
import { CreateTasks1764201600000 } from './1764201600000-CreateTasks';
import { CreateActivity1764288000000 } from './1764288000000-CreateActivity';
import { CreateGithubRepositories1764374400000 } from './1764374400000-CreateGithubRepositories';
import { CreateWebhooks1764460800000 } from './1764460800000-CreateWebhooks';
import { CreateConversation1764547200000 } from './1764547200000-CreateConversation';
import { CreateTime1764633600000 } from './1764633600000-CreateTime';
import { CreateLabels1764720000000 } from './1764720000000-CreateLabels';
import { CreateSubtasks1764806400000 } from './1764806400000-CreateSubtasks';
import { CreateRelations1764892800000 } from './1764892800000-CreateRelations';
import { CreatePositions1764979200000 } from './1764979200000-CreatePositions';
import { CreateSearch1765065600000 } from './1765065600000-CreateSearch';
import { CoverTaskLists1765152000000 } from './1765152000000-CoverTaskLists';
import { StoreNextOccurrences1765238400000 } from './1765238400000-StoreNextOccurrences';
import { NameRelatedTasks1765324800000 } from './1765324800000-NameRelatedTasks';
import { CreateWorkflowStates1765411200000 } from './1765411200000-CreateWorkflowStates';
import { CreateViews1765497600000 } from './1765497600000-CreateViews';
import { CreateCustomFields1765584000000 } from './1765584000000-CreateCustomFields';
import { CreateImports1765670400000 } from './1765670400000-CreateImports';
import { CreateIdentity1765756800000 } from './1765756800000-CreateIdentity';

/** Every migration in the order it was written; files are never edited after they land. */
export const migrations: (new () => MigrationInterface)[] = [
  CreateAccounts1764028800000,
  CreateProjects1764115200000,
  CreateTasks1764201600000,
  CreateActivity1764288000000,
  CreateGithubRepositories1764374400000,
  CreateWebhooks1764460800000,
  CreateConversation1764547200000,
  CreateTime1764633600000,
  CreateLabels1764720000000,
  CreateSubtasks1764806400000,
  CreateRelations1764892800000,
  CreatePositions1764979200000,
  CreateSearch1765065600000,
  CoverTaskLists1765152000000,
  StoreNextOccurrences1765238400000,
  NameRelatedTasks1765324800000,
  CreateWorkflowStates1765411200000,
  CreateViews1765497600000,
  CreateCustomFields1765584000000,
  CreateImports1765670400000,
  CreateIdentity1765756800000,
];

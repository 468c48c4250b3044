import { ApiKeyEntity } from './auth/entities/api-key.entity';
import { UserEntity } from './users/entities/user.entity';

/**
 * The tables read through TypeORM's repositories (every other one is plain SQL in its repository). The composition
 * root hands them to the database module, which so depends on no domain folder.
 */
export const ENTITIES: (new () => object)[] = [UserEntity, ApiKeyEntity];

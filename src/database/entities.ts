import { ApiKeyEntity } from '../auth/entities/api-key.entity';
import { UserEntity } from '../users/entities/user.entity';

/** Every TypeORM entity of the service; each domain module adds its own here. */
export const entities: (new () => object)[] = [UserEntity, ApiKeyEntity];

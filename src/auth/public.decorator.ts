import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'taskforge:public';

/** Opens a route to callers without credentials; every other route is closed by the global guard. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

import { ValidateIf } from 'class-validator';

/**
 * An optional body field whose column cannot hold null. `IsOptional` would wave `null` through to the database (and a
 * 500); this skips validation only when the field is absent, so `null` is refused with 422 like any other bad value.
 */
export const Omittable = () => ValidateIf((_dto, value) => value !== undefined);

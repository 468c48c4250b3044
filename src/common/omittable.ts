import { ValidateIf } from 'class-validator';

/**
 * An optional body field whose column cannot hold null. `IsOptional` would wave `null` through to the database (and a
 * 500); this skips validation only when the field is absent, so `null` is refused with 422 like any other bad value.
 */
export const Omittable = () => ValidateIf((_dto, value) => value !== undefined);

/**
 * For `PartialType`: an absent field is optional, but `null` is checked by the field's own rules, so it clears only
 * the fields that say they may be cleared (the default would wave `null` past every rule: `{"title": null}` was
 * ignored and `{"addLabelIds": null}` a 500).
 */
export const NULL_IS_A_VALUE = { skipNullProperties: false } as const;

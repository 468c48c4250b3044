import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, Length, Matches } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value);

/** A name a person types: trimmed, then 1 to `maxLength` characters, never blank. */
export const NameText = (maxLength: number) =>
  applyDecorators(
    Transform(trim),
    IsString(),
    IsNotEmpty({ message: 'name must not be blank' }),
    Length(1, maxLength),
  );

/** A colour as `#rrggbb`, any case accepted and stored in lower case. */
export const ColorText = () =>
  applyDecorators(
    Transform(lower),
    IsString(),
    Matches(/^#[0-9a-f]{6}$/, { message: 'color must be #rrggbb' }),
  );

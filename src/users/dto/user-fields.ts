import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  Validate,
  ValidatorConstraint,
} from 'class-validator';
import type { ValidatorConstraintInterface } from 'class-validator';
import { Omittable } from '../../common/omittable';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@ValidatorConstraint({ name: 'timezone' })
export class IsIanaTimezone implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || value.length > 64) return false;
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }

  defaultMessage(): string {
    return 'timezone must be an IANA time zone name such as Europe/Paris';
  }
}

/** Field rules shared by registration, profile edits and admin views: one definition each. */
export const EmailField = (required = true) =>
  applyDecorators(
    (required ? ApiProperty : ApiPropertyOptional)({ example: 'ada@example.com', maxLength: 254 }),
    ...(required ? [] : [Omittable()]),
    Transform(trim),
    IsEmail({}, { message: 'email must be a valid email address' }),
    MaxLength(254),
  );

export const PasswordField = (name = 'password') =>
  applyDecorators(
    ApiProperty({ minLength: 8, maxLength: 128, example: 'correct horse battery staple' }),
    IsString(),
    Length(8, 128, { message: `${name} must be 8 to 128 characters` }),
  );

export const UsernameField = () =>
  applyDecorators(
    ApiPropertyOptional({
      pattern: '^[a-z0-9_.-]{3,32}$',
      example: 'ada',
      nullable: true,
      description: 'null: none (sign in by email)',
    }),
    IsOptional(),
    IsString(),
    Matches(/^[a-z0-9_.-]{3,32}$/, { message: 'username must be 3 to 32 of a-z, 0-9, _ . -' }),
  );

export const DisplayNameField = () =>
  applyDecorators(
    ApiPropertyOptional({
      maxLength: 100,
      example: 'Ada Lovelace',
      nullable: true,
      description: 'null: none',
    }),
    IsOptional(),
    Transform(trim),
    IsString(),
    Length(1, 100),
  );

export const TimezoneField = () =>
  applyDecorators(ApiPropertyOptional({ example: 'Europe/Paris' }), Omittable(), Validate(IsIanaTimezone));

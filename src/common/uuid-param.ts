import { BadRequestException, Param, ParseUUIDPipe } from '@nestjs/common';

/** A path id that must be a UUID: anything else is 400 before a query runs. */
export const UuidParam = (name: string) =>
  Param(
    name,
    new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException(`${name} must be a UUID`) }),
  );

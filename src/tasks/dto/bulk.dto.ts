import { applyDecorators, HttpException, HttpStatus } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsObject,
  IsUUID,
  isUUID,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { Omittable } from '../../common/omittable';
import { httpProblem } from '../../common/problem';
import { TaskDto } from './task.dto';
import { CreateTaskDto, UpdateTaskDto } from './task-write.dto';

/** The most tasks one bulk request names. */
export const BULK_LIMIT = 200;

const BulkIds = () =>
  applyDecorators(
    ApiProperty({ type: String, format: 'uuid', isArray: true, minItems: 1, maxItems: BULK_LIMIT }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(BULK_LIMIT),
    ArrayUnique((id: unknown) => (typeof id === 'string' ? id.toLowerCase() : id), {
      message: 'ids must not repeat a task',
    }),
    IsUUID('all', { each: true }),
  );

const Versions = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: 'object',
      additionalProperties: { type: 'integer', minimum: 1 },
      example: { '0b5f3a5e-2f7c-4a4e-9d55-2b7f7d6a1c10': 3 },
      description: 'The version each task must be at (like If-Match); a task at another answers 412',
    }),
    Omittable(),
    ValidateBy({
      name: 'versions',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.entries(value).every(
            ([id, version]) => isUUID(id, 'all') && Number.isInteger(version) && (version as number) >= 1,
          ),
        defaultMessage: () => 'versions must map task ids to versions (integers from 1)',
      },
    }),
  );

const Atomic = () =>
  applyDecorators(
    ApiPropertyOptional({
      default: true,
      description:
        'true: nothing is written unless every task can be (the others answer 424); false: what can be',
    }),
    Omittable(),
    IsBoolean(),
  );

/** What a bulk edit sets: any field a PATCH takes but the GitHub link. */
export class BulkSetDto extends OmitType(UpdateTaskDto, ['version', 'githubRepo'] as const) {}

/** POST /tasks/bulk */
export class BulkUpdateDto {
  @BulkIds() ids: string[];

  @ApiProperty({ type: BulkSetDto })
  @IsDefined()
  @IsObject({ message: 'set must be an object' })
  @ValidateNested()
  @Type(() => BulkSetDto)
  set: BulkSetDto;

  @Versions() versions?: Record<string, number>;
  @Atomic() atomic?: boolean;
}

/** POST /tasks/bulk-delete */
export class BulkDeleteDto {
  @BulkIds() ids: string[];
  @Versions() versions?: Record<string, number>;
  @Atomic() atomic?: boolean;
}

/** POST /projects/{projectId}/tasks/bulk */
export class BulkCreateDto {
  @ApiProperty({ type: CreateTaskDto, isArray: true, minItems: 1, maxItems: BULK_LIMIT })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_LIMIT)
  @ValidateNested({ each: true })
  @Type(() => CreateTaskDto)
  items: CreateTaskDto[];
}

export class BulkProblemDto {
  @ApiProperty() title: string;
  @ApiProperty() status: number;
  @ApiProperty() detail: string;
}

/** What became of one task of a bulk request: the status its own request would have answered. */
export class BulkResultDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    example: 200,
    description: '200 (or 201, 204), 403, 404, 409, 412, 422; 424 when not attempted',
  })
  status: number;
  @ApiPropertyOptional({ type: TaskDto }) task?: TaskDto;
  @ApiPropertyOptional({
    type: BulkProblemDto,
    description: 'The problem its own request would have answered',
  })
  problem?: BulkProblemDto & Record<string, unknown>;
}

export class BulkAnswerDto {
  @ApiProperty({ type: BulkResultDto, isArray: true, description: 'One per id (or item), in order' })
  results: BulkResultDto[];
}

/** Each outcome as its result: a task (`status`), a deletion (`null`, 204) or the problem its own request met. */
export function bulkResults(
  ids: string[],
  outcomes: (TaskDto | HttpException | null)[],
  status: number,
): BulkAnswerDto {
  return {
    results: outcomes.map((outcome, index) => {
      const id = ids[index];
      if (outcome === null) return { id, status: HttpStatus.NO_CONTENT };
      if (outcome instanceof HttpException) {
        const problem = httpProblem(outcome);
        return { id, status: problem.status, problem: { type: 'about:blank', ...problem } };
      }
      return { id, status, task: outcome };
    }),
  };
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'title' }) field: string;
  @ApiProperty({ example: 'title must be shorter than or equal to 500 characters' }) message: string;
}

/** RFC 9457 problem details: the body of every error answer, as the OpenAPI document describes it. */
export class ProblemDto {
  @ApiProperty({ example: 'about:blank' }) type: string;
  @ApiProperty({ example: 'Not Found' }) title: string;
  @ApiProperty({ example: 404 }) status: number;
  @ApiProperty({ example: 'Task not found' }) detail: string;
  @ApiProperty({ example: '/api/v1/tasks/6a1f0c1e-0000-4000-8000-000000000000' }) instance: string;
  @ApiProperty({ description: 'Quote it when reporting a problem: the logs carry it' }) requestId: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'Each failing field, on a 400 or 422' })
  errors?: FieldErrorDto[];
}

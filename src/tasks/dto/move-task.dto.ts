import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Omittable } from '../../common/omittable';
import { TaskField, TaskStatus } from './task-fields';

export class MoveTaskDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Place the task immediately before this task' })
  @Omittable()
  @IsUUID('all')
  before?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Place the task immediately after this task' })
  @Omittable()
  @IsUUID('all')
  after?: string;

  @TaskField.stateId() stateId?: string;
  @TaskField.status() status?: TaskStatus;
  @TaskField.projectId('Move it to this project as well (at the end, unless before/after name tasks there)')
  projectId?: string;
  @TaskField.version() version?: number;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { TASK_STATUSES, TaskStatus } from '../../tasks/dto/task-fields';

/** A relation as seen from one of its tasks. */
export const RELATION_TYPES = ['blocks', 'blocked_by', 'relates_to', 'duplicates', 'duplicated_by'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** How a relation is stored: "source <kind> target". */
export type RelationKind = 'blocks' | 'relates_to' | 'duplicates';

export class CreateRelationDto {
  @ApiProperty({ enum: RELATION_TYPES, description: 'As seen from the task in the path' })
  @IsIn(RELATION_TYPES)
  type: RelationType;

  @ApiProperty({ format: 'uuid', description: 'The other task; the caller must be able to read it' })
  @IsUUID('all')
  taskId: string;
}

export class RelatedTaskDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: TASK_STATUSES }) status: TaskStatus;
  @ApiProperty({ format: 'uuid' }) projectId: string;
}

export class RelationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: RELATION_TYPES }) type: RelationType;
  @ApiProperty({ type: RelatedTaskDto }) task: RelatedTaskDto;
}

export class RelationListDto {
  @ApiProperty({ type: RelationDto, isArray: true }) items: RelationDto[];
}

/** A stored relation with the other task, as a query reads it from one side. */
export interface RelationRow {
  id: string;
  kind: RelationKind;
  outgoing: boolean;
  other_id: string;
  other_title: string;
  other_status: TaskStatus;
  other_project_id: string;
}

const REVERSE: Record<RelationKind, RelationType> = {
  blocks: 'blocked_by',
  relates_to: 'relates_to',
  duplicates: 'duplicated_by',
};

/** The stored direction of a type seen from one side: source and target, and the kind between them. */
export function storedAs(
  type: RelationType,
  from: string,
  to: string,
): { kind: RelationKind; source: string; target: string } {
  switch (type) {
    case 'blocked_by':
      return { kind: 'blocks', source: to, target: from };
    case 'duplicated_by':
      return { kind: 'duplicates', source: to, target: from };
    default:
      return { kind: type, source: from, target: to };
  }
}

export function mapRelation(row: RelationRow): RelationDto {
  return {
    id: row.id,
    type: row.outgoing ? row.kind : REVERSE[row.kind],
    task: {
      id: row.other_id,
      title: row.other_title,
      status: row.other_status,
      projectId: row.other_project_id,
    },
  };
}

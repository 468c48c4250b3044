import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { UserReferenceDto } from '../../users/dto/user-reference.dto';
import type { SharePermission } from '../../projects/project-permissions';

const PERMISSIONS = ['view', 'edit'] as const;

export class ShareTaskDto extends UserReferenceDto {
  @ApiProperty({ enum: PERMISSIONS }) @IsIn(PERMISSIONS) permission: SharePermission;
}

export class ShareDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ nullable: true, type: String }) username: string | null;
  @ApiProperty({ nullable: true, type: String }) displayName: string | null;
  @ApiProperty({ enum: PERMISSIONS }) permission: SharePermission;
  @ApiProperty() createdAt: string;
}

export class ShareListDto {
  @ApiProperty({ type: ShareDto, isArray: true }) items: ShareDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export interface ShareRow {
  user_id: string;
  username: string | null;
  display_name: string | null;
  permission: SharePermission;
  created_at: Date;
}

export function mapShare(row: ShareRow): ShareDto {
  return {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    permission: row.permission,
    createdAt: row.created_at.toISOString(),
  };
}

import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { PageQuery } from '../../common/page';
import { UserReferenceDto } from '../../users/dto/user-reference.dto';
import { GrantableRole, PROJECT_ROLES, ProjectRole } from '../project-permissions';

const GRANTABLE_ROLES = ['admin', 'member', 'viewer'] as const;

export class AddMemberDto extends UserReferenceDto {
  @ApiProperty({ enum: GRANTABLE_ROLES, description: 'Ownership moves only by transfer' })
  @IsIn(GRANTABLE_ROLES)
  role: GrantableRole;
}

export class UpdateMemberDto {
  @ApiProperty({ enum: GRANTABLE_ROLES }) @IsIn(GRANTABLE_ROLES) role: GrantableRole;
}

export class TransferProjectDto {
  @ApiProperty({ format: 'uuid', description: 'A current member; the old owner becomes admin' })
  @IsUUID('all')
  userId: string;
}

export class ListMembersQuery extends PageQuery {}

export class MemberDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ nullable: true, type: String }) username: string | null;
  @ApiProperty({ nullable: true, type: String }) displayName: string | null;
  @ApiProperty({ enum: PROJECT_ROLES }) role: ProjectRole;
  @ApiProperty() joinedAt: string;
}

export class MemberPageDto {
  @ApiProperty({ type: MemberDto, isArray: true }) items: MemberDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export interface MemberRow {
  user_id: string;
  username: string | null;
  display_name: string | null;
  role: ProjectRole;
  joined_at: Date;
}

export function mapMember(row: MemberRow): MemberDto {
  return {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    joinedAt: row.joined_at.toISOString(),
  };
}

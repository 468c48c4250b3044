import { Controller, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { RequireScope } from '../auth/require-scope.decorator';
import { setEtag } from '../common/etag';
import { UuidParam } from '../common/uuid-param';
import { TaskDto } from '../tasks/dto/task.dto';
import { GithubService } from './github.service';

@ApiTags('tasks')
@Controller('tasks')
export class GithubController {
  constructor(private readonly github: GithubService) {}

  @Post(':id/github/refresh')
  @RequireScope('tasks:write')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: TaskDto,
    description:
      'GitHub was asked again now; githubRepo.status "pending" means it did not answer and a retry is due',
  })
  @ApiNotFoundResponse({ description: 'No such task, or the caller may not see it' })
  @ApiConflictResponse({ description: 'The task links no GitHub repository' })
  async refresh(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TaskDto> {
    const task = await this.github.refresh(principal, id);
    setEtag(res, task.version);
    return task;
  }
}

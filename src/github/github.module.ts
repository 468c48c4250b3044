import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { GithubClient } from './github.client';
import { GithubController } from './github.controller';
import { GithubRetrier } from './github-retrier';
import { GithubService } from './github.service';

@Module({
  imports: [ProjectsModule],
  controllers: [GithubController],
  providers: [GithubClient, GithubService, GithubRetrier],
  exports: [GithubService],
})
export class GithubModule {}

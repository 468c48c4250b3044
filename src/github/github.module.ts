import { Module } from '@nestjs/common';
import { GithubClient } from './github.client';
import { GithubRepository } from './github.repository';
import { GithubService } from './github.service';

/** GitHub's API and the repository cache; tasks depend on it, never the other way round. */
@Module({
  providers: [GithubClient, GithubService, GithubRepository],
  exports: [GithubService],
})
export class GithubModule {}

import { ApiProperty } from '@nestjs/swagger';

export const GITHUB_REPO_STATUSES = ['ok', 'pending', 'error'] as const;
export type GithubRepoStatus = (typeof GITHUB_REPO_STATUSES)[number];

/** What a task shows of the repository it links. */
export class GithubRepoDto {
  @ApiProperty({ example: 'octocat/Hello-World', description: "GitHub's spelling once it has answered" })
  fullName: string;

  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ nullable: true, type: Number }) stars: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'https://github.com/octocat/Hello-World' })
  htmlUrl: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'When GitHub last answered for it' })
  fetchedAt: string | null;

  @ApiProperty({
    enum: GITHUB_REPO_STATUSES,
    description:
      'pending: GitHub was slow, down or rate-limiting and the service is retrying (data, if any, is older); ' +
      'error: GitHub no longer has the repository',
  })
  status: GithubRepoStatus;
}

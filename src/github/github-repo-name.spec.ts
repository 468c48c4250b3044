import { parseRepoName } from './github-repo-name';

describe('parseRepoName', () => {
  it.each([
    ['octocat/Hello-World', 'octocat/Hello-World'],
    ['  octocat/Hello-World  ', 'octocat/Hello-World'],
    ['https://github.com/octocat/Hello-World', 'octocat/Hello-World'],
    ['https://github.com/octocat/Hello-World/', 'octocat/Hello-World'],
    ['https://www.github.com/octocat/Hello-World.git', 'octocat/Hello-World'],
    ['HTTP://GitHub.com/nestjs/nest', 'nestjs/nest'],
    ['a/b.c_d-e', 'a/b.c_d-e'],
    [`${'o'.repeat(100)}/${'n'.repeat(100)}`, `${'o'.repeat(100)}/${'n'.repeat(100)}`],
  ])('reads %j as %s', (input, fullName) => {
    const parsed = parseRepoName(input);
    expect(parsed?.fullName).toBe(fullName);
    expect(parsed?.key).toBe(fullName.toLowerCase());
  });

  it.each([
    '',
    'octocat',
    'octocat/',
    '/Hello-World',
    'octocat/Hello-World/issues',
    'octocat/Hello World',
    'octo%2fcat/x',
    '../etc',
    'octocat/..',
    './x',
    'octocat/.git',
    `${'o'.repeat(101)}/x`,
    'https://gitlab.com/octocat/Hello-World',
    'https://github.com.evil.example/octocat/Hello-World',
    'https://evil.example/github.com/octocat/Hello-World',
    'https://github.com/octocat/Hello-World?x=1',
    'ftp://github.com/octocat/Hello-World',
    'https://user@github.com/octocat/Hello-World',
  ])('refuses %j', (input) => {
    expect(parseRepoName(input)).toBeNull();
  });
});

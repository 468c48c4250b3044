/**
 * Unit tests live beside the code; end-to-end tests under test/ boot the real app on a real PostgreSQL.
 *
 * NestJS 12 ships as ES modules. Node 20.19+ loads them from our CommonJS build natively (require(esm)), but Jest's
 * own module loader only does so from Node 24.9, so under Jest those packages are compiled to CommonJS by SWC too.
 */
const esmPackages = [
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  'peek-readable',
  'uint8array-extras',
  '@tokenizer',
  'load-esm',
  '@borewit',
  'temporal-polyfill',
  'temporal-spec',
  'temporal-utils',
  'ical.js',
  'fractional-indexing',
  '@otplib',
  '@scure',
  '@noble',
  'openid-client',
  'oauth4webapi',
  'jose',
];
const transform = {
  '^.+\\.ts$': ['@swc/jest'],
  '^.+\\.m?js$': [
    '@swc/jest',
    { jsc: { target: 'es2023', parser: { syntax: 'ecmascript' } }, module: { type: 'commonjs' } },
  ],
};
const shared = {
  testEnvironment: 'node',
  // file-type offers Node only `import` and `module-sync` (the conditions of Node's own require(esm)), which Jest's
  // resolver does not take; its entry is compiled like the packages above.
  moduleNameMapper: { '^file-type$': '<rootDir>/node_modules/file-type/index.js' },
  transform,
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  rootDir: '.',
};
module.exports = {
  maxWorkers: 2,
  testTimeout: 60000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    // Between the two: real repositories and the access policy on a real database, without HTTP.
    { ...shared, displayName: 'medium', testMatch: ['<rootDir>/test/**/*.medium-spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/event-loop-guard.ts'],
    },
  ],
};

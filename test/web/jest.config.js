/**
 * The browser tier: the built board in headless Chromium against the real app. Its own run (`npm run test:web`),
 * after the API tiers, since it needs the board built and a Chromium on the machine.
 */
const base = require('../../jest.config.js');
const [unit] = base.projects;

module.exports = {
  rootDir: '../..',
  testTimeout: 60000,
  maxWorkers: 1,
  transform: unit.transform,
  transformIgnorePatterns: unit.transformIgnorePatterns,
  moduleNameMapper: unit.moduleNameMapper,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/web/**/*.web-spec.ts'],
};

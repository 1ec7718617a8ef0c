// Unit tests of the plain-TS logic (src/logic, src/console/logic) and of the source boundaries
// (src/boundaries.test.ts): every *.test.ts under src. Run in ESM mode (see the `test` script) because
// @mashang/shared is published as ES modules.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json' }],
  },
};

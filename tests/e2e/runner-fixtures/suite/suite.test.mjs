import { describe, test } from 'node:test';
describe('a suite', () => {
  test('inside, one', () => {});
  test('inside, two', () => {});
});

import { test } from 'node:test';
test('second file, one', () => {});

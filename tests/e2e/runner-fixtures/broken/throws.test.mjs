import { test } from 'node:test';
test('never registered', () => {});
throw new Error('this file fails while loading');

import { test } from 'node:test';
test('passes', () => {});
test('to do', { todo: true }, () => {});

import { test } from 'node:test';
test('passes', () => {});
test('skipped by option', { skip: 'not here' }, () => {});
test('skipped from its body', (t) => t.skip('changed its mind'));

import { test } from 'node:test';
import assert from 'node:assert/strict';
test('passes', () => {});
test('fails', () => assert.equal('left', 'right'));

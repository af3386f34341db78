import { test } from 'node:test';
import assert from 'node:assert/strict';
test('first file, one', () => assert.equal(1 + 1, 2));
test('first file, two', async () => assert.ok(process.env.RAPPORTEUR_URL.startsWith('http://127.0.0.1:')));

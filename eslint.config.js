// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.test-results/**', '.bench/**', 'public/sw.js', 'tests/fixtures/**', '**/.wrangler/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
        Buffer: 'readonly', fetch: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', window: 'readonly',
        document: 'readonly', performance: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // One place for storage: only src/storage talks to Dexie (its repository functions are the API; core has its own rule below).
    files: ['src/**/*.ts', 'workers/**/*.ts', 'bin/**/*.mjs', 'scripts/**/*.mjs', 'tests/**/*.ts'],
    ignores: ['src/storage/**', 'src/core/**', 'tests/**/storage.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'dexie', message: 'Only src/storage imports Dexie: add a repository function there.' }] }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../../media/*', '../../storage/*', '../../ui/*', '../../loop/*', '../../app/*', 'dexie', 'lit', 'mediabunny'], message: 'src/core is pure: it imports nothing from the browser adapters.' }] }],
    },
  },
);

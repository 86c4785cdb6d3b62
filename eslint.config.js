import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'plugins/*/dist/',
      '.next/',
      'data/',
      'scratch/',
      'test-results/',
      'next-env.d.ts',
      'payload-types.ts',
      'src/migrations/',
      'src/app/(payload)/admin/importMap.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The plugin is a package any Payload app installs: it imports nothing of the app's.
    files: ['plugins/*/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/*', '@payload-config', '../../*'], message: 'The plugin imports nothing from the app.' },
          ],
        },
      ],
    },
  },
  {
    // Collections import src/, never the other way round.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/collections', '**/collections/*'], message: 'src/ does not import collections/.' }] },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Request: 'readonly', URL: 'readonly' } },
  },
)

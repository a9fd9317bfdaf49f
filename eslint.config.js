// One linter for the whole repository. Type-aware so floating promises are caught.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-firefox/**',
      'node_modules/**',
      'artifacts/**',
      'coverage/**',
      '.scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['bin/**/*.js', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // The core runs unchanged in the worker, Node and the CLI: it imports nothing else of the project.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/platform/**',
                '**/background/**',
                '**/popup/**',
                '**/options/**',
                '**/idp/**',
                '**/cli/**',
              ],
              message: 'src/core must not import other parts of the project.',
            },
            {
              group: ['node:*', 'webextension-polyfill', 'preact', 'preact/*'],
              message: 'src/core is pure: no Node, browser or UI imports.',
            },
          ],
        },
      ],
      'no-console': 'error',
    },
  },
  {
    // Assertion text is never inserted as HTML.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Never insert data as HTML; build nodes or use text.' },
        { property: 'outerHTML', message: 'Never insert data as HTML; build nodes or use text.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Never insert data as HTML.',
        },
      ],
    },
  },
  {
    // Extension code reaches browser APIs only through src/platform.
    files: [
      'src/background/**',
      'src/popup/**',
      'src/options/**',
      'src/content/**',
      'src/shared/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'webextension-polyfill',
              message: 'Use src/platform wrappers so logic stays testable.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'chrome', message: 'Use src/platform wrappers.' }],
    },
  },
);

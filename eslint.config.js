// One linter for the whole repository. Type-aware so floating promises are caught.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Outside the core, only its entries: the core decides what SAML, AWS and STS mean, and each
// entry is a bundle boundary (the worker must not pull in the STS client).
const CORE_ENTRIES_ONLY = {
  group: [
    '**/core/**',
    '!**/core/index.ts',
    '!**/core/inspect.ts',
    '!**/core/credentials.ts',
    '!**/core/settings.ts',
    '!**/core/xml.ts',
    '!**/core/policy.ts',
    '!**/core/bridge.ts',
  ],
  message:
    'Import the core through an entry: core/inspect.ts, credentials.ts, settings.ts, xml.ts, policy.ts, bridge.ts (or index.ts in Node).',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-firefox/**',
      'dist-cli/**',
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
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
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
    files: ['src/cli/**', 'src/idp/**', 'src/platform/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [CORE_ENTRIES_ONLY] }] },
  },
  {
    // The stand-in judges with its own checks so the differential test can compare it with the
    // lint (test/idp/standin-independence.test.ts follows every import; this says so at once).
    files: ['src/idp/standin/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            CORE_ENTRIES_ONLY,
            {
              group: ['**/core/inspect.ts', '**/core/index.ts'],
              importNames: [
                'lint',
                'RULES',
                'inspect',
                'inspectDecoded',
                'inspectPostedForm',
                'buildAwsView',
                'readRolePairs',
                'AWS_LIMITS',
                'acceptedAudiences',
                'isAcceptedAudience',
                'classifySamlEndpoint',
                'classifySigninHost',
              ],
              message:
                "The stand-in decides what AWS accepts with its own code (src/idp/standin/judge/), never the core's.",
            },
          ],
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
          patterns: [CORE_ENTRIES_ONLY],
        },
      ],
      'no-restricted-globals': ['error', { name: 'chrome', message: 'Use src/platform wrappers.' }],
    },
  },
);

import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // core/ runs in a browser Web Worker: no Node built-ins, no console, no clock.
    files: ['core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-globals': [
        'error',
        'process',
        'Buffer',
        'require',
        '__dirname',
        '__filename',
        'setImmediate',
        'global',
      ],
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'fs', 'path', 'exceljs', 'os', 'worker_threads'] },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'core/ never reads the clock: take asOf as a parameter.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'core/ never reads the clock: take asOf as a parameter.',
        },
      ],
    },
  },
  {
    // The front ends reach core only through its public entry points: core/index.js for
    // everything, core/readers/index.js for the file readers' record machinery.
    files: ['pipeline/**/*.ts', 'addin/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)core/(?!index\\.js$|readers/index\\.js$)',
              message:
                'Import core through core/index.js (or core/readers/index.js for file readers).',
            },
          ],
        },
      ],
    },
  },
  {
    // The task pane, its worker and the demo page run in a browser, with Office.js's globals.
    files: ['addin/src/**/*.ts', 'addin/demo/**/*.ts'],
    languageOptions: {
      globals: {
        ...globals.browser,
        ...globals.worker,
        Office: 'readonly',
        Excel: 'readonly',
        OfficeExtension: 'readonly',
      },
    },
  },
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'scripts/generators/node_modules/**', 'test-results/**', 'demo-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Page-controlled strings must never become markup: the overlay renders text nodes only.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Never innerHTML: page strings are rendered as text.' },
        { property: 'outerHTML', message: 'Never outerHTML: page strings are rendered as text.' },
        { property: 'insertAdjacentHTML', message: 'Never insertAdjacentHTML.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render markup: page strings are text.' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // One import style in the repository: relative paths, which Node, the CLI's bundler and editors all follow
      // without an alias.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/**', '~/**', '@@/**', '~~/**'], message: 'Import by relative path, not through an alias.' }] },
      ],
    },
  },
  {
    files: ['scripts/**', 'test/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);

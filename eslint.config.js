// Lint: typescript-eslint, React hooks, jsx-a11y, TanStack Query, and the import boundaries of
// design.md: web and server may import csms; web never imports server (nor the emulator), the
// server and emulator never import web, csms imports neither.
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const forbid = (...groups) => ({
  'no-restricted-imports': [
    'error',
    { patterns: groups.map((group) => ({ group: [`**/${group}/**`], message: `design.md: this layer must not import src/${group}.` })) },
  ],
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', '.test-results', '.bench', 'spec'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Values, names and descriptions render as text only.' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, '@tanstack/query': pluginQuery },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      ...pluginQuery.configs.recommended.rules,
      'jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['tabpanel', 'region'] }],
      ...forbid('server', 'emulator'),
    },
  },
  {
    files: ['src/server/**/*.ts', 'src/emulator/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**', '*.config.*'],
    languageOptions: { globals: globals.node },
  },
  { files: ['bench/floor/**/*.tsx'], languageOptions: { globals: globals.browser } },
  { files: ['src/server/**/*.ts'], rules: forbid('web') },
  { files: ['src/emulator/**/*.ts'], rules: forbid('web', 'server') },
  { files: ['src/csms/**/*.ts'], rules: forbid('web', 'server', 'emulator') },
  { files: ['**/*.test.ts', 'e2e/**/*.ts', 'src/**/testing/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);

// Lint: typescript-eslint, React hooks, jsx-a11y, TanStack Query, no import cycles, and the
// layers: web, server and emulator may import shared (the contract and what both sides use); web
// never imports server or the emulator, the server and the emulator never import web, shared
// imports none of them. The app carries no validator: it
// imports only the types of the contract's zod schemas. A route module imports components, never
// another route.
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import lingui from 'eslint-plugin-lingui';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (...groups) => groups.map((group) => ({ group: [`**/${group}/**`], message: `This layer must not import src/${group}.` }));

/**
 * Every web file's words go through Lingui: an English literal added to one (text, aria-label,
 * title, placeholder, a message) fails lint instead of showing untranslated on a Chinese page.
 */
const translatedFiles = ['src/web/**/*.{ts,tsx}'];

const restrict = (...patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });

/** Types only: the schemas are checked on the server, and zod must not reach the browser. */
const typesOnly = [
  { group: ['zod', 'zod/*'], message: 'The app carries no validator: the console server checks every answer.' },
  {
    group: ['**/shared/schemas*', '**/shared/console-api*'],
    allowTypeImports: true,
    message: 'Import only the types of the contract: the console server validates, the app trusts its shape.',
  },
  { group: ['**/shared/signer*'], message: 'Only the server signs: the key never reaches the browser.' },
];

export default tseslint.config(
  { ignores: ['dist', 'dist-server', 'node_modules', 'test-results', 'playwright-report', '.test-results', '.bench', 'spec'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
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
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  // Every package imported is declared in package.json. The server's and the emulator's runtime code
  // may use only `dependencies`: the image installs nothing else.
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    rules: { 'import-x/no-extraneous-dependencies': ['error', { devDependencies: true, includeTypes: true }] },
  },
  {
    files: ['src/server/**/*.ts', 'src/emulator/**/*.ts', 'src/shared/**/*.ts'],
    ignores: ['**/*.test.ts', '**/testing/**'],
    rules: { 'import-x/no-extraneous-dependencies': ['error', { devDependencies: false, includeTypes: true }] },
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
      ...restrict(...layer('server', 'emulator'), ...typesOnly),
    },
  },
  {
    files: translatedFiles,
    ignores: ['**/*.test.ts', '**/*.test.tsx', 'src/web/i18n/test-setup.ts'],
    plugins: { lingui },
    rules: {
      ...lingui.configs['flat/recommended'].rules,
      // Words only: class lists, keys, ids, CSS selectors and the like are not words to translate.
      // Also not words: CSMS's operation names (CreateSecret: one token of two or more capitalised
      // parts), the keys a shortcut is pressed with (`keys`, `aria-keyshortcuts`: Escape,
      // ArrowDown), and media queries.
      'lingui/no-unlocalized-strings': [
        'error',
        {
          ignore: ['^(?![A-Z])\\S+$', '^[^a-z]*$', '^[a-z0-9-]+(:[a-z0-9-]+)?( [a-z0-9:/.\\[\\]()=_-]+)*$', '^([A-Z][a-z0-9]+){2,}$'],
          ignoreNames: [
            {
              regex: {
                pattern:
                  'className|^type$|^id$|^name$|^key$|^keys$|^aria-keyshortcuts$|^role$|^variant$|^size$|^to$|^href$|^operation$|^code$|^[A-Z0-9_]+$',
              },
            },
          ],
          ignoreFunctions: [
            'Error',
            'console.*',
            '*.querySelector',
            '*.querySelectorAll',
            '*.closest',
            '*.matchMedia',
            'matchMedia',
            '*.startsWith',
            'useMediaQuery',
            // A CSMS operation's name picks the row of the console's endpoints.
            'csmsRead',
          ],
        },
      ],
    },
  },
  {
    files: ['src/web/routes/**/*.{ts,tsx}'],
    rules: restrict(...layer('server', 'emulator'), ...typesOnly, {
      group: ['./*', '../routes/*'],
      message: 'A route imports components, never another route: move what is shared to components/.',
    }),
  },
  {
    files: ['src/server/**/*.ts', 'src/emulator/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**', '*.config.*'],
    languageOptions: { globals: globals.node },
  },
  { files: ['bench/floor/**/*.tsx'], languageOptions: { globals: globals.browser } },
  { files: ['src/server/**/*.ts'], rules: restrict(...layer('web')) },
  { files: ['src/emulator/**/*.ts'], rules: restrict(...layer('web', 'server')) },
  { files: ['src/shared/**/*.ts'], rules: restrict(...layer('web', 'server', 'emulator')) },
  { files: ['**/*.test.ts', 'e2e/**/*.ts', 'src/**/testing/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);

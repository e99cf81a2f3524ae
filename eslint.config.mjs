/**
 * The project's lint rules: Kibana's TypeScript and React rules where they apply to a plugin, plus
 * import restrictions that encode this plugin's layout (DESIGN.md §2). Formatting is prettier's job
 * (`.prettierrc`, run before this in `npm test`), as in Kibana, where `prettier/prettier` is a lint
 * rule (elastic/kibana:packages/kbn-eslint-config/flat/base.mjs).
 *
 * Sources for the Kibana rules kept here:
 * - elastic/kibana:packages/kbn-eslint-config/flat/typescript.mjs (import/order groups, eqeqeq,
 *   consistent-type-imports, no-shadow, no-console, prefer-const, object-shorthand…);
 * - elastic/kibana:packages/kbn-eslint-config/flat/react.mjs (react-hooks rules);
 * - elastic/kibana:packages/kbn-eslint-config/flat/base.mjs (`@kbn/eslint/module_migration`:
 *   `zod` → `@kbn/zod`, `react-intl` → `@kbn/i18n-react`; `@kbn/imports/no_boundary_crossing`,
 *   which keeps a plugin's code from reaching into what does not ship).
 */
import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const PRODUCT = ['common/**/*.{ts,tsx}', 'server/**/*.{ts,tsx}', 'public/**/*.{ts,tsx}'];
const TESTS = ['**/*.test.{ts,tsx}'];

/** Product code never reaches into `test/`: nothing there ships, so the import would not build. */
const NO_TEST_IMPORTS = {
  group: ['**/test/**', '**/test'],
  message: 'Product code must not import from test/: nothing in test/ ships with the plugin.',
};

/** Kibana ships these libraries under its own names (module_migration in kbn-eslint-config). */
const KIBANA_NAMES = [
  { name: 'zod', message: "Import Kibana's copy: '@kbn/zod/v4'." },
  { name: 'zod/v4', message: "Import Kibana's copy: '@kbn/zod/v4'." },
  { name: '@elastic/datemath', message: "Import Kibana's copy: '@kbn/datemath'." },
  { name: 'react-intl', message: "Import '@kbn/i18n-react' instead." },
];

/** `common/` is pure: shared by server and browser, it may use only pure shared packages. */
const COMMON_ALLOWED_KBN = ['@kbn/zod', '@kbn/zod/*', '@kbn/datemath', '@kbn/es-query'];

function restrictedImports(...groups) {
  return [
    'error',
    {
      paths: KIBANA_NAMES,
      patterns: groups.flat(),
    },
  ];
}

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'build/**', 'target/**', 'coverage/**', 'test-results/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser, ...globals.jest },
    },
    plugins: { import: importPlugin, 'react-hooks': reactHooks },
    rules: {
      // Kibana: flat/typescript.mjs
      'import/order': [
        'error',
        { groups: [['external', 'builtin'], 'internal', ['parent', 'sibling', 'index']] },
      ],
      'import/first': 'error',
      'import/no-duplicates': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'error',
      'no-var': 'error',
      'prefer-const': 'error',
      'object-shorthand': 'error',
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
      'no-throw-literal': 'error',
      'no-unsafe-finally': 'error',
      'no-prototype-builtins': 'error',
      'no-shadow': 'off',
      '@typescript-eslint/no-shadow': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', disallowTypeAnnotations: false, fixStyle: 'inline-type-imports' },
      ],
      // House style (STYLE.md): no `any`, no `!`.
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Kibana: flat/react.mjs
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // CommonJS config files (jest) are Node scripts.
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Type-aware rules where they are cheap and catch real faults: a promise nobody awaits on the
    // server is a request that fails silently (typescript-eslint's projectService reuses tsconfig).
    files: ['server/**/*.ts', 'public/**/*.{ts,tsx}', 'common/**/*.ts'],
    ignores: TESTS,
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
    },
  },
  {
    files: PRODUCT,
    ignores: TESTS,
    rules: { 'no-restricted-imports': restrictedImports(NO_TEST_IMPORTS) },
  },
  {
    files: ['common/**/*.ts'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': restrictedImports(NO_TEST_IMPORTS, [
        {
          group: [
            'react',
            'react-dom',
            'react-dom/*',
            '@elastic/eui',
            '@elastic/eui/*',
            '@elastic/charts',
          ],
          message: 'common/ is shared with the server: no React or EUI.',
        },
        {
          group: ['node:*', 'fs', 'fs/*', 'path', 'http', 'https', 'os', 'crypto', 'child_process'],
          message: 'common/ runs in the browser too: no Node built-ins.',
        },
        {
          group: ['@kbn/*', ...COMMON_ALLOWED_KBN.map((name) => `!${name}`)],
          message:
            'common/ may use only pure shared packages (@kbn/zod, @kbn/datemath, @kbn/es-query).',
        },
        {
          group: ['**/server', '**/server/**', '**/public', '**/public/**'],
          message: 'common/ is what server/ and public/ share; it imports neither.',
        },
      ]),
    },
  },
  {
    files: ['server/**/*.ts'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': restrictedImports(NO_TEST_IMPORTS, [
        {
          group: ['**/public', '**/public/**'],
          message: 'server/ never imports browser code; share through common/.',
        },
        {
          group: ['react', 'react-dom', 'react-dom/*', '@elastic/eui', '@elastic/eui/*'],
          message: 'server/ renders nothing: no React or EUI.',
        },
      ]),
    },
  },
  {
    files: ['public/**/*.{ts,tsx}'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': restrictedImports(NO_TEST_IMPORTS, [
        {
          group: ['**/server', '**/server/**', '@kbn/core/server', '@kbn/*/server'],
          message: 'public/ never imports server code; share through common/.',
        },
      ]),
    },
  },
  {
    // Scripts, the harness and benchmarks print to the console by design.
    files: ['scripts/**', 'test/**', '*.mjs', '*.js'],
    rules: { 'no-console': 'off' },
  }
);

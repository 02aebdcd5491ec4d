import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import reactRefresh from 'eslint-plugin-react-refresh'
import tseslint from 'typescript-eslint'
import { defineConfig, globalIgnores } from 'eslint/config'

export default defineConfig([
  globalIgnores(['dist']),
  {
    files: ['**/*.{ts,tsx}'],
    extends: [
      js.configs.recommended,
      tseslint.configs.recommended,
      reactHooks.configs['recommended-latest'],
      reactRefresh.configs.vite,
    ],
    languageOptions: {
      ecmaVersion: 2020,
      globals: globals.browser,
    },
  },
  {
    // A flow step kind is one file: its editor component and its registry entry (pages/flows/steps/registry.ts),
    // so that a new kind is one file and one registry line. Fast refresh reloads such a file whole, which is fine.
    files: ['src/pages/flows/steps/*.tsx'],
    rules: { 'react-refresh/only-export-components': 'off' },
  },
])

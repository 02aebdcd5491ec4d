import { defineConfig } from 'vite'

// The web chat widget (src/widget): one small, dependency-free script that any site embeds with the channel's
// snippet. Built after the dashboard into the same folder, which the dashboard's build empties first, so
// `emptyOutDir` stays false here. The name has no hash because the snippet on customers' sites never changes;
// the web role serves it with `Cache-Control: no-cache` (revalidated, so a new release reaches every site).
export default defineConfig({
  build: {
    outDir: '../target/classes/web/app',
    emptyOutDir: false,
    sourcemap: false,
    target: 'es2019',
    lib: {
      entry: 'src/widget/main.ts',
      formats: ['iife'],
      name: 'ParleyWidget',
      fileName: () => 'widget.js',
    },
  },
})

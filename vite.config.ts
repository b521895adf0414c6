import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress.ts';

/** The web app: index.html → src/web/main.tsx, built into dist/ which the server serves with an SPA fallback. */
export default defineConfig({
  root: '.',
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      input: 'index.html',
      output: {
        codeSplitting: {
          // Stable vendor chunks cache across releases; antd stays split by what each page uses.
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/ },
          ],
        },
      },
    },
    // antd's shared core is about 600 kB before gzip (≈190 kB gzipped); everything else is split per page.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});

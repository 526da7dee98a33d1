import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  // Fastify's tooling hoists cookie 2.x while kit 2 needs 0.6 (TOOLCHAIN.md): bundle kit's own copy.
  ssr: { noExternal: ['cookie'] },
  // The grades page carries ECharts (only the charts it registers): ~210 kB gzipped, above Vite's default.
  build: { chunkSizeWarningLimit: 700 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});

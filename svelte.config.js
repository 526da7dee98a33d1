// SvelteKit: the web app lives in web/ and is built to static files that the API serves on its own port.
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    // The top-level folder layout is fixed by DESIGN.md: the app's sources are web/, not src/.
    files: {
      src: 'web',
      lib: 'web/lib',
      routes: 'web/routes',
      assets: 'web/static',
      appTemplate: 'web/app.html',
    },
    // A single-page app: every route falls back to index.html and loads its data from /api.
    adapter: adapter({ pages: 'build/web', assets: 'build/web', fallback: 'index.html', strict: true }),
    alias: { $web: 'web' },
  },
};

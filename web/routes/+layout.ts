// A single-page app: the API serves build/web and every route renders in the browser (svelte.config.js
// sets the adapter's fallback page). Nothing is rendered on the server or at build time.
export const ssr = false;
export const prerender = false;

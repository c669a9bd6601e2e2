// `npm run build` (vite build) writes the bundled app to dist/; `npm run dev` serves it.
// Run `hamlet generate` first: web/main.js imports the generated glue.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import elm from 'vite-plugin-elm';

export default defineConfig({
    root: fileURLToPath(new URL('./web', import.meta.url)),
    // Relative asset URLs: dist/ works from any sub-path, and from a static server.
    base: './',
    plugins: [elm()],
    build: {
        outDir: fileURLToPath(new URL('./dist', import.meta.url)),
        emptyOutDir: true,
    },
});

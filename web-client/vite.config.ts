import { defineConfig } from "vite";

// Preact's automatic JSX runtime through esbuild (tsconfig's jsxImportSource); no Babel.
export default defineConfig({
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: {
    target: "es2020",
    // Inline nothing as data: URLs; the CSP allows 'self' only.
    assetsInlineLimit: 0,
    sourcemap: false,
    // dist/.vite/manifest.json: lets scripts/size.mjs follow what a screen imports.
    manifest: true,
  },
  server: {
    // `npm run dev` talks to `make run` on :8000 through the same origin.
    proxy: {
      "/graphql": "http://127.0.0.1:8000",
      "/activate": "http://127.0.0.1:8000",
      "/reset-password": "http://127.0.0.1:8000",
      "/documents": "http://127.0.0.1:8000",
      "/forms": "http://127.0.0.1:8000",
      "/shared": "http://127.0.0.1:8000",
    },
  },
});

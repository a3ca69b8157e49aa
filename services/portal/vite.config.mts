// Builds the portal into dist/, which the all-in-one serves at `/` and `npm start` serves on its
// own. In development (`npm run dev`) the API calls go to GRAPHQL_URL's origin.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { dropDisplayNames } from './build/dropDisplayNames';
import { precompress } from './build/precompress';

const api = new URL(process.env['GRAPHQL_URL'] ?? 'http://127.0.0.1:4000/graphql').origin;

export default defineConfig({
  plugins: [react(), dropDisplayNames(), precompress('dist')],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/graphql': api, '/demo': api, '/portal/config': api },
  },
  preview: { host: '127.0.0.1' },
});

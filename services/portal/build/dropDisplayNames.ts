// A Vite plugin: the NL Design System React library is one module that sets `displayName` on every
// component at its top level. A bundler must keep such a write (it changes an object), and with it
// every component, used or not (192 kB of the first 610 kB). The names only label components in
// React's developer tools, so the production build leaves them out and the unused components go.
// Scoped to that one file: assuming property writes harmless everywhere broke the portal's forms.
import type { Plugin } from 'vite';

const library = /[\\/]@utrecht[\\/]component-library-react[\\/]dist[\\/]index\.mjs$/;
const displayName = /^[A-Za-z_$][\w$]*\.displayName = '[^']*';$/gm;

export function dropDisplayNames(): Plugin {
  return {
    name: 'kot-drop-display-names',
    apply: 'build',
    transform(code, id) {
      if (!library.test(id)) return null;
      return { code: code.replace(displayName, ''), map: null };
    },
  };
}

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Only the Latin subset, regular and bold: the weights the theme uses.
import '@fontsource/source-sans-3/latin-400.css';
import '@fontsource/source-sans-3/latin-700.css';
import './styles/components.css';
import './styles/theme.css';
import './styles/portal.css';
import './styles/casePage.css';
import './styles/lists.css';
import { App } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

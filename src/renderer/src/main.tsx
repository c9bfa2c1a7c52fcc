import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { startDeskLanguage } from './i18n/desk-text';
import './styles.css';

// The operator's language before the first frame: the stored choice, else the browser's.
startDeskLanguage();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>
);

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/i18n.ts';
import './app/global.css';
import { TideApp } from './app/app.tsx';

// A page chunk of an older build is gone after an upgrade: load the new build instead of failing,
// at most once a minute, so that a server that is down does not make the page reload in a loop.
window.addEventListener('vite:preloadError', (event) => {
  const last = Number(sessionStorage.getItem('tide.reloadedForChunk') ?? 0);
  if (Date.now() - last < 60_000) return;
  sessionStorage.setItem('tide.reloadedForChunk', String(Date.now()));
  event.preventDefault();
  window.location.reload();
});

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <TideApp />
  </StrictMode>,
);

/**
 * Composition root: paints the page's frame at once, then loads the lab (simulation, terminal engine,
 * kubectl, panels) with a dynamic import and renders it (app/boot.tsx). Keeping the first paint small
 * keeps it fast on slow devices whatever the simulation grows to.
 */
import { createRoot } from 'react-dom/client';
import './styles/app.css';

const el = document.getElementById('root');
if (el) {
  const root = createRoot(el);
  root.render(
    <p className="booting" role="status">
      StatefulSet Lab…
    </p>,
  );
  void import('./app/boot.tsx').then(({ boot }) => boot(root));
}

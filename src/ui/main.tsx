import { createRoot } from 'react-dom/client';

const root = document.getElementById('root');
if (root) createRoot(root).render(<main><h1>TCP Lab</h1><p>The lab is being built.</p></main>);

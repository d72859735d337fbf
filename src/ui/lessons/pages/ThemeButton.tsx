// The lab's light/dark switch, for the course header.

import { Icon } from '../../Controls/Icon.tsx';
import { useTheme } from '../../hooks/useTheme.ts';

export function ThemeButton() {
  const [theme, toggle] = useTheme();
  return (
    <button type="button" className="btn btn-ghost" onClick={toggle} aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'} aria-pressed={theme === 'dark'}>
      <Icon name={theme === 'dark' ? 'sun' : 'moon'} />
      <span className="btn-text">{theme === 'dark' ? 'Light' : 'Dark'}</span>
    </button>
  );
}

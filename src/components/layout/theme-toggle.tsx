import { useEffect, useId } from 'react';
import { usePreferences, type Theme } from '../../stores/preferences';

export function ThemeToggle() {
  const { theme, setTheme } = usePreferences();
  const id = useId();
  useEffect(() => {
    const root = document.documentElement;
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      root.dataset.theme = theme === 'system' ? (media.matches ? 'dark' : 'light') : theme;
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
  return (
    <div className="theme-toggle">
      <label htmlFor={id}>Theme</label>
      <select id={id} className="input input-small" value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </div>
  );
}

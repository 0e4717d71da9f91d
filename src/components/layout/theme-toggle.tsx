import { useEffect, useId } from 'react';
import { usePreferences, type Theme } from '@/stores/preferences';
import { Select } from '../ui/select';

const THEMES = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

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
      <Select id={id} value={theme} options={THEMES} onChange={(next) => setTheme(next as Theme)} />
    </div>
  );
}

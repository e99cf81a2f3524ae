import { useEffect, useState } from 'react';
import { useServices } from '../services/services_context';

/**
 * Whether Kibana shows its dark theme, following `core.theme.theme$` (which replays the current
 * theme). EUI follows the same observable through Kibana's render context; the charts read this.
 */
export function useDarkMode(): boolean {
  const { theme } = useServices();
  const [darkMode, setDarkMode] = useState(() => theme.getTheme().darkMode);
  useEffect(() => {
    const subscription = theme.theme$.subscribe((current) => setDarkMode(current.darkMode));
    return () => subscription.unsubscribe();
  }, [theme]);
  return darkMode;
}
